"""Phone numbers: mobiles as 11 digits (13812345678), landlines as area-local[-ext] (0451-86123456).

The mobile rule (1[3-9] + 9 digits) and the landline shape are hand-written: they are what the
users' paper forms and spreadsheets hold, and phonenumbers' per-city metadata would reject old
7-digit local numbers that are still written in ledgers.  phonenumbers is used where it knows
more than a fixed rule: to find where the area code ends in a landline typed without separators.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

import phonenumbers

from gridkeeper.domain.errors import ValueRuleError

_MOBILE = re.compile(r"1[3-9]\d{9}")
_AREA = re.compile(r"0\d{2,3}")
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_SEPARATORS = re.compile(r"[\s\-.()/—–‐~_]+")
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
# "+86", "0086", "(+86)", "+86-": the country code in front of a national number.
_COUNTRY = re.compile(r"^\(?(?:\+|00)\s*86\)?[\s\-]*")
_FLOAT_ZERO = re.compile(r"(\d+)\.0+")
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?e\+?\d+", re.IGNORECASE)


def _invalid(text: str, field: str) -> ValueRuleError:
    """The error for a value that is neither a mobile nor a landline with area code."""
    return ValueRuleError(field, f"“{text}”不是有效的手机号或带区号的座机号")


def _unspreadsheet(text: str) -> str:
    """Undo what a spreadsheet does to a number cell: 13812345678.0 or 1.3812345678E10."""
    if m := _FLOAT_ZERO.fullmatch(text):
        return m.group(1)
    if _SCIENTIFIC.fullmatch(text):
        try:
            value = Decimal(text)
        except InvalidOperation:
            return text
        if value == value.to_integral_value():
            return str(int(value))
    return text


def _area_length(digits: str) -> int:
    """How many leading digits of an unseparated landline (with its 0) are the area code."""
    try:
        parsed = phonenumbers.parse(digits, "CN")
        if phonenumbers.is_valid_number(parsed):
            length = phonenumbers.length_of_geographical_area_code(parsed)
            if length:
                return length + 1  # phonenumbers counts without the trunk prefix 0
    except phonenumbers.NumberParseException:
        pass
    # The national plan: 010 and 02x are the only 3-digit area codes; all others have 4 digits.
    return 3 if digits[1] in "12" else 4


def _format_landline(area: str, local: str, ext: str) -> str | None:
    """area-local[-ext] if the parts have the right shape, else None."""
    if not (_AREA.fullmatch(area) and _LOCAL.fullmatch(local)) or len(ext) > 6:
        return None
    return f"{area}-{local}" + (f"-{ext}" if ext else "")


def _split_unseparated(digits: str, ext: str) -> str | None:
    """Canonical landline for digits typed without a separator after the area code, or None."""
    if len(digits) < 10:
        return None
    cut = _area_length(digits)
    return _format_landline(digits[:cut], digits[cut:], ext)


def _landline(groups: list[str], ext: str) -> str | None:
    """Canonical area-local[-ext] for digit groups starting with the area code, or None."""
    if len(groups) >= 2 and _AREA.fullmatch(groups[0]):
        area, rest = groups[0], groups[1:]
        # A group after a complete local number is an extension (0451-86123456-123), not more of
        # the local number: people split locals as 8612 3456, never as 8612345 6.
        if len(rest) >= 2 and not ext and (result := _format_landline(area, "".join(rest[:-1]), rest[-1])):
            return result
        if result := _format_landline(area, "".join(rest), ext):
            return result
    # The user's grouping did not fit (or there was none): read the digits by the numbering plan.
    if result := _split_unseparated("".join(groups), ext):
        return result
    if len(groups) >= 2 and not ext:
        return _split_unseparated("".join(groups[:-1]), groups[-1])
    return None


def normalize_phone(text: str | int | None, *, field: str = "phone") -> str:
    """The canonical form of a mobile or landline number; "" for an empty value."""
    shown = "" if text is None else str(text).strip()
    value = _unspreadsheet(unicodedata.normalize("NFKC", shown).strip())
    if not value:
        return ""
    ext = ""
    if m := _EXTENSION.search(value):
        ext, value = m.group(1), value[: m.start()]
    international = False
    if m := _COUNTRY.match(value):
        international, value = True, value[m.end() :]
    groups = [g for g in _SEPARATORS.split(value) if g]
    if not groups or not all(g.isascii() and g.isdigit() for g in groups):
        raise _invalid(shown, field)
    digits = "".join(groups)
    # A bare "86" in front of a mobile is the country code without its plus sign.
    if not international and len(digits) == 13 and _MOBILE.fullmatch(digits[2:]) and digits[:2] == "86":
        digits, groups = digits[2:], [digits[2:]]
    if _MOBILE.fullmatch(digits):
        if ext:
            raise _invalid(shown, field)
        return digits
    if international and not digits.startswith("0"):
        # After +86 a landline drops its trunk 0 (+86 451 86123456); put it back.
        digits, groups = "0" + digits, ["0" + groups[0], *groups[1:]]
    if digits.startswith("0") and not digits.startswith("00"):
        if result := _landline(groups, ext):
            return result
    raise _invalid(shown, field)


def mask_phone(text: str | None) -> str:
    """Hide the middle of a phone number: 138****5678, 0451-****23; "" for an empty value."""
    if not text or not str(text).strip():
        return ""
    try:
        phone = normalize_phone(text)
    except ValueRuleError:
        # Not a phone we understand (legacy data): still never show it whole.
        raw = "".join(unicodedata.normalize("NFKC", str(text)).split())
        if len(raw) <= 5:
            return "*" * len(raw)
        return raw[:3] + "*" * (len(raw) - 5) + raw[-2:]
    if _MOBILE.fullmatch(phone):
        return phone[:3] + "****" + phone[-4:]
    area, local = phone.split("-")[:2]
    return f"{area}-****{local[-2:]}"


def phone_or_error(value: str | None, field: str, errors: list[ValueRuleError]) -> str:
    """`normalize_phone`, collecting its error into `errors` (the value kept as typed) so that a form
    reports every wrong field at once."""
    try:
        return normalize_phone(value or "", field=field)
    except ValueRuleError as exc:
        errors.append(exc)
        return value or ""
