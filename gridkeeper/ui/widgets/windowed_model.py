"""A table model over an ordered list of keys (fetched once per filter/sort) whose rows are read in windows.

The household list and the "show all" search results are built on it: 100,000 keys cost one cheap query,
and only the pages being looked at (PAGE rows each, the last CACHED_PAGES kept) are read in full.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

PAGE = 200
CACHED_PAGES = 12


class WindowedTableModel(QAbstractTableModel):
    """Subclasses give `hydrate(keys) -> rows` (same order, None for a row that is gone), their column
    `headings` (marked with QT_TRANSLATE_NOOP in the subclass's context) and `data`."""

    page_size = PAGE
    headings: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._keys: list[Hashable] = []
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self.pages_read = 0  # how many pages were hydrated (tests: a window costs one page)

    def hydrate(self, keys: list) -> list[Any]:
        raise NotImplementedError

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.headings)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt's name)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headings):
            return self.tr(self.headings[section])
        return None

    def set_keys(self, keys: list) -> None:
        """Show these keys, in this order, and forget every hydrated row."""
        self.beginResetModel()
        self._keys, self._pages = list(keys), OrderedDict()
        self.endResetModel()

    def key(self, row: int):
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def keys(self) -> list:
        return list(self._keys)

    def row_object(self, row: int) -> Any:
        """The hydrated row (its page is read on first use)."""
        if not 0 <= row < len(self._keys):
            return None
        page_no = row // self.page_size
        page = self._pages.get(page_no)
        if page is None:
            page = self.hydrate(self._keys[page_no * self.page_size:(page_no + 1) * self.page_size])
            self.pages_read += 1
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * self.page_size
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)
