"""Importing against what is already saved: updates not duplicates, other grids, heads, ID numbers elsewhere."""

from __future__ import annotations

import openpyxl
import pytest
from sqlmodel import Session

from gridkeeper.services import geography as geo
from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput, ResidentInput
from tests.conftest import TODAY
from tests.excel.make_fixtures import id_number
from tests.excel.roster_helpers import brief, counts, imported, write_xlsx

HEADER = ["小区", "楼栋", "单元", "房号", "户主姓名", "身份证号", "联系电话", "特殊人群"]
WANG = id_number("11010519491231002")


def _xlsx(path, rows, header=HEADER):
    return write_xlsx(path, header, rows)


def test_saved_household_is_updated_not_duplicated(engine, session, place, tmp_path):
    create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                     [ResidentInput(name="王建华", phone="13900000000", is_head=True)])
    session.commit()
    path = _xlsx(tmp_path / "r.xlsx", [["幸福家园", "七号楼", "2", "301室", "王建华", WANG, "138 1234 5678", "独居"]])
    result = imported(engine, path, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)
    assert vars(result.counts) == {"households_added": 0, "households_updated": 1,
                                   "residents_added": 0, "residents_updated": 1}
    assert brief(engine) == [("幸福家园", "7号楼", "2单元", "301", "owner", "13812345678", "王建华", "户主", WANG,
                              "13812345678", ("living_alone",))]


def test_blank_cells_leave_saved_values(engine, session, place, tmp_path):
    create_household(session, HouseholdInput(unit_id=place["unit"], room="301", phone="13900000000"),
                     [ResidentInput(name="王建华", phone="13900000000", id_number=WANG, is_head=True, tags=["低保"])])
    session.commit()
    path = _xlsx(tmp_path / "r.xlsx", [["幸福家园", "7号楼", "2单元", "301", "王建华", "", "", ""]])
    result = imported(engine, path, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)
    assert result.written and result.counts.residents_updated == 0
    assert brief(engine)[0][-2:] == ("13900000000", ("minimum_allowance",))


def test_default_compound_named_after_grid_and_grid_created(engine, tmp_path):
    path = _xlsx(tmp_path / "r.xlsx", [["5号楼", "1单元", "101", "吴芳"]], header=["楼栋", "单元", "房号", "户主"])
    result = imported(engine, path, grid_code="fk-09", grid_name="第九网格", community="福康社区居民委员会", today=TODAY)
    assert brief(engine)[0][:4] == ("第九网格", "5号楼", "1单元", "101")
    assert "文件中没有“小区”列：这些住户归入以网格命名的小区“第九网格”" in result.notes
    assert "网格 FK-09 原先不存在：导入时新建，名称“第九网格”（可在地点树中改名）" in result.notes
    with Session(engine) as session:
        assert geo.require_grid(session, "FK-09").name == "第九网格"
        assert geo.get_community(session).name == "福康社区居民委员会"


def test_missing_grid_without_a_name_is_refused_and_nothing_written(engine, tmp_path):
    from gridkeeper.excel.writer import GridMissing

    path = _xlsx(tmp_path / "r.xlsx", [["5号楼", "1单元", "101", "吴芳"]], header=["楼栋", "单元", "房号", "户主"])
    with pytest.raises(GridMissing, match="没有编码为 FK-09 的网格.*--grid-name"):
        imported(engine, path, grid_code="FK-09", today=TODAY)
    with pytest.raises(geo.NoCommunity, match="--community"):
        imported(engine, path, grid_code="FK-09", grid_name="第九网格", today=TODAY)
    checked = imported(engine, path, grid_code="FK-09", dry_run=True, today=TODAY)
    assert any("没有编码为 FK-09 的网格" in note for note in checked.notes)
    assert counts(engine)["Grid"] == 0 and counts(engine)["Household"] == 0
    with Session(engine) as session:
        assert geo.get_community(session) is None  # never invented (it used to be "本社区")


def test_building_of_another_grid_is_a_problem(engine, session, place, tmp_path):
    geo.create_grid(session, code="FK-04", name="第四网格")
    session.commit()
    path = _xlsx(tmp_path / "r.xlsx", [["幸福家园", "7栋", "2单元", "301", "王建华", WANG, "", ""],
                                       ["幸福家园", "8栋", "1单元", "101", "李四", "", "", ""]])
    result = imported(engine, path, grid_code="FK-04", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
    assert [(p.row, p.column, p.value, p.reason) for p in result.errors] == [
        (2, "楼栋", "7号楼", "幸福家园7号楼属于网格 FK-03，不能导入到网格 FK-04")]
    assert [r[1] for r in brief(engine)] == ["8号楼"]


def test_different_head_and_id_saved_elsewhere_are_problems(engine, session, place, tmp_path):
    create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                     [ResidentInput(name="张三", is_head=True)])
    create_household(session, HouseholdInput(unit_id=place["unit"], room="302"),
                     [ResidentInput(name="王建华", id_number=WANG, is_head=True)])
    session.commit()
    before = counts(engine)
    path = _xlsx(tmp_path / "r.xlsx", [["幸福家园", "7号楼", "2单元", "301", "李四", "", "", ""],
                                       ["幸福家园", "7号楼", "2单元", "303", "王建华", WANG, "", ""]])
    result = imported(engine, path, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)
    assert [(p.row, p.reason) for p in result.errors] == [
        (2, "该户已登记户主张三，与表中户主不同（如已更换户主，请先在软件中修改）"),
        (3, "该身份证号已登记在另一户（居民王建华），请先核对或迁出后再导入")]
    assert not result.written and counts(engine) == before


def test_household_row_without_a_person_makes_an_empty_household(engine, tmp_path):
    header = ["小区", "楼栋", "单元", "房号", "房屋性质", "姓名", "与户主关系"]
    path = _xlsx(tmp_path / "r.xlsx", [["幸福家园", "1", "1", "101", "商铺", "", ""]], header=header)
    result = imported(engine, path, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)
    assert result.written and result.counts.households_added == 1 and counts(engine)["Resident"] == 0


def test_export_writes_formula_like_text_as_text_and_masks_by_default(engine, session, place, tmp_path):
    from gridkeeper.excel.export import export_roster

    create_household(session, HouseholdInput(unit_id=place["unit"], room="301", notes="=HYPERLINK(\"x\")"),
                     [ResidentInput(name="王建华", id_number=WANG, phone="13812345678", is_head=True, notes="+1")])
    session.commit()
    path = tmp_path / "out.xlsx"
    assert export_roster(session, path) == 1
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[3]]
    row = {name: cell for name, cell in zip(header, sheet[4])}
    assert row["户备注"].value == "=HYPERLINK(\"x\")" and row["户备注"].data_type == "s"
    assert row["备注"].value == "+1" and row["备注"].data_type == "s"
    assert row["身份证号"].value == "110105********002X" and row["联系电话"].value == "138****5678"
    assert not list(tmp_path.glob("*.part"))  # written atomically


def test_cells_merged_down_a_column_apply_to_every_row(engine, tmp_path):
    """Real ledgers merge one 小区/楼栋/单元 cell over its households' rows: each row gets that value."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "福康社区第三网格住户信息台账"
    sheet.merge_cells("A1:F1")  # a title across columns: not copied into the header row
    sheet.append(["小区", "楼栋", "单元", "房号", "户主姓名", "联系电话"])
    sheet.append(["幸福家园", "7号楼", "2单元", "301", "张三丰", "13812345678"])
    sheet.append([None, None, None, "302", "单雄信", "13900002222"])
    sheet.append([None, None, "3单元", "401", "王建华", "13700003333"])
    for cells in ("A3:A5", "B3:B5", "C3:C4"):
        sheet.merge_cells(cells)
    path = tmp_path / "merged.xlsx"
    book.save(path)
    result = imported(engine, path, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会")
    assert [p.describe() for p in result.problems] == []
    rows = {(r[0], r[1], r[2], r[3], r[6]) for r in brief(engine)}
    assert rows == {("幸福家园", "7号楼", "2单元", "301", "张三丰"), ("幸福家园", "7号楼", "2单元", "302", "单雄信"),
                    ("幸福家园", "7号楼", "3单元", "401", "王建华")}


def test_the_import_is_written_in_the_callers_unit_of_work(engine, tmp_path):
    """The importer commits nothing itself: the caller's unit of work keeps it all or none of it."""
    from gridkeeper.excel.importer import import_roster
    from gridkeeper.storage.session import unit_of_work
    from tests.db_support import disk_full

    path = _xlsx(tmp_path / "r.xlsx", [["幸福家园", "7号楼", "2单元", "301", "王建华", WANG, "", ""],
                                       ["幸福家园", "7号楼", "2单元", "302", "李四", "", "", ""]])
    names = {"grid_code": "FK-03", "grid_name": "第三网格", "community": "福康社区居民委员会", "today": TODAY}
    with Session(engine) as session:  # a caller that never commits
        assert import_roster(session, path, **names).counts.households_added == 2
    assert counts(engine)["Household"] == 0 and counts(engine)["Grid"] == 0
    # writing the residents fails as on a full disk: the grid and households written before them are not kept
    seen = []

    def residents(statement: str) -> bool:
        seen.append(statement.lstrip().upper())
        return seen[-1].startswith("INSERT INTO RESIDENT ")

    with pytest.raises(Exception, match="disk is full"):
        with disk_full(residents), unit_of_work(engine) as session:
            import_roster(session, path, **names)
    assert any(s.startswith("INSERT INTO HOUSEHOLD ") for s in seen)
    assert counts(engine)["Household"] == 0 and counts(engine)["Grid"] == 0
    with unit_of_work(engine) as session:
        assert import_roster(session, path, **names).written
    assert counts(engine)["Household"] == 2
