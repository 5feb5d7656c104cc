"""Tenants (流动人口登记): register a resident of a rented flat as a tenant, edit, move out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from gridkeeper.domain.enums import Relation, ResidenceStatus
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.names import visible_text
from gridkeeper.domain.rentals import normalize_permit_number
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import Duplicate, ServiceError, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.people import ResidentInput, resident_values
from gridkeeper.services.rental_records import current_tenancy, identity
from gridkeeper.storage.models import Resident
from gridkeeper.storage.rental_models import Tenant

TENANT_STATUSES = (ResidenceStatus.MIGRANT, ResidenceStatus.RESIDENT)


@dataclass
class TenantInput:
    """What a tenant's registration adds to a resident."""

    arrived_on: date | None = None
    from_place: str = ""  # 户籍地 / 来自（省市）
    workplace: str = ""
    permit_number: str = ""  # 居住证号
    permit_expires: date | None = None
    version: int | None = None  # the version the form showed; None: not checked


def tenant_values(data: TenantInput, *, today: date | None = None) -> dict:
    """Column values for a Tenant, or ValidationFailed naming every wrong field."""
    today = today or date.today()
    errors: list[ValueRuleError] = []
    if data.arrived_on is None:
        errors.append(ValueRuleError("arrived_on", "不能为空"))
    elif data.arrived_on > today:
        errors.append(ValueRuleError("arrived_on", "不能晚于今天"))
    texts = {}
    for key in ("from_place", "workplace"):
        texts[key] = visible_text(getattr(data, key))
        if len(texts[key]) > 100:
            errors.append(ValueRuleError(key, f"过长（{len(texts[key])}个字，最多100个）"))
    permit = ""
    try:
        permit = normalize_permit_number(data.permit_number, field="permit_number")
    except ValueRuleError as exc:
        errors.append(exc)
    if permit and data.permit_expires is None:
        errors.append(ValueRuleError("permit_expires", "填写了居住证号时必填"))
    if data.permit_expires and not (permit or (data.permit_number or "").strip()):
        errors.append(ValueRuleError("permit_number", "填写了有效期时必填"))
    if data.permit_expires and data.arrived_on and data.permit_expires < data.arrived_on:
        errors.append(ValueRuleError("permit_expires", "不能早于来本地日期"))
    if errors:
        raise ValidationFailed(errors)
    return {"arrived_on": data.arrived_on, "permit_number": permit, "permit_expires": data.permit_expires} | texts


def _check_status(resident: Resident) -> None:
    if resident.residence_status not in TENANT_STATUSES:
        raise ValidationFailed([ValueRuleError(
            "residence_status", f"{resident.name}是户籍居民；登记为租户的应为“流动”或“常住（非户籍）”")])


def _new_tenant(session: Session, resident: Resident, values: dict) -> Tenant:
    living = session.exec(select(Tenant).where(Tenant.resident_id == resident.id)).first()
    if living:
        raise Duplicate(f"{resident.name}已登记为租户（{living.arrived_on:%Y-%m-%d} 来本地）")
    tenancy = current_tenancy(session, resident.household_id)
    tenant = Tenant(household_id=resident.household_id, resident_id=resident.id,
                    tenancy_id=tenancy.id if tenancy else None, **identity(resident), **values)
    session.add(tenant)
    session.flush()
    return tenant


def add_tenant(session: Session, household_id: int, person: ResidentInput, details: TenantInput, *,
               today: date | None = None) -> Tenant:
    """A new resident of the household registered as a tenant at once (all or nothing)."""
    from gridkeeper.services.households import add_resident

    errors: list[ValueRuleError] = []
    try:
        values = tenant_values(details, today=today)
    except ValidationFailed as exc:
        errors += exc.errors
    try:
        resident_values(person, today=today)
    except ValidationFailed as exc:
        errors = exc.errors + errors
    try:
        if ResidenceStatus.from_text(str(person.residence_status)) not in TENANT_STATUSES:
            errors.append(ValueRuleError("residence_status", "租户应为“流动”或“常住（非户籍）”"))
    except ValueError:
        pass  # resident_values named it
    if errors:
        raise ValidationFailed(errors)
    resident = add_resident(session, household_id, person, today=today)
    return _new_tenant(session, resident, values)


def register_tenant(session: Session, resident_id: int, details: TenantInput, *, today: date | None = None) -> Tenant:
    """Register a resident already in the household (流动 or 常住) as a tenant."""
    resident = get(session, Resident, resident_id)
    values = tenant_values(details, today=today)
    _check_status(resident)
    return _new_tenant(session, resident, values)


def update_tenant(session: Session, tenant_id: int, details: TenantInput, *, today: date | None = None) -> Tenant:
    """Save a tenant's edited registration (arrival, origin, workplace, permit)."""
    tenant = get(session, Tenant, tenant_id)
    values = tenant_values(details, today=today)
    check_version(session, tenant, details.version, yours=values)
    if tenant.moved_out_on and values["arrived_on"] > tenant.moved_out_on:
        raise ValidationFailed([ValueRuleError("arrived_on", "不能晚于搬离日期")])
    if tenant.resident_id:
        values |= identity(get(session, Resident, tenant.resident_id))
    for key, value in values.items():
        setattr(tenant, key, value)
    session.add(tenant)
    session.flush()
    return tenant


def move_out(session: Session, tenant_id: int, *, on: date | None = None, today: date | None = None,
             expected_version: int | None = None) -> Tenant:
    """The tenant has moved out (搬离): they leave the household's residents; the registration stays
    with its moved-out date (and who they were) for the ledgers of the months they lived here."""
    from gridkeeper.services.households import delete_resident

    today = today or date.today()
    on = on or today
    tenant = get(session, Tenant, tenant_id)
    check_version(session, tenant, expected_version, yours=dict(moved_out_on=on))
    if tenant.moved_out_on:
        raise ServiceError(f"{tenant.name}已于 {tenant.moved_out_on:%Y-%m-%d} 搬离")
    if on > today:
        raise ValidationFailed([ValueRuleError("moved_out_on", "不能晚于今天")])
    if on < tenant.arrived_on:
        raise ValidationFailed([ValueRuleError("moved_out_on", "不能早于来本地日期")])
    resident_id = tenant.resident_id
    if resident_id:
        for key, value in identity(get(session, Resident, resident_id)).items():
            setattr(tenant, key, value)
    tenant.moved_out_on, tenant.resident_id = on, None
    session.add(tenant)
    session.flush()
    if resident_id:
        delete_resident(session, resident_id)
        session.flush()
    return tenant


def tenants_of(session: Session, household_id: int, *, living_only: bool = False) -> list[Tenant]:
    """A household's tenants, those living there first (by arrival), then those who moved out."""
    query = select(Tenant).where(Tenant.household_id == household_id)
    if living_only:
        query = query.where(Tenant.moved_out_on.is_(None))
    rows = session.exec(query)
    return sorted(rows, key=lambda t: (t.moved_out_on is not None, t.arrived_on, t.id))


def tenant_of_resident(session: Session, resident_id: int) -> Tenant | None:
    return session.exec(select(Tenant).where(Tenant.resident_id == resident_id)).first()


DEFAULT_RELATION = Relation.TENANT.label
