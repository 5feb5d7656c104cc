"""How well requests raised in a period were handled: received, on time %, average days, overdue now, satisfaction %.

The rules, said once for every page that quotes these figures (红黑榜, grid scoreboard, monthly report):

- The requests counted are those raised in the period; withdrawn ones are counted apart (`withdrawn`),
  not in `received`.
- On time % = requests resolved by their deadline ÷ (requests resolved + requests still open past
  their deadline today): an open request already late counts against the rate, so leaving requests
  open never improves it; an open request not yet due is not judged.
- Average days = mean of (resolved on − raised on) over the resolved requests.
- Overdue now = requests still open whose deadline is before today.
- Satisfaction % = ratings 满意 or 基本满意 ÷ requests rated.

A percentage or average with nothing to divide by is None (shown as "—"), never 0.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from gridkeeper.domain.enums import OPEN_REQUEST_STATUSES, Rating, RequestStatus
from gridkeeper.domain.period import Period
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.models import Building, Compound, Household, ResidentRequest, Unit

_DONE = frozenset({RequestStatus.RESOLVED.value, RequestStatus.RATED.value})
_OPEN = frozenset(s.value for s in OPEN_REQUEST_STATUSES)
_GOOD = frozenset({Rating.SATISFIED.value, Rating.FAIRLY_SATISFIED.value})

FACT_COLUMNS = (ResidentRequest.status, ResidentRequest.raised_on, ResidentRequest.deadline,
                ResidentRequest.resolved_on, ResidentRequest.rating)


def percent(part: int, whole: int) -> float | None:
    """part ÷ whole in per cent, one decimal; None when whole is 0."""
    return round(100.0 * part / whole, 1) if whole else None


@dataclass
class RequestPerformance:
    """Counts over one set of requests; the rates are properties (see the module's rules)."""

    received: int = 0
    withdrawn: int = 0
    resolved: int = 0
    on_time: int = 0
    days_taken: int = 0  # summed over the resolved requests
    overdue_now: int = 0
    rated: int = 0
    satisfied: int = 0  # rated 满意 or 基本满意

    def add(self, status: str, raised_on: date, deadline: date, resolved_on: date | None, rating: str | None,
            *, today: date) -> None:
        """Count one request (its stored status code, dates and rating)."""
        if status == RequestStatus.WITHDRAWN.value:
            self.withdrawn += 1
            return
        self.received += 1
        if status in _DONE and resolved_on is not None:
            self.resolved += 1
            self.on_time += resolved_on <= deadline
            self.days_taken += max(0, (resolved_on - raised_on).days)
        elif status in _OPEN and deadline < today:
            self.overdue_now += 1
        if rating:
            self.rated += 1
            self.satisfied += rating in _GOOD

    @property
    def judged(self) -> int:
        """Requests whose timeliness is known: resolved, or open past their deadline."""
        return self.resolved + self.overdue_now

    @property
    def on_time_percent(self) -> float | None:
        return percent(self.on_time, self.judged)

    @property
    def average_days(self) -> float | None:
        return round(self.days_taken / self.resolved, 1) if self.resolved else None

    @property
    def satisfaction_percent(self) -> float | None:
        return percent(self.satisfied, self.rated)

    def as_dict(self) -> dict:
        """The figures for JSON: counts and rates (rates None when there is nothing to judge)."""
        return {"received": self.received, "resolved": self.resolved, "on_time": self.on_time,
                "on_time_percent": self.on_time_percent, "average_days": self.average_days,
                "overdue_now": self.overdue_now, "rated": self.rated, "satisfied": self.satisfied,
                "satisfaction_percent": self.satisfaction_percent, "withdrawn": self.withdrawn}


def tally(facts: Iterable[tuple], *, today: date) -> RequestPerformance:
    """The performance of requests given as (status, raised_on, deadline, resolved_on, rating) tuples."""
    out = RequestPerformance()
    for status, raised_on, deadline, resolved_on, rating in facts:
        out.add(status, raised_on, deadline, resolved_on, rating, today=today)
    return out


def facts_in_period(session: Session, *, period: Period, scope: Scope = EVERYWHERE, columns: tuple = (),
                    where: tuple = ()) -> Iterator[tuple]:
    """One query: rows of (*columns, status, raised_on, deadline, resolved_on, rating) for the requests raised
    in `period` inside `scope` (narrowed to what the one signed in may read). `columns` and `where` may name
    Household, Unit, Building and Compound, which are joined."""
    query = (select(*columns, *FACT_COLUMNS).select_from(ResidentRequest)
             .join(Household, Household.id == ResidentRequest.household_id)
             .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
             .join(Compound, Compound.id == Building.compound_id)
             .where(ResidentRequest.raised_on >= period.start, ResidentRequest.raised_on < period.end, *where))
    query = readable_scope(session, scope).apply(query, joined=True)
    # Core execution: plain tuples without the ORM row machinery (a year at 100,000 households).
    yield from session.connection().execute(query)


def request_performance(session: Session, *, period: Period, today: date, scope: Scope = EVERYWHERE,
                        where: tuple = ()) -> RequestPerformance:
    """The performance of the requests raised in `period` inside `scope` (and matching `where`), as of `today`."""
    return tally(facts_in_period(session, period=period, scope=scope, where=where), today=today)


def performance_by(session: Session, columns: tuple, *, period: Period, today: date, scope: Scope = EVERYWHERE,
                   where: tuple = (), key: Callable[[tuple], Hashable | None] | None = None
                   ) -> dict[Hashable, RequestPerformance]:
    """The performance per group in one query: rows are grouped by `key(values of columns)` (by default the
    value of a single column, or the tuple of several); a key of None leaves the request out."""
    groups: dict[Hashable, RequestPerformance] = {}
    width = len(columns)
    for row in facts_in_period(session, period=period, scope=scope, columns=columns, where=where):
        values = tuple(row[:width])
        group = key(values) if key else (values[0] if width == 1 else values)
        if group is None:
            continue
        groups.setdefault(group, RequestPerformance()).add(*row[width:], today=today)
    return groups
