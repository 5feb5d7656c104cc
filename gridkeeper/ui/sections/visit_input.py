"""What the quick-entry form and the edit dialog both make of their fields: the visitor, and the checked
VisitInput (the same checks and the same construction, written once)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gridkeeper.domain.enums import VisitorKind
from gridkeeper.services.visitors import VisitorChoice
from gridkeeper.services.visits import VisitInput
from gridkeeper.storage.models import Visit
from gridkeeper.ui.widgets.forms import date_of, required


def visitor_display(choice: VisitorChoice) -> str:
    """How a visitor reads in the drop-down: 李晓燕（网格员）."""
    return f"{choice.name}（{choice.role}）" if choice.role else choice.name


def visitor_input(text: str, choices: list[VisitorChoice], own: Visit | None = None) -> dict:
    """Who visited: a listed person with their role, `own` visit's visitor unchanged, or a typed name."""
    text = text.strip()
    for choice in choices:
        if text in (visitor_display(choice), choice.name):
            return dict(visitor_name=choice.name, visitor_kind=choice.kind, leader_id=choice.leader_id,
                        member_id=choice.member_id)
    if own is not None and text == own.visitor_name:
        return dict(visitor_name=text, visitor_kind=own.visitor_kind, leader_id=own.leader_id,
                    member_id=own.member_id)
    return dict(visitor_name=text, visitor_kind=VisitorKind.STEWARD)


def entered_visit(fields, choices: list[VisitorChoice], own: Visit | None = None) -> VisitInput:
    """The visit `fields` (a form or dialog with picker, visited_on, visitor, kind, anyone_home and findings)
    hold; ValidationFailed, shown next to the fields, without a household or a visitor."""
    if not fields.picker.household_id:
        raise required("household_id", QCoreApplication.translate("VisitForm", "Choose the household that was visited"))
    if not fields.visitor.currentText().strip():
        raise required("visitor_name", QCoreApplication.translate("VisitForm", "Who visited?"))
    return VisitInput(household_id=fields.picker.household_id, visited_on=date_of(fields.visited_on),
                      kind=fields.kind.currentData(), anyone_home=fields.anyone_home.isChecked(),
                      findings=fields.findings.text().strip(),
                      **visitor_input(fields.visitor.currentText(), choices, own))
