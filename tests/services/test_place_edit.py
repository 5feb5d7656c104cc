"""Keeping the structure without Qt: edit, move, lay out and delete places (into the recycle bin)."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from gridkeeper.domain.enums import HousingUse, Management
from gridkeeper.services import geography as geo
from gridkeeper.services import place_edit, trash
from gridkeeper.services.building_layout import BuildingPlan, lay_out_building
from gridkeeper.services.community_setup import GridDetails
from gridkeeper.services.errors import Duplicate, ValidationFailed
from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.visits import VisitInput, record_visit
from gridkeeper.storage.models import Building, DeletedRecord, Household, Unit, Visit
from tests.conftest import TODAY


def _count(session, model, *where):
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


def test_lay_out_a_building_creates_units_and_vacant_rooms(session, place):
    building = geo.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label="9号楼")
    result = lay_out_building(session, building.id, BuildingPlan(units=6, floors=18, rooms_per_floor=2))
    assert (result.units_added, result.rooms_added) == (6, 216)
    units = session.exec(select(Unit).where(Unit.building_id == building.id).order_by(Unit.sort_no)).all()
    assert [u.label for u in units] == [f"{n}单元" for n in range(1, 7)]
    rooms = session.exec(select(Household).where(Household.unit_id == units[0].id)).all()
    assert sorted(r.room for r in rooms)[:3] == ["1001", "1002", "101"] and len(rooms) == 36
    assert {r.housing_use for r in rooms} == {HousingUse.VACANT} and {r.floor for r in rooms} == set(range(1, 19))
    assert session.get(Building, building.id).floors == 18
    again = lay_out_building(session, building.id, BuildingPlan(units=6, floors=19, rooms_per_floor=2))
    assert (again.units_added, again.rooms_added, again.rooms_kept) == (0, 12, 216)


def test_layout_plan_is_checked(session, place):
    with pytest.raises(ValidationFailed) as caught:
        lay_out_building(session, place["building"], BuildingPlan(units=0, floors=500, rooms_per_floor=2))
    assert set(caught.value.by_field()) == {"units", "floors"}
    assert str(caught.value) == "单元数：应为1到30之间的整数；层数：应为1到100之间的整数"


def test_registering_a_laid_out_room_fills_it(session, place):
    lay_out_building(session, place["building"], BuildingPlan(units=2, floors=6, rooms_per_floor=2))
    unit = session.exec(select(Unit).where(Unit.building_id == place["building"], Unit.key == "1")).one()
    before = _count(session, Household)
    saved = create_household(session, HouseholdInput(unit_id=unit.id, room="301", housing_use="owner"),
                             [ResidentInput(name="王建华", is_head=True)])
    assert _count(session, Household) == before and saved.household.housing_use == HousingUse.OWNER
    with pytest.raises(Duplicate):
        create_household(session, HouseholdInput(unit_id=unit.id, room="301"), [ResidentInput(name="李四")])


def test_edit_grid_compound_building_unit(session, place):
    other = geo.create_grid(session, code="FK-04", name="第四网格")
    place_edit.update_grid(session, place["grid"], GridDetails("fk-03", "第三网格（北）", "张敏", "13900001111"))
    with pytest.raises(ValidationFailed, match="FK-04 已被"):
        place_edit.update_grid(session, place["grid"], GridDetails("FK-04", "x"))
    compound = place_edit.update_compound(session, place["compound"], name="幸福家园二期",
                                          management=Management.NONE, property_company="南方物业公司")
    assert compound.property_company == ""  # no property company for a compound without one
    building = place_edit.update_building(session, place["building"], label="8栋", floors=7)
    assert (building.label, building.key) == ("8号楼", "8")
    assert place_edit.rename_unit(session, place["unit"], "三").label == "3单元"
    assert other.id


def test_a_rename_to_a_siblings_number_is_refused(session, place):
    """A building renamed to its compound's other building's number, a unit to its building's other unit's."""
    geo.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label="9号楼")
    geo.create_unit(session, building_id=place["building"], label="5单元")
    with pytest.raises(ValidationFailed) as building:
        place_edit.update_building(session, place["building"], label="9栋")
    with pytest.raises(ValidationFailed) as unit:
        place_edit.rename_unit(session, place["unit"], "五")
    assert [(e.field, e.reason) for e in building.value.errors] == [("building", "该小区已有9号楼")]
    assert [(e.field, e.reason) for e in unit.value.errors] == [("unit", "该楼栋已有5单元")]
    assert place_edit.update_building(session, place["building"], label="7号楼").label == "7号楼"  # its own number


def test_move_building_to_another_grid_keeps_its_history(session, place):
    saved = create_household(session, HouseholdInput(unit_id=place["unit"], room="301"), [ResidentInput(name="王建华")])
    record_visit(session, VisitInput(household_id=saved.household.id, visited_on=TODAY, visitor_name="李晓燕"), today=TODAY)
    other = geo.create_grid(session, code="FK-04", name="第四网格")
    place_edit.move_building(session, place["building"], grid_id=other.id)
    assert session.get(Building, place["building"]).grid_id == other.id
    assert _count(session, Visit, Visit.household_id == saved.household.id) == 1
    assert [n.label for n in geo.place_tree(session)[1].children[0].children] == ["7号楼"]


def test_delete_refused_while_someone_lives_there(session, place):
    create_household(session, HouseholdInput(unit_id=place["unit"], room="301"), [ResidentInput(name="王建华")])
    for kind in ("unit", "building", "compound", "grid"):
        with pytest.raises(place_edit.PlaceInUse, match=r"1 户登记了居民.*例如 7号楼2单元301"):
            place_edit.delete_place(session, kind, place[kind])


def test_deleted_building_goes_to_recycle_bin_and_comes_back(session, place):
    building = geo.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label="9号楼")
    lay_out_building(session, building.id, BuildingPlan(units=2, floors=3, rooms_per_floor=2))
    record = place_edit.delete_place(session, "building", building.id)
    assert record.label == "楼栋 幸福家园9号楼（含 12 个未登记的房间）"
    assert session.get(Building, building.id) is None and _count(session, Unit, Unit.building_id == building.id) == 0
    assert trash.restore_any(session, record.id).kind == "place"
    assert session.get(Building, building.id).label == "9号楼" and _count(session, Household) == 12
    assert _count(session, DeletedRecord) == 0


def test_restore_refused_when_the_number_was_reused(session, place):
    building = geo.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label="9号楼")
    record = place_edit.delete_place(session, "building", building.id)
    geo.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label="9栋")
    with pytest.raises(Duplicate, match="该小区已有新的9号楼"):
        trash.restore_any(session, record.id)


def test_compound_without_buildings_is_listed_under_the_community(session, place):
    geo.create_compound(session, name="丰收小区", management=Management.SELF_MANAGED)
    assert [n.label for n in geo.compounds_without_buildings(session)] == ["丰收小区"]


def test_with_accounts_a_steward_keeps_their_own_grid_only(engine, session, place, monkeypatch):
    from gridkeeper.services import accounts
    from gridkeeper.services.community_setup import CommunityDetails, save_community
    from gridkeeper.storage.session import unit_of_work

    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    other = geo.create_grid(session, code="FK-04", name="第四网格")
    accounts.create_account(session, "admin", "secret1", role="administrator")
    accounts.create_account(session, "李晓燕", "secret2", grid_codes=["FK-03"])
    session.commit()
    accounts.sign_in(engine, accounts.find_account(session, "李晓燕"))
    try:
        with unit_of_work(engine) as work:  # within their grid: lay out and rename a building
            building = geo.create_building(work, grid_id=place["grid"], compound_id=place["compound"], label="9号楼")
            lay_out_building(work, building.id, BuildingPlan(units=1, floors=2, rooms_per_floor=2))
            place_edit.update_building(work, building.id, label="10号楼")
        for change in (lambda w: place_edit.update_grid(w, place["grid"], GridDetails("FK-03", "改名")),
                       lambda w: save_community(w, CommunityDetails("别的社区")),
                       lambda w: place_edit.move_building(w, place["building"], grid_id=other.id)):
            with pytest.raises(accounts.PermissionDenied), unit_of_work(engine) as work:
                change(work)
    finally:
        accounts.sign_in(engine, None)
