"""Laying out a building in one step: its units, and one household record per room, vacant until registered."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert
from sqlmodel import Session, select

from gridkeeper.domain.enums import HousingUse
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.services.geography import get, sort_number
from gridkeeper.storage.models import Building, Household, Unit

MAX_UNITS, MAX_FLOORS, MAX_ROOMS = 30, 100, 30


@dataclass(frozen=True)
class BuildingPlan:
    """“6 units, 18 floors, 2 rooms a floor”: rooms are numbered floor + two digits (101, 102 … 1802)."""

    units: int
    floors: int
    rooms_per_floor: int

    def check(self) -> None:
        errors = []
        for field, value, most in (("units", self.units, MAX_UNITS), ("floors", self.floors, MAX_FLOORS),
                                   ("rooms_per_floor", self.rooms_per_floor, MAX_ROOMS)):
            if not isinstance(value, int) or not 1 <= value <= most:
                errors.append(ValueRuleError(field, f"应为1到{most}之间的整数"))
        if errors:
            raise ValidationFailed(errors)

    @property
    def rooms(self) -> int:
        return self.units * self.floors * self.rooms_per_floor


def room_number(floor: int, position: int) -> str:
    return f"{floor}{position:02d}"


@dataclass
class LayoutResult:
    units_added: int
    rooms_added: int
    rooms_kept: int


def lay_out_building(session: Session, building_id: int, plan: BuildingPlan) -> LayoutResult:
    """Create the plan's units (1单元…) and rooms; units and rooms that already exist are kept as they are,
    so laying out again after adding floors only adds what is missing. Rooms are bulk-inserted."""
    plan.check()
    building = get(session, Building, building_id)
    units = {u.key: u for u in session.exec(select(Unit).where(Unit.building_id == building_id))}
    added_units = 0
    for number in range(1, plan.units + 1):
        key = str(number)
        if key not in units:
            units[key] = Unit(building_id=building_id, label=f"{number}单元", key=key, sort_no=sort_number(key))
            session.add(units[key])
            added_units += 1
    session.flush()
    unit_ids = [units[str(n)].id for n in range(1, plan.units + 1)]
    taken = set(session.exec(select(Household.unit_id, Household.room_key).where(Household.unit_id.in_(unit_ids))))
    rows = []
    for unit_id in unit_ids:
        for floor in range(1, plan.floors + 1):
            for position in range(1, plan.rooms_per_floor + 1):
                room = room_number(floor, position)
                if (unit_id, room) not in taken:
                    rows.append(dict(unit_id=unit_id, room=room, room_key=room, floor=floor,
                                     housing_use=HousingUse.VACANT.value, phone="", notes=""))
    if rows:
        session.execute(insert(Household), rows)
    building.floors = max(building.floors or 0, plan.floors)
    session.add(building)
    session.flush()
    return LayoutResult(added_units, len(rows), plan.rooms - len(rows))
