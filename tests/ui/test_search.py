"""The global search box: results as you type (pinyin initials, Chinese names), Enter opens the household."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from gridkeeper.ui.households.editor import HouseholdEditor
from gridkeeper.ui.households.residents_table import NAME
from gridkeeper.ui.search_box import SearchBox


def type_text(widget, text: str) -> None:
    """Type any text, Chinese included (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def _household(qtbot, ctx, place, name: str, room: str) -> int:
    editor = HouseholdEditor(ctx, unit_id=place["unit"])
    qtbot.addWidget(editor)
    editor.room.setText(room)
    editor.residents.item(0, NAME).setText(name)
    assert editor.save()
    return editor.household_id


def test_pinyin_initials_find_the_household_and_enter_opens_it(qtbot, ctx, place):
    wanted = _household(qtbot, ctx, place, "欧阳娜娜", "502")
    _household(qtbot, ctx, place, "王芳", "503")
    box = SearchBox(ctx)
    qtbot.addWidget(box)
    box.show()
    with qtbot.waitSignal(box.results_shown, timeout=2000) as shown:
        qtbot.keyClicks(box, "oynn")
    assert shown.args == [1]
    assert "欧阳娜娜" in box.popup.item(1).text() and "502" in box.popup.item(1).text()
    assert not box.popup.item(0).flags() & Qt.ItemFlag.ItemIsEnabled  # the count: all shown, nothing more
    with qtbot.waitSignal(box.household_chosen) as chosen:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert chosen.args == [wanted]
    assert not box.popup.isVisible()


def test_chinese_typed_by_key_events_and_input_method(qtbot, ctx, place):
    _household(qtbot, ctx, place, "欧阳娜娜", "502")
    box = SearchBox(ctx)
    qtbot.addWidget(box)
    box.show()
    with qtbot.waitSignal(box.results_shown, timeout=2000) as shown:
        type_text(box, "欧阳")
    assert shown.args == [1] and box.text() == "欧阳"
    box.clear()
    event = QInputMethodEvent()
    event.setCommitString("王")
    with qtbot.waitSignal(box.results_shown, timeout=2000) as shown:
        QApplication.sendEvent(box, event)
    assert box.text() == "王" and shown.args == [0]
    assert box.popup.count() == 1 and not box.popup.item(0).flags() & Qt.ItemFlag.ItemIsEnabled  # "nothing found"


def test_typing_is_debounced_into_one_search(qtbot, ctx, place, monkeypatch):
    calls = []
    import gridkeeper.ui.search_box as module

    real = module.find
    monkeypatch.setattr(module, "find", lambda session, text, **kw: calls.append(text) or real(session, text, **kw))
    box = SearchBox(ctx)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.results_shown, timeout=2000):
        qtbot.keyClicks(box, "13904")
    assert calls == ["13904"]


def _crowd(session, place, count: int) -> dict[str, int]:
    """`count` households with a 王 at their head in the fixture's unit, and one in a second building."""
    from gridkeeper.services import geography as geo
    from gridkeeper.services import households as hh
    from gridkeeper.services.people import HouseholdInput, ResidentInput
    from tests.conftest import TODAY

    given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚"
    for n in range(count):
        hh.create_household(session, HouseholdInput(unit_id=place["unit"], room=f"{n // 2 + 1}{n % 2 + 1:02d}"),
                            [ResidentInput(name=f"王{given[n % len(given)]}{given[n // len(given)]}")], today=TODAY)
    other = geo.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label="9号楼")
    unit = geo.create_unit(session, building_id=other.id, label="1单元")
    far = hh.create_household(session, HouseholdInput(unit_id=unit.id, room="101"), [ResidentInput(name="王大明")],
                              today=TODAY)
    session.commit()
    return {"building": other.id, "far": far.household.id}


def test_popup_says_how_many_and_show_all_lists_every_match(qtbot, ctx, place, session):
    from gridkeeper.ui.search_box import HOUSEHOLD_ROLE, LIMIT, SHOW_ALL_ROLE

    made = _crowd(session, place, 44)
    box = SearchBox(ctx)
    qtbot.addWidget(box)
    box.show()
    with qtbot.waitSignal(box.results_shown, timeout=3000) as shown:
        type_text(box, "王")
    assert shown.args == [LIMIT] and box.last_result.total == 45 and box.last_result.capped
    count = box.popup.item(0)
    assert count.data(SHOW_ALL_ROLE) and "45" in count.text() and str(LIMIT) in count.text()
    assert count.data(HOUSEHOLD_ROLE) is None and box.popup.count() == LIMIT + 1
    assert box.popup.currentRow() == 1  # Enter still opens the best hit …
    qtbot.keyClick(box, Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # … and on the count line it shows all
    dialog = box.results_dialog
    assert dialog is not None and dialog.isVisible() and not box.popup.isVisible()
    assert dialog.model.rowCount() == 45
    # Filter by building, then sort by name; opening a row emits its household.
    dialog.building_box.setCurrentIndex(dialog.building_box.findData(made["building"]))
    assert dialog.model.rowCount() == 1 and dialog.model.key(0).household_id == made["far"]
    dialog.building_box.setCurrentIndex(0)
    dialog.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [dialog.model.key(r).name for r in range(dialog.model.rowCount())]
    assert names == sorted(names, reverse=True) and len(names) == 45
    first = dialog.model.key(0).household_id
    with qtbot.waitSignal(box.household_chosen) as chosen:
        dialog._open(0)
    assert chosen.args == [first]


def test_show_all_reads_only_the_rows_in_view(qtbot, ctx, place, session, monkeypatch):
    from gridkeeper.ui.search_results import SearchMatchModel

    _crowd(session, place, 60)
    monkeypatch.setattr(SearchMatchModel, "page_size", 10)
    box = SearchBox(ctx)
    qtbot.addWidget(box)
    box.setText("王")
    dialog = box.show_all()
    qtbot.addWidget(dialog)
    dialog.resize(900, 400)
    qtbot.waitExposed(dialog)
    dialog.grab()  # paint it
    assert dialog.model.rowCount() == 61
    assert 1 <= dialog.model.pages_read <= 3  # of 7 pages: only what the view shows is read


def test_the_selected_building_comes_first(qtbot, ctx, place, session):
    from gridkeeper.services.scope import Scope

    made = _crowd(session, place, 3)
    ctx.set_scope(Scope(building_id=made["building"]))
    box = SearchBox(ctx)
    qtbot.addWidget(box)
    box.setText("王")
    box.run_search()
    assert box.last_result.hits[0].household_id == made["far"] and box.last_result.hits[0].nearby
