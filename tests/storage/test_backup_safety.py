"""Issue 11 items 2, 3, 5, 16 (backups) and "one place for backup and restore": safety copies kept,
restore asks which backup, backups ordered by number not by clock, candidates proved before
anything is replaced, foreign SQLite files refused untouched, killed backups' .part cleaned."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gridkeeper.cli import main
from gridkeeper.services import backups
from gridkeeper.storage import backup
from gridkeeper.services.database import open_database
from gridkeeper.storage.errors import DatabaseUnusable, SchemaTooNew
from gridkeeper.storage.identity import NotGridKeeper

pytestmark = pytest.mark.sqlite_only  # file backups and restores; server backups are tested in test_server_backup.py

NOW = datetime(2026, 11, 22, 9, 30)
FUTURE = datetime(2037, 1, 1, 10, 0)
PAST = datetime(2000, 1, 1, 10, 0)


@pytest.fixture
def db(demo_db, tmp_path):
    target = tmp_path / "community.db"
    shutil.copy(demo_db[0], target)
    return target


def households(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    finally:
        conn.close()


def delete_some_households(path: Path, keep: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM household WHERE id > ?", (keep,))
    conn.commit()
    conn.close()


# ---- item 2: safety copies are kept; restore asks which backup --------------------------------------


def test_the_copy_saved_before_a_restore_survives_any_number_of_later_backups(db):
    good = backup.make_backup(db, now=NOW)
    delete_some_households(db, keep=10)  # the user's later (different) data
    done = backups.restore(db, good.path, keep_open=False)
    saved = done.result.saved_current
    assert saved is not None and saved.exists() and households(saved) == 10
    pre_import = backup.backup_before(db, "import", now=NOW + timedelta(minutes=5))
    for n in range(40):
        backup.backup_before(db, "daily", now=NOW + timedelta(days=1 + n))
    left = {b.path for b in backup.list_backups(db)}
    assert saved in left and pre_import.path in left
    assert len([b for b in backup.list_backups(db) if not b.is_safety_copy]) < 30  # the rest is thinned


def test_restore_without_a_named_backup_refuses_with_the_list_when_nobody_can_answer(db, capsys):
    backup.make_backup(db, now=NOW)
    before = db.read_bytes()
    assert main(["restore", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "gridkeeper restore latest" in err and "2026-11-22 09:30:00" in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_restore_without_a_named_backup_asks_on_a_terminal(db, monkeypatch, capsys):
    older = backup.make_backup(db, now=NOW)
    delete_some_households(db, keep=10)
    backup.make_backup(db, now=NOW + timedelta(hours=1))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    assert main(["restore", "--db", str(db)]) == 1  # Enter cancels
    assert households(db) == 10
    monkeypatch.setattr("builtins.input", lambda prompt: "2")  # the list is newest first: 2 is the older one
    assert main(["restore", "--db", str(db)]) == 0
    assert older.path.name in capsys.readouterr().out
    assert households(db) == older.counts()["households"]


# ---- item 3: a wrong clock ---------------------------------------------------------------------------


def test_a_backup_from_the_future_neither_stops_daily_backups_nor_wins_restore_latest(db, capsys):
    backup.backup_if_due(db, now=FUTURE)  # one open with the clock at 2037
    delete_some_households(db, keep=10)
    made = backup.backup_if_due(db, now=NOW)  # the clock is right again: the daily backup is still made
    assert made is not None
    listed = backup.list_backups(db, now=NOW)
    assert [b.taken_at for b in listed] == [NOW, FUTURE] and listed[1].from_future
    assert backups.find_backup(db, "latest").path == made.path  # by number, not the stale 2037 file
    assert main(["restore", "--list", "--db", str(db)]) == 0
    out_err = capsys.readouterr()
    assert "时间晚于现在" in out_err.out and "时钟" in out_err.err
    for day in range(1, 5):
        backup.backup_before(db, "daily", now=NOW + timedelta(days=day))
    assert FUTURE not in {b.taken_at for b in backup.list_backups(db)}  # it ages out like any other


def test_a_clock_at_2000_deletes_neither_the_pre_import_backup_nor_the_history(db):
    for day in range(20):
        backup.backup_before(db, "daily", now=NOW - timedelta(days=20 - day))
    history = {b.path for b in backup.list_backups(db)}
    pre_import = backup.backup_before(db, "import", now=PAST)
    for minute in range(5):
        backup.backup_before(db, "manual", now=PAST + timedelta(minutes=minute + 1))
    left = {b.path for b in backup.list_backups(db, now=PAST)}
    assert pre_import.path in left
    assert history <= left  # the clock now is behind most backups: the calendar deletes nothing


class _Clock2000(datetime):
    @classmethod
    def now(cls, tz=None):
        return PAST


def test_backup_with_a_wrong_clock_is_plain(db, monkeypatch, capsys):
    backup.make_backup(db, now=NOW)
    monkeypatch.setattr(backup, "datetime", _Clock2000)
    assert main(["backup", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    assert "已备份并校验" in captured.out
    assert "时钟" in captured.err and "Traceback" not in captured.err and len(captured.err.splitlines()) == 1


def test_backups_are_numbered_in_the_order_they_were_made_whatever_the_clock(db):
    made = [backup.make_backup(db, now=stamp) for stamp in (NOW, FUTURE, PAST, NOW)]
    assert [b.sequence for b in made] == [1, 2, 3, 4]
    assert [b.path for b in backup.list_backups(db)] == [b.path for b in reversed(made)]
    manifest = backup.read_manifest(made[0].path.parent)
    assert manifest["last_sequence"] == 4 and manifest["backups"][made[2].path.name]["sequence"] == 3
    made[3].path.unlink()  # a deleted newest backup's number is not given out again
    assert backup.make_backup(db, now=NOW).sequence == 5


# ---- item 5: prove the candidate before anything is replaced; refuse foreign SQLite files ----------


def _foreign_sqlite(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('cat.jpg')")
    conn.commit()
    conn.close()
    return path


def _newer_gridkeeper(db: Path, path: Path) -> Path:
    shutil.copy(db, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["empty", "foreign", "newer", "text"])
def test_restore_refuses_a_candidate_that_is_not_a_usable_gridkeeper_database(db, tmp_path, capsys, kind):
    candidate = tmp_path / f"{kind}.db"
    if kind == "empty":
        sqlite3.connect(candidate).close()
        conn = sqlite3.connect(candidate)
        conn.execute("PRAGMA user_version = 1")  # a real (header-only) SQLite file with no tables
        conn.commit()
        conn.close()
    elif kind == "foreign":
        _foreign_sqlite(candidate)
    elif kind == "newer":
        _newer_gridkeeper(db, candidate)
    else:
        candidate.write_text("not a database", encoding="utf-8")
    before = db.read_bytes()
    code = main(["restore", str(candidate), "--db", str(db)])
    err = capsys.readouterr().err
    assert code in (1, 3) and "Traceback" not in err and "一致" not in err
    assert {"empty": "没有任何数据表", "foreign": "不是 GridKeeper", "newer": "更新版本",
            "text": "不是 GridKeeper"}[kind] in err
    assert db.read_bytes() == before
    assert not (tmp_path / "community-backups").exists()  # not even a safety copy: nothing was started


def test_opening_another_programs_sqlite_file_leaves_it_untouched(tmp_path, capsys):
    foreign = _foreign_sqlite(tmp_path / "photos.db")
    before = foreign.read_bytes()
    for read_only in (False, True):
        with pytest.raises(NotGridKeeper, match="不是 GridKeeper"):
            open_database(foreign, read_only=read_only)
    assert main(["stats", "--db", str(foreign)]) == 3
    assert "photos" in capsys.readouterr().err
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"]  # no -wal, lock or backups


def test_opening_a_newer_gridkeeper_file_is_refused_before_anything(db, tmp_path):
    newer = _newer_gridkeeper(db, tmp_path / "newer.db")
    before = newer.read_bytes()
    with pytest.raises(SchemaTooNew):
        open_database(newer)
    assert newer.read_bytes() == before and not (tmp_path / "newer-backups").exists()


# ---- item 16: killed backups leave no hidden files -------------------------------------------------


def test_a_killed_backups_part_file_is_cleaned_by_the_next_backup(db):
    folder = db.parent / "community-backups"
    folder.mkdir()
    stale, fresh = folder / ".gridkeeper-n7.db.part", folder / ".gridkeeper-n8.db.part"
    stale.write_bytes(b"x" * 1000)
    fresh.write_bytes(b"y")  # another backup still running now: left alone
    old = time.time() - 3600
    os.utime(stale, (old, old))
    info = backup.make_backup(db, now=NOW)
    assert not stale.exists() and fresh.exists()
    assert info.sequence == 9  # a number in use by a running backup is never taken


def test_a_killed_restores_hidden_copy_is_cleaned_on_the_next_open(db):
    leftover = db.with_name(".community.db.restoring")
    leftover.write_bytes(b"z" * 4096)
    open_database(db).dispose()
    assert not leftover.exists()


# ---- one place for backup and restore ----------------------------------------------------------------


def test_both_front_ends_restore_and_back_up_only_through_the_service():
    root = Path(__file__).resolve().parents[2] / "gridkeeper"
    for front in (root / "ui" / "data_menu.py", root / "cli" / "backup_cmd.py"):
        text = front.read_text(encoding="utf-8")
        for forbidden in ("restore_backup(", "lock.acquire(", "lock.release(", "backup_before(", "make_backup(",
                          "open_database(path)\n"):
            assert forbidden not in text, (front.name, forbidden)


def test_restore_refused_while_another_gridkeeper_holds_the_file(db):
    import subprocess
    import sys

    good = backup.make_backup(db, now=NOW)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom gridkeeper.services.database import "
                               "open_database\nopen_database(sys.argv[1])\nprint('HELD', flush=True)\ntime.sleep(60)",
                               str(db)], stdout=subprocess.PIPE, text=True, env=os.environ | {"PYTHONPATH": os.getcwd()})
    try:
        assert holder.stdout.readline().strip() == "HELD"
        before = db.read_bytes()
        with pytest.raises(DatabaseUnusable, match="正在被"):
            backups.restore(db, good.path, keep_open=False)
        assert db.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
