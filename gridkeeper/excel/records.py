"""Spreadsheet rows → validated person records and per-cell problems (no database needed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gridkeeper.domain.address import building_key, building_label, room_key, unit_key, unit_label
from gridkeeper.domain.cell_text import MAX_CELL_CHARS
from gridkeeper.domain.address_text import AddressParts, split_address
from gridkeeper.domain.errors import RuleWarning, ValueRuleError
from gridkeeper.domain.enums import Relation, ResidenceStatus
from gridkeeper.excel import cells
from gridkeeper.excel.columns import PLACE, Header, field_label
from gridkeeper.excel.problems import WARNING, Problem
from gridkeeper.excel.tenant_rows import TenantCells
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.services.people import HouseholdInput, ResidentInput, household_values, resident_values

# The fields the value rules name in their errors that are roster fields of the same name (their column);
# the household's own phone is the roster's household_phone.
_RULE_FIELDS = frozenset({"name", "id_number", "phone", "gender", "tags", "political_status", "residence_status",
                          "room", "housing_use", "building", "unit"})
_HOUSEHOLD_FIELDS = {"phone": "household_phone"}


def _roster_field(error: ValueRuleError | RuleWarning) -> str | None:
    """The roster field (column) a value rule's error or warning is about; None when it is no column's."""
    if error.table == "household" and error.field in _HOUSEHOLD_FIELDS:
        return _HOUSEHOLD_FIELDS[error.field]
    return error.field if error.field in _RULE_FIELDS else None

_NONE: frozenset[str] = frozenset()
# Roster field -> the Resident columns it sets (updates touch only what the file gives).
RESIDENT_COLUMNS = {
    "name": ("name", "given_name", "name_initials", "name_pinyin"),
    "id_number": ("id_number", "id_reversed", "birth_date", "gender"),
    "gender": ("gender",), "phone": ("phone", "phone_reversed"), "relation": ("relation", "is_head"),
    "political_status": ("political_status",), "residence_status": ("residence_status",), "notes": ("notes",),
}


@dataclass
class PersonRow:
    """One valid spreadsheet row: where the household is and who the person is."""

    row: int
    compound: str
    building_key: str
    building_label: str
    unit_key: str
    unit_label: str
    household: dict            # room, room_key, floor, and housing_use/phone/notes when given
    resident: dict | None      # Resident column values; None for a row that is only a household
    given: set[str]            # roster fields present in this row (others leave saved values alone)
    tags: list[str] | None     # None: no tags in the file for this row
    people_count: int | None = None
    tenancy: dict | None = None   # a tenant list's lease for this flat (excel/tenant_rows.py)
    tenant: dict | None = None    # this person's tenant registration
    resident_id: int | None = None  # set when written
    address_key: tuple[str, str, str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.address_key = (self.compound, self.building_key, self.unit_key, self.household["room_key"])

    @property
    def name(self) -> str:
        return self.resident["name"] if self.resident else ""

    @property
    def id_number(self) -> str:
        return self.resident["id_number"] if self.resident else ""

    @property
    def is_head(self) -> bool:
        return bool(self.resident and self.resident["is_head"])


@dataclass
class ParsedRows:
    rows: list[PersonRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data_rows: int = 0          # rows that held data (not blank, not totals)
    ignored_rows: int = 0       # blank and totals rows, skipped silently
    invalid_rows: set[int] = field(default_factory=set)


class RowReader:
    """Reads the data rows under a header; keeps caches of address labels seen before."""

    def __init__(self, header: Header, *, today: date | None = None):
        self.header, self.today = header, today
        self.columns = {key: col for col, key in header.mapping.items()}
        name_col = header.person_name_column()
        if name_col is not None:
            self.columns["person_name"] = name_col
        self._buildings: dict[str, tuple[str, str]] = {}
        self._units: dict[str, tuple[str, str]] = {}
        self._households: dict[tuple, dict | list] = {}
        self._address_col = self.columns.get("address")
        self._addresses: dict[tuple[str, bool], AddressParts | ValueRuleError] = {}
        self._warned: set[str] = set()  # addresses already warned about (once, not on every member's row)
        self.tenant_cells = TenantCells(self, today) if header.is_tenant_list else None

    def column_name(self, key: str) -> str:
        col = self.columns.get("person_name" if key == "name" else key)
        if col is None and key in PLACE:  # a sheet whose addresses are all in one 地址 column
            col = self._address_col
        return self.header.names[col] if col is not None and self.header.names[col] else field_label(key)

    def cell(self, cells_: list[object], key: str) -> object:
        col = self.columns.get(key)
        return cells_[col] if col is not None and col < len(cells_) else ""

    def read(self, rows: list[list[object]], progress=None) -> ParsedRows:
        out = ParsedRows()
        start = self.header.index + 1
        for index in range(start, len(rows)):
            row = rows[index]
            if all(cells.is_blank(v) for v in row) or cells.is_totals_row(row):
                out.ignored_rows += 1
                continue
            out.data_rows += 1
            problems: list[Problem] = []
            person = None if self._overlong(index + 1, row, problems) else self.person(index + 1, row, problems)
            out.problems += problems
            if person is None:
                out.invalid_rows.add(index + 1)
            else:
                out.rows.append(person)
            if progress and index % 2000 == 0:
                progress(index, len(rows))
        return out

    def _overlong(self, excel_row: int, row: list[object], problems: list[Problem]) -> bool:
        """Cells longer than Excel allows (32,767 characters): one problem each, and the row is not read."""
        found = False
        for col, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                name = self.header.names[col] if col < len(self.header.names) and self.header.names[col] else f"第{col + 1}列"
                problems.append(Problem(excel_row, name, value[:20] + "…",
                                        f"内容过长（{len(value):,} 个字符，一个单元格最多 {MAX_CELL_CHARS:,} 个）"))
                found = True
        return found

    def _problem(self, problems, excel_row, key, cells_, reason, severity="error") -> None:
        value = cells.shown(self.cell(cells_, "person_name" if key == "name" else key))
        problems.append(Problem(excel_row, self.column_name(key), value, reason, severity))

    def _rule_errors(self, problems, excel_row, cells_, errors: list[ValueRuleError], from_address=()) -> None:
        for error in errors:
            key = _roster_field(error)
            key = "address" if key in from_address else key
            reason = error.reason if key else str(error)
            self._problem(problems, excel_row, key or "name", cells_, reason)

    def person(self, excel_row: int, row: list[object], problems: list[Problem]) -> PersonRow | None:
        """The row as a PersonRow, or None after adding its errors to `problems`."""
        errors: list[ValueRuleError] = []
        where = (cells.text(self.cell(row, "compound")), cells.text(self.cell(row, "building")),
                 cells.text(self.cell(row, "unit")), cells.text(self.cell(row, "room")))
        from_address = _NONE
        if self._address_col is not None and not all(where):
            where, from_address = self._fill_from_address(excel_row, row, where, problems)
        place = household = None
        if where is not None:
            place = self._place(where, errors)
            household = self._household(row, where[3], errors)
        resident, given, tags = self._resident(excel_row, row, problems, errors)
        tenancy = tenant = None
        if self.tenant_cells is not None:
            tenancy, tenant = self.tenant_cells.read(excel_row, row, problems)
            tenant = self._tenant_of(excel_row, row, resident, tenant, problems)
        people = None
        if "people_count" in self.columns and not self.header.per_person:
            try:
                people = cells.people_count(self.cell(row, "people_count"))
            except ValueError:
                self._problem(problems, excel_row, "people_count", row, "应为0到99之间的整数")
        self._rule_errors(problems, excel_row, row, errors, from_address)
        if any(p.is_error for p in problems) or place is None or household is None:
            return None
        if resident is None and given:
            return None
        # Without a 户联系电话 column, the head's phone is the household's contact phone.
        if resident and "phone" in given and resident["is_head"] and "household_phone" not in self.columns:
            household["phone"] = resident["phone"]
        return PersonRow(excel_row, *place, household=household, resident=resident, given=given, tags=tags,
                         people_count=people, tenancy=tenancy, tenant=tenant)

    def _tenant_of(self, excel_row, row, resident, tenant, problems) -> dict | None:
        """A tenant list's person is registered as a tenant unless the list itself says 户籍."""
        if resident is None or tenant is None:
            return None
        if resident["residence_status"] == ResidenceStatus.REGISTERED:
            self._problem(problems, excel_row, "residence_status", row,
                          "户籍居民不登记为租户（流动人口）：只导入为居民", WARNING)
            return None
        return tenant

    def _fill_from_address(self, excel_row, row, where, problems) -> tuple[tuple | None, frozenset[str]]:
        """(compound, building, unit, room) with the blanks filled from the 地址 column.

        The second value names the fields taken from the address (their problems point at its column);
        None instead of the tuple after an address that is needed but cannot be split.
        """
        address = cells.text(self.cell(row, "address"))
        if not address:
            return where, _NONE
        parts = self._split(address, need_room=not where[3])
        if isinstance(parts, ValueRuleError):
            if all(where[1:]):  # building, unit and room given: the address could only have named the compound
                return where, _NONE
            self._problem(problems, excel_row, "address", row, parts.reason)
            return None, _NONE
        typed = (parts.compound, parts.building, parts.unit, parts.room)
        from_address = frozenset(key for key, value, part in zip(PLACE, where, typed) if part and not value)
        for key, value, part in zip(PLACE[1:], where[1:], typed[1:]):
            if value and part and not (key == "unit" and parts.warnings) and _differ(key, value, part):
                column = self.column_name(key)
                self._problem(problems, excel_row, "address", row,
                              f"地址中的{field_label(key)}“{part}”与“{column}”列（{value}）不一致，已按“{column}”列导入",
                              WARNING)
        if "unit" in from_address and parts.warnings and address not in self._warned:
            self._warned.add(address)
            for warning in parts.warnings:
                self._problem(problems, excel_row, "address", row, warning.message, WARNING)
        return tuple(value or part for value, part in zip(where, typed)), from_address

    def _split(self, address: str, *, need_room: bool) -> AddressParts | ValueRuleError:
        key = (address, need_room)
        if key not in self._addresses:  # per-person sheets repeat an address on every member's row
            try:
                self._addresses[key] = split_address(address, need_room=need_room)
            except ValueRuleError as exc:
                self._addresses[key] = exc
        return self._addresses[key]

    def _place(self, where: tuple[str, str, str, str], errors) -> tuple | None:
        compound = " ".join(where[0].split())
        try:
            b_raw = where[1]
            if b_raw not in self._buildings:
                self._buildings[b_raw] = (building_key(b_raw), building_label(b_raw))
            u_raw = where[2]
            if u_raw not in self._units:
                self._units[u_raw] = (unit_key(u_raw), unit_label(u_raw))
        except ValueRuleError as exc:
            errors.append(exc)
            return None
        return (compound, *self._buildings[b_raw], *self._units[u_raw])

    def _household(self, row, room: str, errors) -> dict | None:
        use = cells.housing_use(self.cell(row, "housing_use"))
        notes = cells.text(self.cell(row, "household_notes" if self.header.per_person else "notes"))
        phone = cells.text(self.cell(row, "household_phone"))
        key = (room, use, phone, notes)
        if key not in self._households:  # per-person sheets repeat a household on every member's row
            self._households[key] = self._household_values(*key)
        household = self._households[key]
        if isinstance(household, list):
            errors.extend(household)
            return None
        return dict(household)

    def _household_values(self, room: str, use: str, phone: str, notes: str) -> dict | list[ValueRuleError]:
        if "*" in phone:
            return [ValueRuleError("phone", cells.PHONE_MASKED, "household")]
        try:
            values = household_values(HouseholdInput(unit_id=0, room=room, housing_use=use or "自住",
                                                     phone=phone, notes=notes))
        except ValidationFailed as exc:
            return exc.errors
        household = {k: values[k] for k in ("room", "room_key", "floor")}
        given = {"housing_use": use, "notes": notes, "phone": phone}
        return household | {key: values[key] for key, raw in given.items() if raw}

    def _resident(self, excel_row, row, problems, errors) -> tuple[dict | None, set[str], list[str] | None]:
        raw = {key: self.cell(row, key) for key in ("person_name", "id_number", "gender", "phone", "relation",
                                                    "political_status", "residence_status", "tags", "notes")}
        given = {("name" if k == "person_name" else k) for k, v in raw.items() if not cells.is_blank(v)}
        if not given:
            return None, given, None  # a household with nobody listed (vacant flat, shop)
        if "phone" in given and "*" in cells.text(raw["phone"]):
            self._problem(problems, excel_row, "phone", row, cells.PHONE_MASKED)
            return None, given, None
        if "id_number" in given and (why := cells.id_number_problem(raw["id_number"])):
            self._problem(problems, excel_row, "id_number", row, why)
            return None, given, None
        if self.header.per_person:
            relation = cells.relation(raw["relation"]) or (Relation.TENANT.label if self.tenant_cells else "")
            if not relation:
                self._problem(problems, excel_row, "relation", row, "不能为空（户主本人请填“户主”）")
                return None, given, None
        else:
            relation, given = Relation.HEAD.label, given | {"relation"}
            given.discard("notes")  # a household row's 备注 is the household's
        tags = cells.split_tags(raw["tags"]) if "tags" in given else None
        data = ResidentInput(
            name=cells.text(raw["person_name"]), id_number=cells.text(raw["id_number"]),
            gender=cells.text(raw["gender"]) or None, phone=cells.text(raw["phone"]), relation=relation,
            political_status=cells.text(raw["political_status"]),
            residence_status=cells.text(raw["residence_status"]) or (ResidenceStatus.MIGRANT.label if self.tenant_cells else ""),
            tags=tags or [], notes=cells.text(raw["notes"]) if self.header.per_person else "")
        try:
            values, warnings = resident_values(data, today=self.today)
        except ValidationFailed as exc:
            errors.extend(exc.errors)
            return None, given, None
        for warning in warnings:
            self._problem(problems, excel_row, _roster_field(warning) or "name", row, warning.message, WARNING)
        tag_values = values.pop("tags")
        return values, given, (tag_values if tags is not None else None)


_KEYS = {"building": building_key, "unit": unit_key, "room": room_key}


def _differ(key: str, column_value: str, address_part: str) -> bool:
    """Whether a separate column and the address name different buildings/units/rooms."""
    try:
        return _KEYS[key](column_value) != _KEYS[key](address_part)
    except ValueRuleError:
        return False  # the column's own value is wrong: that is reported for the column
