"""Verified, rotating backups made with SQLite's backup API, and a restore that proves its data first."""

from __future__ import annotations

import json
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

# gridkeeper-YYYYMMDD-HHMMSS[-k]-nSEQ[-reason].db; names without -nSEQ are from before sequences.
NAME_RE = re.compile(r"^gridkeeper-(\d{8})-(\d{6})(?:-(\d+))?(?:-n(\d+))?(?:-([a-z]+))?\.db$")
PART_RE = re.compile(r"^\.gridkeeper-n(\d+)\.db\.part$")
REASON_LABELS = {"manual": "手动备份", "daily": "每日自动备份", "migration": "升级前备份",
                 "import": "导入前备份", "restore": "恢复前备份"}
# Copies of the data as it was before a risky step: thinning never deletes them; the user does.
SAFETY_REASONS = frozenset({"import", "restore", "migration"})
COUNTED_TABLES = {"households": "household", "residents": "resident", "visits": "visit"}
COUNT_SQL = {table: f"SELECT COUNT(*) FROM {table}" for table in COUNTED_TABLES.values()}  # constants only
KEEP = {"newest": 3, "daily": 7, "weekly": 4, "monthly": 12}
MAX_AGE = timedelta(days=1)
CLOCK_SLACK = timedelta(hours=1)  # a backup stamped later than now by more than this is "from the future"
MANIFEST_NAME = "manifest.json"
# Each hook(db_path, info) returns fields to keep with a backup in the manifest (e.g. the audit chain's head).
manifest_hooks: list = []


class BackupFailed(Exception):
    """A backup or restore could not be made or did not pass its check; nothing was replaced."""


@dataclass
class BackupInfo:
    """One backup file: its sequence number (the order backups were made in, whatever the clock
    said), when the computer's clock said it was taken, why, and (on demand) its record counts."""

    path: Path
    taken_at: datetime
    reason: str = "manual"
    sequence: int | None = None  # None: made before backups were numbered
    from_future: bool = False  # stamped later than the clock now: the clock was (or is) wrong
    _counts: dict[str, int] | None = field(default=None, repr=False, compare=False)

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)

    @property
    def is_safety_copy(self) -> bool:
        """Made before an import, a restore or an upgrade: kept until the user deletes it."""
        return self.reason in SAFETY_REASONS

    @property
    def order(self) -> tuple:
        """Sort key, oldest first: numbered backups by number, after the older unnumbered ones."""
        return (self.sequence is not None, self.sequence or 0, self.taken_at, self.path.name)

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
    outputs.fsync_dir(folder)


def _sequences_in(folder: Path) -> list[int]:
    found = []
    for path in folder.iterdir():
        match = NAME_RE.match(path.name) or PART_RE.match(path.name)
        number = match and (match[4] if match.re is NAME_RE else match[1])
        if number:
            found.append(int(number))
    return found


def _reserve_sequence(folder: Path) -> tuple[int, Path]:
    """The next backup number, reserved by creating `.gridkeeper-nSEQ.db.part` (exclusively, so two
    backups made at once never share a number). The clock plays no part."""
    latest = max([*_sequences_in(folder), read_manifest(folder).get("last_sequence", 0)], default=0)
    for number in range(latest + 1, latest + 100):
        temp = folder / f".gridkeeper-n{number}.db.part"
        try:
            os.close(outputs.create_new_file(temp, private=True))
        except FileExistsError:
            continue
        return number, temp
    raise BackupFailed(f"无法在 {folder} 里给备份编号")


def _backup_name(stamp: datetime, sequence: int, reason: str) -> str:
    suffix = "" if reason == "manual" else f"-{reason}"
    return f"gridkeeper-{stamp:%Y%m%d-%H%M%S}-n{sequence}{suffix}.db"


def clean_stale_parts(folder: Path) -> list[Path]:
    """Delete the hidden `.part` files of backups that were killed half-way (untouched for 10 minutes)."""
    return outputs.clean_stale_parts(folder, ".gridkeeper-*.part")


# ---- The manifest: what is known about each backup besides its file (for other modules to extend) ----


def read_manifest(folder: Path) -> dict:
    """`manifest.json` of a backups folder: {"format", "last_sequence", "backups": {name: {...}}};
    an empty one if it is missing or unreadable (the file names alone still order the backups)."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": 1, "last_sequence": 0, "backups": {}}
    if not isinstance(data, dict) or not isinstance(data.get("backups"), dict):
        return {"format": 1, "last_sequence": 0, "backups": {}}
    return data


def _write_manifest(folder: Path, data: dict) -> None:
    try:
        outputs.replace_file(folder / MANIFEST_NAME, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError:
        pass  # the manifest only adds to what the file names say


def _record_in_manifest(db: Path, info: BackupInfo) -> None:
    folder = info.path.parent
    data = read_manifest(folder)
    entry = {"sequence": info.sequence, "reason": info.reason, "taken_at": info.taken_at.isoformat(),
             "database": str(db), "counts": info.counts()}
    for hook in manifest_hooks:
        entry.update(hook(db, info) or {})
    data["backups"][info.path.name] = entry
    data["last_sequence"] = max(int(data.get("last_sequence") or 0), info.sequence or 0)
    _write_manifest(folder, data)


def _forget_in_manifest(folder: Path, removed: list[Path]) -> None:
    data = read_manifest(folder)
    if any(data["backups"].pop(path.name, None) is not None for path in removed):
        _write_manifest(folder, data)


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
    """Copy the database into a numbered temporary file, check the copy, then give it its name."""
    source = db_path_of(db)
    folder = Path(to) if to else paths.backups_dir(source)
    stamp = (now or datetime.now()).replace(microsecond=0)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale_parts(folder)
        sequence, temp = _reserve_sequence(folder)
        try:
            copy_database(source, temp)
            problems = integrity_problems(temp)
            if problems:
                raise BackupFailed(f"备份副本没有通过完整性检查（{problems[0]}），原数据库可能已损坏；备份未保存")
            final = folder / _backup_name(stamp, sequence, reason)  # a new name: its number is this backup's
            os.replace(temp, final)
            _fsync_dir(folder)
        finally:
            temp.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(f"备份失败：{faults.describe(exc, saved_nothing=False) or exc}") from exc
    info = BackupInfo(final, stamp, reason, sequence)
    _record_in_manifest(source, info)
    return info


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
    try:
        taken = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return BackupInfo(path, taken, match[5] or "manual", int(match[4]) if match[4] else None)


def list_backups(db: Path | str | Database | Engine, folder: Path | None = None, *,
                 now: datetime | None = None) -> list[BackupInfo]:
    """The backups of a database, newest first — by the order they were made (their number), not by
    the clock. Backups stamped later than `now` are marked `from_future`."""
    folder = Path(folder) if folder else paths.backups_dir(db_path_of(db))
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if p.is_file() and (info := parse_backup_name(p))]
    limit = (now or datetime.now()) + CLOCK_SLACK
    for info in found:
        info.from_future = info.taken_at > limit
    return sorted(found, key=lambda info: info.order, reverse=True)


def clock_warning(backups: list[BackupInfo]) -> str | None:
    """A plain warning when backups are stamped later than the computer's clock now."""
    future = [b for b in backups if b.from_future]
    if not future:
        return None
    latest = max(b.taken_at for b in future)
    return (f"有 {len(future)} 个备份的时间晚于电脑现在的时间（最晚 {latest:%Y-%m-%d %H:%M}）："
            "电脑时钟现在或当时不对。备份按做的先后编号排序，不按时间；请核对电脑的日期和时间。")


def backups_to_keep(stamps: list[datetime], *, newest: int = KEEP["newest"], daily: int = KEEP["daily"],
                    weekly: int = KEEP["weekly"], monthly: int = KEEP["monthly"]) -> set[datetime]:
    """Which clock times thinning's calendar keeps: the newest few, then the newest of each of the
    last 7 days, 4 ISO weeks and 12 months that have backups."""
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


def _kept(backups: list[BackupInfo]) -> set[Path]:
    """Thinning's choice over backups listed newest first: the newest 3 by number; every safety
    copy; the newest of each recent day/week/month among backups whose clock time can be believed.
    A backup from the future only counts as one of the newest 3 (so it never stays for ever) —
    unless most backups look "from the future", when it is the clock now that is wrong and the
    calendar is not used to delete anything."""
    keep = {b.path for b in backups[: KEEP["newest"]]} | {b.path for b in backups if b.is_safety_copy}
    future = [b for b in backups if b.from_future]
    if len(future) * 2 > len(backups):
        return {b.path for b in backups}  # the clock now is behind most backups: delete nothing
    believable = [b for b in backups if not b.from_future]
    chosen = backups_to_keep([b.taken_at for b in believable])
    seen: set[datetime] = set()
    for info in believable:  # newest first: of several with one stamp keep the newest
        if info.taken_at in chosen and info.taken_at not in seen:
            seen.add(info.taken_at)
            keep.add(info.path)
    return keep


def thin_backups(db: Path | str | Database | Engine, folder: Path | None = None, *, now: datetime | None = None) -> list[Path]:
    """Delete the backups thinning does not keep; returns what was deleted."""
    backups = list_backups(db, folder, now=now)
    keep = _kept(backups)
    removed = []
    for info in backups:
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    if removed:
        _forget_in_manifest(removed[0].parent, removed)
    return removed


def backup_before(db: Path | str | Database | Engine, reason: str, *, now: datetime | None = None) -> BackupInfo:
    """A verified backup before a risky step (reason: "import", "migration", "restore", "daily",
    "manual"), then thinning. Raises BackupFailed; the caller should not go on without one."""
    info = make_backup(db, reason=reason, now=now)
    thin_backups(db, now=now)
    return info


def daily_backup_due(db: Path | str | Database | Engine, *, now: datetime | None = None) -> bool:
    """Whether the daily backup is due: no backup yet, the newest (by number) older than a day, or
    stamped in the future (the clock was wrong then, or is now: a backup is made either way)."""
    now = now or datetime.now()
    existing = list_backups(db, now=now)
    if not existing:
        return True
    newest = existing[0]
    return newest.from_future or now - newest.taken_at >= MAX_AGE


def backup_if_due(db: Path | str | Database | Engine, *, now: datetime | None = None) -> BackupInfo | None:
    """The daily backup: made when `daily_backup_due`."""
    now = now or datetime.now()
    if not daily_backup_due(db, now=now):
        return None
    return backup_before(db, "daily", now=now)


def newest_backup_name(db: Path | str | Database | Engine) -> str:
    """The newest good backup's path as text, or "" (for messages)."""
    newest = newest_good_backup(db)
    return str(newest.path) if newest else ""


def newest_good_backup(db: Path | str | Database | Engine) -> BackupInfo | None:
    """The newest backup (by number, not by clock) that passes SQLite's quick check."""
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
    """Keep the file being replaced — a safety copy thinning never deletes: as a verified backup,
    or byte for byte (owner-only) if it is damaged."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        return make_backup(db_path, reason="restore", now=now).path
    except BackupFailed:
        folder = paths.backups_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"damaged-{now:%Y%m%d-%H%M%S}.db"
        shutil.copy2(db_path, kept)
        outputs.make_private(kept)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, kept.with_name(kept.name + "-wal"))
            outputs.make_private(kept.with_name(kept.name + "-wal"))
        return kept


def _restoring_temp(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.restoring")


def clean_killed_restore(db_path: Path) -> None:
    """Delete the hidden copy a restore killed half-way left beside the database (as large as the
    database). Called with the writer's lock held, so no restore can be running."""
    try:
        _restoring_temp(outputs.real(db_path)).unlink(missing_ok=True)
    except OSError:
        pass


def check_candidate(backup: Path) -> dict[str, int]:
    """Prove a file can replace the database before anything is touched: it is sound (SQLite's
    integrity_check), it is a GridKeeper database (not empty, not another program's SQLite file)
    and its schema is one this program can open (not from a newer GridKeeper). Returns its
    household/resident/visit counts; raises BackupFailed or DatabaseUnusable in plain words."""
    from gridkeeper.storage import identity

    backup = Path(backup)
    if not backup.is_file():
        raise BackupFailed(f"找不到备份文件：{backup}")
    if not outputs.is_sqlite_file(backup):
        raise BackupFailed(f"{backup.name} 不是 GridKeeper 备份（文件内容不是 SQLite 数据库）；当前数据库没有改动")
    problems = integrity_problems(backup)
    if problems:
        raise BackupFailed(f"备份文件 {backup.name} 已损坏（{problems[0]}），不能用来恢复；当前数据库没有改动")
    identity.require_gridkeeper(backup, allow_empty=False, what="备份")
    return record_counts(backup)


def restore_backup(backup: Path, db_path: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replace the database with a backup. The backup is proved usable (`check_candidate`), the
    current file kept as a safety copy, and the restored copy's counts proved equal to the
    backup's before the atomic switch. The real file is replaced (a symlink stays a symlink).

    Every connection to `db_path` must be closed first (dispose the engine)."""
    backup, db_path = Path(backup), outputs.real(db_path)
    expected = check_candidate(backup)
    info = parse_backup_name(backup) or BackupInfo(backup, datetime.fromtimestamp(backup.stat().st_mtime))
    now = now or datetime.now()
    saved = _save_current(db_path, now)
    temp = _restoring_temp(db_path)
    try:
        temp.unlink(missing_ok=True)  # left by a restore that was killed half-way
        copy_database(backup, temp)
        got = record_counts(temp)
        if integrity_problems(temp) or got != expected:
            raise BackupFailed(f"恢复出的副本与备份不一致（{got} ≠ {expected}）；当前数据库没有改动")
        for suffix in ("-wal", "-shm"):  # an old WAL must never be replayed onto the restored file
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(temp, db_path)
        _fsync_dir(db_path.parent)
        _anchor_restored(db_path)
        from gridkeeper.storage import commit_log

        commit_log.reset_after_restore(db_path)  # the restored file's own commit count is the truth now
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(f"恢复失败：{faults.describe(exc) or exc}") from exc
    finally:
        temp.unlink(missing_ok=True)
    return RestoreResult(info, expected, saved)
