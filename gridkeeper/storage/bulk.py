"""Bulk writes that differ between SQLite and PostgreSQL, side by side.

- Ids for rows inserted in bulk: on SQLite the write lock is taken and ids follow MAX(id); on
  PostgreSQL they come from the table's own sequence (nextval), which other PCs share safely.
- After rows were written with ids given by GridKeeper (the demo, `move`), a server's sequences are
  moved past them so the next ordinary insert does not collide.
- Loading many rows: executemany on SQLite, COPY on PostgreSQL (several times faster than INSERT),
  both straight on the DBAPI connection with values converted column by column (SQLAlchemy's own
  executemany builds and converts a parameter dict per row: most of the demo's write time).
- `insert_rows`: that load inside a session, with the audit summary row and the row guards, for the
  demo and fast imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from operator import add, itemgetter

from sqlalchemy import Connection, Dialect, Table, text
from sqlalchemy.orm import Session

from gridkeeper.storage import audit


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


@dataclass(frozen=True)
class RowLayout:
    """How dict rows with the same keys become DBAPI value tuples for one table on one dialect.

    The columns are the rows' keys plus every column with a scalar Python-side default the rows leave
    out (`version` = 1, `notes` = ""), as SQLAlchemy's INSERT fills them; each value goes through its
    column type's bind processor for the dialect (dates to ISO text and booleans to 0/1 on SQLite,
    UTC datetimes), once per distinct value of a column over the whole batch instead of once per
    parameter per row. Columns are ordered as it is quickest to build the tuples: those sent as they
    are, then those converted, then the defaults."""

    table: Table
    plain: tuple[str, ...]  # read from each row and sent as they are
    converted: tuple[str, ...]  # read from each row and converted by their processor
    processors: tuple  # the bind processor of each converted column
    defaults: tuple  # (column, processed default) of each column the rows leave out

    @property
    def columns(self) -> tuple[str, ...]:
        return self.plain + self.converted + tuple(name for name, _ in self.defaults)

    def values(self, rows: Sequence[dict]) -> list[tuple]:
        """The rows as value tuples in `columns` order (C-speed map and zip, no Python code per row)."""
        count = len(rows)
        try:
            if len(self.plain) > 1:
                sent = list(map(itemgetter(*self.plain), rows))
            else:
                sent = [(row[self.plain[0]],) for row in rows] if self.plain else [()] * count
            extra = [_converted(process, list(map(itemgetter(name), rows)))
                     for name, process in zip(self.converted, self.processors)]
        except KeyError as exc:  # SQLAlchemy refuses a row without a value for a column the first row has
            raise ValueError(f"{self.table.name}: a row has no value for {exc.args[0]}") from None
        extra += [repeat(value, count) for _, value in self.defaults]
        return list(map(add, sent, zip(*extra))) if extra else sent


def _converted(process, values: list) -> list:
    """`process` over a column: once per distinct value (a year of visits has a few hundred distinct
    dates and two booleans), then looked up; values that cannot be hashed are converted one by one."""
    try:
        distinct = {value: process(value) for value in set(values)}
    except TypeError:
        return list(map(process, values))
    return list(map(distinct.__getitem__, values))


def row_layout(dialect: Dialect, table: Table, keys: Iterable[str]) -> RowLayout:
    """The layout of rows with these keys (every row of a batch must have the same keys)."""
    keys = list(keys)
    unknown = [k for k in keys if k not in table.c]
    if unknown:
        raise ValueError(f"{table.name} has no column {', '.join(unknown)}")
    plain, converted, processors, defaults = [], [], [], []
    for column in table.columns:
        process = column.type._cached_bind_processor(dialect)  # what SQLAlchemy's INSERT does with a value
        if column.name in keys:
            if process is None:
                plain.append(column.name)
            else:
                converted.append(column.name)
                processors.append(process)
            continue
        if column.default is None:
            continue
        if not column.default.is_scalar:  # a callable or SQL default would be evaluated per row
            raise ValueError(f"{table.name}.{column.name}: bulk rows must give a value (its default is not a constant)")
        value = column.default.arg
        defaults.append((column.name, process(value) if process is not None and value is not None else value))
    return RowLayout(table, tuple(plain), tuple(converted), tuple(processors), tuple(defaults))


def load_rows(conn: Connection, table: Table, rows: list[dict], *, batch: int = 20_000) -> None:
    """Insert many dict rows below the ORM (no audit row, no guard: see insert_rows for that): COPY on
    a server, the DBAPI's executemany in batches on SQLite, values converted as SQLAlchemy would."""
    if not rows:
        return
    layout = row_layout(conn.dialect, table, rows[0])
    if conn.dialect.name == "postgresql":
        for start in range(0, len(rows), batch):
            copy_rows(conn, table, layout.columns, layout.values(rows[start:start + batch]))
        return
    quote = conn.dialect.identifier_preparer.quote  # names from GridKeeper's own metadata, never typed
    statement = (f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, layout.columns))}) "
                 f"VALUES ({', '.join('?' * len(layout.columns))})")
    cursor = conn.connection.driver_connection.cursor()
    try:
        for start in range(0, len(rows), batch):
            cursor.executemany(statement, layout.values(rows[start:start + batch]))
    finally:
        cursor.close()


def insert_rows(session: Session, table: Table, rows: list[dict], *, batch: int = 20_000) -> None:
    """The bulk path of the demo and of fast imports: many new rows in the session's transaction, below
    the ORM (DBAPI executemany on SQLite, COPY on a server), audited exactly as an ORM bulk insert
    through the session is (`session.execute(insert(table), rows)`): one summary row per batch.

    The database's row guards still decide: a guard that can answer for a whole table at once
    (`guard.allows_bulk(session, table_name)`, see storage.database) is asked once — an administrator
    may write any row — and any other guard, or one that says no, is asked for every row, as before."""
    if not rows:
        return
    _check_guards(session, table.name, rows)
    conn = session.connection()
    for start in range(0, len(rows), batch):
        chunk = rows[start:start + batch]
        load_rows(conn, table, chunk, batch=batch)
        audit.record_bulk_create(session, table.name, len(chunk))


# The SQLite page cache while a new database is filled (the default is 2 MB): the tables' B-trees and the
# sorts that rebuild their indexes stay in memory instead of spilling to the file mid-transaction.
LOAD_CACHE_KIB = 256 * 1024
SORT_THREADS = 2  # helper threads SQLite may use for the sorts that make the indexes again (the PC's second core)


@contextmanager
def filling_new_database(session: Session, tables: Iterable[Table]) -> Iterator[None]:
    """Around loading a new, empty database in one transaction (the demo): the tables' own secondary
    indexes are dropped for the load and made again from their own definition before the commit, one
    sort per index instead of keeping nine of them up to date row by row. Same schema, same rows, same
    transaction: a failure rolls the drops back with the rest. (PostgreSQL's documented advice for
    populating a database: "Remove Indexes", "Remove Foreign Key Constraints".)

    SQLite: the indexes with CREATE INDEX text in sqlite_master (not the primary keys); the page cache
    is raised for the load and the sorts may use a second thread, both put back after. PostgreSQL: the
    indexes no constraint stands on (pg_indexes' definitions) and the foreign keys (added back, so checked,
    at the end), with more sort memory for the transaction."""
    names = {t.name for t in tables}
    conn = session.connection()
    preparer = conn.dialect.identifier_preparer
    if conn.dialect.name == "postgresql":
        # Only what this role may alter: the office server's app role fills tables the admin owns
        # (`server setup`), and dropping their indexes would fail ("must be owner"); those load as they are.
        names &= set(conn.execute(text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' "
            "AND pg_has_role(current_user, c.relowner, 'USAGE')")).scalars())
        indexes = [(name, sql) for name, table, sql in conn.execute(text(
            "SELECT i.indexname, i.tablename, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c JOIN pg_class x ON x.oid = c.conindid "
            "WHERE x.relname = i.indexname) ORDER BY i.indexname")) if table in names]
        # Foreign keys too: checked row by row by a trigger while loading, by one join when added back.
        foreign_keys = [(table, name, definition) for table, name, definition, target in conn.execute(text(
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid), r.relname FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            "JOIN pg_class r ON r.oid = c.confrelid "
            "WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY t.relname, c.conname"))
            if table in names and target in names]
        conn.execute(text(f"SET LOCAL maintenance_work_mem = '{LOAD_CACHE_KIB}kB'"))
        for table, name, _definition in foreign_keys:
            conn.exec_driver_sql(f"ALTER TABLE {preparer.quote(table)} DROP CONSTRAINT {preparer.quote(name)}")
        for name, _sql in indexes:
            conn.exec_driver_sql(f"DROP INDEX {preparer.quote(name)}")
        yield
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)
        for table, name, definition in foreign_keys:
            conn.exec_driver_sql(f"ALTER TABLE {preparer.quote(table)} ADD CONSTRAINT {preparer.quote(name)} {definition}")
        return
    hold_write_lock(session)  # opens the transaction now: the DROP INDEX below is undone with it on a failure
    indexes = [(name, sql) for name, table, sql in conn.execute(text(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))
        if table in names]
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    threads = conn.exec_driver_sql("PRAGMA threads").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        for name, _sql in indexes:
            conn.exec_driver_sql(f"DROP INDEX {preparer.quote(name)}")
        yield
        conn.exec_driver_sql(f"PRAGMA threads = {SORT_THREADS}")  # CREATE INDEX sorts on helper threads too
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")
        conn.exec_driver_sql(f"PRAGMA threads = {int(threads)}")


def _check_guards(session: Session, table_name: str, rows: list[dict]) -> None:
    for guard in audit.row_guards(session):
        allows_bulk = getattr(guard, "allows_bulk", None)
        if allows_bulk is not None and allows_bulk(session, table_name):
            continue
        for row in rows:
            guard(session, table_name, None, row)
