"""Phone numbers: canonical mobiles and landlines, rejected values, masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.phone import mask_phone, normalize_phone


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "138.1234.5678",
        " 13812345678 ",
        "+86 138 1234 5678",
        "+8613812345678",
        "(+86)13812345678",
        "86 13812345678",
        "8613812345678",
        "0086 138 1234 5678",
        "0086-13812345678",
        "１３８１２３４５６７８",
        "13812345678.0",
        "1.3812345678E10",
        13812345678,
    ],
)
def test_mobile_spellings(typed):
    assert normalize_phone(typed) == "13812345678"


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_mobile_prefixes(prefix):
    assert normalize_phone(f"{prefix}912345678") == f"{prefix}912345678"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("0451-86123456", "0451-86123456"),
        ("0451 86123456", "0451-86123456"),
        ("(0451)86123456", "0451-86123456"),
        ("（0451）86123456", "0451-86123456"),
        ("045186123456", "0451-86123456"),
        ("0451-8612-3456", "0451-86123456"),
        ("045 186123456", "0451-86123456"),
        ("+86 451 86123456", "0451-86123456"),
        ("0451-86123456-123", "0451-86123456-123"),
        ("0451-86123456转123", "0451-86123456-123"),
        ("0451 86123456 ext. 8", "0451-86123456-8"),
        ("045186123456-123", "0451-86123456-123"),
        ("010-2000000-0", "010-2000000-0"),  # a group after a full local number is an extension
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),
        ("+86 10 6234 5678", "010-62345678"),
        ("021 5432 1098", "021-54321098"),
        ("0755-2345678", "0755-2345678"),
        ("07552345678", "0755-2345678"),
    ],
)
def test_landline_spellings(typed, canonical):
    assert normalize_phone(typed) == canonical


@pytest.mark.parametrize("empty", ["", "   ", "\u3000", None])
def test_empty_is_allowed(empty):
    assert normalize_phone(empty) == ""


@pytest.mark.parametrize(
    "bad",
    [
        "12345",
        "12812345678",  # 12x is not a mobile prefix
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "86123456",  # local number without area code
        "0451-1234567",  # local numbers never start with 1
        "0451-123",
        "00451-86123456",
        "13812345678转123",  # mobiles have no extensions
        "abc",
        "138-1234-567a",
        "+1 202 555 0143",
    ],
)
def test_rejected(bad):
    with pytest.raises(ValueRuleError) as caught:
        normalize_phone(bad)
    assert caught.value.field == "phone"


def test_error_wording_and_field():
    with pytest.raises(ValueRuleError) as caught:
        normalize_phone("12345")
    assert str(caught.value) == "联系电话：“12345”不是有效的手机号或带区号的座机号"
    with pytest.raises(ValueRuleError) as caught:
        normalize_phone("12345", field="person_phone")
    assert caught.value.field == "person_phone"


@pytest.mark.parametrize(
    ("typed", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("0451-86123423", "0451-****23"),
        ("0451-86123423-123", "0451-****23"),
        ("010 62345678", "010-****78"),
        ("", ""),
        (None, ""),
        ("12345", "*****"),
        ("not-a-phone", "not******ne"),
    ],
)
def test_mask_phone(typed, masked):
    assert mask_phone(typed) == masked


# --- properties -----------------------------------------------------------------------------

mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
landlines = st.builds(
    lambda area, local, ext: f"{area}-{local}" + (f"-{ext}" if ext else ""),
    st.sampled_from(["010", "020", "021", "023", "0451", "0431", "0755", "0571", "0898"]),
    st.from_regex(r"[2-9][0-9]{6,7}", fullmatch=True),
    st.one_of(st.just(""), st.from_regex(r"[0-9]{1,4}", fullmatch=True)),
)
separators = st.sampled_from(["", " ", "-", ".", "  "])


@given(st.one_of(mobiles, landlines))
def test_normalize_is_idempotent_on_its_outputs(phone):
    assert normalize_phone(phone) == phone
    assert normalize_phone(normalize_phone(phone)) == phone


@given(mobiles, separators, st.sampled_from(["", "+86 ", "86", "0086-", "+86-"]))
def test_any_mobile_spelling_normalises_to_its_digits(mobile, sep, prefix):
    typed = prefix + sep.join([mobile[:3], mobile[3:7], mobile[7:]])
    assert normalize_phone(typed) == mobile


@given(landlines, st.sampled_from(["{a} {l}", "({a}){l}", "{a}{l}", "{a}-{l}"]))
def test_any_landline_spelling_normalises(canonical, template):
    area, local = canonical.split("-")[:2]
    assert normalize_phone(template.format(a=area, l=local)) == f"{area}-{local}"


@given(st.text(max_size=20))
def test_arbitrary_text_either_normalises_or_raises_rule_error(text):
    try:
        result = normalize_phone(text)
    except ValueRuleError:
        return
    assert normalize_phone(result) == result
    assert "*" in mask_phone(text) or result == ""
