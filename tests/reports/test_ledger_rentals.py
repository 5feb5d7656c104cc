"""出租房屋台账 and 流动人口台账: exact rows on a hand-made flat (moved-out tenants, group rental, flags),
and from the demo through the command line: title, header on every page, masking, --full audited, xlsx."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from gridkeeper.reports.ledger_data import month_period
from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger
from gridkeeper.services import households as hh
from gridkeeper.services import rentals, tenants
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.visits import VisitInput, record_visit
from tests.conftest import TODAY
from tests.reports.printed import FULL_ID, FULL_MOBILE, MASKED_ID, MASKED_MOBILE, flat, pages_text, query, run

NOVEMBER = month_period(date(2026, 11, 1))
KINDS = {"rentals": "福康社区第三网格出租房屋台账（2026年11月）", "migrants": "福康社区第三网格流动人口台账（2026年11月）"}


@pytest.fixture
def rented(session, place):
    """302 let to three people in one room (a group rental); one tenant left in October, one in November."""
    home = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="302", housing_use="出租")).household
    rentals.create_tenancy(session, rentals.TenancyInput(
        household_id=home.id, landlord_name="王建华", landlord_phone="13812345678", lease_start=date(2026, 3, 1),
        lease_end=date(2026, 12, 10), rooms=1, tenant_count=2), today=TODAY)

    def add(name, id_number, arrived, **details):
        person = ResidentInput(name=name, id_number=id_number, residence_status="流动", relation="租户")
        return tenants.add_tenant(session, home.id, person, tenants.TenantInput(arrived_on=arrived, **details),
                                  today=TODAY)

    add("刘小军", "410102199001011234", date(2026, 3, 2), from_place="河南省郑州市", workplace="美团外卖",
        permit_number="410102199001011234", permit_expires=date(2027, 3, 1))
    add("陈芳", "", date(2026, 9, 1), workplace="顺丰速运")
    add("赵六", "", date(2026, 11, 2))
    october = add("钱七", "", date(2026, 3, 5))
    tenants.move_out(session, october.id, on=date(2026, 10, 20), today=TODAY)
    november = add("孙八", "", date(2026, 3, 5), from_place="黑龙江省绥化市")
    tenants.move_out(session, november.id, on=date(2026, 11, 10), today=TODAY)
    record_visit(session, VisitInput(household_id=home.id, visited_on=date(2026, 11, 12), findings="了解租住人员情况"),
                 today=TODAY)
    hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="303"),
                        [ResidentInput(name="周九", residence_status="流动")])  # a migrant without a registration
    session.commit()
    return home.id


def _ledger(session, kind, full=False):
    return build_ledger(session, LedgerRequest(kind, NOVEMBER, None, full, TODAY))


def test_rentals_ledger_rows_and_flags(session, rented):
    data = _ledger(session, "rentals")
    assert data.header == ["序号", "房屋地址", "房东", "房东电话", "租住人数", "租期", "出租用途", "责任书签订",
                           "最近走访", "提示"]
    (row,) = data.rows
    assert row[1:9] == ["幸福家园7号楼2单元302", "王建华", "138****5678", 3, "2026-03-01至2026-12-10", "居住", "未签",
                        "2026-11-12"]
    assert row[9] == "疑似群租（3人/1间）；即将到期；未签责任书"
    assert data.totals[0][1] == "出租房屋 1 套" and data.totals[0][4] == 3 and data.totals[0][9] == "疑似群租 1 套"
    assert _ledger(session, "rentals", full=True).rows[0][3] == "13812345678"


def test_migrants_ledger_lists_who_lived_here_in_the_month(session, rented):
    data = _ledger(session, "migrants")
    names = [row[1] for row in data.rows]
    assert names == ["刘小军", "孙八", "陈芳", "赵六", "周九"]  # 钱七 left in October
    liu = data.rows[0]
    assert liu[2:10] == ["男", "410102********1234", "河南省郑州市", "2026-03-02", "美团外卖", "幸福家园7号楼2单元302",
                         "410102********1234", "2027-03-01"]
    assert data.rows[1][10] == "2026年11月10日搬离"
    assert data.rows[3][10] == ""  # arrived 18 days ago: not yet late for a permit
    assert data.rows[2][10] == "未办居住证"
    assert data.rows[4][10] == "未登记来本地情况"
    assert data.totals[0][1] == "5 人" and "本期搬离 1 人" in data.totals[0][3]
    assert _ledger(session, "migrants", full=True).rows[0][3] == "410102199001011234"


@pytest.fixture(scope="module")
def printed(demo_db, tmp_path_factory):
    db, _ = demo_db
    folder = tmp_path_factory.mktemp("rental-ledgers")
    for kind in KINDS:
        for ext in ("pdf", "xlsx"):
            assert run("ledger", kind, "--db", db, "--month", "2026-11", "--grid", "FK-03", "--today", "2026-11-20",
                       "--out", folder / f"{kind}.{ext}") == 0
    return folder


@pytest.mark.parametrize("kind", list(KINDS))
def test_printed_title_header_on_every_page_masked(printed, kind):
    pages = pages_text(printed / f"{kind}.pdf")
    sheet = list(load_workbook(printed / f"{kind}.xlsx").active.iter_rows(values_only=True))
    assert sheet[0][0] == KINDS[kind] and KINDS[kind] in pages[0]
    for number, text in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in text
        assert all(flat(cell) in flat(text) for cell in sheet[2]), f"header missing on page {number}"
    assert "填表人" in pages[-1]
    text = "".join(pages)
    assert not FULL_ID.search(text) and not FULL_MOBILE.search(text)
    assert (MASKED_MOBILE if kind == "rentals" else MASKED_ID).search(text)
    body = [r for r in sheet[3:] if isinstance(r[0], int)]
    assert len(body) > 5 and [r[0] for r in body] == list(range(1, len(body) + 1))


def test_printed_rentals_are_the_grids_tenancies_in_force(printed, demo_db):
    db, _ = demo_db
    expected = query(db, """select count(*) from tenancy t join household h on h.id = t.household_id
                            join unit u on u.id = h.unit_id join building b on b.id = u.building_id
                            join grid g on g.id = b.grid_id where g.code = 'FK-03' and t.lease_start < '2026-12-01'
                            and (t.ended_on is null or t.ended_on >= '2026-11-01')""")[0][0]
    rows = [r for r in load_workbook(printed / "rentals.xlsx").active.iter_rows(min_row=4, values_only=True)
            if isinstance(r[0], int)]
    assert len(rows) == expected > 0


def test_full_ledger_is_audited(demo_copy, tmp_path):
    out = tmp_path / "migrants.pdf"
    assert run("ledger", "migrants", "--db", demo_copy, "--month", "2026-11", "--grid", "FK-03", "--full",
               "--out", out) == 0
    assert FULL_ID.search("".join(pages_text(out)))
    audit = query(demo_copy, "select summary from audit_entry where action = 'export'")
    assert audit and "流动人口台账" in audit[-1][0]


def test_stats_json_has_the_register_keys(demo_db, capsys):
    db, _ = demo_db
    assert run("stats", "--db", db, "--json") == 0
    figures = json.loads(capsys.readouterr().out)
    assert 0 < figures["group_rentals"] < figures["rentals"] < figures["tenants"]
    assert 0.10 <= figures["rentals"] / figures["households"] <= 0.25


def test_demo_fills_todays_rental_reminders(demo_db):
    from sqlmodel import Session

    from gridkeeper.services import rental_lists
    from gridkeeper.services.database import open_database

    database = open_database(demo_db[0])
    try:
        with Session(database.engine) as session:
            ending = rental_lists.leases_ending(session, today=TODAY)
            expiring = rental_lists.permits_expiring(session, today=TODAY)
            late = rental_lists.without_permit(session, today=TODAY)
            rented = rental_lists.rental_figures(session)["rentals"]
    finally:
        database.dispose()
    assert 0 < len(ending) < rented / 4 and expiring and late
