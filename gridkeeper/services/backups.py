"""Backing up and restoring a database: the one place the GUI (ui/data_menu.py) and the command line
(cli/backup_cmd.py) go through, so each rule is written once.

A restore here always runs the same steps: prove the candidate is a sound GridKeeper database of a
schema this program can open (before anything is touched); take the writer's lock (shared with the
app's own open, refused if another GridKeeper holds it); close the app's engine; keep the current
file as a safety copy; replace; reopen; write the restore into the audit trail.

The file work belongs to a backend. Today there is one, `SqliteFileBackend` (storage/backup.py:
SQLite's backup API, numbered, verified copies beside the database). A PostgreSQL backend
(pg_dump / pg_restore) implements `BackupBackend` and is returned by `backend_for()` for a
PostgreSQL database; the steps above and both front ends stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine

from gridkeeper.storage import backup
from gridkeeper.storage.backup import BackupFailed, BackupInfo, RestoreResult
from gridkeeper.storage.database import Database

__all__ = ["BackupBackend", "BackupFailed", "BackupInfo", "Restored", "RestoreResult", "SqliteFileBackend",
           "back_up", "backend_for", "find_backup", "list_backups", "restore"]


class BackupBackend(Protocol):
    """What a kind of database does for backups; everything else is shared."""

    def make(self, *, reason: str = "manual", to: Path | None = None) -> BackupInfo:
        """A verified backup (in the backups folder, thinned afterwards; or into `to`, a folder)."""

    def list(self) -> list[BackupInfo]:
        """The backups, newest first by the order they were made (not by the clock)."""

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that passes a quick check."""

    def check_candidate(self, candidate: Path) -> dict[str, int]:
        """Prove `candidate` can replace the database; its record counts. Touches nothing."""

    def replace_with(self, candidate: Path) -> RestoreResult:
        """Keep the current data as a safety copy, then replace it with `candidate` (lock held,
        every connection closed)."""


@dataclass(frozen=True)
class SqliteFileBackend:
    """A GridKeeper database in one SQLite file."""

    db_path: Path

    def make(self, *, reason: str = "manual", to: Path | None = None) -> BackupInfo:
        if to is not None:
            return backup.make_backup(self.db_path, to=Path(to), reason=reason)
        return backup.backup_before(self.db_path, reason)

    def list(self) -> list[BackupInfo]:
        return backup.list_backups(self.db_path)

    def newest_good(self) -> BackupInfo | None:
        return backup.newest_good_backup(self.db_path)

    def check_candidate(self, candidate: Path) -> dict[str, int]:
        return backup.check_candidate(candidate)

    def replace_with(self, candidate: Path) -> RestoreResult:
        return backup.restore_backup(candidate, self.db_path)


def backend_for(db: Path | str | Database | Engine) -> BackupBackend:
    """The backend for a database (a path, an open Database or an engine). A PostgreSQL Database
    (`kind == "postgresql"`) gets its own backend here."""
    return SqliteFileBackend(backup.db_path_of(db))


def back_up(db: Path | str | Database | Engine, *, to: Path | None = None, reason: str = "manual") -> BackupInfo:
    """Back up now: into the backups folder (then thinned), or into the folder `to` (a USB stick)."""
    return backend_for(db).make(reason=reason, to=to)


def copy_event(info: BackupInfo) -> tuple[str, dict]:
    """The one audit row for a copy of the whole database (every full ID number, the password hashes) taken
    out: its summary and detail, the same from `gridkeeper backup --to` and from the window's Back up to…."""
    return f"备份数据库到 {info.path}", {"file": str(info.path), "full": True, "counts": info.counts()}


def list_backups(db: Path | str | Database | Engine) -> list[BackupInfo]:
    return backend_for(db).list()


def clock_warning(db: Path | str | Database | Engine) -> str | None:
    """A warning when backups are stamped later than the clock now (the clock is or was wrong)."""
    return backup.clock_warning(list_backups(db))


def find_backup(db: Path | str | Database | Engine, choice: str) -> BackupInfo:
    """`latest` (the newest good backup, by number) or the path of a backup file anywhere."""
    backend = backend_for(db)
    if choice == "latest":
        newest = backend.newest_good()
        if newest is None:
            raise BackupFailed(f"{backup.db_path_of(db)} 没有完好的备份可以恢复")
        return newest
    chosen = Path(choice).expanduser()
    if not chosen.is_file():
        raise BackupFailed(f"找不到备份文件：{chosen}")
    return backup.parse_backup_name(chosen) or BackupInfo(chosen, datetime.fromtimestamp(chosen.stat().st_mtime))


@dataclass
class Restored:
    """A finished restore: the reopened database (None when the caller asked not to keep it open)."""

    database: Database | None
    result: RestoreResult


def restore(db_path: Path | str, candidate: Path | str, *, database: Database | None = None,
            actor: str | None = None, why: str = "", keep_open: bool = True) -> Restored:
    """Replace the database at `db_path` with `candidate`, in the steps the module describes.

    `database` is the caller's open database on that file (disposed here; on failure the untouched
    file is reopened and attached to the exception as `reopened_database`). `actor` is who restores
    (the audit row's name), `why` a note for the audit row (e.g. that the file was damaged)."""
    from gridkeeper.services.database import open_database
    from gridkeeper.storage import lock

    db_path, candidate = Path(db_path), Path(candidate)
    backend = backend_for(db_path)
    backend.check_candidate(candidate)  # before the lock, before anything is closed or replaced
    lock.acquire(db_path)
    try:
        if database is not None:
            database.dispose()
        try:
            result = backend.replace_with(candidate)
        except Exception as exc:
            if database is not None:
                exc.reopened_database = open_database(db_path)
            raise
        reopened = open_database(db_path)
    finally:
        lock.release(db_path)
    _record_restore(reopened.engine, candidate, result, actor, why)
    if not keep_open:
        reopened.dispose()
        reopened = None
    return Restored(reopened, result)


def _record_restore(engine: Engine, candidate: Path, result: RestoreResult, actor: str | None, why: str) -> None:
    from gridkeeper.storage import audit
    from gridkeeper.storage.session import unit_of_work

    if actor:
        audit.set_actor(engine, actor)
    what = f"{why}从备份 {candidate.name} 恢复" if why else f"从备份 {candidate.name} 恢复"
    with unit_of_work(engine) as session:
        audit.record_event(session, "restore", what,
                           {"backup": str(candidate), "counts": result.counts,
                            "saved_current": str(result.saved_current or "")})
