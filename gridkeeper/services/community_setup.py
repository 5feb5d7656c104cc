"""The first run: the community's own details and its grids, checked field by field and saved in one go."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, func, select

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.fields import item_field
from gridkeeper.domain.names import visible_text
from gridkeeper.domain.phone import phone_or_error
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.storage.models import Community, Grid

# Field names used in errors (the GUI puts each message next to its field; domain.fields reads them as
# 社区名称, 服务热线 … — a community's or grid's `name` by its table).
NAME, SUBDISTRICT, DISTRICT, HOTLINE, SUPERVISION = "name", "subdistrict", "district", "hotline", "supervision_phone"
GRID_CODE, GRID_NAME, STEWARD, STEWARD_PHONE = "code", "name", "steward_name", "steward_phone"


@dataclass
class CommunityDetails:
    """What every printout says about the community (e.g. 福康社区居民委员会, 新华街道, 道里区)."""

    name: str
    subdistrict: str = ""
    district: str = ""
    hotline: str = ""
    supervision_phone: str = ""


@dataclass
class GridDetails:
    code: str
    name: str
    steward_name: str = ""
    steward_phone: str = ""


def _squeeze(text: str) -> str:
    return visible_text(text)


def checked_community(details: CommunityDetails) -> CommunityDetails:
    """The details cleaned (phones in their canonical form), or ValidationFailed naming each wrong field."""
    errors: list[ValueRuleError] = []
    name = _squeeze(details.name)
    if not name:
        errors.append(ValueRuleError(NAME, "不能为空：请填写打印在台账和通知上的名称，例如“福康社区居民委员会”"))
    elif len(name) > 100:
        errors.append(ValueRuleError(NAME, "太长（最多100个字）"))
    hotline = phone_or_error(details.hotline, HOTLINE, errors)
    supervision = phone_or_error(details.supervision_phone, SUPERVISION, errors)
    if errors:
        raise ValidationFailed([ValueRuleError(e.field, e.reason, "community") for e in errors])
    return CommunityDetails(name, _squeeze(details.subdistrict)[:100], _squeeze(details.district)[:100],
                            hotline, supervision)


def grid_field(index: int, field: str) -> str:
    """The error field of the grid in row `index` (from 0): "grids.2.code", read 第2个网格的网格编码."""
    return item_field("grids", index + 1, field)


def checked_grid(details: GridDetails, *, field=lambda name: name) -> GridDetails:
    """One grid's values cleaned (code upper-cased), or ValidationFailed; `field` names the fields."""
    errors: list[ValueRuleError] = []
    code = _squeeze(details.code).upper()
    name = _squeeze(details.name)
    if not code:
        errors.append(ValueRuleError(field(GRID_CODE), "不能为空（例如 FK-01）"))
    elif len(code) > 40 or " " in code:
        errors.append(ValueRuleError(field(GRID_CODE), "应为不含空格的短编码（例如 FK-01）"))
    if not name:
        errors.append(ValueRuleError(field(GRID_NAME), "不能为空（例如 第一网格）"))
    phone = phone_or_error(details.steward_phone, field(STEWARD_PHONE), errors)
    if errors:  # a grid's fields: its name reads 网格名称
        raise ValidationFailed([ValueRuleError(e.field, e.reason, "grid") for e in errors])
    return GridDetails(code, name[:100], _squeeze(details.steward_name)[:50], phone)


def checked_grids(session: Session, grids: list[GridDetails]) -> list[GridDetails]:
    """Every grid row checked; a code used twice in the list or already in the database is an error."""
    errors: list[ValueRuleError] = []
    cleaned: list[GridDetails] = []
    existing = set(session.exec(select(Grid.code)))
    seen: dict[str, int] = {}
    for index, grid in enumerate(grids):
        code_field = grid_field(index, GRID_CODE)
        try:
            cleaned.append(checked_grid(grid, field=lambda name, i=index: grid_field(i, name)))
        except ValidationFailed as exc:
            errors += exc.errors
            if any(e.field == code_field for e in exc.errors):
                continue
        code = _squeeze(grid.code).upper()
        if code in seen:
            errors.append(ValueRuleError(code_field, f"{code} 与第{seen[code] + 1}个网格重复", "grid"))
        elif code in existing:
            errors.append(ValueRuleError(code_field, f"{code} 已经存在", "grid"))
        seen.setdefault(code, index)
    if not grids:
        errors.append(ValueRuleError("grids", "至少需要一个网格"))
    if errors:
        raise ValidationFailed(errors)
    return cleaned


def needs_setup(session: Session) -> bool:
    """True for a database with no grid yet: nothing can be registered before the setup wizard ran."""
    return session.exec(select(func.count()).select_from(Grid)).one() == 0


LEGACY_COMMUNITY = "本社区"


def invented_names(session: Session) -> list[str]:
    """Names earlier versions made up during an import (community “本社区”, grid “网格FK-03”): they are printed
    on every ledger, so the app asks for the real ones."""
    found = []
    community = session.exec(select(Community).order_by(Community.id)).first()
    if community is not None and community.name == LEGACY_COMMUNITY:
        found.append(f"社区名称“{LEGACY_COMMUNITY}”")
    for grid in session.exec(select(Grid).order_by(Grid.code)):
        if grid.name == f"网格{grid.code}":
            found.append(f"网格名称“{grid.name}”")
    return found


def save_community(session: Session, details: CommunityDetails) -> Community:
    """Create or change the community's details (printed on every ledger, notice and wall roster)."""
    clean = checked_community(details)
    community = session.exec(select(Community).order_by(Community.id)).first() or Community(name=clean.name)
    community.name, community.subdistrict, community.district = clean.name, clean.subdistrict, clean.district
    community.hotline, community.supervision_phone = clean.hotline, clean.supervision_phone
    session.add(community)
    session.flush()
    return community


def set_up(session: Session, community: CommunityDetails, grids: list[GridDetails]) -> list[Grid]:
    """The first run in one transaction: the community's details and its grids (all checked first)."""
    errors: list[ValueRuleError] = []
    try:
        checked_community(community)
    except ValidationFailed as exc:
        errors += exc.errors
    try:
        rows = checked_grids(session, grids)
    except ValidationFailed as exc:
        errors += exc.errors
    if errors:
        raise ValidationFailed(errors)
    saved = save_community(session, community)
    created = [Grid(community_id=saved.id, code=row.code, name=row.name, steward_name=row.steward_name,
                    steward_phone=row.steward_phone) for row in rows]
    session.add_all(created)
    session.flush()
    return created
