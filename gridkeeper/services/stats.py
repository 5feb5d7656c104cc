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


def _count(session: Session, model, *where) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


def headline(session: Session, *, today: date | None = None) -> dict[str, int]:
    """The figures a community secretary quotes; keys are the `stats --json` contract."""
    today = today or date.today()
    care = session.exec(select(func.count(distinct(Resident.household_id)))
                        .join(ResidentTag, ResidentTag.resident_id == Resident.id)).one()
    open_requests = ResidentRequest.status.in_(OPEN_REQUEST_STATUSES)
    return {
        "grids": _count(session, Grid),
        "compounds": _count(session, Compound),
        "buildings": _count(session, Building),
        "units": _count(session, Unit),
        "households": _count(session, Household),
        "residents": _count(session, Resident),
        "leaders": _count(session, LeaderAssignment, LeaderAssignment.ended_on.is_(None)),
        "members": _count(session, Member, Member.status == MemberStatus.ACTIVE),
        "visits": _count(session, Visit),
        "requests": _count(session, ResidentRequest),
        "requests_open": _count(session, ResidentRequest, open_requests),
        "requests_overdue": _count(session, ResidentRequest, open_requests, ResidentRequest.deadline < today),
        "care_households": care,
        "visited_this_month": _count(session, Household, Household.last_visit_on >= month_start(today)),
    }
