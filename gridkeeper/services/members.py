"""Registered in-service Party members (在职党员) and the service they do, one activity for many at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, func, select

from gridkeeper.domain.enums import Gender, MemberStatus
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.phone import normalize_phone
from gridkeeper.domain.pinyin import name_initials
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import EditConflict, ServiceError, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.people import clean_name
from gridkeeper.storage.models import Grid, Household, Member, ServiceActivity, ServiceRecord

MAX_HOURS_PER_DAY = 24
TABLE = "member"  # a member's phone reads 联系电话
ACTIVITY = "serviceactivity"  # an activity's title and date read 活动内容, 活动日期


@dataclass
class MemberInput:
    name: str
    grid_id: int
    registered_on: date
    phone: str = ""
    gender: Gender | str | None = None
    employer: str = ""
    job_title: str = ""
    party_org: str = ""
    household_id: int | None = None
    post: str = ""
    version: int | None = None  # the version the form showed (an edit conflict is refused); None: not checked


def _member_values(session: Session, data: MemberInput) -> dict:
    errors: list[ValueRuleError] = []
    name = clean_name(data.name)
    if not name:
        errors.append(ValueRuleError("name", "不能为空"))
    phone = ""
    try:
        phone = normalize_phone(data.phone or "", field="phone")
    except ValueRuleError as exc:
        errors.append(ValueRuleError("phone", exc.reason, table=TABLE))
    if data.registered_on is None:
        errors.append(ValueRuleError("registered_on", "不能为空"))
    gender = None
    if data.gender:
        try:
            gender = Gender.from_text(str(data.gender))
        except ValueError as exc:
            errors.append(ValueRuleError("gender", str(exc)))
    if errors:
        raise ValidationFailed(errors)
    get(session, Grid, data.grid_id)
    if data.household_id:
        get(session, Household, data.household_id)
    return dict(name=name, name_initials=name_initials(name), phone=phone, gender=gender,
                employer=data.employer.strip(), job_title=data.job_title.strip(), party_org=data.party_org.strip(),
                household_id=data.household_id, registered_on=data.registered_on, grid_id=data.grid_id,
                post=data.post.strip())


def register_member(session: Session, data: MemberInput) -> Member:
    """Register an in-service member with the community."""
    member = Member(**_member_values(session, data))
    session.add(member)
    session.flush()
    return member


def update_member(session: Session, member_id: int, data: MemberInput) -> Member:
    member = get(session, Member, member_id)
    values = _member_values(session, data)
    check_version(session, member, data.version, yours=values)
    for key, value in values.items():
        setattr(member, key, value)
    session.add(member)
    return member


def withdraw_member(session: Session, member_id: int, *, on: date | None = None,
                    expected_version: int | None = None) -> Member:
    member = get(session, Member, member_id)
    check_version(session, member, expected_version,
                  yours=dict(status=MemberStatus.WITHDRAWN, withdrawn_on=on or date.today()))
    member.status, member.withdrawn_on = MemberStatus.WITHDRAWN, on or date.today()
    session.add(member)
    return member


@dataclass
class Withdrawal:
    """Several members withdrawn at once: those withdrawn, and those someone else changed since the list
    showed them (not withdrawn: each conflict is for the user to settle, member by member)."""

    withdrawn: list[Member]
    conflicts: list[EditConflict]


def withdraw_members(session: Session, shown: dict[int, int | None], *, on: date | None = None) -> Withdrawal:
    """Withdraw every member in `shown` ({member id: the version the list showed}) that nobody changed
    meanwhile; a member changed elsewhere is left as it is and reported as an EditConflict, so one conflict
    does not hold back the others."""
    done = Withdrawal([], [])
    for member_id, version in shown.items():
        try:
            done.withdrawn.append(withdraw_member(session, member_id, on=on, expected_version=version))
        except EditConflict as conflict:
            done.conflicts.append(conflict)
    return done


def record_service(session: Session, *, member_ids: list[int], held_on: date, title: str, hours: float,
                   points: int = 0, category: str = "", grid_id: int | None = None,
                   today: date | None = None) -> ServiceActivity:
    """One activity, one entry: every member listed gets a service record with these hours and points."""
    errors: list[ValueRuleError] = []
    title = " ".join((title or "").split())
    if not title:
        errors.append(ValueRuleError("title", "不能为空", table=ACTIVITY))
    if not member_ids:
        errors.append(ValueRuleError("member_ids", "至少选择一人"))
    if not 0 < float(hours) <= MAX_HOURS_PER_DAY:
        errors.append(ValueRuleError("hours", f"应在0到{MAX_HOURS_PER_DAY}小时之间"))
    if int(points) < 0:
        errors.append(ValueRuleError("points", "不能为负数"))
    if held_on and held_on > (today or date.today()):
        errors.append(ValueRuleError("held_on", "不能晚于今天", table=ACTIVITY))
    if errors:
        raise ValidationFailed(errors)
    members = session.exec(select(Member).where(Member.id.in_(member_ids))).all()
    missing = set(member_ids) - {m.id for m in members}
    if missing:
        raise ServiceError(f"找不到党员 #{', #'.join(map(str, sorted(missing)))}")
    activity = ServiceActivity(held_on=held_on, title=title[:200], category=category, grid_id=grid_id)
    session.add(activity)
    session.flush()
    session.add_all(ServiceRecord(member_id=m, activity_id=activity.id, served_on=held_on, activity=title[:200],
                                  hours=float(hours), points=int(points)) for m in dict.fromkeys(member_ids))
    session.flush()
    return activity


@dataclass
class ServiceTotal:
    member_id: int
    name: str
    grid_id: int
    services: int
    hours: float
    points: int


def service_totals(session: Session, *, start: date, end: date, grid_id: int | None = None) -> list[ServiceTotal]:
    """Per member: services, hours and points in [start, end); members with none are listed with zeros."""
    sums = (select(ServiceRecord.member_id, func.count(ServiceRecord.id), func.sum(ServiceRecord.hours),
                   func.sum(ServiceRecord.points))
            .where(ServiceRecord.served_on >= start, ServiceRecord.served_on < end)
            .group_by(ServiceRecord.member_id))
    totals = {row[0]: row[1:] for row in session.exec(sums)}
    query = select(Member).order_by(Member.grid_id, Member.id)
    if grid_id:
        query = query.where(Member.grid_id == grid_id)
    out = []
    for member in session.exec(query):
        count, hours, points = totals.get(member.id, (0, 0.0, 0))
        out.append(ServiceTotal(member.id, member.name, member.grid_id, count, float(hours or 0), int(points or 0)))
    return out


def member_services(session: Session, member_id: int, *, start: date, end: date) -> list[ServiceRecord]:
    query = select(ServiceRecord).where(ServiceRecord.member_id == member_id, ServiceRecord.served_on >= start,
                                        ServiceRecord.served_on < end)
    return list(session.exec(query.order_by(ServiceRecord.served_on)))
