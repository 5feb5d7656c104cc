"""The recycle bin: a deleted household (with its residents, visits and requests) can be restored."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlmodel import Session, select, update

from gridkeeper.services import disputes
from gridkeeper.services.errors import Duplicate
from gridkeeper.services.geography import get
from gridkeeper.services.rental_records import release_resident
from gridkeeper.services.row_snapshot import snapshot
from gridkeeper.storage.models import (
    DeletedRecord,
    Household,
    LeaderAssignment,
    Member,
    RequestEvent,
    Resident,
    ResidentRequest,
    ResidentTag,
    Unit,
    Visit,
)
from gridkeeper.storage.rental_models import Tenancy, Tenant

# Children first when inserting back, parents last when deleting.
_PARTS = [
    ("residents", Resident),
    ("tags", ResidentTag),
    ("visits", Visit),
    ("requests", ResidentRequest),
    ("events", RequestEvent),
    ("tenancies", Tenancy),
    ("tenants", Tenant),
]


def detach_resident(session: Session, resident_id: int) -> None:
    """Keep records that mention a resident who is being removed (leader posts keep name and phone)."""
    session.exec(update(LeaderAssignment).where(LeaderAssignment.resident_id == resident_id).values(resident_id=None))
    session.exec(update(ResidentRequest).where(ResidentRequest.resident_id == resident_id).values(resident_id=None))
    disputes.detach_resident(session, resident_id)
    release_resident(session, resident_id)  # tenants' registrations and landlords of tenancies


def _rows(session: Session, household_id: int) -> dict[str, list]:
    residents = list(session.exec(select(Resident).where(Resident.household_id == household_id)))
    resident_ids = [r.id for r in residents]
    requests = list(session.exec(select(ResidentRequest).where(ResidentRequest.household_id == household_id)))
    return {
        "residents": residents,
        "tags": list(session.exec(select(ResidentTag).where(ResidentTag.resident_id.in_(resident_ids)))),
        "visits": list(session.exec(select(Visit).where(Visit.household_id == household_id))),
        "requests": requests,
        "events": list(session.exec(select(RequestEvent).where(
            RequestEvent.request_id.in_([r.id for r in requests])))),
        "tenancies": list(session.exec(select(Tenancy).where(Tenancy.household_id == household_id))),
        "tenants": list(session.exec(select(Tenant).where(Tenant.household_id == household_id))),
    }


def delete_household(session: Session, household_id: int, *, label: str = "") -> DeletedRecord:
    """Move a household and everything hanging off it into the recycle bin."""
    household = get(session, Household, household_id)
    rows = _rows(session, household_id)
    members = list(session.exec(select(Member).where(Member.household_id == household_id)))
    payload = {"household": snapshot(household),
               "members": [m.id for m in members]}
    payload |= {name: [snapshot(row) for row in rows[name]] for name, _ in _PARTS}
    for member in members:
        member.household_id = None
        session.add(member)
    for resident in rows["residents"]:
        detach_resident(session, resident.id)
    from gridkeeper.services.hazards import detach_household

    detach_household(session, household_id, [v.id for v in rows["visits"]])
    disputes.detach_household(session, household_id, [r.id for r in rows["requests"]],
                              [v.id for v in rows["visits"]])
    session.flush()
    for name, _ in reversed(_PARTS):
        for row in rows[name]:
            session.delete(row)
        session.flush()
    session.delete(household)
    unit = session.get(Unit, household.unit_id)
    record = DeletedRecord(kind="household", label=label or f"{unit.label if unit else ''} {household.room}".strip(),
                           payload=json.dumps(payload, ensure_ascii=False), deleted_at=datetime.now(UTC))
    session.add(record)
    session.flush()
    return record


def deleted_records(session: Session, limit: int = 200) -> list[DeletedRecord]:
    """The newest deletions first."""
    return list(session.exec(select(DeletedRecord).order_by(DeletedRecord.deleted_at.desc()).limit(limit)))


def restore(session: Session, deleted_id: int) -> Household:
    """Put a deleted household back exactly as it was; refused if its room has been reused."""
    record = get(session, DeletedRecord, deleted_id)
    payload = json.loads(record.payload)
    household = Household.model_validate(payload["household"])
    get(session, Unit, household.unit_id)
    taken = session.exec(select(Household).where(Household.unit_id == household.unit_id,
                                                 Household.room_key == household.room_key)).first()
    if taken:
        raise Duplicate(f"房号 {household.room} 已有新的住户登记，不能恢复")
    session.add(household)
    session.flush()
    for name, model in _PARTS:
        rows = [model.model_validate(row) for row in payload.get(name, [])]  # older bins lack the later parts
        if model is Tenancy:  # a landlord who lived elsewhere may have been removed meanwhile
            for row in rows:
                if row.landlord_resident_id and session.get(Resident, row.landlord_resident_id) is None:
                    row.landlord_resident_id = None
        session.add_all(rows)
        session.flush()
    for member_id in payload.get("members", []):
        member = session.get(Member, member_id)
        if member and member.household_id is None:
            member.household_id = household.id
            session.add(member)
    session.delete(record)
    from gridkeeper.storage.audit import record_event

    record_event(session, "restore", f"从回收站恢复住户 {record.label}", {"household_id": household.id},
                 entity="household", entity_id=household.id)
    return household


def restore_any(session: Session, deleted_id: int) -> str:
    """Restore whatever the record holds (a household, or a place with its units and rooms); returns
    what it was: "household" or "place"."""
    from gridkeeper.services.place_edit import PLACE_KIND, restore_place

    record = get(session, DeletedRecord, deleted_id)
    if record.kind == PLACE_KIND:
        restore_place(session, record)
        return PLACE_KIND
    if record.kind == "dispute":
        from gridkeeper.services.dispute_trash import restore_dispute

        restore_dispute(session, record)
        return record.kind
    if record.kind == "tenancy":
        from gridkeeper.services.rental_trash import restore_tenancy

        restore_tenancy(session, record)
        return record.kind
    if record.kind == "safety_place":
        from gridkeeper.services.safety_places import restore_safety_place

        restore_safety_place(session, record)
        return record.kind
    restore(session, deleted_id)
    return record.kind
