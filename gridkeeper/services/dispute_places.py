"""Disputes when the geography changes: a moved building takes its disputes along; a place with disputes stays."""

from __future__ import annotations

from sqlmodel import Session, func, or_, select, update

from gridkeeper.storage.dispute_models import Dispute
from gridkeeper.storage.models import Household, Unit


def follow_building(session: Session, building_id: int, grid_id: int) -> None:
    """A building moved to another grid takes the disputes that happened at its households along (its
    new steward mediates them; parties, sessions and history follow the dispute)."""
    households = select(Household.id).join(Unit, Unit.id == Household.unit_id).where(Unit.building_id == building_id)
    session.exec(update(Dispute).where(Dispute.household_id.in_(households)).values(grid_id=grid_id))


def disputes_under(session: Session, grid_ids: list[int], household_ids: list[int]) -> int:
    """How many disputes belong to these grids or happened at these households (they keep a place from
    being deleted: the dispute register must not lose them)."""
    where = or_(Dispute.grid_id.in_(grid_ids), Dispute.household_id.in_(household_ids))
    return session.exec(select(func.count()).select_from(Dispute).where(where)).one()
