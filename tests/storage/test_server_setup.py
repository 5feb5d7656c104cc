"""`gridkeeper server setup`: the app's role may append to the audit trail but never edit or delete it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError
from sqlmodel import Session, func, select

from gridkeeper.cli import main
from gridkeeper.services import geography as geo
from gridkeeper.storage.models import AuditEntry
from gridkeeper.storage.server import open_server, server_url
from gridkeeper.storage.session import unit_of_work
from tests.conftest import require_pg


@pytest.fixture
def office(pg_databases, monkeypatch, capsys):
    """An office database made by setup as the test server's administrator; the app's URL with password."""
    admin = server_url(require_pg())
    number = next(pg_databases.counter)
    name, role = f"{pg_databases.prefix}_office{number}", f"{pg_databases.prefix}_app{number}"
    pg_databases.made.append(name)
    pg_databases.roles.append(role)
    monkeypatch.setenv("GRIDKEEPER_APP_PASSWORD", "app-secret'; --")
    target = admin.set(database=name).render_as_string(hide_password=False)
    assert main(["server", "setup", "--db", target, "--app-user", role, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["created_database"] and report["created_user"] and report["append_only"] == ["audit_entry"]
    assert report["app_url"] == f"postgresql://{role}@{admin.host}:{admin.port}/{name}"  # no password in it
    return admin.set(database=name, username=role, password="app-secret'; --")


def test_app_role_appends_audit_rows_but_cannot_change_or_delete_them(office):
    engine = open_server(office).engine
    try:
        with unit_of_work(engine) as session:  # an ordinary change: audited by appending
            geo.update_community(session, name="福康社区")
            geo.create_grid(session, code="FK-01", name="第一网格")
        with Session(engine) as session:
            assert session.exec(select(func.count()).select_from(AuditEntry)).one() >= 1
        for sql in ("UPDATE audit_entry SET actor = '别人'", "DELETE FROM audit_entry", "TRUNCATE audit_entry"):
            with pytest.raises(ProgrammingError, match="permission denied"), engine.begin() as conn:
                conn.execute(text(sql))
        with pytest.raises(ProgrammingError, match="must be owner"), engine.begin() as conn:
            conn.execute(text("DROP TABLE household"))
        with engine.begin() as conn:  # the community's own records stay editable through the app's role
            conn.execute(text("UPDATE grid SET name = '第一网格（新）' WHERE code = 'FK-01'"))
    finally:
        engine.dispose()


def test_app_role_can_fill_the_database_and_setup_is_repeatable(office, capsys):
    target = office.set(drivername="postgresql").render_as_string(hide_password=False)
    assert main(["demo", "--db", target, "--households", "40", "--seed", "2", "--today", "2026-11-20"]) == 0
    assert main(["check", "--db", target]) == 0
    capsys.readouterr()
    admin = server_url(require_pg()).set(database=office.database).render_as_string(hide_password=False)
    assert main(["server", "setup", "--db", admin, "--app-user", office.username]) == 0
    assert "已存在" in capsys.readouterr().out


def test_setup_needs_a_server_address(capsys):
    assert main(["server", "setup", "--db", "office.db"]) == 2
    assert "postgresql://" in capsys.readouterr().err
