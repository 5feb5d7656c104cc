"""Two people editing the same record: detecting that the one saving now opened an older version.

Households, residents, leader posts, members and requests carry a `version` that every UPDATE checks
and increments (storage/models.py, version_id_col). A form remembers the version it showed; a save
passes it as `expected_version`. If the row has moved on, EditConflict says who changed it and when
(from the audit trail) and carries both versions so the window can show them side by side.
Between loading and writing inside one save, the same counter makes the UPDATE match no row
(StaleDataError), which `conflict_from_stale` turns into the same message.
The conflict names the record as the user knows it (a resident's name, a household's address) and the
records its reference fields point to (a unit, a grid), never their record numbers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, inspect, or_, select
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from gridkeeper.services.errors import EditConflict
from gridkeeper.storage.audit import ENTITY_LABELS, plain
from gridkeeper.storage.hazard_models import SafetyPlace
from gridkeeper.storage.models import AuditEntry, Building, Compound, Grid, Household, Member, Resident, Unit


def last_change(session: Session, table: str, record_id: int) -> tuple[str, str]:
    """(who, when) of the newest audited change of a record; ("", "") when none is recorded. A household's
    changes include its residents' (a resident added or changed moves the household's version on too)."""
    mine = and_(AuditEntry.entity == table, AuditEntry.entity_id == str(record_id))
    if table == "household":
        from gridkeeper.storage.models import Resident

        residents = [str(rid) for rid in session.exec(select(Resident.id).where(Resident.household_id == record_id))
                     .scalars()]
        if residents:
            mine = or_(mine, and_(AuditEntry.entity == "resident", AuditEntry.entity_id.in_(residents)))
    row = session.exec(select(AuditEntry.actor, AuditEntry.at).where(mine)
                       .order_by(AuditEntry.id.desc()).limit(1)).first()
    if row is None:
        return "", ""
    actor, at = row
    try:
        when = datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        when = at
    return actor, when


def _values(session: Session, record) -> dict:
    state = inspect(record)
    values = {attr.key: plain(getattr(record, attr.key)) for attr in state.mapper.column_attrs}
    if record.__table__.name == "resident" and record.id is not None:  # care tags are part of a resident
        from gridkeeper.storage.models import ResidentTag

        values["tags"] = sorted(session.exec(select(ResidentTag.tag).where(ResidentTag.resident_id == record.id)).scalars())
    return values


def record_name(session: Session, record) -> str:
    """What the user calls a record: a household's address, a person's or place's name; "" when it has none."""
    if record is None or record.id is None:
        return ""
    if record.__table__.name == "household":
        from gridkeeper.services.addresses import summaries

        found = summaries(session, [record.id])
        return found[0].address if found else ""
    for attribute in ("name", "person_name", "landlord_name", "title"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _unit_name(session: Session, unit_id: int) -> str:
    row = session.exec(select(Grid.code, Compound.name, Building.label, Unit.label)
                       .join(Building, Building.id == Unit.building_id).join(Grid, Grid.id == Building.grid_id)
                       .join(Compound, Compound.id == Building.compound_id).where(Unit.id == unit_id)).first()
    return f"{row[0]} {row[1]} {row[2]} {row[3]}" if row else ""


def _building_name(session: Session, building_id: int) -> str:
    row = session.exec(select(Compound.name, Building.label).join(Compound, Compound.id == Building.compound_id)
                       .where(Building.id == building_id)).first()
    return f"{row[0]} {row[1]}" if row else ""


def _grid_name(session: Session, grid_id: int) -> str:
    grid = session.get(Grid, grid_id)
    return f"{grid.code} {grid.name}" if grid else ""


def _named(model):
    return lambda session, record_id: record_name(session, session.get(model, record_id))


# Reference fields → how the record they point to is named (a unit by its grid, compound, building and unit).
REFERENCE_NAMES = {
    "unit_id": _unit_name, "building_id": _building_name, "grid_id": _grid_name, "compound_id": _named(Compound),
    "household_id": _named(Household), "resident_id": _named(Resident), "landlord_resident_id": _named(Resident),
    "member_id": _named(Member), "place_id": _named(SafetyPlace),
}


def reference_names(session: Session, *versions: dict) -> dict[tuple[str, int], str]:
    """{(field, record id): name} for the reference fields of both versions (a moved household's old and new
    unit), so the conflict dialog shows names where the columns hold record numbers."""
    names: dict[tuple[str, int], str] = {}
    for values in versions:
        for key, value in (values or {}).items():
            namer = REFERENCE_NAMES.get(key)
            if namer is None or not isinstance(value, int) or isinstance(value, bool) or (key, value) in names:
                continue
            if name := namer(session, value):
                names[(key, value)] = name
    return names


def conflict(session: Session, record, *, opened_version: int | None, yours: dict | None = None,
             removing: bool = False) -> EditConflict:
    """The EditConflict for `record` as it is now: who changed it last and when, and both versions
    (`removing`: the refused save was removing it)."""
    table = record.__table__.name
    who, when = last_change(session, table, record.id)
    theirs, yours = _values(session, record), {k: plain(v) for k, v in (yours or {}).items()}
    return EditConflict(ENTITY_LABELS.get(table, table), record.id, opened_version=opened_version,
                        current_version=record.version, changed_by=who, changed_at=when, table=table,
                        theirs=theirs, yours=yours, name=record_name(session, record), removing=removing,
                        names=reference_names(session, theirs, yours))


def check_version(session: Session, record, expected_version: int | None, *, yours: dict | None = None,
                  removing: bool = False) -> None:
    """Raise EditConflict when `record` is no longer at the version the user opened (None: not checked);
    `removing`: the save was about to remove it (someone's change meanwhile must not vanish unseen)."""
    if expected_version is None or record.version == expected_version:
        return
    raise conflict(session, record, opened_version=expected_version, yours=yours, removing=removing)


def conflict_from_stale(session: Session, exc: StaleDataError, record) -> EditConflict:
    """The EditConflict for an UPDATE that matched no row because another save got there first."""
    table = record.__table__.name
    session.rollback()
    current = session.get(type(record), record.id)
    who, when = last_change(session, table, record.id)
    theirs = _values(session, current) if current is not None else {}
    return EditConflict(ENTITY_LABELS.get(table, table), record.id, opened_version=None, table=table,
                        current_version=current.version if current is not None else None,
                        changed_by=who, changed_at=when, theirs=theirs, name=record_name(session, current),
                        names=reference_names(session, theirs))
