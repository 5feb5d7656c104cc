"""The schema comes from Alembic migrations that agree with the models; newer files are refused."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from gridkeeper.storage import migrate
from gridkeeper.services.database import open_database
from gridkeeper.storage.errors import DatabaseMissing, NotADatabase, SchemaTooNew


def test_empty_file_migrates_to_head(tmp_path):
    engine = open_database(tmp_path / "new.db", create=True).engine
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"household", "resident", "visit", "resident_request", "alembic_version"} <= tables
    engine.dispose()


def test_models_and_migration_head_agree(tmp_path):
    engine = open_database(tmp_path / "head.db", create=True).engine
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_pragmas_wal_foreign_keys_full_sync(tmp_path):
    engine = open_database(tmp_path / "p.db", create=True).engine
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    engine.dispose()


def test_reopening_is_idempotent(tmp_path):
    path = tmp_path / "again.db"
    open_database(path, create=True).dispose()
    engine = open_database(path).engine
    assert not migrate.needs_upgrade(engine)
    engine.dispose()


def test_newer_schema_is_refused_and_file_untouched(tmp_path):
    path = tmp_path / "future.db"
    open_database(path, create=True).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew, match="更新版本"):
        open_database(path)
    assert path.read_bytes() == before


def test_missing_file_and_not_a_database(tmp_path):
    with pytest.raises(DatabaseMissing, match="找不到"):
        open_database(tmp_path / "nope.db")
    junk = tmp_path / "notes.db"
    junk.write_text("这不是数据库" * 100, encoding="utf-8")
    with pytest.raises(NotADatabase, match="不是 GridKeeper 数据库"):
        open_database(junk)
    with pytest.raises(NotADatabase, match="文件夹"):
        open_database(tmp_path)


def test_migration_runs_hooks_before_touching_existing_file(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    engine = open_database(path, create=True).engine
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM alembic_version")
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('0001')")
    calls = []
    monkeypatch.setattr(migrate, "head_revision", lambda: "0001-pretend-newer")
    import alembic.command  # imported by migrate.upgrade only when it upgrades

    monkeypatch.setattr(alembic.command, "upgrade", lambda *a, **k: calls.append("upgrade"))
    migrate.upgrade(engine, before=lambda e: calls.append("backup"))
    assert calls == ["backup", "upgrade"]
    engine.dispose()


def test_the_quick_revision_check_agrees_with_alembic():
    """Checking a file's schema version reads the scripts' revision lines instead of importing Alembic
    (a short command's start-up); it must name the same revisions and head as Alembic does."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    known, head = migrate.script_revisions()
    assert known == {script.revision for script in scripts.walk_revisions()}
    assert head == scripts.get_current_head()


def test_checking_the_schema_version_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "g.db"
    open_database(path, create=True).dispose()
    code = ("import sys; from gridkeeper.storage.engine import open_for_reading; "
            f"e = open_for_reading({str(path)!r}); e.dispose(); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_dispute_steps_already_recorded_get_their_day_and_outcome(tmp_path):
    """0010: a step recorded before the migration takes its day from when it was recorded and an outcome step
    its outcome from its note (a past month's dispute ledger reads both)."""
    from alembic import command

    from gridkeeper.storage.engine import make_engine

    path = tmp_path / "disputes.db"
    old = make_engine(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(old), "0009_rentals")
    with old.begin() as conn:  # the history alone matters here: no grid behind grid_id 1
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.exec_driver_sql(
            "INSERT INTO dispute (id, grid_id, kind, subject, details, risk, source, found_on, found_by, status, "
            "last_step_on, referred_to, outcome_note, follow_up_note, version) VALUES (1, 1, 'neighbour', '漏水', '', "
            "'low', 'reported', '2026-10-05', '', 'referred', '2026-10-20', '街道综治中心', '', '', 1)")
        for n, (at, old_status, new, note) in enumerate((
                ("2026-10-05 09:00:00.000000", None, "registered", "登记（群众反映）"),
                ("2026-10-10 09:00:00.000000", "registered", "mediating", "2026-10-10 调解（李晓燕）"),
                ("2026-10-20 09:00:00.000000", "mediating", "referred", "转交相关部门：街道综治中心"),
                ("2026-10-21 09:00:00.000000", "referred", "referred", "添加当事人：刘强")), start=1):
            conn.exec_driver_sql("INSERT INTO dispute_event (id, dispute_id, at, from_status, to_status, note, actor) "
                                 "VALUES (?, 1, ?, ?, ?, ?, '')", (n, at, old_status, new, note))
    old.dispose()
    engine = open_database(path).engine
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT step_on, outcome FROM dispute_event ORDER BY id").all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [("2026-10-05", None), ("2026-10-10", None), ("2026-10-20", "referred"),
                                        ("2026-10-21", None)]
