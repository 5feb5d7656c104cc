"""What a dispute looked like at the end of a past day (a past month's ledger): its status, risk, outcome,
follow-up and closing as they stood then, read back from its history (each step keeps the day it happened, `step_on`), not
today's values — a dispute mediated in October and closed in November reads 调解成功 · 应回访 in October's
ledger and 已结案 in November's; an agreement that did not hold and was mediated again still reads 调解成功
for the month it was reached."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from gridkeeper.domain.dispute_flow import FOLLOW_UP_STATUSES, DisputeOutcome, DisputeRisk, DisputeStatus
from gridkeeper.services.disputes import FOLLOW_UP_FAILED, FOLLOW_UP_HELD, RISK_CHANGED, follow_up_days
from gridkeeper.storage.dispute_models import Dispute, DisputeEvent
from gridkeeper.storage.portable_sql import one_of

S = DisputeStatus


@dataclass(frozen=True)
class DisputeState:
    """A dispute's standing on a day: what a ledger prints in 调解结果, 结案日期 and 回访情况."""

    status: DisputeStatus
    risk: DisputeRisk = DisputeRisk.LOW
    outcome: DisputeOutcome | None = None
    outcome_on: date | None = None
    referred_to: str = ""
    outcome_note: str = ""
    follow_up_due: date | None = None
    followed_up_on: date | None = None
    follow_up_held: bool | None = None
    closed_on: date | None = None

    @classmethod
    def of(cls, dispute: Dispute) -> DisputeState:
        """As the dispute stands now."""
        return cls(S(dispute.status), DisputeRisk(dispute.risk),
                   DisputeOutcome(dispute.outcome) if dispute.outcome else None, dispute.outcome_on,
                   dispute.referred_to, dispute.outcome_note, dispute.follow_up_due, dispute.followed_up_on,
                   dispute.follow_up_held, dispute.closed_on)


def step_day(event: DisputeEvent) -> date:
    """The day a step happened: as given (`step_on`), else the local day it was recorded (older rows)."""
    if event.step_on:
        return event.step_on
    at = event.at.astimezone() if isinstance(event.at, datetime) and event.at.tzinfo else event.at
    return at.date()


def _outcome_parts(dispute: Dispute, event: DisputeEvent, outcome: DisputeOutcome) -> tuple[str, str]:
    """(referred_to, note) of an outcome step: the dispute's own fields when it is still today's outcome, else
    read from the step's note (转交相关部门：街道综治中心（…） / 未成功（…）)."""
    if dispute.outcome == outcome and dispute.outcome_on == step_day(event):
        return dispute.referred_to, dispute.outcome_note
    rest = event.note[len(outcome.label):]
    referred, _, note = rest.partition("（")
    return (referred.lstrip("：") if outcome == DisputeOutcome.REFERRED else ""), note.rstrip("）")


def replay(dispute: Dispute, events: list[DisputeEvent], day: date, follow_up_after: int) -> DisputeState | None:
    """The dispute as it stood at the end of `day` from its steps in the order they were recorded (those that
    happened after `day` left out); None when it was not registered yet."""
    state: dict = {}
    risk = DisputeRisk(dispute.risk)
    for event in reversed(events):  # the risk then: what the first correction after that day changed it from
        if step_day(event) > day and event.note.startswith(RISK_CHANGED):
            before = event.note[len(RISK_CHANGED):].split(" → ")[0]
            risk = next((r for r in DisputeRisk if r.label == before), risk)
    for event in events:
        on = step_day(event)
        if on > day:
            continue
        status = S(event.to_status)
        if not state:
            state = dict(status=status, risk=risk)
        state["status"] = status
        if event.outcome:
            outcome = DisputeOutcome(event.outcome)
            referred, note = _outcome_parts(dispute, event, outcome)
            current = dispute.outcome == outcome and dispute.outcome_on == on and dispute.follow_up_due
            state.update(outcome=outcome, outcome_on=on, referred_to=referred, outcome_note=note,
                         followed_up_on=None, follow_up_held=None,
                         closed_on=on if status == S.CLOSED else None,
                         follow_up_due=None if status == S.CLOSED else
                         (dispute.follow_up_due if current else on + timedelta(days=follow_up_after)))
        elif event.from_status in FOLLOW_UP_STATUSES and event.note.startswith((FOLLOW_UP_HELD, FOLLOW_UP_FAILED)):
            held = event.note.startswith(FOLLOW_UP_HELD)
            state.update(followed_up_on=on, follow_up_held=held, closed_on=on if held else None)
            if not held:  # mediated again: the agreement is no longer the outcome
                state.update(outcome=None, outcome_on=None, referred_to="", outcome_note="", follow_up_due=None)
        elif status == S.MEDIATING and event.from_status not in (None, S.REGISTERED, S.MEDIATING):  # reopened
            state.update(outcome=None, outcome_on=None, referred_to="", outcome_note="", follow_up_due=None,
                         closed_on=None)
        elif status == S.CLOSED and event.from_status != S.CLOSED:  # closed without the usual steps
            state.update(closed_on=on, follow_up_due=None)
    return DisputeState(**state) if state else None


def states_on(session: Session, disputes: list[Dispute], day: date) -> dict[int, DisputeState]:
    """Dispute id → its state at the end of `day`, for a whole ledger at once (one query per 900 disputes)."""
    events: dict[int, list] = defaultdict(list)  # each a row with DisputeEvent's columns that replay reads
    ids = [d.id for d in disputes]
    for start in range(0, len(ids), 900):
        query = select(DisputeEvent.dispute_id, DisputeEvent.at, DisputeEvent.step_on, DisputeEvent.outcome,
                       DisputeEvent.from_status, DisputeEvent.to_status, DisputeEvent.note)  # rows, not entities
        query = query.where(one_of(DisputeEvent.dispute_id, ids[start:start + 900]))
        for event in session.exec(query.order_by(DisputeEvent.id)):
            events[event.dispute_id].append(event)
    after = follow_up_days(session)
    found = {}
    for dispute in disputes:
        state = replay(dispute, events.get(dispute.id, []), day, after)
        if state is None and dispute.found_on <= day:  # no history kept at all: found, nothing more known
            state = DisputeState(S.REGISTERED, DisputeRisk(dispute.risk))
        if state is not None:
            found[dispute.id] = state
    return found


__all__ = ["DisputeState", "replay", "states_on", "step_day"]
