"""出租房屋台账 and 流动人口台账: the rented flats in force during the month, and the migrants living here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, func, select

from gridkeeper.domain.enums import Gender, ResidenceStatus, label_of
from gridkeeper.domain.rentals import RentUse
from gridkeeper.reports.ledger_data import (ID_NUMBER, PHONE, LedgerColumn, LedgerData, Period, Privacy, Where, cn_date,
                                            iso, last_visits_as_of)
from gridkeeper.services.rental_lists import ADDRESS_COLUMNS, ADDRESS_ORDER, address_of, list_rentals, with_place
from gridkeeper.services.rental_rules import rental_rules
from gridkeeper.services.scope import Scope
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.models import Household, Resident
from gridkeeper.storage.portable_sql import one_of
from gridkeeper.storage.rental_models import Tenant

RENTALS_COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("房屋地址", 62, wrap=True), LedgerColumn("房东", 18),
    LedgerColumn("房东电话", 27, mask=PHONE), LedgerColumn("租住人数", 16, centre=True),
    LedgerColumn("租期", 44, centre=True), LedgerColumn("出租用途", 20, centre=True),
    LedgerColumn("责任书签订", 23, centre=True), LedgerColumn("最近走访", 21, centre=True),
    LedgerColumn("提示", 31, wrap=True),
)
MIGRANTS_COLUMNS = (
    LedgerColumn("序号", 10, centre=True), LedgerColumn("姓名", 16), LedgerColumn("性别", 9, centre=True),
    LedgerColumn("身份证号", 36, mask=ID_NUMBER), LedgerColumn("户籍地（来自）", 30, wrap=True),
    LedgerColumn("来本地日期", 21, centre=True), LedgerColumn("工作单位", 30, wrap=True),
    LedgerColumn("居住地址", 50, wrap=True), LedgerColumn("居住证号", 32, mask=ID_NUMBER),
    LedgerColumn("有效期至", 21, centre=True), LedgerColumn("备注", 18, wrap=True),
)


def _present_on(household_ids: list[int], as_of: date):
    """Tenants living in these flats on `as_of`, counted per flat (a query)."""
    return (select(Tenant.household_id, func.count(Tenant.id)).where(
        one_of(Tenant.household_id, household_ids), Tenant.arrived_on <= as_of,
        (Tenant.moved_out_on.is_(None)) | (Tenant.moved_out_on > as_of)).group_by(Tenant.household_id))


def _flags(row, persons: int, period: Period, as_of: date, notice_days: int) -> str:
    tenancy, flags = row.tenancy, []
    if row.limit is not None and persons > row.limit:
        flags.append(f"疑似群租（{persons}人/{tenancy.rooms or '?'}间）")
    if tenancy.ended_on and tenancy.ended_on < period.end:
        flags.append(f"{tenancy.ended_on.month}月{tenancy.ended_on.day}日退租")
    elif tenancy.lease_end and tenancy.lease_end < as_of:
        flags.append("租约已到期未续")
    elif tenancy.lease_end and tenancy.lease_end <= as_of + timedelta(days=notice_days):
        flags.append("即将到期")
    if not tenancy.letter_signed:
        flags.append("未签责任书")
    return "；".join(flags)


def rentals_ledger(session: Session, place: Where, period: Period, privacy: Privacy, today: date) -> LedgerData:
    """出租房屋台账: every tenancy in force at some time in the month, in address order, with the tenants
    living there at the month's end (or today), the lease, the letter, the last visit and the flags."""
    rules = rental_rules(session)
    rentals = list_rentals(session, scope=place.scope, start=period.start, end=period.end, rules=rules)
    as_of = period.as_of(today)
    ids = sorted({r.household_id for r in rentals})
    present: dict[int, int] = {}
    for start in range(0, len(ids), 900):
        present |= dict(session.exec(_present_on(ids[start:start + 900], as_of)).all())
    past = last_visits_as_of(session, place, period, today)
    rows, people, groups, unsigned = [], 0, 0, 0
    for n, row in enumerate(rentals, 1):
        t = row.tenancy
        persons = max(t.tenant_count or 0, present.get(row.household_id, 0))
        people += persons
        groups += row.limit is not None and persons > row.limit
        unsigned += not t.letter_signed
        last = row.last_visit_on if past is None else past.get(row.household_id)
        rows.append([n, row.address, t.landlord_name, t.landlord_phone, persons,
                     f"{iso(t.lease_start)}至{iso(t.lease_end) or '不定期'}", label_of(RentUse, t.rent_use),
                     iso(t.letter_signed_on) if t.letter_signed_on else ("已签" if t.letter_signed else "未签"),
                     iso(last), _flags(row, persons, period, as_of, rules.notice_days)])
    totals = [["合计", f"出租房屋 {len(rows)} 套", "", "", people, "", "", f"未签 {unsigned} 套", "",
               f"疑似群租 {groups} 套"]]
    return LedgerData("rentals", place.title("rentals", period.label), place.unit, period.span, RENTALS_COLUMNS,
                      privacy.rows(RENTALS_COLUMNS, rows), totals=totals)


@dataclass
class MigrantRow:
    """One migrant living here during the period: a tenant's registration, or a 流动 resident without one."""

    household_id: int
    name: str
    gender: str | None
    id_number: str
    from_place: str = ""
    arrived_on: date | None = None
    workplace: str = ""
    permit_number: str = ""
    permit_expires: date | None = None
    moved_out_on: date | None = None
    address: str = ""
    sort_key: tuple = ()


def migrants(session: Session, scope: Scope, period: Period) -> list[MigrantRow]:
    """Tenants who lived here at some time in the period (those who moved out keep their registration),
    and 流动 residents with no tenant registration yet; in address order, then by arrival."""
    scope = readable_scope(session, scope)
    order = len(ADDRESS_ORDER)
    tenants = (with_place(select(Tenant, Resident, *ADDRESS_ORDER, *ADDRESS_COLUMNS)
                          .join(Household, Household.id == Tenant.household_id))
               .outerjoin(Resident, Resident.id == Tenant.resident_id)
               .where(Tenant.arrived_on < period.end,
                      (Tenant.moved_out_on.is_(None)) | (Tenant.moved_out_on >= period.start)))
    found = []
    for tenant, resident, *rest in session.exec(scope.apply(tenants, joined=True)):
        who = resident or tenant  # a tenant still living here: the resident as edited since
        key, place = rest[:order], rest[order:]
        found.append(MigrantRow(tenant.household_id, who.name, who.gender, who.id_number, tenant.from_place,
                                tenant.arrived_on, tenant.workplace, tenant.permit_number, tenant.permit_expires,
                                tenant.moved_out_on, address_of(*place), (*key, tenant.arrived_on, tenant.id)))
    unregistered = (with_place(select(Resident, *ADDRESS_ORDER, *ADDRESS_COLUMNS)
                               .join(Household, Household.id == Resident.household_id))
                    .outerjoin(Tenant, Tenant.resident_id == Resident.id)
                    .where(Resident.residence_status == ResidenceStatus.MIGRANT, Tenant.id.is_(None)))
    for resident, *rest in session.exec(scope.apply(unregistered, joined=True)):
        found.append(MigrantRow(resident.household_id, resident.name, resident.gender, resident.id_number,
                                address=address_of(*rest[order:]), sort_key=(*rest[:order], date.min, -resident.id)))
    return sorted(found, key=lambda m: m.sort_key)


def _note(m: MigrantRow, as_of: date, grace_days: int) -> str:
    if m.moved_out_on:
        return f"{cn_date(m.moved_out_on)}搬离"
    if m.arrived_on is None:
        return "未登记来本地情况"
    if m.permit_expires and m.permit_expires < as_of:
        return "居住证已过期"
    if not m.permit_number and (as_of - m.arrived_on).days > grace_days:
        return "未办居住证"
    return ""


def migrants_ledger(session: Session, place: Where, period: Period, privacy: Privacy, today: date) -> LedgerData:
    """流动人口台账: name, gender, masked ID, where from, arrival, workplace, address, permit and expiry."""
    rules = rental_rules(session)
    people = migrants(session, place.scope, period)
    as_of = period.as_of(today)
    rows, without, moved = [], 0, 0
    for n, m in enumerate(people, 1):
        note = _note(m, as_of, rules.arrival_grace_days)
        without += note in ("未办居住证", "居住证已过期")
        moved += m.moved_out_on is not None
        rows.append([n, m.name, label_of(Gender, m.gender), m.id_number, m.from_place,
                     iso(m.arrived_on), m.workplace, m.address, m.permit_number,
                     iso(m.permit_expires), note])
    totals = [["合计", f"{len(rows)} 人", "", f"其中本期搬离 {moved} 人", "", "", "", "",
               f"未办或过期 {without} 人", "", ""]]
    return LedgerData("migrants", place.title("migrants", period.label), place.unit, period.span, MIGRANTS_COLUMNS,
                      privacy.rows(MIGRANTS_COLUMNS, rows), totals=totals)

