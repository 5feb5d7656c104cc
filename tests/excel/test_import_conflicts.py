"""Two PCs, one database: an import that would update a record changed on another PC since the file was
checked is refused as a whole — the message names each row and record and says to check again, then import —
and nothing of it is written. Runs on SQLite and on the PostgreSQL test server."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from gridkeeper.excel.problems import ImportConflict
from gridkeeper.services.households import create_household, update_resident
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.models import Resident
from gridkeeper.storage.session import unit_of_work
from tests.conftest import TODAY
from tests.excel.make_fixtures import id_number
from tests.excel.roster_helpers import counts, dump, imported, write_xlsx

HEADER = ["小区", "楼栋", "单元", "房号", "户主姓名", "身份证号", "联系电话"]
WANG = id_number("11010519491231002")
GRID = dict(grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)


@pytest.fixture
def saved(engine, session, place, tmp_path):
    """王建华 saved in 7号楼2单元301; a roster that changes his phone and adds a new household in 302."""
    household = create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                 [ResidentInput(name="王建华", id_number=WANG, phone="13900000000", is_head=True)])
    session.commit()
    path = write_xlsx(tmp_path / "roster.xlsx", HEADER, [["幸福家园", "7号楼", "2", "301", "王建华", WANG, "13812345678"],
                                                          ["幸福家园", "7号楼", "2", "302", "李梅", "", "13700000000"]])
    return household.residents[0].id, path


def _other_pc_changes(engine, resident_id, phone="13904519999"):
    with unit_of_work(engine) as session:
        session.info["actor"] = "王敏"
        update_resident(session, resident_id, ResidentInput(name="王建华", id_number=WANG, phone=phone, is_head=True))


def test_a_record_changed_since_the_check_refuses_the_whole_import(engine, saved):
    resident_id, path = saved
    checked = imported(engine, path, dry_run=True, **GRID)  # the wizard's check (its preview)
    assert checked.versions[f"resident:{resident_id}"] == 1
    _other_pc_changes(engine, resident_id)
    before = dump(engine)
    with pytest.raises(ImportConflict) as caught:
        imported(engine, path, checked_versions=checked.versions, **GRID)
    message = str(caught.value)
    assert "第2行：居民“王建华”（检查之后已被王敏 于" in message
    assert "没有导入任何内容" in message and "请重新检查文件" in message and "再导入" in message
    assert dump(engine) == before  # nothing half-imported: 302 was not added, 王建华 keeps the other PC's phone
    assert [p.row for p in caught.value.problems] == [2]
    again = imported(engine, path, dry_run=True, **GRID)  # what the message says: check again, then import
    result = imported(engine, path, checked_versions=again.versions, **GRID)
    assert result.written and (result.counts.households_added, result.counts.residents_updated) == (1, 1)


def test_a_record_the_check_left_alone_but_changed_since_is_not_overwritten(engine, saved):
    """At the check the file agreed with what was saved (nothing to update); the other PC then changed it:
    the import would now write over that change, so it is refused too."""
    resident_id, path = saved
    _other_pc_changes(engine, resident_id, phone="13812345678")  # as in the file
    checked = imported(engine, path, dry_run=True, **GRID)
    assert checked.counts.residents_updated == 0
    _other_pc_changes(engine, resident_id, phone="13904519999")
    with pytest.raises(ImportConflict, match="居民“王建华”"):
        imported(engine, path, checked_versions=checked.versions, **GRID)
    with Session(engine) as session:
        assert session.get(Resident, resident_id).phone == "13904519999"  # the other PC's change stands
    assert counts(engine)["Household"] == 1


def test_a_change_between_reading_and_writing_is_caught_too(engine, saved):
    """The CLI checks and writes in one go: a change committed by another PC after the import read the
    saved records (here: while its backup is made) is named the same way, and nothing is written."""
    resident_id, path = saved
    before = dump(engine)
    with pytest.raises(ImportConflict, match="第2行：居民“王建华”"):
        imported(engine, path, before_write=lambda: _other_pc_changes(engine, resident_id), **GRID)
    after = dump(engine)
    assert [r for r in after if "13904519999" in r] and len(after) == len(before)


def test_a_place_changed_since_the_check_refuses_the_places_import(engine, session, place, tmp_path):
    from gridkeeper.excel.places import check_places, write_places
    from gridkeeper.services.safety_places import PlaceInput, create_place, update_place
    from gridkeeper.storage.hazard_models import SafetyPlace

    saved = create_place(session, PlaceInput(name="好运来超市", kind="shop", grid_id=place["grid"], address="幸福路12号"))
    session.commit()
    path = write_xlsx(tmp_path / "places.xlsx", ["场所名称", "类别", "网格", "地址", "负责人", "联系电话"],
                      [["好运来超市", "小商店", "FK-03", "幸福路12号", "张三", "13900001111"],
                       ["老王面馆", "小餐饮", "FK-03", "幸福路14号", "王五", "13900002222"]])
    with Session(engine) as reading:  # the GUI checks, then asks the user, then writes
        checked = check_places(reading, path)
    assert not checked.errors
    with unit_of_work(engine) as other:
        other.info["actor"] = "王敏"
        update_place(other, saved.id, PlaceInput(name="好运来超市", kind="shop", grid_id=place["grid"],
                                                 address="幸福路12号", person_in_charge="李四"))
    with pytest.raises(ImportConflict) as caught, unit_of_work(engine) as writing:
        write_places(writing, checked)
    assert "第2行：检查场所“好运来超市”（检查之后已被王敏 于" in str(caught.value)
    assert "请重新检查文件" in str(caught.value)
    with Session(engine) as after:
        assert [p.name for p in after.exec(select(SafetyPlace))] == ["好运来超市"]  # 老王面馆 not added either
        assert after.get(SafetyPlace, saved.id).person_in_charge == "李四"


def test_a_lease_changed_since_the_check_refuses_the_tenant_list(engine, place):
    """A tenant list imported before; checked again; another PC corrects the landlord's phone of a lease the
    list names: importing the list would put the old phone back, so it is refused and nothing is written."""
    from tests.excel.roster_helpers import FIXTURES
    from gridkeeper.storage.rental_models import Tenancy, Tenant

    tenants = dict(grid_code="FK-03", today=TODAY, skip_invalid=True)
    assert imported(engine, FIXTURES / "tenants.xlsx", **tenants).written
    checked = imported(engine, FIXTURES / "tenants.xlsx", dry_run=True, **tenants)
    with unit_of_work(engine) as other:
        other.info["actor"] = "王敏"
        lease = other.exec(select(Tenancy).where(Tenancy.landlord_name == "王建华")).one()
        lease.landlord_phone = "13900000000"
        other.add(lease)
    before = dump(engine), counts(engine)
    with pytest.raises(ImportConflict) as caught:
        imported(engine, FIXTURES / "tenants.xlsx", checked_versions=checked.versions, **tenants)
    assert "租约（房东 王建华，2026-03-01 起租）（检查之后已被王敏 于" in str(caught.value)
    assert (dump(engine), counts(engine)) == before
    with Session(engine) as session:
        assert session.exec(select(Tenancy).where(Tenancy.landlord_name == "王建华")).one().landlord_phone == "13900000000"
        assert len(session.exec(select(Tenant)).all()) == 3
