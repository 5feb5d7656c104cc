"""Is this SQLite file a GridKeeper database of a schema this program can open? Asked before an open
migrates a file and before a restore replaces anything; answered through a read-only connection."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gridkeeper.storage.errors import NotADatabase, SchemaTooNew
from gridkeeper.storage.migrate import known_revisions

CORE_TABLES = {"grid", "household", "resident", "visit"}
VERSION_TABLE = "alembic_version"


class NotGridKeeper(NotADatabase):
    """A SQLite file, but not GridKeeper's: refused untouched."""


@dataclass(frozen=True)
class Identity:
    """What a file is: `empty` (no tables: a fresh database), or a GridKeeper schema `revision`."""

    empty: bool
    revision: str | None
    tables: frozenset[str]


def read_identity(path: Path) -> Identity | None:
    """The tables and schema revision of a SQLite file; None when they cannot be read (a damaged file:
    the integrity checks report that)."""
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = frozenset(row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        revision = None
        if VERSION_TABLE in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return Identity(not tables, revision, tables)


def _foreign(path: Path, identity: Identity, what: str) -> NotGridKeeper:
    shown = "、".join(sorted(identity.tables)[:6]) + ("……" if len(identity.tables) > 6 else "")
    return NotGridKeeper(f"{path} 是一个 SQLite 数据库，但不是 GridKeeper 的{what}（其中的表：{shown}）。"
                         "为保护它，GridKeeper 没有打开或改动它。")


def require_gridkeeper(path: Path, *, allow_empty: bool, what: str = "数据库") -> Identity | None:
    """Raise NotGridKeeper for a foreign SQLite file (or an empty one unless `allow_empty`) and
    SchemaTooNew for a GridKeeper file of a newer schema; None when the file cannot be read at all."""
    identity = read_identity(path)
    if identity is None:
        return None
    if identity.empty:
        if allow_empty:
            return identity
        raise NotGridKeeper(f"{path} 里没有任何数据表，不是 GridKeeper 的{what}。为保护数据，没有用它做任何事。")
    has_core = CORE_TABLES <= identity.tables
    if identity.revision is None or not has_core and identity.revision not in known_revisions():
        raise _foreign(path, identity, what)
    if identity.revision not in known_revisions():
        raise SchemaTooNew(f"{path} 由更新版本的 GridKeeper 创建（结构版本 {identity.revision}），"
                           "请升级 GridKeeper 后再使用；为保护数据，本程序没有用它做任何事。")
    if not has_core:
        raise _foreign(path, identity, what)
    return identity
