"""Reading the dispute register: lists by status, Today's stale disputes and follow-ups due, a dispute's history."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, func, select

from gridkeeper.domain import dispute_flow as flow
from gridkeeper.domain.dispute_flow import DisputeStatus
from gridkeeper.domain.enums import RequestStatus, label_of
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.settings import get_setting, set_setting
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.dispute_models import Dispute, DisputeEvent, DisputeParty, MediationSession
from gridkeeper.storage.models import Grid, Household, RequestEvent
from gridkeeper.storage.portable_sql import one_of

STALE_DAYS_KEY = "dispute_stale_days"


@dataclass
class DisputeRow:
    """A dispute with what a list line shows about it."""

    dispute: Dispute
    grid_code: str
    party_names: list[str]
    sessions: int
    last_session_on: date | None

    @property
    def parties_text(self) -> str:
        return "、".join(self.party_names)


@dataclass
class DisputeDueRow:
    """A line of Today: a stale dispute (no session for `days` days) or a follow-up due (`days` late)."""

    dispute: Dispute
    parties: str
    stale: bool
    days: int


@dataclass
class HistoryLine:
    """One step in a dispute's history; `of_request` marks the steps of the request it came from."""

    at: datetime
    of_request: bool
    from_label: str
    to_label: str
    note: str
    actor: str


def stale_days(session: Session) -> int:
    """An open dispute with no mediation session for this many days stands out on Today (default 7)."""
    raw = get_setting(session, STALE_DAYS_KEY)
    return int(raw) if raw.isdigit() and int(raw) > 0 else flow.DEFAULT_STALE_DAYS


def set_stale_days(session: Session, days: int) -> None:
    if not 1 <= int(days) <= 365:
        raise ValidationFailed([ValueRuleError("stale_days", "应为1到365天")])
    set_setting(session, STALE_DAYS_KEY, str(int(days)))


def _scoped(session: Session, query, scope: Scope):
    """Disputes of the scope the one signed in may read: by the dispute's grid, or, for a compound,
    building or unit, by the household where it happened."""
    scope = readable_scope(session, scope)
    if scope.building_id or scope.compound_id or scope.unit_id:
        return scope.apply(query.join(Household, Household.id == Dispute.household_id))
    if scope.grid_ids is not None:
        query = query.where(Dispute.grid_id.in_(sorted(scope.grid_ids)))
    if scope.grid_id:
        query = query.where(Dispute.grid_id == scope.grid_id)
    return query


def list_disputes(session: Session, *, scope: Scope = EVERYWHERE, statuses=None, start: date | None = None,
                  end: date | None = None, limit: int | None = 1000, offset: int = 0) -> list[Dispute]:
    """Disputes by scope, status and the period they were found in, newest first (a page of them with
    `limit` and `offset`)."""
    query = _scoped(session, select(Dispute), scope)
    if statuses:
        query = query.where(Dispute.status.in_([DisputeStatus(s) for s in statuses]))
    if start:
        query = query.where(Dispute.found_on >= start)
    if end:
        query = query.where(Dispute.found_on < end)
    query = query.order_by(Dispute.found_on.desc(), Dispute.id.desc()).offset(offset)
    return list(session.exec(query.limit(limit) if limit else query))


def live_in(session: Session, *, start: date, end: date, scope: Scope = EVERYWHERE) -> list[Dispute]:
    """The disputes a period's ledger lists: found in it, or found before and not closed before it began
    (carried over), oldest first."""
    query = _scoped(session, select(Dispute), scope).where(Dispute.found_on < end)
    query = query.where((Dispute.found_on >= start) | Dispute.closed_on.is_(None) | (Dispute.closed_on >= start))
    return list(session.exec(query.order_by(Dispute.found_on, Dispute.id)))


def sessions_of(session: Session, dispute_ids: list[int]) -> dict[int, list[MediationSession]]:
    """Each dispute's mediation sessions in date order, for many disputes at once."""
    found: dict[int, list[MediationSession]] = defaultdict(list)
    for start in range(0, len(dispute_ids), 900):
        query = select(MediationSession).where(one_of(MediationSession.dispute_id, dispute_ids[start:start + 900]))
        for record in session.exec(query.order_by(MediationSession.held_on, MediationSession.id)):
            found[record.dispute_id].append(record)
    return found


def parties_of(session: Session, dispute_ids: list[int]) -> dict[int, list[DisputeParty]]:
    """Each dispute's parties in the order they were added, for many disputes at once."""
    found: dict[int, list[DisputeParty]] = defaultdict(list)
    for start in range(0, len(dispute_ids), 900):
        query = select(DisputeParty).where(one_of(DisputeParty.dispute_id, dispute_ids[start:start + 900]))
        for party in session.exec(query.order_by(DisputeParty.id)):
            found[party.dispute_id].append(party)
    return found


def status_counts(session: Session, *, scope: Scope = EVERYWHERE) -> dict[DisputeStatus, int]:
    """How many disputes are in each status (the section's status filter shows them)."""
    query = _scoped(session, select(Dispute.status, func.count()).select_from(Dispute), scope)
    counts = {status: 0 for status in DisputeStatus}
    for status, count in session.exec(query.group_by(Dispute.status)):
        counts[DisputeStatus(status)] = count
    return counts


def stale(session: Session, *, today: date, scope: Scope = EVERYWHERE, days: int | None = None,
          limit: int | None = 500) -> list[Dispute]:
    """Open disputes with no mediation session for `days` days (the setting when None), oldest first."""
    cutoff = today - timedelta(days=days or stale_days(session))
    query = _scoped(session, select(Dispute), scope)
    query = query.where(Dispute.status.in_(flow.OPEN_DISPUTE_STATUSES), Dispute.last_step_on <= cutoff)
    query = query.order_by(Dispute.last_step_on, Dispute.id)
    return list(session.exec(query.limit(limit) if limit else query))


def follow_ups_due(session: Session, *, today: date, scope: Scope = EVERYWHERE,
                   limit: int | None = 500) -> list[Dispute]:
    """Mediated or referred disputes whose follow-up visit is due today or overdue, most overdue first."""
    query = _scoped(session, select(Dispute), scope)
    query = query.where(Dispute.status.in_(flow.FOLLOW_UP_STATUSES), Dispute.follow_up_due <= today)
    query = query.order_by(Dispute.follow_up_due, Dispute.id)
    return list(session.exec(query.limit(limit) if limit else query))


TODAY_LINES = 100  # of each kind: the most urgent; Today's title gives the whole count (due_count)


def disputes_due(session: Session, *, today: date, scope: Scope = EVERYWHERE,
                 limit: int = TODAY_LINES) -> list[DisputeDueRow]:
    """Today's dispute lines: stale disputes (quietest first), then follow-ups due (most overdue first),
    at most `limit` of each (a whole community of 100,000 households has hundreds)."""
    quiet = stale(session, today=today, scope=scope, limit=limit)
    due = follow_ups_due(session, today=today, scope=scope, limit=limit)
    lines = rows(session, [*quiet, *due])
    return [DisputeDueRow(line.dispute, line.parties_text, n < len(quiet),
                          (today - (line.dispute.last_step_on if n < len(quiet) else line.dispute.follow_up_due)).days)
            for n, line in enumerate(lines)]


def due_count(session: Session, *, today: date, scope: Scope = EVERYWHERE) -> int:
    """How many disputes Today would list without its limit (stale plus follow-ups due): one count."""
    cutoff = today - timedelta(days=stale_days(session))
    quiet = Dispute.status.in_(flow.OPEN_DISPUTE_STATUSES) & (Dispute.last_step_on <= cutoff)
    due = Dispute.status.in_(flow.FOLLOW_UP_STATUSES) & (Dispute.follow_up_due <= today)
    query = _scoped(session, select(func.count()).select_from(Dispute), scope).where(quiet | due)
    return session.exec(query).one()


def rows(session: Session, disputes: list[Dispute]) -> list[DisputeRow]:
    """List lines for `disputes`: two queries for all of them (parties, sessions), not two per dispute."""
    ids = [d.id for d in disputes]
    names: dict[int, list[str]] = defaultdict(list)
    counts: dict[int, tuple[int, date | None]] = {}
    grids = {grid_id: code for grid_id, code in session.exec(select(Grid.id, Grid.code))}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        for dispute_id, name in session.exec(select(DisputeParty.dispute_id, DisputeParty.name)
                                             .where(one_of(DisputeParty.dispute_id, chunk))
                                             .order_by(DisputeParty.id)):
            names[dispute_id].append(name)
        query = (select(MediationSession.dispute_id, func.count(), func.max(MediationSession.held_on))
                 .where(one_of(MediationSession.dispute_id, chunk)).group_by(MediationSession.dispute_id))
        counts |= {dispute_id: (count, last) for dispute_id, count, last in session.exec(query)}
    return [DisputeRow(d, grids.get(d.grid_id, ""), names.get(d.id, []), *counts.get(d.id, (0, None)))
            for d in disputes]


def history(session: Session, dispute: Dispute) -> list[HistoryLine]:
    """The dispute's steps, preceded by those of the request it was turned from (kept readable here)."""
    lines: list[HistoryLine] = []
    if dispute.source_request_id:
        query = select(RequestEvent).where(RequestEvent.request_id == dispute.source_request_id)
        lines += [HistoryLine(e.at, True, label_of(RequestStatus, e.from_status), label_of(RequestStatus, e.to_status),
                              e.note, e.actor) for e in session.exec(query.order_by(RequestEvent.at, RequestEvent.id))]
    query = select(DisputeEvent).where(DisputeEvent.dispute_id == dispute.id)
    lines += [HistoryLine(e.at, False, label_of(DisputeStatus, e.from_status), label_of(DisputeStatus, e.to_status),
                          e.note, e.actor) for e in session.exec(query.order_by(DisputeEvent.at, DisputeEvent.id))]
    return sorted(lines, key=lambda line: _naive(line.at))


def _naive(at: datetime) -> datetime:
    return at.replace(tzinfo=None) if at.tzinfo else at


def dispute_counts(session: Session) -> dict[str, int]:
    """`stats --json`'s dispute figures for what the one signed in may read: every dispute on the
    register, and those not yet closed (待调解, 调解中, 待回访, 已转交)."""
    total = _scoped(session, select(func.count()).select_from(Dispute), EVERYWHERE)
    still = total.where(Dispute.status.in_(flow.NOT_CLOSED))
    return {"disputes": session.exec(total).one(), "disputes_open": session.exec(still).one()}
