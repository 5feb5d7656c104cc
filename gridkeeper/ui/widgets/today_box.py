"""A box of the Today page: a titled list of what needs doing; double-click or Enter on a line opens it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from gridkeeper.ui.widgets.tables import list_view


class TodayBox(QGroupBox):
    """`model` (a RowsModel or PagedRowsModel) in a list_view; `open_row(row)` for the line activated."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = None
        self.view = None
        self._open_row: Callable[[Any], object] | None = None

    def show_list(self, model, open_row: Callable[[Any], object]) -> None:
        """Show `model`'s rows (built by the subclass, whose columns need the box for tr())."""
        self.model, self._open_row = model, open_row
        self.view = list_view(model, self)
        self.view.horizontalHeader().setResizeContentsPrecision(30)  # a box shows a dozen lines: size from those
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)  # Enter on a line does the same
        QVBoxLayout(self).addWidget(self.view)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self._open_row(row)


__all__ = ["TodayBox"]
