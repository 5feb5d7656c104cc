"""Building, unit and room labels: comparison keys (7号楼 = 7栋 = 七号楼 = "7") and display labels.

Hand-written: these are the ways stewards and property companies write addresses in their
spreadsheets, and no library covers them.
"""

from __future__ import annotations

import re
import unicodedata

from gridkeeper.domain.errors import ValueRuleError

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}
_CN_NUMBER = "[零〇一二两三四五六七八九十百]+"
_FLOAT_ZERO = re.compile(r"(\d+)\.0+")
_BUILDING_NUMBER = re.compile(rf"第?(\d+|{_CN_NUMBER})(?:号楼|号栋|号幢|号|栋|幢|楼|座|#)?")
_BUILDING_LETTER = re.compile(r"([A-Za-z]{1,2}\d{0,2}|\d{1,3}[A-Za-z])(?:号楼|号|栋|幢|楼|座|区|#)?")
_UNIT_SUFFIX = re.compile(r"(?:单元门|单元|号门|门)+$")
_UNIT_NUMBER = re.compile(rf"第?(\d+|{_CN_NUMBER})")
_ROOM_SUFFIX = re.compile(r"(?:室|号|房)+$")
_DASHES = str.maketrans({"—": "-", "–": "-", "‐": "-", "‑": "-", "−": "-", "_": "-"})


def _clean(value: object) -> str:
    """NFKC-normalised text with all whitespace removed; number cells lose a trailing .0."""
    from gridkeeper.domain.names import visible_text  # NUL, zero-width and other invisible characters go

    text = visible_text("" if value is None else str(value))
    text = "".join(unicodedata.normalize("NFKC", text).split())
    # Again: removing a space can put a combining mark next to a letter it now composes with.
    text = unicodedata.normalize("NFKC", text)
    if m := _FLOAT_ZERO.fullmatch(text):
        return m.group(1)
    return text


def _ascii_upper(text: str) -> str:
    """Upper-case ASCII letters only (str.upper would also rewrite, and decompose, other scripts)."""
    return "".join(ch.upper() if ch.isascii() else ch for ch in text)


def chinese_numeral_to_int(text: str) -> int:
    """The value of a number written in Chinese numerals (一, 十二, 九十九, 一百零五) or digits."""
    value = _clean(text)
    if value.isascii() and value.isdigit():
        return int(value)
    if not value:
        raise ValueError("中文数字不能为空")
    total, pending, last_unit = 0, None, 1000
    for ch in value:
        if ch in _DIGITS:
            if pending is not None:
                raise ValueError(f"“{text}”不是有效的中文数字")
            # 零 only marks a gap (一百零五); it adds nothing.
            pending = _DIGITS[ch] or None
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit or (pending is None and unit != 10):
                raise ValueError(f"“{text}”不是有效的中文数字")
            total += (1 if pending is None else pending) * unit
            pending, last_unit = None, unit
        else:
            raise ValueError(f"“{text}”不是有效的中文数字")
    return total + (pending or 0)


def _number_key(number: str) -> str:
    """A digit string or Chinese numeral as a plain decimal string without leading zeros."""
    return str(chinese_numeral_to_int(number))


def building_key(text: object) -> str:
    """The comparison key of a building label: "7" for 7号楼/7栋/七号楼/7#, "A" for A座."""
    value = _clean(text)
    if not value:
        raise ValueRuleError("building", "不能为空")
    if m := _BUILDING_NUMBER.fullmatch(value):
        try:
            return _number_key(m.group(1))
        except ValueError:
            return value
    if m := _BUILDING_LETTER.fullmatch(value):
        return m.group(1).upper()
    return value


def building_label(text: object) -> str:
    """How a building is shown: "7号楼" for key 7, "A座" for key A, otherwise the cleaned text."""
    key = building_key(text)
    if key.isdigit():
        return f"{key}号楼"
    if _BUILDING_LETTER.fullmatch(key) and key.isascii():
        return f"{key}座"
    return key


def unit_key(text: object) -> str:
    """The comparison key of a unit label: "2" for 2单元/二单元/２/2.0; "东" for 东单元."""
    value = _clean(text)
    if not value:
        raise ValueRuleError("unit", "不能为空")
    stripped = _UNIT_SUFFIX.sub("", value)
    if not stripped:
        raise ValueRuleError("unit", f"“{value}”缺少单元号")
    if m := _UNIT_NUMBER.fullmatch(stripped):
        try:
            key = _number_key(m.group(1))
        except ValueError:
            return stripped
        if key == "0":
            raise ValueRuleError("unit", "单元号不能为0")
        return key
    # Some buildings name their stairwells (东单元, A单元): keep the name, letters upper-cased.
    return _ascii_upper(stripped)


def unit_label(text: object) -> str:
    """How a unit is shown: "2单元" for key 2 (any unit spelling is accepted)."""
    return f"{unit_key(text)}单元"


def room_key(text: object) -> str:
    """The comparison key of a room: 301室/３０１/301.0 -> "301"; 1-301 stays; letters upper-cased."""
    value = _clean(text).translate(_DASHES)
    value = _ROOM_SUFFIX.sub("", value)
    if not value:
        raise ValueRuleError("room", "不能为空")
    return _ascii_upper(value)


def floor_of_room(room: object) -> int | None:
    """The floor a room number implies (301 -> 3, 1201 -> 12, 1-301 -> 3), or None if it implies none."""
    try:
        key = room_key(room)
    except ValueRuleError:
        return None
    tail = key.rsplit("-", 1)[-1]
    # Chinese room numbers are floor + a two-digit door number; anything else has no floor in it.
    if not (tail.isascii() and tail.isdigit() and 3 <= len(tail) <= 4):
        return None
    return int(tail[:-2]) or None
