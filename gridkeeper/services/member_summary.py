"""Member lists, half-year periods for member service (members re-report each half-year) and totals per grid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from gridkeeper.domain.enums import MemberStatus
from gridkeeper.services.members import ServiceTotal
from gridkeeper.storage.models import Member


@dataclass(frozen=True)
class HalfYear:
    year: int
    half: int  # 1 = January–June, 2 = July–December

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        """Exclusive."""
        return date(self.year, 7, 1) if self.half == 1 else date(self.year + 1, 1, 1)

    def previous(self) -> "HalfYear":
        return HalfYear(self.year, 1) if self.half == 2 else HalfYear(self.year - 1, 2)


def half_year_of(day: date) -> HalfYear:
    return HalfYear(day.year, 1 if day.month <= 6 else 2)


def recent_half_years(today: date, count: int = 6) -> list[HalfYear]:
    """The current half-year and the ones before it, newest first."""
    out = [half_year_of(today)]
    while len(out) < count:
        out.append(out[-1].previous())
    return out


@dataclass
class GridTotal:
    grid_id: int
    members: int
    serving: int  # members with at least one service
    services: int
    hours: float
    points: int


def totals_by_grid(totals: list[ServiceTotal]) -> list[GridTotal]:
    """Add up per-member totals (from members.service_totals) grid by grid."""
    grids: dict[int, GridTotal] = {}
    for t in totals:
        g = grids.setdefault(t.grid_id, GridTotal(t.grid_id, 0, 0, 0, 0.0, 0))
        g.members += 1
        g.serving += 1 if t.services else 0
        g.services += t.services
        g.hours += t.hours
        g.points += t.points
    return [grids[k] for k in sorted(grids)]


def list_members(session: Session, *, grid_id: int | None = None, include_withdrawn: bool = False) -> list[Member]:
    """Registered members of a grid (or all), by grid then name."""
    query = select(Member).order_by(Member.grid_id, Member.name_initials, Member.id)
    if grid_id:
        query = query.where(Member.grid_id == grid_id)
    if not include_withdrawn:
        query = query.where(Member.status == MemberStatus.ACTIVE)
    return list(session.exec(query))
