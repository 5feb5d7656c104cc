"""矛盾纠纷排查化解台账: the CLI contract, rows of the month (and carried over), parties masked unless --full
(audited), each cell as written for a dispute made by hand, xlsx with the PDF's columns."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from gridkeeper.reports.ledger_data import month_period
from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger
from gridkeeper.services import disputes
from gridkeeper.services import households as hh
from gridkeeper.services.disputes import DisputeInput, PartyInput
from gridkeeper.services.people import HouseholdInput, ResidentInput
from tests.conftest import TODAY
from tests.reports.printed import FULL_MOBILE, MASKED_MOBILE, flat, pages_text, query, run

TITLE = "福康社区第三网格矛盾纠纷排查化解台账（2026年11月）"
HEADER = ["序号", "发现日期", "发现途径", "当事人", "纠纷类型", "纠纷事由", "风险等级", "调解情况", "调解结果",
          "结案日期", "回访情况"]


@pytest.fixture(scope="module")
def printed(demo_db, tmp_path_factory):
    db, _ = demo_db
    folder = tmp_path_factory.mktemp("disputes")
    for ext in ("pdf", "xlsx"):
        assert run("ledger", "disputes", "--db", db, "--month", "2026-11", "--grid", "FK-03", "--today",
                   "2026-11-20", "--out", folder / f"disputes.{ext}") == 0
    return folder


def test_demo_ledger_lists_the_month_and_what_is_carried_over(printed, demo_db):
    db, _ = demo_db
    expected = query(db, """select count(*) from dispute d join grid g on g.id = d.grid_id where g.code = 'FK-03'
                            and d.found_on < '2026-12-01'
                            and (d.found_on >= '2026-11-01' or d.closed_on is null or d.closed_on >= '2026-11-01')""")
    pages = pages_text(printed / "disputes.pdf")
    assert TITLE in pages[0] and "填报单位：福康社区第三网格" in pages[0]
    text = flat("".join(pages))
    assert all(flat(h) in flat(pages[0]) for h in HEADER)
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    assert "填表人" in pages[-1] and f"共{expected[0][0]}件" in text
    sheet = load_workbook(printed / "disputes.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == TITLE and list(rows[2]) == HEADER
    body = [r for r in rows[3:] if isinstance(r[0], int)]
    assert len(body) == expected[0][0] > 0
    assert all(r[1] < "2026-12-01" for r in body)


def test_demo_parties_masked_by_default_and_full_on_request_is_audited(printed, demo_copy, tmp_path):
    masked = "".join(pages_text(printed / "disputes.pdf"))
    assert MASKED_MOBILE.search(masked) and not FULL_MOBILE.search(masked)
    out = tmp_path / "full.xlsx"
    assert run("ledger", "disputes", "--db", demo_copy, "--month", "2026-11", "--grid", "FK-03", "--full",
               "--today", "2026-11-20", "--out", out) == 0
    cells = " ".join(str(c) for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c)
    assert FULL_MOBILE.search(cells)
    audit = query(demo_copy, "select action, summary from audit_entry where action = 'export'")
    assert audit and "矛盾纠纷排查化解台账" in audit[-1][1]


def test_bad_month_and_extension_are_refused_clearly(demo_db, tmp_path, capsys):
    db, _ = demo_db
    assert run("ledger", "disputes", "--db", db, "--month", "2026-13", "--out", tmp_path / "x.pdf") != 0
    assert run("ledger", "disputes", "--db", db, "--month", "2026-11", "--out", tmp_path / "x.docx") != 0
    assert ".pdf 或 .xlsx" in capsys.readouterr().err


def test_each_cell_of_a_hand_made_dispute(session, place):
    home = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="401"),
                               [ResidentInput(name="王建华", phone="13800001111")], today=TODAY)
    session.commit()
    old = disputes.create_dispute(session, DisputeInput(
        subject="装修噪音 13912345678 打电话也不接", kind="邻里", risk="高", source="走访发现", found_by="李晓燕",
        found_on=date(2026, 10, 28), parties=[PartyInput(resident_id=home.residents[0].id),
                                              PartyInput(name="刘强（装修队负责人）", phone="13712345678")]),
        today=TODAY)
    disputes.add_session(session, old.id, held_on=date(2026, 11, 2), mediators="李晓燕、张卫国",
                         agreed="晚八点后不施工", today=TODAY)
    disputes.record_outcome(session, old.id, "调解成功", on=date(2026, 11, 2), today=TODAY)
    closed_before = disputes.create_dispute(session, DisputeInput(
        subject="上月已结的", found_on=date(2026, 10, 1), parties=[PartyInput(name="陈东")], grid_id=place["grid"]),
        today=TODAY)
    disputes.close_dispute(session, closed_before.id, on=date(2026, 10, 3), reason="自行和解", today=TODAY)
    session.commit()
    data = build_ledger(session, LedgerRequest("disputes", month_period(date(2026, 11, 1)), "FK-03", today=TODAY))
    assert len(data.rows) == 1  # the one closed in October is not carried into November
    row = data.rows[0]
    assert row[:3] == [1, "2026-10-28", "走访发现\n李晓燕\n（往期结转）"]
    assert row[3] == "王建华 138****1111\n刘强（装修队负责人）\n137****5678"
    assert row[4:7] == ["邻里", "装修噪音 139****5678 打电话也不接", "高"]
    assert row[7] == "11月2日 李晓燕、张卫国：晚八点后不施工"
    assert row[8:] == ["调解成功", "", "应回访：\n2026-11-17\n已超期"]  # 15 days after the outcome; today is 11-20
    assert "化解率 100.0%" in data.totals[0][7] and "本月新发现 0 件" in data.totals[0][3]


def test_stats_json_counts_disputes_and_those_not_closed(demo_db, capsys):
    import json

    db, counts = demo_db
    assert run("stats", "--db", db, "--json") == 0
    figures = json.loads(capsys.readouterr().out)
    still = query(db, "select count(*) from dispute where status != 'closed'")[0][0]
    assert figures["disputes"] == counts["dispute"] > figures["disputes_open"] == still > 0


def test_print_and_export_offers_the_dispute_ledger(session, place, tmp_path):
    """The GUI's Print & export section lists every ledger of LEDGER_NAMES: the dispute ledger is printed
    through the same job as the others (an empty month still makes a page with its totals)."""
    from gridkeeper.reports.jobs import DOCUMENTS, PrintJob, produce

    assert DOCUMENTS["ledger:disputes"] == "矛盾纠纷排查化解台账"
    out = tmp_path / "disputes.pdf"
    produce(session, PrintJob("ledger:disputes", grid_code="FK-03", month=date(2026, 11, 1), today=TODAY), out)
    text = "".join(pages_text(out))
    assert "第三网格矛盾纠纷排查化解台账（2026年11月）" in text and "共 0 件" in text and "化解率 —" in text


def test_demo_has_disputes_turned_from_requests_naming_each_other(demo_db):
    db, _ = demo_db
    pairs = query(db, """select d.id, r.feedback, r.category from dispute d
                         join resident_request r on r.id = d.source_request_id""")
    assert pairs and all(f"矛盾纠纷 #{d}" in feedback and category == "dispute" for d, feedback, category in pairs)
    kinds = dict(query(db, "select source, count(*) from dispute group by source"))
    assert set(kinds) == {"visit", "reported", "request"}
    statuses = dict(query(db, "select status, count(*) from dispute group by status"))
    assert statuses["closed"] > sum(statuses.values()) / 2  # most resolved; some still open
    assert statuses.get("registered", 0) + statuses.get("mediating", 0) > 0


def test_a_past_months_ledger_shows_each_dispute_as_it_stood_at_that_months_end(session, place, tmp_path):
    """Mediated in October, closed in November, reopened in December (today): October's ledger says 调解成功 ·
    应回访, November's 已结案 with the follow-up, whatever the dispute says today; an agreement that did not hold
    reads 调解成功 in October and 调解中 in November; a referral still waiting at November's end is overdue then."""
    from gridkeeper.reports.jobs import PrintJob, produce

    today = date(2026, 12, 10)
    home = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="401"),
                               [ResidentInput(name="王建华", phone="13800001111")], today=today)
    session.commit()
    resident = home.residents[0].id

    def dispute(subject, found, *sessions):
        made = disputes.create_dispute(session, DisputeInput(subject=subject, found_on=found,
                                                             parties=[PartyInput(resident_id=resident)]), today=today)
        for held in sessions:
            disputes.add_session(session, made.id, held_on=held, mediators="李晓燕", agreed="双方和解", today=today)
        return made.id

    held = dispute("楼上漏水", date(2026, 10, 5), date(2026, 10, 10))
    disputes.record_outcome(session, held, "调解成功", on=date(2026, 10, 20), today=today)
    disputes.record_follow_up(session, held, on=date(2026, 11, 5), held=True, today=today)
    disputes.reopen_dispute(session, held, reason="又因漏水争吵", on=date(2026, 12, 2))
    disputes.update_dispute(session, held, subject="楼上漏水", kind="邻里", risk="高", today=date(2026, 12, 2))
    broken = dispute("噪音扰民", date(2026, 10, 8), date(2026, 10, 12))
    disputes.record_outcome(session, broken, "调解成功", on=date(2026, 10, 22), today=today)
    disputes.record_follow_up(session, broken, on=date(2026, 11, 3), held=False, note="一方未履行", today=today)
    disputes.add_session(session, broken, held_on=date(2026, 11, 6), mediators="张卫国", today=today)
    settled = dispute("车位占用", date(2026, 10, 2))
    disputes.close_dispute(session, settled, on=date(2026, 10, 3), reason="自行和解", today=today)
    referred = dispute("拖欠工资", date(2026, 10, 15), date(2026, 10, 16))
    disputes.record_outcome(session, referred, "转交相关部门", on=date(2026, 10, 25), referred_to="街道综治中心",
                            today=today)
    session.commit()

    def rows(month: date) -> dict[str, list]:
        data = build_ledger(session, LedgerRequest("disputes", month_period(month), "FK-03", today=today))
        return {row[5]: row[7:] for row in data.rows}, data.totals[0]

    october, october_totals = rows(date(2026, 10, 1))
    assert october == {
        "楼上漏水": ["10月10日 李晓燕：双方和解", "调解成功", "", "应回访：\n2026-11-04"],
        "噪音扰民": ["10月12日 李晓燕：双方和解", "调解成功", "", "应回访：\n2026-11-06"],
        "车位占用": ["未调解", "已结案", "2026-10-03", ""],
        "拖欠工资": ["10月16日 李晓燕：双方和解", "转交相关部门\n（街道综治中心）", "", "应回访：\n2026-11-09"]}
    assert "未结案 3 件" in october_totals[7] and "化解率 66.7%" in october_totals[7]
    november, november_totals = rows(date(2026, 11, 1))
    assert november == {
        "楼上漏水": ["10月10日 李晓燕：双方和解", "调解成功", "2026-11-05", "2026-11-05\n协议履行"],
        "噪音扰民": ["10月12日 李晓燕：双方和解\n11月6日 张卫国", "调解中", "", "2026-11-03\n未履行，重新调解"],
        "拖欠工资": ["10月16日 李晓燕：双方和解", "转交相关部门\n（街道综治中心）", "", "应回访：\n2026-11-09\n已超期"]}
    assert "未结案 2 件" in november_totals[7]
    december, _ = rows(date(2026, 12, 1))  # this month: as the disputes stand today
    assert december["楼上漏水"][1:] == ["调解中", "", "2026-11-05\n协议履行"]
    risks = {month: build_ledger(session, LedgerRequest("disputes", month_period(month), "FK-03",
                                                        today=today)).rows[0][6]
             for month in (date(2026, 11, 1), date(2026, 12, 1))}
    assert risks == {date(2026, 11, 1): "低", date(2026, 12, 1): "高"}  # raised in December

    for month in (date(2026, 10, 1), date(2026, 11, 1)):
        out = tmp_path / f"disputes-{month:%Y-%m}.pdf"
        produce(session, PrintJob("ledger:disputes", grid_code="FK-03", month=month, today=today), out)
        text = flat("".join(pages_text(out)))
        assert f"矛盾纠纷排查化解台账（2026年{month.month}月）" in text
        if month.month == 10:
            assert "2026-11-04" in text and "2026-10-03" in text and "协议履行" not in text and "2026-11-05" not in text
        else:
            assert "2026-11-05" in text and "协议履行" in text and "车位占用" not in text and "已超期" in text
