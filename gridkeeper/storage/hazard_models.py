"""The safety-hazard register (安全隐患排查整改): places inspected, inspections, hazards and their steps.

Every row carries its grid (`grid_id`), so the permission guard (a steward writes only in their own
grids), reading scopes and the per-grid figures need no joins through buildings.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, String, text
from sqlmodel import Field, SQLModel

from gridkeeper.domain.hazards import HazardLevel, HazardStatus, PlaceKind


def version_column() -> Column:
    """The edit counter checked on every UPDATE, as on households (storage/models.py imports this module
    at its end, so it is not imported back from there)."""
    return Column("version", Integer, nullable=False, default=1, server_default=text("1"))

_SAFETYPLACE_VERSION = version_column()


class SafetyPlace(SQLModel, table=True):
    """A place the steward inspects: one of the 九小场所 or a shared space (楼道, 地下室/车库, 电动车棚)."""

    __tablename__ = "safety_place"
    __table_args__ = (Index("ix_safety_place_grid_name", "grid_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    grid_id: int = Field(foreign_key="grid.id")
    building_id: int | None = Field(default=None, foreign_key="building.id", index=True)
    name: str = Field(max_length=100)
    kind: PlaceKind = Field(sa_type=String(20))
    address: str = Field(default="", max_length=200)  # a street frontage, or more detail in the building
    person_in_charge: str = Field(default="", max_length=50)
    phone: str = Field(default="", max_length=40)
    notes: str = Field(default="")
    last_inspected_on: date | None = Field(default=None, index=True)
    version: int = Field(default=1, sa_column=_SAFETYPLACE_VERSION)
    __mapper_args__ = {"version_id_col": _SAFETYPLACE_VERSION}


class SafetyInspection(SQLModel, table=True):
    """One inspection of a place (or of a whole building's shared spaces) with its checklist."""

    __tablename__ = "safety_inspection"
    __table_args__ = (Index("ix_safety_inspection_grid_date", "grid_id", "inspected_on"),)
    id: int | None = Field(default=None, primary_key=True)
    grid_id: int = Field(foreign_key="grid.id")
    place_id: int | None = Field(default=None, foreign_key="safety_place.id", index=True)
    building_id: int | None = Field(default=None, foreign_key="building.id", index=True)
    visit_id: int | None = Field(default=None, foreign_key="visit.id", index=True)
    inspected_on: date = Field(index=True)
    inspectors: str = Field(default="", max_length=200)
    checked_items: str = Field(default="[]")  # JSON list: the checklist as it was that day
    notes: str = Field(default="")


_SAFETYHAZARD_VERSION = version_column()


class SafetyHazard(SQLModel, table=True):
    """A hazard found, through its closed loop (see domain/hazard_flow.py)."""

    __tablename__ = "safety_hazard"
    __table_args__ = (
        Index("ix_safety_hazard_status_deadline", "status", "deadline"),
        Index("ix_safety_hazard_grid_found", "grid_id", "found_on"),
        Index("ix_safety_hazard_grid_deadline", "grid_id", "deadline"),
    )
    id: int | None = Field(default=None, primary_key=True)
    grid_id: int = Field(foreign_key="grid.id")
    inspection_id: int | None = Field(default=None, foreign_key="safety_inspection.id", index=True)
    place_id: int | None = Field(default=None, foreign_key="safety_place.id", index=True)
    building_id: int | None = Field(default=None, foreign_key="building.id", index=True)
    household_id: int | None = Field(default=None, foreign_key="household.id", index=True)
    visit_id: int | None = Field(default=None, foreign_key="visit.id", index=True)
    found_on: date
    item: str = Field(default="", max_length=50)
    description: str = Field(default="")
    level: HazardLevel = Field(default=HazardLevel.GENERAL, sa_type=String(20))
    deadline: date
    responsible_person: str = Field(default="", max_length=50)
    responsible_phone: str = Field(default="", max_length=40)
    requirement: str = Field(default="")
    status: HazardStatus = Field(default=HazardStatus.FOUND, sa_type=String(20))
    notified_on: date | None = None
    rectified_on: date | None = None
    rectification: str = Field(default="")
    closed_on: date | None = None
    reinspected_by: str = Field(default="", max_length=50)
    escalated_on: date | None = None
    escalated_to: str = Field(default="", max_length=100)
    escalation_reason: str = Field(default="")
    version: int = Field(default=1, sa_column=_SAFETYHAZARD_VERSION)
    __mapper_args__ = {"version_id_col": _SAFETYHAZARD_VERSION}


class HazardEvent(SQLModel, table=True):
    """One step of a hazard, kept for its history (its grid too, so the permission guard sees it)."""

    __tablename__ = "safety_hazard_event"
    id: int | None = Field(default=None, primary_key=True)
    hazard_id: int = Field(foreign_key="safety_hazard.id", index=True)
    grid_id: int = Field(foreign_key="grid.id", index=True)
    at: datetime
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str = Field(max_length=20)
    note: str = Field(default="")
    actor: str = Field(default="", max_length=50)
