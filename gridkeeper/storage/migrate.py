"""Alembic migrations run from code: upgrade to head, refuse a schema newer than this program.

Checking a file's schema version does not import Alembic (a quarter of a second of a short command's
start-up): the revision ids are read from the migration scripts' `revision = ...` lines and the file's
from its alembic_version table. Alembic itself is imported only to upgrade.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from gridkeeper.storage.errors import SchemaTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=\n]*=\s*(?:['\"]([^'\"]*)['\"]|None)", re.MULTILINE)


def alembic_config(engine: Engine | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


@lru_cache(maxsize=1)
def script_revisions() -> tuple[frozenset[str], str]:
    """Every revision id this program knows, and the head (the one no other revises)."""
    known, parents = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        fields = {name: value for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8"))}
        if fields.get("revision"):
            known.add(fields["revision"])
            if fields.get("down_revision"):
                parents.add(fields["down_revision"])
    heads = known - parents
    if len(heads) != 1:
        raise RuntimeError(f"migration scripts must have one head, found {sorted(heads)}")
    return frozenset(known), heads.pop()


def head_revision() -> str:
    return script_revisions()[1]


def current_revision(engine: Engine) -> str | None:
    """The file's schema revision (None for a file without GridKeeper's tables yet)."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError as exc:
            if "alembic_version" in str(exc.orig):  # no such table: a new, empty database
                return None
            raise


def known_revisions() -> frozenset[str]:
    """Every schema revision this program knows (read from the migration scripts once per process)."""
    return script_revisions()[0]


def check_not_newer(engine: Engine) -> None:
    """Raise SchemaTooNew when the file was written by a newer GridKeeper."""
    revision = current_revision(engine)
    if revision is not None and revision not in script_revisions()[0]:
        raise SchemaTooNew(
            f"这个数据库由更新版本的 GridKeeper 创建（结构版本 {revision}），"
            "请升级 GridKeeper 后再打开；为保护数据，本程序不会修改它。"
        )


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, *, before: Callable[[Engine], None] | None = None) -> None:
    """Bring the schema to head; `before(engine)` runs first when there is existing data to migrate
    (where a database file is opened, it makes the pre-migration backup)."""
    revision = current_revision(engine)
    if revision == head_revision():
        return
    if revision is not None and before is not None:
        before(engine)
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
