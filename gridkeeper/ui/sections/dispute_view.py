"""One dispute on screen: parties, mediation sessions, outcome and follow-up, history, and the next steps."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from gridkeeper.domain.dispute_flow import (FOLLOW_UP_STATUSES, OPEN_DISPUTE_STATUSES, DisputeKind, DisputeOutcome,
                                            DisputeRisk, DisputeSource, DisputeStatus, allowed_next)
from gridkeeper.domain.enums import label_of
from gridkeeper.services import dispute_lists, disputes
from gridkeeper.storage.dispute_models import Dispute
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.operations import perform
from gridkeeper.ui.sections.dispute_dialogs import (EditDisputeDialog, FollowUpDialog, OutcomeDialog, PartyDialog,
                                                    ReasonDialog, RemovePartyDialog, SessionDialog)
from gridkeeper.ui.widgets.step_detail import local_time
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.table_model import Column, RowsModel

S = DisputeStatus


def small_table(model: RowsModel, parent: QWidget, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class DisputeView(QWidget):
    """The chosen dispute: what, who, each session, the outcome, the follow-up and every step so far."""

    changed = Signal(int)  # the dispute id, after a step was taken here
    open_household = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dispute: Dispute | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.party_model = RowsModel([
            Column(self.tr("Party"), lambda p: p.name),
            Column(self.tr("Phone"), lambda p: p.phone),  # the steward calls the parties: printed ledgers mask it
            Column(self.tr("Address / from"), lambda p: p.address, tooltip=lambda p: p.address),
        ], self)
        self.session_model = RowsModel([
            Column(self.tr("Held on"), lambda s: s.held_on.isoformat()),
            Column(self.tr("Mediators"), lambda s: s.mediators),
            Column(self.tr("Agreed"), lambda s: s.agreed, tooltip=lambda s: s.agreed),
        ], self)
        self.history_model = RowsModel([
            Column(self.tr("When"), lambda h: local_time(h.at)),
            Column(self.tr("Of"), lambda h: self.tr("request") if h.of_request else self.tr("dispute")),
            Column(self.tr("Step"), lambda h: h.to_label),
            Column(self.tr("Note"), lambda h: h.note, tooltip=lambda h: h.note),
            Column(self.tr("By"), lambda h: h.actor),
        ], self)
        self.party_view = small_table(self.party_model, self, 2)
        self.session_view = small_table(self.session_model, self, 2)
        self.history_view = small_table(self.history_model, self, 3)
        self.party_view.selectionModel().selectionChanged.connect(lambda *_a: self._enable_removal())
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("session", self.tr("Mediation session…")), ("outcome", self.tr("Outcome…")),
                          ("follow_up", self.tr("Follow-up…")), ("close", self.tr("Close…")),
                          ("reopen", self.tr("Mediate again…")), ("party", self.tr("Add party…")),
                          ("remove_party", self.tr("Remove party…")),
                          ("edit", self.tr("Edit…")), ("delete", self.tr("Delete…")), ("household", self.tr("Open household"))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, k=key: self.act(k))
            self.buttons[key] = button
        self._layout()
        self.show_dispute(None)

    def _layout(self) -> None:
        row = QHBoxLayout()
        for key in ("session", "outcome", "follow_up", "close", "reopen", "party", "remove_party", "edit", "delete"):
            row.addWidget(self.buttons[key])
        row.addStretch(1)
        row.addWidget(self.buttons["household"])
        boxes = QSplitter(Qt.Orientation.Horizontal, self)
        for title, view in ((self.tr("Parties"), self.party_view), (self.tr("Mediation sessions"), self.session_view),
                            (self.tr("History"), self.history_view)):
            box = QGroupBox(title, boxes)
            QVBoxLayout(box).addWidget(view)
            boxes.addWidget(box)
        boxes.setStretchFactor(0, 2)
        boxes.setStretchFactor(1, 3)
        boxes.setStretchFactor(2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(boxes, 1)

    def show_dispute(self, dispute_id: int | None) -> None:
        with self.ctx.read() as session:
            dispute = session.get(Dispute, dispute_id) if dispute_id else None
            parties = disputes.parties(session, dispute.id) if dispute else []
            sessions = disputes.sessions(session, dispute.id) if dispute else []
            history = dispute_lists.history(session, dispute) if dispute else []
        self.dispute = dispute
        self.party_model.set_rows(parties)
        self.session_model.set_rows(sessions)
        self.history_model.set_rows(history)
        self._enable(dispute)
        self.summary.setText(self.summary_html(dispute) if dispute else
                             self.tr("Choose a dispute in the list to see its parties, sessions and history."))

    def _enable(self, dispute: Dispute | None) -> None:
        status = S(dispute.status) if dispute else None
        allowed = allowed_next(status) if status else frozenset()
        writable = dispute is not None and not self.ctx.read_only
        self.buttons["session"].setEnabled(writable and status in OPEN_DISPUTE_STATUSES)
        self.buttons["outcome"].setEnabled(writable and status in OPEN_DISPUTE_STATUSES)
        self.buttons["follow_up"].setEnabled(writable and status in FOLLOW_UP_STATUSES)
        self.buttons["close"].setEnabled(writable and status == S.REGISTERED)
        self.buttons["reopen"].setEnabled(writable and status not in OPEN_DISPUTE_STATUSES and S.MEDIATING in allowed)
        self.buttons["party"].setEnabled(writable)
        self._enable_removal()
        self.buttons["remove_party"].setToolTip(self.tr("Take the party chosen in the list off this dispute "
                                                        "(a dispute keeps at least one party)"))
        self.buttons["edit"].setEnabled(writable)
        self.buttons["delete"].setEnabled(writable and status == S.REGISTERED and not dispute.source_request_id
                                          and not self.session_model.rowCount())
        self.buttons["delete"].setToolTip(self.tr("Only a dispute nobody has mediated yet goes to the recycle bin; "
                                                  "a mediated one stays in the register and is closed instead"))
        self.buttons["household"].setEnabled(bool(dispute and dispute.household_id))

    def _enable_removal(self) -> None:
        """Remove party: a party chosen in the list, and another one left after it goes."""
        self.buttons["remove_party"].setEnabled(self.dispute is not None and not self.ctx.read_only
                                                and self.party_model.rowCount() > 1 and self.chosen_party() is not None)

    def summary_html(self, d: Dispute) -> str:
        esc = html.escape
        lines = [f"<b>{esc(d.subject)}</b>　{label_of(DisputeKind, d.kind)} · "
                 + self.tr("risk {0}").format(label_of(DisputeRisk, d.risk)) + f" · {label_of(S, d.status)}",
                 self.tr("Found {0} by {1} ({2})").format(d.found_on, esc(d.found_by) or "—",
                                                          label_of(DisputeSource, d.source))]
        if d.details:
            lines.append(esc(d.details))
        if d.outcome:
            outcome = label_of(DisputeOutcome, d.outcome) + (f"：{esc(d.referred_to)}" if d.referred_to else "")
            lines.append(self.tr("Outcome {0}: {1}").format(d.outcome_on, outcome)
                         + (f"（{esc(d.outcome_note)}）" if d.outcome_note else ""))
        if d.followed_up_on:
            held = self.tr("held") if d.follow_up_held else self.tr("did not hold")
            lines.append(self.tr("Followed up {0}: {1}").format(d.followed_up_on, held))
        elif d.follow_up_due:
            late = d.follow_up_due < self.ctx.today()
            text = self.tr("Follow-up due {0}").format(d.follow_up_due)
            lines.append(f"<span style='color:#c62828'>{text}</span>" if late else text)
        if d.closed_on:
            lines.append(self.tr("Closed {0}").format(d.closed_on))
        return "<br>".join(lines)

    def dialog_for(self, key: str):
        """The dialog a step button opens (tests fill and accept it through forms.run_dialog)."""
        d = self.dispute
        return {"session": lambda: SessionDialog(self.ctx, d, self), "outcome": lambda: OutcomeDialog(self.ctx, d, self),
                "follow_up": lambda: FollowUpDialog(self.ctx, d, self),
                "close": lambda: ReasonDialog(self.ctx, d, reopen=False, parent=self),
                "reopen": lambda: ReasonDialog(self.ctx, d, reopen=True, parent=self),
                "party": lambda: PartyDialog(self.ctx, d.id, self),
                "remove_party": lambda: RemovePartyDialog(self.ctx, d, self.chosen_party(), self),
                "edit": lambda: EditDisputeDialog(self.ctx, d, self)}[key]()

    def chosen_party(self):
        rows = self.party_view.selectionModel().selectedRows()
        return self.party_model.row_at(rows[0].row()) if rows else None

    def act(self, key: str) -> bool:
        """Take a step on the shown dispute; True when something was saved."""
        if self.dispute is None:
            return False
        if key == "household":
            self.open_household.emit(self.dispute.household_id)
            return False
        if key == "delete":
            return self.delete()
        if key == "remove_party" and self.chosen_party() is None:
            return False
        dispute_id = self.dispute.id
        dialog = self.dialog_for(key)
        done = forms.accepted(dialog)
        if done:
            self.show_dispute(dispute_id)
            self.changed.emit(dispute_id)
        return done


    def delete(self) -> bool:
        """Into the recycle bin, after asking (a dispute registered by mistake)."""
        from gridkeeper.services.dispute_trash import delete_dispute

        dispute = self.dispute
        if not forms.confirm(self, self.tr("Move dispute #{0} ({1}) to the recycle bin?").format(dispute.id,
                                                                                                 dispute.subject)):
            return False
        # a mediated dispute is refused with the reason, a full disk said plainly: nothing deleted
        if perform(self, self.ctx, lambda session: delete_dispute(session, dispute.id),
                   changes=Change.DISPUTES) is None:
            return False
        self.show_dispute(None)
        self.changed.emit(dispute.id)
        return True


class DisputeWindow(QDialog):
    """A dispute in a window of its own (double-click in the list, or from Today)."""

    def __init__(self, ctx: AppContext, dispute_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = DisputeView(ctx, self)
        self.view.show_dispute(dispute_id)
        self.setWindowTitle(self.tr("Dispute #{0}").format(dispute_id))
        self.resize(1000, 620)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
