"""Dialogs of the dispute register: register one (with its parties), a party, a session, the outcome, the
follow-up, closing or reopening, and turning a 邻里纠纷 request into a dispute."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPlainTextEdit, QPushButton, QRadioButton, QStackedWidget, QVBoxLayout, QWidget)
from sqlmodel import select

from gridkeeper.domain.dispute_flow import DisputeKind, DisputeOutcome, DisputeRisk, DisputeSource
from gridkeeper.domain.fields import item_field
from gridkeeper.services import dispute_requests, disputes
from gridkeeper.services.disputes import DisputeInput, PartyInput
from gridkeeper.storage.dispute_models import Dispute, DisputeParty
from gridkeeper.storage.models import Grid, Resident, ResidentRequest, Visit
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.widgets.forms import FormDialog, date_of, past_date_edit, required
from gridkeeper.ui.widgets.household_picker import HouseholdPicker

def choice_box(enum, parent: QWidget, current=None) -> QComboBox:
    """A combo of an enum's Chinese labels, its codes as data."""
    box = QComboBox(parent)
    for member in enum:
        box.addItem(member.label, member.value)
    if current is not None:
        box.setCurrentIndex(box.findData(str(current)))
    return box


def text_box(parent: QWidget, placeholder: str, height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    return box


class PartyPicker(QWidget):
    """Who a party is: a resident of the community (household, then the person or the whole household),
    or someone from outside (name, phone, ID number, where they are from)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.resident_mode = QRadioButton(self.tr("Resident of the community"), self)
        self.outside_mode = QRadioButton(self.tr("Someone from outside"), self)
        self.resident_mode.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.resident_mode)
        modes.addButton(self.outside_mode)
        self.stack = QStackedWidget(self)
        inside = QWidget(self.stack)
        self.picker = HouseholdPicker(ctx, inside)
        self.person = QComboBox(inside)
        self.picker.household_changed.connect(self._household_chosen)
        inner = QVBoxLayout(inside)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.picker)
        inner.addWidget(self.person)
        outside = QWidget(self.stack)
        self.name, self.phone = QLineEdit(outside), QLineEdit(outside)
        self.id_number, self.address = QLineEdit(outside), QLineEdit(outside)
        self.name.setPlaceholderText(self.tr("Name (and role, e.g. 刘强（装修队负责人）)"))
        self.phone.setPlaceholderText(self.tr("Phone"))
        self.id_number.setPlaceholderText(self.tr("ID number (optional)"))
        self.address.setPlaceholderText(self.tr("Where from / work unit (optional)"))
        outer_rows = QVBoxLayout(outside)
        outer_rows.setContentsMargins(0, 0, 0, 0)
        for edit in (self.name, self.phone, self.id_number, self.address):
            outer_rows.addWidget(edit)
        self.stack.addWidget(inside)
        self.stack.addWidget(outside)
        self.outside_mode.toggled.connect(lambda on: self.stack.setCurrentIndex(1 if on else 0))
        row = QHBoxLayout()
        row.addWidget(self.resident_mode)
        row.addWidget(self.outside_mode)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.stack)
        self._household_chosen(0)

    def _household_chosen(self, household_id: int) -> None:
        self.person.clear()
        if not household_id:
            self.person.addItem(self.tr("(choose a household first)"), None)
            return
        with self.ctx.read() as session:
            people = session.exec(select(Resident).where(Resident.household_id == household_id)
                                  .order_by(Resident.is_head.desc(), Resident.id)).all()
        for person in people:
            self.person.addItem(person.name, person.id)
        self.person.addItem(self.tr("The whole household"), 0)

    def party(self) -> PartyInput | None:
        """What was chosen (None when nothing is)."""
        if self.outside_mode.isChecked():
            if not self.name.text().strip():
                return None
            return PartyInput(name=self.name.text(), phone=self.phone.text(), id_number=self.id_number.text(),
                              address=self.address.text())
        if not self.picker.household_id:
            return None
        resident_id = self.person.currentData()
        return PartyInput(resident_id=resident_id) if resident_id else PartyInput(household_id=self.picker.household_id)

    def label(self) -> str:
        if self.outside_mode.isChecked():
            return self.tr("{0} (from outside)").format(self.name.text().strip())
        who = self.person.currentText() if self.person.currentData() else self.tr("whole household")
        return f"{who}　{self.picker.chosen_text.split('　')[-1]}"

    def clear(self) -> None:
        self.picker.clear()
        for edit in (self.name, self.phone, self.id_number, self.address):
            edit.clear()


class NewDisputeDialog(FormDialog):
    """Register a dispute: what it is about, its parties, kind, risk, how and when it was found."""

    changes = Change.DISPUTES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, visit: Visit | None = None):
        super().__init__(ctx, self.tr("New dispute"), parent)
        self.ctx = ctx
        self.source_visit_id = visit.id if visit else None
        self.parties: list[PartyInput] = []
        self.subject = QLineEdit(self)
        self.subject.setPlaceholderText(self.tr("What the dispute is about, in one line"))
        self.kind = choice_box(DisputeKind, self)
        self.risk = choice_box(DisputeRisk, self)
        self.source = choice_box(DisputeSource, self, DisputeSource.VISIT)
        self.source.removeItem(self.source.findData(DisputeSource.REQUEST.value))  # that road is 转为矛盾纠纷
        self.found_on = past_date_edit(ctx.today(), self)
        self.found_by = QLineEdit(ctx.user, self)
        self.details = text_box(self, self.tr("What happened, what each side says (optional)"))
        self.party_list = QListWidget(self)
        self.party_list.setMaximumHeight(80)
        self.picker = PartyPicker(ctx, self)
        self.add_party_button = QPushButton(self.tr("Add this party"), self)
        self.add_party_button.clicked.connect(self.add_chosen_party)
        self.grid = QComboBox(self)
        self.grid.addItem(self.tr("The grid of the first party's household"), None)
        with ctx.read() as session:
            for grid in session.exec(select(Grid).order_by(Grid.code)):
                self.grid.addItem(f"{grid.code} {grid.name}", grid.id)
        if ctx.scope.grid_id:
            self.grid.setCurrentIndex(self.grid.findData(ctx.scope.grid_id))
        self.add_row(self.tr("Subject"), self.subject, "subject")
        self.add_row(self.tr("Parties"), self.party_list, "parties")
        self.add_row("", self.picker)
        self.add_row("", self.add_party_button)
        self.add_row(self.tr("Kind"), self.kind, "kind")
        self.add_row(self.tr("Risk"), self.risk, "risk")
        self.add_row(self.tr("Found through"), self.source, "source")
        self.add_row(self.tr("Found on"), self.found_on, "found_on")
        self.add_row(self.tr("Found by"), self.found_by)
        self.add_row(self.tr("Grid"), self.grid, "grid_id")
        self.add_row(self.tr("Details"), self.details)
        if visit is not None:
            self._from_visit(visit)

    def _from_visit(self, visit: Visit) -> None:
        """Found on a visit: its household is the first party, its date and visitor are when and by whom."""
        self.subject.setText(visit.findings)
        self.source.setCurrentIndex(self.source.findData(DisputeSource.VISIT.value))
        self.source.setEnabled(False)
        self.found_on.setDate(QDate(visit.visited_on.year, visit.visited_on.month, visit.visited_on.day))
        self.found_by.setText(visit.visitor_name or self.ctx.user)
        self.picker.picker.set_household(visit.household_id)
        self.add_chosen_party()

    def add_chosen_party(self) -> bool:
        party = self.picker.party()
        if party is None:
            return False
        self.parties.append(party)
        self.party_list.addItem(self.picker.label())
        self.picker.clear()
        return True

    def save(self, session) -> Dispute:
        self.add_chosen_party()  # a party chosen but not yet added counts: nothing typed is lost
        data = DisputeInput(subject=self.subject.text(), parties=list(self.parties), kind=self.kind.currentData(),
                            risk=self.risk.currentData(), source=self.source.currentData(),
                            found_on=date_of(self.found_on), found_by=self.found_by.text(),
                            details=self.details.toPlainText(), grid_id=self.grid.currentData(),
                            source_visit_id=self.source_visit_id)
        dispute = disputes.create_dispute(session, data, today=self.ctx.today(), actor=self.ctx.user)
        return dispute


class EditDisputeDialog(FormDialog):
    """Correct what a dispute is about, its kind, its risk (it rose after a quarrel) and the details."""

    changes = Change.DISPUTES

    def __init__(self, ctx: AppContext, dispute: Dispute, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Dispute #{0}: edit").format(dispute.id), parent)
        self.ctx, self.dispute = ctx, dispute
        self.version = dispute.version  # someone else's save meanwhile is a conflict to settle
        self.subject = QLineEdit(dispute.subject, self)
        self.kind = choice_box(DisputeKind, self, dispute.kind)
        self.risk = choice_box(DisputeRisk, self, dispute.risk)
        self.details = text_box(self, self.tr("What happened, what each side says (optional)"))
        self.details.setPlainText(dispute.details)
        self.add_row(self.tr("Subject"), self.subject, "subject")
        self.add_row(self.tr("Kind"), self.kind, "kind")
        self.add_row(self.tr("Risk"), self.risk, "risk")
        self.add_row(self.tr("Details"), self.details)

    def save(self, session) -> Dispute:
        return disputes.update_dispute(session, self.dispute.id, subject=self.subject.text(),
                                       kind=self.kind.currentData(), risk=self.risk.currentData(),
                                       details=self.details.toPlainText(),
                                       expected_version=self.version, actor=self.ctx.user,
                                       today=self.ctx.today())

    def take_theirs(self, conflict) -> None:
        """Use their version: the dialog stays open and shows the dispute as saved now."""
        with self.ctx.read() as session:
            self.dispute = session.get(Dispute, self.dispute.id)
        self.version = self.dispute.version
        self.subject.setText(self.dispute.subject)
        for box, value in ((self.kind, self.dispute.kind), (self.risk, self.dispute.risk)):
            box.setCurrentIndex(max(0, box.findData(str(value))))
        self.details.setPlainText(self.dispute.details)


class PartyDialog(FormDialog):
    """Add a party to a dispute already registered."""

    changes = Change.DISPUTES

    def __init__(self, ctx: AppContext, dispute_id: int, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Add a party"), parent)
        self.ctx, self.dispute_id = ctx, dispute_id
        self.picker = PartyPicker(ctx, self)
        self.add_row(self.tr("Party"), self.picker, "parties")

    def save(self, session):
        party = self.picker.party()
        if party is None:
            raise required("parties", self.tr("Choose a resident or household, or type the name"))
        added = disputes.add_party(session, self.dispute_id, party, today=self.ctx.today(), actor=self.ctx.user)
        return added


class RemovePartyDialog(FormDialog):
    """Take a party off a dispute (added by mistake, or not part of it after all); the dispute keeps at least
    one party and its history says who was removed, and why when given."""

    changes = Change.DISPUTES

    def __init__(self, ctx: AppContext, dispute: Dispute, party: DisputeParty, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Dispute #{0}: remove a party").format(dispute.id), parent)
        self.ctx, self.dispute, self.party = ctx, dispute, party
        self.version = dispute.version  # a step someone else took meanwhile is a conflict to settle
        who = QLabel(" ".join(p for p in (party.name, party.address) if p), self)
        who.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Optional: why, e.g. 登记错了、与本纠纷无关"))
        self.add_row(self.tr("Party"), who, "parties")
        self.add_row(self.tr("Reason"), self.reason)

    def save(self, session):
        dispute = disputes.remove_party(session, self.party.id, reason=self.reason.text(), actor=self.ctx.user,
                                        expected_version=self.version)
        return dispute


class SessionDialog(FormDialog):
    """A mediation session: when, who mediated, what the parties agreed."""

    changes = Change.DISPUTES

    def __init__(self, ctx: AppContext, dispute: Dispute, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Dispute #{0}: mediation session").format(dispute.id), parent)
        self.ctx, self.dispute = ctx, dispute
        self.version = dispute.version  # a step someone else took meanwhile is a conflict to settle
        self.held_on = past_date_edit(ctx.today(), self)
        self.mediators = QLineEdit(ctx.user, self)
        self.mediators.setPlaceholderText(self.tr("Mediators, separated by 、"))
        self.agreed = text_box(self, self.tr("What the parties agreed (or where they still differ)"))
        self.notes = text_box(self, self.tr("Notes (optional)"), 40)
        self.add_row(self.tr("Held on"), self.held_on, "held_on")
        self.add_row(self.tr("Mediators"), self.mediators, "mediators")
        self.add_row(self.tr("Agreed"), self.agreed)
        self.add_row(self.tr("Notes"), self.notes)

    def save(self, session):
        record = disputes.add_session(session, self.dispute.id, held_on=date_of(self.held_on),
                                      mediators=self.mediators.text(), agreed=self.agreed.toPlainText(),
                                      notes=self.notes.toPlainText(), today=self.ctx.today(),
                                      actor=self.ctx.user)
        return record


class OutcomeDialog(FormDialog):
    """How mediation ended; a referral names the department, a failure what happens next."""

    changes = Change.DISPUTES

    def __init__(self, ctx: AppContext, dispute: Dispute, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Dispute #{0}: outcome").format(dispute.id), parent)
        self.ctx, self.dispute = ctx, dispute
        self.version = dispute.version  # a step someone else took meanwhile is a conflict to settle
        self.outcome = choice_box(DisputeOutcome, self)
        self.on = past_date_edit(ctx.today(), self)
        self.referred_to = QComboBox(self)
        self.referred_to.setEditable(True)
        self.referred_to.addItems(["", "街道综治中心", "司法所", "派出所", "劳动监察大队", "住建部门", "人民法院"])
        self.note = text_box(self, self.tr("Required when mediation failed: what happens next"), 50)
        self.add_row(self.tr("Outcome"), self.outcome, "outcome")
        self.add_row(self.tr("Date"), self.on, "outcome_on")
        self.add_row(self.tr("Referred to"), self.referred_to, "referred_to")
        self.add_row(self.tr("Note"), self.note, "outcome_note")
        self.outcome.currentIndexChanged.connect(self._follow_outcome)
        self._follow_outcome()

    def _follow_outcome(self) -> None:
        self.referred_to.setEnabled(self.outcome.currentData() == DisputeOutcome.REFERRED.value)

    def save(self, session):
        dispute = disputes.record_outcome(session, self.dispute.id, self.outcome.currentData(),
                                          on=date_of(self.on), referred_to=self.referred_to.currentText()
                                          if self.referred_to.isEnabled() else "",
                                          note=self.note.toPlainText(), today=self.ctx.today(),
                                          actor=self.ctx.user, expected_version=self.version)
        return dispute


class FollowUpDialog(FormDialog):
    """The follow-up visit: did the agreement hold (or did the department settle it)?"""

    changes = Change.DISPUTES

    def __init__(self, ctx: AppContext, dispute: Dispute, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Dispute #{0}: follow-up").format(dispute.id), parent)
        self.ctx, self.dispute = ctx, dispute
        self.version = dispute.version  # a step someone else took meanwhile is a conflict to settle
        self.on = past_date_edit(ctx.today(), self)
        self.held = QCheckBox(self.tr("The agreement held (the dispute is closed)"), self)
        self.held.setChecked(True)
        self.note = text_box(self, self.tr("What was found; required when it did not hold"), 50)
        self.add_row(self.tr("Visited on"), self.on, "followed_up_on")
        self.add_row("", self.held)
        self.add_row(self.tr("Note"), self.note, "follow_up_note")

    def save(self, session):
        dispute = disputes.record_follow_up(session, self.dispute.id, on=date_of(self.on),
                                            held=self.held.isChecked(), note=self.note.toPlainText(),
                                            today=self.ctx.today(), actor=self.ctx.user,
                                            expected_version=self.version)
        return dispute


class ReasonDialog(FormDialog):
    """Close a dispute without the usual steps, or reopen it: both say why."""

    changes = Change.DISPUTES

    def __init__(self, ctx: AppContext, dispute: Dispute, *, reopen: bool, parent: QWidget | None = None):
        title = self.tr("Dispute #{0}: mediate again") if reopen else self.tr("Dispute #{0}: close")
        super().__init__(ctx, title.format(dispute.id), parent)
        self.ctx, self.dispute, self.reopen = ctx, dispute, reopen
        self.version = dispute.version  # a step someone else took meanwhile is a conflict to settle
        self.on = past_date_edit(ctx.today(), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Required: why"))
        self.add_row(self.tr("Date"), self.on, "closed_on")
        self.add_row(self.tr("Reason"), self.reason, "reopen_reason" if reopen else "closing_reason")

    def save(self, session):
        if self.reopen:
            dispute = disputes.reopen_dispute(session, self.dispute.id, reason=self.reason.text(),
                                              on=date_of(self.on), actor=self.ctx.user,
                                              expected_version=self.version)
        else:
            dispute = disputes.close_dispute(session, self.dispute.id, on=date_of(self.on),
                                             reason=self.reason.text(), today=self.ctx.today(),
                                             actor=self.ctx.user, expected_version=self.version)
        return dispute


class FromRequestDialog(FormDialog):
    """转为矛盾纠纷: the request's resident is the first party; add the other side, the kind and the risk."""

    changes = (Change.DISPUTES, Change.REQUESTS)

    def __init__(self, ctx: AppContext, request: ResidentRequest, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Request #{0}: turn into a dispute").format(request.id), parent)
        self.ctx, self.request = ctx, request
        summary = QLabel(self.tr("The request is closed as handed to mediation; its history stays readable "
                                 "from the dispute.\n{0}").format(request.description), self)
        summary.setWordWrap(True)
        self.form.addRow(summary)
        self.kind = choice_box(DisputeKind, self)
        self.risk = choice_box(DisputeRisk, self)
        self.picker = PartyPicker(ctx, self)
        self.add_row(self.tr("Kind"), self.kind, "kind")
        self.add_row(self.tr("Risk"), self.risk, "risk")
        shown = self.add_row(self.tr("Other party (optional)"), self.picker, item_field("parties", 2))
        for field in ("phone", "id_number"):  # the other party typed in: its phone and ID show there too
            self.errors.add(item_field("parties", 2, field), shown)

    def save(self, session) -> Dispute:
        other = self.picker.party()
        dispute = dispute_requests.dispute_from_request(
            session, self.request.id, kind=self.kind.currentData(), risk=self.risk.currentData(),
            found_by=self.ctx.user, other_parties=[other] if other else [], today=self.ctx.today(),
            actor=self.ctx.user)
        return dispute
