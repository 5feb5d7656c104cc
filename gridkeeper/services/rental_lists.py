"""What the rented-housing register lists: rented flats, tenants, Today's reminders and the figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, false, or_
from sqlmodel import Session, func, select

from gridkeeper.services.rental_rules import RentalRules, rental_rules
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.models import Building, Compound, Household, Unit
from gridkeeper.storage.rental_models import Tenancy, Tenant


@dataclass
class RentalRow:
    """A tenancy with its flat's address, how many live there now and whether that makes it a possible
    group rental."""

    tenancy: Tenancy
    living_tenants: int
    limit: int | None  # people the rooms allow under the rule (None: no rule applies)
    last_visit_on: date | None
    address: str = ""

    @property
    def persons(self) -> int:
        """The declared number of tenants, or the registered ones if more are registered."""
        return max(self.tenancy.tenant_count or 0, self.living_tenants)

    @property
    def group_rental(self) -> bool:
        return self.limit is not None and self.persons > self.limit

    @property
    def household_id(self) -> int:
        return self.tenancy.household_id


# A flat's address as lists and ledgers write it (幸福家园7号楼2单元301), from the joined place tables.
ADDRESS_COLUMNS = (Compound.name, Building.label, Unit.label, Household.room)


def with_place(query):
    """`query` joined from Household to its unit, building and compound (for ADDRESS_COLUMNS and scopes)."""
    return (query.join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
            .join(Compound, Compound.id == Building.compound_id))


def address_of(compound: str, building: str, unit: str, room: str) -> str:
    return f"{compound}{building}{unit}{room}"


def flat_address(session: Session, household_id: int) -> str:
    """One flat's address (a single indexed row; the section's heading)."""
    row = session.exec(with_place(select(*ADDRESS_COLUMNS).select_from(Household))
                       .where(Household.id == household_id)).first()
    return address_of(*row) if row else ""


ADDRESS_ORDER = (Building.sort_no, Building.id, Unit.sort_no, Unit.id, Household.room_key)


def _living():
    """Living tenants of the tenancy's flat: a correlated count over the tenant index (only for the rows
    read, where grouping every tenant of the community first cost a whole scan)."""
    return (select(func.count(Tenant.id)).where(Tenant.household_id == Tenancy.household_id,
                                                 Tenant.moved_out_on.is_(None))
            .correlate(Tenancy).scalar_subquery())


def _in_force(query, start: date | None, end: date | None):
    """Tenancies in force at some time in [start, end); without dates, those not ended."""
    if start is None and end is None:
        return query.where(Tenancy.ended_on.is_(None))
    if end is not None:
        query = query.where(Tenancy.lease_start < end)
    if start is not None:
        query = query.where((Tenancy.ended_on.is_(None)) | (Tenancy.ended_on >= start))
    return query


def _persons(living):
    """The declared number of tenants, or the registered ones if more are registered (SQL)."""
    return case((Tenancy.tenant_count > living, Tenancy.tenant_count), else_=living)


def _group_condition(persons, rules: RentalRules):
    """persons > rooms × per-room limit, or > the per-flat cap: the 群租 rule in SQL."""
    group = rules.group
    conditions = []
    if group.persons_per_room:
        conditions.append(Tenancy.rooms.is_not(None) & (persons > Tenancy.rooms * group.persons_per_room))
    if group.persons_per_flat:
        conditions.append(persons > group.persons_per_flat)
    return or_(*conditions) if conditions else false()


def list_rentals(session: Session, *, scope: Scope = EVERYWHERE, start: date | None = None, end: date | None = None,
                 group_only: bool = False, limit: int | None = None, offset: int = 0,
                 rules: RentalRules | None = None) -> list[RentalRow]:
    """Rented flats in address order: tenancies not ended, or those in force in [start, end); a page of
    them with `limit`/`offset` (the list pages as it scrolls). One query, addresses included."""
    rules = rules or rental_rules(session)
    living = _living()
    query = with_place(select(Tenancy, living, Household.last_visit_on, *ADDRESS_COLUMNS)
                       .join(Household, Household.id == Tenancy.household_id))
    query = _in_force(readable_scope(session, scope).apply(query, joined=True), start, end)
    if group_only:
        query = query.where(_group_condition(_persons(living), rules))
    query = query.order_by(*ADDRESS_ORDER, Tenancy.id)
    if limit:
        query = query.limit(limit).offset(offset)
    return [RentalRow(t, int(n or 0), rules.group.limit(t.rooms), last, address_of(*place))
            for t, n, last, *place in session.exec(query)]


def _tenant_query(session: Session, scope: Scope):
    query = select(Tenant).join(Household, Household.id == Tenant.household_id)
    return readable_scope(session, scope).apply(query).where(Tenant.moved_out_on.is_(None))


def living_tenants(session: Session, *, scope: Scope = EVERYWHERE, limit: int | None = None) -> list[Tenant]:
    """Tenants living in the scope now, by arrival."""
    query = _tenant_query(session, scope).order_by(Tenant.arrived_on, Tenant.id)
    return list(session.exec(query.limit(limit) if limit else query))


# ---- Today ------------------------------------------------------------------------------------------------

def leases_ending(session: Session, *, today: date, scope: Scope = EVERYWHERE,
                  rules: RentalRules | None = None) -> list[Tenancy]:
    """Tenancies in force whose lease ends within the notice days, or has ended and was not closed."""
    rules = rules or rental_rules(session)
    query = select(Tenancy).join(Household, Household.id == Tenancy.household_id)
    query = readable_scope(session, scope).apply(query).where(
        Tenancy.ended_on.is_(None), Tenancy.lease_end <= today + timedelta(days=rules.notice_days))
    return list(session.exec(query.order_by(Tenancy.lease_end, Tenancy.id)))


def permits_expiring(session: Session, *, today: date, scope: Scope = EVERYWHERE,
                     rules: RentalRules | None = None) -> list[Tenant]:
    """Tenants living here whose residence permit expires within the notice days (or has expired)."""
    rules = rules or rental_rules(session)
    query = _tenant_query(session, scope).where(
        Tenant.permit_expires <= today + timedelta(days=rules.notice_days))
    return list(session.exec(query.order_by(Tenant.permit_expires, Tenant.id)))


def without_permit(session: Session, *, today: date, scope: Scope = EVERYWHERE,
                   rules: RentalRules | None = None) -> list[Tenant]:
    """Tenants who arrived more than the grace days ago and hold no residence permit yet."""
    rules = rules or rental_rules(session)
    query = _tenant_query(session, scope).where(
        Tenant.permit_number == "", Tenant.arrived_on < today - timedelta(days=rules.arrival_grace_days))
    return list(session.exec(query.order_by(Tenant.arrived_on, Tenant.id)))


def days_to(day: date | None, today: date) -> int | None:
    """Days until `day` (negative once past)."""
    return None if day is None else (day - today).days


# ---- Figures ----------------------------------------------------------------------------------------------

def rental_figures(session: Session, *, scope: Scope = EVERYWHERE) -> dict[str, int]:
    """`rentals` (tenancies in force), `tenants` (living here now), `group_rentals` (flats over the rule):
    the `stats --json` keys of this register. Counted in the database (three aggregate queries)."""
    rules = rental_rules(session)
    scope = readable_scope(session, scope)
    in_force = select(func.count(Tenancy.id)).join(Household, Household.id == Tenancy.household_id).where(
        Tenancy.ended_on.is_(None))
    rentals = session.exec(scope.apply(in_force)).one()
    groups = session.exec(scope.apply(in_force.where(_group_condition(_persons(_living()), rules)))).one()
    tenants = session.exec(scope.apply(select(func.count(Tenant.id)).join(Household, Household.id == Tenant.household_id)
                                       .where(Tenant.moved_out_on.is_(None)))).one()
    return {"rentals": int(rentals), "tenants": int(tenants), "group_rentals": int(groups)}


@dataclass
class Reminder:
    """One line on Today: a lease ending, a permit expiring, or a tenant here long without a permit."""

    kind: str  # "lease", "permit" or "no_permit"
    household_id: int
    who: str  # the landlord (a lease) or the tenant
    on: date  # the lease end, the permit expiry, or the arrival
    days: int  # days left (negative: past) for lease/permit; days here for no_permit
    address: str = ""

    @property
    def late(self) -> bool:
        return self.kind == "no_permit" or self.days < 0


def reminders(session: Session, *, today: date, scope: Scope = EVERYWHERE) -> list[Reminder]:
    """Today's rented-housing lines, most pressing first within each kind: three indexed queries reading
    only the columns shown, addresses included (thousands of lines at 100,000 households)."""
    rules = rental_rules(session)
    soon = today + timedelta(days=rules.notice_days)
    scope = readable_scope(session, scope)
    leases = with_place(select(Tenancy.household_id, Tenancy.landlord_name, Tenancy.lease_end, *ADDRESS_COLUMNS)
                        .join(Household, Household.id == Tenancy.household_id)).where(
        Tenancy.ended_on.is_(None), Tenancy.lease_end <= soon).order_by(Tenancy.lease_end, Tenancy.id)
    tenant = with_place(select(Tenant.household_id, Tenant.name).join(Household, Household.id == Tenant.household_id))
    tenant = tenant.where(Tenant.moved_out_on.is_(None))
    permits = tenant.add_columns(Tenant.permit_expires, *ADDRESS_COLUMNS).where(Tenant.permit_expires <= soon)
    late = tenant.add_columns(Tenant.arrived_on, *ADDRESS_COLUMNS).where(
        Tenant.permit_number == "", Tenant.arrived_on < today - timedelta(days=rules.arrival_grace_days))

    def run(query):
        return session.connection().execute(scope.apply(query, joined=True)).all()

    lines = [Reminder("lease", h, who, on, (on - today).days, address_of(*place)) for h, who, on, *place in run(leases)]
    lines += [Reminder("permit", h, who, on, (on - today).days, address_of(*place))
              for h, who, on, *place in run(permits.order_by(Tenant.permit_expires, Tenant.id))]
    lines += [Reminder("no_permit", h, who, on, (today - on).days, address_of(*place))
              for h, who, on, *place in run(late.order_by(Tenant.arrived_on, Tenant.id))]
    return lines
