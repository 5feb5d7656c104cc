"""Bulk writes that differ between SQLite and PostgreSQL, side by side.

- Ids for rows inserted in bulk: on SQLite the write lock is taken and ids follow MAX(id); on
  PostgreSQL they come from the table's own sequence (nextval), which other PCs share safely.
- After rows were written with ids given by GridKeeper (the demo, `move`), a server's sequences are
  moved past them so the next ordinary insert does not collide.
- Loading many rows: executemany on SQLite, COPY on PostgreSQL (several times faster than INSERT).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Table, text
from sqlalchemy.orm import Session


def is_server(bind: Session | Connection) -> bool:
    return bind.get_bind().dialect.name == "postgresql" if isinstance(bind, Session) else bind.dialect.name == "postgresql"


def hold_write_lock(session: Session) -> None:
    """Make this transaction the database's writer now (SQLite: a no-op update takes the RESERVED lock).

    On a server there is no single writer: rows are locked one by one and ids come from sequences."""
    if not is_server(session):
        session.execute(text("UPDATE setting SET value = value WHERE 0"))


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """`count` new ids for `table`, in increasing order, that no other writer will use."""
    if count <= 0:
        return []
    if is_server(session):
        rows = session.execute(text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                               {"table": table.name, "n": count}).scalars().all()
        return sorted(rows)
    hold_write_lock(session)
    first = (session.execute(text(f'SELECT MAX(id) FROM "{table.name}"')).scalar() or 0) + 1
    return list(range(first, first + count))


def id_tables(tables: Iterable[Table]) -> list[Table]:
    """The tables whose primary key is a single integer `id` (those with a sequence on a server)."""
    return [t for t in tables if [c.name for c in t.primary_key.columns] == ["id"]]


def sync_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """On a server, move each table's id sequence past the highest id written explicitly."""
    if conn.dialect.name != "postgresql":
        return
    for table in id_tables(tables):
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                          f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'),
                     {"table": table.name})


def analyze(conn: Connection) -> None:
    """After a bulk load on a server, fresh planner statistics (SQLite plans from its indexes alone)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("ANALYZE"))


def copy_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """COPY rows (value tuples in `columns` order) into a server table; returns how many were sent."""
    cursor = conn.connection.driver_connection.cursor()
    names = ", ".join(f'"{c}"' for c in columns)
    count = 0
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def load_rows(conn: Connection, table: Table, rows: list[dict], *, batch: int = 20_000) -> None:
    """Insert many dict rows: COPY on a server, executemany in batches on SQLite (no ORM, no audit hook)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        columns = [c.name for c in table.columns if c.name in rows[0]]
        processors = [_bind_processor(conn, table.c[name]) for name in columns]
        copy_rows(conn, table, columns,
                  (tuple(p(row.get(name)) if p else row.get(name) for name, p in zip(columns, processors))
                   for row in rows))
        return
    for start in range(0, len(rows), batch):
        conn.execute(table.insert(), rows[start:start + batch])


def _bind_processor(conn: Connection, column):
    """The type's own conversion (enums to their stored text) so COPY stores what INSERT would."""
    return column.type.bind_processor(conn.dialect)
