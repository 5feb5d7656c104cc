"""A building, unit or grid leader's photo for the wall roster: a small JPEG kept in the database (so backups carry it)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, ForeignKey, Integer, LargeBinary
from sqlmodel import Field, SQLModel


class LeaderPhoto(SQLModel, table=True):
    """The portrait (3:4, a few tens of KB, no EXIF) of whoever holds a leader post, for the wall roster.

    One per leader assignment; it follows the same person into a new term and is deleted when they leave
    the post (a photo on a wall is needed only while they serve)."""

    __tablename__ = "leader_photo"
    id: int | None = Field(default=None, primary_key=True)
    leader_id: int = Field(sa_column=Column(Integer, ForeignKey("leaderassignment.id", ondelete="CASCADE"),
                                            nullable=False, unique=True, index=True))
    jpeg: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    width: int
    height: int
    added_on: date
