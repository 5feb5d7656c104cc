"""Every match of a search in one list ("show all"): sortable, filterable by grid, compound and building."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QTableView, QVBoxLayout)

from gridkeeper.services.addresses import summaries
from gridkeeper.services.search import PLACE_ELSEWHERE, PLACE_HERE, Match
from gridkeeper.services.search_list import MatchPlaces, filtered, places_of, sorted_matches
from gridkeeper.ui.widgets.windowed_model import WindowedTableModel

HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole

# (header, sort key)
COLUMNS = (
    (QT_TRANSLATE_NOOP("SearchMatchModel", "Name"), "name"),
    (QT_TRANSLATE_NOOP("SearchMatchModel", "Matched"), "rank"),
    (QT_TRANSLATE_NOOP("SearchMatchModel", "Where"), "rank"),
    (QT_TRANSLATE_NOOP("SearchMatchModel", "Grid"), "grid"),
    (QT_TRANSLATE_NOOP("SearchMatchModel", "Address"), "address"),
    (QT_TRANSLATE_NOOP("SearchMatchModel", "Last visit"), "last_visit"),
)


class SearchMatchModel(WindowedTableModel):
    """Matches in the chosen order; a row's household address is read only when its page is shown."""

    headings = tuple(heading for heading, _sort in COLUMNS)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx

    def hydrate(self, keys: list[Match]):
        with self.ctx.read() as session:
            found = {s.id: s for s in summaries(session, sorted({m.household_id for m in keys}))}
        return [(m, found.get(m.household_id)) for m in keys]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        match = self.key(index.row())
        if match is None:
            return None
        if role == HOUSEHOLD_ROLE:
            return match.household_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        _match, summary = self.row_object(index.row())
        column = index.column()
        if column == 0:
            if match.kind == "resident":
                return match.name
            return self.tr("Household: {0}").format(summary.head_name or summary.short_address) if summary else ""
        if column == 1:
            return match.label
        if column == 2:
            return {PLACE_HERE: self.tr("Selected place"), PLACE_ELSEWHERE: self.tr("Elsewhere")}.get(
                match.place, self.tr("Selected grid"))
        if summary is None:
            return ""
        if column == 3:
            return summary.grid_code
        if column == 4:
            return summary.address
        return summary.last_visit_on.isoformat() if summary.last_visit_on else self.tr("Never")


class SearchResultsDialog(QDialog):
    """All matches of `text` (already ranked by the search service); emits the household chosen."""

    household_chosen = Signal(int)

    def __init__(self, ctx, text: str, found: list[Match], parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.found = found
        self.sort_key, self.descending = "rank", False
        self.setWindowTitle(self.tr("Search results for “{0}”").format(text))
        self.resize(900, 560)
        with ctx.read() as session:
            self.places: MatchPlaces = places_of(session, found)
        self._grid_codes = {p.id: p.label.split(" ")[0] for p in self.places.grids}
        self.grid_box, self.compound_box, self.building_box = QComboBox(self), QComboBox(self), QComboBox(self)
        self._fill(self.grid_box, self.tr("All grids"), self.places.grids)
        self._fill(self.compound_box, self.tr("All compounds"), self.places.compounds)
        self._fill(self.building_box, self.tr("All buildings"), self.places.buildings)
        for box in (self.grid_box, self.compound_box, self.building_box):
            box.currentIndexChanged.connect(self.apply)
        self.compound_box.currentIndexChanged.connect(self._compound_changed)
        self.count_label = QLabel(self)
        self.model = SearchMatchModel(ctx, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close, self)
        buttons.accepted.connect(lambda: self._open(self.table.currentIndex().row()))
        buttons.rejected.connect(self.reject)
        filters = QHBoxLayout()
        for label, box in ((self.tr("Grid"), self.grid_box), (self.tr("Compound"), self.compound_box),
                           (self.tr("Building"), self.building_box)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.apply()

    def _fill(self, box: QComboBox, everything: str, choices) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, 0)
        for choice in choices:
            box.addItem(self.tr("{0} ({1})").format(choice.label, choice.count), choice.id)
        box.blockSignals(False)

    def _compound_changed(self) -> None:
        compound_id = self.compound_box.currentData() or 0
        buildings = [b for b in self.places.buildings if not compound_id or b.compound_id == compound_id]
        self._fill(self.building_box, self.tr("All buildings"), buildings)
        self.apply()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self.sort_key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else "rank"
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.apply()

    def apply(self) -> None:
        """Filter and sort the matches (keys only) and show the first window."""
        shown = filtered(self.found, grid_id=self.grid_box.currentData(), compound_id=self.compound_box.currentData(),
                         building_id=self.building_box.currentData())
        self.model.set_keys(sorted_matches(shown, self.sort_key, descending=self.descending,
                                           grid_codes=self._grid_codes))
        self.count_label.setText(self.tr("{0} of {1} matches").format(len(shown), len(self.found)))
        if shown:
            self.table.selectRow(0)

    def _open(self, row: int) -> None:
        match = self.model.key(row)
        if match is not None:
            self.household_chosen.emit(match.household_id)
            self.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self._open(self.table.currentIndex().row())
            return
        super().keyPressEvent(event)
