"""Validating residents and households: turn what the user typed into clean values, or say what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gridkeeper.domain.address import floor_of_room, room_key
from gridkeeper.domain.enums import CareTag, Gender, HousingUse, PoliticalStatus, Relation, ResidenceStatus
from gridkeeper.domain.errors import RuleWarning, ValueRuleError
from gridkeeper.domain.names import clean_name  # one rule for every name (invisible characters too)
from gridkeeper.domain.idnumber import check_against, id_reversed, parse_id_number
from gridkeeper.domain.phone import normalize_phone
from gridkeeper.domain.pinyin import given_name, name_initials, name_pinyin
from gridkeeper.services.errors import ValidationFailed

MAX_NAME = 50




@dataclass
class ResidentInput:
    """A resident as typed in a form or read from a spreadsheet row."""

    name: str
    id_number: str = ""
    gender: Gender | str | None = None
    birth_date: date | None = None
    phone: str = ""
    relation: str = Relation.HEAD.label
    political_status: PoliticalStatus | str = PoliticalStatus.MASSES
    residence_status: ResidenceStatus | str = ResidenceStatus.REGISTERED
    is_head: bool = False
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    id: int | None = None
    version: int | None = None  # the version the form showed (an edit conflict is refused); None: not checked


@dataclass
class HouseholdInput:
    """A household's own fields (its residents come separately)."""

    unit_id: int
    room: str
    housing_use: HousingUse | str = HousingUse.OWNER
    phone: str = ""
    notes: str = ""
    version: int | None = None  # the version the form showed (an edit conflict is refused); None: not checked


def _enum(kind, value, field_name: str, errors: list[ValueRuleError]):
    if value is None or value == "":
        return None
    try:
        return value if isinstance(value, kind) else kind.from_text(str(value))
    except ValueError:
        errors.append(ValueRuleError(field_name, f"“{value}”不是可选的值（可选：{'、'.join(kind.labels())}）"))
        return None


def resident_values(data: ResidentInput, *, today: date | None = None) -> tuple[dict, list[RuleWarning]]:
    """Column values for a Resident, or ValidationFailed listing every wrong field."""
    errors: list[ValueRuleError] = []
    warnings: list[RuleWarning] = []
    name = clean_name(data.name)
    if not name:
        errors.append(ValueRuleError("name", "不能为空"))
    elif len(name) > MAX_NAME:
        errors.append(ValueRuleError("name", f"过长（{len(name)}个字，最多{MAX_NAME}个）"))
    gender = _enum(Gender, data.gender, "gender", errors)
    id_number, birth_date = "", data.birth_date
    if (data.id_number or "").strip():
        try:
            info = parse_id_number(data.id_number, today=today, field="id_number")
            check_against(info, birth_date=data.birth_date, gender=gender, field="id_number")
            id_number, birth_date, gender = info.number, info.birth_date, info.gender
            warnings.extend(RuleWarning("id_number", w) for w in info.warnings)
        except ValueRuleError as exc:
            errors.append(exc)
    phone = ""
    try:
        phone = normalize_phone(data.phone or "", field="phone")
    except ValueRuleError as exc:
        errors.append(exc)
    tags: list[str] = []
    for tag in data.tags or []:
        member = _enum(CareTag, tag, "tags", errors)
        if member and member.value not in tags:
            tags.append(member.value)
    relation = clean_name(data.relation) or Relation.HEAD.label
    is_head = bool(data.is_head) or relation == Relation.HEAD.label
    political = _enum(PoliticalStatus, data.political_status, "political_status", errors) or PoliticalStatus.MASSES
    residence = _enum(ResidenceStatus, data.residence_status, "residence_status", errors) or ResidenceStatus.REGISTERED
    if errors:
        raise ValidationFailed(errors)
    values = dict(
        name=name, given_name=given_name(name), name_initials=name_initials(name), name_pinyin=name_pinyin(name), gender=gender,
        id_number=id_number, id_reversed=id_reversed(id_number) if id_number else "", birth_date=birth_date,
        phone=phone, phone_reversed=phone[::-1], relation=relation[:20], political_status=political, residence_status=residence,
        is_head=is_head, notes=data.notes or "",
    )
    return values | {"tags": tags}, warnings


def household_values(data: HouseholdInput) -> dict:
    """Column values for a Household, or ValidationFailed listing every wrong field."""
    errors: list[ValueRuleError] = []
    room, key = " ".join((data.room or "").split()), ""
    try:
        key = room_key(room)
    except ValueRuleError as exc:
        errors.append(exc)
    use = _enum(HousingUse, data.housing_use, "housing_use", errors) or HousingUse.OWNER
    phone = ""
    try:
        phone = normalize_phone(data.phone or "", field="phone")
    except ValueRuleError as exc:
        errors.append(exc)
    if errors:  # named as the household's fields: its phone reads 户联系电话, not a resident's 联系电话
        raise ValidationFailed([ValueRuleError(e.field, e.reason, "household") for e in errors])
    return dict(unit_id=data.unit_id, room=room[:40], room_key=key, floor=floor_of_room(key),
                housing_use=use, phone=phone, notes=data.notes or "")
