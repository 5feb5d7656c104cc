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
    assert "欧阳娜娜" in box.popup.item(0).text() and "502" in box.popup.item(0).text()
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

    real = module.search
    monkeypatch.setattr(module, "search", lambda session, text: calls.append(text) or real(session, text))
    box = SearchBox(ctx)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.results_shown, timeout=2000):
        qtbot.keyClicks(box, "13904")
    assert calls == ["13904"]
