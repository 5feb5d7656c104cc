"""A dispute registered by mistake (a duplicate, the wrong people) goes to the recycle bin and can come back.

Only one nobody has worked on yet: no mediation session, no outcome, not turned from a request. Once a
dispute has been mediated it belongs to the register (矛盾纠纷台账) and is closed with a reason instead.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlmodel import Session, select

from gridkeeper.domain.dispute_flow import DisputeStatus
from gridkeeper.services.bin_links import (LinkWatch, Links, Outcome, cut_loose, dangling, fresh_ids, parent_missing,
                                          relink)
from gridkeeper.services.errors import ServiceError
from gridkeeper.services.geography import get
from gridkeeper.services.row_snapshot import snapshot
from gridkeeper.storage.dispute_models import Dispute, DisputeEvent, DisputeParty, MediationSession
from gridkeeper.storage.models import DeletedRecord, Grid

KIND = "dispute"
_PARTS = (("parties", DisputeParty), ("events", DisputeEvent))


def delete_dispute(session: Session, dispute_id: int) -> DeletedRecord:
    """Move a dispute nobody has worked on into the recycle bin (with its parties and history)."""
    dispute = get(session, Dispute, dispute_id)
    sessions = session.exec(select(MediationSession.id).where(MediationSession.dispute_id == dispute_id)).first()
    if dispute.status != DisputeStatus.REGISTERED or sessions is not None or dispute.outcome:
        raise ServiceError("这件纠纷已经调解或有了结果，要留在台账中，不能删除；如登记有误，请“结案”并写明原因")
    if dispute.source_request_id:
        raise ServiceError(f"这件纠纷由诉求 #{dispute.source_request_id} 转来，不能删除；如登记有误，请“结案”并写明原因")
    rows = {name: list(session.exec(select(model).where(model.dispute_id == dispute_id))) for name, model in _PARTS}
    payload = {"dispute": snapshot(dispute)} | {name: [snapshot(r) for r in found] for name, found in rows.items()}
    label = f"矛盾纠纷 #{dispute.id} {dispute.subject}"[:200]
    leaving = {"dispute": {(dispute.id,)}} | {model.__table__.name: {(r.id,) for r in rows[name]} for name, model in _PARTS}
    targets = {table: [key[0] for key in keys] for table, keys in leaving.items()}
    with LinkWatch(session, targets, leaving) as watch:
        cut_loose(session, targets, leaving, label)
    payload["links"] = watch.links.as_json()
    record = DeletedRecord(kind=KIND, label=label, payload=json.dumps(payload, ensure_ascii=False),
                           deleted_at=datetime.now(UTC))
    for name, _ in reversed(_PARTS):
        for row in rows[name]:
            session.delete(row)
    session.flush()
    session.delete(dispute)
    session.add(record)
    session.flush()
    return record


def restore_dispute(session: Session, record: DeletedRecord) -> Outcome:
    """Put the dispute back as it was; links to residents, households or a visit deleted meanwhile are
    dropped and named (the parties' names and phones were copied into their lines)."""
    payload = json.loads(record.payload)
    values = payload["dispute"]
    what = f"“{record.label}”"
    if session.get(Grid, values["grid_id"]) is None:
        raise parent_missing(session, "grid", values["grid_id"], what)
    rows = {"dispute": [values]} | {model.__table__.name: payload[name] for name, model in _PARTS}
    links = Links.from_json(payload.get("links"))
    number = values["id"]
    renumbered = fresh_ids(session, rows, links)  # its number given to a newer dispute (SQLite): a new one
    notes, refusals = dangling(session, rows)
    if refusals:
        raise ServiceError(f"不能恢复{what}：" + "；".join(refusals))
    session.add(Dispute.model_validate(values))
    session.flush()
    for name, model in _PARTS:
        session.add_all(model.model_validate(row) for row in payload[name])
    session.flush()
    notes += relink(session, links, what)
    if "dispute" in renumbered:
        notes.append(f"原编号 #{number} 已被之后登记的纠纷使用，恢复后为矛盾纠纷 #{values['id']}")
    return Outcome(notes, {"dispute", "dispute_party", "dispute_event"} | links.tables(), renumbered)
