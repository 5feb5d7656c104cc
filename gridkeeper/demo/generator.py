"""`gridkeeper demo`: a deterministic, realistic community at any size, written with bulk inserts."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable
from itertools import accumulate
from operator import mul
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, insert
from sqlmodel import Session, func, select

from gridkeeper.demo import vocabulary as V
from gridkeeper.demo.disputes import make_disputes
from gridkeeper.demo.rentals import TABLES as RENTAL_TABLES, add_rentals
from gridkeeper.domain.care import VisitFrequency
from gridkeeper.domain.idnumber import id_reversed
from gridkeeper.domain.pinyin import given_name, name_initials, name_pinyin
from gridkeeper.services.errors import ServiceError
from gridkeeper.storage import bulk
from gridkeeper.storage import models as M

HOUSEHOLDS_PER_GRID = 250
# The demo is built in memory and written in one transaction; 100,000 households (the size every
# benchmark uses) need about 2 GB at the peak. A million ran out of memory: the count is bounded.
MAX_HOUSEHOLDS = 100_000
TAG_RATES = {"living_alone": 0.025, "empty_nest": 0.03, "disabled": 0.015, "minimum_allowance": 0.015,
             "extreme_hardship": 0.003, "hardship": 0.01, "veteran": 0.02, "left_behind_child": 0.005,
             "new_employment": 0.015}


ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _check_digit(first17: str) -> str:
    return "10X98765432"[sum(map(mul, map(int, first17), ID_WEIGHTS)) % 11]


class Weighted:
    """A weighted pick made the way `rng.choices(population, weights)[0]` makes it — one `random()`, a
    bisect over the cumulative weights (CPython's own algorithm) — with the weights accumulated once
    instead of on every call: the same draw, the same value, a fraction of the time."""

    def __init__(self, population: tuple, weights: tuple):
        self.population, self.cum_weights = population, list(accumulate(weights))
        self.total, self.hi = self.cum_weights[-1] + 0.0, len(population) - 1

    def pick(self, random_: Callable[[], float]):
        return self.population[bisect(self.cum_weights, random_() * self.total, 0, self.hi)]


HOUSEHOLD_SIZES = Weighted((1, 2, 3, 4, 5), (8, 20, 30, 27, 15))
RESIDENCE = Weighted(("registered", "resident"), (85, 15))
VISIT_KINDS = Weighted(("routine", "policy", "safety", "mediation"), (70, 15, 12, 3))


@dataclass
class Demo:
    """The rows being generated, table by table, with ids assigned here."""

    rng: random.Random
    today: date
    rows: dict[str, list[dict]] = field(default_factory=dict)
    issued: set[str] = field(default_factory=set)  # ID numbers already given out: each person has one
    company_of: dict[int, str] = field(default_factory=dict)  # household id → its compound's property company
    spellings: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # name → given name, initials, pinyin

    def add(self, table: str, row: dict) -> int:
        rows = self.rows.setdefault(table, [])
        row["id"] = row.get("id", len(rows) + 1)
        rows.append(row)
        return row["id"]

    def name(self) -> str:
        given = "".join(self.rng.choice(V.GIVEN_CHARS) for _ in range(self.rng.choice((1, 2, 2))))
        return self.rng.choice(V.SURNAMES) + given

    def spelled(self, name: str) -> tuple[str, str, str]:
        """The search columns of a name, as services.people fills them (given name, initials, full
        pinyin); worked out once per distinct name (a community repeats names a lot)."""
        found = self.spellings.get(name)
        if found is None:
            found = self.spellings[name] = (given_name(name), name_initials(name), name_pinyin(name))
        return found

    def mobile(self) -> str:
        return self.rng.choice(("13", "15", "18", "17", "19")) + str(self.rng.randint(0, 9)) + f"{self.rng.randint(0, 99999999):08d}"

    def id_number(self, birth: date, male: bool) -> str:
        while True:
            seq = self.rng.randint(0, 49) * 2 + (1 if male else 0)
            first17 = (f"{self.rng.choice(V.REGION_CODES)}{birth.year:04d}{birth.month:02d}{birth.day:02d}"
                       f"{self.rng.randint(0, 9)}{seq:02d}")
            number = first17 + _check_digit(first17)
            if number not in self.issued:
                self.issued.add(number)
                return number

    def birth(self, age_min: int, age_max: int) -> date:
        return self.today - timedelta(days=self.rng.randint(age_min * 365 + 1, age_max * 365 + 300))


def generate(engine: Engine, *, households: int = 2000, seed: int = 1, today: date | None = None,
             through_session: bool = False) -> dict[str, int]:
    """Fill an empty database; returns how many of each thing were made. `through_session`: write the
    rows through the session's audited INSERT instead of the bulk path (the tests' reference; see _write)."""
    if households < 1 or households > MAX_HOUSEHOLDS:
        raise ServiceError(f"户数应在1到{MAX_HOUSEHOLDS}之间")
    with Session(engine) as session:
        if session.exec(select(func.count()).select_from(M.Household)).one():
            raise ServiceError("数据库里已经有住户数据；演示数据只能写入新的数据库")
    demo = Demo(random.Random(seed), today or date.today())
    _places(demo, households)
    _people(demo)
    _leaders(demo)
    _members(demo)
    _visits_and_requests(demo)
    from gridkeeper.demo.hazards import add_hazard_register

    add_hazard_register(demo, households=households)
    make_disputes(demo)
    add_rentals(demo, random.Random(f"rentals-{seed}"))  # its own stream: the rest stays as it was
    _write(engine, demo, through_session=through_session)
    return {table: len(rows) for table, rows in demo.rows.items()}


def _places(demo: Demo, households: int) -> None:
    demo.add("community", dict(name="福康社区", subdistrict="新华街道", hotline="0451-86123456",
                               supervision_phone="0451-86120000"))
    grid_count = max(1, -(-households // HOUSEHOLDS_PER_GRID))
    compounds: list[int] = []
    remaining = households
    for g in range(grid_count):
        number = g + 1
        label = f"第{V.GRID_NAMES[number - 1]}网格" if number <= 10 else f"第{number}网格"
        grid_id = demo.add("grid", dict(community_id=1, code=f"FK-{number:02d}", name=label,
                                        steward_name=demo.name(), steward_phone=demo.mobile()))
        if g % 2 == 0 or not compounds:
            compounds.append(_compound(demo, len(compounds)))
        quota = min(HOUSEHOLDS_PER_GRID, remaining)
        remaining -= quota
        while quota > 0:
            quota -= _building(demo, grid_id, compounds[-1], quota)


def _compound(demo: Demo, index: int) -> int:
    base = V.COMPOUNDS[index % len(V.COMPOUNDS)]
    name = base if index < len(V.COMPOUNDS) else f"{base}{index // len(V.COMPOUNDS) + 1}期"
    kind = demo.rng.choices(("property_company", "self_managed", "none"), (75, 15, 10))[0]
    company = demo.rng.choice(V.PROPERTY_COMPANIES) if kind == "property_company" else ""
    return demo.add("compound", dict(community_id=1, name=name, management=kind, property_company=company))


def _building(demo: Demo, grid_id: int, compound_id: int, quota: int) -> int:
    rng = demo.rng
    number = sum(1 for b in demo.rows.get("building", []) if b["compound_id"] == compound_id) + 1
    units, floors = rng.randint(2, 6), rng.randint(6, 18)
    building_id = demo.add("building", dict(grid_id=grid_id, compound_id=compound_id, label=f"{number}号楼",
                                            key=str(number), sort_no=number, floors=floors))
    made = 0
    for u in range(1, units + 1):
        if made >= quota:  # no empty unit at the end of the grid's last building (no roster row could carry it)
            return made
        unit_id = demo.add("unit", dict(building_id=building_id, label=f"{u}单元", key=str(u), sort_no=u))
        for floor in range(1, floors + 1):
            for door in (1, 2):
                if made >= quota:
                    return made
                room = f"{floor}{door:02d}"
                use = rng.choices(("owner", "rented", "vacant", "shop"), (70, 18, 8, 4 if floor == 1 else 0))[0]
                demo.add("household", dict(unit_id=unit_id, room=room, room_key=room, floor=floor, housing_use=use,
                                           phone="", notes="", last_visit_on=None))
                made += 1
    return made


def _people(demo: Demo) -> None:
    rng = demo.rng
    for household in demo.rows["household"]:
        if household["housing_use"] == "vacant":
            continue
        migrant = household["housing_use"] == "rented" and rng.random() < 0.6
        size = HOUSEHOLD_SIZES.pick(rng.random)
        elderly = rng.random() < 0.2
        surname = rng.choice(V.SURNAMES)
        names: set[str] = set()
        for position in range(size):
            head = position == 0
            if head:
                age = rng.randint(60, 92) if elderly else rng.randint(25, 61)
                relation = "户主"
            elif position == 1:
                age, relation = max(20, rng.randint(-5, 5) + demo.rows["resident"][-1]["_age"]), "配偶"
            else:
                age, relation = rng.randint(1, 40), "子女"
            male = rng.random() < 0.5 if position != 1 else not demo.rows["resident"][-1]["gender"] == "male"
            name = _unused((surname if head or relation == "子女" else rng.choice(V.SURNAMES)) + demo.name()[1:], names)
            names.add(name)
            birth = demo.birth(age, age)
            id_number = demo.id_number(birth, male) if rng.random() < 0.97 else ""
            spelled = demo.spelled(name)
            resident_id = demo.add("resident", dict(
                household_id=household["id"], name=name, given_name=spelled[0], name_initials=spelled[1],
                name_pinyin=spelled[2], gender="male" if male else "female", id_number=id_number,
                id_reversed=id_reversed(id_number) if id_number else "", birth_date=birth if id_number else None,
                phone=demo.mobile() if age >= 16 and rng.random() < 0.85 else "", relation=relation,
                political_status="party_member" if rng.random() < 0.08 else "masses",
                residence_status="migrant" if migrant else RESIDENCE.pick(rng.random),
                is_head=head, notes="", _age=age))
            _tags(demo, resident_id, age, size)
        if rng.random() < 0.3:
            household["phone"] = demo.rows["resident"][-1]["phone"]


def _unused(name: str, taken: set[str]) -> str:
    """`name`, or the nearest other given name when someone in the family already has it: real families
    do not give two members one name (a roster with two 王伟 in one room reads as one person twice). No
    random numbers are drawn, so the rest of the demo stays as it was."""
    step = 0
    while name in taken:
        step += 1
        last = V.GIVEN_CHARS.index(name[-1]) if name[-1] in V.GIVEN_CHARS else 0
        name = name[:-1] + V.GIVEN_CHARS[(last + step) % len(V.GIVEN_CHARS)]
    return name


# Each drawn tag with the ages it can apply to and its chance (empty-nest three times its rate), in
# TAG_RATES order; living alone is drawn before them from the household's size.
TAG_DRAWS = tuple((tag, {"empty_nest": 60, "new_employment": 20}.get(tag, -1),
                   {"left_behind_child": 16, "new_employment": 45}.get(tag, 999), rate * (3 if tag == "empty_nest" else 1))
                  for tag, rate in TAG_RATES.items() if tag != "living_alone")


def _tags(demo: Demo, resident_id: int, age: int, size: int) -> None:
    random_ = demo.rng.random
    tags = set()
    if age >= 80:
        tags.add("aged_80")
    if size == 1 and age >= 65 and random_() < 0.7:
        tags.add("living_alone")
    for tag, youngest, oldest, chance in TAG_DRAWS:
        if youngest <= age <= oldest and random_() < chance:
            tags.add(tag)
    if tags:
        rows = demo.rows.setdefault("residenttag", [])
        rows.extend({"resident_id": resident_id, "tag": tag} for tag in sorted(tags))


def _leaders(demo: Demo) -> None:
    rng = demo.rng
    residents_by_building: dict[int, list[dict]] = {}
    unit_building = {u["id"]: u["building_id"] for u in demo.rows["unit"]}
    household_unit = {h["id"]: h["unit_id"] for h in demo.rows["household"]}
    for resident in demo.rows["resident"]:
        if resident["is_head"] and resident["phone"]:
            building = unit_building[household_unit[resident["household_id"]]]
            residents_by_building.setdefault(building, []).append(resident)
    term_start = date(demo.today.year - 1, 1, 1)

    def assign(role: str, scope: dict, fill_rate: float, pool: list[dict]) -> None:
        if rng.random() > fill_rate:
            return
        person = rng.choice(pool) if pool and rng.random() < 0.8 else None
        demo.add("leaderassignment", dict(
            role=role, grid_id=scope.get("grid_id"), building_id=scope.get("building_id"), unit_id=scope.get("unit_id"),
            resident_id=person["id"] if person else None, person_name=person["name"] if person else demo.name(),
            person_phone=person["phone"] if person else demo.mobile(),
            is_party_member=bool(person and person["political_status"] == "party_member") or rng.random() < 0.6,
            term_start=term_start, term_end=date(term_start.year + 3, 12, 31), pledge=rng.choice(V.PLEDGES),
            ended_on=None))

    for grid in demo.rows["grid"]:
        assign("grid", {"grid_id": grid["id"]}, 0.9, [])
    for building in demo.rows["building"]:
        assign("building", {"building_id": building["id"]}, 0.85, residents_by_building.get(building["id"], []))
    for unit in demo.rows["unit"]:
        assign("unit", {"unit_id": unit["id"]}, 0.8, residents_by_building.get(unit["building_id"], []))


def _members(demo: Demo) -> None:
    rng = demo.rng
    households = demo.rows["household"]
    grid_of_unit = {u["id"]: demo.rows["building"][u["building_id"] - 1]["grid_id"] for u in demo.rows["unit"]}
    members_by_grid: dict[int, list[int]] = {}
    for _ in range(max(1, len(households) // 40)):
        household = rng.choice(households)
        grid_id = grid_of_unit[household["unit_id"]]
        name = demo.name()
        withdrawn = rng.random() < 0.05
        member_id = demo.add("member", dict(
            name=name, name_initials=name_initials(name), gender=rng.choice(("male", "female")), phone=demo.mobile(),
            employer=rng.choice(V.EMPLOYERS), job_title=rng.choice(("科员", "教师", "医生", "工程师", "科长")),
            party_org=f"{rng.choice(V.EMPLOYERS)}党支部", household_id=household["id"],
            registered_on=demo.today - timedelta(days=rng.randint(30, 900)), grid_id=grid_id,
            post=rng.choice(("政策法规宣传员", "社情民意收集员", "困难群众服务员", "群防群治信息员", "文明创建观察员")),
            status="withdrawn" if withdrawn else "active", withdrawn_on=demo.today - timedelta(days=20) if withdrawn else None))
        members_by_grid.setdefault(grid_id, []).append(member_id)
    for grid_id, member_ids in members_by_grid.items():
        for months_back in range(12):
            for _ in range(rng.randint(1, 2)):
                held = demo.today - timedelta(days=months_back * 30 + rng.randint(0, 29))
                title = rng.choice(V.SERVICE_ACTIVITIES)
                hours, points = rng.choice((1.0, 1.5, 2.0, 3.0)), rng.choice((2, 3, 5))
                activity_id = demo.add("serviceactivity", dict(held_on=held, title=title, category="社区治理",
                                                              grid_id=grid_id))
                for member_id in rng.sample(member_ids, min(len(member_ids), rng.randint(2, 10))):
                    demo.add("servicerecord", dict(member_id=member_id, activity_id=activity_id, served_on=held,
                                                   activity=title, hours=hours, points=points))


def _visits_and_requests(demo: Demo) -> None:
    """A year of visits at each household's own rhythm (care households more often), with gaps."""
    rng, today = demo.rng, demo.today
    frequency = VisitFrequency()
    tags: dict[int, list[str]] = {}
    household_of = {r["id"]: r["household_id"] for r in demo.rows["resident"]}
    for row in demo.rows.get("residenttag", []):
        tags.setdefault(household_of[row["resident_id"]], []).append(row["tag"])
    stewards = {g["id"]: g["steward_name"] for g in demo.rows["grid"]}
    grid_of_unit = {u["id"]: demo.rows["building"][u["building_id"] - 1]["grid_id"] for u in demo.rows["unit"]}
    start = today - timedelta(days=365)
    visits = demo.rows.setdefault("visit", [])
    random_, choice, findings_said = rng.random, rng.choice, V.VISIT_FINDINGS  # bound once: a million visits
    for household in demo.rows["household"]:
        household_id = household["id"]
        care = tags.get(household_id)
        interval = frequency.interval_for(care) if care else rng.randint(20, 55)
        slack = rng.choice((0.8, 1.0, 1.1, 1.3, 1.8))  # some stewards fall behind
        day = start + timedelta(days=rng.randint(0, interval))
        steward = stewards[grid_of_unit[household["unit_id"]]]
        occupied = household["housing_use"] != "vacant"
        last = None
        while day <= today:
            kind = "care" if care and random_() < 0.7 else VISIT_KINDS.pick(random_)
            home = occupied and random_() < 0.85
            findings = choice(findings_said) if home else "家中无人，留联系卡"
            visit_id = len(visits) + 1
            visits.append({"id": visit_id, "household_id": household_id, "visited_on": day, "visitor_kind": "steward",
                           "visitor_name": steward, "leader_id": None, "member_id": None, "kind": kind,
                           "anyone_home": home, "findings": findings})
            last = day
            if home and random_() < 0.03:
                _request(demo, household_id, day, visit_id)
            # rng.uniform(0.7, 1.3) written out as random.Random.uniform computes it (the same draw and value)
            day += timedelta(days=max(1, int(interval * slack * (0.7 + (1.3 - 0.7) * random_()))))
        household["last_visit_on"] = last


def _request(demo: Demo, household_id: int, raised: date, visit_id: int | None) -> None:
    rng, today = demo.rng, demo.today
    category = rng.choice(tuple(V.REQUEST_TEXTS))
    deadline = raised + timedelta(days=7)
    age = (today - raised).days
    target, handler = V.DISPATCH[category]
    handler = handler or "物业服务中心"
    pace, pleased = _company_service(demo, household_id) if target == "property_company" else (1.0, 80)
    # Older requests have gone round the loop; recent ones are still open; a few stall past their deadline.
    if age > 30:
        final = rng.choices(("rated", "resolved", "withdrawn", "in_progress"), (86, 8, 4, 2))[0]
    else:
        weights = (2, 3, 6, 25, 64) if age > 7 else (20, 30, 30, 15, 5)
        final = rng.choices(("received", "dispatched", "in_progress", "resolved", "rated"), weights)[0]
    request_id = len(demo.rows.get("resident_request", [])) + 1
    path = {"received": ["received"], "dispatched": ["received", "dispatched"],
            "in_progress": ["received", "dispatched", "in_progress"],
            "resolved": ["received", "dispatched", "in_progress", "resolved"],
            "rated": ["received", "dispatched", "in_progress", "resolved", "rated"],
            "withdrawn": ["received", "withdrawn"]}[final]
    resolved_on = None
    day, previous = raised, None
    for status in path:
        if status == "resolved":
            day = min(today, raised + timedelta(days=max(1, round(rng.choice((1, 2, 3, 5, 6, 8, 12)) * pace))))
            resolved_on = day
        elif status != "received":
            day = min(today, day + timedelta(days=rng.randint(0, 2)))
        note = {"dispatched": handler, "resolved": rng.choice(V.FEEDBACK), "withdrawn": "居民自行解决"}.get(status, "")
        demo.rows.setdefault("request_event", []).append(dict(
            id=len(demo.rows.get("request_event", [])) + 1, request_id=request_id,
            at=datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC), from_status=previous, to_status=status,
            note=note, actor=""))
        previous = status
    dispatched = final not in ("received", "withdrawn")
    demo.rows.setdefault("resident_request", []).append(dict(
        id=request_id, household_id=household_id, resident_id=None, raised_on=raised, source_visit_id=visit_id,
        category=category, description=rng.choice(V.REQUEST_TEXTS[category]), status=final,
        dispatch_target=target if dispatched else None, dispatched_to=handler if dispatched else "",
        deadline=deadline, resolved_on=resolved_on,
        feedback=rng.choice(V.FEEDBACK) if resolved_on else "",
        followed_up_on=resolved_on + timedelta(days=1) if final == "rated" else None,
        rating=rng.choices(("satisfied", "fairly_satisfied", "dissatisfied"), (pleased, 15, 100 - 15 - pleased))[0]
        if final == "rated" else None,
        withdrawn_reason="居民自行解决" if final == "withdrawn" else ""))


# Property companies differ, so the red and black list has something to show: how much faster or slower
# than the community's usual pace each one resolves requests, and the share of residents fully satisfied
# (the rest 基本满意 15 %, 不满意 what remains). Same random draws as before: only the values differ.
COMPANY_SERVICE = {"南方物业公司": (0.7, 82), "伟捷物业服务有限公司": (0.8, 80), "龙江物业管理有限公司": (1.0, 78),
                   "万家物业服务有限公司": (1.3, 70), "安居物业管理有限公司": (1.6, 62), "红旗物业服务中心": (0.9, 76)}


def _company_service(demo: Demo, household_id: int) -> tuple[float, int]:
    """(pace, % fully satisfied) of the property company of the household's compound."""
    if not demo.company_of:  # built once: household → unit → building → compound
        companies = {c["id"]: c["property_company"] for c in demo.rows["compound"]}
        buildings = {b["id"]: companies[b["compound_id"]] for b in demo.rows["building"]}
        units = {u["id"]: buildings[u["building_id"]] for u in demo.rows["unit"]}
        demo.company_of = {h["id"]: units[h["unit_id"]] for h in demo.rows["household"]}
    return COMPANY_SERVICE.get(demo.company_of.get(household_id, ""), (1.0, 80))


def _ready(table: str, rows: list[dict]) -> list[dict]:
    """The rows as stored: a resident's working age dropped, the reversed phone added (as services.people writes it)."""
    if table == "resident":
        for row in rows:
            row.pop("_age", None)
            row["phone_reversed"] = row["phone"][::-1]
    return rows


TABLE_ORDER = ("community", "grid", "compound", "building", "unit", "household", "resident", "residenttag",
               "leaderassignment", "member", "serviceactivity", "servicerecord", "visit", "resident_request",
               "request_event")
TABLE_ORDER += ("safety_place", "safety_inspection", "safety_hazard", "safety_hazard_event")
TABLE_ORDER += ("dispute", "dispute_party", "mediation_session", "dispute_event")  # the dispute register
TABLE_ORDER += RENTAL_TABLES
BATCH = 20_000


def _write(engine: Engine, demo: Demo, *, through_session: bool = False) -> None:
    """Everything in one transaction, in bulk, through storage.bulk.insert_rows: the DBAPI's executemany
    on SQLite, COPY on PostgreSQL, audited as one summary row per batch of BATCH rows of a table (as a
    bulk insert through the session is), the row guards asked once per table (the demo is written by an
    administrator, or before any account exists; a steward is refused as before), and a server's id
    sequences moved past the ids given here.

    `through_session` writes the same rows the slow way, `session.execute(insert(table), rows)` through
    the audit and guard hooks row by row, as before storage.bulk.insert_rows: the reference the tests
    compare the fast path with (same rows, same audit rows)."""
    tables = M.SQLModel.metadata.tables
    with Session(engine) as session:
        if through_session:
            for name in TABLE_ORDER:
                rows = _ready(name, demo.rows.get(name, []))
                for start in range(0, len(rows), BATCH):
                    session.execute(insert(tables[name]), rows[start:start + BATCH])
        else:
            with bulk.filling_new_database(session, [tables[name] for name in TABLE_ORDER]):
                for name in TABLE_ORDER:
                    bulk.insert_rows(session, tables[name], _ready(name, demo.rows.get(name, [])), batch=BATCH)
        bulk.sync_sequences(session.connection(), [tables[name] for name in TABLE_ORDER])
        bulk.analyze(session.connection())
        session.commit()
