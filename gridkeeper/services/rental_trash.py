"""A lease registered by mistake goes to the recycle bin (its tenants stay, unlinked) and can come back."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlmodel import Session, select

from gridkeeper.services.errors import ServiceError
from gridkeeper.services.geography import get
from gridkeeper.services.rental_lists import flat_address
from gridkeeper.services.rental_records import current_tenancy
from gridkeeper.services.row_snapshot import snapshot
from gridkeeper.storage.models import DeletedRecord, Household, Resident
from gridkeeper.storage.rental_models import Tenancy, Tenant

KIND = "tenancy"
_DATES = ("lease_start", "lease_end", "letter_signed_on", "ended_on")


def delete_tenancy(session: Session, tenancy_id: int) -> DeletedRecord:
    """Move a lease into the recycle bin; the tenants registered under it stay with the flat, unlinked."""
    tenancy = get(session, Tenancy, tenancy_id)
    tenants = list(session.exec(select(Tenant).where(Tenant.tenancy_id == tenancy_id)))
    values = snapshot(tenancy)
    for tenant in tenants:
        tenant.tenancy_id = None
        session.add(tenant)
    session.flush()
    label = f"租约 {flat_address(session, tenancy.household_id)}（房东 {tenancy.landlord_name}，{tenancy.lease_start:%Y-%m-%d} 起）"
    session.delete(tenancy)
    record = DeletedRecord(kind=KIND, label=label[:200], deleted_at=datetime.now(UTC),
                           payload=json.dumps({"tenancy": values, "tenants": [t.id for t in tenants]},
                                              ensure_ascii=False))
    session.add(record)
    session.flush()
    return record


def restore_tenancy(session: Session, record: DeletedRecord) -> Tenancy:
    """Put a deleted lease back (same id) and relink its tenants; refused when the flat is gone or now
    has another lease in force."""
    payload = json.loads(record.payload)
    values = dict(payload["tenancy"])
    for key in _DATES:
        values[key] = date.fromisoformat(values[key]) if values.get(key) else None
    if session.get(Household, values["household_id"]) is None:
        raise ServiceError(f"“{record.label}”所在的住户已删除，请先恢复住户")
    if values["ended_on"] is None and (other := current_tenancy(session, values["household_id"])):
        raise ServiceError(f"该房屋已登记 {other.lease_start:%Y-%m-%d} 起的在租租约（房东 {other.landlord_name}），"
                           "请先结束或删除它再恢复")
    if values.get("landlord_resident_id") and session.get(Resident, values["landlord_resident_id"]) is None:
        values["landlord_resident_id"] = None
    tenancy = Tenancy(**values)
    session.add(tenancy)
    session.flush()
    for tenant_id in payload.get("tenants", []):
        tenant = session.get(Tenant, tenant_id)
        if tenant is not None and tenant.tenancy_id is None and tenant.household_id == tenancy.household_id:
            tenant.tenancy_id = tenancy.id
            session.add(tenant)
    session.delete(record)
    session.flush()
    return tenancy
