"""A property company's tenant list through the same importer: exact problems by row and column, all or
nothing, leases and tenant registrations written (and not doubled on a second import), lease history."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, func, select

from gridkeeper.excel.importer import summary_lines
from gridkeeper.excel.problems import ERROR
from gridkeeper.excel.tenant_rows import BAD_DATE, parse_day, parse_lease, parse_letter
from gridkeeper.services import rentals
from gridkeeper.storage.models import Household, Resident
from gridkeeper.storage.rental_models import Tenancy, Tenant
from tests.conftest import TODAY
from tests.excel.roster_helpers import FIXTURES, imported

FILES = ("tenants.xlsx", "tenants_gbk.csv")
PROBLEMS = [
    (5, "房东电话", "1381234", "“1381234”不是有效的手机号或带区号的座机号", ERROR),
    (5, "租期", "2026/5/1-2026/4/1", "不能早于起租日期", ERROR),
    (6, "租期", "2026年13月1日至2027年1月1日", BAD_DATE, ERROR),
    (6, "居住证号", "JZ-1!", "“JZ-1!”不是有效的居住证号（5到30位字母、数字或短横线）", ERROR),
    (7, "居住证有效期至", "", "填写了居住证号时必填", ERROR),
]


def _count(engine, model) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _import(engine, name, **options):
    return imported(engine, FIXTURES / name, grid_code="FK-03", today=TODAY, **options)


@pytest.mark.parametrize("name", FILES)
def test_problems_are_reported_by_row_and_column_and_nothing_is_written(engine, place, name):
    result = _import(engine, name)
    assert [(p.row, p.column, p.value, p.reason, p.severity) for p in result.problems] == PROBLEMS
    assert not result.written
    assert _count(engine, Tenancy) == _count(engine, Tenant) == _count(engine, Resident) == 0


@pytest.mark.parametrize("name", FILES)
def test_valid_rows_become_leases_and_tenant_registrations(engine, place, name):
    result = _import(engine, name, skip_invalid=True)
    assert result.written and result.rows_imported == 3
    assert "出租房屋：新增租约 2 份，更新 0 份；租户登记：新增 3 人，更新 0 人" in summary_lines(result)
    with Session(engine) as session:
        leases = {t.landlord_name: t for t in session.exec(select(Tenancy))}
        assert set(leases) == {"王建华", "郑强"}
        wang = leases["王建华"]
        assert (wang.landlord_phone, wang.lease_start, wang.lease_end, wang.letter_signed, wang.rent_use) == (
            "13812345678", date(2026, 3, 1), date(2027, 2, 28), True, "dwelling")
        assert leases["郑强"].letter_signed_on == date(2026, 1, 5)
        assert session.get(Household, wang.household_id).housing_use == "rented"
        people = {t.name: t for t in session.exec(select(Tenant))}
        assert set(people) == {"刘小军", "陈芳", "冯小刚"}
        liu = people["刘小军"]
        assert (liu.tenancy_id, liu.arrived_on, liu.from_place, liu.workplace, liu.permit_number,
                liu.permit_expires) == (wang.id, date(2026, 3, 1), "河南省郑州市", "美团外卖", "410102199001011234",
                                        date(2027, 3, 1))
        resident = session.get(Resident, liu.resident_id)
        assert (resident.relation, resident.residence_status, resident.household_id) == ("租户", "migrant",
                                                                                          wang.household_id)
    again = _import(engine, name, skip_invalid=True)
    assert (again.rentals.tenancies_added, again.rentals.tenants_added, again.rentals.tenants_updated) == (0, 0, 0)
    assert _count(engine, Tenancy) == 2 and _count(engine, Tenant) == 3


def test_a_newer_lease_ends_the_saved_one_and_an_older_is_refused(engine, place, tmp_path):
    assert _import(engine, "tenants.xlsx", skip_invalid=True).written
    with Session(engine) as session:
        flat = session.exec(select(Tenancy).where(Tenancy.landlord_name == "王建华")).one().household_id
        old = rentals.current_tenancy(session, flat)
        old.lease_start = date(2026, 4, 1)  # as if the saved lease began after the one in the file
        session.add(old)
        session.commit()
    older = _import(engine, "tenants.xlsx", skip_invalid=False)
    assert ("该房屋已登记 2026-04-01 起租的租约（房东 王建华），表中的租约更早，请核对后再导入"
            in [p.reason for p in older.problems if p.row == 3])
    with Session(engine) as session:
        old = rentals.current_tenancy(session, flat)
        old.lease_start = date(2025, 3, 1)
        session.add(old)
        session.commit()
    assert _import(engine, "tenants.xlsx", skip_invalid=True).rentals.tenancies_added == 1
    with Session(engine) as session:
        history = rentals.tenancy_history(session, flat)
    assert [(t.lease_start, t.ended_on) for t in history] == [(date(2026, 3, 1), None),
                                                               (date(2025, 3, 1), date(2026, 2, 28))]


def test_cell_readers():
    assert parse_day(46082.0) == date(2026, 3, 1)  # an Excel day number
    assert parse_day("20260301") == parse_day("2026年3月1日") == parse_day(" 2026.3.1 ") == date(2026, 3, 1)
    assert parse_lease("2026.3.1-2027.2.28") == (date(2026, 3, 1), date(2027, 2, 28))
    assert parse_lease("2026年3月1日到2027年2月28日") == (date(2026, 3, 1), date(2027, 2, 28))
    assert parse_letter("√") == (True, None) and parse_letter("未签") == (False, None)
    assert parse_letter("2026/1/5") == (True, date(2026, 1, 5))
    with pytest.raises(ValueError, match="起租日期至到期日期"):
        parse_lease("一年")


def test_command_line_reports_the_rows_and_writes_nothing(tmp_path, capsys):
    from gridkeeper.cli import main

    db = tmp_path / "t.db"
    code = main(["import", str(FIXTURES / "tenants.xlsx"), "--grid", "FK-03", "--grid-name", "第三网格",
                 "--community", "福康社区居民委员会", "--db", str(db)])
    out = capsys.readouterr().out
    assert code == 1
    assert "第5行“房东电话”列（1381234）：“1381234”不是有效的手机号或带区号的座机号" in out
    assert "第7行“居住证有效期至”列：填写了居住证号时必填" in out and "未导入任何数据" in out


def test_each_rule_names_the_column_its_value_came_from(engine, place, tmp_path):
    """The rules' errors are keyed by field name; each lands on its own column (letter_signed_on: the
    治安消防责任书 column, workplace: 工作单位), read as the file's header names it."""
    import csv

    from tests.excel.make_tenant_fixtures import HEADER, ROWS, TITLE

    row = [v.isoformat() if isinstance(v, date) else v for v in ROWS[0]]
    row[HEADER.index("治安消防责任书")] = "2026年12月25日"  # signed after today
    row[HEADER.index("工作单位")] = "厂" * 101
    path = tmp_path / "tenants.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([TITLE, HEADER, row])
    result = imported(engine, path, grid_code="FK-03", today=TODAY)
    assert {(p.row, p.column, p.reason) for p in result.problems if p.severity == ERROR} == {
        (3, "治安消防责任书", "不能晚于今天"), (3, "工作单位", "过长（101个字，最多100个）")}
