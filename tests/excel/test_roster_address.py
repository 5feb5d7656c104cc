"""Rosters that keep the whole address in one 地址/住址 column: exact problems, exact households, re-import."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from gridkeeper.domain.address_text import NO_UNIT
from gridkeeper.excel.columns import detect_header, field_for
from gridkeeper.excel.importer import open_roster
from gridkeeper.excel.problems import ERROR, WARNING
from tests.conftest import TODAY
from tests.excel.roster_helpers import brief, counts, dump, imported

# (name, relation, address, 房号 column); Excel rows 3.. under a title row and the header row.
PEOPLE = [
    ("王建国", "户主", "幸福家园7号楼2单元301室", ""),
    ("刘芳", "配偶", "幸福家园7栋2单元301", ""),          # the same household, written another way
    ("陈静", "户主", "幸福家园7栋2单元302", ""),
    ("林涛", "户主", "7-2-303", ""),
    ("黄蓉", "户主", "7号楼2单元304", ""),
    ("郭靖", "户主", "７＃２－４０１", ""),
    ("杨过", "户主", "幸福家园 7-2-402", ""),
    ("龙女", "户主", "阳光花园小区12幢3单元1502", ""),
    ("张无忌", "户主", "幸福家园8号楼301", ""),            # no unit: unit 1, warned once
    ("赵敏", "配偶", "幸福家园8号楼301", ""),
    ("周芷若", "户主", "红旗街88号", ""),                  # a street address: refused
    ("令狐冲", "户主", "幸福家园9号楼1单元", "501"),        # room in its own column, the rest from the address
    ("任盈盈", "户主", "幸福家园9号楼1单元502室", "503"),   # the 房号 column wins, with a warning
    ("岳灵珊", "户主", "幸福家园7号楼2单元", ""),           # no room anywhere
]
HOUSEHOLD_HEADER = ["序号", "户主姓名", "家庭住址", "房号"]
PERSON_HEADER = ["序号", "姓名", "与户主关系", "住址", "房号"]


def _sheet(layout: str) -> list[list[str]]:
    if layout == "household":
        people = [p for p in PEOPLE if p[1] == "户主"]
        body = [[str(n), name, address, room] for n, (name, _rel, address, room) in enumerate(people, 1)]
        return [["幸福社区住户台账"], HOUSEHOLD_HEADER, *body]
    body = [[str(n), name, relation, address, room] for n, (name, relation, address, room) in enumerate(PEOPLE, 1)]
    return [["幸福社区居民花名册"], PERSON_HEADER, *body]


def _write(tmp_path, layout: str, fmt: str):
    rows = _sheet(layout)
    if fmt == "xlsx":
        path, book = tmp_path / f"{layout}.xlsx", openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        path = tmp_path / f"{layout}_gbk.csv"
        with open(path, "w", encoding="gbk", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return path


def _problems(layout: str) -> list[tuple]:
    column = "家庭住址" if layout == "household" else "住址"
    row = {name: n for n, name in enumerate(
        [p[0] for p in PEOPLE if layout == "person" or p[1] == "户主"], start=3)}
    return [
        (row["张无忌"], column, "幸福家园8号楼301", NO_UNIT, WARNING),
        (row["周芷若"], column, "红旗街88号", "无法从“红旗街88号”中识别楼栋、单元和房号，请分列填写", ERROR),
        (row["任盈盈"], column, "幸福家园9号楼1单元502室", "地址中的房号“502”与“房号”列（503）不一致，已按“房号”列导入",
         WARNING),
        (row["岳灵珊"], column, "幸福家园7号楼2单元", "“幸福家园7号楼2单元”中没有房号，请补上房号或分列填写", ERROR),
    ]


# (compound, building, unit, room as saved, room key, name, relation); no 小区 in the address -> the grid's.
HOUSEHOLDS = sorted([
    ("幸福家园", "7号楼", "2单元", "301", "301", "王建国", "户主"),
    ("幸福家园", "7号楼", "2单元", "302", "302", "陈静", "户主"),
    ("第三网格", "7号楼", "2单元", "303", "303", "林涛", "户主"),
    ("第三网格", "7号楼", "2单元", "304", "304", "黄蓉", "户主"),
    ("第三网格", "7号楼", "2单元", "401", "401", "郭靖", "户主"),
    ("幸福家园", "7号楼", "2单元", "402", "402", "杨过", "户主"),
    ("阳光花园小区", "12号楼", "3单元", "1502", "1502", "龙女", "户主"),
    ("幸福家园", "8号楼", "1单元", "301", "301", "张无忌", "户主"),
    ("幸福家园", "9号楼", "1单元", "501", "501", "令狐冲", "户主"),
    ("幸福家园", "9号楼", "1单元", "503", "503", "任盈盈", "户主"),
])
SPOUSES = [("幸福家园", "7号楼", "2单元", "301", "301", "刘芳", "配偶"),
           ("幸福家园", "8号楼", "1单元", "301", "301", "赵敏", "配偶")]


def _saved(engine) -> list[tuple]:
    return sorted((r[1], r[2], r[4], r[6], r[7], r[12], r[15]) for r in dump(engine))


@pytest.mark.parametrize("fmt", ["xlsx", "gbk.csv"])
@pytest.mark.parametrize("layout", ["household", "person"])
def test_address_column_exact_problems_and_households(engine, tmp_path, layout, fmt):
    roster = open_roster(_write(tmp_path, layout, fmt))
    assert roster.header.row == 2 and roster.header.problems == []
    result = imported(engine, roster, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
    assert [(p.row, p.column, p.value, p.reason, p.severity) for p in result.problems] == _problems(layout)
    expected = sorted(HOUSEHOLDS + (SPOUSES if layout == "person" else []))
    assert _saved(engine) == expected
    assert result.counts.households_added == 10 and result.rows_skipped == 2
    assert "文件中没有“小区”列，地址中也没有小区名：这些住户归入以网格命名的小区“第三网格”" in result.notes

    before_counts, before = counts(engine), dump(engine)
    again = imported(engine, _write(tmp_path, layout, fmt), grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
    assert again.written and vars(again.counts) == {"households_added": 0, "households_updated": 0,
                                                    "residents_added": 0, "residents_updated": 0}
    assert counts(engine) == before_counts and dump(engine) == before


def test_separate_columns_win_and_the_address_fills_the_blanks(engine, tmp_path):
    book = openpyxl.Workbook()
    for row in (["小区", "楼栋", "单元", "房号", "地址", "户主"],
                ["", "5号楼", "1单元", "101", "红旗街88号", "吴芳"],                # unsplittable, not needed
                ["", "12", "3", "1502", "阳光花园小区12幢3单元1502", "冯刚"],      # compound from the address
                ["锦绣华府", "", "", "", "A座2单元1201", "宋江"],                  # the compound column wins
                ["", "6号楼", "", "", "幸福家园9号楼2单元701", "李逵"]):           # 楼栋 column wins, warned
        book.active.append(row)
    path = tmp_path / "both.xlsx"
    book.save(path)
    result = imported(engine, path, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)
    assert [(p.row, p.column, p.value, p.reason) for p in result.problems] == [
        (5, "地址", "幸福家园9号楼2单元701", "地址中的楼栋“9号楼”与“楼栋”列（6号楼）不一致，已按“楼栋”列导入")]
    assert [r[:4] + (r[6],) for r in brief(engine)] == [
        ("幸福家园", "6号楼", "2单元", "701", "李逵"), ("第三网格", "5号楼", "1单元", "101", "吴芳"),
        ("锦绣华府", "A座", "2单元", "1201", "宋江"), ("阳光花园小区", "12号楼", "3单元", "1502", "冯刚")]


@pytest.mark.parametrize("name", ["地址", "住址", "家庭住址", "居住地址", "门牌地址", "详细地址", "房屋地址", "地址（必填）"])
def test_address_column_names(name):
    assert field_for(name) == "address"


def test_address_column_replaces_building_unit_room_columns():
    header = detect_header([["序号", "户主姓名", "住址", "联系电话"], ["1", "王", "7-2-301", ""]])
    assert header.mapping == {1: "head_name", 2: "address", 3: "phone"} and header.problems == []
    header = detect_header([["序号", "户主姓名", "身份证号", "联系电话"]])
    assert [p.column for p in header.problems] == ["楼栋", "单元", "房号"]


def test_export_keeps_separate_columns_that_import_reads_back(engine, tmp_path):
    from sqlmodel import Session

    from gridkeeper.excel.export import export_roster

    imported(engine, _write(tmp_path, "person", "xlsx"), grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
    before = dump(engine)
    path = tmp_path / "out.xlsx"
    with Session(engine) as session:
        export_roster(session, path, full=True)
    header = [c.value for c in openpyxl.load_workbook(path).active[3]]
    assert header[1:5] == ["小区", "楼栋", "单元", "房号"] and "地址" not in header
    again = imported(engine, path, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)
    assert again.written and again.counts.households_added == again.counts.residents_added == 0
    assert dump(engine) == before
