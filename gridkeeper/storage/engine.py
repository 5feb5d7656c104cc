"""Opening a GridKeeper database: engine, SQLite pragmas, schema checks and migration.

This is where a database's wiring is installed, in one visible place: the audit hooks and row guards
(`audit.install`), the lock (released when the engine is disposed), the daily backup and the backup
made before a migration. Nothing is installed by importing a module.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from gridkeeper.storage import audit, migrate
from gridkeeper.storage.database import SQLITE, Database, RowGuard
from gridkeeper.storage.errors import DatabaseMissing, DatabaseReplaced, DatabaseUnusable, NotADatabase

SQLITE_HEADER = b"SQLite format 3\x00"


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for `url`; SQLite connections get foreign keys, FULL sync and a busy timeout. Statement
    parameters (names, ID numbers, phones) are kept out of error messages, so out of logs too."""
    engine = create_engine(url, hide_parameters=True, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


# The migrated empty schema, kept in memory once per process: (head revision, sqlite3 connection).
_migrated_schema: tuple[str, sqlite3.Connection] | None = None
_migrated_schema_lock = threading.Lock()


def memory_database(*, row_guards: Sequence[RowGuard] = ()) -> Database:
    """A migrated, audited in-memory database (tests and the self-test).

    The migrations run once per process; every later in-memory database starts as a page-for-page copy
    of that first migrated one (SQLite's backup API: milliseconds instead of Alembic's second), so it is
    exactly what running the migrations would have made."""
    engine = make_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    database = Database(engine, row_guards=tuple(row_guards))
    audit.install(database)
    _migrate_in_memory(engine)
    return database


def _migrate_in_memory(engine: Engine) -> None:
    global _migrated_schema
    head = migrate.head_revision()
    with _migrated_schema_lock:
        raw = engine.raw_connection()  # StaticPool: the database's one connection
        try:
            if _migrated_schema is not None and _migrated_schema[0] == head:
                _migrated_schema[1].backup(raw.driver_connection)
                return
        finally:
            raw.close()
        migrate.upgrade(engine)
        schema = sqlite3.connect(":memory:", check_same_thread=False)
        raw = engine.raw_connection()
        try:
            raw.driver_connection.backup(schema)
        finally:
            raw.close()
        _migrated_schema = (head, schema)


def memory_engine(*, row_guards: Sequence[RowGuard] = ()) -> Engine:
    """The engine of a fresh `memory_database()`."""
    return memory_database(row_guards=row_guards).engine


def private_engine(database: Database) -> Engine:
    """A second, unpooled engine on the same file with the same wiring, for a worker thread whose
    connections no other thread may touch (the database's own engine pools across threads)."""
    from sqlalchemy.pool import NullPool

    if database.path is None:
        return database.engine
    engine = make_engine(sqlite_url(database.path, read_only=database.read_only), poolclass=NullPool)
    audit.install(Database(engine, database.path, database.kind, database.read_only, [], database.row_guards))
    if not database.read_only:
        from gridkeeper.storage import commit_log

        _stop_writing_if_replaced(engine, database.path)
        commit_log.attach(engine, database.path)
    return engine


def check_sqlite_file(path: Path) -> None:
    """Raise a clear error when `path` is missing or is not a SQLite database."""
    if not path.exists():
        raise DatabaseMissing(f"找不到数据库文件：{path}")
    if path.is_dir():
        raise NotADatabase(f"{path} 是一个文件夹，不是数据库文件")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        from gridkeeper.storage.faults import describe

        raise NotADatabase(f"无法读取 {path}：{describe(exc, saved_nothing=False) or exc}") from exc
    if header != SQLITE_HEADER:
        raise NotADatabase(f"{path} 不是 GridKeeper 数据库（文件内容不是 SQLite 格式）")


def sqlite_url(path: Path, *, read_only: bool = False):
    if read_only:  # SQLite URI filename: the file is never created or written
        from gridkeeper.storage.reading import read_only_query

        return URL.create("sqlite", database=Path(path).absolute().as_uri(),
                          query={**read_only_query(path), "uri": "true"})
    return URL.create("sqlite", database=str(path))  # not parsed: '?' and '#' in a name stay in it


def open_database(path: Path | str, *, create: bool = False, upgrade: bool = True, read_only: bool = False,
                  row_guards: Sequence[RowGuard] = (), daily_backup: bool = True,
                  password: str | None = None) -> Database:
    """Open (or with `create`, make) the database at `path`, migrated to the current schema.

    `path` may also be a server address, postgresql://USER@HOST[:PORT]/DBNAME: see storage.server
    (none of the file machinery below applies there).

    A missing file is an error unless `create`; a file that is not SQLite, is damaged, is held by
    another GridKeeper, or whose schema is newer than this program, is refused before anything is
    written to it. For writing, the lock file is taken (released by `dispose()`), the daily backup
    made when due (not with `daily_backup=False`: the GUI makes it in the background once its window
    is up), and a backup made before any migration. `read_only` opens without any of that and
    never writes. Every session is audited and checked by `row_guards` (the front ends pass the
    services' permission guard: see services.database). Non-fatal warnings are in `warnings`.
    """
    from gridkeeper.storage import backup, integrity, lock, server

    if server.is_server_url(path):
        return server.open_server(path, create=create, upgrade=upgrade, read_only=read_only, row_guards=row_guards,
                                  password=password)
    path = Path(path)
    existed = path.is_file() and path.stat().st_size > 0
    if create and not read_only and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_owner_only(path)
    elif path.exists() and path.stat().st_size == 0 and not read_only:
        pass  # an empty file is a fresh database
    else:
        check_sqlite_file(path)
    if existed:  # another program's SQLite file, or a newer GridKeeper's, is refused untouched
        from gridkeeper.storage import identity

        identity.require_gridkeeper(path, allow_empty=True)
    if not read_only:
        lock.acquire(path)
        backup.clean_killed_restore(path)
    engine = make_engine(sqlite_url(path, read_only=read_only))
    database = Database(engine, path, SQLITE, read_only, row_guards=tuple(row_guards))
    if not read_only:
        event.listen(engine, "engine_disposed", lambda _engine: lock.release(path), once=True)
    audit.install(database)
    _protect_while_open(engine, path)
    if not read_only:
        _stop_writing_if_replaced(engine, path)
    try:
        if existed and not read_only:
            integrity.check_on_open(path, engine)
            _report_lost_commits(database, path)
        if not read_only:
            from gridkeeper.storage import commit_log

            commit_log.attach(engine, path)
        if not read_only:
            with engine.connect() as conn:
                mode = conn.exec_driver_sql("PRAGMA journal_mode=WAL").scalar()
                if mode != "wal":
                    conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
        migrate.check_not_newer(engine)
        if existed and not read_only and daily_backup:
            _daily_backup(database)
        if upgrade and not read_only:
            migrate.upgrade(engine, before=lambda _engine: backup.before_migration(path))
        _check_audit_anchor(database)
    except backup.BackupFailed as exc:
        engine.dispose()
        raise DatabaseUnusable(f"升级数据库前的备份没有成功，为保护数据没有升级：{exc}") from exc
    except sqlite3.DatabaseError as exc:  # pragma: no cover - wrapped by SQLAlchemy below
        engine.dispose()
        raise NotADatabase(f"{path} 无法作为数据库打开：{exc}") from exc
    except Exception as exc:
        engine.dispose()
        from sqlalchemy.exc import DatabaseError

        if isinstance(exc, DatabaseError):
            from gridkeeper.storage.faults import describe

            raise NotADatabase(f"{path} 无法作为数据库打开：{describe(exc, saved_nothing=False) or exc.orig}") from exc
        raise
    warning = lock.network_drive_warning(path)
    if warning:
        database.warnings.append(warning)
    return database


def open_for_reading(path: Path, *, row_guards: Sequence[RowGuard] = ()) -> Database:
    """Open for a command that only reads (stats, ledgers, exports, …): read-only, without the writer
    lock, the integrity check, the daily backup or a migration, so it is quick and works while the app
    has the file open. A file whose schema is older than this program (or an empty file) is first
    brought up to date by a normal open — lock, backup, migration — and then read."""
    path = Path(path)
    if path.is_file() and path.stat().st_size == 0:
        open_database(path, row_guards=row_guards).dispose()
    database = open_database(path, read_only=True, row_guards=row_guards)
    if migrate.needs_upgrade(database.engine):
        database.dispose()
        open_database(path, row_guards=row_guards).dispose()
        database = open_database(path, read_only=True, row_guards=row_guards)
    return database


def _check_audit_anchor(database: Database) -> None:
    """Compare the audit trail with the head recorded outside the file (storage/audit_anchor.py)."""
    from gridkeeper.storage import audit_anchor

    if database.path is None:
        return

    def record(session, finding: str, detail: dict) -> None:
        audit.record_event(session, "anchor", finding, detail)

    found = audit_anchor.check_on_open(database.engine, database.path, read_only=database.read_only,
                                       record=record)
    if found:
        database.warnings.append(found)


def _daily_backup(database: Database) -> None:
    """The daily backup; if it cannot be made the database still opens, with a warning."""
    from gridkeeper.storage import backup

    try:
        backup.backup_if_due(database.path)
    except backup.BackupFailed as exc:
        database.warnings.append(f"今天的自动备份没有成功：{exc}")


def _protect_while_open(engine: Engine, path: Path) -> None:
    """No output of this process may overwrite the open database, its companions or its backups."""
    from gridkeeper.storage import outputs

    outputs.protect_database(path)
    event.listen(engine, "engine_disposed", lambda _engine: outputs.unprotect_database(path), once=True)


def _create_owner_only(path: Path) -> None:
    """A new database holds residents' data: owner-only (SQLite gives its -wal/-shm the same mode)."""
    from gridkeeper.storage import outputs

    try:
        os.close(outputs.create_new_file(path, private=True))
    except FileExistsError:
        pass


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the real file, or None when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _stop_writing_if_replaced(engine: Engine, path: Path) -> None:
    """Before each commit of a write, check the file is still the one opened (one stat, a few µs):
    a file replaced or moved away under the app (a restore by hand, a copy over it) would otherwise
    take the app's later writes into a deleted file. The write is refused in plain words instead."""
    real = Path(os.path.realpath(path))
    opened = file_identity(real)

    def before_commit(conn) -> None:
        raw = conn.connection.driver_connection
        if not getattr(raw, "in_transaction", False):
            return  # nothing written in this transaction
        if file_identity(real) != opened:
            raise DatabaseReplaced(
                f"数据库文件 {path} 已被替换、移走或删除（可能是别的程序恢复了备份或复制了文件）。"
                "为避免把修改写进已不存在的文件，GridKeeper 已停止保存，这次修改没有保存。请关闭 GridKeeper 后重新打开。")

    event.listen(engine, "commit", before_commit)


def _report_lost_commits(database: Database, path: Path) -> None:
    """Commits counted beside the database but missing from it (a truncated -wal): a warning."""
    from gridkeeper.storage import commit_log

    from gridkeeper.storage import backup

    lost = commit_log.check_on_open(path, lambda: backup.newest_backup_name(path))
    if lost is not None:
        database.warnings.append(lost.message(path))
