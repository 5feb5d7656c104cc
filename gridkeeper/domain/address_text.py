"""A whole address typed in one cell (幸福家园7号楼2单元301室, 7-2-301) split into compound, building, unit, room.

Hand-written for the ways rosters write an address in a single 地址/住址 column. Each part that comes
back is accepted by building_key/unit_key/room_key in gridkeeper.domain.address; a street address
(红旗街88号) has no building/unit/room in it and is refused rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gridkeeper.domain.address import building_key, room_key, unit_key
from gridkeeper.domain.errors import RuleWarning, ValueRuleError

FIELD = "address"
NO_UNIT = "未写单元号，已按1单元登记（楼栋只有一个单元门时常这样写），请核对"

_NUM = r"\d+|[零〇一二两三四五六七八九十百]+"
_BUILDING_ID = rf"(?:第?(?:{_NUM})|(?<![A-Z])[A-Z]{{1,2}}\d{{0,2}}|\d{{1,3}}[A-Z])"
_BUILDING_MARK = r"(?:号楼|号栋|号幢|栋|幢|楼|座|#)"
_UNIT = rf"(?:第?(?:{_NUM})|[A-Z]|[东西南北中])\s*(?:单元门|单元|号门|门)"
_ROOM = r"(?P<room>[A-Z]?\d{1,5}[A-Z]?)\s*(?:室|号房|号|房)?"
_COMPOUND = r"(?P<compound>.*?)\s*"
# 幸福家园7号楼2单元301室, 7栋2单元301, 七号楼二单元301, 7#2-301, 7号2单元301 (a bare 号 only before a unit)
_LABELLED = re.compile(
    rf"{_COMPOUND}(?P<building>{_BUILDING_ID}\s*{_BUILDING_MARK}|{_BUILDING_ID}\s*号(?=\s*{_UNIT}))\s*"
    rf"(?:(?P<unit>{_UNIT})\s*-?|(?P<dash_unit>\d+)\s*-)?\s*(?:{_ROOM})?\s*")
# 7-2-301, 幸福家园 7-2-301, A-1-502
_DASHED = re.compile(rf"{_COMPOUND}(?P<building>\d+|[A-Z]{{1,2}}\d{{0,2}})\s*-\s*(?P<dash_unit>\d+)\s*-\s*{_ROOM}\s*")
_DASHES = str.maketrans({"—": "-", "–": "-", "‐": "-", "‑": "-", "−": "-", "_": "-", "～": "-", "~": "-"})


@dataclass(frozen=True)
class AddressParts:
    """An address split into its parts, as typed (normalised); room is "" when the text had none."""

    compound: str
    building: str
    unit: str
    room: str
    warnings: tuple[RuleWarning, ...] = ()

    @property
    def keys(self) -> tuple[str, str, str]:
        """(building key, unit key, room key) — how saved households are matched."""
        return building_key(self.building), unit_key(self.unit), room_key(self.room) if self.room else ""


def normalize_address(text: object) -> str:
    """Full-width forms folded (７＃２－３０１ -> 7#2-301), dashes unified, ASCII letters upper-cased."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text)).translate(_DASHES)
    return "".join(ch.upper() if ch.isascii() else ch for ch in value).strip()


def split_address(text: object, *, need_room: bool = True) -> AddressParts:
    """The parts of a one-cell address; ValueRuleError(field="address") when they cannot be told apart.

    With need_room=False (the room is in a column of its own) an address may stop after the unit.
    An address without a unit (7号楼301) is unit "1", with a RuleWarning saying so.
    """
    shown = " ".join(("" if text is None else str(text)).split())
    value = normalize_address(text)
    if not value:
        raise ValueRuleError(FIELD, "不能为空")
    match = _DASHED.fullmatch(value) or _LABELLED.fullmatch(value)
    if match is None:
        wanted = "楼栋、单元和房号" if need_room else "楼栋和单元"
        raise ValueRuleError(FIELD, f"无法从“{shown}”中识别{wanted}，请分列填写")
    if need_room and not match["room"]:
        raise ValueRuleError(FIELD, f"“{shown}”中没有房号，请补上房号或分列填写")
    found = match.groupdict()
    unit, warnings = found.get("unit") or found["dash_unit"], ()
    if not unit:
        unit, warnings = "1", (RuleWarning(FIELD, NO_UNIT),)
    parts = AddressParts(" ".join(match["compound"].split()), _tight(match["building"]), _tight(unit),
                         match["room"] or "", warnings)
    try:
        parts.keys  # noqa: B018 - each part must pass the address rules (单元号不能为0 …)
    except ValueRuleError as exc:
        raise ValueRuleError(FIELD, f"“{shown}”中的{exc.label}有误：{exc.reason}") from exc
    return parts


def _tight(part: str) -> str:
    return "".join(part.split())
