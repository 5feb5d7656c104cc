"""Rented flats (出租房屋): register a tenancy, edit it, end it; earlier tenancies stay as the flat's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from gridkeeper.domain.enums import HousingUse
from gridkeeper.domain.errors import RuleWarning, ValueRuleError
from gridkeeper.domain.idnumber import parse_id_number
from gridkeeper.domain.names import clean_name
from gridkeeper.domain.phone import normalize_phone
from gridkeeper.domain.rentals import MAX_TENANTS, RentUse
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import Duplicate, ServiceError, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.rental_records import current_tenancy
from gridkeeper.services.tenants import move_out, tenants_of
from gridkeeper.storage.models import Household, Resident
from gridkeeper.storage.rental_models import Tenancy

MAX_LEASE_YEARS = 20  # 民法典第七百零五条：租赁期限不得超过二十年
MAX_ROOMS = 50
RENTABLE = (HousingUse.RENTED, HousingUse.SHOP)


@dataclass
class TenancyInput:
    """A tenancy as typed in the form or read from a landlord's tenant list."""

    household_id: int
    landlord_name: str = ""
    landlord_phone: str = ""
    landlord_id_number: str = ""
    landlord_resident_id: int | None = None  # the landlord is a resident of the community
    lease_start: date | None = None
    lease_end: date | None = None
    rent_use: RentUse | str = RentUse.DWELLING
    rooms: int | None = None
    tenant_count: int = 0
    letter_signed: bool = False
    letter_signed_on: date | None = None
    notes: str = ""
    version: int | None = None  # the version the form showed; None: not checked


@dataclass
class SavedTenancy:
    tenancy: Tenancy
    warnings: list[RuleWarning] = field(default_factory=list)


def _landlord(data: TenancyInput, resident: Resident | None, errors: list, today: date) -> dict:
    name = clean_name(data.landlord_name) or (resident.name if resident else "")
    if not name:
        errors.append(ValueRuleError("landlord_name", "不能为空（房东是本社区居民时可从居民中选择）"))
    elif len(name) > 50:
        errors.append(ValueRuleError("landlord_name", f"过长（{len(name)}个字，最多50个）"))
    phone, id_number = "", ""
    try:
        phone = normalize_phone(data.landlord_phone or (resident.phone if resident else ""), field="landlord_phone")
    except ValueRuleError as exc:
        errors.append(exc)
    raw_id = (data.landlord_id_number or "").strip() or (resident.id_number if resident else "")
    if raw_id:
        try:
            id_number = parse_id_number(raw_id, today=today, field="landlord_id_number").number
        except ValueRuleError as exc:
            errors.append(exc)
    return {"landlord_name": name, "landlord_phone": phone, "landlord_id_number": id_number,
            "landlord_resident_id": resident.id if resident else None}


def _count(value, field_name: str, low: int, high: int, errors: list, *, optional: bool) -> int | None:
    if value is None or value == "":
        return None if optional else 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors.append(ValueRuleError(field_name, f"“{value}”不是整数"))
        return None
    if not low <= number <= high:
        errors.append(ValueRuleError(field_name, f"应在{low}到{high}之间"))
    return number


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _lease(data: TenancyInput, errors: list, today: date) -> dict:
    start, end = data.lease_start, data.lease_end
    if start is None:
        errors.append(ValueRuleError("lease_start", "不能为空"))
    elif start > today + timedelta(days=366):
        errors.append(ValueRuleError("lease_start", "不能晚于一年以后"))
    if start and end:
        if end < start:
            errors.append(ValueRuleError("lease_end", "不能早于起租日期"))
        elif end > _years_after(start, MAX_LEASE_YEARS):
            errors.append(ValueRuleError("lease_end", f"租期不能超过{MAX_LEASE_YEARS}年"))
    signed_on = data.letter_signed_on
    if signed_on and signed_on > today:
        errors.append(ValueRuleError("letter_signed_on", "不能晚于今天"))
    return {"lease_start": start, "lease_end": end, "letter_signed": bool(data.letter_signed or signed_on),
            "letter_signed_on": signed_on}


def tenancy_values(session: Session, data: TenancyInput, *, today: date | None = None) -> dict:
    """Column values for a Tenancy, or ValidationFailed naming every wrong field."""
    resident = get(session, Resident, data.landlord_resident_id) if data.landlord_resident_id else None
    return check_tenancy(data, today=today, landlord=resident)


def check_tenancy(data: TenancyInput, *, today: date | None = None, landlord: Resident | None = None) -> dict:
    """The value rules alone (no database: the importer checks every row with them first)."""
    today = today or date.today()
    errors: list[ValueRuleError] = []
    values = _landlord(data, landlord, errors, today) | _lease(data, errors, today)
    try:
        values["rent_use"] = data.rent_use if isinstance(data.rent_use, RentUse) else RentUse.from_text(str(data.rent_use))
    except ValueError:
        errors.append(ValueRuleError("rent_use", f"“{data.rent_use}”不是可选的值（可选：{'、'.join(RentUse.labels())}）"))
    values["rooms"] = _count(data.rooms, "rooms", 1, MAX_ROOMS, errors, optional=True)
    values["tenant_count"] = _count(data.tenant_count, "tenant_count", 0, MAX_TENANTS, errors, optional=False)
    if errors:
        raise ValidationFailed(errors)
    return values | {"notes": (data.notes or "").strip()}


def tenancy_history(session: Session, household_id: int) -> list[Tenancy]:
    """Every tenancy of the household, the one in force first, then the ended ones newest first."""
    rows = session.exec(select(Tenancy).where(Tenancy.household_id == household_id))
    return sorted(rows, key=lambda t: (t.ended_on is not None, -(t.lease_start.toordinal()), -t.id))


def _make_rented(session: Session, household: Household) -> list[RuleWarning]:
    if household.housing_use in RENTABLE:
        return []
    before = HousingUse(household.housing_use).label
    household.housing_use = HousingUse.RENTED
    session.add(household)
    return [RuleWarning("housing_use", f"已由“{before}”改为“出租”")]


def create_tenancy(session: Session, data: TenancyInput, *, today: date | None = None) -> SavedTenancy:
    """Register a rented flat's tenancy; a flat has one tenancy in force at a time."""
    household = get(session, Household, data.household_id)
    values = tenancy_values(session, data, today=today)
    existing = current_tenancy(session, household.id)
    if existing:
        raise Duplicate(f"这一户已有在租的租约（{existing.lease_start:%Y-%m-%d} 起，房东 {existing.landlord_name}），"
                        "请先结束原租约再登记新租约")
    warnings = _make_rented(session, household)
    tenancy = Tenancy(household_id=household.id, **values)
    session.add(tenancy)
    session.flush()
    return SavedTenancy(tenancy, warnings)


def update_tenancy(session: Session, tenancy_id: int, data: TenancyInput, *, today: date | None = None) -> SavedTenancy:
    """Save a tenancy as edited (a renewal is a new end date; new tenants are added, not edited in)."""
    tenancy = get(session, Tenancy, tenancy_id)
    values = tenancy_values(session, data, today=today)
    check_version(session, tenancy, data.version, yours=values)
    if tenancy.ended_on and values["lease_start"] and values["lease_start"] > tenancy.ended_on:
        raise ValidationFailed([ValueRuleError("lease_start", "不能晚于租约结束日期")])
    for key, value in values.items():
        setattr(tenancy, key, value)
    session.add(tenancy)
    session.flush()
    return SavedTenancy(tenancy)


def end_tenancy(session: Session, tenancy_id: int, *, on: date | None = None, reason: str = "",
                today: date | None = None, expected_version: int | None = None) -> Tenancy:
    """End a tenancy on `on` (退租); its tenants still living there move out the same day."""
    today = today or date.today()
    on = on or today
    tenancy = get(session, Tenancy, tenancy_id)
    check_version(session, tenancy, expected_version, yours=dict(ended_on=on, end_reason=reason))
    if tenancy.ended_on:
        raise ServiceError(f"这份租约已于 {tenancy.ended_on:%Y-%m-%d} 结束")
    if on > today:
        raise ValidationFailed([ValueRuleError("ended_on", "不能晚于今天", table="tenancy")])
    if on < tenancy.lease_start:
        raise ValidationFailed([ValueRuleError("ended_on", "不能早于起租日期", table="tenancy")])
    for tenant in tenants_of(session, tenancy.household_id, living_only=True):
        if tenant.tenancy_id in (None, tenancy.id):
            move_out(session, tenant.id, on=max(on, tenant.arrived_on), today=today)
    tenancy.ended_on, tenancy.end_reason = on, (reason or "").strip()[:200]
    session.add(tenancy)
    session.flush()
    return tenancy

