"""Rented flats and tenants: tenancy validation by field, one lease in force with its history, tenants
added and moved out, Today's reminders, the group-rental rule, permissions, audit and the recycle bin."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, func, select

from gridkeeper.services import accounts
from gridkeeper.services import geography as geo
from gridkeeper.services import households as hh
from gridkeeper.services import rental_lists as lists
from gridkeeper.services import rental_records, rentals, tenants, trash
from gridkeeper.services.errors import Duplicate, ServiceError, ValidationFailed
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.rental_rules import RentalRules, set_rental_rules
from gridkeeper.services.scope import Scope
from gridkeeper.services.stats import headline
from gridkeeper.domain.rentals import GroupRentalRule
from gridkeeper.storage.models import AuditEntry, Household, Resident
from gridkeeper.storage.rental_models import Tenancy, Tenant
from gridkeeper.storage.session import unit_of_work
from tests.conftest import TODAY

OWNER = ResidentInput(name="王建华", id_number="11010519491231002X", phone="13812345678")
TENANT = ResidentInput(name="刘小军", id_number="410102199001011234", phone="13900001111", relation="租户",
                       residence_status="流动")


@pytest.fixture
def flat(session, place):
    """A vacant flat (302) and the owner's own flat (301) in the same unit."""
    owner = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"), [OWNER], today=TODAY)
    rented = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="302", housing_use="空置"))
    session.commit()
    return {"id": rented.household.id, "landlord": owner.residents[0].id, "owner_household": owner.household.id}


def _lease(household_id, **overrides) -> rentals.TenancyInput:
    values = dict(household_id=household_id, landlord_name="王建华", landlord_phone="138 1234 5678",
                  lease_start=date(2026, 3, 1), lease_end=date(2027, 2, 28), rent_use="居住", rooms=2, tenant_count=2,
                  letter_signed_on=date(2026, 3, 1))
    return rentals.TenancyInput(**(values | overrides))


def _tenant(session, household_id, person=TENANT, **details):
    values = dict(arrived_on=date(2026, 3, 2), from_place="河南省郑州市", workplace="美团外卖")
    return tenants.add_tenant(session, household_id, person, tenants.TenantInput(**(values | details)), today=TODAY)


def test_register_a_rented_flat(session, flat):
    saved = rentals.create_tenancy(session, _lease(flat["id"]), today=TODAY)
    session.commit()
    tenancy = saved.tenancy
    assert (tenancy.landlord_name, tenancy.landlord_phone, tenancy.rent_use) == ("王建华", "13812345678", "dwelling")
    assert tenancy.letter_signed and tenancy.letter_signed_on == date(2026, 3, 1) and tenancy.ended_on is None
    assert session.get(Household, flat["id"]).housing_use == "rented"
    assert [str(w) for w in saved.warnings] == ["房屋用途：已由“空置”改为“出租”"]
    assert rental_records.current_tenancy(session, flat["id"]).id == tenancy.id


def test_every_bad_field_is_named_and_nothing_is_saved(session, flat):
    bad = _lease(flat["id"], landlord_name=" ", landlord_phone="12345", landlord_id_number="110105194912310021",
                 lease_start=date(2026, 5, 1), lease_end=date(2026, 4, 1), rent_use="仓库", rooms=0, tenant_count="三",
                 letter_signed_on=TODAY + timedelta(days=1))
    with pytest.raises(ValidationFailed) as caught:
        rentals.create_tenancy(session, bad, today=TODAY)
    by_field = caught.value.by_field()
    assert set(by_field) == {"landlord_name", "landlord_phone", "landlord_id_number", "lease_end", "rent_use", "rooms",
                             "tenant_count", "letter_signed_on"}
    assert "校验位" in by_field["landlord_id_number"] and "居住、经营、居住兼经营" in by_field["rent_use"]
    assert by_field["lease_end"] == "不能早于起租日期"
    assert [e.label for e in caught.value.errors] == [  # read as the user read them before
        "房东姓名", "房东电话", "房东身份证号", "到期日期", "责任书签订日期", "出租用途", "出租间数", "承租人数"]
    assert "到期日期：不能早于起租日期" in str(caught.value) and "承租人数：“三”不是整数" in str(caught.value)
    with pytest.raises(ValidationFailed, match="起租日期：不能为空"):
        rentals.create_tenancy(session, _lease(flat["id"], lease_start=None), today=TODAY)
    with pytest.raises(ValidationFailed, match="租期不能超过20年"):
        rentals.create_tenancy(session, _lease(flat["id"], lease_end=date(2046, 3, 2)), today=TODAY)
    session.rollback()
    assert session.exec(select(func.count()).select_from(Tenancy)).one() == 0
    assert session.get(Household, flat["id"]).housing_use == "vacant"


def test_landlord_who_lives_here_is_copied_and_kept_when_removed(session, flat):
    tenancy = rentals.create_tenancy(session, _lease(flat["id"], landlord_name="", landlord_phone="",
                                                     landlord_resident_id=flat["landlord"]), today=TODAY).tenancy
    session.commit()
    assert (tenancy.landlord_name, tenancy.landlord_phone, tenancy.landlord_id_number) == (
        "王建华", "13812345678", "11010519491231002X")
    hh.delete_resident(session, flat["landlord"])
    session.commit()
    session.refresh(tenancy)
    assert tenancy.landlord_resident_id is None and tenancy.landlord_name == "王建华"


def test_one_lease_in_force_and_the_history_is_kept(session, flat):
    first = rentals.create_tenancy(session, _lease(flat["id"]), today=TODAY).tenancy
    tenant = _tenant(session, flat["id"])
    with pytest.raises(Duplicate, match="已有在租的租约"):
        rentals.create_tenancy(session, _lease(flat["id"], lease_start=date(2026, 11, 1)), today=TODAY)
    with pytest.raises(ValidationFailed, match="结束日期：不能晚于今天"):
        rentals.end_tenancy(session, first.id, on=TODAY + timedelta(days=1), today=TODAY)
    rentals.end_tenancy(session, first.id, on=date(2026, 10, 31), reason="租客退租", today=TODAY)
    with pytest.raises(ServiceError, match="已于 2026-10-31 结束"):
        rentals.end_tenancy(session, first.id, today=TODAY)
    second = rentals.create_tenancy(session, _lease(flat["id"], landlord_name="王建华", lease_start=date(2026, 11, 5),
                                                    lease_end=date(2027, 11, 4), rent_use="居住兼经营"),
                                    today=TODAY).tenancy
    newcomer = _tenant(session, flat["id"], ResidentInput(name="陈芳", residence_status="常住", relation="租户"),
                       arrived_on=date(2026, 11, 5))
    session.commit()
    assert [t.id for t in rentals.tenancy_history(session, flat["id"])] == [second.id, first.id]
    assert first.ended_on == date(2026, 10, 31) and first.end_reason == "租客退租"
    session.refresh(tenant)
    assert tenant.moved_out_on == date(2026, 10, 31) and tenant.resident_id is None and tenant.name == "刘小军"
    assert (tenant.tenancy_id, newcomer.tenancy_id) == (first.id, second.id)
    assert [t.name for t in tenants.tenants_of(session, flat["id"])] == ["陈芳", "刘小军"]
    assert [r.name for r in hh.household_residents(session, flat["id"])] == ["陈芳"]


def test_tenant_details_are_validated_by_field(session, flat):
    rentals.create_tenancy(session, _lease(flat["id"]), today=TODAY)
    with pytest.raises(ValidationFailed) as caught:
        _tenant(session, flat["id"], ResidentInput(name="", residence_status="户籍"), arrived_on=TODAY + timedelta(days=2),
                permit_number="居住证!", workplace="厂" * 101)
    by_field = caught.value.by_field()
    assert {"name", "residence_status", "arrived_on", "permit_number", "workplace"} <= set(by_field)
    shown = str(caught.value)
    assert "姓名：不能为空" in shown and "居住状态：租户应为“流动”或“常住（非户籍）”" in shown
    assert "来本地日期：不能晚于今天" in shown and "居住证号：“居住证!”不是有效的居住证号" in shown
    assert "工作单位：过长（101个字，最多100个）" in shown
    with pytest.raises(ValidationFailed, match="居住证有效期至：填写了居住证号时必填"):
        _tenant(session, flat["id"], permit_number="410102199001011234")
    with pytest.raises(ValidationFailed, match="居住证号：填写了有效期时必填"):
        _tenant(session, flat["id"], permit_expires=date(2027, 3, 1))
    session.rollback()
    assert session.exec(select(func.count()).select_from(Resident)).one() == 1  # only the owner
    with pytest.raises(ValidationFailed, match="户籍居民"):
        tenants.register_tenant(session, flat["landlord"], tenants.TenantInput(arrived_on=date(2026, 1, 1)),
                                today=TODAY)


def test_permit_number_is_normalised_and_a_resident_registers_once(session, flat):
    tenant = _tenant(session, flat["id"], permit_number="ｊｚ 4101-2026 0001", permit_expires=date(2027, 3, 1))
    assert tenant.permit_number == "JZ4101-20260001" and tenant.tenancy_id is None  # no lease registered yet
    with pytest.raises(Duplicate, match="已登记为租户"):
        tenants.register_tenant(session, tenant.resident_id, tenants.TenantInput(arrived_on=date(2026, 3, 2)),
                                today=TODAY)
    edited = tenants.update_tenant(session, tenant.id, tenants.TenantInput(
        arrived_on=date(2026, 3, 1), from_place="河南省 郑州市", workplace="顺丰速运", permit_number="",
        version=tenant.version), today=TODAY)
    assert (edited.from_place, edited.permit_number, edited.permit_expires) == ("河南省 郑州市", "", None)


def test_removing_a_tenant_in_the_household_editor_counts_as_moving_out(session, flat):
    tenant = _tenant(session, flat["id"])
    session.commit()
    hh.delete_resident(session, tenant.resident_id)
    session.commit()
    session.refresh(tenant)
    assert tenant.resident_id is None and tenant.moved_out_on == date.today() and tenant.id_number == "410102199001011234"


def test_move_out_checks_its_date(session, flat):
    tenant = _tenant(session, flat["id"])
    with pytest.raises(ValidationFailed, match="搬离日期：不能早于来本地日期"):
        tenants.move_out(session, tenant.id, on=date(2026, 3, 1), today=TODAY)
    tenants.move_out(session, tenant.id, on=date(2026, 9, 30), today=TODAY)
    with pytest.raises(ServiceError, match="已于 2026-09-30 搬离"):
        tenants.move_out(session, tenant.id, today=TODAY)
    assert lists.living_tenants(session) == []


def test_today_reminders(session, flat, place):
    rentals.create_tenancy(session, _lease(flat["id"], lease_end=TODAY + timedelta(days=30)), today=TODAY)
    far = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="401", housing_use="出租")).household
    rentals.create_tenancy(session, _lease(far.id, lease_end=TODAY + timedelta(days=31)), today=TODAY)
    expiring = _tenant(session, flat["id"], permit_number="JZ0001", permit_expires=TODAY + timedelta(days=10))
    late = _tenant(session, flat["id"], ResidentInput(name="赵六", residence_status="流动"),
                   arrived_on=TODAY - timedelta(days=31))
    _tenant(session, far.id, ResidentInput(name="钱七", residence_status="流动"), arrived_on=TODAY - timedelta(days=30))
    session.commit()
    assert [t.household_id for t in lists.leases_ending(session, today=TODAY)] == [flat["id"]]
    assert [t.id for t in lists.permits_expiring(session, today=TODAY)] == [expiring.id]
    assert [t.id for t in lists.without_permit(session, today=TODAY)] == [late.id]
    set_rental_rules(session, RentalRules(notice_days=31, arrival_grace_days=10))
    session.commit()
    assert len(lists.leases_ending(session, today=TODAY)) == 2
    assert len(lists.without_permit(session, today=TODAY)) == 2
    assert lists.leases_ending(session, today=TODAY, scope=Scope(grid_id=place["grid"] + 99)) == []


def test_group_rental_follows_the_configured_rule(session, flat):
    rentals.create_tenancy(session, _lease(flat["id"], rooms=1, tenant_count=1), today=TODAY)
    for name in ("甲一", "乙二", "丙三"):
        _tenant(session, flat["id"], ResidentInput(name=name, residence_status="流动"))
    session.commit()
    (row,) = lists.list_rentals(session)
    assert (row.living_tenants, row.persons, row.limit, row.group_rental) == (3, 3, 2, True)
    figures = headline(session, today=TODAY)
    assert (figures["rentals"], figures["tenants"], figures["group_rentals"]) == (1, 3, 1)
    set_rental_rules(session, RentalRules(group=GroupRentalRule(persons_per_room=3)))
    session.commit()
    assert lists.list_rentals(session, group_only=True) == []
    assert lists.rental_figures(session)["group_rentals"] == 0
    with pytest.raises(ValidationFailed, match="每间居住人数上限：应为0到99") as caught:
        RentalRules.from_dict({"persons_per_room": -1})
    assert list(caught.value.by_field()) == ["persons_per_room"]
    with pytest.raises(ValidationFailed) as caught:
        RentalRules.from_dict({"notice_days": 0, "persons_per_flat": "三"})
    assert [str(e) for e in caught.value.errors] == ["提前提醒天数：应为1到366之间的天数", "群租认定：居住人数上限应为整数"]
    assert list(caught.value.by_field()) == ["notice_days", "group_rental"]


def test_rentals_in_force_during_a_month(session, flat, place):
    old = rentals.create_tenancy(session, _lease(flat["id"]), today=TODAY).tenancy
    rentals.end_tenancy(session, old.id, on=date(2026, 10, 15), today=TODAY)
    session.commit()
    october = lists.list_rentals(session, start=date(2026, 10, 1), end=date(2026, 11, 1))
    november = lists.list_rentals(session, start=date(2026, 11, 1), end=date(2026, 12, 1))
    assert [r.tenancy.id for r in october] == [old.id] and november == [] and lists.list_rentals(session) == []


def test_deleted_household_takes_its_tenancies_to_the_bin_and_back(session, flat):
    tenancy = rentals.create_tenancy(session, _lease(flat["id"], landlord_resident_id=flat["landlord"]),
                                     today=TODAY).tenancy
    tenant = _tenant(session, flat["id"])
    session.commit()
    record = trash.delete_household(session, flat["id"])
    session.commit()
    assert session.exec(select(func.count()).select_from(Tenant)).one() == 0
    trash.restore(session, record.id)
    session.commit()
    back = session.get(Tenancy, tenancy.id)
    assert back.landlord_resident_id == flat["landlord"] and back.ended_on is None
    restored = session.get(Tenant, tenant.id)
    assert restored.resident_id is not None and restored.moved_out_on is None


def test_writes_are_audited(session, flat, engine):
    rentals.create_tenancy(session, _lease(flat["id"]), today=TODAY)
    session.commit()
    with Session(engine) as check:
        entities = set(check.exec(select(AuditEntry.entity).where(AuditEntry.action == "create")))
    assert "tenancy" in entities


def test_steward_writes_and_reads_only_own_grids(engine, session, flat, monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    other = geo.create_grid(session, code="FK-04", name="第四网格")
    compound = geo.create_compound(session, name="康乐小区")
    building = geo.create_building(session, grid_id=other.id, compound_id=compound.id, label="1号楼")
    unit = geo.create_unit(session, building_id=building.id, label="1单元")
    theirs = hh.create_household(session, HouseholdInput(unit_id=unit.id, room="101", housing_use="出租")).household
    rentals.create_tenancy(session, _lease(theirs.id), today=TODAY)
    accounts.create_account(session, "admin", "secret1", role="administrator")
    accounts.create_account(session, "李晓燕", "secret2", grid_codes=["FK-03"])
    session.commit()
    accounts.sign_in(engine, accounts.find_account(session, "李晓燕"))
    try:
        with unit_of_work(engine) as work:
            rentals.create_tenancy(work, _lease(flat["id"]), today=TODAY)
        with pytest.raises(accounts.PermissionDenied, match="只能修改自己负责的网格"), unit_of_work(engine) as work:
            _tenant(work, theirs.id)
        with pytest.raises(accounts.PermissionDenied), unit_of_work(engine) as work:
            rentals.end_tenancy(work, rental_records.current_tenancy(work, theirs.id).id, today=TODAY)
        with Session(engine) as reading:
            assert [r.household_id for r in lists.list_rentals(reading)] == [flat["id"]]
            assert lists.rental_figures(reading)["rentals"] == 1
    finally:
        accounts.sign_in(engine, None)


def test_a_lease_registered_by_mistake_goes_to_the_bin_and_back(session, flat):
    from gridkeeper.services import rental_trash

    tenancy = rentals.create_tenancy(session, _lease(flat["id"]), today=TODAY).tenancy
    tenant = _tenant(session, flat["id"])
    session.commit()
    record = rental_trash.delete_tenancy(session, tenancy.id)
    session.commit()
    assert "幸福家园7号楼2单元302" in record.label and "王建华" in record.label
    assert rental_records.current_tenancy(session, flat["id"]) is None
    session.refresh(tenant)
    assert tenant.tenancy_id is None and tenant.moved_out_on is None  # the tenant still lives there
    other = rentals.create_tenancy(session, _lease(flat["id"], landlord_name="李四"), today=TODAY).tenancy
    session.commit()
    with pytest.raises(ServiceError, match="已登记 2026-03-01 起的在租租约（房东 李四）"):
        trash.restore_any(session, record.id)
    session.rollback()
    rental_trash.delete_tenancy(session, other.id)
    assert trash.restore_any(session, record.id).kind == "tenancy"
    session.commit()
    assert rental_records.current_tenancy(session, flat["id"]).id == tenancy.id
    session.refresh(tenant)
    assert tenant.tenancy_id == tenancy.id
