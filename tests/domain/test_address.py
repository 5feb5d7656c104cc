"""Building, unit and room keys and labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridkeeper.domain.address import (
    building_key,
    building_label,
    chinese_numeral_to_int,
    floor_of_room,
    room_key,
    unit_key,
    unit_label,
)
from gridkeeper.domain.errors import ValueRuleError


@pytest.mark.parametrize(
    "typed",
    ["7号楼", "7栋", "7幢", "7#", "７号楼", "7号", "7", "七号楼", " 7 号楼 ", "7.0", "07号楼", "第7栋", "7楼", 7, 7.0],
)
def test_building_seven(typed):
    assert building_key(typed) == "7"
    assert building_label(typed) == "7号楼"


@pytest.mark.parametrize(
    ("typed", "key", "label"),
    [
        ("A座", "A", "A座"),
        ("A栋", "A", "A座"),
        ("a座", "A", "A座"),
        ("Ａ座", "A", "A座"),
        ("B1栋", "B1", "B1座"),
        ("十二号楼", "12", "12号楼"),
        ("二十三栋", "23", "23号楼"),
        ("综合楼", "综合楼", "综合楼"),
        (" 综 合 楼 ", "综合楼", "综合楼"),
        ("临街商铺", "临街商铺", "临街商铺"),
    ],
)
def test_building_other_labels(typed, key, label):
    assert building_key(typed) == key
    assert building_label(typed) == label


@pytest.mark.parametrize("empty", ["", "  ", None])
def test_building_empty(empty):
    with pytest.raises(ValueRuleError) as caught:
        building_key(empty)
    assert caught.value.field == "building" and caught.value.label == "楼栋"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("2单元", "2"),
        ("二单元", "2"),
        ("2", "2"),
        ("２单元", "2"),
        ("2.0", "2"),
        (2, "2"),
        ("十二单元", "12"),
        ("第三单元", "3"),
        ("2 单元", "2"),
        ("2门", "2"),
        ("东单元", "东"),
        ("a单元", "A"),
    ],
)
def test_unit_key(typed, key):
    assert unit_key(typed) == key
    assert unit_label(typed) == f"{key}单元"


@pytest.mark.parametrize("bad", ["", "  ", "单元", "0单元", None])
def test_unit_rejected(bad):
    with pytest.raises(ValueRuleError) as caught:
        unit_key(bad)
    assert caught.value.field == "unit" and caught.value.label == "单元"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("301", "301"),
        ("301室", "301"),
        ("３０１", "301"),
        ("301.0", "301"),
        (301, "301"),
        (" 301 号 ", "301"),
        ("301号房", "301"),
        ("1-301", "1-301"),
        ("1－301", "1-301"),
        ("1—301室", "1-301"),
        ("b101", "B101"),
        ("0301", "0301"),
    ],
)
def test_room_key(typed, key):
    assert room_key(typed) == key


@pytest.mark.parametrize("bad", ["", " ", "室", None])
def test_room_rejected(bad):
    with pytest.raises(ValueRuleError) as caught:
        room_key(bad)
    assert caught.value.field == "room" and caught.value.label == "房号"


@pytest.mark.parametrize(
    ("room", "floor"),
    [
        ("301", 3),
        ("1201", 12),
        ("1-301", 3),
        ("101室", 1),
        ("B101", None),
        ("21", None),
        ("12345", None),
        ("001", None),
        ("", None),
        ("商铺", None),
    ],
)
def test_floor_of_room(room, floor):
    assert floor_of_room(room) == floor


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("九十九", 99),
        ("两", 2),
        ("零", 0),
        ("一百零五", 105),
        ("12", 12),
    ],
)
def test_chinese_numerals(text, value):
    assert chinese_numeral_to_int(text) == value


@pytest.mark.parametrize("bad", ["", "一二", "十十", "百", "七号", "abc"])
def test_chinese_numerals_rejected(bad):
    with pytest.raises(ValueError):
        chinese_numeral_to_int(bad)


# --- properties -----------------------------------------------------------------------------

DIGITS_ZH = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """1..99 written in Chinese numerals."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS_ZH[tens] + "十")
    return head + (DIGITS_ZH[ones] if ones else "")


@given(st.integers(min_value=1, max_value=99))
def test_chinese_numerals_round_trip(n):
    assert chinese_numeral_to_int(to_chinese(n)) == n
    assert building_key(to_chinese(n) + "号楼") == str(n)
    assert unit_key(to_chinese(n) + "单元") == str(n)


address_text = st.text(
    alphabet=st.sampled_from(list("0123456789０１２ABCabc一二三十号楼栋幢座单元门室房#-—. 　综合商铺第")),
    min_size=1,
    max_size=12,
)


@given(address_text)
def test_building_key_is_idempotent(text):
    try:
        key = building_key(text)
    except ValueRuleError:
        return
    assert building_key(key) == key
    assert building_key(building_label(key)) == key


@given(address_text)
def test_unit_key_is_idempotent(text):
    try:
        key = unit_key(text)
    except ValueRuleError:
        return
    assert unit_key(key) == key
    assert unit_key(unit_label(key)) == key


@given(address_text)
def test_room_key_is_idempotent(text):
    try:
        key = room_key(text)
    except ValueRuleError:
        return
    assert room_key(key) == key


@given(st.text(max_size=12))
def test_room_key_never_fails_otherwise(text):
    try:
        key = room_key(text)
    except ValueRuleError:
        return
    assert room_key(key) == key
