"""Headline figures for the overview and `gridkeeper stats`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import distinct
from sqlmodel import Session, func, select

from gridkeeper.domain.enums import OPEN_REQUEST_STATUSES, MemberStatus
from gridkeeper.services.coverage import month_start
from gridkeeper.storage.models import (
    Building,
    Compound,
    Grid,
    Household,
    LeaderAssignment,
    Member,
    Resident,
    ResidentRequest,
    ResidentTag,
    Unit,
    Visit,
)


def _in_grids(model, grid_ids: frozenset[int]):
    """A condition keeping `model`'s rows that belong to these grids (a steward's own)."""
    ids = sorted(grid_ids)
    buildings = select(Building.id).where(Building.grid_id.in_(ids))
    units = select(Unit.id).where(Unit.building_id.in_(buildings))
    households = select(Household.id).where(Household.unit_id.in_(units))
    if model is Grid:
        return Grid.id.in_(ids)
    if model in (Building, Member):
        return model.grid_id.in_(ids)
    if model is Compound:
        return Compound.id.in_(select(Building.compound_id).where(Building.grid_id.in_(ids)))
    if model is Unit:
        return Unit.building_id.in_(buildings)
    if model is Household:
        return Household.unit_id.in_(units)
    if model is LeaderAssignment:
        return (LeaderAssignment.grid_id.in_(ids) | LeaderAssignment.building_id.in_(buildings)
                | LeaderAssignment.unit_id.in_(units))
    return model.household_id.in_(households)  # Resident, Visit, ResidentRequest


def headline(session: Session, *, today: date | None = None) -> dict[str, int]:
    """The figures a community secretary quotes (a steward: of their own grids); keys are the
    `stats --json` contract."""
    from gridkeeper.services.visibility import visible_grid_ids

    grid_ids = visible_grid_ids(session)

    def _count(model, *where) -> int:
        if grid_ids is not None:
            where = (*where, _in_grids(model, grid_ids))
        return session.exec(select(func.count()).select_from(model).where(*where)).one()

    today = today or date.today()
    care_query = (select(func.count(distinct(Resident.household_id)))
                  .join(ResidentTag, ResidentTag.resident_id == Resident.id))
    if grid_ids is not None:
        care_query = care_query.where(_in_grids(Resident, grid_ids))
    care = session.exec(care_query).one()
    open_requests = ResidentRequest.status.in_(OPEN_REQUEST_STATUSES)
    from gridkeeper.services.rental_lists import rental_figures

    rentals = rental_figures(session)  # rentals, tenants, group_rentals
    return {
        "grids": _count(Grid),
        "compounds": _count(Compound),
        "buildings": _count(Building),
        "units": _count(Unit),
        "households": _count(Household),
        "residents": _count(Resident),
        "leaders": _count(LeaderAssignment, LeaderAssignment.ended_on.is_(None)),
        "members": _count(Member, Member.status == MemberStatus.ACTIVE),
        "visits": _count(Visit),
        "requests": _count(ResidentRequest),
        "requests_open": _count(ResidentRequest, open_requests),
        "requests_overdue": _count(ResidentRequest, open_requests, ResidentRequest.deadline < today),
        "care_households": care,
        "visited_this_month": _count(Household, Household.last_visit_on >= month_start(today)),
        **rentals,
    } | _hazard_counts(session, today) | _dispute_counts(session)


def _dispute_counts(session: Session) -> dict[str, int]:
    from gridkeeper.services.dispute_lists import dispute_counts

    return dispute_counts(session)  # disputes, disputes_open


def _hazard_counts(session: Session, today: date) -> dict[str, int]:
    from gridkeeper.services.hazard_figures import hazard_counts

    return hazard_counts(session, today=today)
