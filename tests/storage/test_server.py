"""A PostgreSQL server as the database: same schema from the same migrations, plain messages when it fails."""

from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import Session, SQLModel

from gridkeeper.cli import main
from gridkeeper.storage import migrate
from gridkeeper.storage.errors import DatabaseMissing
from gridkeeper.storage.server import (
    PasswordRefused,
    ServerUnreachable,
    display,
    is_server_url,
    open_server,
    server_url,
)
from tests.conftest import require_pg


def test_addresses_are_recognised_and_shown_without_password():
    assert is_server_url("postgresql://grid@office-pc/fukang")
    assert is_server_url("postgres://grid@office-pc:5433/fukang")
    assert not is_server_url("C:/data/postgresql.db") and not is_server_url("fukang.db")
    assert display("postgresql://grid:secret@office-pc:5433/fukang") == "postgresql://grid@office-pc:5433/fukang"
    assert server_url("postgresql://grid@office-pc/fukang").drivername == "postgresql+psycopg"


def test_unreachable_server_is_one_sentence_and_exit_3(capsys):
    # Port 1 on loopback: nothing listens there, the refusal is immediate.
    code = main(["stats", "--db", "postgresql://grid@127.0.0.1:1/fukang", "--json"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "127.0.0.1:1" in err and "PostgreSQL 服务是否在运行" in err


def test_unreachable_server_raises_the_plain_error():
    with pytest.raises(ServerUnreachable, match="无法连接数据库服务器 127.0.0.1:1"):
        open_server("postgresql://grid@127.0.0.1:1/fukang")


def test_models_and_migration_head_agree_on_both_databases(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    assert diff == []
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_wrong_password_and_missing_database_are_plain(pg_databases):
    url = server_url(require_pg())
    with pytest.raises(PasswordRefused, match="不接受用户 postgres 的密码"):
        open_server(url.set(password="wrong-password"))
    with pytest.raises(DatabaseMissing, match="没有数据库 gridkeeper_no_such_db"):
        open_server(url.set(database="gridkeeper_no_such_db"))


def test_create_makes_the_database_with_c_collation(pg_databases):
    url = server_url(require_pg()).set(database=f"{pg_databases.prefix}_created")
    engine = open_server(url, create=True).engine
    pg_databases.made.append(url.database)
    try:
        with engine.connect() as conn:
            collation = conn.execute(text("SELECT datcollate FROM pg_database WHERE datname = current_database()")).scalar()
            assert collation == "C"
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_read_only_server_session_refuses_writes(pg_databases):
    url = pg_databases.create(migrated=True)
    engine = open_server(url, read_only=True).engine
    try:
        from sqlalchemy.exc import InternalError

        with pytest.raises(InternalError, match="read-only"), Session(engine) as session:
            session.execute(text("INSERT INTO setting (key, value) VALUES ('x', 'y')"))
    finally:
        engine.dispose()


def test_demo_then_stats_give_the_same_figures_on_both(pg_databases, tmp_path, capsys):
    """The issue's acceptance check: the same seed gives identical `stats --json` on SQLite and PostgreSQL."""
    server = pg_databases.create(migrated=False)
    figures = []
    for target in (str(tmp_path / "x.db"), server):
        assert main(["demo", "--db", target, "--households", "2000", "--seed", "7", "--today", "2026-11-20"]) == 0
        capsys.readouterr()
        assert main(["stats", "--db", target, "--json"]) == 0
        figures.append(json.loads(capsys.readouterr().out))
    assert figures[0] == figures[1]
    assert figures[0]["households"] == 2000
