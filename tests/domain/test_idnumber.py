"""Resident ID numbers (GB 11643): public vectors, error wording, masking and generated numbers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from gridkeeper.domain.enums import Gender
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.idnumber import (
    IdInfo,
    check_against,
    id_reversed,
    mask_id_number,
    normalize_id_number,
    parse_id_number,
)

TODAY = date(2025, 6, 1)
KNOWN_REGIONS = ["110105", "110108", "230103", "230102", "310101", "440305", "500103", "360426", "650102"]


def parse(text: str) -> IdInfo:
    """parse_id_number with a fixed today."""
    return parse_id_number(text, today=TODAY)


def reason(text: str) -> str:
    """The reason parse_id_number gives for rejecting `text`."""
    with pytest.raises(ValueRuleError) as caught:
        parse(text)
    assert caught.value.field == "id_number" and caught.value.label == "身份证号"
    return caught.value.reason


def make_id(region: str, born: date, sequence: int) -> str:
    """A valid 18-digit number built the way GB 11643 says."""
    body = f"{region}{born:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


# --- known-good vectors ---------------------------------------------------------------------


def test_gb11643_example_female():
    info = parse("11010519491231002X")
    assert info.number == "11010519491231002X"
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender is Gender.FEMALE
    assert info.region_code == "110105"
    assert info.region_known
    assert not info.upgraded_from_15
    assert info.warnings == ()


def test_gb11643_example_male_1880_is_valid_but_warned_about_age():
    info = parse("440524188001010014")
    assert info.birth_date == date(1880, 1, 1)
    assert info.gender is Gender.MALE
    assert info.region_known  # 潮阳县, abolished since: still a known code
    assert any("145岁" in w for w in info.warnings)


def test_stdnum_doc_example():
    info = parse("360426199101010071")
    assert info.birth_date == date(1991, 1, 1)
    assert info.gender is Gender.MALE


@pytest.mark.parametrize(
    "typed",
    ["11010519491231002x", " 110105 19491231 002X ", "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002ｘ"],
)
def test_normalisation_of_spaces_full_width_and_lower_x(typed):
    assert normalize_id_number(typed) == "11010519491231002X"
    assert parse(typed).number == "11010519491231002X"


def test_fifteen_digit_number_is_upgraded():
    info = parse("110105491231002")
    assert info.number == "11010519491231002X"
    assert info.upgraded_from_15
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender is Gender.FEMALE


def test_unknown_region_is_a_warning_not_an_error():
    number = make_id("990105", date(1980, 5, 6), 11)
    info = parse(number)
    assert not info.region_known
    assert any("990105" in w for w in info.warnings)


def test_region_falls_back_to_province_prefix_without_stdnum_data(monkeypatch):
    from stdnum import numdb

    def broken(name):
        raise OSError("loc.dat missing")

    monkeypatch.setattr(numdb, "get", broken)
    assert parse(make_id("119999", date(1980, 5, 6), 11)).region_known
    assert not parse(make_id("990105", date(1980, 5, 6), 11)).region_known


def test_born_today_is_accepted():
    assert parse(make_id("110105", TODAY, 1)).birth_date == TODAY


# --- known-bad vectors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "不能为空"),
        ("   ", "不能为空"),
        ("11010519491231002", "应为18位，实际为17位"),
        ("11010519491231002X1", "应为18位，实际为19位"),
        ("1101051949", "应为18位，实际为10位"),
        ("11010519491231002A", "只能由数字组成，末位可以是X，发现“A”"),
        ("1101051949X231002X", "只能由数字组成，末位可以是X，发现“X”"),
        ("11010549123100X", "只能由数字组成，发现“X”"),
        ("11010519990231002X", "出生日期19990231不存在"),
        ("11010520000230002X", "出生日期20000230不存在"),
        ("11010519491331002X", "出生日期19491331不存在"),
        ("11010519490000002X", "出生日期19490000不存在"),
        ("110105990230002", "出生日期19990230不存在"),
        ("110105194912310021", "校验位应为X，实际为1"),
        ("440524188001010015", "校验位应为4，实际为5"),
    ],
)
def test_bad_numbers_are_rejected_with_specific_reasons(text, expected):
    assert reason(text) == expected


def test_future_birth_date_is_rejected():
    number = make_id("110105", date(2025, 6, 2), 1)
    assert reason(number) == "出生日期2025年6月2日晚于今天"
    assert parse_id_number(number, today=date(2025, 6, 2)).birth_date == date(2025, 6, 2)


def test_error_message_and_custom_field():
    with pytest.raises(ValueRuleError) as caught:
        parse_id_number("123", today=TODAY, field="户主身份证号")
    assert str(caught.value) == "户主身份证号：应为18位，实际为3位"
    assert isinstance(caught.value, ValueError)


# --- check_against --------------------------------------------------------------------------


def test_check_against_agrees():
    info = parse("11010519491231002X")
    check_against(info, birth_date=date(1949, 12, 31), gender=Gender.FEMALE)
    check_against(info, gender="女")
    check_against(info, gender="female")
    check_against(info)


def test_check_against_birth_date_mismatch():
    info = parse(make_id("110105", date(1956, 3, 8), 12))
    with pytest.raises(ValueRuleError) as caught:
        check_against(info, birth_date=date(1956, 8, 3))
    assert caught.value.reason == "出生日期与身份证号不一致（号码中为1956年3月8日）"


def test_check_against_gender_mismatch():
    info = parse("11010519491231002X")
    with pytest.raises(ValueRuleError) as caught:
        check_against(info, gender=Gender.MALE, field="身份证")
    assert str(caught.value) == "身份证：性别与身份证号不一致（号码中为女）"
    with pytest.raises(ValueRuleError):
        check_against(info, gender="男")


# --- masking and reversal -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("11010519491231002x", "110105********002X"),
        ("110105491231002", "110**********02"),
        ("12345", "*****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(number, masked):
    assert mask_id_number(number) == masked


def test_id_reversed():
    assert id_reversed("11010519491231002x") == "X20013219491501011"
    assert id_reversed("") == ""


# --- properties -----------------------------------------------------------------------------

valid_ids = st.builds(
    make_id,
    st.sampled_from(KNOWN_REGIONS),
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.integers(min_value=0, max_value=999),
)


@given(valid_ids)
def test_generated_ids_parse_and_round_trip(number):
    info = parse(number)
    assert info.number == number
    assert info.birth_date.strftime("%Y%m%d") == number[6:14]
    assert info.gender is (Gender.MALE if int(number[16]) % 2 else Gender.FEMALE)
    assert info.region_known
    assert all("岁" in w for w in info.warnings)  # only the over-120 age warning may appear
    assert parse(number.lower()).number == number
    assert parse(info.number) == info
    check_against(info, birth_date=info.birth_date, gender=info.gender)


@given(
    st.sampled_from(KNOWN_REGIONS),
    st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)),
    st.integers(min_value=0, max_value=999),
)
def test_fifteen_digit_form_upgrades_to_the_eighteen_digit_form(region, born, sequence):
    old = f"{region}{born:%y%m%d}{sequence:03d}"
    info = parse(old)
    assert info.upgraded_from_15
    assert info.number == make_id(region, born, sequence)


@given(valid_ids, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10))
def test_any_single_character_change_is_caught(number, position, shift):
    alphabet = "0123456789X" if position == 17 else "0123456789"
    old = number[position]
    new = alphabet[(alphabet.index(old) + shift) % len(alphabet)]
    if new == old:
        return
    with pytest.raises(ValueRuleError):
        parse(number[:position] + new + number[position + 1 :])


@given(valid_ids, st.integers(min_value=0, max_value=15))
def test_adjacent_transpositions_are_caught(number, position):
    a, b = number[position], number[position + 1]
    if a == b:
        return
    with pytest.raises(ValueRuleError):
        parse(number[:position] + b + a + number[position + 2 :])
