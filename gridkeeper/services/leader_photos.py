"""Leaders' photos for the wall roster: add, replace, remove; kept while the person serves, gone when they leave.

Writes go through the ORM, so the audit trail records each (with the JPEG's size and sha256, not its
bytes) and the permission guard checks the post's grid, as for the leader assignment itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, select

from gridkeeper.services.geography import get
from gridkeeper.services.portrait import MAX_STORED_BYTES, Portrait, PhotoRefused
from gridkeeper.storage.models import LeaderAssignment, LeaderPhoto

JPEG_START = b"\xff\xd8\xff"


def set_photo(session: Session, leader_id: int, portrait: Portrait, *, today: date | None = None) -> LeaderPhoto:
    """Give a serving leader a photo (replacing any earlier one)."""
    leader = get(session, LeaderAssignment, leader_id)
    if leader.ended_on is not None:
        raise PhotoRefused(f"{leader.person_name}的任期已结束，不能再添加照片")
    if not portrait.jpeg.startswith(JPEG_START) or len(portrait.jpeg) > MAX_STORED_BYTES:
        raise PhotoRefused("照片应是不超过 60 KB 的 JPEG（请通过“选择照片”添加）")
    photo = photo_of(session, leader_id) or LeaderPhoto(leader_id=leader_id, jpeg=b"", width=0, height=0,
                                                         added_on=today or date.today())
    photo.jpeg, photo.width, photo.height = portrait.jpeg, portrait.width, portrait.height
    photo.added_on = today or date.today()
    session.add(photo)
    session.flush()
    return photo


def remove_photo(session: Session, leader_id: int) -> bool:
    """Take a leader's photo away; False if there was none."""
    photo = photo_of(session, leader_id)
    if photo is None:
        return False
    session.delete(photo)
    session.flush()
    return True


def photo_of(session: Session, leader_id: int) -> LeaderPhoto | None:
    return session.exec(select(LeaderPhoto).where(LeaderPhoto.leader_id == leader_id)).first()


def photos_of(session: Session, leader_ids: Iterable[int]) -> dict[int, bytes]:
    """leader id → JPEG, for those of `leader_ids` that have a photo (one query per 500)."""
    ids, found = sorted(set(leader_ids)), {}
    for start in range(0, len(ids), 500):
        query = select(LeaderPhoto.leader_id, LeaderPhoto.jpeg).where(LeaderPhoto.leader_id.in_(ids[start:start + 500]))
        found.update(dict(session.exec(query).all()))
    return found


def leaders_with_photo(session: Session) -> set[int]:
    """The ids of the leader assignments that have a photo (ids only, no image bytes read)."""
    return set(session.exec(select(LeaderPhoto.leader_id)).all())


def same_person(a: LeaderAssignment, b: LeaderAssignment) -> bool:
    if a.resident_id and b.resident_id:
        return a.resident_id == b.resident_id
    return (a.person_name, a.person_phone) == (b.person_name, b.person_phone)


def hand_over(session: Session, previous: LeaderAssignment | None, leader: LeaderAssignment) -> None:
    """A post changes hands: the same person keeps their photo into the new term; someone else's is deleted."""
    if previous is None:
        return
    photo = photo_of(session, previous.id)
    if photo is None:
        return
    if same_person(previous, leader) and photo_of(session, leader.id) is None:
        photo.leader_id = leader.id
        session.add(photo)
    else:
        session.delete(photo)
    session.flush()


def forget(session: Session, leader_id: int) -> None:
    """A term ended: the photo is no longer needed on any wall, so it is not kept."""
    remove_photo(session, leader_id)
