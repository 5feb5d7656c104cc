"""The red and black list of property companies (红黑榜) for a period: their requests' figures, ranked.

A request concerns a property company when it was dispatched to that company by name, or when it is a
property request (or was dispatched to "a property company" without a known name) from a compound the
company serves. Requests from compounds without a property company concern nobody here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, func, select

from gridkeeper.domain import property_ranking as ranking
from gridkeeper.domain.enums import DispatchTarget, RequestCategory
from gridkeeper.domain.period import Period
from gridkeeper.domain.property_ranking import Thresholds
from gridkeeper.services.geography import get_community
from gridkeeper.services.request_performance import RequestPerformance, performance_by
from gridkeeper.services.scope import EVERYWHERE
from gridkeeper.services.settings import get_setting, set_setting
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.models import Building, Compound, Household, ResidentRequest, Unit

THRESHOLDS_KEY = "property_board_thresholds"


@dataclass
class CompanyRow:
    """One property company: the compounds it serves, its households and its requests' figures."""

    name: str
    compounds: list[str]
    households: int
    figures: RequestPerformance
    score: float | None = None
    rank: int | None = None  # 1 = best; None when not ranked (too few requests)
    standing: str = ranking.TOO_FEW  # red, black, middle or too_few

    def as_dict(self) -> dict:
        return {"company": self.name, "compounds": self.compounds, "households": self.households,
                "rank": self.rank, "score": self.score, "standing": self.standing, **self.figures.as_dict()}


@dataclass
class PropertyBoard:
    """The companies ranked best first; the red and black lists and those too few to judge."""

    period: Period
    today: date
    community: str
    thresholds: Thresholds
    ranked: list[CompanyRow] = field(default_factory=list)
    too_few: list[CompanyRow] = field(default_factory=list)

    @property
    def red(self) -> list[CompanyRow]:
        return [row for row in self.ranked if row.standing == ranking.RED]

    @property
    def black(self) -> list[CompanyRow]:
        """Worst first."""
        return sorted((row for row in self.ranked if row.standing == ranking.BLACK), key=lambda r: -r.rank)

    def as_dict(self) -> dict:
        """The `board property --json` contract."""
        return {"period": self.period.text, "period_label": self.period.label, "today": self.today.isoformat(),
                "community": self.community, "thresholds": self.thresholds.to_dict(),
                "basis": self.thresholds.basis(),
                "ranked": [row.as_dict() for row in self.ranked],
                "red": [row.name for row in self.red], "black": [row.name for row in self.black],
                "too_few": [row.as_dict() for row in self.too_few]}


def thresholds(session: Session) -> Thresholds:
    """The thresholds the community set (the defaults when never set)."""
    raw = get_setting(session, THRESHOLDS_KEY)
    return Thresholds.from_dict(json.loads(raw)) if raw else Thresholds()


def set_thresholds(session: Session, value: Thresholds) -> None:
    set_setting(session, THRESHOLDS_KEY, json.dumps(value.to_dict(), ensure_ascii=False))


def property_board(session: Session, *, period: Period, today: date,
                   rules: Thresholds | None = None) -> PropertyBoard:
    """Every property company of the compounds the one signed in may read, with its figures, ranked."""
    rules = rules or thresholds(session)
    served = _served(session)
    by_company = performance_by(
        session, (Compound.property_company, ResidentRequest.dispatch_target, ResidentRequest.dispatched_to),
        period=period, today=today, key=_company_of(set(served)),
        where=((ResidentRequest.category == RequestCategory.PROPERTY)
               | (ResidentRequest.dispatch_target == DispatchTarget.PROPERTY_COMPANY),))
    rows = [CompanyRow(name, sorted(compounds), households, by_company.get(name, RequestPerformance()))
            for name, (compounds, households) in served.items()]
    community = get_community(session)
    board = PropertyBoard(period, today, community.name if community else "", rules)
    _rank(board, rows)
    return board


def _served(session: Session) -> dict[str, tuple[set[str], int]]:
    """company → (the compounds it serves, their households), in one query."""
    query = (select(Compound.property_company, Compound.name, func.count(Household.id)).select_from(Compound)
             .join(Building, Building.compound_id == Compound.id).join(Unit, Unit.building_id == Building.id)
             .join(Household, Household.unit_id == Unit.id).where(Compound.property_company != "")
             .group_by(Compound.property_company, Compound.name))
    out: dict[str, tuple[set[str], int]] = {}
    for company, compound, households in session.exec(readable_scope(session, EVERYWHERE).apply(query, joined=True)):
        name = company.strip()
        names, total = out.get(name, (set(), 0))
        out[name] = (names | {compound}, total + households)
    return out


def _company_of(companies: set[str]):
    """The key function for performance_by: which company a request concerns (None: none)."""
    def key(values: tuple) -> str | None:
        compound_company, target, dispatched_to = values
        named = (dispatched_to or "").strip()
        if target == DispatchTarget.PROPERTY_COMPANY and named in companies:
            return named
        return (compound_company or "").strip() or None
    return key


def _rank(board: PropertyBoard, rows: list[CompanyRow]) -> None:
    rules = board.thresholds
    for row in rows:
        f = row.figures
        row.score = ranking.score(f.on_time_percent, f.satisfaction_percent)
        row.standing = ranking.place(rules, received=f.received, on_time_percent=f.on_time_percent,
                                     satisfaction_percent=f.satisfaction_percent)
    judged = [row for row in rows if row.standing != ranking.TOO_FEW]
    judged.sort(key=lambda r: (-r.score, r.figures.overdue_now, r.figures.average_days or 0, r.name))
    for rank, row in enumerate(judged, start=1):
        row.rank = rank
    for row in [r for r in judged if r.standing == ranking.MIDDLE][:rules.red_count]:
        row.standing = ranking.RED
    board.ranked = judged
    board.too_few = sorted((r for r in rows if r.standing == ranking.TOO_FEW), key=lambda r: (-r.figures.received, r.name))
