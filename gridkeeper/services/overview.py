"""Figures for the overview charts: requests by status and category, on-time rate, satisfaction, service hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, func, select

from gridkeeper.domain.enums import Rating, RequestCategory, RequestStatus
from gridkeeper.services.coverage import month_start, next_month
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.models import Household, Member, ResidentRequest, ServiceRecord
from gridkeeper.services.visibility import readable_scope

_DONE = (RequestStatus.RESOLVED, RequestStatus.RATED)


def _requests(scope: Scope, *columns):
    query = select(*columns).select_from(ResidentRequest).join(Household, Household.id == ResidentRequest.household_id)
    return scope.apply(query)


def requests_by_status(session: Session, *, scope: Scope = EVERYWHERE) -> list[tuple[str, int]]:
    """(Chinese status label, count) for every status, in the loop's order."""
    query = _requests(readable_scope(session, scope), ResidentRequest.status, func.count()).group_by(ResidentRequest.status)
    counts = {status: n for status, n in session.exec(query)}
    return [(status.label, int(counts.get(status.value, 0))) for status in RequestStatus]


def requests_by_category(session: Session, *, scope: Scope = EVERYWHERE) -> list[tuple[str, int]]:
    """(Chinese category label, count), largest first, categories with no request left out."""
    query = _requests(readable_scope(session, scope), ResidentRequest.category, func.count()).group_by(ResidentRequest.category)
    counts = {category: n for category, n in session.exec(query)}
    rows = [(c.label, int(counts[c.value])) for c in RequestCategory if counts.get(c.value)]
    return sorted(rows, key=lambda row: -row[1])


@dataclass
class Resolution:
    """Finished requests, how many within their deadline, and the residents' ratings."""

    resolved: int
    on_time: int
    ratings: list[tuple[str, int]]

    @property
    def on_time_percent(self) -> float:
        return 100.0 * self.on_time / self.resolved if self.resolved else 0.0

    @property
    def satisfied_percent(self) -> float:
        """Share of rated requests rated 满意 or 基本满意."""
        total = sum(n for _, n in self.ratings)
        good = sum(n for label, n in self.ratings if label != "不满意")
        return 100.0 * good / total if total else 0.0


def resolution(session: Session, *, scope: Scope = EVERYWHERE, since: date | None = None) -> Resolution:
    """On-time resolution and satisfaction over requests resolved on or after `since` (all if None)."""
    query = _requests(readable_scope(session, scope), ResidentRequest.resolved_on, ResidentRequest.deadline, ResidentRequest.rating)
    query = query.where(ResidentRequest.status.in_(_DONE), ResidentRequest.resolved_on.is_not(None))
    if since:
        query = query.where(ResidentRequest.resolved_on >= since)
    resolved = on_time = 0
    ratings: dict[str, int] = {}
    for resolved_on, deadline, rating in session.exec(query):
        resolved += 1
        on_time += resolved_on <= deadline
        if rating:
            ratings[rating] = ratings.get(rating, 0) + 1
    return Resolution(resolved, on_time, [(r.label, ratings.get(r.value, 0)) for r in Rating])


def service_hours_by_month(session: Session, *, today: date, months: int = 12,
                           grid_id: int | None = None) -> list[tuple[date, float]]:
    """Member service hours per month for the last `months` months up to today's month, oldest first."""
    first = month_start(today)
    for _ in range(months - 1):
        first = month_start(first - timedelta(days=1))
    query = select(ServiceRecord.served_on, ServiceRecord.hours).where(
        ServiceRecord.served_on >= first, ServiceRecord.served_on < next_month(today))
    if grid_id:
        query = query.join(Member, Member.id == ServiceRecord.member_id).where(Member.grid_id == grid_id)
    totals: dict[date, float] = {}
    for served_on, hours in session.exec(query):
        key = month_start(served_on)
        totals[key] = totals.get(key, 0.0) + float(hours or 0)
    out, month = [], first
    while month <= month_start(today):
        out.append((month, round(totals.get(month, 0.0), 1)))
        month = next_month(month)
    return out

