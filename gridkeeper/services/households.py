"""Households and their residents: create, edit, delete into the recycle bin, restore."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import Session, delete, select

from gridkeeper.domain.errors import RuleWarning, ValueRuleError
from gridkeeper.domain.fields import item_field
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import Duplicate, NotFound, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.people import HouseholdInput, ResidentInput, household_values, resident_values
from gridkeeper.storage.models import Household, Resident, ResidentTag, Unit


@dataclass
class SavedHousehold:
    household: Household
    residents: list[Resident]
    warnings: list[RuleWarning]


def _check_room_free(session: Session, unit_id: int, key: str, *, except_id: int | None = None) -> None:
    query = select(Household).where(Household.unit_id == unit_id, Household.room_key == key)
    existing = session.exec(query).first()
    if existing and existing.id != except_id:
        raise Duplicate(f"该单元已有房号 {existing.room} 的住户")


def _unregistered_room(session: Session, unit_id: int, key: str) -> Household | None:
    """The room's household record if it was only laid out (no residents, visits or requests yet)."""
    from gridkeeper.storage.models import ResidentRequest, Visit
    from gridkeeper.storage.rental_models import Tenancy, Tenant

    household = session.exec(select(Household).where(Household.unit_id == unit_id, Household.room_key == key)).first()
    if household is None:
        return None
    for model in (Resident, Visit, ResidentRequest, Tenancy, Tenant):
        if session.exec(select(model.id).where(model.household_id == household.id).limit(1)).first() is not None:
            return None
    return household


def _check_id_free(session: Session, id_number: str, *, except_id: int | None, row: str = "") -> None:
    if not id_number:
        return
    query = select(Resident).where(Resident.id_number == id_number)
    for other in session.exec(query):
        if other.id != except_id:
            raise ValidationFailed([ValueRuleError("id_number", f"{row}与已登记的居民 {other.name} 重复")])


def _validate_residents(residents: list[ResidentInput], today: date | None) -> tuple[list[dict], list[RuleWarning]]:
    """Validate every resident; each error is keyed by its resident's place in the list ("residents.2.name")."""
    values, warnings, errors = [], [], []
    seen_ids: dict[str, int] = {}
    for index, data in enumerate(residents, start=1):
        try:
            item, found = resident_values(data, today=today)
        except ValidationFailed as exc:
            errors += [ValueRuleError(item_field("residents", index, e.field), e.reason, e.table) for e in exc.errors]
            continue
        if item["id_number"] and item["id_number"] in seen_ids:
            errors.append(ValueRuleError(item_field("residents", index, "id_number"),
                                         f"与第{seen_ids[item['id_number']]}位居民重复"))
        seen_ids.setdefault(item["id_number"], index) if item["id_number"] else None
        values.append(item | {"id": data.id, "_version": data.version})
        warnings += found
    if errors:
        raise ValidationFailed(errors)
    return values, warnings


def _checked(data: HouseholdInput, residents: list[ResidentInput] | None,
             today: date | None) -> tuple[dict, list[dict], list[RuleWarning]]:
    """The household's and its residents' values, or ValidationFailed naming every wrong field of both at once."""
    errors: list[ValueRuleError] = []
    values, rows, warnings = {}, [], []
    try:
        values = household_values(data)
    except ValidationFailed as exc:
        errors += exc.errors
    if residents is not None:
        try:
            rows, warnings = _validate_residents(list(residents), today)
        except ValidationFailed as exc:
            errors += exc.errors
    if errors:
        raise ValidationFailed(errors)
    return values, rows, warnings


def _touch(record, attribute: str) -> None:
    """Count a change the record's own columns do not show (its care tags, its household's residents) as an
    edit: the UPDATE is issued and the version moves on, so a form opened before it sees a conflict."""
    flag_modified(record, attribute)


def _write_resident(session: Session, household_id: int, values: dict) -> Resident:
    tags = values.pop("tags")
    record_id = values.pop("id", None)
    expected_version = values.pop("_version", None)
    _check_id_free(session, values["id_number"], except_id=record_id, row=f"{values['name']}的身份证号")
    if record_id:
        resident = get(session, Resident, record_id)
        if resident.household_id != household_id:
            raise NotFound(f"居民 #{record_id} 不属于这一户")
        check_version(session, resident, expected_version, yours=values | {"tags": sorted(tags)})
        for key, value in values.items():
            setattr(resident, key, value)
        if sorted(tags) != sorted(resident_tags(session, [resident.id])[resident.id]):
            _touch(resident, "name")
    else:
        resident = Resident(household_id=household_id, **values)
    session.add(resident)
    session.flush()
    session.exec(delete(ResidentTag).where(ResidentTag.resident_id == resident.id))
    session.add_all(ResidentTag(resident_id=resident.id, tag=tag) for tag in tags)
    return resident


def create_household(session: Session, data: HouseholdInput, residents: list[ResidentInput] = (),
                     *, today: date | None = None) -> SavedHousehold:
    """A new household in a unit with its residents, all or nothing."""
    get(session, Unit, data.unit_id)
    values, resident_rows, warnings = _checked(data, list(residents), today)
    household = _unregistered_room(session, data.unit_id, values["room_key"])
    if household is None:
        _check_room_free(session, data.unit_id, values["room_key"])
        household = Household(**values)
    else:  # a room laid out with its building (vacant, nobody registered): this registration fills it
        for key, value in values.items():
            setattr(household, key, value)
    session.add(household)
    session.flush()
    saved = [_write_resident(session, household.id, row) for row in resident_rows]
    return SavedHousehold(household, saved, warnings)


def update_household(session: Session, household_id: int, data: HouseholdInput,
                     residents: list[ResidentInput] | None = None, *, today: date | None = None,
                     shown: Mapping[int, int | None] | set[int] | None = None) -> SavedHousehold:
    """Save a household as edited; with `residents`, that list becomes its residents. A resident missing from
    the list is removed only if the form showed it (`shown`, the ids it opened with; None: every resident),
    so one added on another PC meanwhile is kept; with the versions shown ({id: version}) a resident changed
    on another PC meanwhile is not removed unseen (EditConflict, `removing`). Adding or removing residents
    counts as an edit of the household (its version moves on)."""
    household = get(session, Household, household_id)
    values, resident_rows, warnings = _checked(data, residents, today)
    check_version(session, household, data.version, yours=values)
    get(session, Unit, values["unit_id"])
    _check_room_free(session, values["unit_id"], values["room_key"], except_id=household_id)
    for key, value in values.items():
        setattr(household, key, value)
    session.add(household)
    if residents is None:
        return SavedHousehold(household, household_residents(session, household_id), warnings)
    kept = {row["id"] for row in resident_rows if row["id"]}
    changed = any(not row["id"] for row in resident_rows)
    for old in household_residents(session, household_id):
        if old.id not in kept and (shown is None or old.id in shown):
            check_version(session, old, shown.get(old.id) if isinstance(shown, Mapping) else None, removing=True)
            _remove_resident(session, old)
            changed = True
    if changed:
        _touch(household, "room")
    session.flush()
    saved = [_write_resident(session, household.id, row) for row in resident_rows]
    return SavedHousehold(household, saved, warnings)


def household_residents(session: Session, household_id: int) -> list[Resident]:
    """The residents of a household, head first."""
    query = select(Resident).where(Resident.household_id == household_id)
    return sorted(session.exec(query), key=lambda r: (not r.is_head, r.id))


def resident_tags(session: Session, resident_ids: list[int]) -> dict[int, list[str]]:
    """Care tags per resident id."""
    tags: dict[int, list[str]] = {rid: [] for rid in resident_ids}
    if resident_ids:
        for row in session.exec(select(ResidentTag).where(ResidentTag.resident_id.in_(resident_ids))):
            tags[row.resident_id].append(row.tag)
    return tags


def add_resident(session: Session, household_id: int, data: ResidentInput, *, today: date | None = None) -> Resident:
    """Add one resident to an existing household."""
    _touch(get(session, Household, household_id), "room")
    values, _ = resident_values(data, today=today)
    return _write_resident(session, household_id, values | {"id": None})


def update_resident(session: Session, resident_id: int, data: ResidentInput, *, today: date | None = None) -> Resident:
    """Save one resident's edited fields."""
    resident = get(session, Resident, resident_id)
    values, _ = resident_values(data, today=today)
    return _write_resident(session, resident.household_id, values | {"id": resident_id, "_version": data.version})


def _remove_resident(session: Session, resident: Resident) -> None:
    from gridkeeper.services.trash import detach_resident

    detach_resident(session, resident.id)
    session.exec(delete(ResidentTag).where(ResidentTag.resident_id == resident.id))
    session.delete(resident)


def delete_resident(session: Session, resident_id: int, *, expected_version: int | None = None) -> None:
    """Remove a resident (leader posts they held keep the name and phone); with the version the user saw, a
    resident changed elsewhere meanwhile is a conflict, not removed."""
    resident = get(session, Resident, resident_id)
    check_version(session, resident, expected_version, removing=True)
    _touch(get(session, Household, resident.household_id), "room")
    _remove_resident(session, resident)
