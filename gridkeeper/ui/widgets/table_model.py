"""Table models over plain row objects: a list model, and one that pages rows in as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

RED = QColor("#c62828")
AMBER = QColor("#ef6c00")
RED_BG = QColor("#fdecea")
AMBER_BG = QColor("#fff4e0")

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    """How one column shows a row: its header, text, and optional colours, alignment and tooltip."""

    header: str
    text: Callable[[Any], Any]
    foreground: Callable[[Any], QColor | None] | None = None
    background: Callable[[Any], QColor | None] | None = None
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of row objects, shown through `Column`s."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section].header
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            color = column.foreground(row)
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            color = column.background(row)
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row) or None
        return None


class PagedRowsModel(RowsModel):
    """Rows arrive a page at a time from `fetch(offset, limit)` as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, columns: list[Column], page_size: int = 200, parent=None):
        super().__init__(columns, parent)
        self.page_size = page_size
        self._fetch: Callable[[int, int], list[Any]] | None = None
        self._more = False

    def set_source(self, fetch: Callable[[int, int], list[Any]]) -> None:
        """Start over with a new source; the first page is loaded now."""
        self._fetch = fetch
        first = fetch(0, self.page_size)
        self._more = len(first) == self.page_size
        self.set_rows(first)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._fetch(len(self._rows), self.page_size)
        self._more = len(page) == self.page_size
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
