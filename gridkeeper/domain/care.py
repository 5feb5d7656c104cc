"""How often a household must be visited, from its residents' care tags (configurable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from gridkeeper.domain.enums import CareTag

# Defaults from the local rules quoted in DOMAIN.md: someone living alone or in extreme
# hardship weekly; the elderly, hardship, allowance and empty-nest households monthly;
# everyone else quarterly.
DEFAULT_TAG_DAYS: dict[CareTag, int] = {
    CareTag.LIVING_ALONE: 7,
    CareTag.EXTREME_HARDSHIP: 7,
    CareTag.AGED_80: 14,
    CareTag.EMPTY_NEST: 30,
    CareTag.DISABLED: 30,
    CareTag.MINIMUM_ALLOWANCE: 30,
    CareTag.HARDSHIP: 30,
    CareTag.LEFT_BEHIND_CHILD: 30,
    CareTag.VETERAN: 90,
    CareTag.NEW_EMPLOYMENT: 90,
}
DEFAULT_ORDINARY_DAYS = 90
DEFAULT_MIGRANT_DAYS = 30


@dataclass(frozen=True)
class VisitFrequency:
    """Days allowed between visits, per care tag, for migrants and for everyone else."""

    tag_days: dict[str, int] = field(default_factory=lambda: {t.value: d for t, d in DEFAULT_TAG_DAYS.items()})
    ordinary_days: int = DEFAULT_ORDINARY_DAYS
    migrant_days: int = DEFAULT_MIGRANT_DAYS

    def interval_for(self, tags: list[str] | set[str], *, has_migrant: bool = False) -> int:
        """The tightest interval that applies to a household with these tags."""
        days = [self.tag_days.get(str(tag), self.ordinary_days) for tag in tags]
        if has_migrant:
            days.append(self.migrant_days)
        return min(days, default=self.ordinary_days)

    def to_dict(self) -> dict:
        return {"tag_days": dict(self.tag_days), "ordinary_days": self.ordinary_days,
                "migrant_days": self.migrant_days}

    @classmethod
    def from_dict(cls, data: dict) -> "VisitFrequency":
        base = cls()
        tag_days = dict(base.tag_days)
        for tag, days in (data.get("tag_days") or {}).items():
            CareTag(tag)  # unknown tags are refused, not stored
            tag_days[tag] = _positive_days(days, tag)
        return cls(
            tag_days=tag_days,
            ordinary_days=_positive_days(data.get("ordinary_days", base.ordinary_days), "ordinary"),
            migrant_days=_positive_days(data.get("migrant_days", base.migrant_days), "migrant"),
        )


def _positive_days(value, what: str) -> int:
    days = int(value)
    if not 1 <= days <= 366:
        raise ValueError(f"走访间隔（{what}）应在1到366天之间，实际为{days}")
    return days


def next_due(last_visit: date | None, interval_days: int, *, today: date) -> date:
    """When the next visit is due; a household never visited is due today."""
    return today if last_visit is None else last_visit + timedelta(days=interval_days)
