"""How a register's section is laid out, said once: a head row above its list (filters on the left, how many
rows, the buttons on the right), and the list over the selected row's details."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget


def list_head(filters: Sequence[QWidget] = (), count: QLabel | None = None, buttons: Sequence[QWidget] = (), *,
              stretch: QWidget | None = None) -> QHBoxLayout:
    """The row above a list: `filters` left to right, `count` and `buttons` at the right. The spare width
    goes to `stretch` (a filter box, a tab bar) when given, else to a gap after the filters."""
    row = QHBoxLayout()
    for widget in filters:
        row.addWidget(widget, 1 if widget is stretch else 0)
    if stretch is None:
        row.addStretch(1)
    for widget in (count, *buttons):
        if widget is not None:
            row.addWidget(widget)
    return row


def new_button(section: QWidget, text: str, tooltip: str, make: Callable[[], object], *,
               read_only: bool) -> QPushButton:
    """The head's "New …" button, also on Ctrl+N while the section has the focus (off when read-only)."""
    button = QPushButton(text, section)
    button.setToolTip(tooltip)
    button.clicked.connect(lambda: make())
    button.setEnabled(not read_only)
    QShortcut(QKeySequence.StandardKey.New, section, lambda: make(),
              context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return button


def list_over_detail(parent: QWidget, list_widget: QWidget, detail: QWidget, *, list_share: int = 3,
                     detail_share: int = 2) -> QSplitter:
    """The list above the selected row's details, sharing the height `list_share` : `detail_share`."""
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.addWidget(list_widget)
    splitter.addWidget(detail)
    splitter.setStretchFactor(0, list_share)
    splitter.setStretchFactor(1, detail_share)
    return splitter


def section_layout(section: QWidget, heads: Sequence[QHBoxLayout], body: QWidget) -> QVBoxLayout:
    """The section's layout: its head rows, then the body taking the rest of the height."""
    layout = QVBoxLayout(section)
    for head in heads:
        layout.addLayout(head)
    layout.addWidget(body, 1)
    return layout


__all__ = ["list_head", "list_over_detail", "new_button", "section_layout"]
