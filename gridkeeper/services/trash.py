"""The recycle bin: a deleted household (with its residents, visits, requests and leases) can be restored
with every link it had; `restore_any` restores whatever kind of record the bin holds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session, select, update

from gridkeeper.services import disputes
from gridkeeper.services.bin_links import (LinkWatch, Links, Outcome, cut_loose, dangling, fresh_ids, parent_missing,
                                          relink, renumber)
from gridkeeper.services.changes import TOPICS, Change
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import Duplicate, NotFound, ServiceError
from gridkeeper.services.geography import get
from gridkeeper.services.rental_lists import flat_address
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


def _leaving(rows: dict[str, list], household: Household) -> dict[str, set]:
    """The rows going into the bin, by table and key (the link watch leaves them out)."""
    leaving: dict[str, set] = {"household": {(household.id,)}}
    for name, model in _PARTS:
        table = model.__table__
        leaving.setdefault(table.name, set()).update(
            tuple(getattr(row, c.name) for c in table.primary_key.columns) for row in rows[name])
    return leaving


def delete_household(session: Session, household_id: int, *, label: str = "",
                     expected_version: int | None = None) -> DeletedRecord:
    """Move a household and everything hanging off it into the recycle bin. Rows elsewhere that point at
    it (hazards found there, disputes and their parties, leader posts and requests naming a resident,
    leases of a landlord living here, members living here) stay, unlinked; what was cut is kept in the
    bin so that the restore ties it back. With the version the user saw (`expected_version`), a household
    changed elsewhere meanwhile is an EditConflict (removing), not deleted unseen."""
    household = get(session, Household, household_id)
    check_version(session, household, expected_version, removing=True)
    rows = _rows(session, household_id)
    payload = {"household": snapshot(household)}
    payload |= {name: [snapshot(row) for row in rows[name]] for name, _ in _PARTS}
    label = label or flat_address(session, household_id) or household.room  # 幸福家园7号楼2单元301
    leaving = _leaving(rows, household)
    targets = {table: [key[0] for key in keys] for table, keys in leaving.items() if table != "residenttag"}
    with LinkWatch(session, targets, leaving) as watch:
        for member in session.exec(select(Member).where(Member.household_id == household_id)):
            member.household_id = None
            session.add(member)
        for resident in rows["residents"]:
            detach_resident(session, resident.id)
        from gridkeeper.services.hazards import detach_household

        detach_household(session, household_id, [v.id for v in rows["visits"]])
        disputes.detach_household(session, household_id, [r.id for r in rows["requests"]],
                                  [v.id for v in rows["visits"]])
        cut_loose(session, targets, leaving, f"住户 {label}")  # whatever a later register points with
    payload["links"] = watch.links.as_json()
    for name, _ in reversed(_PARTS):
        for row in rows[name]:
            session.delete(row)
        session.flush()
    session.delete(household)
    record = DeletedRecord(kind="household", label=label, payload=json.dumps(payload, ensure_ascii=False),
                           deleted_at=datetime.now(UTC))
    session.add(record)
    session.flush()
    return record


def deleted_records(session: Session, limit: int = 200) -> list[DeletedRecord]:
    """The newest deletions first."""
    return list(session.exec(select(DeletedRecord).order_by(DeletedRecord.deleted_at.desc()).limit(limit)))


@dataclass
class Restored:
    """What came back from the bin: its kind ("household", "place", "dispute", "tenancy", "safety_place"),
    its label, the links that could not be tied back (plain words) and the kinds of lists to refresh."""

    kind: str
    label: str
    notes: list[str] = field(default_factory=list)
    changes: frozenset[Change] = frozenset()


KIND_LABELS = {"household": "住户", "place": "位置", "dispute": "矛盾纠纷", "tenancy": "租约", "safety_place": "检查场所"}


def locked_record(session: Session, deleted_id: int) -> DeletedRecord:
    """The bin's record, locked on a server so that two PCs restoring it at once restore it once; gone
    (restored on another PC, or twice) is a plain refusal."""
    record = session.exec(select(DeletedRecord).where(DeletedRecord.id == deleted_id).with_for_update()).first()
    if record is None:
        raise NotFound("回收站里已没有这条记录：它可能刚在另一台电脑上恢复过。请关闭回收站再打开，看最新的内容")
    return record


def restore_household(session: Session, record: DeletedRecord) -> Outcome:
    """Put a deleted household back exactly as it was, with the links cut when it was deleted; refused
    when its unit is gone (or in the bin) or its room has been reused."""
    payload = json.loads(record.payload)
    what = f"住户“{record.label}”"
    values = payload["household"]
    if session.get(Unit, values["unit_id"]) is None:
        raise parent_missing(session, "unit", values["unit_id"], what)
    taken = session.exec(select(Household).where(Household.unit_id == values["unit_id"],
                                                 Household.room_key == values["room_key"])).first()
    if taken:
        raise Duplicate(f"不能恢复{what}：房号 {values['room']} 已登记了新的住户（#{taken.id}）。"
                        "如要恢复，请先把新登记的住户删除或改到别的房号")
    rows = payload_rows("household", payload)
    links = Links.from_json(payload.get("links"))
    renumbered = fresh_ids(session, rows, links)
    notes, refusals = dangling(session, rows)
    if refusals:
        raise ServiceError(f"不能恢复{what}：" + "；".join(refusals))
    household = Household.model_validate(values)
    session.add(household)
    session.flush()
    tables = {"household"}
    for name, model in _PARTS:
        restored = [model.model_validate(row) for row in payload.get(name, [])]  # older bins lack later parts
        session.add_all(restored)
        session.flush()
        if restored:
            tables.add(model.__table__.name)
    if "links" in payload:
        notes += relink(session, links, what)
        tables |= links.tables()
    else:  # a bin filled before the links were kept: members living here were its only link
        for member_id in payload.get("members", []):
            member = session.get(Member, member_id)
            if member and member.household_id is None:
                member.household_id = household.id
                session.add(member)
                tables.add("member")
    return Outcome(notes, tables, renumbered)


def payload_rows(kind: str, payload: dict) -> dict[str, list[dict]]:
    """The row snapshots a bin record holds, by table (the payload's own dicts: changed in place)."""
    if kind == "household":
        return {"household": [payload["household"]]} | {model.__table__.name: payload.setdefault(name, [])
                                                         for name, model in _PARTS}
    if kind == "place":
        return dict(payload["rows"])
    if kind == "dispute":
        return {"dispute": [payload["dispute"]], "dispute_party": payload["parties"], "dispute_event": payload["events"]}
    if kind in ("tenancy", "safety_place"):
        return {kind: [payload[kind]]}
    return {}


def _renumber_older(session: Session, record: DeletedRecord, renumbered: dict[str, dict[int, int]]) -> None:
    """Records put in the bin before this one may point at its rows (a lease of the flat, a dispute's party):
    they follow the rows to their new ids. Later records cannot mean them (they were gone by then)."""
    older = session.exec(select(DeletedRecord).where(DeletedRecord.deleted_at < record.deleted_at,
                                                     DeletedRecord.id != record.id))
    for other in older:
        payload = json.loads(other.payload)
        links = Links.from_json(payload.get("links"))
        renumber(payload_rows(other.kind, payload), links, renumbered)
        if "links" in payload:
            payload["links"] = links.as_json()
        other.payload = json.dumps(payload, ensure_ascii=False)
        session.add(other)


def restore_any(session: Session, deleted_id: int) -> Restored:
    """Restore whatever the record holds (a household, a place with its units and rooms, a dispute, a
    lease, a safety place), all or nothing; one audit row says what came back."""
    from gridkeeper.services.dispute_trash import restore_dispute
    from gridkeeper.services.place_edit import PLACE_KIND, restore_place
    from gridkeeper.services.rental_trash import restore_tenancy
    from gridkeeper.services.safety_places import restore_safety_place
    from gridkeeper.storage.audit import record_event

    record = locked_record(session, deleted_id)
    restorers = {"household": restore_household, PLACE_KIND: restore_place, "dispute": restore_dispute,
                 "tenancy": restore_tenancy, "safety_place": restore_safety_place}
    if record.kind not in restorers:
        raise ServiceError(f"回收站里的“{record.label}”是这一版本不认识的记录（{record.kind}），不能恢复")
    outcome = restorers[record.kind](session, record)
    if outcome.renumbered:
        _renumber_older(session, record, outcome.renumbered)
    kind, label = record.kind, record.label
    session.delete(record)
    session.flush()
    record_event(session, "restore", f"从回收站恢复{KIND_LABELS.get(kind, kind)} {label}",
                 {"kind": kind, "deleted_record": deleted_id, "notes": outcome.notes,
                  "renumbered": outcome.renumbered}, entity=kind,
                 entity_id=deleted_id)
    changes = frozenset(TOPICS[t] for t in outcome.tables if t in TOPICS)
    return Restored(kind, label, outcome.notes, changes)


restore = restore_any
