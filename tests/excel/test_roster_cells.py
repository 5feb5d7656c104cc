"""Column-name synonyms, header detection and cell cleaning, one rule at a time."""

from __future__ import annotations

import pytest

from gridkeeper.excel import cells
from gridkeeper.excel.columns import detect_header, field_for


@pytest.mark.parametrize("name, key", [
    ("户主姓名", "head_name"), ("户主", "head_name"), ("姓名", "name"), ("身份证号码", "id_number"),
    ("公民身份号码", "id_number"), ("证件号码", "id_number"), ("手机号", "phone"), ("电话", "phone"),
    ("楼号", "building"), ("楼栋号", "building"), ("单元号", "unit"), ("门牌号", "room"), ("室", "room"),
    ("小区名称", "compound"), ("居住类型", "housing_use"), ("人员类别", "tags"), ("标签", "tags"),
    ("备注", "notes"), ("与户主关系", "relation"), (" 身份证号（必填）", "id_number"), ("*联系电话", "phone"),
    ("ＩＤ", None), ("车牌号", None),
])
def test_column_synonyms(name, key):
    assert field_for(name) == key


def test_header_found_under_title_rows_and_not_in_a_title_that_mentions_columns():
    rows = [["XX社区住户信息台账"], ["填表单位：XX社区 楼栋 单元"], [], ["序号", "楼栋", "单元", "房号", "户主"], ["1", "7", "2", "301", "王"]]
    assert detect_header(rows).row == 4
    assert detect_header([["说明"]] * 20 + [["楼栋", "单元", "房号", "户主"]]) is None  # beyond row 15


@pytest.mark.parametrize("text, tags", [
    ("低保户、独居", ["低保", "独居老人"]), ("残疾,退役", ["残疾人", "退役军人"]), ("空巢;高龄", ["空巢", "高龄"]),
    ("低保，低保户", ["低保"]), ("无", []), ("特困户 ；留守", ["特困", "留守儿童"]),
])
def test_tags_split_and_synonyms(text, tags):
    assert cells.split_tags(text) == tags


@pytest.mark.parametrize("value, problem", [
    (110105194912310000.0, cells.ID_AS_NUMBER), (110105194912310000, cells.ID_AS_NUMBER),
    ("1.10105194912310E+17", cells.ID_AS_NUMBER), ("1.1010519491231e17", cells.ID_AS_NUMBER),
    ("110105********002X", cells.ID_MASKED), ("11010519491231002x", None), ("１１０１０５", None),
])
def test_id_numbers_mangled_by_the_spreadsheet_are_refused(value, problem):
    assert cells.id_number_problem(value) == problem


def test_cell_text_and_totals_rows():
    assert cells.text(301.0) == "301" and cells.text(13812345678.0) == "13812345678" and cells.text(" a ") == "a"
    assert cells.is_totals_row(["合计", "", 5]) and cells.is_totals_row(["", "总 计"])
    assert not cells.is_totals_row(["1", "合计小区"]) and cells.relation("妻子") == "配偶"
    assert cells.housing_use("租住") == "出租" and cells.people_count("3人") == 3
