"""Visit coverage and what is due: households not visited, care households overdue under the frequency rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case
from sqlmodel import Session, func, or_, select

from gridkeeper.domain.care import VisitFrequency, next_due
from gridkeeper.domain.enums import ResidenceStatus
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.settings import visit_frequency
from gridkeeper.storage.models import Building, Grid, Household, Resident, ResidentTag, Unit


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


@dataclass
class CoverageRow:
    """Households in a place and how many were visited since a date."""

    level: str
    id: int
    label: str
    households: int
    visited: int

    @property
    def percent(self) -> float:
        return 100.0 * self.visited / self.households if self.households else 0.0


def coverage(session: Session, *, since: date, level: str = "grid", scope: Scope = EVERYWHERE) -> list[CoverageRow]:
    """Per grid, building or unit: households and how many have a visit on or after `since`."""
    key, label = {
        "grid": (Grid.id, Grid.code),
        "building": (Building.id, Building.label),
        "unit": (Unit.id, Unit.label),
    }[level]
    visited = func.sum(case((Household.last_visit_on >= since, 1), else_=0))
    query = (select(key, label, func.count(Household.id), visited)
             .select_from(Household).join(Unit, Unit.id == Household.unit_id)
             .join(Building, Building.id == Unit.building_id).join(Grid, Grid.id == Building.grid_id))
    query = scope.apply(query, joined=True).group_by(key, label).order_by(label)
    return [CoverageRow(level, row[0], row[1], row[2], int(row[3] or 0)) for row in session.exec(query)]


def not_visited_since(session: Session, *, since: date, scope: Scope = EVERYWHERE, limit: int | None = None) -> list[int]:
    """Ids of households with no visit on or after `since`."""
    query = scope.apply(select(Household.id).where(
        or_(Household.last_visit_on.is_(None), Household.last_visit_on < since)))
    query = query.order_by(Household.id)
    return list(session.exec(query.limit(limit) if limit else query))


@dataclass
class VisitDue:
    """A household whose care tags (or migrants) call for visits more often than ordinary."""

    household_id: int
    tags: list[str]
    has_migrant: bool
    interval_days: int
    last_visit_on: date | None
    next_due: date
    overdue_days: int  # > 0 overdue, 0 due today, < 0 not yet due


def care_schedule(session: Session, *, today: date, scope: Scope = EVERYWHERE,
                  frequency: VisitFrequency | None = None, include_migrants: bool = False) -> list[VisitDue]:
    """Every care household with its required interval, last visit and next due date, most overdue first."""
    frequency = frequency or visit_frequency(session)
    tags: dict[int, set[str]] = {}
    query = (select(Resident.household_id, ResidentTag.tag).select_from(ResidentTag)
             .join(Resident, Resident.id == ResidentTag.resident_id)
             .join(Household, Household.id == Resident.household_id))
    for household_id, tag in session.exec(scope.apply(query)):
        tags.setdefault(household_id, set()).add(tag)
    # Migrants tighten the interval of a tagged household, and with `include_migrants` add their own.
    query = (select(Resident.household_id).join(Household, Household.id == Resident.household_id)
             .where(Resident.residence_status == ResidenceStatus.MIGRANT).distinct())
    migrants = set(session.exec(scope.apply(query)))
    ids = set(tags) | (migrants if include_migrants else set())
    last = _last_visits(session, ids)
    out = []
    for household_id in ids:
        household_tags = sorted(tags.get(household_id, ()))
        interval = frequency.interval_for(household_tags, has_migrant=household_id in migrants)
        due = next_due(last.get(household_id), interval, today=today)
        out.append(VisitDue(household_id, household_tags, household_id in migrants, interval,
                            last.get(household_id), due, (today - due).days))
    return sorted(out, key=lambda d: (-d.overdue_days, d.household_id))


def _last_visits(session: Session, ids: set[int]) -> dict[int, date | None]:
    found: dict[int, date | None] = {}
    id_list = sorted(ids)
    for start in range(0, len(id_list), 900):
        chunk = id_list[start:start + 900]
        query = select(Household.id, Household.last_visit_on).where(Household.id.in_(chunk))
        found |= dict(session.exec(query).all())
    return found


def visits_due(session: Session, *, today: date, within_days: int = 0, scope: Scope = EVERYWHERE) -> list[VisitDue]:
    """Care households due within `within_days` of today, or overdue."""
    return [d for d in care_schedule(session, today=today, scope=scope) if d.overdue_days >= -within_days]
