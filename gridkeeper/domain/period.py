"""Reporting periods: a month (2026-11), a quarter (2026-Q4) or a year (2026), with their dates and the one before."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1900, 2100
QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})-?Q(\d)")
_YEAR = re.compile(r"(\d{4})")


class PeriodError(ValueError):
    """Text that names no period; the message says what was expected."""


@dataclass(frozen=True)
class Period:
    """A month, quarter or year; `start` is its first day, `end` the day after its last (exclusive)."""

    kind: str  # "month", "quarter" or "year"
    year: int
    number: int  # the month (1–12), the quarter (1–4), or 0 for a year

    @property
    def start(self) -> date:
        if self.kind == "month":
            return date(self.year, self.number, 1)
        if self.kind == "quarter":
            return date(self.year, 3 * self.number - 2, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        """The first day after the period (queries use `>= start` and `< end`)."""
        months = {"month": 1, "quarter": 3, "year": 12}[self.kind]
        index = self.start.year * 12 + self.start.month - 1 + months
        return date(index // 12, index % 12 + 1, 1)

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def text(self) -> str:
        """The form typed on the command line: 2026-11, 2026-Q4, 2026."""
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        return f"{self.year}"

    @property
    def label(self) -> str:
        """How a printed page names it: 2026年11月, 2026年第四季度, 2026年."""
        if self.kind == "month":
            return f"{self.year}年{self.number}月"
        if self.kind == "quarter":
            return f"{self.year}年{QUARTER_NAMES[self.number - 1]}"
        return f"{self.year}年"

    def previous(self) -> "Period":
        """The period of the same kind just before (2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025)."""
        if self.kind == "year" or self.number > 1:
            return Period(self.kind, self.year - (self.kind == "year"), self.number - (self.kind != "year"))
        return Period(self.kind, self.year - 1, 12 if self.kind == "month" else 4)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def __str__(self) -> str:
        return self.text


def parse_period(text: str) -> Period:
    """`2026-11` a month, `2026-Q4` a quarter (q, 2026Q4 too), `2026` a year — full-width digits and dashes
    as typed with a Chinese input method too; anything else a PeriodError."""
    cleaned = "".join(unicodedata.normalize("NFKC", str(text or "")).split()).upper()
    for pattern, kind in ((_MONTH, "month"), (_QUARTER, "quarter"), (_YEAR, "year")):
        match = pattern.fullmatch(cleaned)
        if match:
            year, number = int(match.group(1)), int(match.group(2)) if kind != "year" else 0
            break
    else:
        raise PeriodError(f"统计期“{text}”格式不对：月份写 2026-11，季度写 2026-Q4，全年写 2026")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"统计期“{text}”超出范围：年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间")
    if kind == "month" and not 1 <= number <= 12:
        raise PeriodError(f"统计期“{text}”的月份应在 1 到 12 之间")
    if kind == "quarter" and not 1 <= number <= 4:
        raise PeriodError(f"统计期“{text}”的季度应在 Q1 到 Q4 之间")
    return Period(kind, year, number)


def month_of(day: date) -> Period:
    return Period("month", day.year, day.month)


def quarter_of(day: date) -> Period:
    return Period("quarter", day.year, (day.month - 1) // 3 + 1)


def year_of(day: date) -> Period:
    return Period("year", day.year, 0)


def recent_periods(kind: str, today: date, count: int) -> list[Period]:
    """The period of `kind` that holds today and the `count - 1` before it, newest first (for pickers)."""
    current = {"month": month_of, "quarter": quarter_of, "year": year_of}[kind](today)
    out = [current]
    while len(out) < count:
        out.append(out[-1].previous())
    return out
