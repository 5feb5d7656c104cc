"""The three leaders (网格长/楼栋长/单元长): assign a person to a scope, end a term, find vacancies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import true
from sqlmodel import Session, select

from gridkeeper.domain.enums import LeaderRole, PoliticalStatus
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.phone import normalize_phone
from gridkeeper.services import leader_photos
from gridkeeper.services.conflicts import check_version, conflict
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.people import clean_name
from gridkeeper.storage.models import Building, Grid, LeaderAssignment, Resident, Unit

SCOPE_MODEL = {LeaderRole.GRID: Grid, LeaderRole.BUILDING: Building, LeaderRole.UNIT: Unit}
SCOPE_COLUMN = {LeaderRole.GRID: "grid_id", LeaderRole.BUILDING: "building_id", LeaderRole.UNIT: "unit_id"}


@dataclass
class LeaderInput:
    role: LeaderRole | str
    scope_id: int
    person_name: str = ""
    person_phone: str = ""
    resident_id: int | None = None
    is_party_member: bool | None = None
    term_start: date | None = None
    term_end: date | None = None
    pledge: str = ""
    # The post as the form showed it: (holder's assignment id, its version), (None, None) when vacant;
    # None: not checked. Someone else appointed or ended a term meanwhile: EditConflict, nothing saved.
    opened: tuple[int | None, int | None] | None = None


def current_leader(session: Session, role: LeaderRole, scope_id: int) -> LeaderAssignment | None:
    """Who holds this post now (None when vacant)."""
    column = getattr(LeaderAssignment, SCOPE_COLUMN[role])
    query = select(LeaderAssignment).where(LeaderAssignment.role == role, column == scope_id,
                                           LeaderAssignment.ended_on.is_(None))
    return session.exec(query.order_by(LeaderAssignment.id.desc())).first()


def assign_leader(session: Session, data: LeaderInput, *, today: date | None = None) -> LeaderAssignment:
    """Put a person in a post; whoever held it before has their term ended today."""
    today = today or date.today()
    role = LeaderRole.from_text(str(data.role))
    get(session, SCOPE_MODEL[role], data.scope_id)
    errors: list[ValueRuleError] = []
    name, phone, party = clean_name(data.person_name), data.person_phone or "", data.is_party_member
    if data.resident_id:
        resident = get(session, Resident, data.resident_id)
        name, phone = name or resident.name, phone or resident.phone
        if party is None:
            party = resident.political_status in (PoliticalStatus.PARTY_MEMBER, PoliticalStatus.PROBATIONARY)
    if not name:
        errors.append(ValueRuleError("person_name", "不能为空"))
    try:
        phone = normalize_phone(phone, field="person_phone")
        if not phone:
            errors.append(ValueRuleError("person_phone", "三长的电话要上墙公示，不能为空"))
    except ValueRuleError as exc:
        errors.append(exc)
    if data.term_start and data.term_end and data.term_end < data.term_start:
        errors.append(ValueRuleError("term", "结束日期早于开始日期"))
    if errors:
        raise ValidationFailed(errors)
    previous = current_leader(session, role, data.scope_id)
    yours = dict(person_name=name, person_phone=phone, is_party_member=bool(party),
                 term_start=data.term_start or today, term_end=data.term_end, pledge=(data.pledge or "").strip())
    _check_post(session, previous, data.opened, yours)
    if previous:
        previous.ended_on = today
        session.add(previous)
    leader = LeaderAssignment(role=role, resident_id=data.resident_id, person_name=name, person_phone=phone,
                              is_party_member=bool(party), term_start=data.term_start or today,
                              term_end=data.term_end, pledge=(data.pledge or "").strip(),
                              **{SCOPE_COLUMN[role]: data.scope_id})
    session.add(leader)
    session.flush()
    leader_photos.hand_over(session, previous, leader)
    return leader


def _check_post(session: Session, now: LeaderAssignment | None, opened, yours: dict) -> None:
    """The post still as the form showed it, or EditConflict: its holder now (or the one whose term was
    ended meanwhile) against what was about to be saved."""
    if opened is None:
        return
    holder_id, version = opened
    if now is not None and now.id != holder_id:  # someone else was appointed meanwhile
        raise conflict(session, now, opened_version=None, yours=yours)
    if holder_id is not None:  # the holder shown: still there, as shown (their term not ended meanwhile)
        check_version(session, get(session, LeaderAssignment, holder_id), version, yours=yours)


def end_term(session: Session, leader_id: int, *, on: date | None = None,
             expected_version: int | None = None) -> LeaderAssignment:
    """The post becomes vacant."""
    leader = get(session, LeaderAssignment, leader_id)
    check_version(session, leader, expected_version, yours=dict(ended_on=on or date.today()))
    leader.ended_on = on or date.today()
    session.add(leader)
    leader_photos.forget(session, leader.id)
    return leader


@dataclass
class Vacancy:
    role: LeaderRole
    scope_id: int
    label: str
    grid_id: int


def current_leaders(session: Session) -> list[LeaderAssignment]:
    return list(session.exec(select(LeaderAssignment).where(LeaderAssignment.ended_on.is_(None))))


def vacancies(session: Session, *, grid_id: int | None = None) -> list[Vacancy]:
    """Every grid, building and unit without a current leader.

    Plain column tuples, not ORM objects: 12,000 posts at a subdistrict's scale (the ORM rows cost ten times
    the query, and on a server the rows are what crosses the network)."""
    run = session.connection().execute
    current = LeaderAssignment.ended_on.is_(None)
    held = {(role, grid or building or unit) for role, grid, building, unit in run(
        select(LeaderAssignment.role, LeaderAssignment.grid_id, LeaderAssignment.building_id,
               LeaderAssignment.unit_id).where(current))}
    out: list[Vacancy] = []
    grid_query = select(Grid.id, Grid.name).order_by(Grid.id)
    for gid, name in run(grid_query.where(Grid.id == grid_id) if grid_id else grid_query):
        if (LeaderRole.GRID, gid) not in held:
            out.append(Vacancy(LeaderRole.GRID, gid, f"{name}网格长", gid))
    in_grid = (Building.grid_id == grid_id) if grid_id else true()
    buildings = run(select(Building.id, Building.label, Building.grid_id).where(in_grid)
                    .order_by(Building.grid_id, Building.sort_no, Building.key)).all()
    building_by_id = {bid: (label, gid) for bid, label, gid in buildings}
    for bid, label, gid in buildings:
        if (LeaderRole.BUILDING, bid) not in held:
            out.append(Vacancy(LeaderRole.BUILDING, bid, f"{label}楼栋长", gid))
    units = run(select(Unit.id, Unit.label, Unit.building_id).join(Building, Building.id == Unit.building_id)
                .where(in_grid).order_by(Unit.building_id, Unit.sort_no))
    for uid, label, bid in units:
        if (LeaderRole.UNIT, uid) not in held:
            building_label, gid = building_by_id[bid]
            out.append(Vacancy(LeaderRole.UNIT, uid, f"{building_label}{label}单元长", gid))
    return out
