"""What the monthly work report (月度工作报告) and the annual summary hold, Qt-free and without layout:
headline figures beside the previous period's, the charts' series, the lists that need attention, notes.

Every figure comes from the services the Overview, `stats` and the ledgers use (coverage, request
performance, the care schedule, leader posts, member service), each family in a few grouped queries
(services/monthly_figures.py), so the report agrees with what the screens show.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import NamedTuple

from sqlmodel import Session, select

from gridkeeper.domain.care import next_due
from gridkeeper.domain.enums import CareTag, LeaderRole, RequestCategory, label_of
from gridkeeper.domain.free_text import mask_numbers_in_text
from gridkeeper.domain.period import Period
from gridkeeper.reports.charts import Series
from gridkeeper.reports.ledger_data import Where, cn_date, where
from gridkeeper.services.addresses import summaries
from gridkeeper.services.coverage import VisitDue, care_schedule
from gridkeeper.services.errors import ServiceError
from gridkeeper.services.leader_posts import posts
from gridkeeper.services.members import service_totals
from gridkeeper.services.monthly_figures import (Months, PlaceCoverage, RequestMonths, ServiceMonths, VisitTrend,
                                                 care_last_visits_before, months_ending, months_of_year,
                                                 overdue_as_of, percent_of, place_coverage, request_months,
                                                 service_months, visit_trend, visited_between)
from gridkeeper.services.scope_figures import scope_headline
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.models import Building, Compound, Grid, Household, ResidentRequest, Unit

LIST_LIMIT = 20  # rows per attention list; the rest are counted ("另有 N 户未列出")
MAX_BARS = 30  # places in the coverage chart; with more, the least covered are shown
DESCRIPTION_CHARS = 40


@dataclass
class Figure:
    """One headline figure: this period's value and the previous period's (None: nothing to measure)."""

    label: str
    this: float | None
    last: float | None
    kind: str = "count"  # "count", "percent", "days", "hours"


@dataclass
class ChartSpec:
    """A chart to draw: kind "bar", "grouped" or "line", its categories and series."""

    kind: str
    title: str
    labels: list[str]
    series: list[Series]
    percent: bool = False
    unit: str = ""


@dataclass
class AttentionList:
    """A bounded list that needs attention: the first rows, and how many more there are."""

    title: str
    header: list[str]
    widths_mm: list[float]
    rows: list[list[str]]
    total: int
    noun: str  # 户 / 件 / 个
    note: str = ""
    wrap: set[int] = field(default_factory=set)  # columns whose long text wraps; the others shrink to one line

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.rows))


@dataclass
class WorkReport:
    kind: str  # "monthly" or "annual"
    title: str
    unit: str
    period: Period
    as_of: date
    this_label: str  # 本月 / 本年
    last_label: str  # 上月 / 上年
    basics: list[tuple[str, int]]
    figures: list[Figure]
    charts: list[ChartSpec]
    lists: list[AttentionList] = field(default_factory=list)
    notes: str = ""
    basis: list[str] = field(default_factory=list)  # how the figures are counted, in a sentence each


# ---------------------------------------------------------------- entry points


class _Sources(NamedTuple):
    """What both reports are made from: the months' visits, requests and service, the coverage of each place
    in the period, and the care cadence at the two dates compared."""

    visits: VisitTrend
    places: list[PlaceCoverage]
    requests: RequestMonths
    service: ServiceMonths
    care: list


def _read(session: Session, place, months: Months, period: Period, today: date, as_of: list[date]) -> _Sources:
    level = "building" if place.grid else "grid"
    return _Sources(visit_trend(session, months, scope=place.scope),
                    place_coverage(session, period.start, period.end, today=today, scope=place.scope, level=level),
                    request_months(session, months, today=today, scope=place.scope),
                    service_months(session, months, scope=place.scope),
                    care_cadence(session, place, as_of, today))


def _overdue_figure(session: Session, place, as_of: date, last_as_of: date) -> Figure:
    return Figure("超期未办结诉求", overdue_as_of(session, as_of, scope=place.scope),
                  overdue_as_of(session, last_as_of, scope=place.scope))


def _attention_lists(session: Session, place, care_now, as_of: date, today: date) -> list[AttentionList]:
    """Care households overdue, requests overdue, vacant posts: what the report's last page names."""
    return [_overdue_care_list(session, care_now[2], as_of), _overdue_request_list(session, place, as_of),
            _vacant_post_list(session, place, today)]


def monthly_report(session: Session, period: Period, *, grid_code: str | None = None, today: date,
                   notes: str = "") -> WorkReport:
    """The month's report for the community or one grid (a steward: their own grid)."""
    if period.kind != "month":
        raise ValueError("monthly_report needs a month")
    _not_ahead(period, today)
    place = where(session, grid_code)
    months = months_ending(period.start, 12)
    this, last = months.count - 1, months.count - 2
    as_of = min(period.last_day, today)
    last_as_of = period.start - timedelta(days=1)
    visits, places, requests, service, (care_now, care_before) = _read(session, place, months, period, today,
                                                                         [as_of, last_as_of])
    perf, perf_last = requests.performance[this], requests.performance[last]
    figures = [
        Figure("走访户次", visits.visits[this], visits.visits[last]),
        Figure("走访户数", visits.visited[this], visits.visited[last]),
        Figure("走访覆盖率", visits.percent(this), visits.percent(last), "percent"),
        *_care_figures(care_now, care_before),
        *_request_figures(perf, perf_last),
        _overdue_figure(session, place, as_of, last_as_of),
        Figure("在职党员服务人次", service.services[this], service.services[last]),
        Figure("参与服务党员人数", service.members[this], service.members[last]),
        Figure("在职党员服务时长（小时）", service.hours[this], service.hours[last], "hours"),
    ]
    labels = _month_labels(months)
    charts = [
        _coverage_chart(session, place, places, f"{period.label}各{'楼栋' if place.grid else '网格'}走访覆盖率"),
        ChartSpec("line", f"近十二个月走访覆盖率（{_span(months)}）", labels,
                  [Series("走访覆盖率", tuple(visits.percent(i) for i in range(months.count)))], percent=True),
        _category_chart(requests.categories[this], requests.categories[last], "本月", "上月",
                        f"{period.label}诉求分类（与上月对比）"),
        _resolution_trend(requests, labels, f"近十二个月诉求按时办结率和满意率（按受理月份，{_span(months)}）"),
        ChartSpec("bar", f"近十二个月在职党员服务时长（{_span(months)}）", labels, [Series("服务时长", tuple(service.hours))], unit="小时"),
    ]
    lists = _attention_lists(session, place, care_now, as_of, today)
    return WorkReport("monthly", f"{place.unit}月度工作报告（{period.label}）", place.unit, period, as_of, "本月", "上月",
                      _basics(session, place, today), figures, charts, lists, notes, _basis(as_of, last_as_of, "月"))


def annual_report(session: Session, year: int, *, grid_code: str | None = None, today: date,
                  notes: str = "") -> WorkReport:
    """The year's summary for the community or one grid: the year against the year before."""
    period = Period("year", year, 0)
    _not_ahead(period, today)
    place = where(session, grid_code)
    months = Months(date(year - 1, 1, 1), 24)
    this, last = range(12, 24), range(0, 12)
    as_of, last_as_of = min(period.last_day, today), date(year - 1, 12, 31)
    visits, places, requests, service, (care_now, care_before) = _read(session, place, months, period, today,
                                                                         [as_of, last_as_of])
    seen = sum(p.visited for p in places)
    seen_before = visited_between(session, date(year - 1, 1, 1), period.start, scope=place.scope)
    households = visits.households
    grid_id = place.grid.id if place.grid else None
    serving = sum(1 for t in service_totals(session, start=period.start, end=period.end, grid_id=grid_id)
                  if t.services)
    serving_before = sum(1 for t in service_totals(session, start=date(year - 1, 1, 1), end=period.start,
                                                   grid_id=grid_id) if t.services)
    figures = [
        Figure("走访户次", sum(visits.visits[i] for i in this), sum(visits.visits[i] for i in last)),
        Figure("全年走访过的户数", seen, seen_before),
        Figure("全年走访覆盖率", percent_of(seen, households), percent_of(seen_before, households), "percent"),
        *_care_figures(care_now, care_before),
        *_request_figures(requests.total(this), requests.total(last)),
        _overdue_figure(session, place, as_of, last_as_of),
        Figure("在职党员服务人次", sum(service.services[i] for i in this), sum(service.services[i] for i in last)),
        Figure("参与服务党员人数", serving, serving_before),
        Figure("在职党员服务时长（小时）", round(sum(service.hours[i] for i in this), 1),
               round(sum(service.hours[i] for i in last), 1), "hours"),
    ]
    year_months = months_of_year(year)
    labels = _month_labels(year_months)
    year_requests = replace(requests, months=year_months, performance=requests.performance[12:],
                            categories=requests.categories[12:])
    charts = [
        _coverage_chart(session, place, places, f"{year}年各{'楼栋' if place.grid else '网格'}全年走访覆盖率"),
        ChartSpec("line", f"{year}年各月走访覆盖率", labels,
                  [Series("走访覆盖率", _so_far([visits.percent(i) for i in this], year_months, today))],
                  percent=True),
        _category_chart(requests.category_total(this), requests.category_total(last), f"{year}年", f"{year - 1}年",
                        f"{year}年诉求分类（与上年对比）"),
        _resolution_trend(year_requests, labels, f"{year}年各月诉求按时办结率和满意率"),
        ChartSpec("bar", f"{year}年各月在职党员服务时长", labels,
                  [Series("服务时长", _so_far(service.hours[12:], year_months, today))], unit="小时"),
    ]
    lists = _attention_lists(session, place, care_now, as_of, today)
    return WorkReport("annual", f"{place.unit}{year}年度工作总结", place.unit, period, as_of, "本年", "上年",
                      _basics(session, place, today), figures, charts, lists, notes, _basis(as_of, last_as_of, "年"))


# ---------------------------------------------------------------- figures


def _not_ahead(period: Period, today: date) -> None:
    if period.start > today:
        raise ServiceError(f"{period.label}还没有开始（今天是{cn_date(today)}），没有可以报告的数字")


def _so_far(values, months: Months, today: date) -> tuple:
    """The values of months that have begun; a month still ahead is a gap on the chart, not a zero."""
    return tuple(v if start <= today else None for v, start in zip(values, months.starts))


def _basics(session: Session, place: Where, today: date) -> list[tuple[str, int]]:
    """The place's size, as the Overview's cards count it (scope_headline, i.e. `stats` for the community)."""
    figures = scope_headline(session, scope=readable_scope(session, place.scope), today=today)
    return [("网格", figures["grids"]), ("楼栋", figures["buildings"]), ("住户", figures["households"]),
            ("居民", figures["residents"]), ("关爱户", figures["care_households"]),
            ("在任三长", figures["leaders"]), ("在册在职党员", figures["members"])]


def _request_figures(perf, perf_last) -> list[Figure]:
    return [
        Figure("受理诉求（件）", perf.received, perf_last.received),
        Figure("已办结（件）", perf.resolved, perf_last.resolved),
        Figure("按时办结率", perf.on_time_percent, perf_last.on_time_percent, "percent"),
        Figure("平均办结天数", perf.average_days, perf_last.average_days, "days"),
        Figure("群众满意率", perf.satisfaction_percent, perf_last.satisfaction_percent, "percent"),
    ]


def care_cadence(session: Session, place: Where, days: list[date], today: date):
    """For each day: (care households, overdue on that day, the overdue VisitDue list), from one care
    schedule; a past day's last visits come from the visits before it (as the care ledger does)."""
    schedule = care_schedule(session, today=today, scope=readable_scope(session, place.scope))
    out = []
    for day in days:
        if day >= today:
            overdue = [d for d in schedule if d.overdue_days > 0]
        else:
            past = care_last_visits_before(session, day + timedelta(days=1), scope=place.scope)
            overdue = [d for d in (_overdue_on(d, past.get(d.household_id), day) for d in schedule) if d]
        overdue.sort(key=lambda d: (-d.overdue_days, d.household_id))
        out.append((len(schedule), len(overdue), overdue))
    return out


def _overdue_on(due: VisitDue, last_visit: date | None, day: date) -> VisitDue | None:
    """The household's schedule on a past day, if it was overdue then (None otherwise)."""
    when = next_due(last_visit, due.interval_days, today=day)
    late = (day - when).days
    return replace(due, last_visit_on=last_visit, next_due=when, overdue_days=late) if late > 0 else None


def _care_figures(now, before) -> list[Figure]:
    (total, overdue, _), (total_before, overdue_before, _) = now, before
    return [
        Figure("关爱户按期走访率", percent_of(total - overdue, total), percent_of(total_before - overdue_before, total_before),
               "percent"),
        Figure("关爱户超期未访", overdue, overdue_before),
    ]


# ---------------------------------------------------------------- charts


def _month_labels(months: Months) -> list[str]:
    """12月, 1月 …: short enough to stand level under twelve points (the chart's title names the years)."""
    return [f"{start.month}月" for start in months.starts]


def _span(months: Months) -> str:
    first, last = months.starts[0], months.starts[-1]
    return f"{first.year}年{first.month}月—{last.year}年{last.month}月"


def _coverage_chart(session: Session, place: Where, places: list[PlaceCoverage], title: str) -> ChartSpec:
    """Coverage per grid (community) or building (a grid), by code or address; the least covered when many."""
    names = _place_names(session, place, [p.id for p in places])
    rows = [(names.get(p.id, str(p.id)), p.percent) for p in places if p.households]
    rows.sort(key=lambda r: r[0])
    if len(rows) > MAX_BARS:
        total = len(rows)
        rows = sorted(rows, key=lambda r: (r[1] if r[1] is not None else -1, r[0]))[:MAX_BARS]
        title = f"{title}（覆盖率最低的 {MAX_BARS} 个，共 {total} 个）"
    return ChartSpec("bar", title, [r[0] for r in rows], [Series("走访覆盖率", tuple(r[1] for r in rows))],
                     percent=True)


def _place_names(session: Session, place: Where, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    if place.grid is None:
        return dict(session.exec(select(Grid.id, Grid.code).where(Grid.id.in_(ids))).all())
    rows = session.exec(select(Building.id, Compound.name, Building.label).join(Compound, Compound.id == Building.compound_id)
                        .where(Building.id.in_(ids))).all()
    return {i: f"{compound}{label}" for i, compound, label in rows}


def _category_chart(this: dict[str, int], last: dict[str, int], this_label: str, last_label: str,
                    title: str) -> ChartSpec:
    codes = [c for c in RequestCategory if this.get(c.value) or last.get(c.value)]
    codes.sort(key=lambda c: (-this.get(c.value, 0), -last.get(c.value, 0)))
    return ChartSpec("grouped", title, [c.label for c in codes],
                     [Series(this_label, tuple(this.get(c.value, 0) for c in codes)),
                      Series(last_label, tuple(last.get(c.value, 0) for c in codes))], unit="件")


def _resolution_trend(requests, labels: list[str], title: str) -> ChartSpec:
    return ChartSpec("line", title, labels, [
        Series("按时办结率", tuple(p.on_time_percent for p in requests.performance)),
        Series("满意率", tuple(p.satisfaction_percent for p in requests.performance)),
    ], percent=True)


# ---------------------------------------------------------------- lists that need attention


def _overdue_care_list(session: Session, overdue: list[VisitDue], as_of: date) -> AttentionList:
    shown = overdue[:LIST_LIMIT]
    homes = {h.id: h for h in summaries(session, [d.household_id for d in shown])}
    rows = []
    for d in shown:
        home = homes.get(d.household_id)
        if home is None:
            continue
        rows.append([home.grid_code, home.address, home.head_name,
                     "、".join(label_of(CareTag, t) for t in d.tags), f"每{d.interval_days}天",
                     d.last_visit_on.isoformat() if d.last_visit_on else "未走访", f"{d.overdue_days}天"])
    return AttentionList(f"超期未走访的关爱户（截至{cn_date(as_of)}，共 {len(overdue):,} 户）",
                         ["网格", "住户地址", "户主", "关爱标签", "走访频次", "最近走访", "超期"],
                         [16, 52, 16, 40, 16, 22, 14], rows, len(overdue), "户",
                         "按超期天数排列；完整名单见个性化台账。", wrap={1, 3})


def _overdue_request_list(session: Session, place: Where, as_of: date) -> AttentionList:
    scope = readable_scope(session, place.scope)
    done_by_then = ResidentRequest.resolved_on.is_not(None) & (ResidentRequest.resolved_on <= as_of)
    query = (select(ResidentRequest.id, Grid.code, Compound.name, Building.label, Unit.label, Household.room,
                    ResidentRequest.category, ResidentRequest.raised_on, ResidentRequest.deadline,
                    ResidentRequest.dispatched_to, ResidentRequest.description)
             .select_from(ResidentRequest).join(Household, Household.id == ResidentRequest.household_id)
             .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
             .join(Compound, Compound.id == Building.compound_id).join(Grid, Grid.id == Building.grid_id)
             .where(ResidentRequest.raised_on <= as_of, ResidentRequest.deadline < as_of,
                    ResidentRequest.status != "withdrawn", ~done_by_then))
    query = scope.apply(query, joined=True).order_by(ResidentRequest.deadline, ResidentRequest.id).limit(LIST_LIMIT)
    rows = []
    for number, grid, compound, building, unit, room, category, raised, deadline, handler, text in session.exec(query):
        text = mask_numbers_in_text(" ".join((text or "").split()))
        if len(text) > DESCRIPTION_CHARS:
            text = text[:DESCRIPTION_CHARS] + "…"
        rows.append([f"#{number}", grid, f"{compound}{building}{unit}{room}", label_of(RequestCategory, category),
                     raised.isoformat(), deadline.isoformat(), f"{(as_of - deadline).days}天", handler or "", text])
    total = overdue_as_of(session, as_of, scope=place.scope)
    return AttentionList(f"超期未办结的诉求（截至{cn_date(as_of)}，共 {total:,} 件）",
                         ["编号", "网格", "住户地址", "类别", "受理日期", "办结期限", "超期", "承办", "诉求内容"],
                         [12, 14, 40, 17, 20, 20, 13, 22, 40], rows, total, "件",
                         "按办结期限排列；诉求内容中的电话和身份证号已遮蔽；完整清单见诉求办理台账。", wrap={2, 7, 8})


def _vacant_post_list(session: Session, place: Where, today: date) -> AttentionList:
    scope = readable_scope(session, place.scope)
    vacant = posts(session, scope, vacant_only=True)
    codes = dict(session.exec(select(Grid.id, Grid.code)).all()) if vacant else {}
    rows = [[codes.get(p.grid_id, ""), label_of(LeaderRole, p.role), p.label] for p in vacant[:LIST_LIMIT]]
    return AttentionList(f"空缺的三长岗位（截至{cn_date(today)}，共 {len(vacant):,} 个）", ["网格", "岗位", "位置"],
                         [25, 25, 120], rows, len(vacant), "个", "", wrap={2})


def _basis(as_of: date, last_as_of: date, span: str) -> list[str]:
    return [
        f"走访覆盖率＝本{span}走访过的住户÷现有住户。关爱户按期走访率＝未超期的关爱户÷关爱户，按关爱标签规定的走访频次，"
        f"本{span}以{cn_date(as_of)}为准，上{span}以{cn_date(last_as_of)}为准。",
        f"诉求按受理日期归{span}：按时办结率＝按期办结÷（已办结＋超期未办结），平均办结天数按已办结的计，"
        "满意率＝满意和基本满意÷已评价，撤回的不计。",
        f"上{span}的关爱户和超期数字按上{span}末的情况计算；诉求的办结和评价按目前所知计算。",
    ]


__all__ = ["WorkReport", "Figure", "ChartSpec", "AttentionList", "monthly_report", "annual_report"]
