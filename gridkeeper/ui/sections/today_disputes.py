"""Today's dispute lines: open disputes with no mediation session for N days, and follow-ups due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from gridkeeper.services import dispute_lists
from gridkeeper.services.scope import Scope
from gridkeeper.storage.dispute_models import Dispute


@dataclass
class DisputeDueRow:
    dispute: Dispute
    parties: str
    stale: bool  # True: no session for `days` days; False: the follow-up is `days` late (0: due today)
    days: int


def disputes_due(session: Session, *, today: date, scope: Scope) -> list[DisputeDueRow]:
    """Stale disputes (quietest first), then follow-ups due (most overdue first): two indexed queries."""
    stale = dispute_lists.stale(session, today=today, scope=scope)
    due = dispute_lists.follow_ups_due(session, today=today, scope=scope)
    lines = dispute_lists.rows(session, [*stale, *due])
    return [DisputeDueRow(line.dispute, line.parties_text, n < len(stale),
                          (today - (line.dispute.last_step_on if n < len(stale) else line.dispute.follow_up_due)).days)
            for n, line in enumerate(lines)]
