"""A building's rooms by floor and unit, each with how recently it was visited and its care tags."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from gridkeeper.services.coverage import month_start
from gridkeeper.services.geography import get, natural_key
from gridkeeper.storage.models import Building, Compound, Household, Resident, ResidentTag, Unit

THIS_MONTH, LAST_MONTH, OLDER, NEVER = "this_month", "last_month", "older", "never"
BANDS = (THIS_MONTH, LAST_MONTH, OLDER, NEVER)


def visit_band(last_visit_on: date | None, today: date) -> str:
    """Which colour a room gets: visited this month, last month, earlier, or never."""
    if last_visit_on is None:
        return NEVER
    this_month = month_start(today)
    if last_visit_on >= this_month:
        return THIS_MONTH
    previous = month_start(this_month - timedelta(days=1))
    return LAST_MONTH if last_visit_on >= previous else OLDER


@dataclass
class RoomCell:
    household_id: int
    room: str
    last_visit_on: date | None
    band: str
    care_tags: list[str] = field(default_factory=list)


@dataclass
class BuildingMatrix:
    """Rows are floors (top floor first), columns are units; a cell holds that floor's rooms in the unit."""

    building_id: int
    label: str
    units: list[tuple[int, str]]
    floors: list[int | None]
    cells: dict[tuple[int | None, int], list[RoomCell]]

    def band_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(BANDS, 0)
        for rooms in self.cells.values():
            for room in rooms:
                counts[room.band] += 1
        return counts


def building_matrix(session: Session, building_id: int, *, today: date) -> BuildingMatrix:
    """The visit matrix of one building (a floor of None holds rooms whose floor is unknown)."""
    building = get(session, Building, building_id)
    compound = session.get(Compound, building.compound_id)
    units = sorted(session.exec(select(Unit).where(Unit.building_id == building_id)),
                   key=lambda u: (u.sort_no, natural_key(u.key)))
    rows = list(session.exec(select(Household).join(Unit, Unit.id == Household.unit_id)
                             .where(Unit.building_id == building_id).order_by(Household.room_key)))
    tags: dict[int, list[str]] = {}
    for household_id, tag in session.exec(select(Resident.household_id, ResidentTag.tag)
                                          .join(ResidentTag, ResidentTag.resident_id == Resident.id)
                                          .join(Household, Household.id == Resident.household_id)
                                          .join(Unit, Unit.id == Household.unit_id)
                                          .where(Unit.building_id == building_id)):
        if tag not in tags.setdefault(household_id, []):
            tags[household_id].append(tag)
    cells: dict[tuple[int | None, int], list[RoomCell]] = {}
    for household in rows:
        cells.setdefault((household.floor, household.unit_id), []).append(RoomCell(
            household.id, household.room, household.last_visit_on,
            visit_band(household.last_visit_on, today), tags.get(household.id, [])))
    known = {floor for floor, _ in cells if floor is not None}
    top = max(known | {building.floors or 0})
    floors: list[int | None] = list(range(top, 0, -1)) if top else []
    floors += sorted((f for f in known if f < 1), reverse=True)
    if any(floor is None for floor, _ in cells):
        floors.append(None)
    label = f"{compound.name if compound else ''}{building.label}"
    return BuildingMatrix(building_id, label, [(u.id, u.label) for u in units], floors, cells)

