"""The rented-housing register's tables: tenancies of rented flats (with their history) and tenants."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Index, Integer, String, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from gridkeeper.domain.enums import Gender
from gridkeeper.domain.rentals import RentUse


def version_column() -> Column:
    """The edit counter checked on every UPDATE, as on households (storage.models.version_column; not
    imported from there, because models.py imports this module at its end)."""
    return Column("version", Integer, nullable=False, default=1, server_default=text("1"))


_TENANCY_VERSION = version_column()


class Tenancy(SQLModel, table=True):
    """One lease of a rented household (出租房屋): a new row when the flat is let again, so the
    earlier leases stay as its history (`ended_on` set). The landlord is a resident of the community
    (`landlord_resident_id`) or someone outside; name, phone and ID are kept either way."""

    __table_args__ = (Index("ix_tenancy_household_ended", "household_id", "ended_on"),)
    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id")
    landlord_resident_id: int | None = Field(default=None, foreign_key="resident.id", index=True)
    landlord_name: str = Field(max_length=50)
    landlord_phone: str = Field(default="", max_length=40)
    landlord_id_number: str = Field(default="", max_length=18)
    lease_start: date
    lease_end: date | None = Field(default=None, index=True)
    rent_use: RentUse = Field(default=RentUse.DWELLING, sa_type=String(20))
    rooms: int | None = None
    tenant_count: int = 0
    letter_signed: bool = False  # 治安消防责任书
    letter_signed_on: date | None = None
    notes: str = Field(default="")
    ended_on: date | None = Field(default=None, index=True)
    end_reason: str = Field(default="", max_length=200)
    version: int = Field(default=1, sa_column=_TENANCY_VERSION)
    __mapper_args__ = {"version_id_col": _TENANCY_VERSION}


_TENANT_VERSION = version_column()


class Tenant(SQLModel, table=True):
    """A tenant's registration (流动人口登记) on a resident of a rented flat. When the tenant moves out
    the resident leaves the household and this row keeps who they were (name, ID, phone), so last
    month's migrant ledger still lists them."""

    __table_args__ = (UniqueConstraint("resident_id"),)
    id: int | None = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id", index=True)
    tenancy_id: int | None = Field(default=None, foreign_key="tenancy.id", index=True)
    resident_id: int | None = Field(default=None, foreign_key="resident.id")
    name: str = Field(max_length=50)
    gender: Gender | None = Field(default=None, sa_type=String(10))
    id_number: str = Field(default="", max_length=18)
    phone: str = Field(default="", max_length=40)
    arrived_on: date = Field(index=True)
    from_place: str = Field(default="", max_length=100)  # 户籍地 / 来自（省市）
    workplace: str = Field(default="", max_length=100)
    permit_number: str = Field(default="", max_length=30)  # 居住证号
    permit_expires: date | None = Field(default=None, index=True)
    moved_out_on: date | None = Field(default=None, index=True)
    version: int = Field(default=1, sa_column=_TENANT_VERSION)
    __mapper_args__ = {"version_id_col": _TENANT_VERSION}
