"""The 住户 section: filters and the windowed household table, with the building visit matrix beside it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from gridkeeper.domain.enums import CareTag, HousingUse
from gridkeeper.services.household_list import HouseholdFilter
from gridkeeper.ui.context import Change
from gridkeeper.ui.households.model import HouseholdTableModel
from gridkeeper.ui.matrix import BuildingMatrix

ANY_CARE = "__any__"


class HouseholdsSection(QWidget):
    """Households of the chosen scope; double-click or Enter opens one, Del deletes the selected one."""

    open_household = Signal(int)
    new_household = Signal()
    delete_household = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = HouseholdTableModel(ctx, self)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._list_page(), self.tr("Household list"))
        self.matrix = BuildingMatrix(ctx, self)
        self.matrix.open_household.connect(self.open_household)
        self.tabs.addTab(self.matrix, self.tr("Building visit matrix"))
        layout.addWidget(self.tabs)
        ctx.scope_changed.connect(self._on_scope)
        ctx.data_changed.connect(self._on_data)
        self._on_scope(ctx.scope)

    def _list_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addLayout(self._filter_bar(page))
        self.table = QTableView(page)
        self.table.setObjectName("households_table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts by the indicator: the one initial load
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((60, 180, 60, 70, 50, 110, 165, 70, 150, 100)):  # fits a 1360-wide window
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=lambda: self._open_row(self.current_row()),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self._delete_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        layout.addWidget(self.table)
        return page

    def _delete_current(self) -> None:
        household_id = self.current_household_id()
        if household_id is not None:
            self.delete_household.emit(household_id)

    def _filter_bar(self, page: QWidget) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.care = QComboBox(page)
        self.care.addItem(self.tr("All households"), None)
        self.care.addItem(self.tr("Any care tag"), ANY_CARE)
        for tag in CareTag:
            self.care.addItem(tag.label, tag.value)
        self.use = QComboBox(page)
        self.use.addItem(self.tr("Any housing use"), None)
        for use in HousingUse:
            self.use.addItem(use.label, use.value)
        self.days = QSpinBox(page)
        self.days.setRange(0, 3650)
        self.days.setSingleStep(30)
        self.days.setSpecialValueText(self.tr("any time"))
        self.days.setSuffix(self.tr(" days"))
        self.count = QLabel(page)
        add = QPushButton(self.tr("New household"), self)
        add.setToolTip(self.tr("Ctrl+N"))
        add.clicked.connect(self.new_household)
        self.tabs.setCornerWidget(add)
        for label, widget in ((self.tr("Care:"), self.care), (self.tr("Housing use:"), self.use),
                              (self.tr("Not visited in:"), self.days)):
            bar.addWidget(QLabel(label, page))
            bar.addWidget(widget)
        bar.addWidget(self.count)
        bar.addStretch(1)
        self.care.currentIndexChanged.connect(self.apply_filters)
        self.use.currentIndexChanged.connect(self.apply_filters)
        self.days.valueChanged.connect(self.apply_filters)
        return bar

    def filters(self) -> HouseholdFilter:
        care = self.care.currentData()
        return HouseholdFilter(care_tag=care if care not in (None, ANY_CARE) else None, any_care=care == ANY_CARE,
                               housing_use=self.use.currentData(), not_visited_days=self.days.value() or None)

    def apply_filters(self) -> None:
        self.model.set_query(filters=self.filters())
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("{0} households").format(self.model.rowCount()))

    def _on_scope(self, scope) -> None:
        if scope != self.model.scope or not self.model._loaded:
            self.model.set_query(scope=scope)
        self._update_count()
        self.matrix.show_building(scope.building_id)

    def _on_data(self, change: Change) -> None:
        if change.affects(Change.HOUSEHOLDS, Change.VISITS, Change.PLACES):
            self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        self._update_count()
        self.matrix.show_building(self.matrix.building_id)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def current_household_id(self) -> int | None:
        return self.model.household_id(self.current_row())

    def _open_row(self, row: int) -> None:
        household_id = self.model.household_id(row)
        if household_id is not None:
            self.open_household.emit(household_id)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("households/columns", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("households/columns")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
