"""Rented housing and tenants: the rent uses, the group-rental (群租) rule and the residence-permit number."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gridkeeper.domain.enums import Labelled
from gridkeeper.domain.errors import ValueRuleError


class RentUse(Labelled):
    """出租用途"""

    DWELLING = "dwelling", "居住"
    BUSINESS = "business", "经营"
    MIXED = "mixed", "居住兼经营"


# Local rules on group renting (e.g. Beijing's 2013 rule, followed by many cities): no more than two
# people per room let out for living; some districts also cap a flat. Both are settings.
DEFAULT_PERSONS_PER_ROOM = 2
DEFAULT_PERSONS_PER_FLAT = 0  # 0: no cap per flat, only the per-room rule
DEFAULT_ARRIVAL_GRACE_DAYS = 30  # a tenant arrived this long ago should hold a residence permit
DEFAULT_NOTICE_DAYS = 30  # leases ending and permits expiring this soon are shown on Today

MAX_TENANTS = 99
_PERMIT = re.compile(r"[0-9A-Z][0-9A-Z\-]{4,29}")


@dataclass(frozen=True)
class GroupRentalRule:
    """When a rented flat holds more people than its rooms allow (群租): configurable per community."""

    persons_per_room: int = DEFAULT_PERSONS_PER_ROOM
    persons_per_flat: int = DEFAULT_PERSONS_PER_FLAT

    def __post_init__(self):
        for name, value in (("persons_per_room", self.persons_per_room), ("persons_per_flat", self.persons_per_flat)):
            if not isinstance(value, int) or not 0 <= value <= MAX_TENANTS:
                raise ValueRuleError(name, f"应为0到{MAX_TENANTS}之间的整数（0表示不限）")

    def limit(self, rooms: int | None) -> int | None:
        """How many people the flat may hold (None: no rule applies, rooms unknown and no flat cap)."""
        limits = []
        if rooms and self.persons_per_room:
            limits.append(rooms * self.persons_per_room)
        if self.persons_per_flat:
            limits.append(self.persons_per_flat)
        return min(limits) if limits else None

    def is_group_rental(self, persons: int, rooms: int | None) -> bool:
        limit = self.limit(rooms)
        return limit is not None and persons > limit

    def to_dict(self) -> dict:
        return {"persons_per_room": self.persons_per_room, "persons_per_flat": self.persons_per_flat}

    @classmethod
    def from_dict(cls, data: dict) -> "GroupRentalRule":
        return cls(persons_per_room=int(data.get("persons_per_room", DEFAULT_PERSONS_PER_ROOM)),
                   persons_per_flat=int(data.get("persons_per_flat", DEFAULT_PERSONS_PER_FLAT)))


def normalize_permit_number(text: str | None, *, field: str = "permit_number") -> str:
    """A residence-permit (居住证) number as letters and digits: full-width and spaces undone, upper case.
    Since 2016 many permits carry the holder's ID number; older local ones have their own numbering."""
    value = unicodedata.normalize("NFKC", str(text or "")).strip().upper().replace(" ", "")
    if value.endswith(".0") and value[:-2].isdigit():  # a number cell read from a spreadsheet
        value = value[:-2]
    if not value:
        return ""
    if not _PERMIT.fullmatch(value):
        raise ValueRuleError(field, f"“{text}”不是有效的居住证号（5到30位字母、数字或短横线）")
    return value
