"""Short lists of places for pickers (grids, buildings in a scope, units, rooms) and the grid a scope lies in."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from gridkeeper.services.geography import natural_key
from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Building, Compound, Grid, Household, Unit


@dataclass(frozen=True)
class PlaceChoice:
    id: int
    label: str


def grids(session: Session) -> list[Grid]:
    return list(session.exec(select(Grid).order_by(Grid.code)))


def buildings_in(session: Session, scope: Scope) -> list[PlaceChoice]:
    """Buildings of a scope, labelled with their compound, in natural order."""
    query = scope.apply_to_buildings(select(Building, Compound.name).join(Compound, Compound.id == Building.compound_id))
    rows = sorted(session.exec(query), key=lambda r: (natural_key(r[1]), natural_key(r[0].key)))
    return [PlaceChoice(b.id, f"{compound}{b.label}") for b, compound in rows]


def units_of(session: Session, building_id: int) -> list[PlaceChoice]:
    units = session.exec(select(Unit).where(Unit.building_id == building_id)).all()
    return [PlaceChoice(u.id, u.label) for u in sorted(units, key=lambda u: (u.sort_no, natural_key(u.key)))]


def rooms_of(session: Session, unit_id: int) -> list[PlaceChoice]:
    """Households of a unit as (household id, room), floor by floor."""
    rows = session.exec(select(Household).where(Household.unit_id == unit_id)).all()
    return [PlaceChoice(h.id, h.room) for h in sorted(rows, key=lambda h: natural_key(h.room_key))]


@dataclass(frozen=True)
class HouseholdPlace:
    grid_id: int
    building_id: int
    unit_id: int


def household_place(session: Session, household_id: int) -> HouseholdPlace | None:
    row = session.exec(select(Building.grid_id, Building.id, Unit.id).select_from(Household)
                       .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
                       .where(Household.id == household_id)).first()
    return HouseholdPlace(*row) if row else None


def grid_of(session: Session, scope: Scope) -> int | None:
    """The grid a scope lies in (None for the whole community or a compound spanning grids)."""
    if scope.grid_id:
        return scope.grid_id
    building_id = scope.building_id
    if scope.unit_id:
        unit = session.get(Unit, scope.unit_id)
        building_id = unit.building_id if unit else None
    if building_id:
        building = session.get(Building, building_id)
        return building.grid_id if building else None
    if scope.compound_id:
        found = set(session.exec(select(Building.grid_id).where(Building.compound_id == scope.compound_id)))
        return found.pop() if len(found) == 1 else None
    return None


def scope_name(session: Session, scope: Scope, *, everywhere: str = "全社区") -> str:
    """What a screen or file says it covers: "FK-03 第三网格", "FK-03 第三网格 · 幸福家园7号楼 · 2单元",
    or `everywhere` for the whole community."""
    if scope.is_all:
        return everywhere
    parts = []
    grid = session.get(Grid, scope.grid_id) if scope.grid_id else None
    if grid is not None:
        parts.append(f"{grid.code} {grid.name}")
    building = session.get(Building, scope.building_id) if scope.building_id else None
    if building is not None:
        compound = session.get(Compound, building.compound_id)
        parts.append(f"{compound.name if compound else ''}{building.label}")
    elif scope.compound_id:
        compound = session.get(Compound, scope.compound_id)
        parts.append(compound.name if compound else "")
    unit = session.get(Unit, scope.unit_id) if scope.unit_id else None
    if unit is not None:
        parts.append(unit.label)
    return " · ".join(p for p in parts if p) or everywhere
