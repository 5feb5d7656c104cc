"""A dispute registered by mistake (a duplicate, the wrong people) goes to the recycle bin and can come back.

Only one nobody has worked on yet: no mediation session, no outcome, not turned from a request. Once a
dispute has been mediated it belongs to the register (矛盾纠纷台账) and is closed with a reason instead.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlmodel import Session, select

from gridkeeper.domain.dispute_flow import DisputeStatus
from gridkeeper.services.errors import Duplicate, ServiceError
from gridkeeper.services.geography import get
from gridkeeper.services.row_snapshot import snapshot
from gridkeeper.storage.dispute_models import Dispute, DisputeEvent, DisputeParty, MediationSession
from gridkeeper.storage.models import DeletedRecord, Grid, Household, Resident

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
    record = DeletedRecord(kind=KIND, label=f"矛盾纠纷 #{dispute.id} {dispute.subject}"[:200],
                           payload=json.dumps(payload, ensure_ascii=False), deleted_at=datetime.now(UTC))
    for name, _ in reversed(_PARTS):
        for row in rows[name]:
            session.delete(row)
    session.flush()
    session.delete(dispute)
    session.add(record)
    session.flush()
    return record


def restore_dispute(session: Session, record: DeletedRecord) -> Dispute:
    """Put the dispute back as it was; links to residents or households deleted meanwhile are dropped
    (their names and phones were copied into the party lines)."""
    payload = json.loads(record.payload)
    dispute = Dispute.model_validate(payload["dispute"])
    if session.get(Dispute, dispute.id) is not None:
        raise Duplicate(f"矛盾纠纷 #{dispute.id} 已经存在，不能恢复")
    get(session, Grid, dispute.grid_id)
    if dispute.household_id and session.get(Household, dispute.household_id) is None:
        dispute.household_id = None
    session.add(dispute)
    session.flush()
    for values in payload["parties"]:
        party = DisputeParty.model_validate(values)
        if party.resident_id and session.get(Resident, party.resident_id) is None:
            party.resident_id = None
        if party.household_id and session.get(Household, party.household_id) is None:
            party.household_id = None
        session.add(party)
    session.add_all(DisputeEvent.model_validate(values) for values in payload["events"])
    session.delete(record)
    session.flush()
    return dispute
