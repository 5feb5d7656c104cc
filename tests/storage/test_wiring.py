"""Wiring you can see: opening a database returns a Database, and installs its hooks and guards there."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlmodel import Session, func, select

from gridkeeper.services import accounts
from gridkeeper.services import database as app_database
from gridkeeper.storage import audit, lock
from gridkeeper.storage import engine as storage
from gridkeeper.storage.models import AuditEntry, Setting


def test_importing_modules_installs_nothing():
    probe = ("import sqlalchemy.event as e; from sqlalchemy.orm import Session\n"
             "import gridkeeper.services.accounts, gridkeeper.storage.backup, gridkeeper.storage.engine\n"
             "from gridkeeper.storage import audit\n"
             "print(e.contains(Session, 'before_flush', audit._before_flush))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_open_database_returns_what_the_front_ends_need(tmp_path):
    path = tmp_path / "community.db"
    database = storage.open_database(path, create=True)
    assert (database.path, database.kind, database.read_only, database.warnings) == (path, "sqlite", False, [])
    assert database.label == str(path) and lock.lock_path(path).exists()
    database.dispose()
    assert not lock.lock_path(path).exists()
    viewer = storage.open_database(path, read_only=True)
    assert viewer.read_only and not lock.lock_path(path).exists()
    viewer.dispose()


def test_front_ends_open_with_the_permission_guard(tmp_path):
    database = app_database.open_database(tmp_path / "a.db", create=True)
    assert database.row_guards == (accounts.permission_guard,)
    assert app_database.memory_database().row_guards == (accounts.permission_guard,)
    database.dispose()


def test_a_database_is_audited_and_guarded_with_its_own_guards():
    refused = []

    def refuse_settings(session, table, before, after):
        if table == "setting":
            refused.append(after)
            raise PermissionError("no settings here")

    guarded, plain = storage.memory_database(row_guards=[refuse_settings]), storage.memory_database()
    with Session(guarded.engine) as session, pytest.raises(PermissionError):
        session.add(Setting(key="a", value="b"))
        session.commit()
    with Session(plain.engine) as session:  # another database's guards are not this one's
        session.add(Setting(key="a", value="b"))
        session.commit()
        assert session.exec(select(func.count()).select_from(AuditEntry)).one() == 1
    assert refused == [{"key": "a", "value": "b"}]


def test_in_memory_databases_are_independent_copies_of_the_migrated_schema(tmp_path):
    """memory_database() migrates once per process and copies that schema: each copy is the migrated
    schema exactly (as a new file gets it) and shares no rows with another."""
    def schema(engine):
        with engine.connect() as conn:
            return sorted(conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master").all())

    first, second = storage.memory_database(), storage.memory_database()
    on_file = storage.open_database(tmp_path / "file.db", create=True)
    try:
        assert schema(first.engine) == schema(second.engine) == schema(on_file.engine)
        with Session(first.engine) as session:
            session.add(Setting(key="only-here", value="1"))
            session.commit()
        with Session(second.engine) as session:
            assert session.exec(select(func.count()).select_from(Setting)).one() == 0
            assert session.exec(select(func.count()).select_from(AuditEntry)).one() == 0
        third = storage.memory_database()
        with Session(third.engine) as session:  # made after the write: still empty
            assert session.exec(select(func.count()).select_from(Setting)).one() == 0
        third.dispose()
    finally:
        first.dispose()
        second.dispose()
        on_file.dispose()


def test_an_engine_nobody_installed_is_not_audited():
    engine = storage.make_engine("sqlite://")
    from gridkeeper.storage import migrate

    migrate.upgrade(engine)
    with Session(engine) as session:
        session.add(Setting(key="a", value="b"))
        session.commit()
        assert session.exec(select(func.count()).select_from(AuditEntry)).one() == 0
        assert audit.engine_of(session) is engine
