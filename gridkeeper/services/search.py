"""Find residents and households as the steward types, ranked by where the steward works.

One service for the search box, the visit quick entry's household picker and the leader candidate list.
Results are ranked, best first, by:

1. place — the building (or compound) selected in the tree, then the rest of the selected grid (or the
   signed-in steward's own grids when nothing narrower is selected), then everywhere else;
2. how well it matched — the whole name before the given name before names that only start so; all pinyin
   initials before a prefix of them; a number that ends with the digits (an ID or phone tail) before one
   that starts with them, before one that merely contains them;
3. people whose household was visited in the last RECENT_DAYS days or has an open request;
4. name, then address.

Every search also counts what matched (`SearchResult.total`): nothing is cut silently. Queries are indexed
prefix ranges (`col >= x AND col < x + U+FFFF`), never a leading-wildcard LIKE over the whole community, so
they run the same on PostgreSQL; the one "contains" search (digits inside an ID or phone number) is made
only within the steward's own place (or the narrow place a caller restricts to), where it reads a few
hundred rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import and_, case, func, literal, or_
from sqlmodel import Session, select

from gridkeeper.domain.address import building_key, room_key, unit_key
from gridkeeper.domain.address_text import NO_UNIT, split_address
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.request_flow import OPEN
from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Building, Compound, Grid, Household, Resident, ResidentRequest, Unit

HIGH = "\uffff"
RECENT_DAYS = 30
FETCH_ALL = 1000  # a kind of match with more rows than this is read in index order, LIMIT what is shown
DEFAULT_LIMIT = 30
_CJK = re.compile(r"[\u3400-\u9fff]")
_TAIL = re.compile(r"^(?:手机|电话|身份证|证件)?(?:号码)?尾号\s*(?P<digits>\d+[Xx]?)$")
PLACE_HERE, PLACE_NEAR, PLACE_ELSEWHERE = 0, 1, 2
KINDS = ("resident", "household")


# --- where the steward works ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Nearby:
    """The place whose matches come first: buildings/compounds (rank 0), then grids (rank 1)."""

    building_ids: frozenset[int] = frozenset()
    compound_ids: frozenset[int] = frozenset()
    grid_ids: frozenset[int] = frozenset()
    today: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.building_ids or self.compound_ids or self.grid_ids)

    def place_rank(self, grid_id: int, compound_id: int, building_id: int) -> int:
        if building_id in self.building_ids or compound_id in self.compound_ids:
            return PLACE_HERE
        if grid_id in self.grid_ids:
            return PLACE_NEAR
        return PLACE_ELSEWHERE


def nearby(session: Session, scope: Scope | None = None, own_grid_ids: Iterable[int] = (), *,
           today: date | None = None) -> Nearby:
    """What comes first for a steward: the tree's selection (a unit counts as its building, a building brings
    its grid after it), else the grids of the signed-in steward's account."""
    scope = scope or Scope()
    building_id = scope.building_id
    if scope.unit_id and not building_id:
        building_id = session.exec(select(Unit.building_id).where(Unit.id == scope.unit_id)).first()
    if building_id:
        grid_id = session.exec(select(Building.grid_id).where(Building.id == building_id)).first()
        return Nearby(building_ids=frozenset({building_id}), grid_ids=frozenset({grid_id} if grid_id else ()),
                      today=today)
    if scope.compound_id:
        return Nearby(compound_ids=frozenset({scope.compound_id}),
                      grid_ids=frozenset({scope.grid_id} if scope.grid_id else ()), today=today)
    if scope.grid_id:
        return Nearby(grid_ids=frozenset({scope.grid_id}), today=today)
    return Nearby(grid_ids=frozenset(own_grid_ids), today=today)


def for_steward(session: Session, scope: Scope | None, user, *, today: date | None = None) -> Nearby:
    """`nearby` for the tree's selection and whoever is signed in (an administrator has no own grids)."""
    own = user.grid_ids if user is not None and not user.is_admin else ()
    return nearby(session, scope, own, today=today)


# --- results --------------------------------------------------------------------------------------------

@dataclass
class SearchHit:
    """One result: a resident (with their household) or a household found by address, place or phone."""

    kind: str  # "resident" | "household"
    household_id: int
    resident_id: int | None
    title: str
    address: str
    matched: str
    place: int = PLACE_ELSEWHERE  # PLACE_HERE / PLACE_NEAR: in the steward's place (the picker marks the rest)
    grid_code: str = ""

    @property
    def nearby(self) -> bool:
        return self.place != PLACE_ELSEWHERE


@dataclass
class SearchResult:
    """The best `limit` hits and how many matched in all."""

    hits: list[SearchHit]
    people: int = 0       # residents that matched
    households: int = 0   # households that matched by address, place or household phone
    nearby_only: bool = False  # some matches (digits inside a number) were looked for only nearby

    @property
    def total(self) -> int:
        return self.people + self.households

    @property
    def capped(self) -> bool:
        return self.total > len(self.hits)


@dataclass(frozen=True)
class Match:
    """One matching row with everything its rank needs (the "show all" list sorts and filters these)."""

    kind: str
    resident_id: int | None
    household_id: int
    name: str
    tier: int
    label: str
    place: int
    active: bool
    grid_id: int
    compound_id: int
    building_id: int
    address_key: tuple
    last_visit_on: date | None

    @property
    def rank(self) -> tuple:
        return (self.place, self.tier, not self.active, self.name, self.address_key, self.resident_id or 0)


# --- what a query can mean ------------------------------------------------------------------------------

@dataclass
class _Tier:
    """One way the query matches, with its rank (lower is better) and the words shown for it."""

    kind: str      # "resident" | "household"
    tier: int
    label: str
    where: object  # condition on Resident (resident) or Household/Unit/Building (household)
    order: tuple = ()  # index order when only the first rows are read (default: by id, as an equality index is)
    nearby_only: bool = False
    needs_join: bool = False  # the condition names Unit/Building (household tiers)


def _prefix(column, text: str):
    # A range instead of LIKE so SQLite uses the index (and PostgreSQL can too).
    return and_(column >= text, column < text + HIGH)


def normalize(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _tiers(session: Session, query: str, kinds: frozenset[str]) -> list[_Tier]:
    tiers: list[_Tier] = []
    if "household" in kinds:
        tiers += _place_tiers(session, query)
    compact = query.replace(" ", "").replace("-", "")
    tail = _TAIL.match(query.replace(" ", ""))
    if tail:
        tiers += _number_tiers(tail["digits"].upper(), tails_only=True)
    elif compact and (compact.isdigit() or (compact[:-1].isdigit() and compact[-1] in "xX")):
        tiers += _number_tiers(compact.upper(), tails_only=False)
    elif _CJK.search(query) and not any(ch.isdigit() for ch in query):
        tiers += _name_tiers(query.replace(" ", ""))
    elif query.isascii() and query.replace(" ", "").isalpha():
        tiers += _pinyin_tiers(query.replace(" ", "").lower())
    return [t for t in tiers if t.kind in kinds]


def _name_tiers(name: str) -> list[_Tier]:
    R = Resident
    return [
        _Tier("resident", 0, "姓名", R.name == name),
        _Tier("resident", 1, "名字", and_(R.given_name == name, R.name != name)),
        _Tier("resident", 2, "姓名开头", and_(_prefix(R.name, name), R.name != name), (R.name, R.id)),
        _Tier("resident", 3, "名字开头", and_(_prefix(R.given_name, name), R.given_name != name,
                                              R.name != name), (R.given_name, R.id)),
    ]


def _pinyin_tiers(letters: str) -> list[_Tier]:
    R = Resident
    tiers = [_Tier("resident", 0, "拼音首字母", R.name_initials == letters),
             _Tier("resident", 1, "首字母开头", and_(_prefix(R.name_initials, letters), R.name_initials != letters),
                   (R.name_initials, R.id))]
    if len(letters) >= 2:
        tiers += [_Tier("resident", 0, "拼音", and_(R.name_pinyin == letters, R.name_initials != letters)),
                  _Tier("resident", 2, "拼音开头", and_(_prefix(R.name_pinyin, letters), R.name_pinyin != letters,
                                                         R.name_initials != letters), (R.name_pinyin, R.id))]
    return tiers


def _number_tiers(digits: str, *, tails_only: bool) -> list[_Tier]:
    R, H = Resident, Household
    plain = digits.rstrip("X")
    tiers: list[_Tier] = []
    if len(digits) == 18:
        tiers.append(_Tier("resident", 0, "身份证号", R.id_number == digits))
    if 4 <= len(digits) < 18 or (tails_only and len(digits) >= 3):
        tiers.append(_Tier("resident", 0, "身份证尾号", _prefix(R.id_reversed, digits[::-1]), (R.id_reversed, R.id)))
        if plain == digits:
            tiers.append(_Tier("resident", 0, "电话尾号", _prefix(R.phone_reversed, digits[::-1]),
                               (R.phone_reversed, R.id)))
    if tails_only or plain != digits:
        return tiers
    if len(digits) >= 3:
        tiers += [_Tier("resident", 1, "电话", and_(_prefix(R.phone, digits), ~_prefix(R.phone_reversed, digits[::-1])),
                        (R.phone, R.id)),
                  _Tier("household", 1, "户电话", _prefix(H.phone, digits), (H.phone, H.id))]
    if len(digits) >= 4:
        # Digits in the middle of a number: only near the steward (a leading-wildcard scan of 300,000 numbers
        # costs 150 ms; a grid's 750 people cost nothing).
        tiers.append(_Tier("resident", 2, "号码含", or_(R.id_number.contains(digits), R.phone.contains(digits)),
                           nearby_only=True))
    return tiers


def _place_tiers(session: Session, query: str) -> list[_Tier]:
    """A compound, a building or an address (阳光花园, 阳光花园1号楼, 7-2-301, 7号楼2单元301): its households."""
    if not any(ch.isdigit() for ch in query) and not _CJK.search(query):
        return []
    compound_ids, rest = _compound_named(session, query)
    if compound_ids and not rest:
        return [_Tier("household", 0, "小区", Building.compound_id.in_(compound_ids), needs_join=True)]
    if not any(ch.isdigit() for ch in rest) and not re.search(r"[一二三四五六七八九十]", rest):
        return []
    try:
        parts = split_address(rest, need_room=False)
        b_key, u_key, r_key = parts.keys
    except ValueRuleError:
        return []
    if parts.compound:  # a compound name we do not have
        return []
    conditions = [Building.key == b_key]
    if compound_ids:
        conditions.append(Building.compound_id.in_(compound_ids))
    if not any(w.message == NO_UNIT for w in parts.warnings):  # 7号楼301: any unit of building 7
        conditions.append(Unit.key == u_key)
    if not r_key:
        return [_Tier("household", 0, "楼栋", and_(*conditions), needs_join=True)]
    return [_Tier("household", 0, "地址", and_(*conditions, Household.room_key == r_key), needs_join=True),
            _Tier("household", 1, "地址", and_(*conditions, _prefix(Household.room_key, r_key),
                                               Household.room_key != r_key), needs_join=True)]


def _compound_named(session: Session, query: str) -> tuple[list[int], str]:
    """Compounds whose name the query starts with (the longest such name), and the rest of the query."""
    text = query.replace(" ", "")
    if not _CJK.search(text[:1] or "x"):
        return [], query
    best, ids = "", []
    for compound_id, name in session.exec(select(Compound.id, Compound.name)
                                          .where(Compound.name <= text, Compound.name >= text[:1])):
        name = name.replace(" ", "")
        if text.startswith(name) and len(name) >= len(best):
            if len(name) > len(best):
                best, ids = name, []
            ids.append(compound_id)
    return ids, text[len(best):]


# --- running it -----------------------------------------------------------------------------------------

def _key_query(tiers: list[_Tier]):
    """Rows matching any of these tiers (all of one kind), each with the index of the best tier it meets."""
    resident = tiers[0].kind == "resident"
    best = (literal(0) if len(tiers) == 1 else
            case(*[(t.where, i) for i, t in enumerate(tiers)], else_=len(tiers)))
    columns = (Resident.id if resident else literal(None), Resident.name if resident else literal(""),
               Household.id, Household.last_visit_on, Building.grid_id, Building.compound_id, Building.id,
               Building.sort_no, Building.key, Unit.sort_no, Household.floor, Household.room_key, best)
    query = select(*columns)
    if resident:
        query = query.select_from(Resident).join(Household, Household.id == Resident.household_id)
    else:
        query = query.select_from(Household)
    return (query.join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
            .where(or_(*[t.where for t in tiers]) if len(tiers) > 1 else tiers[0].where))


def _counts(session: Session, tiers: list[_Tier], within: Scope | None) -> tuple[int, list[int]]:
    """How many rows match any of these tiers (one kind), and how many each tier matches — one query."""
    if not tiers:
        return 0, []
    base = Resident if tiers[0].kind == "resident" else Household
    joined = within is not None and not within.is_all or any(t.needs_join for t in tiers)
    query = select(func.count(), *[func.sum(case((t.where, 1), else_=0)) for t in tiers]).select_from(base)
    if joined:
        if base is Resident:
            query = query.join(Household, Household.id == Resident.household_id)
        query = query.join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
        if within is not None:
            query = within.apply(query, joined=True)
    total, *each = session.connection().execute(query.where(or_(*[t.where for t in tiers]))).one()
    return total, [n or 0 for n in each]


@dataclass
class _Collector:
    near: Nearby
    since: date
    found: dict[tuple, Match] = field(default_factory=dict)

    def add(self, tiers: list[_Tier], rows) -> None:
        for (resident_id, name, household_id, last_visit, grid_id, compound_id, building_id,
             b_sort, b_key, u_sort, floor, r_key, index) in rows:
            tier = tiers[min(index, len(tiers) - 1)]
            key = (tier.kind, resident_id, household_id)
            old = self.found.get(key)
            if old is not None and old.tier <= tier.tier:
                continue
            self.found[key] = Match(
                tier.kind, resident_id, household_id, name or "", tier.tier, tier.label,
                self.near.place_rank(grid_id, compound_id, building_id),
                bool(last_visit and last_visit >= self.since),  # open requests are added by `finish`
                grid_id, compound_id, building_id,
                (grid_id, compound_id, b_sort, b_key, u_sort, floor or 0, r_key), last_visit)

    def finish(self, session: Session) -> list[Match]:
        """Mark households with an open request as active (asked only for the rows found), then rank."""
        waiting = sorted({m.household_id for m in self.found.values() if not m.active})
        open_ids: set[int] = set()
        statuses = [s.value for s in OPEN]
        for start in range(0, len(waiting), 900):
            open_ids |= set(session.connection().execute(
                select(ResidentRequest.household_id).distinct()
                .where(ResidentRequest.household_id.in_(waiting[start:start + 900]),
                       ResidentRequest.status.in_(statuses))).scalars())
        found = [replace(m, active=True) if m.household_id in open_ids else m for m in self.found.values()]
        return sorted(found, key=lambda m: m.rank)


def _near_buildings(session: Session, near: Nearby) -> list[int]:
    if near.is_empty:
        return []
    conditions = []
    if near.building_ids:
        conditions.append(Building.id.in_(near.building_ids))
    if near.compound_ids:
        conditions.append(Building.compound_id.in_(near.compound_ids))
    if near.grid_ids:
        conditions.append(Building.grid_id.in_(near.grid_ids))
    return list(session.connection().execute(select(Building.id).where(or_(*conditions))).scalars())


def matches(session: Session, text: str, *, near: Nearby = Nearby(), within: Scope | None = None,
            limit: int | None = None, kinds: Iterable[str] = ("resident", "household")
            ) -> tuple[list[Match], int, int, bool]:
    """The matches in rank order (all of them when `limit` is None, else at least the best `limit`), with
    how many people and households matched in all and whether some kind was searched only nearby."""
    query = normalize(text)
    if not query:
        return [], 0, 0, False
    tiers = _tiers(session, query, frozenset(kinds))
    if not tiers:
        return [], 0, 0, False
    within = _readable(session, within)
    today = near.today or date.today()
    got = _Collector(near, today - timedelta(days=RECENT_DAYS))

    run = session.connection().execute  # plain rows: no ORM entities, a quarter of the cost

    def restricted(q):
        return within.apply(q, joined=True) if within is not None else q

    kinds_of = {kind: sorted([t for t in tiers if t.kind == kind], key=lambda t: t.tier) for kind in KINDS}
    kinds_of = {kind: group for kind, group in kinds_of.items() if group}
    buildings = _near_buildings(session, near)
    if buildings:  # everything near the steward, every kind of match, one query a kind: a few hundred rows
        for group in kinds_of.values():
            got.add(group, run(restricted(_key_query(group)).where(Building.id.in_(buildings))))
    if within is not None and not within.is_all:  # a narrow place (a post's building): small enough too
        for group in kinds_of.values():
            nearby_only = [t for t in group if t.nearby_only]
            if nearby_only:
                got.add(nearby_only, run(restricted(_key_query(nearby_only))))
    near_count = len(got.found)
    totals, sizes = {}, {}
    for kind, group in kinds_of.items():
        global_tiers = [t for t in group if not t.nearby_only]
        totals[kind], each = _counts(session, global_tiers, within)
        sizes.update(zip(map(id, global_tiers), each))
    for tier in sorted([t for t in tiers if not t.nearby_only], key=lambda t: t.tier):
        if limit is not None and _settled(got.found.values(), tier.tier) >= limit:
            break
        if not sizes.get(id(tier)):
            continue
        query_rows = restricted(_key_query([tier]))
        if limit is not None and sizes[id(tier)] > FETCH_ALL:  # e.g. initials "ly": 2,000 people
            order = tier.order or ((Resident.id,) if tier.kind == "resident" else (Household.id,))
            query_rows = query_rows.order_by(*order).limit(limit + near_count)
        got.add([tier], run(query_rows))
    people, households = totals.get("resident", 0), totals.get("household", 0)
    # Matches found only nearby ("digits inside a number") are not in the counts above.
    nearby_labels = {t.label for t in tiers if t.nearby_only}
    people += sum(1 for m in got.found.values() if m.kind == "resident" and m.label in nearby_labels)
    ranked = got.finish(session)
    return ranked, people, households, any(t.nearby_only for t in tiers)


def _readable(session: Session, within: Scope | None) -> Scope | None:
    """`within` narrowed to the grids the one signed in may read (a steward: their own grids only)."""
    from gridkeeper.services.visibility import visible_grid_ids

    grid_ids = visible_grid_ids(session)
    if grid_ids is None:
        return within
    within = within or Scope()
    allowed = grid_ids if within.grid_ids is None else grid_ids & within.grid_ids
    return replace(within, grid_ids=frozenset(allowed))


def _settled(found: Iterable[Match], next_tier: int) -> int:
    # Rows no later kind of match can outrank: near the steward (all read already) or a better kind.
    return sum(1 for m in found if m.place != PLACE_ELSEWHERE or m.tier < next_tier)


def find(session: Session, text: str, *, near: Nearby = Nearby(), within: Scope | None = None,
         limit: int = DEFAULT_LIMIT, kinds: Iterable[str] = ("resident", "household")) -> SearchResult:
    """The best `limit` results for what was typed, ranked for this steward, and how many matched."""
    ranked, people, households, nearby_only = matches(session, text, near=near, within=within, limit=limit,
                                                      kinds=kinds)
    return SearchResult(hits(session, ranked[:limit]), people, households, nearby_only)


def hits(session: Session, ranked: list[Match]) -> list[SearchHit]:
    """Titles and addresses for these matches (one page of them), in two plain queries."""
    ids = sorted({m.household_id for m in ranked})
    places: dict[int, tuple[str, str, str]] = {}
    heads: dict[int, tuple[bool, int, str]] = {}
    conn = session.connection()
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        for hid, room, unit, building, compound, grid in conn.execute(
                select(Household.id, Household.room, Unit.label, Building.label, Compound.name, Grid.code)
                .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
                .join(Compound, Compound.id == Building.compound_id).join(Grid, Grid.id == Building.grid_id)
                .where(Household.id.in_(chunk))):
            places[hid] = (f"{compound}{building}{unit}{room}", f"{building}{unit}{room}", grid)
        for hid, rid, name, is_head in conn.execute(select(Resident.household_id, Resident.id, Resident.name,
                                                           Resident.is_head).where(Resident.household_id.in_(chunk))):
            best = heads.get(hid)
            if best is None or (is_head, -rid) > best[:2]:
                heads[hid] = (bool(is_head), -rid, name)
    out = []
    for m in ranked:
        address, short, grid = places.get(m.household_id, ("", "", ""))
        title = m.name if m.kind == "resident" else (heads[m.household_id][2] if m.household_id in heads else short)
        out.append(SearchHit(m.kind, m.household_id, m.resident_id, title, address, m.label, m.place, grid))
    return out


def search(session: Session, text: str, *, limit: int = DEFAULT_LIMIT, near: Nearby = Nearby(),
           within: Scope | None = None) -> list[SearchHit]:
    """Just the hits (callers that do not show a count)."""
    return find(session, text, near=near, within=within, limit=limit).hits
