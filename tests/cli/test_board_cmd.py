"""`gridkeeper board property|grids`: text, JSON keys, the poster's ranking read back from the PDF, xlsx cells."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.reports.printed import embedded_fonts, flat, pages_text, run
from tests.services.board_fixture import LONGJIANG, NANFANG, WEIJIE

TODAY = "2026-11-20"


@pytest.fixture
def db(db_target):
    """The hand-worked community of tests/services/board_fixture.py, in a database file (or on a server)."""
    from sqlmodel import Session

    from gridkeeper.services.database import open_database
    from tests.services import board_fixture

    database = open_database(db_target, create=True)
    with Session(database.engine) as session:
        board_fixture.build(session)
    database.dispose()
    return db_target


def _board(db, *args):
    return run("board", *args, "--db", db, "--today", TODAY)


def test_property_json_keys_and_lists(db, capsys):
    assert _board(db, "property", "--period", "2026-11", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"period", "period_label", "today", "community", "thresholds", "basis", "ranked", "red",
                         "black", "too_few"}
    assert (data["red"], data["black"]) == ([WEIJIE], [NANFANG])
    nanfang = data["ranked"][1]
    assert set(nanfang) >= {"company", "compounds", "households", "rank", "score", "standing", "received",
                            "on_time_percent", "average_days", "overdue_now", "satisfaction_percent"}
    assert (nanfang["company"], nanfang["received"], nanfang["on_time_percent"], nanfang["average_days"],
            nanfang["satisfaction_percent"], nanfang["households"]) == (NANFANG, 10, 80.0, 5.0, 80.0, 10)
    assert [row["company"] for row in data["too_few"]] == [LONGJIANG]


def test_thresholds_from_the_command_line(db, capsys):
    assert _board(db, "property", "--period", "2026-11", "--json", "--min-requests", "2",
                  "--satisfaction-below", "75", "--on-time-below", "70") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["black"], data["too_few"], data["thresholds"]["min_requests"]) == ([LONGJIANG], [], 2)


def test_the_poster_ranks_them_on_one_page(db, tmp_path, capsys):
    out = tmp_path / "红黑榜.pdf"
    assert _board(db, "property", "--period", "2026-11", "--out", out) == 0
    pages = pages_text(out)
    assert len(pages) == 1
    text = flat(pages[0])
    assert text.startswith("物业服务企业红黑榜") and "2026年11月" in text and "福康社区居民委员会" in text
    red = text.index("红榜")  # the title 红黑榜 holds 黑榜: the black list's heading comes after the red one
    black = text.index("黑榜", red)
    assert red < text.index(WEIJIE) < black < text.index(NANFANG)  # each under its own list
    assert text.count(WEIJIE) == 1 and text.index(LONGJIANG) > text.index(NANFANG)  # not ranked: listed after
    assert "1伟捷物业服务有限公司阳光花园6683.3%2.01100.0%" in text
    assert "2南方物业公司幸福家园101080.0%5.0080.0%" in text
    assert "满意度低于85%" in text and "排名依据" in text and "2026年11月20日" in text
    assert all(has_file for _, has_file in embedded_fonts(out))


def test_property_xlsx_cells(db, tmp_path):
    out = tmp_path / "board.xlsx"
    assert _board(db, "property", "--period", "2026-11", "--out", out) == 0
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0][:3] == ("名次", "物业服务企业", "榜单")
    assert rows[1][:6] == (1, WEIJIE, "红榜", "阳光花园", 6, 6) and rows[1][8] == 83.3
    assert rows[2][:3] == (2, NANFANG, "黑榜") and rows[2][8:10] == (80.0, 5.0) and rows[2][13] == 80.0
    assert rows[2][15] == "满意度低于85%"
    assert rows[3][:3] == (None, LONGJIANG, "不排名")
    assert rows[4][0] == "说明"


def test_grids_json_pdf_and_xlsx(db, tmp_path, capsys):
    assert _board(db, "grids", "--period", "2026-11", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [g["grid"] for g in data["grids"]] == ["FK-02", "FK-01"] and data["total"]["name"] == "全社区"
    assert (data["grids"][1]["coverage_percent"], data["grids"][1]["trend"]["coverage_percent"]) == (50.0, 16.7)
    pdf, xlsx = tmp_path / "grids.pdf", tmp_path / "grids.xlsx"
    assert _board(db, "grids", "--period", "2026-11", "--out", pdf) == 0
    text = flat("".join(pages_text(pdf)))
    assert text.index("FK-02第二网格") < text.index("FK-01第一网格") < text.index("全社区")
    assert "50.0%" in text and "↑16.7" in text and "网格工作考核情况表" in text and "各网格主要指标" in text
    assert _board(db, "grids", "--period", "2026-11", "--out", xlsx) == 0
    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(min_row=4, values_only=True))
    assert rows[0][:7] == (1, "FK-02", "第二网格", "李晓燕", 10, 9, 90.0)
    assert rows[1][6:8] == (50.0, 33.3) and rows[1][18:22] == (2, 1, 50.0, 100.0) and rows[1][25:27] == (3.5, 4.0)
    assert rows[2][2] == "全社区" and rows[2][4] == 22


@pytest.mark.parametrize("args, says", [
    (["property", "--period", "2026-13"], "1 到 12"),
    (["grids", "--period", "11月"], "2026-Q4"),
    (["grids", "--period", "2027-01"], "还没有开始"),
    (["property", "--period", "2026-11", "--red", "0"], "红榜家数"),
    (["property", "--period", "2026-11", "--out", "board.docx"], ".pdf 或 .xlsx"),
])
def test_bad_arguments_say_what_is_wrong(db, capsys, args, says):
    assert _board(db, *args) == 2
    assert says in capsys.readouterr().err


def test_an_empty_community_says_so(db_target, capsys):
    from gridkeeper.services.database import open_database

    open_database(db_target, create=True).dispose()
    assert run("board", "property", "--db", db_target, "--period", "2026-11") == 0
    assert "没有登记物业服务企业" in capsys.readouterr().out
    assert run("board", "grids", "--db", db_target, "--period", "2026-11", "--json") == 0
    assert json.loads(capsys.readouterr().out)["grids"] == []

