"""One-cell addresses split into compound, building, unit and room: the formats rosters use, and refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridkeeper.domain.address_text import NO_UNIT, AddressParts, normalize_address, split_address
from gridkeeper.domain.errors import RuleWarning, ValueRuleError


@pytest.mark.parametrize(("typed", "compound", "building", "unit", "room", "keys"), [
    ("幸福家园7号楼2单元301室", "幸福家园", "7号楼", "2单元", "301", ("7", "2", "301")),
    ("幸福家园7栋2单元301", "幸福家园", "7栋", "2单元", "301", ("7", "2", "301")),
    ("7-2-301", "", "7", "2", "301", ("7", "2", "301")),
    ("7号楼2单元301", "", "7号楼", "2单元", "301", ("7", "2", "301")),
    ("７＃２－３０１", "", "7#", "2", "301", ("7", "2", "301")),
    ("幸福家园 7-2-301", "幸福家园", "7", "2", "301", ("7", "2", "301")),
    ("阳光花园小区12幢3单元1502", "阳光花园小区", "12幢", "3单元", "1502", ("12", "3", "1502")),
    ("七号楼二单元301", "", "七号楼", "二单元", "301", ("7", "2", "301")),
    ("幸福家园二期7号楼1单元101", "幸福家园二期", "7号楼", "1单元", "101", ("7", "1", "101")),
    ("  幸福  家园  7 号楼 2 单元 301 室 ", "幸福 家园", "7号楼", "2单元", "301", ("7", "2", "301")),
    ("锦绣华府A座2单元1201", "锦绣华府", "A座", "2单元", "1201", ("A", "2", "1201")),
    ("SOHO7号楼2单元301", "SOHO", "7号楼", "2单元", "301", ("7", "2", "301")),
    ("7号2单元301", "", "7号", "2单元", "301", ("7", "2", "301")),
    ("7号楼2-301", "", "7号楼", "2", "301", ("7", "2", "301")),
    ("7栋2单元-301室", "", "7栋", "2单元", "301", ("7", "2", "301")),
    ("幸福家园7号楼东单元5号", "幸福家园", "7号楼", "东单元", "5", ("7", "东", "5")),
    ("第7栋第2单元301", "", "第7栋", "第2单元", "301", ("7", "2", "301")),
    ("b-1-502", "", "B", "1", "502", ("B", "1", "502")),
    ("幸福家园12—3—1502室", "幸福家园", "12", "3", "1502", ("12", "3", "1502")),
])
def test_split(typed, compound, building, unit, room, keys):
    parts = split_address(typed)
    assert parts == AddressParts(compound, building, unit, room)
    assert parts.keys == keys


@pytest.mark.parametrize(("typed", "keys"), [("7号楼301", ("7", "1", "301")), ("幸福家园7#301室", ("7", "1", "301"))])
def test_no_unit_is_unit_one_with_a_warning(typed, keys):
    parts = split_address(typed)
    assert parts.keys == keys and parts.unit == "1"
    assert parts.warnings == (RuleWarning("address", NO_UNIT),) and str(parts.warnings[0]) == f"地址：{NO_UNIT}"


@pytest.mark.parametrize(("typed", "reason"), [
    ("红旗街88号", "无法从“红旗街88号”中识别楼栋、单元和房号，请分列填写"),
    ("红旗街88号301室", "无法从“红旗街88号301室”中识别楼栋、单元和房号，请分列填写"),
    ("7-301", "无法从“7-301”中识别楼栋、单元和房号，请分列填写"),
    ("幸福家园", "无法从“幸福家园”中识别楼栋、单元和房号，请分列填写"),
    ("幸福家园7号楼2单元301室（出租）", "无法从“幸福家园7号楼2单元301室（出租）”中识别楼栋、单元和房号，请分列填写"),
    ("7栋2单元", "“7栋2单元”中没有房号，请补上房号或分列填写"),
    ("7号楼", "“7号楼”中没有房号，请补上房号或分列填写"),
    ("7栋0单元301", "“7栋0单元301”中的单元有误：单元号不能为0"),
    ("", "不能为空"),
    ("   ", "不能为空"),
    (None, "不能为空"),
])
def test_refused(typed, reason):
    with pytest.raises(ValueRuleError) as caught:
        split_address(typed)
    assert (caught.value.field, caught.value.reason) == ("address", reason)
    assert str(caught.value) == f"地址：{reason}"


def test_room_in_its_own_column():
    assert split_address("幸福家园7号楼2单元", need_room=False) == AddressParts("幸福家园", "7号楼", "2单元", "")
    assert split_address("7栋2单元301", need_room=False).room == "301"
    assert split_address("幸福家园7号楼", need_room=False).warnings == (RuleWarning("address", NO_UNIT),)
    with pytest.raises(ValueRuleError) as caught:
        split_address("红旗街88号", need_room=False)
    assert caught.value.reason == "无法从“红旗街88号”中识别楼栋和单元，请分列填写"


def test_normalize_address():
    assert normalize_address("７＃２－３０１ａ") == "7#2-301A"
    assert normalize_address(None) == ""


_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """1..99 in Chinese numerals (十二, 二十三)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _DIGITS[tens]) + "十" if tens else "") + (_DIGITS[ones] if ones else "")


def _wide(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


# Compound names: no numerals and no building/unit/room words (those would make any split ambiguous).
compounds = st.text(alphabet="幸福家园阳光花锦绣华府城苑新村明珠嘉和平安泰 ", min_size=1, max_size=8).map(
    lambda s: s + "小区" if len(s) % 3 == 0 else s).filter(str.strip)
FORMATS = [
    lambda c, b, u, r: (f"{c}{b}号楼{u}单元{r}室", True),
    lambda c, b, u, r: (f"{c}{b}栋{u}单元{r}", True),
    lambda c, b, u, r: (f"{b}-{u}-{r}", False),
    lambda c, b, u, r: (f"{b}号楼{u}单元{r}", False),
    lambda c, b, u, r: (_wide(f"{b}#{u}-{r}"), False),
    lambda c, b, u, r: (f"{c} {b}-{u}-{r}", True),
    lambda c, b, u, r: (f"{c}{b}幢{u}单元{r}", True),
    lambda c, b, u, r: (f"{c}{_chinese(b)}号楼{_chinese(u)}单元{r}", True),
]


@given(compound=compounds, building=st.integers(1, 99), unit=st.integers(1, 9), floor=st.integers(1, 33),
       door=st.integers(1, 20), fmt=st.sampled_from(FORMATS))
def test_round_trip(compound, building, unit, floor, door, fmt):
    room = f"{floor}{door:02d}"
    typed, has_compound = fmt(compound, building, unit, room)
    parts = split_address(typed)
    assert parts.keys == (str(building), str(unit), room)
    assert parts.compound == (" ".join(compound.split()) if has_compound else "")
    assert parts.warnings == ()


@given(compound=compounds, building=st.integers(1, 99), floor=st.integers(1, 33), door=st.integers(1, 20))
def test_round_trip_without_unit(compound, building, floor, door):
    parts = split_address(f"{compound}{building}号楼{floor}{door:02d}")
    assert parts.keys == (str(building), "1", f"{floor}{door:02d}") and len(parts.warnings) == 1
