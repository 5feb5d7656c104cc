"""Verified, rotating backups made with SQLite's backup API, and a restore that proves its data first."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from gridkeeper import paths
from gridkeeper.storage import faults, outputs
from gridkeeper.storage.database import Database

NAME_RE = re.compile(r"^gridkeeper-(\d{8})-(\d{6})(?:-(\d+))?(?:-([a-z]+))?\.db$")
REASON_LABELS = {"manual": "手动备份", "daily": "每日自动备份", "migration": "升级前备份",
                 "import": "导入前备份", "restore": "恢复前备份"}
COUNTED_TABLES = {"households": "household", "residents": "resident", "visits": "visit"}
COUNT_SQL = {table: f"SELECT COUNT(*) FROM {table}" for table in COUNTED_TABLES.values()}  # constants only
KEEP = {"newest": 3, "daily": 7, "weekly": 4, "monthly": 12}
MAX_AGE = timedelta(days=1)


class BackupFailed(Exception):
    """A backup or restore could not be made or did not pass its check; nothing was replaced."""


@dataclass
class BackupInfo:
    """One backup file: when it was taken, why, and (on demand) how many records it holds."""

    path: Path
    taken_at: datetime
    reason: str = "manual"
    _counts: dict[str, int] | None = field(default=None, repr=False)

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = record_counts(self.path)
        return self._counts


def db_path_of(db: Path | str | Database | Engine) -> Path:
    """The file behind a path, an open database or a SQLite engine."""
    if isinstance(db, Database):
        if db.path is not None:
            return Path(db.path)
        db = db.engine
    if isinstance(db, Engine):
        name = db.url.database
        if not name or name == ":memory:":
            raise BackupFailed("内存数据库无法备份")
        return Path(name)
    return Path(db)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only SQLite connection that never creates or changes the file."""
    if not path.is_file():
        raise BackupFailed(f"找不到文件：{path}")
    from gridkeeper.storage.reading import read_only_uri

    return sqlite3.connect(read_only_uri(path), uri=True)  # immutable in a folder that cannot be written


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """SQLite's own check of a file; an empty list means it is sound."""
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    try:
        conn = connect_read_only(path)
        try:
            rows = [row[0] for row in conn.execute(pragma)]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def record_counts(path: Path) -> dict[str, int]:
    """Households, residents and visits in a database file (0 for a table it lacks)."""
    conn = connect_read_only(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts = {}
        for label, table in COUNTED_TABLES.items():
            counts[label] = conn.execute(COUNT_SQL[table]).fetchone()[0] if table in tables else 0
        return counts
    finally:
        conn.close()


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _free_name(folder: Path, stamp: datetime, reason: str) -> Path:
    base = f"gridkeeper-{stamp:%Y%m%d-%H%M%S}"
    suffix = "" if reason == "manual" else f"-{reason}"
    candidate, n = folder / f"{base}{suffix}.db", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}{suffix}.db"
    return candidate


def copy_database(source: Path, target: Path) -> None:
    """Copy a live database with the backup API into `target` as one self-contained, synced,
    owner-only file (it holds every resident's data)."""
    if not target.exists():
        os.close(outputs.create_new_file(target, private=True))
    outputs.make_private(target)
    src = connect_read_only(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def make_backup(db: Path | str | Database | Engine, *, to: Path | None = None, reason: str = "manual",
                now: datetime | None = None) -> BackupInfo:
    """Copy the database to a temporary name, check the copy, then give it its dated name."""
    source = db_path_of(db)
    folder = Path(to) if to else paths.backups_dir(source)
    stamp = now or datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        final = _free_name(folder, stamp, reason)
        temp = final.with_name(f".{final.name}.part")
        try:
            copy_database(source, temp)
            problems = integrity_problems(temp)
            if problems:
                raise BackupFailed(f"备份副本没有通过完整性检查（{problems[0]}），原数据库可能已损坏；备份未保存")
            os.replace(temp, final)
            _fsync_dir(folder)
        finally:
            temp.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(f"备份失败：{faults.describe(exc, saved_nothing=False) or exc}") from exc
    return BackupInfo(final, stamp.replace(microsecond=0), reason)


def _anchor_restored(db_path: Path) -> None:
    """A restore rewinds the audit trail on purpose: anchor it at the restored file's head."""
    from gridkeeper.storage import audit_anchor

    conn = connect_read_only(db_path)
    try:
        audit_anchor.forget(db_path, audit_anchor.head_of(conn))
    finally:
        conn.close()


def parse_backup_name(path: Path) -> BackupInfo | None:
    match = NAME_RE.match(path.name)
    if not match:
        return None
    taken = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
    return BackupInfo(path, taken, match[4] or "manual")


def list_backups(db: Path | str | Database | Engine, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of a database, newest first."""
    folder = Path(folder) if folder else paths.backups_dir(db_path_of(db))
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if p.is_file() and (info := parse_backup_name(p))]
    return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def backups_to_keep(stamps: list[datetime], *, newest: int = KEEP["newest"], daily: int = KEEP["daily"],
                    weekly: int = KEEP["weekly"], monthly: int = KEEP["monthly"]) -> set[datetime]:
    """Which backups thinning keeps: the newest few, then the newest of each of the last 7 days,
    4 ISO weeks and 12 months that have backups."""
    ordered = sorted(set(stamps), reverse=True)
    keep = set(ordered[:newest])
    periods = ((lambda t: t.date(), daily), (lambda t: t.isocalendar()[:2], weekly),
               (lambda t: (t.year, t.month), monthly))
    for period_of, count in periods:
        seen: set = set()
        for stamp in ordered:
            period = period_of(stamp)
            if period in seen:
                continue
            if len(seen) == count:
                break
            seen.add(period)
            keep.add(stamp)
    return keep


def thin_backups(db: Path | str | Database | Engine, folder: Path | None = None) -> list[Path]:
    """Delete the backups thinning does not keep; returns what was deleted."""
    backups = list_backups(db, folder)
    keep = backups_to_keep([b.taken_at for b in backups])
    kept_stamps: set[datetime] = set()
    removed = []
    for info in backups:  # newest first: of several taken in the same second keep the newest
        if info.taken_at in keep and info.taken_at not in kept_stamps:
            kept_stamps.add(info.taken_at)
            continue
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def backup_before(db: Path | str | Database | Engine, reason: str, *, now: datetime | None = None) -> BackupInfo:
    """A verified backup before a risky step (reason: "import", "migration", "restore", "daily",
    "manual"), then thinning. Raises BackupFailed; the caller should not go on without one."""
    info = make_backup(db, reason=reason, now=now)
    thin_backups(db)
    return info


def backup_if_due(db: Path | str | Database | Engine, *, now: datetime | None = None) -> BackupInfo | None:
    """The daily backup: made when the newest backup is older than a day (or there is none)."""
    now = now or datetime.now()
    existing = list_backups(db)
    if existing and now - existing[0].taken_at < MAX_AGE:
        return None
    return backup_before(db, "daily", now=now)


def newest_good_backup(db: Path | str | Database | Engine) -> BackupInfo | None:
    """The newest backup that passes SQLite's quick check."""
    for info in list_backups(db):
        if not integrity_problems(info.path, quick=True):
            return info
    return None


def before_migration(db_path: Path) -> None:
    """The backup made before a migration touches an existing file (storage.engine calls it)."""
    if Path(db_path).is_file():
        backup_before(db_path, "migration")


@dataclass
class RestoreResult:
    backup: BackupInfo
    counts: dict[str, int]
    saved_current: Path | None


def _save_current(db_path: Path, now: datetime) -> Path | None:
    """Keep the file being replaced: as a verified backup, or byte for byte if it is damaged."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        return make_backup(db_path, reason="restore", now=now).path
    except BackupFailed:
        folder = paths.backups_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"damaged-{now:%Y%m%d-%H%M%S}.db"
        shutil.copy2(db_path, kept)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, kept.with_name(kept.name + "-wal"))
        return kept


def restore_backup(backup: Path, db_path: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replace the database with a backup. The backup is checked, the current file saved, and the
    restored copy's counts proved equal to the backup's before the atomic switch.

    Every connection to `db_path` must be closed first (dispose the engine)."""
    backup, db_path = Path(backup), Path(db_path)
    info = parse_backup_name(backup) or BackupInfo(backup, datetime.fromtimestamp(backup.stat().st_mtime))
    problems = integrity_problems(backup)
    if problems:
        raise BackupFailed(f"备份文件 {backup.name} 已损坏（{problems[0]}），不能用来恢复；当前数据库没有改动")
    expected = record_counts(backup)
    now = now or datetime.now()
    saved = _save_current(db_path, now)
    temp = db_path.with_name(f".{db_path.name}.restoring")
    try:
        copy_database(backup, temp)
        got = record_counts(temp)
        if integrity_problems(temp) or got != expected:
            raise BackupFailed(f"恢复出的副本与备份不一致（{got} ≠ {expected}）；当前数据库没有改动")
        for suffix in ("-wal", "-shm"):  # an old WAL must never be replayed onto the restored file
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(temp, db_path)
        _fsync_dir(db_path.parent)
        _anchor_restored(db_path)
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(f"恢复失败：{faults.describe(exc) or exc}") from exc
    finally:
        temp.unlink(missing_ok=True)
    return RestoreResult(info, expected, saved)
