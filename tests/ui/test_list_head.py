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
