"""The fixture files (every messy case, in every format): exact problems and exact records."""

from __future__ import annotations

from datetime import date

import pytest
from tests.excel.roster_helpers import FORMATS, brief, counts, dump, fixture, imported

from gridkeeper.excel.importer import check_rows, open_roster, summary_lines
from gridkeeper.excel.problems import ERROR, WARNING

from tests.conftest import TODAY  # noqa: E402
AS_NUMBER = "以数字格式保存，末几位已丢失，请改为文本格式重新录入"
TAGS = "独居老人、高龄、空巢、残疾人、低保、特困、困难家庭、退役军人、留守儿童、新就业群体"

HOUSEHOLD_PROBLEMS = [
    (3, "车牌号", "", "不是可识别的列名，此列未导入（如需导入，请在导入向导中指定对应字段）", WARNING),
    (7, "公民身份号码", "1.10105194912310E+17", AS_NUMBER, ERROR),
    (8, "户主", "王建华", "与第4行重复（地址和户主都相同）", ERROR),
    (9, "公民身份号码", "11010519491231002X", "与第4行的身份证号相同（同一人不能登记两次）", ERROR),
    (10, "公民身份号码", "110105194912310021", "校验位应为X，实际为1", ERROR),
    (11, "手机号", "12345", "“12345”不是有效的手机号或带区号的座机号", ERROR),
    (12, "公民身份号码", "990101198001010030", "地区码990101不在行政区划代码表中，请核对号码前6位", WARNING),
    (13, "人员类别", "党员", f"“党员”不是可选的值（可选：{TAGS}）", ERROR),
    (14, "公民身份号码", "1.10105194912310E+17", AS_NUMBER, ERROR),
]
HOUSEHOLD_RECORDS = [
    ("幸福家园", "7号楼", "2单元", "301", "owner", "13812345678", "王建华", "户主", "11010519491231002X",
     "13812345678", ("living_alone", "minimum_allowance")),
    ("幸福家园", "7号楼", "2单元", "302", "rented", "13812345679", "李秀英", "户主", "110105195302280024",
     "13812345679", ("disabled", "veteran")),
    ("幸福家园", "8号楼", "1单元", "1201", "vacant", "0451-86123456", "冯小刚", "户主", "230103195710170013",
     "0451-86123456", ("aged_80", "empty_nest")),
    ("阳光小区", "3号楼", "1单元", "202", "owner", "13700001111", "周杰", "户主", "990101198001010030",
     "13700001111", ()),
]
PERSON_PROBLEMS = [
    (5, "身份证号码", "110105200003030010", "性别与身份证号不一致（号码中为男）", ERROR),
    (7, "姓名", "陈静", "与第6行重复（同一户中同一人）", ERROR),
    (9, "与户主关系", "户主", "该户已有户主（第8行），一户只能有一位户主", ERROR),
    (10, "与户主关系", "", "不能为空（户主本人请填“户主”）", ERROR),
]
PERSON_RECORDS = [
    ("幸福家园", "7号楼", "2单元", "301", "owner", "13812345678", "刘芳", "配偶", "110105197202020021", "",
     ("disabled",)),
    ("幸福家园", "7号楼", "2单元", "301", "owner", "13812345678", "王建国", "户主", "110105197001010011",
     "13812345678", ()),
    ("幸福家园", "7号楼", "2单元", "302", "owner", "13800001111", "陈静", "户主", "110105194004040028",
     "13800001111", ("aged_80", "living_alone")),
    ("幸福家园", "7号楼", "2单元", "303", "owner", "", "林涛", "户主", "110105198005050015", "", ()),
]


def _problems(result) -> list[tuple]:
    return [(p.row, p.column, p.value, p.reason, p.severity) for p in result.problems]


@pytest.mark.parametrize("fmt", FORMATS)
def test_household_layout_exact_problems_and_records(engine, fmt):
    roster = open_roster(fixture("household", fmt))
    assert roster.header.row == 3 and not roster.header.per_person
    result = imported(engine, roster, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
    assert _problems(result) == HOUSEHOLD_PROBLEMS
    assert brief(engine) == HOUSEHOLD_RECORDS
    assert (result.data_rows, result.ignored_rows, result.rows_imported, result.rows_skipped) == (11, 2, 4, 7)
    # 人数 of row 4 is the formula =1+2: two people short there, one at 302.
    assert "2 户的“人数”多于表中登记的居民（共少 3 人），请在住户详情中补录其他家庭成员" in result.notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_person_layout_exact_problems_and_records(engine, fmt):
    roster = open_roster(fixture("person", fmt))
    assert roster.header.row == 2 and roster.header.per_person
    result = imported(engine, roster, grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
    assert _problems(result) == PERSON_PROBLEMS
    assert brief(engine) == PERSON_RECORDS
    assert (result.counts.households_added, result.counts.residents_added) == (3, 4)


def test_derived_columns_are_filled(engine):
    imported(engine, fixture("household", "xlsx"), grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
    wang = next(r for r in dump(engine) if r[12] == "王建华")
    # building sort 7, unit sort 2, room key 301 on floor 3; initials, pinyin, reversed ID, birth date, gender
    assert wang[3] == 7 and wang[5] == 2 and wang[8] == 3
    assert wang[13:15] == ("wjh", "wangjianhua")
    assert wang[19] == "11010519491231002X"[::-1] and wang[20] == date(1949, 12, 31) and wang[17] == "female"
    assert counts(engine)["Grid"] == 1


def test_reimport_changes_nothing(engine):
    for layout in ("household", "person"):
        imported(engine, fixture(layout, "xlsx"), grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
    before_counts, before = counts(engine), dump(engine)
    for layout in ("household", "person"):
        again = imported(engine, fixture(layout, "xls"), grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True, today=TODAY)
        assert again.written
        assert vars(again.counts) == {"households_added": 0, "households_updated": 0,
                                      "residents_added": 0, "residents_updated": 0}
    assert counts(engine) == before_counts
    assert dump(engine) == before


def test_errors_without_skip_invalid_import_nothing(engine):
    result = imported(engine, fixture("household", "xlsx"), grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)
    assert not result.written and len(result.errors) == 7
    assert counts(engine)["Household"] == 0 and counts(engine)["Grid"] == 0
    assert "导入 0 行，跳过 11 行" in summary_lines(result)[2]


def test_dry_run_changes_nothing_but_reports(engine):
    result = imported(engine, fixture("person", "xlsx"), grid_code="FK-03", grid_name="第三网格", community="福康社区居民委员会", skip_invalid=True,
                           dry_run=True, today=TODAY)
    assert not result.written and result.counts.residents_added == 4
    assert set(counts(engine).values()) == {0}
    assert summary_lines(result, dry_run=True)[0] == "住户：将新增 3 户，将更新 0 户"


def test_checking_alone_needs_no_database():
    checked = check_rows(open_roster(fixture("household", "gbk.csv")), today=TODAY)
    assert [p.row for p in checked.problems if p.is_error] == [7, 10, 11, 13, 14, 8, 9]
    assert [row.row for row in checked.rows] == [4, 5, 12, 15]
