"""ID numbers and phone numbers typed into free text (notes, visit findings, request text), masked.

A steward writes “联系女儿 138 0013 8000” or “身份证 110105194912310021 已复印” into a note; a masked
ledger must not print them whole. Digits may be ASCII or full-width and grouped with single spaces,
dashes or dots (138-0013-8000, １３８００１３８０００, 110105 1949 1231 002X), after +86 / 0086 or not.
Consecutive groups that together make a mobile number (11 digits, 1[3-9]…), a 15- or 18-digit ID
number, or any single group of 11 or more digits (a landline with area code, a bank card) are
masked the way `mask_phone`/`mask_id_number` mask the fields; dates, rooms and amounts are left alone.
"""

from __future__ import annotations

import re
import unicodedata

_DIGIT = "0-9\uff10-\uff19"
_SEP = " \u3000\\-\uff0d\u2010-\u2015.\uff0e"
# A run of digit groups separated by single separators; an ID number's X may end a group.
_RUN = re.compile(rf"[{_DIGIT}]+[xX\uff38\uff58]?(?:[{_SEP}][{_DIGIT}]+[xX\uff38\uff58]?)*")
_GROUPS = re.compile(rf"([{_SEP}])")
_COUNTRY = re.compile(r"(?:\+|\uff0b|00|\uff10\uff10)\s?$")
MIN_DIGITS = 11


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit() or ch in "xX").upper()


def _shaped(digits: str) -> bool:
    """A whole mobile number or ID number (an X only as an ID number's last character)."""
    if "X" in digits[:-1]:
        return False
    if len(digits) == 11:
        return digits[0] == "1" and digits[1] in "3456789"
    return len(digits) in (15, 18) and (len(digits) == 18 or "X" not in digits)


def _masked(digits: str) -> str:
    if len(digits) in (15, 18):
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    if len(digits) == 11 and digits[0] == "1":
        return digits[:3] + "****" + digits[-4:]
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


def _landline(digits: list[str]) -> bool:
    """An area code and a local number written as two groups: 0451-86123456."""
    return (len(digits) == 2 and digits[0][:1] == "0" and len(digits[0]) in (3, 4)
            and len(digits[1]) in (7, 8) and digits[1][0] in "23456789")


def _window(groups: list[str], seps: list[str], digits: list[str], i: int) -> int | None:
    """The last group of a number that starts at group i (one group, or groups joined by one kind of
    separator starting with a group of at least 3 digits: 138 0013 8000, 110105-19491231-0021)."""
    joined = ""
    for j in range(i, len(groups)):
        if j > i and (len(digits[i]) < 3 or seps[j - 1] != seps[i]):
            return None
        joined += digits[j]
        if _shaped(joined) or _landline(digits[i:j + 1]):
            return j
        if len(joined) > 18:
            return None
    return None


def _mask_run(run: str, after_plus: bool) -> str:
    parts = _GROUPS.split(run)  # group, sep, group, sep, …
    groups, seps = parts[0::2], parts[1::2]
    digits = [_digits(g) for g in groups]
    country = "0086" if not after_plus else "86"
    if len(groups) > 1 and digits[0] == country:  # +86 138…, 0086 138…: the country code stays
        return groups[0] + seps[0] + _mask_run(run[len(groups[0]) + 1:], False)
    if digits[0].startswith(country) and _shaped(digits[0][len(country):]):
        head = len(country)
        return groups[0][:head] + _masked(digits[0][head:]) + "".join(s + g for s, g in zip(seps, groups[1:]))
    out, i = [], 0
    while i < len(groups):
        end = _window(groups, seps, digits, i)
        joined = "".join(digits[i:end + 1]) if end is not None else ""
        if end is None:
            whole = digits[i]
            out.append(_masked(whole) if len(whole.rstrip("X")) >= MIN_DIGITS else groups[i])
            end = i
        elif _landline(digits[i:end + 1]):
            out.append(f"{digits[i]}-****{joined[-2:]}")
        else:
            out.append(_masked(joined))
        if end + 1 < len(groups):
            out.append(seps[end])
        i = end + 1
    return "".join(out)


def mask_numbers_in_text(text: str | None) -> str:
    """`text` with every ID-number-shaped and phone-shaped run of digits masked."""
    if not text:
        return text or ""
    return _RUN.sub(lambda m: _mask_run(m.group(0), bool(_COUNTRY.search(text[:m.start()]))), text)
