"""A lease registered by mistake goes to the recycle bin (its tenants stay, unlinked) and can come back."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlmodel import Session, select

from gridkeeper.services.bin_links import (LinkWatch, Links, Outcome, cut_loose, dangling, fresh_ids, parent_missing,
                                          relink)
from gridkeeper.services.errors import ServiceError
from gridkeeper.services.geography import get
from gridkeeper.services.rental_lists import flat_address
from gridkeeper.services.rental_records import current_tenancy
from gridkeeper.services.row_snapshot import snapshot
from gridkeeper.storage.models import DeletedRecord, Household
from gridkeeper.storage.rental_models import Tenancy, Tenant

KIND = "tenancy"
_DATES = ("lease_start", "lease_end", "letter_signed_on", "ended_on")


def delete_tenancy(session: Session, tenancy_id: int) -> DeletedRecord:
    """Move a lease into the recycle bin; the tenants registered under it stay with the flat, unlinked."""
    tenancy = get(session, Tenancy, tenancy_id)
    values = snapshot(tenancy)
    label = f"租约 {flat_address(session, tenancy.household_id)}（房东 {tenancy.landlord_name}，{tenancy.lease_start:%Y-%m-%d} 起）"
    leaving = {"tenancy": {(tenancy_id,)}}
    with LinkWatch(session, {"tenancy": [tenancy_id]}, leaving) as watch:
        cut_loose(session, {"tenancy": [tenancy_id]}, leaving, label)  # its tenants: tenancy_id emptied
    session.delete(tenancy)
    record = DeletedRecord(kind=KIND, label=label[:200], deleted_at=datetime.now(UTC),
                           payload=json.dumps({"tenancy": values, "links": watch.links.as_json()}, ensure_ascii=False))
    session.add(record)
    session.flush()
    return record


def restore_tenancy(session: Session, record: DeletedRecord) -> Outcome:
    """Put a deleted lease back (same id) and relink its tenants; refused when the flat is gone (or in
    the bin) or now has another lease in force."""
    payload = json.loads(record.payload)
    values = dict(payload["tenancy"])
    what = f"“{record.label}”"
    if session.get(Household, values["household_id"]) is None:
        raise parent_missing(session, "household", values["household_id"], what)
    if values["ended_on"] is None and (other := current_tenancy(session, values["household_id"])):
        raise ServiceError(f"该房屋已登记 {other.lease_start:%Y-%m-%d} 起的在租租约（房东 {other.landlord_name}），"
                           "请先结束或删除它再恢复")
    links = Links.from_json(payload.get("links"))
    renumbered = fresh_ids(session, {"tenancy": [values]}, links)
    notes, _ = dangling(session, {"tenancy": [values]})  # a landlord removed meanwhile: the copied name stays
    for key in _DATES:
        values[key] = date.fromisoformat(values[key]) if values.get(key) else None
    tenancy = Tenancy(**values)
    session.add(tenancy)
    session.flush()
    if "links" in payload:
        notes += relink(session, links, what)
    else:  # a bin filled before the links were kept: the tenants' ids
        for tenant_id in payload.get("tenants", []):
            tenant = session.get(Tenant, tenant_id)
            if tenant is not None and tenant.tenancy_id is None and tenant.household_id == tenancy.household_id:
                tenant.tenancy_id = tenancy.id
                session.add(tenant)
    session.flush()
    return Outcome(notes, {"tenancy", "tenant"}, renumbered)
