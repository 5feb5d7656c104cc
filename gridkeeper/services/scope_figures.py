"""The overview's headline figures for one part of the community (a grid, compound, building or unit)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import distinct
from sqlmodel import Session, func, select

from gridkeeper.domain.enums import OPEN_REQUEST_STATUSES, MemberStatus
from gridkeeper.services.coverage import month_start
from gridkeeper.services.leader_posts import posts
from gridkeeper.services.place_lists import grid_of
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.stats import headline
from gridkeeper.storage.models import (Building, Household, Member, Resident, ResidentRequest, ResidentTag, Unit,
                                       Visit)


def _in_scope(session: Session, scope: Scope, column, model=None, *where) -> int:
    """count(column) over households of the scope joined to `model` (or households themselves)."""
    query = select(column).select_from(Household)
    if model is not None:
        query = query.join(model, model.household_id == Household.id)
    return session.exec(scope.apply(query).where(*where)).one()


def scope_headline(session: Session, *, scope: Scope = EVERYWHERE, today: date | None = None) -> dict[str, int]:
    """The same keys as `stats.headline`, counted inside `scope` (the whole community when it is everywhere).
    Members are counted for the grid the scope lies in: a member serves a grid, not a building."""
    today = today or date.today()
    if scope.is_all:
        return headline(session, today=today)
    open_requests = ResidentRequest.status.in_(OPEN_REQUEST_STATUSES)
    buildings = session.exec(scope.apply_to_buildings(select(Building.id))).all()
    grid_id = grid_of(session, scope)
    compounds = session.exec(select(func.count(distinct(Building.compound_id))).where(Building.id.in_(buildings))
                             ).one() if buildings else 0
    units = session.exec(select(func.count()).select_from(Unit).where(Unit.building_id.in_(buildings))).one() \
        if not scope.unit_id else 1
    care = _in_scope(session, scope, func.count(distinct(Resident.household_id)), Resident,
                     Resident.id.in_(select(ResidentTag.resident_id)))
    members = session.exec(select(func.count()).select_from(Member).where(
        Member.grid_id == grid_id, Member.status == MemberStatus.ACTIVE)).one() if grid_id else 0
    return {
        "grids": 1 if grid_id else 0,
        "compounds": compounds,
        "buildings": len(buildings),
        "units": units,
        "households": _in_scope(session, scope, func.count(Household.id)),
        "residents": _in_scope(session, scope, func.count(Resident.id), Resident),
        "leaders": sum(1 for post in posts(session, scope) if not post.vacant),
        "members": members,
        "visits": _in_scope(session, scope, func.count(Visit.id), Visit),
        "requests": _in_scope(session, scope, func.count(ResidentRequest.id), ResidentRequest),
        "requests_open": _in_scope(session, scope, func.count(ResidentRequest.id), ResidentRequest, open_requests),
        "requests_overdue": _in_scope(session, scope, func.count(ResidentRequest.id), ResidentRequest, open_requests,
                                      ResidentRequest.deadline < today),
        "care_households": care,
        "visited_this_month": _in_scope(session, scope, func.count(Household.id), None,
                                        Household.last_visit_on >= month_start(today)),
    }



