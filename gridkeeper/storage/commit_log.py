"""Noticing committed changes that went missing: a truncated or deleted `-wal`, an older copy put in
place of the database.

SQLite keeps a commit in the `-wal` file until a checkpoint copies it into the database. If the
`-wal` is cut short or deleted after a crash, SQLite silently drops the commits it held — the file
passes every integrity check, the data is just older. SQLite cannot tell; the app can, by
counting its own commits in two places:

- inside the database: every write transaction bumps `PRAGMA user_version` in the same transaction
  (so it is in the `-wal` with the data, and lost with it);
- beside it, in `<db>.commits`: the number last seen committed, written after each commit.

On open and in `gridkeeper check`, a database whose number is lower than `<db>.commits` lost that
many commits. That is reported — with the newest backup as the way back — and stays reported until
a restore. What is not detectable: commits lost together with `<db>.commits` (a copied database
without its sidecar, a whole folder restored from an old copy), and a power cut that loses the
sidecar write after the `-wal` was synced (then the count is lower, never a false alarm).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, event

SUFFIX = ".commits"


def sidecar(db_path: Path) -> Path:
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + SUFFIX)


def read_sidecar(db_path: Path) -> dict:
    try:
        data = json.loads(sidecar(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_sidecar(db_path: Path, data: dict) -> None:
    """Rewrite `<db>.commits` in place, owner-only, without fsync (after every commit: it must cost
    next to nothing). A torn or lagging sidecar only means a loss goes unnoticed, never a false alarm."""
    text = json.dumps(data, ensure_ascii=False).encode("utf-8")
    try:
        fd = os.open(sidecar(db_path), os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            os.write(fd, text)
            os.ftruncate(fd, len(text))
        finally:
            os.close(fd)
    except OSError:
        pass


def database_sequence(db_path: Path) -> int | None:
    """The commit number stored in the database itself (read-only; None if unreadable)."""
    try:
        conn = sqlite3.connect(f"{Path(db_path).absolute().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


@dataclass(frozen=True)
class LostCommits:
    expected: int
    found: int
    detected: str
    newest_backup: str = ""

    @property
    def count(self) -> int:
        return self.expected - self.found

    def message(self, db_path: Path) -> str:
        way_back = (f"最近的备份是 {self.newest_backup}，可以用它恢复：gridkeeper restore \"{self.newest_backup}\" "
                    f"--db \"{db_path}\"（或“数据”菜单中的“恢复”）" if self.newest_backup else "没有找到备份")
        return (f"数据库比上次保存时少了最后 {self.count} 次保存的修改（{self.detected[:16].replace('T', ' ')} 发现）："
                f"数据库旁的 -wal 日志文件被截断或删除，或者数据库被换成了较旧的副本。文件本身是完好的。{way_back}。")


def lost_commits(db_path: Path, newest_backup: Callable[[], str] = lambda: "") -> LostCommits | None:
    """Commits recorded beside the database but missing from it (see the module docstring);
    `newest_backup()` names the way back (the caller knows where backups are)."""
    data = read_sidecar(db_path)
    if isinstance(data.get("lost"), dict):
        lost = data["lost"]
        try:
            return LostCommits(int(lost["expected"]), int(lost["found"]), str(lost["detected"]),
                               str(lost.get("newest_backup", "")))
        except (KeyError, TypeError, ValueError):
            return None
    recorded = data.get("sequence")
    found = database_sequence(db_path)
    if not isinstance(recorded, int) or found is None or found >= recorded:
        return None
    return LostCommits(recorded, found, datetime.now().isoformat(timespec="seconds"), newest_backup())


def check_on_open(db_path: Path, newest_backup: Callable[[], str] = lambda: "") -> LostCommits | None:
    """On an open for writing: find lost commits and keep the finding until a restore."""
    lost = lost_commits(db_path, newest_backup)
    if lost is not None:
        data = read_sidecar(db_path)
        if "lost" not in data:
            write_sidecar(db_path, {"sequence": lost.found, "lost": lost.__dict__})
    return lost


def reset_after_restore(db_path: Path) -> None:
    """A restored database is the new truth: its own number, nothing reported lost."""
    write_sidecar(db_path, {"sequence": database_sequence(db_path) or 0})


def attach(engine: Engine, db_path: Path) -> None:
    """Count this engine's commits: bump `user_version` inside each write transaction, and record
    the committed number beside the database when the connection goes back to the pool."""
    state = {"written": read_sidecar(db_path).get("sequence")}

    def bump(conn) -> None:
        raw = conn.connection.driver_connection
        if not getattr(raw, "in_transaction", False):
            return
        current = int(raw.execute("PRAGMA user_version").fetchone()[0])
        raw.execute("PRAGMA user_version = " + str(current + 1))  # an int: no text from outside

    def record(dbapi_connection, _record) -> None:
        try:
            committed = int(dbapi_connection.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.Error:
            return
        if committed != state["written"]:
            data = read_sidecar(db_path)
            data["sequence"] = committed
            write_sidecar(db_path, data)
            state["written"] = committed

    event.listen(engine, "commit", bump)
    event.listen(engine.pool, "checkin", record)
