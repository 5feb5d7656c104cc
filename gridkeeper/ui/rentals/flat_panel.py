"""One flat's tenancy on screen: the lease in force (landlord, term, use, 治安消防责任书), its tenants (those who
moved out greyed), the earlier leases, and the register's actions on them. The rented-housing section shows it
under its list of flats; the household window shows it as a tab."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from gridkeeper.domain.enums import Gender, label_of
from gridkeeper.domain.idnumber import mask_id_number
from gridkeeper.domain.phone import mask_phone
from gridkeeper.domain.rentals import RentUse
from gridkeeper.services import rental_lists, rental_trash, rentals, tenants
from gridkeeper.storage.rental_models import Tenancy, Tenant
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.operations import perform
from gridkeeper.ui.rentals.dialogs import EndTenancyDialog, MoveOutDialog, TenancyDialog, TenantDialog
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.table_model import AMBER, Column, RowsModel
from gridkeeper.ui.widgets.tables import list_view

GREY = QColor("#8a8a8a")  # a tenant who has moved out: listed, but no longer living there


def lease_text(tenancy: Tenancy) -> str:
    return f"{tenancy.lease_start.isoformat()} – {tenancy.lease_end.isoformat() if tenancy.lease_end else '不定期'}"


class FlatTenancy(QWidget):
    """The chosen flat's lease, tenants and lease history, with new lease / edit / end / delete lease and add /
    edit / move out a tenant through the register's dialogs. `changed(household_id)` after a write.

    `before_write`, when given, is asked before any write and may refuse it (the household window first
    settles its own unsaved changes); `show_address` puts the flat's address at the head of the lease line;
    `stacked` puts the earlier leases under the tenants rather than beside them."""

    changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, show_address: bool = True,
                 before_write: Callable[[], bool] | None = None, stacked: bool = False):
        super().__init__(parent)
        self.ctx, self.show_address, self.before_write = ctx, show_address, before_write
        self.stacked = stacked  # earlier leases under the tenants (a tall tab) instead of beside them
        self.household_id: int | None = None
        self.tenancy: Tenancy | None = None
        self.lease_label = QLabel(self)
        self.lease_label.setWordWrap(True)
        self.lease_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit lease…"), self)
        self.edit_button.clicked.connect(lambda: self.edit_lease())
        self.end_button = QPushButton(self.tr("End lease…"), self)
        self.end_button.clicked.connect(lambda: self.end_lease())
        self.delete_button = QPushButton(self.tr("Delete lease…"), self)
        self.delete_button.setToolTip(self.tr("A lease registered by mistake goes to the recycle bin (数据 › 回收站)"))
        self.delete_button.clicked.connect(lambda: self.delete_lease())
        self.let_button = QPushButton(self.tr("New lease…"), self)
        self.let_button.clicked.connect(lambda: self.new_lease())
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
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.register_button = QPushButton(self.tr("Register a lease…"), self)
        self.register_button.setToolTip(self.tr("Register this flat's lease: landlord, term, use, safety letter"))
        self.register_button.clicked.connect(lambda: self.new_lease())
        self._layout()
        self.show_flat(None)

    def _tenant_columns(self) -> list[Column]:
        def status(t: Tenant) -> str:
            if t.moved_out_on:
                return self.tr("moved out {0}").format(t.moved_out_on.isoformat())
            if t.permit_expires and t.permit_expires < self.ctx.today():
                return self.tr("permit expired")
            return "" if t.permit_number else self.tr("no permit yet")

        def grey(t: Tenant) -> QColor | None:
            return GREY if t.moved_out_on else None

        columns = [
            Column(self.tr("Name"), lambda t: t.name),
            Column(self.tr("Gender"), lambda t: label_of(Gender, t.gender)),
            Column(self.tr("ID number"), lambda t: mask_id_number(t.id_number)),
            Column(self.tr("From"), lambda t: t.from_place),
            Column(self.tr("Arrived"), lambda t: t.arrived_on.isoformat()),
            Column(self.tr("Workplace"), lambda t: t.workplace),
            Column(self.tr("Permit"), lambda t: mask_id_number(t.permit_number)),
            Column(self.tr("Valid until"), lambda t: t.permit_expires.isoformat() if t.permit_expires else ""),
        ]
        for column in columns:
            column.foreground = grey
        return [*columns, Column(self.tr("Status"), status, foreground=lambda t: GREY if t.moved_out_on else AMBER)]

    def _layout(self) -> None:
        lease_row = QHBoxLayout()
        lease_row.addWidget(self.lease_label, 1)
        for button in (self.edit_button, self.end_button, self.delete_button, self.let_button):
            lease_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        tenant_row = QHBoxLayout()
        tenant_row.addWidget(QLabel(self.tr("Tenants (those who moved out stay listed, greyed)"), self), 1)
        for button in (self.add_tenant_button, self.edit_tenant_button, self.move_out_button):
            tenant_row.addWidget(button)
        tables = QSplitter(Qt.Orientation.Vertical if self.stacked else Qt.Orientation.Horizontal, self)
        tables.addWidget(self.tenant_table)
        tables.addWidget(self.history_table)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)
        shown = QWidget(self)
        column = QVBoxLayout(shown)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(lease_row)
        column.addLayout(tenant_row)
        column.addWidget(tables, 1)
        empty = QWidget(self)
        middle = QVBoxLayout(empty)
        middle.addStretch(1)
        middle.addWidget(self.empty_label)
        middle.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addStretch(2)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(shown)
        self.pages.addWidget(empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    # -- reading ----------------------------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        """No flat, or a flat with no lease, tenant or earlier lease: the empty page is shown."""
        return self.pages.currentIndex() == 1

    def show_flat(self, household_id: int | None) -> None:
        """Show the flat's lease, tenants and earlier leases (or the empty page: nothing registered yet)."""
        self.household_id, self.tenancy = household_id, None
        tenant_rows, history, address = [], [], ""
        if household_id:
            with self.ctx.read() as session:
                address = rental_lists.flat_address(session, household_id) if self.show_address else ""
                self.tenancy = rentals.current_tenancy(session, household_id)
                tenant_rows = tenants.tenants_of(session, household_id)
                history = rentals.tenancy_history(session, household_id)
        self.lease_label.setText(self.lease_html(self.tenancy, address))
        self.tenant_model.set_rows(tenant_rows)
        self.history_model.set_rows(history)
        self.tenant_table.resizeColumnsToContents()
        self.history_table.resizeColumnsToContents()
        writable = not self.ctx.read_only
        if household_id is None:
            self.empty_label.setText(self.tr("Choose a rented flat above, or register one.") if self.show_address
                                     else self.tr("Save the household first; then its lease can be registered here."))
        else:
            self.empty_label.setText(self.tr("This flat is not registered as let: no lease, no tenants.\n"
                                             "Registering a lease marks it 出租."))
        self.register_button.setVisible(household_id is not None)
        self.register_button.setEnabled(writable)
        self.pages.setCurrentIndex(1 if not (self.tenancy or tenant_rows or history) else 0)
        for button in (self.edit_button, self.end_button, self.delete_button):
            button.setEnabled(writable and self.tenancy is not None)
        self.let_button.setEnabled(writable and bool(household_id) and self.tenancy is None)
        self.add_tenant_button.setEnabled(writable and bool(household_id))
        for button in (self.edit_tenant_button, self.move_out_button):
            button.setEnabled(writable and bool(tenant_rows))

    def lease_html(self, lease: Tenancy | None, address: str = "") -> str:
        """The lease in force in one or two lines: landlord and phone, term, use, rooms, the safety letter."""
        esc = html.escape
        head = f"<b>{esc(address)}</b>　" if address else ""
        if lease is None:
            return head + self.tr("no lease in force")
        unsigned = self.tr("safety letter not signed")
        letter = (self.tr("safety letter signed {0}").format(lease.letter_signed_on.isoformat())
                  if lease.letter_signed_on else self.tr("safety letter signed") if lease.letter_signed
                  else f"<span style='color:#ef6c00'>{esc(unsigned)}</span>")
        parts = [self.tr("landlord {0}").format(esc(lease.landlord_name))
                 + (f" {esc(mask_phone(lease.landlord_phone))}" if lease.landlord_phone else ""),
                 self.tr("lease {0}").format(lease_text(lease)),
                 self.tr("let for {0}").format(label_of(RentUse, lease.rent_use))]
        if lease.rooms:
            parts.append(self.tr("{0} room(s) let").format(lease.rooms))
        text = head + " · ".join(parts) + "<br>" + letter
        if lease.notes:
            text += " · " + esc(lease.notes)
        return text

    def chosen_tenant(self) -> Tenant | None:
        rows = self.tenant_table.selectionModel().selectedRows()
        return self.tenant_model.row_at(rows[0].row()) if rows else None

    # -- writing ----------------------------------------------------------------------------------
    def _may_write(self) -> bool:
        return not self.ctx.read_only and (self.before_write is None or self.before_write())

    def _run(self, make_dialog: Callable[[], object]) -> bool:
        """Open the dialog `make_dialog` builds (after `before_write`), then show the flat as saved."""
        if not self._may_write():
            return False
        household_id = self.household_id
        done = forms.accepted(make_dialog())
        if done:
            self.show_flat(household_id)
            self.changed.emit(household_id)
        return done

    def new_lease(self) -> bool:
        """Register a lease for this flat (none in force)."""
        return bool(self.household_id) and self.tenancy is None and self._run(
            lambda: TenancyDialog(self.ctx, self, household_id=self.household_id))

    def edit_lease(self) -> bool:
        return bool(self.tenancy) and self._run(lambda: TenancyDialog(self.ctx, self, tenancy=self.tenancy))

    def end_lease(self) -> bool:
        return bool(self.tenancy) and self._run(lambda: EndTenancyDialog(self.ctx, self.tenancy, self))

    def delete_lease(self) -> bool:
        """Put the lease in force into the recycle bin (its tenants stay with the flat)."""
        if self.tenancy is None or not self._may_write() or not forms.confirm(self, self.tr(
                "Move this lease (landlord {0}) into the recycle bin? Its tenants stay registered with the flat; "
                "the lease can be restored from 数据 › 回收站.").format(self.tenancy.landlord_name)):
            return False
        tenancy_id, household_id = self.tenancy.id, self.household_id
        if perform(self, self.ctx, lambda session: rental_trash.delete_tenancy(session, tenancy_id),
                   changes=Change.RENTALS) is None:
            return False
        self.show_flat(household_id)
        self.changed.emit(household_id)
        return True

    def add_tenant(self) -> bool:
        return bool(self.household_id) and self._run(lambda: TenantDialog(self.ctx, self.household_id, self))

    def edit_tenant(self) -> bool:
        tenant = self.chosen_tenant()
        return bool(tenant) and self._run(lambda: TenantDialog(self.ctx, self.household_id, self, tenant=tenant))

    def move_out(self) -> bool:
        tenant = self.chosen_tenant()
        if tenant is None or tenant.moved_out_on:
            return False
        return self._run(lambda: MoveOutDialog(self.ctx, tenant, self))


__all__ = ["FlatTenancy", "lease_text"]
