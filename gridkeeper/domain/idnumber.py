"""Resident ID numbers (居民身份证号码, GB 11643-1999): normalising, checking, masking.

python-stdnum (`stdnum.cn.ric`) supplies the MOD 11-2 check digit, the birth-date reading and the
region table.  The rest is hand-written because stdnum's `validate` only says *that* a number is
wrong, while a steward needs to be told *what* is wrong, in Chinese, and because it treats an
unknown or re-coded region as an error where we only want a warning (people keep the number they
were issued long after their county was merged or renamed).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from stdnum.cn import ric

from gridkeeper.domain.enums import Gender
from gridkeeper.domain.errors import ValueRuleError

# First two digits of every province-level division (GB/T 2260), used when stdnum's table is
# unavailable, e.g. in a frozen build that left out stdnum's data files.
_PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
_OLDEST_PLAUSIBLE_AGE = 120


@dataclass(frozen=True)
class IdInfo:
    """A checked resident ID number and what it says about its holder."""

    number: str
    birth_date: date
    gender: Gender
    region_code: str
    region_known: bool
    upgraded_from_15: bool
    warnings: tuple[str, ...] = ()


def normalize_id_number(text: str | None) -> str:
    """Remove spaces, turn full-width characters into ASCII and write a trailing x as X."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(text.split()).replace("x", "X")


def _date_zh(day: date) -> str:
    """A date written the Chinese way without leading zeros, e.g. 1956年3月8日."""
    return f"{day.year}年{day.month}月{day.day}日"


@lru_cache(maxsize=8192)  # stdnum's table walk is 75% of checking an ID; imports check 50k at once
def _region_known(region_code: str) -> bool:
    """Whether the 6-digit region code is in stdnum's table (any period), else a known province."""
    try:
        from stdnum import numdb

        results = numdb.get("cn/loc").info(region_code)
    except (ImportError, OSError):
        return region_code[:2] in _PROVINCE_CODES
    # stdnum's ric.get_birth_place also rejects codes created after the birth year; we don't,
    # since the code is where the card was issued, which is often years after the birth.
    return any("county" in props for _part, props in results)


def _upgrade_15(number: str) -> str:
    """Turn a 15-digit first-generation number into its 18-digit form (century 19, check digit)."""
    body = number[:6] + "19" + number[6:]
    return body + ric.calc_check_digit(body + "0")


def parse_id_number(text: str | None, *, today: date | None = None, field: str = "id_number") -> IdInfo:
    """Check a resident ID number and return its normalised 18-digit form with what it encodes."""
    number = normalize_id_number(text)
    if not number:
        raise ValueRuleError(field, "不能为空")
    if len(number) not in (15, 18):
        raise ValueRuleError(field, f"应为18位，实际为{len(number)}位")
    bad = [ch for i, ch in enumerate(number) if not ("0" <= ch <= "9" or (ch == "X" and i == 17))]
    if bad:
        where = "，末位可以是X" if len(number) == 18 else ""
        raise ValueRuleError(field, f"只能由数字组成{where}，发现“{bad[0]}”")
    upgraded = len(number) == 15
    if upgraded:
        number = _upgrade_15(number)

    try:  # the number is clean already: stdnum's get_birth_date would clean it again (a third of the time)
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValueRuleError(field, f"出生日期{number[6:14]}不存在") from None
    today = today or date.today()
    if birth > today:
        raise ValueRuleError(field, f"出生日期{_date_zh(birth)}晚于今天")
    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        raise ValueRuleError(field, f"校验位应为{expected}，实际为{number[17]}")

    warnings: list[str] = []
    region = number[:6]
    known = _region_known(region)
    if not known:
        warnings.append(f"地区码{region}不在行政区划代码表中，请核对号码前6位")
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    if age > _OLDEST_PLAUSIBLE_AGE:
        warnings.append(f"按号码计算年龄为{age}岁，请核对出生日期")
    return IdInfo(
        number=number,
        birth_date=birth,
        gender=Gender.MALE if int(number[16]) % 2 else Gender.FEMALE,
        region_code=region,
        region_known=known,
        upgraded_from_15=upgraded,
        warnings=tuple(warnings),
    )


def check_against(
    info: IdInfo,
    *,
    birth_date: date | None = None,
    gender: Gender | str | None = None,
    field: str = "id_number",
) -> None:
    """Raise if a separately entered birth date or gender disagrees with the ID number."""
    if birth_date is not None and birth_date != info.birth_date:
        raise ValueRuleError(field, f"出生日期与身份证号不一致（号码中为{_date_zh(info.birth_date)}）")
    if gender is not None and gender != "":
        try:
            typed = gender if isinstance(gender, Gender) else Gender.from_text(gender)
        except ValueError:
            raise ValueRuleError("gender", f"“{gender}”不是有效的性别，应为男或女") from None
        if typed != info.gender:
            raise ValueRuleError(field, f"性别与身份证号不一致（号码中为{info.gender.label}）")


def mask_id_number(number: str | None) -> str:
    """Hide the middle of an ID number: 110105********002X; other lengths keep first 3 and last 2."""
    number = normalize_id_number(number)
    if not number:
        return ""
    if len(number) == 18:
        return number[:6] + "*" * 8 + number[-4:]
    if len(number) <= 5:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 5) + number[-2:]


def id_reversed(number: str | None) -> str:
    """The normalised number written backwards, so a prefix index can answer suffix searches."""
    return normalize_id_number(number)[::-1]
