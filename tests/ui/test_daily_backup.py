"""Issue 10: the daily backup no longer delays the window; it runs in the background once the window is
up (a consistent snapshot while the steward works), with a quiet status-bar note or a visible warning."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from gridkeeper.storage import backup
from tests.conftest import TODAY


@pytest.fixture
def db(demo_db, tmp_path):
    path = tmp_path / "grid.db"
    shutil.copy(demo_db[0], path)
    return path


@pytest.fixture
def window(db, app_font, qtbot):
    from gridkeeper.ui.app import open_main_window

    window = open_main_window(db, create=False, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.ctx.engine.dispose()


def _note(window):
    from PySide6.QtWidgets import QLabel

    return window.statusBar().findChild(QLabel, "daily_backup_note")


def test_opening_the_window_does_not_wait_for_the_daily_backup(window, db):
    assert backup.list_backups(db) == []  # the first open of the day: a backup is due, none made yet
    assert window.isVisible()


def test_the_backup_is_made_in_the_background_and_noted_quietly(window, db, qtbot):
    from gridkeeper.ui.daily_backup import start_daily_backup

    job = start_daily_backup(window, db, delay_ms=0)
    qtbot.waitUntil(lambda: bool(_note(window).text()), timeout=60_000)
    made = backup.list_backups(db)
    assert len(made) == 1 and made[0].reason == "daily"
    assert made[0].path.name in _note(window).toolTip() and "color" not in _note(window).styleSheet()
    assert backup.integrity_problems(made[0].path) == []
    assert job.wait(5)
    # The second open of the day finds today's backup and makes none.
    again = start_daily_backup(window, db, delay_ms=0)
    qtbot.waitUntil(lambda: again.wait(0), timeout=30_000)
    assert len(backup.list_backups(db)) == 1


def test_a_failed_backup_is_a_visible_warning(window, db, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from gridkeeper.ui.daily_backup import start_daily_backup

    def full_disk(_db, **_kwargs):
        raise backup.BackupFailed("备份失败：磁盘空间已满")

    monkeypatch.setattr(backup, "backup_if_due", full_disk)
    start_daily_backup(window, db, delay_ms=0)
    qtbot.waitUntil(lambda: getattr(window, "daily_backup_warning", None) is not None, timeout=30_000)
    box = window.daily_backup_warning
    assert isinstance(box, QMessageBox) and box.isVisible() and "磁盘空间已满" in box.text()
    assert "color" in _note(window).styleSheet() and _note(window).text()
    box.close()


def test_the_snapshot_is_consistent_while_the_app_is_writing(window, db):
    """The app's uncommitted work is not in the copy, committed work is, and neither waits for the other."""
    from gridkeeper.ui.daily_backup import DailyBackup

    with sqlite3.connect(db) as conn:
        households = conn.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    with window.ctx.engine.connect() as conn:
        transaction = conn.begin()
        conn.exec_driver_sql("UPDATE household SET notes = '未提交的修改'")  # a write in progress
        job = DailyBackup(db, window)
        job.start()
        assert job.wait(60)
        transaction.rollback()
    made = backup.list_backups(db)
    assert len(made) == 1 and backup.integrity_problems(made[0].path) == []
    assert made[0].counts()["households"] == households
    with sqlite3.connect(made[0].path) as copy:
        assert copy.execute("SELECT COUNT(*) FROM household WHERE notes = '未提交的修改'").fetchone() == (0,)


def test_the_command_line_still_backs_up_when_it_writes(db):
    from gridkeeper.cli import main

    assert main(["account", "lock", "5", "--db", str(db)]) == 0
    assert [b.reason for b in backup.list_backups(db)] == ["daily"]
