"""The safety-hazard register on paper: `ledger hazards` (PDF and xlsx, masked unless --full), the one-page
安全隐患整改通知单 (`hazard-notice`), and the register's `stats --json` keys; from the demo database."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from tests.reports.printed import FULL_MOBILE, MASKED_MOBILE, embedded_fonts, flat, pages_text, query, run

MONTH = ("--month", "2026-11", "--today", "2026-11-20")


def _ledger_hazards(db, grid_code: str | None = None) -> list[tuple]:
    """What the ledger must hold, asked of the database directly: found in November or open during it."""
    sql = ("select h.id, h.found_on, h.status from safety_hazard h join grid g on g.id = h.grid_id "
           "where h.found_on < '2026-12-01' and (h.found_on >= '2026-11-01' or h.closed_on is null "
           "or h.closed_on >= '2026-11-01')")
    if grid_code:
        return query(db, sql + " and g.code = ?", grid_code)
    return query(db, sql)


def test_demo_fills_the_register_in_every_state(demo_db):
    db, counts = demo_db
    assert counts["safety_place"] >= 6 and counts["safety_inspection"] > counts["safety_place"]
    statuses = {row[0] for row in query(db, "select distinct status from safety_hazard")}
    assert statuses >= {"found", "notified", "rectified", "closed"}
    assert query(db, "select count(*) from safety_hazard where visit_id is not null")[0][0] > 0
    kinds = {row[0] for row in query(db, "select distinct kind from safety_place")}
    assert kinds & {"stairwell", "basement", "bike_shed"} and kinds - {"stairwell", "basement", "bike_shed"}


def test_ledger_pdf_lists_the_months_hazards_masked_with_totals(demo_db, tmp_path):
    db, _ = demo_db
    out = tmp_path / "hazards.pdf"
    assert run("ledger", "hazards", "--db", db, *MONTH, "--out", out) == 0
    pages = pages_text(out)
    text = flat("".join(pages))
    assert "福康社区安全隐患排查整改台账（2026年11月）" in text
    assert all("隐患情况" in flat(page) and "整改期限" in flat(page) for page in pages)  # header on every page
    expected = _ledger_hazards(db)
    assert expected and f"共{len(expected)}条" in text and "超期未整改" in text
    assert not FULL_MOBILE.search("".join(pages)) and MASKED_MOBILE.search("".join(pages))
    assert all(str(found) in text for _, found, _ in expected)
    assert all(has_file for _, has_file in embedded_fonts(out))


def test_ledger_xlsx_cells_and_overdue_mark(demo_db, tmp_path):
    db, _ = demo_db
    out = tmp_path / "hazards.xlsx"
    assert run("ledger", "hazards", "--db", db, *MONTH, "--out", out) == 0
    rows = [[c for c in row] for row in load_workbook(out).active.iter_rows(values_only=True)]
    header_at = next(i for i, row in enumerate(rows) if row[0] == "序号")
    assert rows[header_at][:6] == ("序号", "场所 / 地点", "隐患情况", "发现日期", "等级", "整改期限") or \
        list(rows[header_at][:6]) == ["序号", "场所 / 地点", "隐患情况", "发现日期", "等级", "整改期限"]
    body = [row for row in rows[header_at + 1:] if isinstance(row[0], int)]
    assert len(body) == len(_ledger_hazards(db))
    today = date(2026, 11, 20)
    for row in body:
        status, deadline, rectified, overdue = row[7], row[5], row[8], row[10]
        waiting = status in ("已发现", "已通知整改")
        late = (waiting and deadline < today.isoformat()) or bool(rectified and rectified > deadline)
        assert (overdue == "超期") == late, row
        assert not FULL_MOBILE.search(str(row[6] or ""))
    assert rows[-1][0] == "合计" or any(row[0] == "合计" for row in rows)


def test_full_ledger_shows_phones_and_is_audited(demo_copy, tmp_path):
    out = tmp_path / "full.xlsx"
    assert run("ledger", "hazards", "--db", demo_copy, *MONTH, "--full", "--out", out) == 0
    cells = " ".join(str(c) for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c)
    assert FULL_MOBILE.search(cells)
    audit = query(demo_copy, "select summary from audit_entry where action = 'export'")
    assert audit and "安全隐患排查整改台账" in audit[-1][0]


def test_grid_ledger_holds_only_that_grid(demo_db, tmp_path):
    db, _ = demo_db
    out = tmp_path / "fk02.xlsx"
    assert run("ledger", "hazards", "--db", db, *MONTH, "--grid", "FK-02", "--out", out) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert sum(1 for row in rows if isinstance(row[0], int)) == len(_ledger_hazards(db, "FK-02"))
    assert "第二网格" in str(rows[0][0])


def test_notice_is_one_page_with_place_basis_deadline_and_signature_lines(demo_db, tmp_path):
    db, _ = demo_db
    hazard_id, name, item, deadline = query(
        db, "select h.id, p.name, h.item, h.deadline from safety_hazard h join safety_place p on p.id = h.place_id "
            "where h.item = '消防通道堵塞' or h.item = '灭火器缺失或过期' order by h.id limit 1")[0]
    out = tmp_path / "notice.pdf"
    assert run("hazard-notice", hazard_id, "--db", db, "--out", out) == 0
    pages = pages_text(out)
    assert len(pages) == 1
    text = flat(pages[0])
    day = date.fromisoformat(str(deadline))
    assert text.startswith("安全隐患整改通知单") and f"{name}：" in text and item in text
    assert "《中华人民共和国消防法》第" in text and f"请于{day.year}年{day.month}月{day.day}日前整改完毕" in text
    assert "检查人（签字）" in text and "场所负责人（签收）" in text and text.rstrip().endswith("日")
    assert "福康社区" in text and not FULL_MOBILE.search(pages[0])
    assert all(has_file for _, has_file in embedded_fonts(out))


@pytest.mark.parametrize("argv, code", [(["hazard-notice", "abc"], 2), (["hazard-notice", "999999"], 1),
                                        (["ledger", "hazards", "--month", "2026-11"], 0)])
def test_notice_errors_are_one_line(demo_db, tmp_path, capsys, argv, code):
    db, _ = demo_db
    assert run(*argv, "--db", db, "--out", tmp_path / "x.pdf") == code
    if code:
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("gridkeeper: ") and "Traceback" not in err
        assert not (tmp_path / "x.pdf").exists()


def test_stats_json_has_the_register_keys(demo_db, capsys):
    db, _ = demo_db
    assert run("stats", "--json", "--db", db) == 0
    figures = json.loads(capsys.readouterr().out)
    assert {"places", "inspections", "hazards_open", "hazards_overdue"} <= set(figures)
    assert figures["places"] == query(db, "select count(*) from safety_place")[0][0]
    assert figures["hazards_open"] == query(db, "select count(*) from safety_hazard where status <> 'closed'")[0][0]


def test_the_print_section_offers_the_hazards_ledger(demo_db, tmp_path):
    from sqlmodel import Session

    from gridkeeper.reports.jobs import DOCUMENTS, PrintJob, produce
    from gridkeeper.services.database import open_database

    db, _ = demo_db
    assert DOCUMENTS["ledger:hazards"] == "安全隐患排查整改台账"
    database = open_database(db)
    try:
        with Session(database.engine) as session:
            out = tmp_path / "h.xlsx"
            produce(session, PrintJob("ledger:hazards", month=date(2026, 11, 1), today=date(2026, 11, 20)), out)
    finally:
        database.dispose()
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert sum(1 for row in rows if isinstance(row[0], int)) == len(_ledger_hazards(db))
