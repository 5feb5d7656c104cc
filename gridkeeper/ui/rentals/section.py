"""出租房屋 Rented housing: the rented flats of the scope, the chosen flat's tenants and lease history."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from gridkeeper.domain.enums import Gender, label_of
from gridkeeper.domain.idnumber import mask_id_number
from gridkeeper.domain.phone import mask_phone
from gridkeeper.domain.rentals import RentUse
from gridkeeper.services import rental_lists, rental_trash, rentals, tenants
from gridkeeper.services.rental_lists import RentalRow
from gridkeeper.storage.rental_models import Tenancy, Tenant
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.operations import perform
from gridkeeper.ui.rentals.dialogs import (EndTenancyDialog, MoveOutDialog, RentalRulesDialog, TenancyDialog,
                                           TenantDialog)
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.tables import list_view
from gridkeeper.ui.widgets.list_head import list_head, list_over_detail, section_layout
from gridkeeper.ui.widgets.table_model import AMBER, RED, Column, PagedRowsModel, RowsModel



def lease_text(tenancy: Tenancy) -> str:
    return f"{tenancy.lease_start.isoformat()} – {tenancy.lease_end.isoformat() if tenancy.lease_end else '不定期'}"


class RentalsSection(QWidget):
    """Rented flats in address order (paged); below, the chosen flat's tenants and its earlier leases."""

    open_household = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.household_id: int | None = None
        self.tenancy: Tenancy | None = None
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
        self.flat_label = QLabel(self)
        self.flat_label.setWordWrap(True)
        self.flat_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit lease…"), self)
        self.edit_button.clicked.connect(lambda: self.edit_lease())
        self.end_button = QPushButton(self.tr("End lease…"), self)
        self.end_button.clicked.connect(lambda: self.end_lease())
        self.delete_button = QPushButton(self.tr("Delete lease…"), self)
        self.delete_button.setToolTip(self.tr("A lease registered by mistake goes to the recycle bin (数据 › 回收站)"))
        self.delete_button.clicked.connect(lambda: self.delete_lease())
        self.let_button = QPushButton(self.tr("New lease…"), self)
        self.let_button.clicked.connect(lambda: self.register_flat(self.household_id))
        self.tenant_model = RowsModel(self._tenant_columns(), self)
        self.tenant_table = list_view(self.tenant_model, self)
        self.tenant_table.doubleClicked.connect(lambda _i: self.edit_tenant())
        self.add_tenant_button = QPushButton(self.tr("Add tenant…"), self)
        self.add_tenant_button.clicked.connect(lambda: self.add_tenant())
        self.edit_tenant_button = QPushButton(self.tr("Edit tenant…"), self)
        self.edit_tenant_button.clicked.connect(lambda: self.edit_tenant())
        self.move_out_button = QPushButton(self.tr("Tenant moved out…"), self)
        self.move_out_button.clicked.connect(lambda: self.move_out())
        self.history_model = RowsModel([
            Column(self.tr("Lease"), lease_text),
            Column(self.tr("Landlord"), lambda t: t.landlord_name),
            Column(self.tr("Let for"), lambda t: label_of(RentUse, t.rent_use)),
            Column(self.tr("Ended"), lambda t: f"{t.ended_on.isoformat()} {t.end_reason}" if t.ended_on
                   else self.tr("in force")),
        ], self)
        self.history_table = list_view(self.history_model, self)
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

    def _tenant_columns(self) -> list[Column]:
        def status(t: Tenant) -> str:
            if t.moved_out_on:
                return self.tr("moved out {0}").format(t.moved_out_on.isoformat())
            if t.permit_expires and t.permit_expires < self.ctx.today():
                return self.tr("permit expired")
            return "" if t.permit_number else self.tr("no permit yet")

        return [
            Column(self.tr("Name"), lambda t: t.name),
            Column(self.tr("Gender"), lambda t: label_of(Gender, t.gender)),
            Column(self.tr("ID number"), lambda t: mask_id_number(t.id_number)),
            Column(self.tr("From"), lambda t: t.from_place),
            Column(self.tr("Arrived"), lambda t: t.arrived_on.isoformat()),
            Column(self.tr("Workplace"), lambda t: t.workplace),
            Column(self.tr("Permit"), lambda t: mask_id_number(t.permit_number)),
            Column(self.tr("Valid until"), lambda t: t.permit_expires.isoformat() if t.permit_expires else ""),
            Column(self.tr("Status"), status, foreground=lambda t: None if t.moved_out_on else AMBER),
        ]

    # -- layout -----------------------------------------------------------------------------------
    def _layout(self) -> None:
        top = list_head([self.group_only], self.count_label, [self.rules_button, self.new_button])
        lower = QWidget(self)
        flat_row = QHBoxLayout()
        flat_row.addWidget(self.flat_label, 1)
        for button in (self.edit_button, self.end_button, self.delete_button, self.let_button):
            flat_row.addWidget(button)
        tenant_row = QHBoxLayout()
        tenant_row.addWidget(QLabel(self.tr("Tenants (those who moved out stay listed)"), lower), 1)
        for button in (self.add_tenant_button, self.edit_tenant_button, self.move_out_button):
            tenant_row.addWidget(button)
        below = QSplitter(Qt.Orientation.Horizontal, lower)
        below.addWidget(self.tenant_table)
        below.addWidget(self.history_table)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(flat_row)
        column.addLayout(tenant_row)
        column.addWidget(below, 1)
        section_layout(self, [top], list_over_detail(self, self.table, lower))

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
        self.tenancy = None
        tenant_rows, history, text = [], [], self.tr("Choose a rented flat above, or register one.")
        if household_id:
            with self.ctx.read() as session:
                address = rental_lists.flat_address(session, household_id)
                self.tenancy = rentals.current_tenancy(session, household_id)
                tenant_rows = tenants.tenants_of(session, household_id)
                history = rentals.tenancy_history(session, household_id)
            lease = self.tenancy
            text = (self.tr("<b>{0}</b>　landlord {1}　lease {2}").format(address, lease.landlord_name,
                                                                         lease_text(lease))
                    if lease else self.tr("<b>{0}</b>　no lease in force").format(address))
        self.flat_label.setText(text)
        self.tenant_model.set_rows(tenant_rows)
        self.history_model.set_rows(history)
        self.tenant_table.resizeColumnsToContents()
        self.history_table.resizeColumnsToContents()
        writable = not self.ctx.read_only
        self.new_button.setEnabled(writable)
        self.rules_button.setEnabled(writable)
        for button in (self.edit_button, self.end_button, self.delete_button):
            button.setEnabled(writable and self.tenancy is not None)
        self.let_button.setEnabled(writable and bool(household_id) and self.tenancy is None)
        self.add_tenant_button.setEnabled(writable and bool(household_id))
        for button in (self.edit_tenant_button, self.move_out_button):
            button.setEnabled(writable and bool(tenant_rows))
        for row, item in enumerate(self.model.rows()):
            if item.household_id == household_id:
                self.table.selectRow(row)
                break

    def _open_household(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row:
            self.open_household.emit(row.household_id)

    def chosen_tenant(self) -> Tenant | None:
        rows = self.tenant_table.selectionModel().selectedRows()
        return self.tenant_model.row_at(rows[0].row()) if rows else None

    # -- writing ----------------------------------------------------------------------------------
    def _run(self, dialog) -> bool:
        done = forms.accepted(dialog)
        if done and dialog.result_value:
            self.show_flat(dialog.result_value if isinstance(dialog, (TenancyDialog, EndTenancyDialog))
                           else self.household_id)
        return done

    def edit_rules(self) -> bool:
        return forms.accepted(RentalRulesDialog(self.ctx, self))

    def register_flat(self, household_id: int | None = None) -> bool:
        return self._run(TenancyDialog(self.ctx, self, household_id=household_id))

    def edit_lease(self) -> bool:
        return bool(self.tenancy) and self._run(TenancyDialog(self.ctx, self, tenancy=self.tenancy))

    def end_lease(self) -> bool:
        return bool(self.tenancy) and self._run(EndTenancyDialog(self.ctx, self.tenancy, self))

    def delete_lease(self) -> bool:
        """Put the lease in force into the recycle bin (its tenants stay with the flat)."""
        if self.tenancy is None or not forms.confirm(self, self.tr(
                "Move this lease (landlord {0}) into the recycle bin? Its tenants stay registered with the flat; "
                "the lease can be restored from 数据 › 回收站.").format(self.tenancy.landlord_name)):
            return False
        tenancy_id = self.tenancy.id
        if perform(self, self.ctx, lambda session: rental_trash.delete_tenancy(session, tenancy_id),
                   changes=Change.RENTALS) is None:
            return False
        self.show_flat(self.household_id)
        return True

    def add_tenant(self) -> bool:
        return bool(self.household_id) and self._run(TenantDialog(self.ctx, self.household_id, self))

    def edit_tenant(self) -> bool:
        tenant = self.chosen_tenant()
        return bool(tenant) and self._run(TenantDialog(self.ctx, self.household_id, self, tenant=tenant))

    def move_out(self) -> bool:
        tenant = self.chosen_tenant()
        if tenant is None or tenant.moved_out_on:
            return False
        return self._run(MoveOutDialog(self.ctx, tenant, self))
