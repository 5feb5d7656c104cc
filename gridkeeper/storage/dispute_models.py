"""The dispute register's tables (矛盾纠纷排查化解): disputes, their parties, mediation sessions and history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, String, text
from sqlmodel import Field, SQLModel

from gridkeeper.domain.dispute_flow import DisputeKind, DisputeOutcome, DisputeRisk, DisputeSource, DisputeStatus

# The edit counter checked on every UPDATE, as models.version_column makes it (not imported from there:
# models.py imports this module at its end, and the two must not import each other).
_DISPUTE_VERSION = Column("version", Integer, nullable=False, default=1, server_default=text("1"))


class Dispute(SQLModel, table=True):
    """One dispute from the day it was found to its follow-up visit.

    It belongs to a grid (the steward who may write it; parties can live elsewhere or outside the
    community) and, when it happened at a household, to that household (so a building's view finds it).
    """

    __table_args__ = (
        Index("ix_dispute_status_last_step", "status", "last_step_on"),
        Index("ix_dispute_status_follow_up", "status", "follow_up_due"),
    )
    id: int | None = Field(default=None, primary_key=True)
    grid_id: int = Field(foreign_key="grid.id", index=True)
    household_id: int | None = Field(default=None, foreign_key="household.id", index=True)
    kind: DisputeKind = Field(default=DisputeKind.NEIGHBOUR, sa_type=String(20))
    subject: str = Field(max_length=200)
    details: str = Field(default="")
    risk: DisputeRisk = Field(default=DisputeRisk.LOW, sa_type=String(10))
    source: DisputeSource = Field(default=DisputeSource.REPORTED, sa_type=String(20))
    source_visit_id: int | None = Field(default=None, foreign_key="visit.id", index=True)
    source_request_id: int | None = Field(default=None, foreign_key="resident_request.id", unique=True)
    found_on: date = Field(index=True)
    found_by: str = Field(default="", max_length=50)
    status: DisputeStatus = Field(default=DisputeStatus.REGISTERED, sa_type=String(20))
    # The date of the latest mediation step (found, or the last session): "no session in N days" on Today
    # is one indexed range instead of a search over every dispute's sessions.
    last_step_on: date
    outcome: DisputeOutcome | None = Field(default=None, sa_type=String(20))
    outcome_on: date | None = None
    referred_to: str = Field(default="", max_length=100)
    outcome_note: str = Field(default="")
    follow_up_due: date | None = None
    followed_up_on: date | None = None
    follow_up_held: bool | None = None
    follow_up_note: str = Field(default="")
    closed_on: date | None = Field(default=None, index=True)
    version: int = Field(default=1, sa_column=_DISPUTE_VERSION)
    __mapper_args__ = {"version_id_col": _DISPUTE_VERSION}


class DisputeParty(SQLModel, table=True):
    """A party to a dispute: a resident, a household, or someone from outside (name and phone only).

    Name and phone are copied when the party is added, so the dispute still reads right after the
    resident moves away or the household is deleted."""

    __tablename__ = "dispute_party"
    id: int | None = Field(default=None, primary_key=True)
    dispute_id: int = Field(foreign_key="dispute.id", index=True)
    resident_id: int | None = Field(default=None, foreign_key="resident.id", index=True)
    household_id: int | None = Field(default=None, foreign_key="household.id", index=True)
    name: str = Field(max_length=100)
    phone: str = Field(default="", max_length=40)
    id_number: str = Field(default="", max_length=18)
    address: str = Field(default="", max_length=200)


class MediationSession(SQLModel, table=True):
    """One mediation session (调解): when, who mediated, what the parties agreed."""

    __tablename__ = "mediation_session"
    __table_args__ = (Index("ix_mediation_dispute_date", "dispute_id", "held_on"),)
    id: int | None = Field(default=None, primary_key=True)
    dispute_id: int = Field(foreign_key="dispute.id")
    held_on: date = Field(index=True)
    mediators: str = Field(max_length=200)
    agreed: str = Field(default="")
    notes: str = Field(default="")


class DisputeEvent(SQLModel, table=True):
    """One step of a dispute (status change, session, outcome, follow-up), kept for its history.

    `at` is when it was recorded; `step_on` the day it happened as the steward gave it (a session held last
    week, recorded today), so a past month's ledger can tell what the dispute looked like at that month's
    end; `outcome` the outcome an outcome step recorded (it is cleared from the dispute when mediation starts
    again, and stays here)."""

    __tablename__ = "dispute_event"
    id: int | None = Field(default=None, primary_key=True)
    dispute_id: int = Field(foreign_key="dispute.id", index=True)
    at: datetime
    step_on: date | None = None
    outcome: DisputeOutcome | None = Field(default=None, sa_type=String(20))
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str = Field(max_length=20)
    note: str = Field(default="")
    actor: str = Field(default="", max_length=50)
