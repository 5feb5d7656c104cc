"""The grid scoreboard (网格考核): per grid and steward, how well the grid was kept in a period, against the one before.

The figures, each for the period and the previous one, asked for every grid at once (a fixed handful of
queries whatever the number of grids):

- visit coverage % — households with at least one visit in the period ÷ households;
- care households on cadence % — households with a care tag whose last visit, as of the period's last
  day (today while the period runs), is within the interval their tags call for (services/settings);
- requests on time % and satisfaction % — services/request_performance, requests raised in the period;
- hazards rectified on time % — services/hazard_figures: hazards whose deadline fell in the period,
  rectified by it;
- vacant leader posts — grid, building and unit posts without a leader on that same day;
- member service hours — hours served in the period by the in-service members registered with the grid.

Lines are sorted by their score (the mean of the five percentages, of those the grid has), the community's
line last.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import case, distinct, exists
from sqlalchemy.orm import aliased
from sqlmodel import Session, func, select

from gridkeeper.domain.enums import ResidenceStatus
from gridkeeper.domain.period import Period
from gridkeeper.services.geography import get_community
from gridkeeper.services.hazard_figures import rectification_by_grid
from gridkeeper.services.request_performance import RequestPerformance, percent, performance_by
from gridkeeper.services.settings import visit_frequency
from gridkeeper.services.visibility import visible_grid_ids
from gridkeeper.storage.models import (Building, Grid, Household, LeaderAssignment, Member, Resident,
                                       ResidentRequest, ResidentTag, ServiceRecord, Unit, Visit)

CURRENT, PREVIOUS = 0, 1


@dataclass(frozen=True)
class Span:
    """Dates [start, end): the period and the one before it read in one query."""

    start: date
    end: date


@dataclass
class GridFigures:
    """The counts behind one line for one period; the rates are properties (None: nothing to measure)."""

    households: int = 0
    visited: int = 0
    care_households: int = 0
    care_on_cadence: int = 0
    requests: RequestPerformance = field(default_factory=RequestPerformance)
    hazards_due: int = 0
    hazards_on_time: int = 0
    posts: int = 0
    vacant_posts: int = 0
    service_hours: float = 0.0

    @property
    def coverage_percent(self) -> float | None:
        return percent(self.visited, self.households)

    @property
    def care_percent(self) -> float | None:
        return percent(self.care_on_cadence, self.care_households)

    @property
    def on_time_percent(self) -> float | None:
        return self.requests.on_time_percent

    @property
    def satisfaction_percent(self) -> float | None:
        return self.requests.satisfaction_percent

    @property
    def hazards_percent(self) -> float | None:
        return percent(self.hazards_on_time, self.hazards_due)

    @property
    def score(self) -> float | None:
        """The mean of the percentages this grid has (a grid without requests or hazards is judged on the rest)."""
        rates = [r for r in (self.coverage_percent, self.care_percent, self.on_time_percent,
                             self.satisfaction_percent, self.hazards_percent) if r is not None]
        return round(sum(rates) / len(rates), 1) if rates else None

    def add(self, other: "GridFigures") -> None:
        """Add another grid's counts (the community's line)."""
        for f in fields(self):
            if f.name == "requests":
                for g in fields(RequestPerformance):
                    setattr(self.requests, g.name, getattr(self.requests, g.name) + getattr(other.requests, g.name))
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict:
        return {"households": self.households, "visited": self.visited, "coverage_percent": self.coverage_percent,
                "care_households": self.care_households, "care_on_cadence": self.care_on_cadence,
                "care_percent": self.care_percent, "requests": self.requests.received,
                "on_time_percent": self.on_time_percent, "satisfaction_percent": self.satisfaction_percent,
                "overdue_now": self.requests.overdue_now, "hazards_due": self.hazards_due,
                "hazards_on_time": self.hazards_on_time, "hazards_percent": self.hazards_percent, "posts": self.posts, "vacant_posts": self.vacant_posts,
                "service_hours": round(self.service_hours, 1), "score": self.score}


@dataclass
class GridLine:
    """One grid (or the community) this period and the period before."""

    grid_id: int | None
    code: str
    name: str
    steward: str
    current: GridFigures
    previous: GridFigures
    rank: int | None = None
    _trend: dict | None = field(default=None, init=False, repr=False, compare=False)

    def trend(self) -> dict[str, float | None]:
        """Change of each rate and count against the previous period (None when either is unknown); worked
        out once (a table of 400 grids asks for it in every cell it draws)."""
        if self._trend is None:
            self._trend = self._changes()
        return self._trend

    def _changes(self) -> dict[str, float | None]:
        now, before = self.current.as_dict(), self.previous.as_dict()
        keys = ("coverage_percent", "care_percent", "on_time_percent", "satisfaction_percent", "hazards_percent",
                "vacant_posts",
                "service_hours", "score")
        return {key: None if now[key] is None or before[key] is None else round(now[key] - before[key], 1)
                for key in keys}

    def as_dict(self) -> dict:
        return {"grid": self.code, "name": self.name, "steward": self.steward, "rank": self.rank,
                **self.current.as_dict(), "previous": self.previous.as_dict(), "trend": self.trend()}


@dataclass
class GridScoreboard:
    period: Period
    today: date
    community: str
    lines: list[GridLine]  # sorted, best first
    total: GridLine  # the community (a steward: their grids together)

    def as_dict(self) -> dict:
        """The `board grids --json` contract."""
        return {"period": self.period.text, "period_label": self.period.label,
                "previous_period": self.period.previous().text, "today": self.today.isoformat(),
                "community": self.community, "grids": [line.as_dict() for line in self.lines],
                "total": self.total.as_dict()}


def as_of(period: Period, today: date) -> date:
    """The day a snapshot figure (care cadence, vacant posts) describes: the period's last day, or today."""
    return min(period.last_day, today)


def grid_scoreboard(session: Session, *, period: Period, today: date) -> GridScoreboard:
    """Every grid the one signed in may read, for `period` and the one before, sorted; the total last."""
    previous = period.previous()
    grid_ids = visible_grid_ids(session)
    grid_query = select(Grid.id, Grid.code, Grid.name, Grid.steward_name).order_by(Grid.code)
    if grid_ids is not None:
        grid_query = grid_query.where(Grid.id.in_(sorted(grid_ids)))
    grids = list(session.exec(grid_query))
    figures = {(g[0], which): GridFigures() for g in grids for which in (CURRENT, PREVIOUS)}
    context = _Context(session, figures, period, previous, today, restricted=grid_ids is not None)
    for count in (_households_and_visits, _care, _requests, _hazards, _posts, _hours):
        count(context)
    lines = [GridLine(gid, code, name, steward, figures[gid, CURRENT], figures[gid, PREVIOUS])
             for gid, code, name, steward in grids]
    lines.sort(key=lambda l: (l.current.score is None, -(l.current.score or 0), l.code))
    for rank, line in enumerate(lines, start=1):
        line.rank = rank
    total = GridLine(None, "", "全社区" if grid_ids is None else "合计", "", GridFigures(), GridFigures())
    for line in lines:
        total.current.add(line.current)
        total.previous.add(line.previous)
    community = get_community(session)
    return GridScoreboard(period, today, community.name if community else "", lines, total)


@dataclass
class _Context:
    session: Session
    figures: dict[tuple[int, int], GridFigures]
    period: Period
    previous: Period
    today: date
    restricted: bool  # a steward's own grids only

    @property
    def grid_ids(self) -> list[int]:
        return sorted({gid for gid, _ in self.figures})

    def get(self, grid_id: int, which: int) -> GridFigures | None:
        return self.figures.get((grid_id, which))

    def rows(self, query):
        # Core execution: plain tuples, without the ORM row machinery.
        return self.session.connection().execute(query)


def _in_grids(context: _Context, query):
    """A steward's grids only. Everyone's are not filtered: a list of every grid id would lead the planner
    to start from the buildings and read every resident, not the few tagged (3 s instead of 1 s at 100,000)."""
    return query.where(Building.grid_id.in_(context.grid_ids)) if context.restricted else query


def _visited(period: Period):
    """Whether the household (of the enclosing query) has a visit in `period`: an index seek per household on
    (household_id, visited_on), far cheaper at 100,000 households than grouping the period's visits."""
    return case((exists().where(Visit.household_id == Household.id, Visit.visited_on >= period.start,
                                Visit.visited_on < period.end), 1), else_=0)


def _households_and_visits(context: _Context) -> None:
    query = (select(Building.grid_id, func.count(Household.id), func.sum(_visited(context.period)),
                    func.sum(_visited(context.previous))).select_from(Household)
             .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
             .group_by(Building.grid_id))
    for grid_id, households, now, then in context.rows(_in_grids(context, query)):
        for which, visited in ((CURRENT, now), (PREVIOUS, then)):
            if figures := context.get(grid_id, which):
                figures.households, figures.visited = households, int(visited or 0)


def _care(context: _Context) -> None:
    """Care households and those visited on cadence on each period's snapshot day, in one query: each tagged
    resident's household with its grid, whether a migrant lives there, and its last visit on or before each day."""
    frequency = visit_frequency(context.session)
    days = (as_of(context.period, context.today), as_of(context.previous, context.today))
    housemate = aliased(Resident)
    migrant = exists().where(housemate.household_id == Resident.household_id,
                             housemate.residence_status == ResidenceStatus.MIGRANT)

    def last_visit(day: date):
        return (select(Visit.visited_on).where(Visit.household_id == Resident.household_id, Visit.visited_on <= day)
                .order_by(Visit.visited_on.desc()).limit(1).scalar_subquery())

    tagged = (select(Resident.household_id, Building.grid_id, ResidentTag.tag, case((migrant, 1), else_=0),
                     last_visit(days[0]), last_visit(days[1])).select_from(ResidentTag)
              .join(Resident, Resident.id == ResidentTag.resident_id)
              .join(Household, Household.id == Resident.household_id).join(Unit, Unit.id == Household.unit_id)
              .join(Building, Building.id == Unit.building_id))
    homes: dict[int, tuple[int, set[str], bool, tuple]] = {}
    for household_id, grid_id, tag, has_migrant, now, then in context.rows(_in_grids(context, tagged)):
        homes.setdefault(household_id, (grid_id, set(), bool(has_migrant), (now, then)))[1].add(tag)
    for grid_id, tags, has_migrant, seen in homes.values():
        interval = frequency.interval_for(sorted(tags), has_migrant=has_migrant)
        for which, day in ((CURRENT, days[0]), (PREVIOUS, days[1])):
            figures = context.get(grid_id, which)
            last = _as_date(seen[which])
            figures.care_households += 1
            figures.care_on_cadence += last is not None and (day - last).days <= interval


def _as_date(value) -> date | None:
    """A date, also when a driver hands a subquery's date back as text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _requests(context: _Context) -> None:
    span = Span(context.previous.start, context.period.end)
    start = context.period.start
    groups = performance_by(context.session, (Building.grid_id, ResidentRequest.raised_on), period=span, today=context.today,
                            where=(Building.grid_id.in_(context.grid_ids),) if context.restricted else (),
                            key=lambda v: (v[0], CURRENT if v[1] >= start else PREVIOUS))
    for (grid_id, which), performance in groups.items():
        if figures := context.get(grid_id, which):
            figures.requests = performance


def _hazards(context: _Context) -> None:
    for which, period in ((CURRENT, context.period), (PREVIOUS, context.previous)):
        for grid_id, rectification in rectification_by_grid(context.session, period.start, period.end).items():
            if figures := context.get(grid_id, which):
                figures.hazards_due, figures.hazards_on_time = rectification.due, rectification.on_time


def _posts(context: _Context) -> None:
    """Posts: one per grid, building and unit; held on each snapshot day by a leader whose term covers it."""
    query = (select(Building.grid_id, func.count(distinct(Building.id)), func.count(Unit.id)).select_from(Building)
             .outerjoin(Unit, Unit.building_id == Building.id).group_by(Building.grid_id))
    for grid_id, buildings, units in context.rows(_in_grids(context, query)):
        for which in (CURRENT, PREVIOUS):
            context.get(grid_id, which).posts = buildings + units
    for grid_id in context.grid_ids:
        for which in (CURRENT, PREVIOUS):
            context.get(grid_id, which).posts += 1  # the grid leader's post
    unit_building = select(Unit.building_id).where(Unit.id == LeaderAssignment.unit_id).scalar_subquery()
    building_grid = select(Building.grid_id).where(
        Building.id == func.coalesce(LeaderAssignment.building_id, unit_building)).scalar_subquery()
    held = select(LeaderAssignment.role, LeaderAssignment.grid_id, LeaderAssignment.building_id,
                  LeaderAssignment.unit_id, func.coalesce(LeaderAssignment.grid_id, building_grid),
                  LeaderAssignment.term_start, LeaderAssignment.ended_on)
    days = (as_of(context.period, context.today), as_of(context.previous, context.today))
    filled: dict[tuple[int, int], set] = {}
    for role, g, b, u, grid_id, term_start, ended_on in context.rows(held):
        for which, day in ((CURRENT, days[0]), (PREVIOUS, days[1])):
            if (term_start is None or term_start <= day) and (ended_on is None or ended_on > day):
                filled.setdefault((grid_id, which), set()).add((role, g or b or u))
    for (grid_id, which), figures in context.figures.items():
        figures.vacant_posts = max(0, figures.posts - len(filled.get((grid_id, which), ())))


def _hours(context: _Context) -> None:
    start = context.period.start
    current = func.coalesce(func.sum(case((ServiceRecord.served_on >= start, ServiceRecord.hours), else_=0)), 0)
    before = func.coalesce(func.sum(case((ServiceRecord.served_on < start, ServiceRecord.hours), else_=0)), 0)
    query = (select(Member.grid_id, current, before).select_from(ServiceRecord)
             .join(Member, Member.id == ServiceRecord.member_id)
             .where(ServiceRecord.served_on >= context.previous.start, ServiceRecord.served_on < context.period.end,
                    *((Member.grid_id.in_(context.grid_ids),) if context.restricted else ()))
             .group_by(Member.grid_id))
    for grid_id, now, then in context.rows(query):
        for which, hours in ((CURRENT, now), (PREVIOUS, then)):
            if figures := context.get(grid_id, which):
                figures.service_hours = round(float(hours or 0), 1)
