"""Writing a tenant list's leases and tenant registrations, after its households and residents are written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from gridkeeper.domain.enums import HousingUse
from gridkeeper.excel.grouping import HouseholdPlan
from gridkeeper.excel.problems import WARNING, Problem
from gridkeeper.services.rental_records import identity
from gridkeeper.storage.models import Household, Resident
from gridkeeper.storage.portable_sql import one_of
from gridkeeper.storage.rental_models import Tenancy, Tenant

LEASE_KEYS = ("landlord_name", "lease_start", "lease_end")


@dataclass
class TenancyCounts:
    tenancies_added: int = 0
    tenancies_updated: int = 0
    tenants_added: int = 0
    tenants_updated: int = 0


def _current(session: Session, household_ids: list[int], *, lock: bool = False) -> dict[int, Tenancy]:
    """The lease in force per household (`lock`: held until the import commits, so nobody changes it between
    this read and the import's write)."""
    found: dict[int, Tenancy] = {}
    for start in range(0, len(household_ids), 900):
        query = select(Tenancy).where(one_of(Tenancy.household_id, household_ids[start:start + 900]),
                                      Tenancy.ended_on.is_(None))
        query = query.with_for_update() if lock else query
        found |= {t.household_id: t for t in session.exec(query)}
    return found


def lease_problems(session: Session, plans: list[HouseholdPlan], saved_household, column_name) -> list[Problem]:
    """Rows of one flat naming different leases (the first is imported: a warning), and a lease older
    than the one saved for the flat (an error: the list is out of date for that flat)."""
    problems = []
    for plan in plans:
        for person in plan.people:
            if person.tenancy and plan.tenancy and any(person.tenancy[k] != plan.tenancy[k] for k in LEASE_KEYS):
                problems.append(Problem(person.row, column_name("landlord_name"), person.tenancy["landlord_name"],
                                        f"与第{plan.tenancy_row}行同一房屋，但房东或租期不同：按第{plan.tenancy_row}行导入",
                                        WARNING))
    saved = {plan_id: plan for plan in plans if plan.tenancy and (plan_id := (saved_household(plan) or {}).get("id"))}
    current = _current(session, sorted(saved))
    for household_id, plan in saved.items():
        lease = current.get(household_id)
        if lease and plan.tenancy["lease_start"] < lease.lease_start:
            problems.append(Problem(plan.tenancy_row, column_name("lease_start"), str(plan.tenancy["lease_start"]),
                                    f"该房屋已登记 {lease.lease_start:%Y-%m-%d} 起租的租约（房东 {lease.landlord_name}），"
                                    "表中的租约更早，请核对后再导入"))
    return problems


class _Versions:
    """The saved leases and registrations the import matched ("tenancy:5" → version, for the check to hand
    on) and those it would change that someone else changed since the check (ImportConflict)."""

    def __init__(self, checked: dict[str, int], seen: dict[str, int]):
        self.checked, self.seen, self.changed = checked, seen, []

    def matched(self, record, table: str) -> None:
        self.seen[f"{table}:{record.id}"] = record.version

    def changing(self, session: Session, record, table: str, row: int, name: str) -> None:
        if record.version != self.checked.get(f"{table}:{record.id}", record.version):
            from gridkeeper.excel.problems import ChangedRecord
            from gridkeeper.services.conflicts import last_change

            who, when = last_change(session, table, record.id)
            self.changed.append(ChangedRecord(row, name, who, when))


def write_tenancies(session: Session, plans: list[HouseholdPlan], *, checked: dict[str, int] | None = None,
                    seen: dict[str, int] | None = None) -> TenancyCounts:
    """Each flat's lease (the same start as the saved one updates it; a later start ends the saved one
    the day before and begins a new one, so the history is kept) and each tenant's registration.
    A saved lease or registration it would change that was changed elsewhere since the check (`checked`,
    "tenancy:5" → version) refuses the import (ImportConflict); `seen` collects the versions matched now."""
    from gridkeeper.excel.problems import ImportConflict

    counts = TenancyCounts()
    versions = _Versions(checked or {}, {} if seen is None else seen)
    ids = sorted({p.household_id for p in plans if p.tenancy or any(x.tenant for x in p.people)})
    current = _current(session, ids, lock=True)
    for lease in current.values():
        versions.matched(lease, "tenancy")
    for plan in plans:
        if plan.tenancy:
            _write_lease(session, plan, current, counts, versions)
    session.flush()
    people = [(plan, person) for plan in plans for person in plan.people if person.tenant and person.resident_id]
    rids = [person.resident_id for _plan, person in people]
    saved: dict[int, Tenant] = {}
    for start in range(0, len(rids), 900):
        saved |= {t.resident_id: t for t in session.exec(select(Tenant).where(one_of(Tenant.resident_id,
                                                                                        rids[start:start + 900]))
                                                          .with_for_update())}
    for tenant in saved.values():
        versions.matched(tenant, "tenant")
    for plan, person in people:
        lease = current.get(plan.household_id)
        who = identity(session.get(Resident, person.resident_id))
        tenant = saved.get(person.resident_id)
        if tenant is None:
            session.add(Tenant(household_id=plan.household_id, resident_id=person.resident_id,
                               tenancy_id=lease.id if lease else None, **who, **person.tenant))
            counts.tenants_added += 1
            continue
        values = person.tenant | who | ({"tenancy_id": lease.id} if lease else {})
        if any(getattr(tenant, k) != v for k, v in values.items()):
            versions.changing(session, tenant, "tenant", person.row, f"租户登记“{tenant.name}”")
            for key, value in values.items():
                setattr(tenant, key, value)
            session.add(tenant)
            counts.tenants_updated += 1
    if versions.changed:
        raise ImportConflict(versions.changed)
    session.flush()
    return counts


def _write_lease(session: Session, plan: HouseholdPlan, current: dict[int, Tenancy], counts: TenancyCounts,
                 versions: _Versions) -> None:
    values = plan.tenancy
    lease = current.get(plan.household_id)
    name = f"租约（房东 {lease.landlord_name}，{lease.lease_start:%Y-%m-%d} 起租）" if lease is not None else ""
    if lease is not None and lease.lease_start == values["lease_start"]:
        changed = {k: v for k, v in values.items() if k != "notes" and getattr(lease, k) != v}
        if changed:
            versions.changing(session, lease, "tenancy", plan.tenancy_row, name)
            for key, value in changed.items():
                setattr(lease, key, value)
            session.add(lease)
            counts.tenancies_updated += 1
    else:
        if lease is not None:  # a newer lease (checked before writing: never an older one)
            versions.changing(session, lease, "tenancy", plan.tenancy_row, name)
            lease.ended_on = max(lease.lease_start, values["lease_start"] - timedelta(days=1))
            lease.end_reason = "导入的租客名单中有新租约"
            session.add(lease)
        current[plan.household_id] = Tenancy(household_id=plan.household_id, **values)
        session.add(current[plan.household_id])
        counts.tenancies_added += 1
    household = session.get(Household, plan.household_id)
    if household.housing_use in (HousingUse.OWNER, HousingUse.VACANT):
        household.housing_use = HousingUse.RENTED  # a shop let out stays a shop
        session.add(household)
