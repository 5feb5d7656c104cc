"""走访 Visits: the quick-entry form on top, and below the visits of a month in the scope, by visitor."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from gridkeeper.domain.enums import VisitKind, VisitorKind, label_of
from gridkeeper.services.addresses import HouseholdSummary, summaries
from gridkeeper.services.coverage import month_start, next_month
from gridkeeper.services.visitors import visitor_names
from gridkeeper.services.visits import delete_visit, list_visits
from gridkeeper.storage.models import Visit
from gridkeeper.ui.background_read import BackgroundRead
from gridkeeper.ui.context import AppContext
from gridkeeper.ui.operations import Change, perform
from gridkeeper.ui.sections.request_dialogs import NewRequestDialog
from gridkeeper.ui.sections.visit_dialog import EditVisitDialog
from gridkeeper.ui.sections.visit_form import VisitForm
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.forms import date_edit, date_of
from gridkeeper.ui.widgets.table_model import Column, PagedRowsModel
from gridkeeper.ui.widgets.tables import MANY, list_view


@dataclass
class VisitRow:
    visit: Visit
    place: HouseholdSummary | None


PAGE = 200


def visit_rows(session, *, scope, start, end, visitor: str, limit: int, offset: int) -> list[VisitRow]:
    """A page of the month's visits with their households' addresses and heads (no widgets)."""
    visits = list_visits(session, scope=scope, start=start, end=end, visitor=visitor, limit=limit, offset=offset)
    places = {s.id: s for s in summaries(session, sorted({v.household_id for v in visits}))}
    return [VisitRow(v, places.get(v.household_id)) for v in visits]


class VisitsSection(QWidget):
    """Log a round's visits quickly; list, filter and correct what was logged."""

    open_household = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = VisitForm(ctx, self)
        self.form.visit_saved.connect(self._visit_saved)
        self.month = date_edit(month_start(ctx.today()), self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.dateChanged.connect(lambda _d: self.refresh())
        self.visitor_filter = QComboBox(self)
        self.visitor_filter.setMinimumContentsLength(8)
        self.visitor_filter.currentIndexChanged.connect(lambda _i: self._reload_list())
        self.count_label = QLabel(self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Correct the selected visit (double-click or Enter on a row)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setEnabled(not ctx.read_only)
        self.household_button = QPushButton(self.tr("Open household"), self)
        self.household_button.clicked.connect(self._open_selected_household)
        self.delete_button = QPushButton(self.tr("Delete visit"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_button.setEnabled(not ctx.read_only)
        self.model = PagedRowsModel(self._columns(), page_size=PAGE, parent=self)
        self.reader = BackgroundRead(self, ctx)  # the month's visitors and first page, in a worker thread
        self._reselect: int | None = None  # the visit just edited, selected again in the list that follows
        self.table = list_view(self.model, self, selection=MANY)
        self.table.doubleClicked.connect(lambda index: self.edit_visit(index.row()))
        self.table.installEventFilter(self)
        self._layout()
        ctx.scope_changed.connect(self._scope_changed)
        ctx.data_changed.connect(self._data_changed)
        self.refresh()

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Date"), lambda r: r.visit.visited_on.isoformat()),
            Column(self.tr("Household"), lambda r: r.place.address if r.place else ""),
            Column(self.tr("Head"), lambda r: r.place.head_name if r.place else ""),
            Column(self.tr("Visitor"), lambda r: r.visit.visitor_name),
            Column(self.tr("Visitor is"), lambda r: label_of(VisitorKind, r.visit.visitor_kind)),
            Column(self.tr("Kind"), lambda r: label_of(VisitKind, r.visit.kind)),
            Column(self.tr("Home"), lambda r: self.tr("yes") if r.visit.anyone_home else self.tr("no")),
            Column(self.tr("Findings"), lambda r: r.visit.findings, tooltip=lambda r: r.visit.findings),
        ]

    def _layout(self) -> None:
        entry = QGroupBox(self.tr("Quick entry"), self)
        self.form.setMinimumWidth(560)
        self.form.setMaximumWidth(820)
        row = QHBoxLayout(entry)
        row.addWidget(self.form, 4)
        row.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Month"), self))
        filters.addWidget(self.month)
        filters.addWidget(QLabel(self.tr("Visitor"), self))
        filters.addWidget(self.visitor_filter)
        filters.addWidget(self.reader.label)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.household_button)
        filters.addWidget(self.edit_button)
        filters.addWidget(self.delete_button)
        listing = QWidget(self)
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(entry)
        splitter.addWidget(listing)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- the list --------------------------------------------------------------------------------
    def period(self):
        start = month_start(date_of(self.month))
        return start, next_month(start)

    def refresh(self) -> None:
        """Reload the visitor names of the month, then the list: read in the background (the last month or
        place asked for wins)."""
        start, end = self.period()
        scope, visitor, size = self.ctx.scope, self.visitor_filter.currentData() or "", self.model.page_size

        def read(session) -> tuple[list[str], list[VisitRow]]:
            names = visitor_names(session, scope=scope, start=start, end=end)
            shown = visitor if visitor in names else ""
            return names, visit_rows(session, scope=scope, start=start, end=end, visitor=shown, limit=size, offset=0)

        self.reader.start(read, lambda found: self._show_names(*found))

    def _show_names(self, names: list[str], first: list[VisitRow]) -> None:
        keep = self.visitor_filter.currentData() or ""
        self.visitor_filter.blockSignals(True)
        self.visitor_filter.clear()
        self.visitor_filter.addItem(self.tr("Everyone"), "")
        for name in names:
            self.visitor_filter.addItem(name, name)
        self.visitor_filter.setCurrentIndex(max(0, self.visitor_filter.findData(keep)))
        self.visitor_filter.blockSignals(False)
        self._show_list(first)

    def set_visitor_filter(self, name: str) -> None:
        self.visitor_filter.setCurrentIndex(max(0, self.visitor_filter.findData(name)))

    def _reload_list(self) -> None:
        """The list alone, for another visitor (read in the background)."""
        start, end = self.period()
        visitor, scope, size = self.visitor_filter.currentData() or "", self.ctx.scope, self.model.page_size
        self.reader.start(lambda session: visit_rows(session, scope=scope, start=start, end=end, visitor=visitor,
                                                     limit=size, offset=0), self._show_list)

    def _show_list(self, first: list[VisitRow]) -> None:
        start, end = self.period()
        visitor, scope = self.visitor_filter.currentData() or "", self.ctx.scope

        def fetch(offset: int, limit: int) -> list[VisitRow]:  # the next pages, as the list is scrolled
            if offset == 0:
                return first
            with self.ctx.read() as session:
                return visit_rows(session, scope=scope, start=start, end=end, visitor=visitor, limit=limit,
                                  offset=offset)

        self.model.set_source(fetch)
        more = "+" if self.model.canFetchMore() else ""
        self.count_label.setText(self.tr("{0} visits shown").format(f"{self.model.rowCount()}{more}"))
        if self.model.rowCount():
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(1, min(self.table.columnWidth(1), 240))
        if self._reselect is not None:
            self._select_visit(self._reselect)
            self._reselect = None

    def _scope_changed(self, scope) -> None:
        self.form.set_scope(scope)
        self.refresh()

    def _data_changed(self, change: Change) -> None:
        if change.affects(Change.VISITS, Change.HOUSEHOLDS, Change.PLACES, Change.LEADERS, Change.MEMBERS):
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a row of the list edits that visit."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_visit(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else self.table.currentIndex().row()

    def _open_selected_household(self) -> None:
        row = self.model.row_at(self._selected_row())
        if row:
            self.open_household.emit(row.visit.household_id)

    # --- correcting a visit ----------------------------------------------------------------------
    def make_edit_dialog(self, visit: Visit) -> EditVisitDialog:
        return EditVisitDialog(self.ctx, visit, self)

    def edit_selected(self) -> Visit | None:
        return self.edit_visit(self._selected_row())

    def edit_visit(self, row: int) -> Visit | None:
        """Open the visit on this row of the list for correction; the saved visit, or None."""
        item = self.model.row_at(row)
        if item is None or self.ctx.read_only:
            return None
        dialog = self.make_edit_dialog(item.visit)
        saved = dialog.result_value if forms.accepted(dialog) else None
        if saved is not None:
            self._select_visit(saved.id)
            self._reselect = saved.id  # again once the list read after the save arrives
        return saved

    def _select_visit(self, visit_id: int) -> None:
        for row, item in enumerate(self.model.rows()):
            if item.visit.id == visit_id:
                self.table.selectRow(row)
                return

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        visits = [self.model.row_at(r).visit for r in rows]
        if not visits or not forms.confirm(self, self.tr("Delete {0} visit(s)? The household's last-visit date "
                                                         "is recalculated.").format(len(visits))):
            return
        perform(self, self.ctx, lambda session: [delete_visit(session, visit.id) for visit in visits],
                changes=Change.VISITS)

    def start_visit(self, household_id: int) -> None:
        """Begin logging a visit to this household (e.g. from the household editor or the building matrix)."""
        self.form.start_next()
        self.form.picker.set_household(household_id)
        self.form.findings.setFocus()

    # --- a request raised from a visit -----------------------------------------------------------
    def make_request_dialog(self, visit: Visit) -> NewRequestDialog:
        return NewRequestDialog(self.ctx, self, household_id=visit.household_id, source_visit_id=visit.id,
                                description=visit.findings)

    def _visit_saved(self, visit: Visit, wants_request: bool) -> None:
        if wants_request:
            dialog = self.make_request_dialog(visit)
            forms.accepted(dialog)
            self.form.picker.search_edit.setFocus()
        if self.form.hazard_wanted:
            from gridkeeper.ui.hazards.dialogs import VisitHazardDialog

            dialog = VisitHazardDialog(self.ctx, visit.id, self, description=visit.findings)
            forms.accepted(dialog)
            self.form.picker.search_edit.setFocus()
        if self.form.dispute_wanted:
            from gridkeeper.ui.sections.dispute_dialogs import NewDisputeDialog

            dialog = NewDisputeDialog(self.ctx, self, visit=visit)
            forms.accepted(dialog)
            self.form.picker.search_edit.setFocus()
