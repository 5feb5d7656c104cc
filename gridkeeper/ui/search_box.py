"""The global search box: results pop up as the steward types (name, pinyin initials, phone, ID tail, address)."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from gridkeeper.services import accounts
from gridkeeper.services.search import SearchResult, find, for_steward, matches

# Short enough that results land within 100 ms of the last keystroke (the search itself is ~10 ms at
# 100,000 households), long enough that a fast typist's intermediate prefixes are skipped.
DEBOUNCE_MS = 40
HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole
SHOW_ALL_ROLE = Qt.ItemDataRole.UserRole + 1
LIMIT = 30


def count_text(result: SearchResult) -> str:
    """共 412 人，显示前 30 人 (people, households or both), or just the total when all are shown."""
    unit = "people" if not result.households else ("households" if not result.people else "results")
    if result.capped:
        text = {"people": QCoreApplication.translate("SearchBox", "{0} people, showing the first {1}"),
                "households": QCoreApplication.translate("SearchBox", "{0} households, showing the first {1}"),
                "results": QCoreApplication.translate("SearchBox", "{0} results, showing the first {1}")}[unit]
        return text.format(result.total, len(result.hits))
    return {"people": QCoreApplication.translate("SearchBox", "{0} people"),
            "households": QCoreApplication.translate("SearchBox", "{0} households"),
            "results": QCoreApplication.translate("SearchBox", "{0} results")}[unit].format(result.total)


class SearchBox(QLineEdit):
    """A line edit with a result popup; emits `household_chosen(id)` on Enter or click."""

    household_chosen = Signal(int)
    results_shown = Signal(int)  # number of results, after each update (tests and benchmarks)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_search_ms = 0.0
        self.last_result = SearchResult([])
        self.results_dialog = None
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
            result = find(session, self.text(), near=self._nearby(session), limit=LIMIT)
        self.last_search_ms = (time.perf_counter() - started) * 1000
        self._show(result)

    def _nearby(self, session):
        return for_steward(session, self.ctx.scope, accounts.signed_in(self.ctx.engine), today=self.ctx.today())

    def _show(self, result: SearchResult) -> None:
        self.last_result = result
        hits = result.hits
        self.popup.clear()
        if hits:  # how many matched, first, where it is seen (with "show all" when not all are shown)
            self.popup.addItem(self._count_item(result))
        for hit in hits:
            title = hit.title if hit.kind == "resident" else self.tr("Household: {0}").format(hit.title)
            where = "" if hit.nearby else f"    {hit.grid_code}"
            item = QListWidgetItem(f"{title}    {hit.address}    [{hit.matched}]{where}")
            item.setData(HOUSEHOLD_ROLE, hit.household_id)
            self.popup.addItem(item)
        if not hits and self.text().strip():
            item = QListWidgetItem(self.tr("Nothing found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.popup.addItem(item)
        if self.popup.count():
            self.popup.setCurrentRow(1 if hits else 0)  # the best hit; Up reaches "show all"
            self._place_popup()
            self.popup.show()
        else:
            self.popup.hide()
        self.results_shown.emit(len(hits))

    def _count_item(self, result: SearchResult) -> QListWidgetItem:
        text = count_text(result)
        item = QListWidgetItem(text)
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        if result.capped:
            item.setText(self.tr("{0} — show all (Ctrl+Enter)").format(text))
            item.setData(SHOW_ALL_ROLE, True)
        else:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        return item

    def show_all(self):
        """Open every match of the current text in a sortable, filterable list; returns the dialog."""
        from gridkeeper.ui.search_results import SearchResultsDialog

        text = self.text()
        with self.ctx.read() as session:
            found, _people, _households, _near_only = matches(session, text, near=self._nearby(session))
        self.popup.hide()
        dialog = SearchResultsDialog(self.ctx, text, found, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.household_chosen.connect(self.household_chosen)
        self.results_dialog = dialog
        dialog.show()
        return dialog

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
        if item.data(SHOW_ALL_ROLE):
            self.show_all()
            return
        household_id = item.data(HOUSEHOLD_ROLE)
        if household_id is None:
            return
        self.popup.hide()
        self.household_chosen.emit(int(household_id))

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if self.text().strip():
                self.show_all()
            return
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
