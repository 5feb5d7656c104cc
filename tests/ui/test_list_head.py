"""The shared section layout (ui/widgets/list_head): filters left, count and buttons right, spare width to
the stretching filter or to a gap; the list over the details in the given shares."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from gridkeeper.ui.widgets.list_head import list_head, list_over_detail, section_layout


def _items(row):
    return [(row.itemAt(i).widget() or "gap", row.stretch(i)) for i in range(row.count())]


def test_head_row_order_and_stretch(qtbot):
    section = QWidget()
    qtbot.addWidget(section)
    box, count, button = QLineEdit(section), QLabel(section), QPushButton(section)
    assert _items(list_head([box], count, [button], stretch=box)) == [(box, 1), (count, 0), (button, 0)]
    row = list_head([box], count, [button])
    assert _items(row) == [(box, 0), ("gap", 1), (count, 0), (button, 0)]
    assert _items(list_head([box], None, [button], stretch=box)) == [(box, 1), (button, 0)]


def test_list_over_detail_in_a_section(qtbot):
    section = QWidget()
    qtbot.addWidget(section)
    table, detail = QWidget(section), QWidget(section)
    splitter = list_over_detail(section, table, detail, detail_share=1)
    layout = section_layout(section, [list_head()], splitter)
    assert splitter.widget(0) is table and splitter.widget(1) is detail
    assert layout.count() == 2 and layout.stretch(1) == 1 and section.layout() is layout


def test_new_button_and_its_shortcut(qtbot):
    from PySide6.QtGui import QKeySequence, QShortcut

    from gridkeeper.ui.widgets.list_head import new_button

    section = QWidget()
    qtbot.addWidget(section)
    made = []
    button = new_button(section, "New…", "Record one (Ctrl+N)", lambda: made.append("made"), read_only=False)
    button.click()
    shortcut = section.findChild(QShortcut)
    assert shortcut.key() == QKeySequence(QKeySequence.StandardKey.New) and button.toolTip() == "Record one (Ctrl+N)"
    shortcut.activated.emit()
    assert made == ["made", "made"]
    assert not new_button(section, "New…", "", lambda: None, read_only=True).isEnabled()
