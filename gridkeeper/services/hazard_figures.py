"""Figures of the safety-hazard register: counts for `stats`, and per grid how many hazards fell due in a
period and how many of those were rectified on time (the grid scoreboard's 隐患按期整改率)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case
from sqlmodel import Session, func, select

from gridkeeper.domain.hazards import AWAITING_RECTIFICATION, OPEN_HAZARD_STATUSES
from gridkeeper.services.visibility import visible_grid_ids
from gridkeeper.storage.hazard_models import SafetyHazard, SafetyInspection, SafetyPlace


@dataclass(frozen=True)
class Rectification:
    """One grid's hazards whose deadline fell in the period, and those rectified by their deadline."""

    grid_id: int
    due: int
    on_time: int

    @property
    def rate(self) -> float | None:
        """Share rectified on time (0–1); None when nothing fell due."""
        return self.on_time / self.due if self.due else None


def rectification_by_grid(session: Session, start: date, end: date) -> dict[int, Rectification]:
    """Per grid: hazards whose rectification deadline is in [start, end), and how many of them were
    rectified on or before it (a hazard escalated to a department and not yet rectified counts as due,
    not on time). Grids with nothing due are absent; a steward sees their own grids only."""
    on_time = case((SafetyHazard.rectified_on <= SafetyHazard.deadline, 1), else_=0)
    query = (select(SafetyHazard.grid_id, func.count(), func.coalesce(func.sum(on_time), 0))
             .where(SafetyHazard.deadline >= start, SafetyHazard.deadline < end)
             .group_by(SafetyHazard.grid_id))
    grid_ids = visible_grid_ids(session)
    if grid_ids is not None:
        query = query.where(SafetyHazard.grid_id.in_(sorted(grid_ids)))
    return {grid_id: Rectification(grid_id, int(due), int(done)) for grid_id, due, done in session.exec(query)}


def hazard_counts(session: Session, *, today: date) -> dict[str, int]:
    """`stats --json` keys of this register: places, inspections, hazards_open, hazards_overdue."""
    grid_ids = visible_grid_ids(session)

    def _count(model, *where) -> int:
        if grid_ids is not None:
            where = (*where, model.grid_id.in_(sorted(grid_ids)))
        return session.exec(select(func.count()).select_from(model).where(*where)).one()

    return {
        "places": _count(SafetyPlace),
        "inspections": _count(SafetyInspection),
        "hazards_open": _count(SafetyHazard, SafetyHazard.status.in_(OPEN_HAZARD_STATUSES)),
        "hazards_overdue": _count(SafetyHazard, SafetyHazard.status.in_(AWAITING_RECTIFICATION),
                                  SafetyHazard.deadline < today),
    }
