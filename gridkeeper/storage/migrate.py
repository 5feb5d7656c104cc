"""Alembic migrations run from code: upgrade to head, refuse a schema newer than this program."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from gridkeeper.storage.errors import SchemaTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> None:
    """Raise SchemaTooNew when the file was written by a newer GridKeeper."""
    revision = current_revision(engine)
    if revision is None:
        return
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if revision not in known:
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
    command.upgrade(alembic_config(engine), "head")
