"""Dialogs of the rented-housing register: register or edit a lease, end it, add or edit a tenant, move out."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit,
                               QRadioButton, QSpinBox, QWidget)
from sqlmodel import select

from gridkeeper.domain.enums import Gender, ResidenceStatus
from gridkeeper.domain.rentals import RentUse
from gridkeeper.services import rentals, tenants
from gridkeeper.services.people import ResidentInput
from gridkeeper.services.rental_rules import RentalRules, rental_rules, set_rental_rules
from gridkeeper.services.rentals import TenancyInput
from gridkeeper.services.tenants import TenantInput
from gridkeeper.storage.models import Resident
from gridkeeper.storage.rental_models import Tenancy, Tenant
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.widgets.forms import FormDialog, date_edit, date_of, required
from gridkeeper.ui.widgets.household_picker import HouseholdPicker



def choice_box(enum, parent: QWidget, current=None, only=None) -> QComboBox:
    box = QComboBox(parent)
    for member in enum:
        if only is None or member in only:
            box.addItem(member.label, member.value)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(str(current))))
    return box


class OptionalDate(QWidget):
    """A date that may be left out: a check box, and the date when it is ticked."""

    def __init__(self, text: str, value: date | None, default: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.edit = date_edit(value or default, self)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return date_of(self.edit) if self.check.isChecked() else None


class TenancyDialog(FormDialog):
    """Register a rented flat's lease (the flat chosen here or given), or edit the lease in force."""

    changes = Change.RENTALS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, household_id: int | None = None,
                 tenancy: Tenancy | None = None):
        super().__init__(ctx, self.tr("Edit lease") if tenancy else self.tr("Register a rented flat"), parent)
        self.ctx, self.tenancy = ctx, tenancy
        self.version = tenancy.version if tenancy else None  # someone else's save meanwhile is a conflict to settle
        self.household_id = tenancy.household_id if tenancy else household_id
        self.picker = None
        if self.household_id is None:
            self.picker = HouseholdPicker(ctx, self)
            self.add_row(self.tr("Flat"), self.picker, "household_id")
        self.resident_mode = QRadioButton(self.tr("Lives in the community"), self)
        self.outside_mode = QRadioButton(self.tr("Lives elsewhere"), self)
        modes = QButtonGroup(self)
        modes.addButton(self.resident_mode)
        modes.addButton(self.outside_mode)
        mode_row = QWidget(self)
        line = QHBoxLayout(mode_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.outside_mode)
        line.addWidget(self.resident_mode)
        line.addStretch(1)
        self.landlord_picker = HouseholdPicker(ctx, self)
        self.landlord_person = QComboBox(self)
        self.landlord_picker.household_changed.connect(self._landlord_household)
        self.landlord_name, self.landlord_phone, self.landlord_id = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.landlord_name.setPlaceholderText(self.tr("Landlord's name"))
        self.landlord_phone.setPlaceholderText(self.tr("Mobile or landline with area code"))
        self.landlord_id.setPlaceholderText(self.tr("18-digit ID number (optional)"))
        self.lease_start = date_edit(tenancy.lease_start if tenancy else ctx.today(), self)
        end = tenancy.lease_end if tenancy else None
        default_end = ctx.today().replace(year=ctx.today().year + 1)
        self.lease_end = OptionalDate(self.tr("Fixed end"), end if tenancy else default_end, default_end, self)
        self.rent_use = choice_box(RentUse, self, tenancy.rent_use if tenancy else None)
        self.rooms, self.tenant_count = QSpinBox(self), QSpinBox(self)
        self.rooms.setRange(0, 50)
        self.rooms.setSpecialValueText(self.tr("unknown"))
        self.tenant_count.setRange(0, 99)
        self.letter = OptionalDate(self.tr("Signed on"), tenancy.letter_signed_on if tenancy else None, ctx.today(), self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        self.add_row(self.tr("Landlord"), mode_row)
        self.add_row(self.tr("Landlord's household"), self.landlord_picker)
        self.add_row(self.tr("Landlord (resident)"), self.landlord_person)
        self.add_row(self.tr("Name"), self.landlord_name, "landlord_name")
        self.add_row(self.tr("Phone"), self.landlord_phone, "landlord_phone")
        self.add_row(self.tr("ID number"), self.landlord_id, "landlord_id_number")
        self.add_row(self.tr("Lease starts"), self.lease_start, "lease_start")
        self.add_row(self.tr("Lease ends"), self.lease_end, "lease_end")
        self.add_row(self.tr("Let for"), self.rent_use, "rent_use")
        self.add_row(self.tr("Rooms let"), self.rooms, "rooms")
        self.add_row(self.tr("Tenants (declared)"), self.tenant_count, "tenant_count")
        self.add_row(self.tr("Safety letter (治安消防责任书)"), self.letter, "letter_signed_on")
        self.add_row(self.tr("Notes"), self.notes)
        self.resident_mode.toggled.connect(self._mode)
        self.outside_mode.setChecked(True)
        if tenancy:
            self._fill(tenancy)
        self._mode(self.resident_mode.isChecked())

    def _fill(self, tenancy: Tenancy) -> None:
        self.landlord_name.setText(tenancy.landlord_name)
        self.landlord_phone.setText(tenancy.landlord_phone)
        self.landlord_id.setText(tenancy.landlord_id_number)
        self.rooms.setValue(tenancy.rooms or 0)
        self.tenant_count.setValue(tenancy.tenant_count)
        self.notes.setPlainText(tenancy.notes)
        if tenancy.letter_signed and not tenancy.letter_signed_on:
            self.letter.check.setChecked(True)
        if tenancy.landlord_resident_id:
            with self.ctx.read() as session:
                landlord = session.get(Resident, tenancy.landlord_resident_id)
            if landlord:
                self.resident_mode.setChecked(True)
                self.landlord_picker.set_household(landlord.household_id)
                self.landlord_person.setCurrentIndex(max(0, self.landlord_person.findData(landlord.id)))

    def _mode(self, resident: bool) -> None:
        for widget in (self.landlord_picker, self.landlord_person):
            widget.setEnabled(resident)
        for widget in (self.landlord_name, self.landlord_phone, self.landlord_id):
            widget.setEnabled(not resident)

    def _landlord_household(self, household_id: int) -> None:
        self.landlord_person.clear()
        if household_id:
            with self.ctx.read() as session:
                people = session.exec(select(Resident).where(Resident.household_id == household_id)
                                       .order_by(Resident.is_head.desc(), Resident.id)).all()
            for person in people:
                self.landlord_person.addItem(person.name, person.id)

    def data(self) -> TenancyInput:
        household_id = self.picker.household_id if self.picker else self.household_id
        if not household_id:
            raise required("household_id", self.tr("Choose the rented flat"))
        resident_id = self.landlord_person.currentData() if self.resident_mode.isChecked() else None
        if self.resident_mode.isChecked() and not resident_id:
            raise required("landlord_name", self.tr("Choose the landlord's household and the landlord"))
        outside = not self.resident_mode.isChecked()
        return TenancyInput(
            household_id=household_id, landlord_resident_id=resident_id,
            landlord_name=self.landlord_name.text() if outside else "",
            landlord_phone=self.landlord_phone.text() if outside else "",
            landlord_id_number=self.landlord_id.text() if outside else "",
            lease_start=date_of(self.lease_start), lease_end=self.lease_end.value(),
            rent_use=self.rent_use.currentData(), rooms=self.rooms.value() or None,
            tenant_count=self.tenant_count.value(), letter_signed=self.letter.check.isChecked(),
            letter_signed_on=self.letter.value(), notes=self.notes.toPlainText(),
            version=self.version)

    def save(self, session):
        data = self.data()
        if self.tenancy:
            saved = rentals.update_tenancy(session, self.tenancy.id, data, today=self.ctx.today())
        else:
            saved = rentals.create_tenancy(session, data, today=self.ctx.today())
        household_id = saved.tenancy.household_id
        return household_id


class EndTenancyDialog(FormDialog):
    """End the lease in force (退租): its tenants still living there move out the same day."""

    changes = Change.RENTALS

    def __init__(self, ctx: AppContext, tenancy: Tenancy, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("End lease"), parent)
        self.ctx, self.tenancy = ctx, tenancy
        self.version = tenancy.version  # someone else's save meanwhile is a conflict to settle
        self.on = date_edit(min(ctx.today(), tenancy.lease_end or ctx.today()), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. 租期届满退租、房东收回自住"))
        self.add_row(self.tr("Ended on"), self.on, "ended_on")
        self.add_row(self.tr("Reason"), self.reason)

    def save(self, session):
        rentals.end_tenancy(session, self.tenancy.id, on=date_of(self.on), reason=self.reason.text(),
                            today=self.ctx.today(), expected_version=self.version)
        return self.tenancy.household_id


class TenantDialog(FormDialog):
    """Add a tenant to a flat (a new person, or a resident already registered there), or edit one's details."""

    changes = (Change.RENTALS, Change.HOUSEHOLDS)

    NEW = 0

    def __init__(self, ctx: AppContext, household_id: int, parent: QWidget | None = None, *,
                 tenant: Tenant | None = None):
        super().__init__(ctx, self.tr("Edit tenant") if tenant else self.tr("Add tenant"), parent)
        self.ctx, self.household_id, self.tenant = ctx, household_id, tenant
        self.version = tenant.version if tenant else None  # someone else's save meanwhile is a conflict to settle
        self.who = QComboBox(self)
        self.name, self.id_number, self.phone = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.gender = choice_box(Gender, self)
        self.status = choice_box(ResidenceStatus, self, ResidenceStatus.MIGRANT,
                                 only=(ResidenceStatus.MIGRANT, ResidenceStatus.RESIDENT))
        self.arrived = date_edit(tenant.arrived_on if tenant else ctx.today(), self)
        self.from_place, self.workplace = QLineEdit(self), QLineEdit(self)
        self.from_place.setPlaceholderText(self.tr("Province and city, e.g. 河南省周口市"))
        self.permit = QLineEdit(self)
        self.permit.setPlaceholderText(self.tr("Residence permit number (often the ID number)"))
        self.expires = OptionalDate(self.tr("Valid until"), tenant.permit_expires if tenant else None,
                                    ctx.today().replace(year=ctx.today().year + 1), self)
        if tenant is None:
            self.who.addItem(self.tr("A new person"), self.NEW)
            with ctx.read() as session:
                registered = set(session.exec(select(Tenant.resident_id).where(Tenant.household_id == household_id)))
                for person in session.exec(select(Resident).where(Resident.household_id == household_id)):
                    if person.id not in registered and person.residence_status != ResidenceStatus.REGISTERED:
                        self.who.addItem(self.tr("{0} (already a resident here)").format(person.name), person.id)
            self.add_row(self.tr("Tenant"), self.who)
            self.add_row(self.tr("Name"), self.name, "name")
            self.add_row(self.tr("ID number"), self.id_number, "id_number")
            self.add_row(self.tr("Gender"), self.gender, "gender")
            self.add_row(self.tr("Phone"), self.phone, "phone")
            self.add_row(self.tr("Residence status"), self.status, "residence_status")
            self.who.currentIndexChanged.connect(self._who_changed)
        else:
            self.from_place.setText(tenant.from_place)
            self.workplace.setText(tenant.workplace)
            self.permit.setText(tenant.permit_number)
        self.add_row(self.tr("Arrived on"), self.arrived, "arrived_on")
        self.add_row(self.tr("From"), self.from_place, "from_place")
        self.add_row(self.tr("Workplace"), self.workplace, "workplace")
        self.add_row(self.tr("Permit number"), self.permit, "permit_number")
        self.add_row(self.tr("Permit expires"), self.expires, "permit_expires")

    def _who_changed(self, _index: int) -> None:
        new = self.who.currentData() == self.NEW
        for widget in (self.name, self.id_number, self.gender, self.phone, self.status):
            widget.setEnabled(new)

    def details(self) -> TenantInput:
        return TenantInput(arrived_on=date_of(self.arrived), from_place=self.from_place.text(),
                           workplace=self.workplace.text(), permit_number=self.permit.text(),
                           permit_expires=self.expires.value(), version=self.version)

    def save(self, session):
        details, today = self.details(), self.ctx.today()
        if self.tenant:
            saved = tenants.update_tenant(session, self.tenant.id, details, today=today)
        elif self.who.currentData() == self.NEW:
            person = ResidentInput(name=self.name.text(), id_number=self.id_number.text(),
                                   gender=self.gender.currentData() if not self.id_number.text().strip() else None,
                                   phone=self.phone.text(), relation=tenants.DEFAULT_RELATION,
                                   residence_status=self.status.currentData())
            saved = tenants.add_tenant(session, self.household_id, person, details, today=today)
        else:
            saved = tenants.register_tenant(session, self.who.currentData(), details, today=today)
        tenant_id = saved.id
        return tenant_id


class MoveOutDialog(FormDialog):
    """A tenant has moved out: they leave the flat's residents; the registration stays for the ledgers."""

    changes = (Change.RENTALS, Change.HOUSEHOLDS)

    def __init__(self, ctx: AppContext, tenant: Tenant, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Tenant moved out: {0}").format(tenant.name), parent)
        self.ctx, self.tenant = ctx, tenant
        self.version = tenant.version  # someone else's save meanwhile is a conflict to settle
        self.on = date_edit(ctx.today(), self)
        self.add_row(self.tr("Moved out on"), self.on, "moved_out_on")

    def save(self, session):
        tenants.move_out(session, self.tenant.id, on=date_of(self.on), today=self.ctx.today(),
                         expected_version=self.version)
        return self.tenant.household_id


class RentalRulesDialog(FormDialog):
    """The community's rules for this register: when a flat counts as a possible group rental, how soon
    Today warns of a lease ending or a permit expiring, how long a tenant may stay before a permit is due.
    Settings are community-wide: an administrator changes them (a steward is told so)."""

    changes = (Change.SETTINGS, Change.RENTALS)  # Today and the section recount with the new rules

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Rented-housing rules"), parent)
        with ctx.read() as session:
            rules = rental_rules(session)
        self.per_room, self.per_flat = QSpinBox(self), QSpinBox(self)
        self.notice_days, self.grace_days = QSpinBox(self), QSpinBox(self)
        for box, value, low, high in ((self.per_room, rules.group.persons_per_room, 0, 99),
                                      (self.per_flat, rules.group.persons_per_flat, 0, 99),
                                      (self.notice_days, rules.notice_days, 1, 366),
                                      (self.grace_days, rules.arrival_grace_days, 1, 366)):
            box.setRange(low, high)
            box.setValue(value)
        self.per_room.setSpecialValueText(self.tr("no limit"))
        self.per_flat.setSpecialValueText(self.tr("no limit"))
        self.add_row(self.tr("People per room let (群租 above this)"), self.per_room, "persons_per_room")
        self.add_row(self.tr("People per flat"), self.per_flat, "persons_per_flat")
        self.add_row(self.tr("Warn of lease ends and permit expiries (days ahead)"), self.notice_days, "notice_days")
        self.add_row(self.tr("Residence permit expected after (days here)"), self.grace_days, "arrival_grace_days")

    def save(self, session):
        rules = RentalRules.from_dict({"persons_per_room": self.per_room.value(),
                                       "persons_per_flat": self.per_flat.value(),
                                       "notice_days": self.notice_days.value(),
                                       "arrival_grace_days": self.grace_days.value()})
        set_rental_rules(session, rules)
        return rules
