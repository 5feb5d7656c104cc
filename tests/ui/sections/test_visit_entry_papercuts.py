"""Visit quick entry, as a steward met it: the visitor never changes silently, a stale household choice is
forgotten when the search text changes, a second visit on the same day is questioned, Tab reaches 楼栋/单元/房号."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlmodel import Session, select

from gridkeeper.services import geography as geo
from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.models import Visit

from .conftest import TODAY, press_enter, type_text


def _form(qtbot, ctx):
    from gridkeeper.ui.sections.visit_form import VisitForm

    form = VisitForm(ctx)
    qtbot.addWidget(form)
    return form


def key(form, key: Qt.Key) -> None:
    """Press a key where the form's focus is (offscreen windows are never active, so no QTest.keyClick)."""
    QApplication.sendEvent(form.focusWidget(), QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))


def _other_grid_home(session) -> int:
    grid = geo.create_grid(session, code="FK-04", name="第四网格", steward_name="王红", steward_phone="13904510004")
    compound = geo.create_compound(session, name="丰收小区")
    building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="2号楼", floors=6)
    unit = geo.create_unit(session, building_id=building.id, label="1单元")
    saved = create_household(session, HouseholdInput(unit_id=unit.id, room="101"),
                             [ResidentInput(name="周杰", is_head=True)])
    session.commit()
    return saved.household.id


def test_the_visitor_changes_only_with_a_note(qtbot, database, session, homes):
    from gridkeeper.ui.context import AppContext

    elsewhere = _other_grid_home(session)
    form = _form(qtbot, AppContext(database, today=TODAY))  # no accounts: the steward of the grid by default
    form.picker.set_household(homes["王建华"])
    assert form.visitor.currentText() == "李晓燕（网格员）" and form.visitor_note.isHidden()
    form.picker.set_household(elsewhere)
    assert form.visitor.currentText() == "王红（网格员）"
    assert not form.visitor_note.isHidden()
    assert "李晓燕" in form.visitor_note.text() and "王红" in form.visitor_note.text()
    form.visitor.setCurrentText("赵丽（楼栋长）")  # the user's own choice: the note has done its job
    assert form.visitor_note.isHidden()
    form.picker.set_household(homes["王建华"])  # a typed or chosen visitor stays
    assert form.visitor.currentText() == "赵丽（楼栋长）" and form.visitor_note.isHidden()


def test_a_signed_in_steward_stays_the_visitor_everywhere(qtbot, ctx, session, homes):
    elsewhere = _other_grid_home(session)
    form = _form(qtbot, ctx)  # signed in as 李晓燕
    form.picker.set_household(elsewhere)
    assert form.visitor.currentText().startswith("李晓燕") and form.visitor_note.isHidden()


def test_editing_the_search_text_forgets_the_chosen_household(qtbot, ctx, engine, homes, dialogs):
    form = _form(qtbot, ctx)
    form.show()
    form.picker.set_household(homes["王建华"])
    assert form.picker.household_id == homes["王建华"]
    form.picker.search_edit.end(False)
    type_text(form.picker.search_edit, "赵")  # now it reads "王建华　… 赵": not what was chosen
    form.picker.run_search()
    assert form.picker.household_id == 0
    assert form.picker.chosen_label.text() == "No household chosen"
    assert form.picker.room_box.currentIndex() == 0
    assert form.save() is None and form.errors.text("household_id")
    with Session(engine) as session:
        assert session.exec(select(Visit)).all() == []


def test_a_second_visit_the_same_day_is_questioned(qtbot, ctx, engine, homes, dialogs):
    form = _form(qtbot, ctx)
    form.picker.set_household(homes["王建华"])
    assert form.save() is not None
    form.picker.set_household(homes["王建华"])
    dialogs.confirm_answer = False
    assert form.save() is None  # the user said no: nothing saved, the form keeps the household
    assert form.picker.household_id == homes["王建华"]
    dialogs.confirm_answer = True
    assert form.save() is not None
    with Session(engine) as session:
        assert len(session.exec(select(Visit)).all()) == 2


def test_tab_reaches_building_unit_and_room_then_the_date(qtbot, ctx, homes, dialogs):
    form = _form(qtbot, ctx)
    form.show()
    form.picker.search_edit.setFocus()
    seen = []
    for _ in range(4):
        key(form, Qt.Key.Key_Tab)
        seen.append(form.focusWidget())
    picker = form.picker
    assert seen[:3] == [picker.building_box, picker.unit_box, picker.room_box]
    assert seen[3] is form.visited_on or form.visited_on.isAncestorOf(seen[3])


def test_keyboard_alone_logs_a_visit_by_building_unit_room(qtbot, ctx, engine, homes, dialogs):
    form = _form(qtbot, ctx)
    form.show()
    picker = form.picker
    picker.search_edit.setFocus()
    key(form, Qt.Key.Key_Tab)
    assert form.focusWidget() is picker.building_box
    key(form, Qt.Key.Key_Down)  # 7号楼 (its one unit is chosen with it)
    key(form, Qt.Key.Key_Tab)
    assert picker.unit_box.currentText() == "2单元"
    key(form, Qt.Key.Key_Tab)
    assert form.focusWidget() is picker.room_box
    key(form, Qt.Key.Key_Down)
    key(form, Qt.Key.Key_Down)  # 301, 302
    assert picker.household_id == homes["赵秀兰"]
    key(form, Qt.Key.Key_Return)
    with Session(engine) as session:
        (visit,) = session.exec(select(Visit)).all()
    assert visit.household_id == homes["赵秀兰"]


def test_enter_in_search_moves_past_the_room_lists(qtbot, ctx, homes, dialogs):
    form = _form(qtbot, ctx)
    form.show()
    type_text(form.picker.search_edit, "王建华")
    press_enter(form.picker.search_edit)
    focus = form.focusWidget()
    assert focus is form.visited_on or form.visited_on.isAncestorOf(focus)
