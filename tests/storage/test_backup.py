"""Promise 3: verified, rotating backups and a restore that proves its data before switching."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest
from alembic import command
from sqlmodel import Session, select

from gridkeeper.cli import main
from gridkeeper.services.trash import delete_household
from gridkeeper.storage import backup, migrate
from gridkeeper.services.database import open_database
from gridkeeper.storage.engine import make_engine
from gridkeeper.storage.models import AuditEntry, Household, Setting
from gridkeeper.storage.session import unit_of_work

pytestmark = pytest.mark.sqlite_only  # file backups; server backups are tested in test_server_backup.py

NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def db(demo_db, tmp_path):
    target = tmp_path / "community.db"
    shutil.copy(demo_db[0], target)
    return target


def counts_of(demo_db) -> dict:
    counts = demo_db[1]
    return {"households": counts["household"], "residents": counts["resident"], "visits": counts["visit"]}


def test_backup_is_checked_named_and_complete(db, demo_db):
    info = backup.make_backup(db, now=NOW)
    assert info.path.name == "gridkeeper-20261122-093000-n1.db" and info.sequence == 1
    assert info.path.parent == db.parent / "community-backups"
    assert backup.integrity_problems(info.path) == []
    assert info.counts() == counts_of(demo_db)
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name, "manifest.json"]  # no temporary


def test_backup_includes_committed_data_still_in_the_wal(db):
    engine = open_database(db).engine
    with unit_of_work(engine) as session:
        session.add(Setting(key="only-in-wal", value="x"))
    info = backup.make_backup(engine, now=NOW)  # the app still has the file open
    engine.dispose()
    conn = sqlite3.connect(info.path)
    assert conn.execute("SELECT value FROM setting WHERE key = 'only-in-wal'").fetchone() == ("x",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    conn.close()


def test_a_damaged_source_leaves_no_backup(db):
    with open(db, "r+b") as handle:  # wreck the b-tree page headers of a few pages
        for page in (3, 5, 8):
            handle.seek(4096 * (page - 1))
            handle.write(b"\xff" * 12)
    with pytest.raises(backup.BackupFailed, match="完整性检查"):
        backup.make_backup(db, now=NOW)
    assert list((db.parent / "community-backups").iterdir()) == []


def test_thinning_keeps_7_daily_4_weekly_12_monthly():
    stamps = [NOW - timedelta(days=d, hours=h) for d in range(400) for h in (0, 5)]
    keep = backup.backups_to_keep(stamps)
    days = {t.date() for t in keep}
    assert {NOW.date() - timedelta(days=d) for d in range(7)} <= days
    assert len({t.isocalendar()[:2] for t in keep}) >= 4
    months = sorted({(t.year, t.month) for t in keep}, reverse=True)
    assert len(months) == 12 and months[0] == (2026, 11) and months[-1] == (2025, 12)
    assert len(keep) <= 3 + 7 + 4 + 12
    assert max(stamps) in keep
    assert all(t == max(s for s in stamps if s.date() == t.date()) for t in keep if t < NOW - timedelta(days=1))


def test_thinning_of_few_backups_keeps_them_all():
    stamps = [NOW - timedelta(days=d) for d in range(5)]
    assert backup.backups_to_keep(stamps) == set(stamps)
    assert backup.backups_to_keep([]) == set()


def test_thin_backups_deletes_files(db):
    for day in reversed(range(30)):  # made day after day
        backup.make_backup(db, now=NOW - timedelta(days=day))
    removed = backup.thin_backups(db)
    left = backup.list_backups(db)
    assert len(left) + len(removed) == 30
    assert {b.taken_at for b in left} == backup.backups_to_keep([NOW - timedelta(days=d) for d in range(30)])


def test_daily_backup_is_made_when_due(db):
    assert backup.backup_if_due(db, now=NOW).reason == "daily"
    assert backup.backup_if_due(db, now=NOW + timedelta(hours=23)) is None
    assert backup.backup_if_due(db, now=NOW + timedelta(hours=25)) is not None


def test_opening_makes_the_daily_backup(db):
    engine = open_database(db).engine
    engine.dispose()
    assert [b.reason for b in backup.list_backups(db)] == ["daily"]


def test_backup_before_migration(tmp_path):
    path = tmp_path / "old.db"
    old = make_engine(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(old), "0001")
    old.dispose()
    engine = open_database(path).engine
    engine.dispose()
    reasons = {b.reason: b for b in backup.list_backups(path)}
    assert "migration" in reasons
    conn = sqlite3.connect(reasons["migration"].path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()


def test_backup_before_import_for_the_import_engineer(db):
    engine = open_database(db).engine
    info = backup.backup_before(engine, "import")
    engine.dispose()
    assert info.reason == "import" and info.reason_label == "导入前备份"
    assert info.path.name.endswith("-import.db")


def test_restore_proves_counts_and_keeps_the_current_file(db, demo_db):
    good = backup.make_backup(db, now=NOW)
    engine = open_database(db).engine
    with unit_of_work(engine) as session:
        delete_household(session, session.exec(select(Household)).first().id)
    engine.dispose()
    result = backup.restore_backup(good.path, db, now=NOW + timedelta(hours=1))
    assert result.counts == counts_of(demo_db) == backup.record_counts(db)
    assert backup.record_counts(result.saved_current)["households"] == counts_of(demo_db)["households"] - 1
    assert not db.with_name(db.name + "-wal").exists()
    assert backup.integrity_problems(db) == []


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db):
    bad = db.parent / "gridkeeper-20261101-080000.db"
    bad.write_bytes(db.read_bytes()[: 4096 * 3])
    before = db.read_bytes()
    with pytest.raises(backup.BackupFailed, match="已损坏"):
        backup.restore_backup(bad, db)
    assert db.read_bytes() == before


def test_cli_backup_list_restore_and_audit(db, capsys, demo_db):
    assert main(["backup", "--db", str(db)]) == 0
    assert "已备份并校验" in capsys.readouterr().out
    assert main(["restore", "--list", "--db", str(db)]) == 0
    listing = capsys.readouterr().out
    assert f"住户 {demo_db[1]['household']}" in listing and "手动备份" in listing
    assert main(["restore", "latest", "--db", str(db)]) == 0
    assert "与备份一致" in capsys.readouterr().out
    engine = open_database(db).engine
    with Session(engine) as session:
        last = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    engine.dispose()
    assert last.action == "restore"


def test_cli_backup_to_folder(db, tmp_path, capsys):
    assert main(["backup", "--db", str(db), "--to", str(tmp_path / "usb")]) == 0
    assert len(list((tmp_path / "usb").glob("gridkeeper-*.db"))) == 1
