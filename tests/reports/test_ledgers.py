"""Ledgers from the demo database: title, header on every page, page numbers, masking, rows, fonts, xlsx columns."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from tests.reports.printed import (FULL_ID, FULL_MOBILE, MASKED_ID, MASKED_MOBILE, embedded_fonts, flat,
                                   pages_text, query, run)

MONTH = ("--month", "2026-11")
KIND_ARGS = {
    "visits": MONTH, "households": MONTH, "care": MONTH, "requests": MONTH, "leaders": MONTH,
    "members": ("--half", "2026-H2"),
}
TITLES = {
    "visits": "福康社区第三网格走访台账（2026年11月）",
    "households": "福康社区第三网格全覆盖信息台账（2026年11月）",
    "care": "福康社区第三网格个性化台账（2026年11月）",
    "requests": "福康社区第三网格诉求办理台账（2026年11月）",
    "members": "福康社区第三网格在职党员报到服务台账（2026年下半年）",
    "leaders": "福康社区第三网格三长名册（2026年11月）",
}


@pytest.fixture(scope="module")
def printed(demo_db, tmp_path_factory):
    """Every ledger of grid FK-03, as PDF and xlsx, masked; built once for the module."""
    db, _ = demo_db
    folder = tmp_path_factory.mktemp("ledgers")
    for kind, period in KIND_ARGS.items():
        for ext in ("pdf", "xlsx"):
            code = run("ledger", kind, "--db", db, *period, "--grid", "FK-03", "--today", "2026-11-20",
                       "--out", folder / f"{kind}.{ext}")
            assert code == 0
    return folder


@pytest.mark.parametrize("kind", list(KIND_ARGS))
def test_title_header_on_every_page_and_page_numbers(printed, kind):
    pages = pages_text(printed / f"{kind}.pdf")
    assert TITLES[kind] in pages[0]
    assert "填报单位：福康社区第三网格" in pages[0]
    header = load_workbook(printed / f"{kind}.xlsx").active
    first_cells = [c.value for c in next(header.iter_rows(min_row=3, max_row=3))]
    for number, text in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in text
        assert all(flat(cell) in flat(text) for cell in first_cells), f"header missing on page {number}"
    assert "填表人" in pages[-1] and "审核人" in pages[-1]


@pytest.mark.parametrize("kind", list(KIND_ARGS))
def test_xlsx_has_the_pdf_columns_and_rows(printed, kind):
    sheet = load_workbook(printed / f"{kind}.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == TITLES[kind]
    header = list(rows[2])
    assert header[0] == "序号"
    text = flat("".join(pages_text(printed / f"{kind}.pdf")))
    assert all(flat(h) in text for h in header)
    body = [r for r in rows[3:] if isinstance(r[0], int)]
    assert [r[0] for r in body] == list(range(1, len(body) + 1))


def test_visit_rows_are_the_grids_visits_of_the_month(printed, demo_db):
    db, _ = demo_db
    expected = query(db, """select count(*) from visit v join household h on h.id = v.household_id
                            join unit u on u.id = h.unit_id join building b on b.id = u.building_id
                            join grid g on g.id = b.grid_id
                            where g.code = 'FK-03' and v.visited_on >= '2026-11-01' and v.visited_on < '2026-12-01'""")
    rows = [r for r in load_workbook(printed / "visits.xlsx").active.iter_rows(min_row=4, values_only=True)
            if isinstance(r[0], int)]
    assert len(rows) == expected[0][0] > 0
    assert all(r[1].startswith("2026-11-") for r in rows)
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)
    text = "".join(pages_text(printed / "visits.pdf"))
    assert f"走访 {len(rows)} 次" in text
    other_months = re.findall(r"2026-1[02]-\d\d", text)
    assert not other_months


def test_households_masked_by_default_and_full_on_request(printed, demo_copy, tmp_path):
    masked = "".join(pages_text(printed / "households.pdf"))
    assert MASKED_ID.search(masked) and MASKED_MOBILE.search(masked)
    assert not FULL_ID.search(masked) and not FULL_MOBILE.search(masked)
    copy = demo_copy
    out = tmp_path / "full.pdf"
    assert run("ledger", "households", "--db", copy, *MONTH, "--grid", "FK-03", "--full", "--out", out) == 0
    full = "".join(pages_text(out))
    some_id = query(copy, """select r.id_number from resident r join household h on h.id = r.household_id
                             join unit u on u.id = h.unit_id join building b on b.id = u.building_id
                             join grid g on g.id = b.grid_id where g.code = 'FK-03' and r.is_head and r.id_number != ''
                             limit 1""")[0][0]
    assert some_id in full and FULL_MOBILE.search(full)
    audit = query(copy, "select action, summary from audit_entry where action = 'export'")
    assert audit and "全覆盖信息台账" in audit[-1][1]


def test_members_half_year_and_leaders_vacancies(printed):
    members = "".join(pages_text(printed / "members.pdf"))
    assert "2026年7月1日至2026年12月31日" in members
    assert not FULL_MOBILE.search(members)
    leaders = "".join(pages_text(printed / "leaders.pdf"))
    assert "网格长" in leaders and "楼栋长" in leaders and "单元长" in leaders
    assert "空缺" in leaders


def test_requests_totals(printed):
    text = flat("".join(pages_text(printed / "requests.pdf")))
    assert re.search(r"受理\d+件，按期办结\d+件", text)
    assert "满意率" in text


@pytest.mark.parametrize("kind", ["visits", "households"])
def test_chinese_font_embedded_as_subset(printed, kind):
    fonts = embedded_fonts(printed / f"{kind}.pdf")
    assert all(has_file for _, has_file in fonts), fonts  # nothing the reader's machine must supply
    chinese = [(name, has_file) for name, has_file in fonts if "NotoSansSC" in name]
    assert {name.split("+")[-1] for name, _ in chinese} == {"NotoSansSC-Regular", "NotoSansSC-Bold"}
    for name, has_file in chinese:
        assert re.match(r"^/[A-Z]{6}\+", name), name  # a subset, not the whole 10 MB font
        assert has_file, name  # TrueType outlines embedded (FontFile2)
