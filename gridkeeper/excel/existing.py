"""What the database already holds for the places a roster file touches, loaded in a few queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from gridkeeper.storage.models import Building, Compound, Grid, Household, Resident, ResidentTag, Unit

CHUNK = 900  # SQLite's host-parameter limit is 999 in old builds
RESIDENT_FIELDS = ("id", "household_id", "name", "given_name", "name_initials", "name_pinyin", "gender", "id_number",
                   "id_reversed", "birth_date", "phone", "phone_reversed", "relation", "political_status",
                   "residence_status", "is_head", "notes", "version")  # version: the import's updates check it (edit conflicts)


@dataclass
class Existing:
    """Saved compounds, buildings, units, households and residents, keyed the way the file is."""

    compounds: dict[str, int] = field(default_factory=dict)                  # name -> id
    buildings: dict[tuple[int, str], Building] = field(default_factory=dict)  # (compound id, key)
    units: dict[tuple[int, str], int] = field(default_factory=dict)           # (building id, key) -> id
    households: dict[tuple[int, str], dict] = field(default_factory=dict)     # (unit id, room key) -> row
    residents: dict[int, list[dict]] = field(default_factory=dict)            # household id -> rows
    tags: dict[int, set[str]] = field(default_factory=dict)                   # resident id -> tags
    by_id_number: dict[str, dict] = field(default_factory=dict)               # id number -> resident row
    grid_codes: dict[int, str] = field(default_factory=dict)


def _chunks(values: list, size: int = CHUNK):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def load_existing(session: Session, compound_names: set[str], id_numbers: list[str]) -> Existing:
    """Everything saved under these compounds, plus the residents anywhere holding these ID numbers."""
    found = Existing()
    names = sorted(compound_names)
    for chunk in _chunks(names):
        for cid, name in session.execute(select(Compound.id, Compound.name).where(Compound.name.in_(chunk))):
            found.compounds[name] = cid
    compound_ids = list(found.compounds.values())
    found.grid_codes = dict(session.execute(select(Grid.id, Grid.code)).all())
    if compound_ids:
        for building in session.scalars(select(Building).where(Building.compound_id.in_(compound_ids))):
            found.buildings[(building.compound_id, building.key)] = building
        _load_households(session, found, [b.id for b in found.buildings.values()])
    for chunk in _chunks(sorted(set(id_numbers))):
        query = select(*[getattr(Resident, f) for f in RESIDENT_FIELDS]).where(Resident.id_number.in_(chunk))
        for row in session.execute(query).mappings():
            found.by_id_number[row["id_number"]] = dict(row)
    return found


def _load_households(session: Session, found: Existing, building_ids: list[int]) -> None:
    unit_ids = []
    for chunk in _chunks(building_ids):
        for uid, bid, key in session.execute(select(Unit.id, Unit.building_id, Unit.key).where(Unit.building_id.in_(chunk))):
            found.units[(bid, key)] = uid
            unit_ids.append(uid)
    household_ids = []
    columns = (Household.id, Household.unit_id, Household.room, Household.room_key, Household.housing_use,
               Household.phone, Household.notes, Household.version)
    for chunk in _chunks(unit_ids):
        for row in session.execute(select(*columns).where(Household.unit_id.in_(chunk))).mappings():
            found.households[(row["unit_id"], row["room_key"])] = dict(row)
            household_ids.append(row["id"])
    resident_ids = []
    for chunk in _chunks(household_ids):
        query = select(*[getattr(Resident, f) for f in RESIDENT_FIELDS]).where(Resident.household_id.in_(chunk))
        for row in session.execute(query).mappings():
            found.residents.setdefault(row["household_id"], []).append(dict(row))
            resident_ids.append(row["id"])
    for chunk in _chunks(resident_ids):
        query = select(ResidentTag.resident_id, ResidentTag.tag).where(ResidentTag.resident_id.in_(chunk))
        for rid, tag in session.execute(query):
            found.tags.setdefault(rid, set()).add(tag)


def versions_now(session: Session, model, ids: list[int]) -> dict[int, int]:
    """{id: version} of these records as saved now, locked until the import's transaction ends (on a
    server, FOR UPDATE: nobody can change them between this check and the import's UPDATE; SQLite has one
    writer anyway). A record deleted meanwhile is missing."""
    found: dict[int, int] = {}
    for chunk in _chunks(sorted(ids)):
        query = select(model.id, model.version).where(model.id.in_(chunk)).with_for_update()
        found |= dict(session.execute(query).all())
    return found
