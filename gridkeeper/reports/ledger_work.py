"""Ledger content for requests, in-service members and the three leaders, and one entry point for every kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from gridkeeper.domain.enums import Gender, LeaderRole, Rating, RequestCategory, RequestStatus, label_of
from gridkeeper.reports.ledger_data import (
    PHONE,
    TEXT,
    LedgerColumn,
    LedgerData,
    Period,
    Privacy,
    Where,
    care_ledger,
    households_ledger,
    iso,
    visits_ledger,
    where,
)
from gridkeeper.reports.ledger_names import HALF_YEAR_KINDS, LEDGER_NAMES
from gridkeeper.services.addresses import summaries
from gridkeeper.services.leader_posts import posts
from gridkeeper.services.members import service_totals
from gridkeeper.services.requests import is_overdue, list_requests
from gridkeeper.storage.models import Grid, Member

S = RequestStatus


REQUESTS_COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("受理日期", 21, centre=True),
    LedgerColumn("住户地址", 44, wrap=True), LedgerColumn("诉求类别", 19, centre=True),
    LedgerColumn("诉求内容", 61, wrap=True, mask=TEXT), LedgerColumn("派单对象", 30, wrap=True, mask=TEXT),
    LedgerColumn("办结期限", 21, centre=True), LedgerColumn("办结日期", 21, centre=True),
    LedgerColumn("用时(天)", 15, centre=True), LedgerColumn("满意度", 16, centre=True),
    LedgerColumn("超期", 14, centre=True),
)


def requests_ledger(session: Session, place: Where, period: Period, today: date,
                    privacy: Privacy | None = None) -> LedgerData:
    """诉求办理台账: requests raised in the period, how they were handled, totals at the end."""
    requests = sorted(list_requests(session, scope=place.scope, start=period.start, end=period.end, limit=None),
                      key=lambda r: (r.raised_on, r.id))
    homes = {s.id: s for s in summaries(session, sorted({r.household_id for r in requests}))}
    rows = []
    for n, r in enumerate(requests, 1):
        home = homes.get(r.household_id)
        resolved = iso(r.resolved_on) if r.resolved_on else label_of(RequestStatus, r.status)
        taken = (r.resolved_on - r.raised_on).days if r.resolved_on else ""
        rows.append([n, iso(r.raised_on), home.address if home else "", label_of(RequestCategory, r.category),
                     r.description, r.dispatched_to, iso(r.deadline), resolved, taken,
                     label_of(Rating, r.rating), "超期" if is_overdue(r, today) else ""])
    return LedgerData("requests", place.title("requests", period.label), place.unit, period.span, REQUESTS_COLUMNS,
                      (privacy or Privacy()).rows(REQUESTS_COLUMNS, rows),
                      totals=[request_totals(requests, len(REQUESTS_COLUMNS))])


def request_totals(requests, ncols: int) -> list:
    """受理 N 件，按期办结 M 件（x%），已回访 R 件，满意率 y% (满意 and 基本满意 over those rated)."""
    received = len(requests)
    on_time = sum(1 for r in requests if r.resolved_on and r.resolved_on <= r.deadline)
    rated = [r for r in requests if r.rating]
    pleased = sum(1 for r in rated if r.rating in (Rating.SATISFIED, Rating.FAIRLY_SATISFIED))
    on_time_pct = f"{100 * on_time / received:.1f}%" if received else "—"
    satisfied_pct = f"{100 * pleased / len(rated):.1f}%" if rated else "—"
    text = (f"受理 {received} 件，按期办结 {on_time} 件（按期办结率 {on_time_pct}），"
            f"已回访评价 {len(rated)} 件，满意率 {satisfied_pct}（满意与基本满意）")
    row = ["合计", "", "", "", text] + [""] * (ncols - 5)
    return row


MEMBERS_COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("姓名", 16), LedgerColumn("性别", 10, centre=True),
    LedgerColumn("联系电话", 26, mask=PHONE), LedgerColumn("工作单位", 37, wrap=True),
    LedgerColumn("所在党组织", 37, wrap=True), LedgerColumn("报到网格", 18), LedgerColumn("认领岗位", 26, wrap=True),
    LedgerColumn("报到日期", 21, centre=True), LedgerColumn("服务次数", 16, centre=True),
    LedgerColumn("服务时长(小时)", 24, centre=True), LedgerColumn("积分", 12, centre=True),
    LedgerColumn("备注", 19, wrap=True),
)


def members_ledger(session: Session, place: Where, period: Period, privacy: Privacy) -> LedgerData:
    """在职党员报到服务台账: each member registered during the half-year with services, hours and points."""
    members = registered_members(session, place, period)
    totals = {t.member_id: t for t in service_totals(session, start=period.start, end=period.end,
                                                     grid_id=place.grid.id if place.grid else None)}
    grids = {g.id: g.name for g in session.exec(select(Grid))}
    rows, hours, points, services, idle = [], 0.0, 0, 0, 0
    for n, m in enumerate(members, 1):
        t = totals.get(m.id)
        count, h, p = (t.services, t.hours, t.points) if t else (0, 0.0, 0)
        services, hours, points, idle = services + count, hours + h, points + p, idle + (count == 0)
        rows.append([n, m.name, label_of(Gender, m.gender), m.phone, m.employer, m.party_org,
                     grids.get(m.grid_id, ""), m.post, iso(m.registered_on), count, f"{h:g}", p,
                     "" if count else "本期无服务记录"])
    total_row = ["合计", f"{len(rows)} 人", "", "", "", "", "", "", "", services, f"{hours:g}", points,
                 f"无服务记录 {idle} 人"]
    return LedgerData("members", place.title("members", period.label), place.unit, period.span, MEMBERS_COLUMNS,
                      privacy.rows(MEMBERS_COLUMNS, rows), totals=[total_row])


def registered_members(session: Session, place: Where, period: Period) -> list[Member]:
    """Members on the register at some point of the period (registered before its end, not withdrawn before it)."""
    query = select(Member).where(Member.registered_on < period.end).order_by(Member.grid_id, Member.id)
    if place.grid:
        query = query.where(Member.grid_id == place.grid.id)
    return [m for m in session.exec(query) if m.withdrawn_on is None or m.withdrawn_on >= period.start]


LEADERS_COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("网格", 26, wrap=True), LedgerColumn("岗位", 17, centre=True),
    LedgerColumn("所辖范围", 46, wrap=True), LedgerColumn("姓名", 18, centre=True),
    LedgerColumn("政治面貌", 19, centre=True), LedgerColumn("联系电话", 27, centre=True, mask=PHONE),
    LedgerColumn("任期", 43, centre=True), LedgerColumn("承诺 / 备注", 66, wrap=True, mask=TEXT),
)


def leaders_ledger(session: Session, place: Where, period: Period, privacy: Privacy, today: date) -> LedgerData:
    """三长名册: every grid, building and unit with its current leader; vacancies marked 空缺."""
    grids = {g.id: f"{g.code} {g.name}" for g in session.exec(select(Grid))}
    rows, vacant = [], 0
    for n, post in enumerate(posts(session, place.scope), 1):
        leader = post.leader
        vacant += leader is None
        if leader is None:
            rows.append([n, grids.get(post.grid_id, ""), label_of(LeaderRole, post.role), post.label, "空缺",
                         "", "", "", "空缺"])
            continue
        term = f"{iso(leader.term_start)}至{iso(leader.term_end) or '今'}"
        rows.append([n, grids.get(post.grid_id, ""), label_of(LeaderRole, post.role), post.label, leader.person_name,
                     "中共党员" if leader.is_party_member else "", leader.person_phone, term, leader.pledge])
    totals = [["合计", f"岗位 {len(rows)} 个", "", f"在任 {len(rows) - vacant} 人，空缺 {vacant} 个", "", "", "",
               "", ""]]
    as_of = period.as_of(today)
    return LedgerData("leaders", place.title("leaders", period.label), place.unit, f"截至{as_of.year}年"
                      f"{as_of.month}月{as_of.day}日", LEADERS_COLUMNS, privacy.rows(LEADERS_COLUMNS, rows),
                      totals=totals)


@dataclass
class LedgerRequest:
    """What the user asked for: kind, scope, period, full values or masked, and the day it is printed."""

    kind: str
    period: Period
    grid_code: str | None = None
    full: bool = False
    today: date | None = None


def build_ledger(session: Session, ask: LedgerRequest) -> LedgerData:
    """The content of the ledger `ask` names (ServiceError for an unknown grid, ValueError for a bad kind)."""
    if ask.kind not in LEDGER_NAMES:
        raise ValueError(f"没有“{ask.kind}”这种台账，可选：{'、'.join(LEDGER_NAMES)}")
    place, privacy, today = where(session, ask.grid_code), Privacy(ask.full), ask.today or date.today()
    if ask.kind == "visits":
        return visits_ledger(session, place, ask.period, privacy)
    if ask.kind == "households":
        return households_ledger(session, place, ask.period, privacy, today)
    if ask.kind == "care":
        return care_ledger(session, place, ask.period, privacy, today)
    if ask.kind == "requests":
        return requests_ledger(session, place, ask.period, today, privacy)
    if ask.kind == "members":
        return members_ledger(session, place, ask.period, privacy)
    if ask.kind == "hazards":
        from gridkeeper.reports.hazard_ledger import hazards_ledger

        return hazards_ledger(session, place, ask.period, privacy, today)
    if ask.kind == "disputes":
        from gridkeeper.reports.ledger_disputes import disputes_ledger

        return disputes_ledger(session, place, ask.period, privacy, today)
    if ask.kind in ("rentals", "migrants"):
        from gridkeeper.reports.ledger_rentals import migrants_ledger, rentals_ledger

        build = rentals_ledger if ask.kind == "rentals" else migrants_ledger
        return build(session, place, ask.period, privacy, today)
    return leaders_ledger(session, place, ask.period, privacy, today)


__all__ = ["HALF_YEAR_KINDS", "LEDGER_NAMES", "LedgerRequest", "build_ledger", "registered_members"]
