"""The Data menu (backup, restore, check, audit trail, accounts), sign-in, lock screen, single instance."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox
from sqlmodel import select

from gridkeeper.services import accounts
from gridkeeper.storage import backup
from gridkeeper.services.database import open_database
from gridkeeper.storage.models import Resident
from gridkeeper.ui.context import AppContext
from gridkeeper.ui.data_menu import RestoreDialog, install_data_menu
from gridkeeper.ui.login import InactivityLock, WhoIsWorkingDialog, ask_who_is_working
from gridkeeper.ui.single_instance import SingleInstance, bring_forward


@pytest.fixture(autouse=True)
def quiet_boxes(monkeypatch):
    shown = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, k=kind, **kw: shown.append((k, a[2] if len(a) > 2 else "")))
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    return shown


@pytest.fixture
def ctx(demo_db, tmp_path):
    path = tmp_path / "community.db"
    shutil.copy(demo_db[0], path)
    context = AppContext(open_database(path))
    yield context
    accounts.sign_in(context.engine, None)
    context.database.dispose()


@pytest.fixture
def window(qtbot, ctx):
    main = QMainWindow()
    main.menuBar().addMenu("&Help")
    qtbot.addWidget(main)
    return main


def accept(dialog):
    dialog.exec = lambda: QDialog.DialogCode.Accepted
    return dialog


def test_menu_sits_before_help_with_its_actions(window, ctx):
    menu = install_data_menu(window, ctx)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Data", "&Help"]
    assert len([a for a in menu.menu.actions() if not a.isSeparator()]) == 8


def test_backup_now_and_check(window, ctx, quiet_boxes, qtbot):
    menu = install_data_menu(window, ctx)
    with qtbot.waitSignal(menu.backup_now().finished, timeout=10000):
        pass
    assert isinstance(menu.last_result, backup.BackupInfo) and menu.last_result.path.exists()
    with qtbot.waitSignal(menu.check().finished, timeout=10000):
        pass
    assert menu.last_result.ok
    assert [k for k, _ in quiet_boxes] == ["information", "information"]


def test_backup_to_a_chosen_folder_like_a_usb_stick(window, ctx, quiet_boxes, qtbot, tmp_path):
    import stat

    from gridkeeper.storage.models import AuditEntry

    usb = tmp_path / "usb"
    usb.mkdir()
    menu = install_data_menu(window, ctx)
    with qtbot.waitSignal(menu.backup_to_folder(str(usb)).finished, timeout=20000):
        pass
    made = list(usb.glob("gridkeeper-*.db"))
    assert len(made) == 1 and backup.integrity_problems(made[0]) == []
    assert stat.S_IMODE(made[0].stat().st_mode) == 0o600
    with ctx.read() as session:
        row = session.exec(select(AuditEntry).where(AuditEntry.action == "export",  # the shared demo may hold
                                                    AuditEntry.summary == f"备份数据库到 {made[0]}")).first()  # others
    # the same row `gridkeeper backup --to` writes (services.backups.copy_event): file, full, counts
    assert json.loads(row.after) == {"file": str(made[0]), "full": True, "counts": backup.record_counts(made[0])}
    # the database's own backups folder is refused as a destination
    assert menu.backup_to_folder(str(ctx.db_path.parent / "community-backups")) is None
    assert quiet_boxes[-1][0] == "warning"


def test_restore_from_a_file_refuses_another_programs_database_untouched(window, ctx, quiet_boxes, tmp_path,
                                                                         monkeypatch):
    import sqlite3

    foreign = tmp_path / "photos.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    errors = []
    monkeypatch.setattr("gridkeeper.ui.data_menu.show_error", lambda parent, exc: errors.append(str(exc)))
    menu = install_data_menu(window, ctx)
    engine = ctx.engine
    assert menu.restore_from_file(str(foreign), confirm=lambda text: True) is False
    assert errors and "不是 GridKeeper" in errors[0]
    assert ctx.engine is engine  # nothing was closed or replaced


def test_restore_from_a_file_chosen_on_disk(window, ctx, qtbot, tmp_path):
    usb_copy = backup.make_backup(ctx.db_path, to=tmp_path / "usb")
    with ctx.write() as session:
        for resident in session.exec(select(Resident).limit(3)):
            session.delete(resident)
    asked = []
    menu = install_data_menu(window, ctx)
    with qtbot.waitSignal(ctx.data_changed):
        assert menu.restore_from_file(str(usb_copy.path), confirm=lambda text: asked.append(text) or True)
    assert str(usb_copy.counts()["households"]) in asked[0]
    with ctx.read() as session:
        assert len(session.exec(select(Resident)).all()) == usb_copy.counts()["residents"]


def test_import_is_reachable_from_the_data_menu(window, ctx):
    opened = []
    window.open_import_wizard = lambda: opened.append(True)
    menu = install_data_menu(window, ctx)
    assert menu.import_action.isEnabled()
    menu.import_action.trigger()
    assert opened == [True]


def test_restore_lists_counts_and_switches_the_engine(window, ctx, qtbot):
    menu = install_data_menu(window, ctx)
    made = backup.make_backup(ctx.db_path)
    with ctx.write() as session:
        session.delete(session.exec(select(Resident)).first())
    dialog = accept(RestoreDialog(ctx.db_path, window))
    assert dialog.table.item(0, 2).text() == str(made.counts()["households"])
    old_engine = ctx.engine
    with qtbot.waitSignal(ctx.data_changed):
        assert menu.restore(dialog)
    assert ctx.engine is not old_engine
    assert backup.record_counts(ctx.db_path) == made.counts()


def test_audit_trail_view_and_masked_export(window, ctx, tmp_path, qtmodeltester):
    with ctx.write() as session:
        resident = session.exec(select(Resident).where(Resident.id_number != "")).first()
        resident.notes = "审计测试"
        session.add(resident)
        number = resident.id_number
    dialog = install_data_menu(window, ctx).audit_trail(show=False)
    assert dialog.model.rowCount() > 0 and "unbroken" in dialog.status.text()
    qtmodeltester.check(dialog.model)
    assert dialog.model.index(0, 3).data() == "居民"
    path = tmp_path / "audit.csv"
    assert dialog.export(str(path)) == dialog.model.total
    text = path.read_text(encoding="utf-8-sig")
    assert "审计测试" in text and number not in text
    with path.open(encoding="utf-8-sig") as handle:
        assert next(csv.reader(handle))[0] == "时间"


def test_accounts_dialog_creates_the_first_administrator(window, ctx):
    dialog = install_data_menu(window, ctx).manage_accounts(show=False)
    from gridkeeper.ui.accounts_dialog import AccountForm

    form = accept(AccountForm(dialog.grids, first=True, parent=dialog))
    assert form.role.currentData() == accounts.ADMINISTRATOR and not form.role.isEnabled()
    form.name.setText("admin")
    form.password.setText("secret1")
    assert dialog.add(form)
    assert [a.name for a in dialog.accounts] == ["admin"]


def make_accounts(ctx):
    with ctx.write() as session:
        accounts.create_account(session, "admin", "secret1", role="administrator")
        accounts.create_account(session, "李晓燕", "secret2", grid_codes=["FK-01"])


def test_who_is_working_dialog_signs_in(ctx, qtbot):
    make_accounts(ctx)
    dialog = WhoIsWorkingDialog(ctx.engine, ["admin", "李晓燕"])
    qtbot.addWidget(dialog)
    dialog.user.setCurrentText("李晓燕")
    dialog.password.setText("wrong!")
    dialog.try_sign_in()
    assert dialog.account is None and "密码" in dialog.problem.text()
    dialog.password.setText("secret2")
    dialog.try_sign_in()
    assert dialog.account.name == "李晓燕"
    assert ask_who_is_working(ctx, dialog_factory=lambda *a, **k: accept(dialog))
    assert ctx.user == "李晓燕" and accounts.signed_in(ctx.engine).grid_ids


def test_no_accounts_means_no_sign_in(ctx):
    assert ask_who_is_working(ctx, dialog_factory=lambda *a, **k: pytest.fail("asked"))


def test_screen_locks_after_idle_minutes(window, ctx, qtbot):
    make_accounts(ctx)
    with ctx.write() as session:
        accounts.set_lock_minutes(session, 5)
    now = [1000.0]
    seen = []

    def unlock(engine, names, *, locked_for="", parent=None):
        seen.append((locked_for, window.isEnabled(), window.centralWidget() is None or not window.centralWidget().isVisible()))
        dialog = WhoIsWorkingDialog(engine, names, locked_for=locked_for)
        with ctx.read() as session:
            dialog.account = accounts.authenticate(session, "admin", "secret1")
        return accept(dialog)

    ctx.user = "admin"
    guard = InactivityLock(window, ctx, clock=lambda: now[0], dialog_factory=unlock)
    now[0] += 4 * 60
    guard.check()
    assert seen == []
    now[0] += 2 * 60
    guard.check()
    assert seen == [("admin", False, True)] and window.isEnabled()


def test_second_instance_brings_the_first_forward(qtbot, tmp_path):
    first, second = SingleInstance(tmp_path / "a.db"), SingleInstance(tmp_path / "a.db")
    assert first.claim()
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert not second.claim()
    assert SingleInstance(tmp_path / "b.db").claim()  # another database is another instance
    first.release()
    main = QMainWindow()
    qtbot.addWidget(main)
    bring_forward(main)
    assert main.isVisible()


def test_damaged_file_offers_restore_or_read_only(demo_db, tmp_path, qtbot):
    from gridkeeper.storage.errors import DatabaseUnusable
    from gridkeeper.ui.data_menu import offer_way_out

    path = tmp_path / "community.db"
    shutil.copy(demo_db[0], path)
    good = backup.make_backup(path)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(DatabaseUnusable) as caught:
        open_database(path)
    offered = {}

    def pick(name):
        def choose(box, buttons):
            offered.update(buttons)
            return buttons.get(name)
        return choose

    assert offer_way_out(caught.value, path, choose=pick("read_only")) is True
    assert set(offered) == {"restore", "read_only"}
    assert offer_way_out(caught.value, path, choose=pick("nothing")) is None
    assert offer_way_out(caught.value, path, choose=pick("restore")) is False
    assert backup.record_counts(path) == good.counts()
    open_database(path).dispose()
