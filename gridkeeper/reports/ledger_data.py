"""What each ledger (台账) holds, Qt-free: title, unit, period, columns, rows and totals, shared by PDF and xlsx.

Each ledger's columns are described once (LedgerColumn: heading, width, wrap, centre, mask); rows are built
with the plain values and masked by `Privacy.rows` as their columns say."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlmodel import Session, func, select

from gridkeeper.domain.care import next_due
from gridkeeper.domain.free_text import mask_numbers_in_text
from gridkeeper.domain.enums import CareTag, HousingUse, RequestCategory, VisitKind, label_of
from gridkeeper.domain.idnumber import mask_id_number
from gridkeeper.domain.phone import mask_phone
from gridkeeper.reports.ledger_names import LEDGER_NAMES
from gridkeeper.services.addresses import summaries
from gridkeeper.services.coverage import VisitDue, care_schedule
from gridkeeper.services.errors import ServiceError
from gridkeeper.services.geography import get_community, grid_by_code
from gridkeeper.services.household_list import HouseholdFilter, household_ids
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.visits import list_visits
from gridkeeper.storage.models import Grid, Household, ResidentRequest, Visit
from gridkeeper.services.visibility import readable_grid
from gridkeeper.storage.portable_sql import one_of



@dataclass(frozen=True)
class Period:
    """A month or a half-year: [start, end) and how it reads on paper."""

    start: date
    end: date  # exclusive
    label: str  # 2026年11月 / 2026年下半年

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def as_of(self, today: date) -> date:
        """The day a snapshot ledger describes: today within the period, else its last day."""
        return today if self.start <= today <= self.last_day else self.last_day

    @property
    def span(self) -> str:
        return f"{cn_date(self.start)}至{cn_date(self.last_day)}"


def month_period(first: date) -> Period:
    """The calendar month starting at `first`."""
    days = calendar.monthrange(first.year, first.month)[1]
    return Period(first, first + timedelta(days=days), f"{first.year}年{first.month}月")


_HALF = re.compile(r"^(\d{4})-H([12])$", re.IGNORECASE)


def half_period(text: str) -> Period:
    """`2026-H2` → July to December 2026; ValueError for anything else."""
    match = _HALF.match((text or "").strip())
    if not match:
        raise ValueError(f"半年“{text}”格式不对，应为 YYYY-H1 或 YYYY-H2，例如 2026-H2")
    year, half = int(match.group(1)), int(match.group(2))
    if not 1900 <= year <= 2100:
        raise ValueError(f"半年“{text}”超出范围：年份应在 1900 到 2100 之间")
    if half == 1:
        return Period(date(year, 1, 1), date(year, 7, 1), f"{year}年上半年")
    return Period(date(year, 7, 1), date(year + 1, 1, 1), f"{year}年下半年")


def cn_date(day: date | None) -> str:
    """2026年11月22日 (no leading zeros), as official documents write dates."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


@dataclass
class Privacy:
    """Masks ID numbers and phones unless full values were asked for."""

    full: bool = False

    def phone(self, value: str | None) -> str:
        return (value or "") if self.full else mask_phone(value)

    def id_number(self, value: str | None) -> str:
        return (value or "") if self.full else mask_id_number(value)

    def text(self, value: str | None) -> str:
        """Free text (notes, findings, request text) with phones and ID numbers typed into it masked."""
        return (value or "") if self.full else mask_numbers_in_text(value)

    def cell(self, mask: str, value):
        """`value` as a column with `mask` shows it ("" = as it is)."""
        return getattr(self, mask)(value) if mask else value

    def rows(self, columns: Sequence[LedgerColumn], rows: list[list]) -> list[list]:
        """Every cell masked as its column says."""
        masks = [c.mask for c in columns]
        if not any(masks):
            return rows
        return [[self.cell(mask, value) for mask, value in zip(masks, row)] for row in rows]


PHONE, ID_NUMBER, TEXT = "phone", "id_number", "text"  # how a column is masked (Privacy's methods)


@dataclass(frozen=True)
class LedgerColumn:
    """One column of a printed ledger, described once: its heading, width in mm on A4 landscape, whether
    long text wraps, whether it is centred, and how it is masked unless full values were asked for."""

    title: str
    width_mm: float
    wrap: bool = False
    centre: bool = False
    mask: str = ""  # PHONE, ID_NUMBER, TEXT or "" (shown as it is)


@dataclass
class LedgerData:
    """One ledger's content: its columns and rows (already masked), with totals at the end."""

    kind: str
    title: str
    unit: str
    period: str
    columns: Sequence[LedgerColumn]
    rows: list[list]
    totals: list[list] | None = None

    @property
    def header(self) -> list[str]:
        return [c.title for c in self.columns]

    @property
    def widths_mm(self) -> list[float]:
        return [c.width_mm for c in self.columns]

    @property
    def wrap_cols(self) -> set[int]:
        return {i for i, c in enumerate(self.columns) if c.wrap}

    @property
    def centre_cols(self) -> set[int]:
        return {i for i, c in enumerate(self.columns) if c.centre}


@dataclass
class Where:
    """The community, and the grid when the ledger covers one: what titles and scopes are made of."""

    community: str
    grid: Grid | None

    @property
    def unit(self) -> str:
        return f"{self.community}{self.grid.name}" if self.grid else self.community

    @property
    def scope(self) -> Scope:
        return Scope(grid_id=self.grid.id) if self.grid else EVERYWHERE

    def title(self, kind: str, period: str) -> str:
        return f"{self.unit}{LEDGER_NAMES[kind]}（{period}）"


def where(session: Session, grid_code: str | None) -> Where:
    """The community and grid for a ledger; an unknown grid code is a clear error."""
    community = get_community(session)
    grid = None
    grid_code = readable_grid(session, grid_code)  # a steward: their own grid only
    if grid_code:
        grid = grid_by_code(session, grid_code.strip().upper())
        if grid is None:
            raise ServiceError(f"找不到网格“{grid_code}”")
    return Where(community.name if community else "本社区", grid)


def tag_labels(tags) -> str:
    return "、".join(label_of(CareTag, t) for t in tags)


# ---------------------------------------------------------------- visits


VISITS_COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("走访日期", 21, centre=True),
    LedgerColumn("住户地址", 50, wrap=True), LedgerColumn("户主", 17), LedgerColumn("走访人", 17),
    LedgerColumn("走访类型", 19, centre=True), LedgerColumn("是否在家", 16, centre=True),
    LedgerColumn("走访情况", 80, wrap=True, mask=TEXT), LedgerColumn("提出诉求", 42, wrap=True, mask=TEXT),
)


def visits_ledger(session: Session, place: Where, period: Period, privacy: Privacy | None = None) -> LedgerData:
    """走访台账: every visit of the period, oldest first, with the request it raised."""
    visits = list(reversed(list_visits(session, scope=place.scope, start=period.start, end=period.end,
                                       limit=None)))
    homes = {s.id: s for s in summaries(session, sorted({v.household_id for v in visits}))}
    raised = _requests_by_visit(session, [v.id for v in visits])
    rows = []
    for n, visit in enumerate(visits, 1):
        home = homes.get(visit.household_id)
        rows.append([n, iso(visit.visited_on), home.address if home else "", home.head_name if home else "",
                     visit.visitor_name, label_of(VisitKind, visit.kind), "在家" if visit.anyone_home else "不在家",
                     visit.findings, raised.get(visit.id, "")])
    return LedgerData("visits", place.title("visits", period.label), place.unit, period.span, VISITS_COLUMNS,
                      (privacy or Privacy()).rows(VISITS_COLUMNS, rows),
                      totals=[["合计", "", f"走访 {len(rows)} 次，{len(homes)} 户", "", "", "", "", "", ""]])


def _requests_by_visit(session: Session, visit_ids: list[int]) -> dict[int, str]:
    """Visit id → the requests it raised, as short text."""
    found: dict[int, list[str]] = {}
    for start in range(0, len(visit_ids), 900):
        chunk = visit_ids[start:start + 900]
        query = select(ResidentRequest).where(one_of(ResidentRequest.source_visit_id, chunk))
        for request in session.exec(query.order_by(ResidentRequest.id)):
            text = f"{label_of(RequestCategory, request.category)}：{request.description}"
            found.setdefault(request.source_visit_id, []).append(text)
    return {k: "\n".join(v) for k, v in found.items()}


# ---------------------------------------------------------------- households and care


def last_visits_before(session: Session, scope: Scope, end: date) -> dict[int, date]:
    """Each household's last visit before `end` (exclusive), in the scope: a grouped max over the visit index."""
    query = select(Visit.household_id, func.max(Visit.visited_on)).where(Visit.visited_on < end)
    if not scope.is_all:
        query = scope.apply(query.join(Household, Household.id == Visit.household_id))
    return dict(session.connection().execute(query.group_by(Visit.household_id)).all())


def last_visits_as_of(session: Session, place: Where, period: Period, today: date) -> dict[int, date] | None:
    """The last visits a past period's ledger shows; None when the period reaches today, whose
    Household.last_visit_on is exact (visits are never dated in the future)."""
    return None if period.end > today else last_visits_before(session, place.scope, period.end)


HOUSEHOLDS_COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("住户地址", 72, wrap=True), LedgerColumn("户主", 18),
    LedgerColumn("户主身份证号", 40, mask=ID_NUMBER), LedgerColumn("联系电话", 27, mask=PHONE),
    LedgerColumn("人数", 12, centre=True), LedgerColumn("房屋用途", 17, centre=True),
    LedgerColumn("关爱标签", 54, wrap=True), LedgerColumn("最近走访", 22, centre=True),
)


def households_ledger(session: Session, place: Where, period: Period, privacy: Privacy, today: date) -> LedgerData:
    """全覆盖信息台账: every household in the scope, in address order, last visit as of the period's end."""
    homes = summaries(session, household_ids(session, scope=place.scope, sort="address"))
    past = last_visits_as_of(session, place, period, today)
    rows = [[n, h.address, h.head_name, h.head_id_number, h.head_phone or h.phone, h.residents,
             label_of(HousingUse, h.housing_use), tag_labels(h.care_tags),
             iso(h.last_visit_on if past is None else past.get(h.id))]
            for n, h in enumerate(homes, 1)]
    residents = sum(h.residents for h in homes)
    care = sum(1 for h in homes if h.care_tags)
    totals = [["合计", f"{len(homes)} 户", "", "", "", residents, "", f"关爱户 {care} 户", ""]]
    return LedgerData("households", place.title("households", period.label), place.unit,
                      f"截至{cn_date(period.as_of(today))}", HOUSEHOLDS_COLUMNS,
                      privacy.rows(HOUSEHOLDS_COLUMNS, rows), totals=totals)


CARE_COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("住户地址", 72, wrap=True), LedgerColumn("户主", 18),
    LedgerColumn("联系电话", 27, mask=PHONE), LedgerColumn("关爱标签", 56, wrap=True),
    LedgerColumn("走访频次", 20, centre=True), LedgerColumn("最近走访", 23, centre=True),
    LedgerColumn("下次应访", 23, centre=True), LedgerColumn("超期", 23, centre=True),
)


def care_ledger(session: Session, place: Where, period: Period, privacy: Privacy, today: date) -> LedgerData:
    """个性化台账: care households with their tags, required frequency, last and next visit, overdue mark —
    all as of the period's last day for a past period."""
    as_of = period.as_of(today)
    due = {d.household_id: d for d in care_schedule(session, today=as_of, scope=place.scope)}
    past = last_visits_as_of(session, place, period, today)
    if past is not None:
        due = {i: _due_as_of(d, past.get(i), as_of) for i, d in due.items()}
    ordered = household_ids(session, scope=place.scope, filters=HouseholdFilter(any_care=True), sort="address")
    homes = summaries(session, [i for i in ordered if i in due])
    rows, overdue = [], 0
    for n, h in enumerate(homes, 1):
        d = due[h.id]
        late = f"超期{d.overdue_days}天" if d.overdue_days > 0 else ""
        overdue += bool(late)
        rows.append([n, h.address, h.head_name, h.head_phone or h.phone, tag_labels(d.tags),
                     f"每{d.interval_days}天", iso(d.last_visit_on) or "未走访", iso(d.next_due), late])
    totals = [["合计", f"关爱户 {len(rows)} 户", "", "", "", "", "", "", f"超期 {overdue} 户"]]
    return LedgerData("care", place.title("care", period.label), place.unit, f"截至{cn_date(as_of)}",
                      CARE_COLUMNS, privacy.rows(CARE_COLUMNS, rows), totals=totals)


def _due_as_of(due: VisitDue, last_visit: date | None, as_of: date) -> VisitDue:
    """A care household's schedule recomputed from its last visit on or before `as_of`."""
    when = next_due(last_visit, due.interval_days, today=as_of)
    return replace(due, last_visit_on=last_visit, next_due=when, overdue_days=(as_of - when).days)
