"""Test helpers that work on both databases: plain SQL against a file or a server, private copies."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event, make_url, text

from gridkeeper.storage.server import is_server_url, make_server_engine, server_url


def _server_sql(sql: str) -> str:
    return sql.replace("?", "%s")


def query_rows(db, sql: str, *params) -> list[tuple]:
    """Rows of `sql` (? placeholders) from a SQLite file or a PostgreSQL URL."""
    if is_server_url(str(db)):
        engine = make_server_engine(server_url(str(db)))
        try:
            with engine.connect() as conn:
                return [tuple(row) for row in conn.exec_driver_sql(_server_sql(sql), tuple(params))]
        finally:
            engine.dispose()
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def execute_sql(db, sql: str) -> None:
    """Run one statement and commit, behind the app's back (tampering tests)."""
    if is_server_url(str(db)):
        engine = make_server_engine(server_url(str(db)))
        try:
            with engine.begin() as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()
        return
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(sql)
    conn.close()


def private_copy(db, folder: Path, pg_databases=None):
    """A writable copy of a (demo) database: a copied file, or a server database made from it as template."""
    if is_server_url(str(db)):
        name = make_url(str(db)).database
        return pg_databases.copy_of(name)
    target = Path(folder) / Path(db).name
    shutil.copy(db, target)
    return target


@contextmanager
def disk_full(refused=lambda statement: statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")):
    """Every statement `refused` picks (by default every INSERT, UPDATE and DELETE) fails on any engine as
    SQLite fails on a full disk."""
    def refuse(_conn, _cursor, statement, *_args):
        if refused(statement):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(Engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(Engine, "before_cursor_execute", refuse)


IGNORED_IN_DIGEST = {"audit_entry", "deleted_record", "alembic_version"}


def table_digest(session, *, ignore_columns=("version",)) -> dict[str, list[tuple]]:
    """Every row of every table (but the audit trail and the recycle bin itself), sorted, without the
    edit counters: equal digests mean the same rows with the same links. Read through the session's own
    connection, so it sees what the unit of work wrote."""
    from sqlalchemy import select
    from sqlmodel import SQLModel

    digest = {}
    for table in SQLModel.metadata.sorted_tables:
        if table.name in IGNORED_IN_DIGEST:
            continue
        columns = [c for c in table.columns if c.name not in ignore_columns]
        rows = session.connection().execute(select(*columns)).all()
        digest[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return digest


def two_pcs_at_once(engine, first, second) -> dict[str, str]:
    """Two PCs on one server make the same write at the same moment: `first(session)` runs and holds its
    transaction open for a moment while `second(session)` (on a second connection, as another PC) tries.
    Returns {"first": ..., "second": ...}: "ok" or the ServiceError's message."""
    import threading
    import time

    from gridkeeper.services.errors import ServiceError
    from gridkeeper.storage.server import open_server
    from gridkeeper.storage.session import unit_of_work

    second_engine = open_server(engine.url).engine
    first_holds_lock, results = threading.Event(), {}

    def run(name, op, eng, hold: bool) -> None:
        if not hold:
            first_holds_lock.wait(10)
        try:
            with unit_of_work(eng) as session:
                op(session)
                if hold:
                    first_holds_lock.set()
                    time.sleep(0.8)  # still uncommitted while the other PC presses the same button
            results[name] = "ok"
        except ServiceError as exc:
            results[name] = str(exc)

    threads = [threading.Thread(target=run, args=("first", first, engine, True)),
               threading.Thread(target=run, args=("second", second, second_engine, False))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    second_engine.dispose()
    return results
