"""The SQLModel tables: geography, people, leaders, members, visits and requests."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, String, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from gridkeeper.domain.enums import (
    DispatchTarget,
    Gender,
    HousingUse,
    LeaderRole,
    Management,
    MemberStatus,
    PoliticalStatus,
    Rating,
    RequestCategory,
    RequestStatus,
    ResidenceStatus,
    VisitKind,
    VisitorKind,
)


def nocase_string(length: int) -> String:
    """NOCASE on SQLite (its LIKE is case-insensitive, so the index serves prefix searches); plain text on
    PostgreSQL, whose databases GridKeeper creates with the "C" collation (byte order, as SQLite's)."""
    return String(length).with_variant(String(length, collation="NOCASE"), "sqlite")


def version_column() -> Column:
    """The edit counter SQLAlchemy checks on every UPDATE (version_id_col): a save based on an older
    version changes nothing and is reported as a conflict, on SQLite and on a server alike."""
    return Column("version", Integer, nullable=False, default=1, server_default=text("1"))


def _nocase(length: int = 64) -> Column:
    return Column(nocase_string(length), nullable=False, default="", index=True)


class Community(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    subdistrict: str = Field(default="", max_length=100)
    district: str = Field(default="", max_length=100)
    hotline: str = Field(default="", max_length=40)
    supervision_phone: str = Field(default="", max_length=40)


class Grid(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=100)
    steward_name: str = Field(default="", max_length=50)
    steward_phone: str = Field(default="", max_length=40)


class Compound(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("community_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    name: str = Field(max_length=100)
    management: Management = Field(default=Management.PROPERTY_COMPANY, sa_type=String(20))
    property_company: str = Field(default="", max_length=100)


class Building(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("compound_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    grid_id: int = Field(foreign_key="grid.id", index=True)
    compound_id: int = Field(foreign_key="compound.id", index=True)
    label: str = Field(max_length=40)
    key: str = Field(max_length=40)
    sort_no: int = Field(default=0, index=True)
    floors: int | None = None


class Unit(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("building_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    building_id: int = Field(foreign_key="building.id", index=True)
    label: str = Field(max_length=40)
    key: str = Field(max_length=20)
    sort_no: int = 0


_HOUSEHOLD_VERSION = version_column()


class Household(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("unit_id", "room_key"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    room: str = Field(max_length=40)
    room_key: str = Field(max_length=40)
    floor: int | None = None
    housing_use: HousingUse = Field(default=HousingUse.OWNER, sa_type=String(20))
    phone: str = Field(default="", max_length=40, index=True)
    notes: str = Field(default="")
    # Kept by the visit service so "not visited since" and sorting stay fast at 100k households.
    last_visit_on: date | None = Field(default=None, index=True)
    version: int = Field(default=1, sa_column=_HOUSEHOLD_VERSION)
    __mapper_args__ = {"version_id_col": _HOUSEHOLD_VERSION}


_RESIDENT_VERSION = version_column()


class Resident(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id", index=True)
    name: str = Field(max_length=50, index=True)
    given_name: str = Field(default="", max_length=50, index=True)
    name_initials: str = Field(default="", sa_column=_nocase(50))
    name_pinyin: str = Field(default="", sa_column=_nocase(200))
    gender: Gender | None = Field(default=None, sa_type=String(10))
    id_number: str = Field(default="", max_length=18, index=True)
    id_reversed: str = Field(default="", max_length=18, index=True)
    birth_date: date | None = None
    phone: str = Field(default="", max_length=40, index=True)
    # The phone read backwards, so a phone tail (尾号5678) is an indexed prefix search like the ID tail.
    phone_reversed: str = Field(default="", max_length=40, index=True)
    relation: str = Field(default="户主", max_length=20)
    political_status: PoliticalStatus = Field(default=PoliticalStatus.MASSES, sa_type=String(20))
    residence_status: ResidenceStatus = Field(default=ResidenceStatus.REGISTERED, sa_type=String(20))
    is_head: bool = Field(default=False)
    notes: str = Field(default="")
    version: int = Field(default=1, sa_column=_RESIDENT_VERSION)
    __mapper_args__ = {"version_id_col": _RESIDENT_VERSION}


class ResidentTag(SQLModel, table=True):
    """A care tag on a resident (a resident can have several)."""

    resident_id: int = Field(foreign_key="resident.id", primary_key=True)
    tag: str = Field(primary_key=True, max_length=30, index=True)


_LEADERASSIGNMENT_VERSION = version_column()


class LeaderAssignment(SQLModel, table=True):
    __table_args__ = (
        Index("ix_leader_scope", "role", "grid_id", "building_id", "unit_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    role: LeaderRole = Field(sa_type=String(20))
    grid_id: int | None = Field(default=None, foreign_key="grid.id", index=True)
    building_id: int | None = Field(default=None, foreign_key="building.id", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    resident_id: int | None = Field(default=None, foreign_key="resident.id", index=True)
    person_name: str = Field(max_length=50)
    person_phone: str = Field(default="", max_length=40)
    is_party_member: bool = False
    term_start: date | None = None
    term_end: date | None = None
    pledge: str = Field(default="")
    ended_on: date | None = None
    version: int = Field(default=1, sa_column=_LEADERASSIGNMENT_VERSION)
    __mapper_args__ = {"version_id_col": _LEADERASSIGNMENT_VERSION}


_MEMBER_VERSION = version_column()


class Member(SQLModel, table=True):
    """A registered in-service Party member (在职党员到社区报到)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=50)
    name_initials: str = Field(default="", sa_column=_nocase(50))
    gender: Gender | None = Field(default=None, sa_type=String(10))
    phone: str = Field(default="", max_length=40)
    employer: str = Field(default="", max_length=100)
    job_title: str = Field(default="", max_length=50)
    party_org: str = Field(default="", max_length=100)
    household_id: int | None = Field(default=None, foreign_key="household.id", index=True)
    registered_on: date
    grid_id: int = Field(foreign_key="grid.id", index=True)
    post: str = Field(default="", max_length=50)
    status: MemberStatus = Field(default=MemberStatus.ACTIVE, sa_type=String(20))
    withdrawn_on: date | None = None
    version: int = Field(default=1, sa_column=_MEMBER_VERSION)
    __mapper_args__ = {"version_id_col": _MEMBER_VERSION}


class ServiceActivity(SQLModel, table=True):
    """One service activity; many members can take part (one entry, not ten forms)."""

    id: int | None = Field(default=None, primary_key=True)
    held_on: date = Field(index=True)
    title: str = Field(max_length=200)
    category: str = Field(default="", max_length=50)
    grid_id: int | None = Field(default=None, foreign_key="grid.id", index=True)


class ServiceRecord(SQLModel, table=True):
    __table_args__ = (Index("ix_service_member_date", "member_id", "served_on"),)
    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="member.id")
    activity_id: int | None = Field(default=None, foreign_key="serviceactivity.id", index=True)
    served_on: date = Field(index=True)
    activity: str = Field(max_length=200)
    hours: float = 0.0
    points: int = 0


class Visit(SQLModel, table=True):
    __table_args__ = (Index("ix_visit_household_date", "household_id", "visited_on"),)
    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id")
    visited_on: date = Field(index=True)
    visitor_kind: VisitorKind = Field(default=VisitorKind.STEWARD, sa_type=String(20))
    visitor_name: str = Field(default="", max_length=50)
    leader_id: int | None = Field(default=None, foreign_key="leaderassignment.id", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    kind: VisitKind = Field(default=VisitKind.ROUTINE, sa_type=String(20))
    anyone_home: bool = True
    findings: str = Field(default="")


_RESIDENTREQUEST_VERSION = version_column()


class ResidentRequest(SQLModel, table=True):
    """A resident's request (诉求) through its closed loop."""

    __tablename__ = "resident_request"
    __table_args__ = (Index("ix_request_status_deadline", "status", "deadline"),)
    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id", index=True)
    resident_id: int | None = Field(default=None, foreign_key="resident.id", index=True)
    raised_on: date = Field(index=True)
    source_visit_id: int | None = Field(default=None, foreign_key="visit.id", index=True)
    category: RequestCategory = Field(default=RequestCategory.OTHER, sa_type=String(20))
    description: str = Field(default="")
    status: RequestStatus = Field(default=RequestStatus.RECEIVED, sa_type=String(20))
    dispatch_target: DispatchTarget | None = Field(default=None, sa_type=String(20))
    dispatched_to: str = Field(default="", max_length=100)
    deadline: date
    resolved_on: date | None = None
    feedback: str = Field(default="")
    followed_up_on: date | None = None
    rating: Rating | None = Field(default=None, sa_type=String(20))
    withdrawn_reason: str = Field(default="")
    version: int = Field(default=1, sa_column=_RESIDENTREQUEST_VERSION)
    __mapper_args__ = {"version_id_col": _RESIDENTREQUEST_VERSION}


class RequestEvent(SQLModel, table=True):
    """One status change of a request, kept for its history."""

    __tablename__ = "request_event"
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="resident_request.id", index=True)
    at: datetime
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str = Field(max_length=20)
    note: str = Field(default="")
    actor: str = Field(default="", max_length=50)


class Setting(SQLModel, table=True):
    """Key/value settings stored with the data (care-visit frequencies, community info)."""

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(default="")


class DeletedRecord(SQLModel, table=True):
    """What was deleted, kept as JSON so it can be restored."""

    __tablename__ = "deleted_record"
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=30)
    label: str = Field(default="", max_length=200)
    payload: str
    deleted_at: datetime = Field(index=True)


class Account(SQLModel, table=True):
    """Someone who works in the app on a shared PC (accounts are off until the first is created)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=50, unique=True)
    display_name: str = Field(default="", max_length=50)
    role: str = Field(default="steward", max_length=20)  # "administrator" or "steward"
    password_hash: str = Field(max_length=300)
    grid_ids: str = Field(default="[]")  # JSON list of the grid ids a steward may edit
    active: bool = Field(default=True)
    created_at: datetime


class AuditEntry(SQLModel, table=True):
    """One audited change or event; each row's hash covers the previous row's hash (a chain)."""

    __tablename__ = "audit_entry"
    id: int | None = Field(default=None, primary_key=True)
    at: str = Field(max_length=40, index=True)  # ISO 8601 UTC text, hashed exactly as stored
    actor: str = Field(default="", max_length=50, index=True)
    action: str = Field(max_length=20, index=True)
    entity: str = Field(default="", max_length=40, index=True)
    entity_id: str = Field(default="", max_length=40)
    summary: str = Field(default="")
    before: str = Field(default="")
    after: str = Field(default="")
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(max_length=64)


from gridkeeper.storage import hazard_models  # noqa: E402,F401  the safety-hazard register's tables
from gridkeeper.storage.photo_models import LeaderPhoto  # noqa: E402,F401  (leader photos, issue 15)
from gridkeeper.storage.dispute_models import Dispute, DisputeEvent, DisputeParty, MediationSession  # noqa: E402,F401  (the dispute register, issue 14)
from gridkeeper.storage import rental_models  # noqa: E402,F401  (rented housing and tenants, issue 14)
