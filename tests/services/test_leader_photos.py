"""Leaders' photos in the database: add, replace, remove; kept into the same person's new term, gone when they
leave; audited by size and digest; a steward may only touch the photos of posts in their own grids."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlmodel import select

from gridkeeper.domain.enums import LeaderRole
from gridkeeper.services import geography as geo
from gridkeeper.services import leader_photos as photos
from gridkeeper.services import leaders
from gridkeeper.services.portrait import PhotoRefused, Portrait, make_portrait, open_photo
from gridkeeper.storage.models import AuditEntry, LeaderPhoto
from tests.conftest import TODAY
from tests.photos import png_bytes, upright_picture


@pytest.fixture(scope="module")
def portrait() -> Portrait:
    return make_portrait(open_photo(png_bytes(upright_picture((600, 800))), "p.png"))


def _assign(session, scope_id, name="张建国", phone="13904510007", role=LeaderRole.BUILDING):
    return leaders.assign_leader(session, leaders.LeaderInput(role=role, scope_id=scope_id, person_name=name,
                                                              person_phone=phone), today=TODAY)


def test_add_replace_remove(session, place, portrait):
    leader = _assign(session, place["building"])
    photos.set_photo(session, leader.id, portrait, today=TODAY)
    session.commit()
    assert photos.photos_of(session, [leader.id, 999]) == {leader.id: portrait.jpeg}
    assert photos.leaders_with_photo(session) == {leader.id}
    other = make_portrait(open_photo(png_bytes(upright_picture((300, 400)).rotate(180)), "q.png"))
    photos.set_photo(session, leader.id, other, today=TODAY)
    session.commit()
    assert len(session.exec(select(LeaderPhoto)).all()) == 1 and photos.photo_of(session, leader.id).jpeg == other.jpeg
    assert photos.remove_photo(session, leader.id) and not photos.remove_photo(session, leader.id)
    session.commit()
    assert photos.photos_of(session, [leader.id]) == {}


def test_only_small_jpegs_of_serving_leaders_are_stored(session, place, portrait):
    leader = _assign(session, place["building"])
    with pytest.raises(PhotoRefused, match="JPEG"):
        photos.set_photo(session, leader.id, Portrait(b"\x89PNG" + b"0" * 100, 3, 4))
    with pytest.raises(PhotoRefused, match="60 KB"):
        photos.set_photo(session, leader.id, Portrait(b"\xff\xd8\xff" + b"0" * 70_000, 3, 4))
    leaders.end_term(session, leader.id, on=TODAY)
    with pytest.raises(PhotoRefused, match="任期已结束"):
        photos.set_photo(session, leader.id, portrait)


def test_photo_follows_the_same_person_and_leaves_with_them(session, place, portrait):
    first = _assign(session, place["building"])
    photos.set_photo(session, first.id, portrait, today=TODAY)
    again = _assign(session, place["building"])  # re-elected: a new term, same person
    assert photos.leaders_with_photo(session) == {again.id}
    someone_else = _assign(session, place["building"], name="刘桂兰", phone="13904510008")
    assert photos.leaders_with_photo(session) == set() and someone_else.ended_on is None
    photos.set_photo(session, someone_else.id, portrait, today=TODAY)
    leaders.end_term(session, someone_else.id, on=TODAY)
    session.commit()
    assert session.exec(select(LeaderPhoto)).all() == []  # no photo kept of someone no longer serving


def test_audit_keeps_size_and_digest_not_the_picture(session, place, portrait):
    leader = _assign(session, place["building"])
    photos.set_photo(session, leader.id, portrait, today=TODAY)
    session.commit()
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "leader_photo")).one()
    after = json.loads(entry.after)
    assert after["jpeg"] == f"{len(portrait.jpeg)} 字节 sha256:{hashlib.sha256(portrait.jpeg).hexdigest()}"
    assert len(entry.after) < 400


def test_a_steward_changes_photos_in_their_own_grid_only(engine, session, place, portrait, monkeypatch):
    from gridkeeper.services import accounts
    from gridkeeper.storage.session import unit_of_work

    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    other_grid = geo.create_grid(session, code="FK-04", name="第四网格")
    other_building = geo.create_building(session, grid_id=other_grid.id, compound_id=place["compound"], label="9号楼")
    own = _assign(session, place["building"])
    theirs = _assign(session, other_building.id, name="孙立新", phone="13904510009")
    accounts.create_account(session, "admin", "secret1", role="administrator")
    accounts.create_account(session, "李晓燕", "secret2", grid_codes=["FK-03"])
    session.commit()
    own_id, theirs_id = own.id, theirs.id
    accounts.sign_in(engine, accounts.find_account(session, "李晓燕"))
    try:
        with unit_of_work(engine) as work:
            photos.set_photo(work, own_id, portrait, today=TODAY)
        with pytest.raises(accounts.PermissionDenied), unit_of_work(engine) as work:
            photos.set_photo(work, theirs_id, portrait, today=TODAY)
    finally:
        accounts.sign_in(engine, None)
    session.expire_all()
    assert photos.leaders_with_photo(session) == {own_id}


@pytest.mark.sqlite_only
def test_a_backup_carries_the_photo(tmp_path, portrait):
    import sqlite3

    from gridkeeper.services.database import open_database
    from gridkeeper.storage import backup
    from gridkeeper.storage.session import unit_of_work

    database = open_database(tmp_path / "community.db", create=True)
    with unit_of_work(database.engine) as session:
        geo.ensure_community(session, name="福康社区", hotline="0451-86123456")
        grid = geo.create_grid(session, code="FK-03", name="第三网格")
        compound = geo.create_compound(session, name="幸福家园")
        building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="7号楼")
        leader = _assign(session, building.id)
        photos.set_photo(session, leader.id, portrait, today=TODAY)
    info = backup.make_backup(database.engine)
    database.dispose()
    conn = sqlite3.connect(info.path)
    try:
        assert conn.execute("SELECT jpeg FROM leader_photo").fetchall() == [(portrait.jpeg,)]
    finally:
        conn.close()
