"""Opening a GridKeeper database: engine, SQLite pragmas, schema checks and migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from gridkeeper.storage import audit, migrate  # noqa: F401  (audit hooks every session)
from gridkeeper.storage.errors import DatabaseMissing, DatabaseUnusable, NotADatabase

SQLITE_HEADER = b"SQLite format 3\x00"


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for `url`; SQLite connections get foreign keys, FULL sync and a busy timeout."""
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def memory_engine() -> Engine:
    """A migrated in-memory database (tests and the self-test)."""
    engine = make_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    migrate.upgrade(engine)
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
        return URL.create("sqlite", database=Path(path).absolute().as_uri(), query={"mode": "ro", "uri": "true"})
    return URL.create("sqlite", database=str(path))  # not parsed: '?' and '#' in a name stay in it


def open_database(path: Path, *, create: bool = False, upgrade: bool = True, read_only: bool = False) -> Engine:
    """Open (or with `create`, make) the database at `path`, migrated to the current schema.

    A missing file is an error unless `create`; a file that is not SQLite, is damaged, is held by
    another GridKeeper, or whose schema is newer than this program, is refused before anything is
    written to it. For writing, the lock file is taken (released by `engine.dispose()`), the daily
    backup made when due, and a backup made before any migration. `read_only` opens without any of
    that and never writes. Non-fatal warnings are in `engine.gridkeeper_warnings`.
    """
    from gridkeeper.storage import backup, integrity, lock

    path = Path(path)
    existed = path.is_file() and path.stat().st_size > 0
    if create and not read_only and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    elif path.exists() and path.stat().st_size == 0 and not read_only:
        pass  # an empty file is a fresh database
    else:
        check_sqlite_file(path)
    if not read_only:
        lock.acquire(path)
    engine = make_engine(sqlite_url(path, read_only=read_only))
    engine.gridkeeper_path, engine.gridkeeper_read_only, engine.gridkeeper_warnings = path, read_only, []
    if not read_only:
        engine.gridkeeper_lock = path
        event.listen(engine, "engine_disposed", lock.release_engine_lock)
    try:
        if existed and not read_only:
            integrity.check_on_open(path, engine)
        if not read_only:
            with engine.connect() as conn:
                mode = conn.exec_driver_sql("PRAGMA journal_mode=WAL").scalar()
                if mode != "wal":
                    conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
        migrate.check_not_newer(engine)
        if existed and not read_only:
            _daily_backup(engine, path)
        if upgrade and not read_only:
            migrate.upgrade(engine)
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
        engine.gridkeeper_warnings.append(warning)
    return engine


def _daily_backup(engine: Engine, path: Path) -> None:
    """The daily backup; if it cannot be made the database still opens, with a warning."""
    from gridkeeper.storage import backup

    try:
        backup.backup_if_due(path)
    except backup.BackupFailed as exc:
        engine.gridkeeper_warnings.append(f"今天的自动备份没有成功：{exc}")
