"""The audit chain's head kept outside the database, so cutting or rewriting history is noticed.

The chain (`storage/audit.py`) proves rows were not edited in place, but someone who can edit the
file can delete the newest rows, or rewrite everything and recompute every hash: the chain is then
valid again. So after every commit that adds audit rows, the head — the last row's id and hash and
how many rows there are — is also written to the user's data folder (`audit-anchors.json`, one
entry per database file), and each backup records the head it copied (`backup_head`). On open and
in `gridkeeper check` the database must still hold the anchored row with the same hash and as many
rows up to it; otherwise the history was cut or rewritten since, and that is reported (and, when the
database is opened for writing, written into the trail itself before the anchor moves on).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from gridkeeper import paths

ANCHOR_FILE = "audit-anchors.json"
HEAD_SQL = "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1"


@dataclass(frozen=True)
class Head:
    """The newest audit row (id and hash) and how many rows the trail had then."""

    last_id: int
    last_hash: str
    count: int
    at: str = ""


def _key(path: str | os.PathLike[str]) -> str:
    return str(Path(path).resolve())


def _file() -> Path:
    return paths.data_dir() / ANCHOR_FILE


def _load_all() -> dict:
    try:
        return json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def anchored(path: str | os.PathLike[str]) -> Head | None:
    """The head last recorded for the database at `path` (None if never)."""
    entry = _load_all().get(_key(path))
    try:
        return Head(int(entry["last_id"]), str(entry["last_hash"]), int(entry["count"]), entry.get("at", ""))
    except (TypeError, KeyError, ValueError):
        return None


def remember(path: str | os.PathLike[str], head: Head | None) -> None:
    """Record `head` as the database's anchor (atomically; a failure only loses the anchor, never data)."""
    if head is None:
        return
    data = _load_all()
    data[_key(path)] = asdict(head) | {"at": datetime.now(UTC).isoformat(timespec="seconds")}
    remember_all(data)


def remember_all(data: dict) -> None:
    target = _file()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{ANCHOR_FILE}.", suffix=".part")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, target)
    except OSError:
        Path(locals().get("tmp", target.with_suffix(".none"))).unlink(missing_ok=True)


def head_of(conn) -> Head | None:
    """The current head through a sqlite3 or SQLAlchemy connection (None without audit rows)."""
    run = conn.exec_driver_sql if hasattr(conn, "exec_driver_sql") else conn.execute
    try:
        row = run(HEAD_SQL).fetchone()
        if row is None:
            return None
        count = run("SELECT COUNT(*) FROM audit_entry").fetchone()[0]
    except (sqlite3.Error, Exception) as exc:  # no audit table (an old or foreign file)
        if "no such table" in str(exc):
            return None
        raise
    return Head(int(row[0]), str(row[1]), int(count))


def problem(conn, anchor: Head | None, *, where: str = "上次记下") -> str | None:
    """What is wrong with the database's trail compared with `anchor` (None if it still holds it)."""
    if anchor is None:
        return None
    run = conn.exec_driver_sql if hasattr(conn, "exec_driver_sql") else conn.execute
    try:
        row = run("SELECT hash FROM audit_entry WHERE id = ?", (anchor.last_id,)).fetchone()
        upto = run("SELECT COUNT(*) FROM audit_entry WHERE id <= ?", (anchor.last_id,)).fetchone()[0]
    except Exception as exc:  # noqa: BLE001 - the audit table is gone
        if "no such table" not in str(exc):
            raise
        row, upto = None, 0
    when = f"（{anchor.at[:19].replace('T', ' ')} UTC）" if anchor.at else ""
    if row is None:
        return (f"审计记录被截短：{where}{when}的最后一条是第 {anchor.last_id} 条（共 {anchor.count} 条），"
                f"现在数据库里没有这一条，只有 {upto} 条在它之前——最新的记录被删除了，或打开的是一份更旧的副本")
    if row[0] != anchor.last_hash:
        return (f"审计记录被改写：第 {anchor.last_id} 条的校验值与{where}{when}的不同——"
                "历史记录被整体改写并重新计算过")
    if upto != anchor.count:
        return (f"审计记录被删除：{where}{when}第 {anchor.last_id} 条及之前共 {anchor.count} 条，现在只有 {upto} 条")
    return None


def check_on_open(engine, path: str | os.PathLike[str], *, read_only: bool = False,
                  record=None) -> str | None:
    """On open: the trail against the anchor. A database seen for the first time is anchored; a cut or
    rewritten trail is reported — and, opened for writing, handed to `record(session, finding,
    detail)` (storage.engine writes it into the trail, so the finding itself is anchored) before the
    anchor moves on to the current head."""
    anchor = anchored(path)
    with engine.connect() as conn:
        found = problem(conn, anchor)
        head = head_of(conn)
    if read_only or head is None and not found:
        return found
    if found:
        if record is not None:
            with Session(engine) as session:
                record(session, found, {"anchored": asdict(anchor)})
                session.commit()  # the commit hook re-anchors at the new head
        else:
            remember(path, head)
    elif anchor is None or (anchor.last_id, anchor.last_hash, anchor.count) != (head.last_id, head.last_hash,
                                                                                 head.count):
        remember(path, head)  # rows appended since (another computer, a backup's audit row): fine
    return found


def forget(path: str | os.PathLike[str], head: Head | None = None) -> None:
    """After a restore: the database's trail is the backup's now; anchor it there (or drop the anchor)."""
    if head is not None:
        remember(path, head)
        return
    data = _load_all()
    if data.pop(_key(path), None) is not None:
        remember_all(data)


# ---- Keeping the anchor current: after every commit that wrote audit rows ------------------------------

def _database_file(session: Session) -> str | None:
    try:
        bind = session.get_bind()
    except Exception:  # noqa: BLE001 - an unbound session has no file
        return None
    engine = getattr(bind, "engine", bind)
    if engine is None or engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return name


def _before_commit(session: Session) -> None:
    if not session.info.pop("audit_written", False):
        return
    path = _database_file(session)
    if path is None:
        return
    head = _head_in(session)
    if head is not None:
        session.info["audit_head"] = (path, head)


def _head_in(session: Session) -> Head | None:
    row = session.execute(text(HEAD_SQL)).first()
    if row is None:
        return None
    count = session.execute(text("SELECT COUNT(*) FROM audit_entry")).scalar()
    return Head(int(row[0]), str(row[1]), int(count))


def _after_commit(session: Session) -> None:
    pending = session.info.pop("audit_head", None)
    if pending is not None:
        remember(*pending)


def _after_rollback(session: Session) -> None:
    session.info.pop("audit_head", None)
    session.info.pop("audit_written", None)


def install() -> None:
    """Hook every Session (idempotent; done when this module is imported)."""
    for name, fn in (("before_commit", _before_commit), ("after_commit", _after_commit),
                     ("after_rollback", _after_rollback)):
        if not event.contains(Session, name, fn):
            event.listen(Session, name, fn)
