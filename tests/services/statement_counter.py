"""Counting the SQL statements a service sends (a board must not ask once per grid or company)."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def counting_statements(engine):
    """Yields a list that collects every statement run on `engine` inside the block."""
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)
