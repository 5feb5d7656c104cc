"""Find residents and households as the steward types: name, pinyin initials, phone, ID tail, address."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlmodel import Session, select

from gridkeeper.domain.address import building_key, room_key, unit_key
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.services.addresses import summaries
from gridkeeper.storage.models import Building, Household, Resident, Unit

_CJK = re.compile(r"[\u3400-\u9fff]")
_ADDRESS = re.compile(r"^(?P<b>[^\s\-#号栋幢座]+)(?:号楼|号|栋|幢|座|#|-|\s)+"
                      r"(?:(?P<u>[^\s\-单元]+)(?:单元|-|\s)+)?(?P<r>\S+?)室?$")
HIGH = "\uffff"


@dataclass
class SearchHit:
    """One result: a resident (with their household) or a household found by address or phone."""

    kind: str  # "resident" | "household"
    household_id: int
    resident_id: int | None
    title: str
    address: str
    matched: str


def _prefix(column, text: str):
    # A range instead of LIKE so SQLite uses the index (and PostgreSQL can too).
    return (column >= text) & (column < text + HIGH)


def search(session: Session, text: str, *, limit: int = 30) -> list[SearchHit]:
    """Results for what was typed, best kinds of match first, at most `limit`."""
    query = unicodedata.normalize("NFKC", text or "").strip()
    if not query:
        return []
    from gridkeeper.services.visibility import visible_grid_ids

    grid_ids = visible_grid_ids(session)
    hits: dict[tuple, SearchHit] = {}
    for finder in _finders(query):
        found = finder(session, query, limit)
        if grid_ids is not None:  # a steward finds the residents of their own grids only
            found = _in_grids(session, found, grid_ids)
        for hit in found:
            hits.setdefault((hit.kind, hit.household_id, hit.resident_id), hit)
            if len(hits) >= limit:
                return list(hits.values())
    return list(hits.values())


def _in_grids(session: Session, hits: list[SearchHit], grid_ids: frozenset[int]) -> list[SearchHit]:
    from sqlalchemy import select as sa_select

    from gridkeeper.storage.models import Building, Household, Unit

    ids = sorted({h.household_id for h in hits})
    mine = set(session.execute(sa_select(Household.id).join(Unit, Unit.id == Household.unit_id)
                               .join(Building, Building.id == Unit.building_id)
                               .where(Household.id.in_(ids), Building.grid_id.in_(sorted(grid_ids)))).scalars())
    return [h for h in hits if h.household_id in mine]


def _finders(query: str):
    compact = query.replace(" ", "").replace("-", "")
    finders = []
    if _ADDRESS.match(query) and any(ch.isdigit() for ch in query):
        finders.append(_by_address)
    if compact.isdigit() or (compact[:-1].isdigit() and compact[-1:] in "xX"):
        finders += [_by_phone, _by_id]
    elif _CJK.search(query):
        finders.append(_by_name)
    elif query.isascii() and query.replace(" ", "").isalpha():
        finders.append(_by_pinyin)
    return finders


def _resident_hits(session: Session, residents: list[Resident], matched: str) -> list[SearchHit]:
    places = {s.id: s for s in summaries(session, sorted({r.household_id for r in residents}))}
    return [SearchHit("resident", r.household_id, r.id, r.name,
                      places[r.household_id].address if r.household_id in places else "", matched)
            for r in residents]


def _by_name(session: Session, query: str, limit: int) -> list[SearchHit]:
    name = query.replace(" ", "")
    found = list(session.exec(select(Resident).where(_prefix(Resident.name, name)).order_by(Resident.name).limit(limit)))
    if len(found) < limit:
        # The given name alone (建华 for 王建华), from its own index: no scan over every name.
        seen = {r.id for r in found}
        more = select(Resident).where(_prefix(Resident.given_name, name)).order_by(Resident.given_name).limit(limit)
        found += [r for r in session.exec(more) if r.id not in seen][: limit - len(found)]
    return _resident_hits(session, found, "姓名")


def _by_pinyin(session: Session, query: str, limit: int) -> list[SearchHit]:
    letters = query.replace(" ", "").lower()
    found = list(session.exec(select(Resident).where(_prefix(Resident.name_initials, letters))
                              .order_by(Resident.name_initials, Resident.id).limit(limit)))
    if len(found) < limit and len(letters) >= 2:
        seen = {r.id for r in found}
        more = select(Resident).where(_prefix(Resident.name_pinyin, letters)).limit(limit)
        found += [r for r in session.exec(more) if r.id not in seen][: limit - len(found)]
    return _resident_hits(session, found, "拼音")


def _by_phone(session: Session, query: str, limit: int) -> list[SearchHit]:
    digits = re.sub(r"\D", "", query)
    if len(digits) < 3:
        return []
    found = list(session.exec(select(Resident).where(_prefix(Resident.phone, digits)).limit(limit)))
    hits = _resident_hits(session, found, "电话")
    households = list(session.exec(select(Household.id).where(_prefix(Household.phone, digits)).limit(limit)))
    hits += [SearchHit("household", s.id, None, s.head_name or s.short_address, s.address, "户电话")
             for s in summaries(session, households)]
    return hits


def _by_id(session: Session, query: str, limit: int) -> list[SearchHit]:
    tail = query.replace(" ", "").upper()
    if len(tail) < 4:
        return []
    if len(tail) == 18:
        found = list(session.exec(select(Resident).where(Resident.id_number == tail).limit(limit)))
    else:
        found = list(session.exec(select(Resident).where(_prefix(Resident.id_reversed, tail[::-1])).limit(limit)))
    return _resident_hits(session, found, "身份证号")


def _by_address(session: Session, query: str, limit: int) -> list[SearchHit]:
    match = _ADDRESS.match(query)
    try:
        b_key, r_key = building_key(match["b"]), room_key(match["r"])
        u_key = unit_key(match["u"]) if match["u"] else None
    except ValueRuleError:
        return []
    stmt = (select(Household.id).join(Unit, Unit.id == Household.unit_id)
            .join(Building, Building.id == Unit.building_id)
            .where(Building.key == b_key, _prefix(Household.room_key, r_key)))
    if u_key:
        stmt = stmt.where(Unit.key == u_key)
    ids = list(session.exec(stmt.order_by(Household.room_key).limit(limit)))
    return [SearchHit("household", s.id, None, s.head_name or s.short_address, s.address, "地址")
            for s in summaries(session, ids)]
