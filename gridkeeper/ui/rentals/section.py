"""出租房屋 Rented housing: the rented flats of the scope, the chosen flat's tenants and lease history."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget

from gridkeeper.domain.enums import label_of
from gridkeeper.domain.phone import mask_phone
from gridkeeper.domain.rentals import RentUse
from gridkeeper.services import rental_lists
from gridkeeper.services.rental_lists import RentalRow
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.rentals.dialogs import RentalRulesDialog, TenancyDialog
from gridkeeper.ui.rentals.flat_panel import FlatTenancy, lease_text
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.list_head import list_head, list_over_detail, section_layout
from gridkeeper.ui.widgets.table_model import AMBER, RED, Column, PagedRowsModel
from gridkeeper.ui.widgets.tables import list_view


class RentalsSection(QWidget):
    """Rented flats in address order (paged); below, the chosen flat's tenants and its earlier leases."""

    open_household = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.household_id: int | None = None
        self.model = PagedRowsModel(self._columns(), page_size=200, parent=self)
        self.table = list_view(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(self._open_household)
        self.group_only = QCheckBox(self.tr("Possible group rentals only"), self)
        self.group_only.toggled.connect(lambda _on: self.refresh())
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("Register rented flat…"), self)
        self.new_button.clicked.connect(lambda: self.register_flat())
        self.rules_button = QPushButton(self.tr("Rules…"), self)
        self.rules_button.setToolTip(self.tr("When a flat counts as a possible group rental; how soon Today warns"))
        self.rules_button.clicked.connect(lambda: self.edit_rules())
        self.flat = FlatTenancy(ctx, self)
        self._layout()
        ctx.scope_changed.connect(lambda _s: self.refresh())
        ctx.data_changed.connect(lambda change: change.affects(Change.RENTALS, Change.HOUSEHOLDS, Change.PLACES,
                                                                   Change.SETTINGS) and self.refresh())
        self.refresh()

    # -- columns ----------------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        def flags(row: RentalRow) -> str:
            found = []
            if row.group_rental:
                found.append(self.tr("possible group rental ({0} people, {1} rooms)").format(
                    row.persons, row.tenancy.rooms or "?"))
            end, today = row.tenancy.lease_end, self.ctx.today()
            if end and end < today:
                found.append(self.tr("lease ran out"))
            elif end and (end - today).days <= 30:
                found.append(self.tr("lease ends soon"))
            if not row.tenancy.letter_signed:
                found.append(self.tr("letter not signed"))
            return "；".join(found)

        return [
            Column(self.tr("Address"), lambda r: r.address, tooltip=lambda r: r.address),
            Column(self.tr("Landlord"), lambda r: r.tenancy.landlord_name),
            Column(self.tr("Phone"), lambda r: mask_phone(r.tenancy.landlord_phone)),
            Column(self.tr("Tenants"), lambda r: r.persons, align_right=True,
                   foreground=lambda r: RED if r.group_rental else None),
            Column(self.tr("Rooms"), lambda r: r.tenancy.rooms or "", align_right=True),
            Column(self.tr("Lease"), lambda r: lease_text(r.tenancy)),
            Column(self.tr("Let for"), lambda r: label_of(RentUse, r.tenancy.rent_use)),
            Column(self.tr("Letter"), lambda r: self.tr("signed") if r.tenancy.letter_signed else self.tr("not signed")),
            Column(self.tr("Last visit"), lambda r: r.last_visit_on.isoformat() if r.last_visit_on else ""),
            Column(self.tr("Needs attention"), flags, foreground=lambda r: RED if r.group_rental else AMBER),
        ]

    # -- layout -----------------------------------------------------------------------------------
    def _layout(self) -> None:
        top = list_head([self.group_only], self.count_label, [self.rules_button, self.new_button])
        section_layout(self, [top], list_over_detail(self, self.table, self.flat))

    # -- reading ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        scope, group_only = self.ctx.scope, self.group_only.isChecked()
        with self.ctx.read() as session:
            figures = rental_lists.rental_figures(session, scope=scope)

        def page(offset: int, limit: int) -> list[RentalRow]:
            with self.ctx.read() as session:
                return rental_lists.list_rentals(session, scope=scope, group_only=group_only, limit=limit,
                                                 offset=offset)

        self.model.set_source(page)
        self.count_label.setText(self.tr("{0} rented flats, {1} tenants, {2} possible group rentals").format(
            figures["rentals"], figures["tenants"], figures["group_rentals"]))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 260))
        if self.household_id is None and self.model.rowCount():
            self.household_id = self.model.row_at(0).household_id
        self.show_flat(self.household_id)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row and row.household_id != self.household_id:
            self.show_flat(row.household_id)

    def show_flat(self, household_id: int | None) -> None:
        """The flat's lease, tenants and history below the list (Today's double-click lands here)."""
        self.household_id = household_id
        self.flat.show_flat(household_id)
        writable = not self.ctx.read_only
        self.new_button.setEnabled(writable)
        self.rules_button.setEnabled(writable)
        for row, item in enumerate(self.model.rows()):
            if item.household_id == household_id:
                self.table.selectRow(row)
                break

    def _open_household(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row:
            self.open_household.emit(row.household_id)

    # -- writing ----------------------------------------------------------------------------------
    def edit_rules(self) -> bool:
        return forms.accepted(RentalRulesDialog(self.ctx, self))

    def register_flat(self) -> bool:
        """Register a rented flat chosen in the dialog; the list then shows it with its lease."""
        dialog = TenancyDialog(self.ctx, self)
        done = forms.accepted(dialog)
        if done and dialog.result_value:
            self.show_flat(dialog.result_value)
        return done
