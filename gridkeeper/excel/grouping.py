"""Duplicates within the file, and per-person rows grouped into households by address."""

from __future__ import annotations

from dataclasses import dataclass, field

from gridkeeper.excel.problems import WARNING, Problem
from gridkeeper.excel.records import PersonRow, RowReader


@dataclass
class HouseholdPlan:
    """One household as the file describes it: its address and the people in it (head first)."""

    compound: str
    building_key: str
    building_label: str
    unit_key: str
    unit_label: str
    fields: dict                 # room, room_key, floor and given housing_use/phone/notes
    people: list[PersonRow] = field(default_factory=list)
    people_count: int | None = None
    unit_id: int | None = None          # set when written
    household_id: int | None = None
    source_rows: list[int] = field(default_factory=list)   # every row that named this household
    tenancy: dict | None = None          # a tenant list's lease for the flat (the first row that gives one)
    tenancy_row: int | None = None

    @property
    def rows(self) -> list[int]:
        return [p.row for p in self.people]

    @property
    def head(self) -> PersonRow | None:
        return next((p for p in self.people if p.is_head), None)


def drop_duplicates(rows: list[PersonRow], reader: RowReader, *, per_person: bool) -> tuple[list[PersonRow], list[Problem]]:
    """Rows without the later copies of a household, person or ID number seen earlier in the file."""
    kept, problems = [], []
    by_id: dict[str, int] = {}
    by_address: dict[tuple, PersonRow] = {}
    by_person: dict[tuple, PersonRow] = {}
    heads: dict[tuple, int] = {}
    for person in rows:
        reason, key = _duplicate(person, per_person, by_id, by_address, by_person, heads)
        if reason:
            cell = {"name": person.name, "id_number": person.id_number, "room": person.household["room"],
                    "relation": person.resident and person.resident["relation"]}[key]
            column = reader.column_name(key)
            problems.append(Problem(person.row, column, str(cell), reason))
            continue
        kept.append(person)
        address = person.address_key
        twin = by_person.get((address, person.name)) if person.resident is not None else None
        if twin is not None:  # same name, both ID numbers given and different: two people (twins, 同名)
            problems.append(Problem(person.row, reader.column_name("name"), person.name,
                                    f"与第{twin.row}行同名但身份证号不同，已按两人登记，请核对", WARNING))
        if person.id_number:
            by_id[person.id_number] = person.row
        by_address.setdefault(address, person)
        if person.resident is not None:
            by_person.setdefault((address, person.name), person)
        if person.is_head:
            heads.setdefault(address, person.row)
    return kept, problems


def _duplicate(person, per_person, by_id, by_address, by_person, heads) -> tuple[str, str]:
    id_number, address = person.id_number, person.address_key
    if id_number and id_number in by_id:
        return f"与第{by_id[id_number]}行的身份证号相同（同一人不能登记两次）", "id_number"
    if not per_person and address in by_address:
        first = by_address[address]
        if first.name == person.name:
            return f"与第{first.row}行重复（地址和户主都相同）", "name"
        return f"与第{first.row}行是同一地址（同一房号只能登记一户，户主为{first.name}）", "room"
    same = by_person.get((address, person.name))
    if person.resident is None:
        return "", ""
    # One name twice in a household is one person entered twice — unless both rows carry ID numbers and
    # they differ: then they are two people who share a name (the ID number is what tells people apart).
    if same and not (same.id_number and id_number and same.id_number != id_number):
        return f"与第{same.row}行重复（同一户中同一人）", "name"
    if person.is_head and address in heads:
        return f"该户已有户主（第{heads[address]}行），一户只能有一位户主", "relation"
    return "", ""


def group_households(rows: list[PersonRow]) -> list[HouseholdPlan]:
    """Households in the order they first appear, each with its people, head first."""
    plans: dict[tuple, HouseholdPlan] = {}
    for person in rows:
        plan = plans.get(person.address_key)
        if plan is None:
            plan = plans[person.address_key] = HouseholdPlan(
                person.compound, person.building_key, person.building_label, person.unit_key, person.unit_label,
                dict(person.household))
        else:
            _merge_household(plan, person)
        plan.source_rows.append(person.row)
        if person.resident is not None:
            plan.people.append(person)
        if person.people_count is not None:
            plan.people_count = person.people_count
        if person.tenancy is not None and plan.tenancy is None:
            plan.tenancy, plan.tenancy_row = person.tenancy, person.row
    for plan in plans.values():
        plan.people.sort(key=lambda p: not p.is_head)
    return list(plans.values())


def _merge_household(plan: HouseholdPlan, person: PersonRow) -> None:
    """Household fields from the head's row win; other rows fill what is still missing."""
    for key, value in person.household.items():
        if person.is_head or key not in plan.fields:
            plan.fields[key] = value
