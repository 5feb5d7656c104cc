"""A tenant list's own columns (房东, 租期, 居住证号, 户籍地 …) → a tenancy and a tenant registration per row,
checked by the same rules as the forms; each problem names its row and column."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.excel import cells
from gridkeeper.excel.problems import Problem
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.services.rentals import TenancyInput, check_tenancy
from gridkeeper.services.tenants import TenantInput, tenant_values

TENANCY_KEYS = ("landlord_name", "landlord_phone", "landlord_id_number", "lease", "lease_start", "lease_end",
                "rent_use", "rooms", "tenant_count", "letter_signed")
TENANT_KEYS = ("arrived_on", "from_place", "workplace", "permit_number", "permit_expires")
# A value rule's field name is the tenant-list column it came from, except these.
_RULE_COLUMNS = {"letter_signed_on": "letter_signed"}
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_RANGE = re.compile(r"\s*(?:至|到|~|～|—|－|–|--|-(?=\s*\d{4}))\s*")
_YES = {"是", "已签", "已签订", "签订", "有", "√", "✓", "Y", "YES"}
_NO = {"否", "未签", "未签订", "无", "没有", "×", "N", "NO"}
EXCEL_EPOCH = dt.date(1899, 12, 30)
BAD_DATE = "不是有效的日期（应为 2026-03-01、2026/3/1 或 2026年3月1日）"


def parse_day(value: object) -> dt.date | None:
    """A date cell: a spreadsheet date, an Excel day number, or text such as 2026-3-1 / 2026年3月1日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20_000 < value < 80_000:  # Excel's day number for 1954..2119
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        value = cells.text(value)
    text = unicodedata.normalize("NFKC", cells.text(value))
    if not text:
        return None
    match = _DATE.fullmatch(text) or _COMPACT.fullmatch(text)
    if not match:
        raise ValueError(BAD_DATE)
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError(BAD_DATE) from None


def parse_lease(value: object) -> tuple[dt.date | None, dt.date | None]:
    """租期 as one cell: 2026-03-01至2027-02-28, 2026.3.1-2027.2.28, 2026年3月1日到2027年2月28日."""
    text = unicodedata.normalize("NFKC", cells.text(value))
    if not text:
        return None, None
    parts = [p for p in _RANGE.split(text, maxsplit=1) if p]
    if len(parts) != 2:
        raise ValueError("应写成“起租日期至到期日期”，例如 2026-03-01至2027-02-28")
    return parse_day(parts[0]), parse_day(parts[1])


def parse_letter(value: object) -> tuple[bool, dt.date | None]:
    """治安消防责任书: 是/已签/√ or 否/未签, or the date it was signed."""
    word = "".join(unicodedata.normalize("NFKC", cells.text(value)).split()).upper()
    if not word or word in _NO:
        return False, None
    if word in _YES:
        return True, None
    return True, parse_day(value)


class TenantCells:
    """Reads the tenancy and tenant columns of one row (the rest of the row is RowReader's)."""

    def __init__(self, reader, today: dt.date | None):
        self.reader, self.today = reader, today

    def _problem(self, problems: list[Problem], excel_row: int, key: str, row, reason: str) -> None:
        self.reader._problem(problems, excel_row, key, row, reason)

    def _day(self, problems, excel_row, row, key) -> dt.date | None:
        try:
            return parse_day(self.reader.cell(row, key))
        except ValueError as exc:
            self._problem(problems, excel_row, key, row, str(exc))
            return None

    def read(self, excel_row: int, row: list[object], problems: list[Problem]) -> tuple[dict | None, dict | None]:
        """(tenancy values or None when the row names no lease, tenant values); problems added per cell."""
        before = len(problems)
        tenancy = self._tenancy(excel_row, row, problems)
        tenant = self._tenant(excel_row, row, problems, tenancy, lease_failed=len(problems) > before)
        return (None, None) if len(problems) > before else (tenancy, tenant)

    def _tenancy(self, excel_row, row, problems) -> dict | None:
        cell = lambda key: self.reader.cell(row, key)  # noqa: E731
        if all(cells.is_blank(cell(key)) for key in TENANCY_KEYS):
            return None
        start = end = None
        try:
            start, end = parse_lease(cell("lease"))
        except ValueError as exc:
            self._problem(problems, excel_row, "lease", row, str(exc))
        start = self._day(problems, excel_row, row, "lease_start") or start
        end = self._day(problems, excel_row, row, "lease_end") or end
        signed, signed_on = False, None
        try:
            signed, signed_on = parse_letter(cell("letter_signed"))
        except ValueError as exc:
            self._problem(problems, excel_row, "letter_signed", row, str(exc))
        data = TenancyInput(household_id=0, landlord_name=cells.text(cell("landlord_name")),
                            landlord_phone=cells.text(cell("landlord_phone")),
                            landlord_id_number=cells.text(cell("landlord_id_number")), lease_start=start,
                            lease_end=end, rent_use=cells.text(cell("rent_use")) or "居住",
                            rooms=cells.text(cell("rooms")) or None, tenant_count=cells.text(cell("tenant_count")) or 0,
                            letter_signed=signed, letter_signed_on=signed_on)
        try:
            return check_tenancy(data, today=self.today)
        except ValidationFailed as exc:
            self._rule_problems(problems, excel_row, row, exc.errors, lease_given="lease" in self.reader.columns)
            return None

    def _tenant(self, excel_row, row, problems, tenancy, *, lease_failed: bool) -> dict | None:
        arrived = self._day(problems, excel_row, row, "arrived_on")
        expires = self._day(problems, excel_row, row, "permit_expires")
        if arrived is None and tenancy is not None and "arrived_on" not in self.reader.columns:
            arrived = min(tenancy["lease_start"], self.today or dt.date.today())  # moved in when the lease began
        data = TenantInput(arrived_on=arrived, from_place=cells.text(self.reader.cell(row, "from_place")),
                           workplace=cells.text(self.reader.cell(row, "workplace")),
                           permit_number=cells.text(self.reader.cell(row, "permit_number")), permit_expires=expires)
        try:
            return tenant_values(data, today=self.today)
        except ValidationFailed as exc:
            errors = exc.errors
            if lease_failed and "arrived_on" not in self.reader.columns:  # no arrival without a readable lease
                errors = [e for e in errors if e.field != "arrived_on"]
            self._rule_problems(problems, excel_row, row, errors, lease_given=False)
            return None

    def _rule_problems(self, problems, excel_row, row, errors: list[ValueRuleError], *, lease_given: bool) -> None:
        for error in errors:
            key = _RULE_COLUMNS.get(error.field, error.field)
            if key not in (*TENANCY_KEYS, *TENANT_KEYS):
                key = "name"
            if lease_given and key in ("lease_start", "lease_end") and key not in self.reader.columns:
                key = "lease"  # the dates came from one 租期 cell
            if key == "arrived_on" and "arrived_on" not in self.reader.columns and error.reason == "不能为空":
                reason = "不能为空：表中没有来本地日期，也没有起租日期可以代替"
            else:
                reason = error.reason
            if any(p.row == excel_row and p.column == self.reader.column_name(key) for p in problems):
                continue  # already said (a date that could not be read)
            self._problem(problems, excel_row, key, row, reason)
