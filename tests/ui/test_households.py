"""The households section: windowed table model, editor with inline residents and field errors, delete and restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from gridkeeper.services.household_list import HouseholdFilter
from gridkeeper.storage.models import DeletedRecord, Household, Resident
from gridkeeper.ui.households.editor import HouseholdEditor
from gridkeeper.ui.households.model import PAGE, HouseholdTableModel
from gridkeeper.ui.households.recycle_bin import RecycleBin
from gridkeeper.ui.households.residents_table import ID_NUMBER, NAME, PHONE

GOOD_ID = "110105198001011238"
BAD_ID = "110105198001011232"  # wrong check digit


def _set(table, row, column, text):
    table.item(row, column).setText(text)


def test_model_passes_modeltester_and_windows_rows(qtmodeltester, demo_ctx):
    model = HouseholdTableModel(demo_ctx)
    model.reload()
    assert model.rowCount() == 600
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2))  # a room
    last = model.index(599, 1)
    assert model.data(last)
    assert len(model._pages) <= 12 and len(model._pages[599 // PAGE]) == PAGE


def test_model_masks_filters_and_sorts(demo_ctx):
    model = HouseholdTableModel(demo_ctx)
    model.reload()
    phones = [model.data(model.index(r, 5)) for r in range(50)]
    ids = [model.data(model.index(r, 6)) for r in range(50)]
    assert any("****" in p for p in phones) and any("********" in i for i in ids if i)
    model.sort(9, Qt.SortOrder.DescendingOrder)
    visits = [model.data(model.index(r, 9)) for r in range(model.rowCount())]
    dated = [v for v in visits if v[:2] == "20"]
    assert dated == sorted(dated, reverse=True)
    everyone = model.rowCount()
    model.set_query(filters=HouseholdFilter(any_care=True))
    assert 0 < model.rowCount() < everyone
    assert all(model.data(model.index(r, 8)) for r in range(model.rowCount()))
    model.set_query(filters=HouseholdFilter(not_visited_days=30))
    assert 0 < model.rowCount() < everyone


def test_editor_rejects_bad_id_then_saves(qtbot, ctx, place):
    editor = HouseholdEditor(ctx, unit_id=place["unit"])
    qtbot.addWidget(editor)
    editor.room.setText("502")
    table = editor.residents
    _set(table, 0, NAME, "欧阳娜娜")
    _set(table, 0, ID_NUMBER, BAD_ID)
    _set(table, 0, PHONE, "13904511234")
    assert editor.save() is False
    item = table.item(0, ID_NUMBER)
    assert "校验位" in item.toolTip() and item.background().color().name() == "#fde2e1"
    assert editor.resident_errors.isVisibleTo(editor) and "身份证号" in editor.resident_errors.text()
    with ctx.read() as session:
        assert session.exec(select(Household)).all() == []
    _set(table, 0, ID_NUMBER, GOOD_ID)
    with qtbot.waitSignal(editor.saved):
        assert editor.save() is True, editor.resident_errors.text() + str([e.text() for e in editor.errors.values()])
    with ctx.read() as session:
        (resident,) = session.exec(select(Resident)).all()
    assert (resident.name, resident.name_initials, resident.gender) == ("欧阳娜娜", "oynn", "male")


def test_household_field_errors_sit_next_to_the_field(qtbot, ctx, place):
    editor = HouseholdEditor(ctx, unit_id=place["unit"])
    qtbot.addWidget(editor)
    editor.phone.setText("12345")
    _set(editor.residents, 0, NAME, "王芳")
    assert editor.save() is False
    assert editor.errors["room"].isVisibleTo(editor) and editor.errors["room"].text() == "不能为空"
    assert "不是有效的手机号" in editor.errors["phone"].text()
    assert not editor.errors["housing_use"].isVisibleTo(editor)


def test_an_error_of_the_second_resident_lands_on_its_row(qtbot, ctx, place):
    editor = HouseholdEditor(ctx, unit_id=place["unit"])
    qtbot.addWidget(editor)
    editor.room.setText("503")
    _set(editor.residents, 0, NAME, "欧阳娜娜")
    editor.residents.add_resident()
    _set(editor.residents, 1, NAME, "欧阳明")
    _set(editor.residents, 1, ID_NUMBER, BAD_ID)
    _set(editor.residents, 1, PHONE, "12345")
    assert editor.save() is False
    assert "校验位" in editor.residents.item(1, ID_NUMBER).toolTip()
    assert "不是有效的手机号" in editor.residents.item(1, PHONE).toolTip()
    assert not editor.residents.item(0, ID_NUMBER).toolTip() and not editor.residents.item(0, PHONE).toolTip()
    shown = editor.resident_errors.text()  # the field read by its label, the resident by number
    assert "2" in shown and "身份证号" in shown and "联系电话" in shown and "id_number" not in shown
    assert not editor.errors["phone"].isVisibleTo(editor)  # a resident's phone is not the household's


def test_delete_asks_and_recycle_bin_restores(qtbot, ctx, place, monkeypatch):
    editor = HouseholdEditor(ctx, unit_id=place["unit"])
    qtbot.addWidget(editor)
    editor.room.setText("601")
    _set(editor.residents, 0, NAME, "李强")
    assert editor.save()
    household_id = editor.household_id
    reopened = HouseholdEditor(ctx, household_id)
    qtbot.addWidget(reopened)
    assert reopened.room.text() == "601" and reopened.residents.text(0, NAME) == "李强"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert reopened.delete() is False
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert reopened.delete() is True
    with ctx.read() as session:
        assert session.get(Household, household_id) is None
        assert len(session.exec(select(DeletedRecord)).all()) == 1
    bin_ = RecycleBin(ctx)
    qtbot.addWidget(bin_)
    assert bin_.table.rowCount() == 1 and "601" in bin_.table.item(0, 0).text()
    assert bin_.restore_selected() == "household"
    assert bin_.table.rowCount() == 0
    with ctx.read() as session:
        assert session.get(Household, household_id).room == "601"
        assert session.exec(select(Resident.name)).all() == ["李强"]


def test_second_saver_sees_both_versions_and_keeps_theirs_or_mine(ctx, qtbot, monkeypatch):
    """Two PCs opened one household; the other saved first: the dialog shows both, nothing typed is lost."""
    from PySide6.QtWidgets import QDialog

    from gridkeeper.services import households as service
    from gridkeeper.services.people import HouseholdInput, ResidentInput
    from gridkeeper.storage.models import Household
    from gridkeeper.ui import conflict_dialog
    from gridkeeper.ui.households.editor import HouseholdEditor

    with ctx.write() as session:
        saved = service.create_household(session, HouseholdInput(unit_id=ctx.scope.unit_id or 1, room="301"),
                                         [ResidentInput(name="王建华", is_head=True)])
        household_id, unit_id = saved.household.id, saved.household.unit_id
    editor = HouseholdEditor(ctx, household_id)
    qtbot.addWidget(editor)
    with ctx.write() as session:  # meanwhile, on another PC
        service.update_household(session, household_id, HouseholdInput(unit_id=unit_id, room="301", notes="他们的备注"))
    shown = []

    def choose(answer):
        def exec_(dialog):
            shown.append(conflict_dialog.compared_rows(dialog_conflict[0]))
            return answer
        return exec_

    dialog_conflict = []
    real_init = conflict_dialog.ConflictDialog.__init__

    def remember(self, conflict, parent=None):
        dialog_conflict.append(conflict)
        real_init(self, conflict, parent)

    monkeypatch.setattr(conflict_dialog.ConflictDialog, "__init__", remember)
    monkeypatch.setattr(conflict_dialog.ConflictDialog, "exec", choose(QDialog.DialogCode.Rejected))
    editor.notes.setPlainText("我的备注")
    assert editor.save() is False
    assert ("备注", "他们的备注", "我的备注", True) in shown[0]
    assert editor.notes.toPlainText() == "他们的备注"  # took theirs: the form shows what is saved
    editor.notes.setPlainText("我的备注")
    assert editor.save() is True  # now on the current version: saves
    with ctx.read() as session:
        assert session.get(Household, household_id).notes == "我的备注"


def test_change_watcher_refreshes_lists_changed_elsewhere(ctx, qtbot):
    from gridkeeper.services import households as service
    from gridkeeper.services.people import HouseholdInput
    from gridkeeper.storage.session import unit_of_work
    from gridkeeper.ui.change_watch import ChangeWatcher

    watcher = ChangeWatcher(ctx, interval_ms=50)
    assert watcher.poll() == set()
    with unit_of_work(ctx.engine) as other:  # another PC's save: no notify() in this window
        service.create_household(other, HouseholdInput(unit_id=1, room="808"), [])
    with qtbot.waitSignal(ctx.data_changed, timeout=3000) as signal:
        watcher.start()
    assert signal.args == ["households"]
    watcher.timer.stop()
