"""Addresses and heads of household for a page of households, fetched in a few queries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, func, select

from gridkeeper.storage.models import Building, Compound, Grid, Household, Resident, ResidentTag, Unit
from gridkeeper.storage.portable_sql import one_of


@dataclass
class HouseholdSummary:
    """What lists and ledgers show about a household."""

    id: int
    grid_code: str
    compound: str
    building: str
    unit: str
    room: str
    housing_use: str
    phone: str
    head_name: str
    head_phone: str
    head_id_number: str
    residents: int
    care_tags: list[str]
    last_visit_on: object
    building_id: int
    unit_id: int
    floor: int | None

    @property
    def address(self) -> str:
        return f"{self.compound}{self.building}{self.unit}{self.room}"

    @property
    def short_address(self) -> str:
        return f"{self.building}{self.unit}{self.room}"


def summaries(session: Session, household_ids: list[int]) -> list[HouseholdSummary]:
    """Summaries in the order of `household_ids`."""
    if not household_ids:
        return []
    out: dict[int, HouseholdSummary] = {}
    for chunk_start in range(0, len(household_ids), 900):
        chunk = household_ids[chunk_start:chunk_start + 900]
        out |= _summaries(session, chunk)
    return [out[i] for i in household_ids if i in out]


def _summaries(session: Session, ids: list[int]) -> dict[int, HouseholdSummary]:
    rows = session.exec(
        select(Household, Unit.label, Building.label, Compound.name, Grid.code, Building.id)
        .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
        .join(Compound, Compound.id == Building.compound_id).join(Grid, Grid.id == Building.grid_id)
        .where(one_of(Household.id, ids))
    ).all()
    heads: dict[int, Resident] = {}
    counts: dict[int, int] = {}
    for resident in session.exec(select(Resident).where(one_of(Resident.household_id, ids))):
        counts[resident.household_id] = counts.get(resident.household_id, 0) + 1
        best = heads.get(resident.household_id)
        if best is None or (resident.is_head and not best.is_head):
            heads[resident.household_id] = resident
    tags: dict[int, list[str]] = {}
    tag_rows = session.exec(select(Resident.household_id, ResidentTag.tag)
                            .join(ResidentTag, ResidentTag.resident_id == Resident.id)
                            .where(one_of(Resident.household_id, ids)))
    for household_id, tag in tag_rows:
        if tag not in tags.setdefault(household_id, []):
            tags[household_id].append(tag)
    result = {}
    for household, unit, building, compound, grid_code, building_id in rows:
        head = heads.get(household.id)
        result[household.id] = HouseholdSummary(
            id=household.id, grid_code=grid_code, compound=compound, building=building, unit=unit,
            room=household.room, housing_use=household.housing_use, phone=household.phone,
            head_name=head.name if head else "", head_phone=head.phone if head else "",
            head_id_number=head.id_number if head else "", residents=counts.get(household.id, 0),
            care_tags=tags.get(household.id, []), last_visit_on=household.last_visit_on,
            building_id=building_id, unit_id=household.unit_id, floor=household.floor)
    return result


def household_count(session: Session, query) -> int:
    return session.exec(select(func.count()).select_from(query.subquery())).one()
