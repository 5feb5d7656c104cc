"""Pick a household by typing (name, pinyin initials, phone, ID tail, address like 7-2-301) or by building/unit/room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gridkeeper.domain.enums import CareTag
from gridkeeper.services.addresses import summaries
from gridkeeper.services.place_lists import buildings_in, household_place, rooms_of, units_of
from gridkeeper.services.scope import Scope
from gridkeeper.services import accounts
from gridkeeper.services.search import SearchHit, SearchResult, find, for_steward
from gridkeeper.ui.context import AppContext

HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 120
LIMIT = 20


def tag_labels(tags: list[str]) -> str:
    labels = []
    for tag in tags:
        try:
            labels.append(CareTag(tag).label)
        except ValueError:
            labels.append(tag)
    return "、".join(labels)


class HouseholdPicker(QWidget):
    """A search box with a drop-down of matches, and building/unit/room lists; emits the chosen household id."""

    household_changed = Signal(int)  # 0 when cleared

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, scope: Scope | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.household_id = 0
        self.hits: list[SearchHit] = []
        self.result = SearchResult([])
        self._scope = scope or ctx.scope
        self.chosen_text = ""
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin initials, phone or address such as 7-2-301"))
        self.search_edit.setClearButtonEnabled(True)
        self._hits_model = QStandardItemModel(self)
        self.completer = QCompleter(self._hits_model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.search_edit)
        self.completer.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_edit.textEdited.connect(self._text_edited)
        self.search_edit.installEventFilter(self)
        self.building_box, self.unit_box, self.room_box = QComboBox(self), QComboBox(self), QComboBox(self)
        for box in (self.building_box, self.unit_box, self.room_box):
            box.setMaxVisibleItems(20)
        self.building_box.setMinimumContentsLength(10)
        self.building_box.currentIndexChanged.connect(self._building_chosen)
        self.unit_box.currentIndexChanged.connect(self._unit_chosen)
        self.room_box.currentIndexChanged.connect(self._room_chosen)
        self.chosen_label = QLabel(self)
        self.chosen_label.setWordWrap(True)
        self._layout()
        self.set_scope(self._scope)

    def _layout(self) -> None:
        places = QHBoxLayout()
        places.setContentsMargins(0, 0, 0, 0)
        places.addWidget(self.building_box, 3)
        places.addWidget(self.unit_box, 2)
        places.addWidget(self.room_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_edit)
        layout.addLayout(places)
        layout.addWidget(self.chosen_label)
        self._show_chosen(None)

    def places_in_tab_order(self) -> list[QWidget]:
        """The search box, then 楼栋, 单元, 房号: the order Tab goes through them."""
        return [self.search_edit, self.building_box, self.unit_box, self.room_box]

    # --- searching -------------------------------------------------------------------------
    def _text_edited(self, text: str) -> None:
        """Typing over a chosen household forgets it: what is shown is never a stale choice."""
        if self.household_id and text.strip() != self.chosen_text:
            self._forget()
        self._timer.start()

    def _forget(self) -> None:
        self.household_id = 0
        self.chosen_text = ""
        for box in (self.unit_box, self.room_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self._show_chosen(None)
        self.household_changed.emit(0)

    def run_search(self) -> list[SearchHit]:
        """Search now for what is typed and offer the matches."""
        self._timer.stop()
        text = self.search_edit.text().strip()
        result, near = SearchResult([]), None
        if text:
            # The building and grid being worked on come first; matches elsewhere follow, marked.
            with self.ctx.read() as session:
                near = for_steward(session, self._scope, accounts.signed_in(self.ctx.engine), today=self.ctx.today())
                result = find(session, text, near=near, limit=LIMIT)
        self.result = result
        self.hits = result.hits
        self._hits_model.clear()
        for hit in self.hits:
            where = "" if hit.nearby or near is None or near.is_empty else \
                "　" + self.tr("[elsewhere: {0}]").format(hit.grid_code)
            item = QStandardItem(f"{hit.title}　{hit.address}{where}")
            item.setData(hit.household_id, HOUSEHOLD_ROLE)
            if where:
                item.setForeground(self.palette().placeholderText())
            self._hits_model.appendRow(item)
        if result.capped:
            more = QStandardItem(self.tr("{0} matches, showing the first {1}: type more to narrow them")
                                 .format(result.total, len(self.hits)))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self._hits_model.appendRow(more)
        if self.hits and self.search_edit.hasFocus():
            self.completer.complete()
        return self.hits

    def choose_hit(self, row: int) -> None:
        self.completer.popup().hide()
        self.set_household(self.hits[row].household_id)

    def _activated(self, index: QModelIndex) -> None:
        household_id = index.data(HOUSEHOLD_ROLE)
        if household_id:
            QTimer.singleShot(0, lambda: self.set_household(int(household_id)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the search box picks the first match (and moves on) instead of saving the form."""
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.completer.popup().isVisible():
            text = self.search_edit.text().strip()
            if text and text != self.chosen_text:
                if self._timer.isActive() or not self.hits:
                    self.run_search()
                if self.hits:
                    self.choose_hit(0)
                    self.room_box.setFocus()  # on past 楼栋/单元/房号 (already lined up) to the next field
                    self.focusNextChild()
                return True
        return super().eventFilter(watched, event)

    # --- choosing --------------------------------------------------------------------------
    def set_household(self, household_id: int | None) -> None:
        """Show this household as chosen (None or 0 clears) and line the room lists up with it."""
        household_id = int(household_id or 0)
        summary = None
        if household_id:
            with self.ctx.read() as session:
                found = summaries(session, [household_id])
                place = household_place(session, household_id)
            summary = found[0] if found else None
            if summary and place:
                self._select_place(place.building_id, place.unit_id, household_id)
        self.household_id = summary.id if summary else 0
        self.chosen_text = f"{summary.head_name}　{summary.address}" if summary else ""
        self.search_edit.setText(self.chosen_text)
        self._show_chosen(summary)
        self.household_changed.emit(self.household_id)

    def clear(self) -> None:
        self.hits = []
        self._hits_model.clear()
        self.set_household(0)

    def _show_chosen(self, summary) -> None:
        if summary is None:
            self.chosen_label.setText(self.tr("No household chosen"))
            return
        last = (self.tr("last visit {0}").format(summary.last_visit_on.isoformat()) if summary.last_visit_on
                else self.tr("never visited"))
        parts = [summary.head_name or self.tr("(no residents)"), summary.address, tag_labels(summary.care_tags), last]
        self.chosen_label.setText("　·　".join(p for p in parts if p))

    # --- building / unit / room ------------------------------------------------------------
    def set_scope(self, scope: Scope) -> None:
        self._scope = scope
        with self.ctx.read() as session:
            buildings = buildings_in(session, scope)
        self._fill(self.building_box, self.tr("Building"), [(b.id, b.label) for b in buildings])
        self._fill(self.unit_box, self.tr("Unit"), [])
        self._fill(self.room_box, self.tr("Room"), [])

    def _fill(self, box: QComboBox, placeholder: str, items: list[tuple[int, str]], keep: int = 0) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(placeholder, 0)
        for item_id, label in items:
            box.addItem(label, item_id)
        box.setCurrentIndex(max(0, box.findData(keep)))
        box.blockSignals(False)

    def _building_chosen(self) -> None:
        building_id = self.building_box.currentData() or 0
        with self.ctx.read() as session:
            units = units_of(session, building_id) if building_id else []
        self._fill(self.unit_box, self.tr("Unit"), [(u.id, u.label) for u in units])
        self._fill(self.room_box, self.tr("Room"), [])
        if len(units) == 1:
            self.unit_box.setCurrentIndex(1)

    def _unit_chosen(self) -> None:
        unit_id = self.unit_box.currentData() or 0
        with self.ctx.read() as session:
            rooms = rooms_of(session, unit_id) if unit_id else []
        self._fill(self.room_box, self.tr("Room"), [(r.id, r.label) for r in rooms])

    def _room_chosen(self) -> None:
        household_id = self.room_box.currentData() or 0
        if household_id and household_id != self.household_id:
            self.set_household(household_id)

    def _select_place(self, building_id: int, unit_id: int, household_id: int) -> None:
        if self.building_box.findData(building_id) < 0:
            with self.ctx.read() as session:
                buildings = buildings_in(session, Scope(building_id=building_id))
            self.building_box.blockSignals(True)
            for b in buildings:
                self.building_box.addItem(b.label, b.id)
            self.building_box.blockSignals(False)
        self.building_box.blockSignals(True)
        self.building_box.setCurrentIndex(self.building_box.findData(building_id))
        self.building_box.blockSignals(False)
        with self.ctx.read() as session:
            units, rooms = units_of(session, building_id), rooms_of(session, unit_id)
        self._fill(self.unit_box, self.tr("Unit"), [(u.id, u.label) for u in units], keep=unit_id)
        self._fill(self.room_box, self.tr("Room"), [(r.id, r.label) for r in rooms], keep=household_id)
