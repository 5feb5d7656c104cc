"""Rented-housing records read or released by other services: the lease in force, and what happens to
tenancies and tenants' registrations when a resident is removed some other way."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from gridkeeper.storage.models import Resident
from gridkeeper.storage.rental_models import Tenancy, Tenant


def current_tenancy(session: Session, household_id: int) -> Tenancy | None:
    """The household's tenancy in force (not ended), if any."""
    query = select(Tenancy).where(Tenancy.household_id == household_id, Tenancy.ended_on.is_(None))
    return session.exec(query.order_by(Tenancy.id.desc())).first()


def identity(resident: Resident) -> dict:
    """The resident's identity, kept on a tenant's row for after they move out."""
    return {"name": resident.name, "gender": resident.gender, "id_number": resident.id_number, "phone": resident.phone}


def release_resident(session: Session, resident_id: int, *, today: date | None = None) -> None:
    """A resident is being removed (the household editor, a deleted household, a tenant moving out):
    a tenant's registration keeps who they were and, unless already moved out, counts them as moved
    out today; tenancies they were the landlord of keep the landlord's name, phone and ID."""
    tenant = session.exec(select(Tenant).where(Tenant.resident_id == resident_id)).first()
    if tenant is not None:
        resident = session.get(Resident, resident_id)
        if resident is not None:
            for key, value in identity(resident).items():
                setattr(tenant, key, value)
        tenant.resident_id = None
        tenant.moved_out_on = tenant.moved_out_on or max(today or date.today(), tenant.arrived_on)
        session.add(tenant)
    for tenancy in session.exec(select(Tenancy).where(Tenancy.landlord_resident_id == resident_id)):
        tenancy.landlord_resident_id = None
        session.add(tenancy)
    session.flush()
