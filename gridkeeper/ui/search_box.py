"""The global search box: results pop up as the steward types (name, pinyin initials, phone, ID tail, address)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from gridkeeper.services.search import search

# Short enough that results land within 100 ms of the last keystroke (the search itself is ~10 ms at
# 100,000 households), long enough that a fast typist's intermediate prefixes are skipped.
DEBOUNCE_MS = 40
HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole


class SearchBox(QLineEdit):
    """A line edit with a result popup; emits `household_chosen(id)` on Enter or click."""

    household_chosen = Signal(int)
    results_shown = Signal(int)  # number of results, after each update (tests and benchmarks)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_search_ms = 0.0
        self.setPlaceholderText(self.tr("Search: name, pinyin initials, phone, ID tail or address (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(360)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.popup = QListWidget(self)
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setMouseTracking(True)
        self.popup.itemClicked.connect(self._choose)
        self.returnPressed.connect(self._choose_current)

    def run_search(self) -> None:
        """Search now for what is typed and show the results."""
        self._timer.stop()
        started = time.perf_counter()
        with self.ctx.read() as session:
            hits = search(session, self.text())
        self.last_search_ms = (time.perf_counter() - started) * 1000
        self._show(hits)

    def _show(self, hits) -> None:
        self.popup.clear()
        for hit in hits:
            title = hit.title if hit.kind == "resident" else self.tr("Household: {0}").format(hit.title)
            item = QListWidgetItem(f"{title}    {hit.address}    [{hit.matched}]")
            item.setData(HOUSEHOLD_ROLE, hit.household_id)
            self.popup.addItem(item)
        if not hits and self.text().strip():
            item = QListWidgetItem(self.tr("Nothing found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.popup.addItem(item)
        if self.popup.count():
            self.popup.setCurrentRow(0)
            self._place_popup()
            self.popup.show()
        else:
            self.popup.hide()
        self.results_shown.emit(len(hits))

    def _place_popup(self) -> None:
        rows = min(self.popup.count(), 12)
        height = rows * max(self.popup.sizeHintForRow(0), 20) + 6
        self.popup.setFixedSize(max(self.width(), 520), height)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))

    def _choose_current(self) -> None:
        if self._timer.isActive() or (self.text().strip() and not self.popup.isVisible()):
            self.run_search()
        item = self.popup.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        household_id = item.data(HOUSEHOLD_ROLE)
        if household_id is None:
            return
        self.popup.hide()
        self.household_chosen.emit(int(household_id))

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self.popup.isVisible() and key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}[key]
            row = max(0, min(self.popup.count() - 1, self.popup.currentRow() + step))
            self.popup.setCurrentRow(row)
            return
        if key == Qt.Key.Key_Escape and self.popup.isVisible():
            self.popup.hide()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.FocusOut and not self.popup.underMouse():
            self.popup.hide()
        return super().event(event)

    def hideEvent(self, event) -> None:
        self.popup.hide()
        super().hideEvent(event)
