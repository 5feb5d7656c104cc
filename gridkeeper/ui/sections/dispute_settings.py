"""Settings ▸ Dispute reminders: after how many quiet days a dispute stands out on Today, and how long after
an agreement its follow-up visit is due."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from gridkeeper.services import dispute_lists, disputes
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.forms import FormDialog


class DisputeSettingsDialog(FormDialog):
    changes = (Change.SETTINGS, Change.DISPUTES)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Dispute reminders"), parent)
        with ctx.read() as session:
            stale, follow_up = dispute_lists.stale_days(session), disputes.follow_up_days(session)
        note = QLabel(self.tr("Today lists open disputes with no mediation session for this many days, and "
                              "agreements whose follow-up visit is due."), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.stale = QSpinBox(self)
        self.stale.setRange(1, 365)
        self.stale.setValue(stale)
        self.stale.setSuffix(self.tr(" days"))
        self.follow_up = QSpinBox(self)
        self.follow_up.setRange(1, 180)
        self.follow_up.setValue(follow_up)
        self.follow_up.setSuffix(self.tr(" days"))
        self.add_row(self.tr("No session for"), self.stale, "stale_days")
        self.add_row(self.tr("Follow-up after the outcome"), self.follow_up, "follow_up_days")

    def save(self, session) -> bool:
        dispute_lists.set_stale_days(session, self.stale.value())
        disputes.set_follow_up_days(session, self.follow_up.value())
        return True


def edit_dispute_settings(parent: QWidget, ctx: AppContext) -> bool:
    """Open the dialog; True when the settings were saved."""
    dialog = DisputeSettingsDialog(ctx, parent)
    done = forms.accepted(dialog)
    return done
