"""Writing a checked roster into the database: match saved households and residents, bulk-insert the new."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session

from gridkeeper.domain.enums import HousingUse
from gridkeeper.domain.names import visible_text
from gridkeeper.excel.existing import Existing, load_existing, versions_now
from gridkeeper.excel.grouping import HouseholdPlan
from gridkeeper.excel.problems import ChangedRecord, ImportConflict, Problem
from gridkeeper.excel.records import RESIDENT_COLUMNS, PersonRow, RowReader
from gridkeeper.services import geography as geo
from gridkeeper.services.errors import ServiceError
from gridkeeper.storage import bulk
from gridkeeper.storage.models import Grid, Household, Resident, ResidentTag

BATCH = 5000


@dataclass
class ImportCounts:
    households_added: int = 0
    households_updated: int = 0
    residents_added: int = 0
    residents_updated: int = 0


@dataclass
class _Pending:
    """What one write will do: new rows to insert and changed columns of saved rows."""

    new_households: list[tuple[HouseholdPlan, dict]] = field(default_factory=list)
    household_updates: list[dict] = field(default_factory=list)
    new_residents: list[tuple[PersonRow, dict]] = field(default_factory=list)
    resident_updates: list[dict] = field(default_factory=list)
    retag: dict[int, list[str]] = field(default_factory=dict)
    touched: set[int] = field(default_factory=set)
    # (table, id) of each saved record it updates → (the version it must still be at, Excel row, its name)
    guard: dict[tuple[str, int], tuple[int, int, str]] = field(default_factory=dict)


class GridMissing(ServiceError):
    """The grid to import into does not exist and no name was given for it."""


def missing_grid_message(session: Session, code: str) -> str:
    known = "、".join(f"{g.code} {g.name}" for g in session.execute(select(Grid).order_by(Grid.code)).scalars()) or "还没有任何网格"
    return (f"没有编码为 {code} 的网格（现有网格：{known}）。导入不会自动起一个临时的网格名称（网格名称印在每份台账上）："
            f"请先在网格管家左侧的地点树中新建这个网格，或加 --grid-name 网格名称 一并新建（例如 --grid-name 第三网格）")


class RosterWriter:
    """Checks a roster against the database, then writes it; the caller owns the transaction."""

    def __init__(self, session: Session, grid_code: str, reader: RowReader, *, grid_name: str = "",
                 community: str = ""):
        self.session, self.reader = session, reader
        self.grid_code = visible_text(grid_code).upper()
        self.grid: Grid | None = geo.grid_by_code(session, self.grid_code)
        # A grid is only created under the name the user gave (it is printed on every ledger).
        self.grid_name, self.community = " ".join(grid_name.split()), " ".join(community.split())
        self.default_compound = self.grid.name if self.grid else (self.grid_name or self.grid_code)
        self.dry_run = False
        self.rental_counts = None  # a tenant list's leases and registrations written (excel/tenant_writer.py)
        self.existing = Existing()
        # "household:12" → version: what the check saw (the wizard's preview); a record the import updates must
        # still be at it, or the import is refused (ImportConflict). matched_versions: what this run saw.
        self.checked_versions: dict[str, int] = {}
        self.matched_versions: dict[str, int] = {}
        self._compound_ids: dict[str, int] = {}
        self._building_ids: dict[tuple[str, str], int] = {}

    def compound_of(self, person_or_plan) -> str:
        return person_or_plan.compound or self.default_compound

    def load(self, rows: list[PersonRow]) -> None:
        names = {self.compound_of(p) for p in rows}
        ids = [p.id_number for p in rows if p.id_number]
        self.existing = load_existing(self.session, names, ids)

    # -- checks against what is saved ------------------------------------------------------------

    def _saved_household(self, person_or_plan) -> dict | None:
        compound_id = self.existing.compounds.get(self.compound_of(person_or_plan))
        building = self.existing.buildings.get((compound_id, person_or_plan.building_key))
        unit_id = building and self.existing.units.get((building.id, person_or_plan.unit_key))
        room_key = (person_or_plan.household if isinstance(person_or_plan, PersonRow) else person_or_plan.fields)["room_key"]
        return self.existing.households.get((unit_id, room_key)) if unit_id else None

    def row_problems(self, rows: list[PersonRow]) -> list[Problem]:
        """Rows whose building belongs to another grid, or whose ID number is saved for someone elsewhere."""
        problems = []
        grid_id = self.grid.id if self.grid else None
        for person in rows:
            compound_id = self.existing.compounds.get(self.compound_of(person))
            building = self.existing.buildings.get((compound_id, person.building_key))
            if building is not None and building.grid_id != grid_id:
                other = self.existing.grid_codes.get(building.grid_id, "?")
                problems.append(Problem(person.row, self.reader.column_name("building"), person.building_label,
                                        f"{self.compound_of(person)}{building.label}属于网格 {other}，不能导入到网格 {self.grid_code}"))
                continue
            saved = self.existing.by_id_number.get(person.id_number or "\0")
            target = self._saved_household(person)
            if saved and (target is None or saved["household_id"] != target["id"]):
                problems.append(Problem(person.row, self.reader.column_name("id_number"), person.id_number,
                                        f"该身份证号已登记在另一户（居民{saved['name']}），请先核对或迁出后再导入"))
        return problems

    def head_problems(self, plans: list[HouseholdPlan]) -> list[Problem]:
        """A file's head of household who is not the head already saved for that room."""
        problems = []
        for plan in plans:
            target, head = self._saved_household(plan), plan.head
            if target is None or head is None:
                continue
            saved_head = next((r for r in self.existing.residents.get(target["id"], []) if r["is_head"]), None)
            if saved_head and not _same_person(saved_head, head.resident):
                problems.append(Problem(head.row, self.reader.column_name("name"), head.resident["name"],
                                        f"该户已登记户主{saved_head['name']}，与表中户主不同（如已更换户主，请先在软件中修改）"))
        return problems

    def check_grid(self) -> None:
        """GridMissing / NoCommunity when the import would have to invent a grid or community name."""
        if self.grid is not None:
            return
        if not self.grid_name:
            raise GridMissing(missing_grid_message(self.session, self.grid_code))
        if geo.get_community(self.session) is None and not self.community:
            raise geo.NoCommunity("数据库中还没有社区信息，导入需要新建网格时也要知道社区名称（打印在每份台账上）："
                                  "请先打开网格管家按设置向导填写，或加 --community 社区名称（例如 --community 福康社区居民委员会）")

    # -- writing ---------------------------------------------------------------------------------

    def write(self, plans: list[HouseholdPlan], progress=None) -> ImportCounts:
        """Insert and update everything in `plans` (already checked); returns what changed."""
        if self.grid is None:
            if self.dry_run:  # counted in a transaction that is rolled back: stand-in names never reach the file
                geo.ensure_community(self.session, name=self.community or "试运行")
                self.grid = geo.create_grid(self.session, code=self.grid_code, name=self.grid_name or self.grid_code)
            else:
                self.check_grid()
                geo.ensure_community(self.session, name=self.community)
                self.grid = geo.create_grid(self.session, code=self.grid_code, name=self.grid_name)
        pending = _Pending()
        for plan in plans:
            self._plan_household(plan, pending)
        counts = ImportCounts()
        self._insert_households(pending, counts)
        for plan_index, plan in enumerate(plans):
            self._plan_residents(plan, plan.household_id, pending)
            if progress and plan_index % 2000 == 0:
                progress(plan_index, len(plans))
        self._refuse_changed(pending)
        for start in range(0, len(pending.household_updates), BATCH):
            self.session.execute(update(Household), pending.household_updates[start:start + BATCH])
        self._apply_residents(pending, counts)
        counts.households_updated = len(pending.touched)
        if self.reader.tenant_cells is not None:  # a tenant list: leases and tenant registrations too
            from gridkeeper.excel.tenant_writer import write_tenancies

            self.rental_counts = write_tenancies(self.session, plans, checked=self.checked_versions,
                                                 seen=self.matched_versions)
        return counts

    def lease_problems(self, plans: list[HouseholdPlan]) -> list[Problem]:
        """A tenant list's leases that disagree within the file or are older than the saved one."""
        if self.reader.tenant_cells is None:
            return []
        from gridkeeper.excel.tenant_writer import lease_problems

        return lease_problems(self.session, plans, self._saved_household, self.reader.column_name)

    def _unit_id(self, plan: HouseholdPlan) -> int:
        name = self.compound_of(plan)
        if name not in self._compound_ids:
            self._compound_ids[name] = self.existing.compounds.get(name) or geo.find_or_create_compound(self.session, name).id
        compound_id = self._compound_ids[name]
        building = self.existing.buildings.get((compound_id, plan.building_key))
        if building is None:
            building = geo.create_building(self.session, grid_id=self.grid.id, compound_id=compound_id,
                                           label=plan.building_label)
            self.existing.buildings[(compound_id, plan.building_key)] = building
        unit_id = self.existing.units.get((building.id, plan.unit_key))
        if unit_id is None:
            unit_id = geo.create_unit(self.session, building_id=building.id, label=plan.unit_label).id
            self.existing.units[(building.id, plan.unit_key)] = unit_id
        return unit_id

    def _plan_household(self, plan: HouseholdPlan, pending: _Pending) -> None:
        unit_id = self._unit_id(plan)
        saved = self.existing.households.get((unit_id, plan.fields["room_key"]))
        plan.unit_id = unit_id
        if saved is None:
            row = dict(unit_id=unit_id, room=plan.fields["room"], room_key=plan.fields["room_key"],
                       floor=plan.fields["floor"], housing_use=plan.fields.get("housing_use", HousingUse.OWNER),
                       phone=plan.fields.get("phone", ""), notes=plan.fields.get("notes", ""))
            pending.new_households.append((plan, row))
            return
        plan.household_id = saved["id"]
        self.matched_versions[f"household:{saved['id']}"] = saved["version"]
        changes = {k: plan.fields[k] for k in ("housing_use", "phone", "notes")
                   if k in plan.fields and plan.fields[k] != saved[k]}
        if changes:
            pending.household_updates.append({"id": saved["id"], "version": saved["version"], **changes})
            pending.touched.add(saved["id"])
            address = f"{self.compound_of(plan)}{plan.building_label}{plan.unit_label}{plan.fields['room']}"
            self._guard(pending, "household", saved["id"], saved["version"],
                        min(plan.source_rows or plan.rows or [0]), f"住户“{address}”")

    def _insert_households(self, pending: _Pending, counts: ImportCounts) -> None:
        rows = [row for _plan, row in pending.new_households]
        ids = _insert_returning_ids(self.session, Household, rows)
        for (plan, _row), household_id in zip(pending.new_households, ids):
            plan.household_id = household_id
        counts.households_added = len(ids)

    def _plan_residents(self, plan: HouseholdPlan, household_id: int, pending: _Pending) -> None:
        saved = self.existing.residents.get(household_id, [])
        for person, match in zip(plan.people, _matches(plan.people, saved)):
            person.resident_id = match["id"] if match else None
            if match is None:
                pending.new_residents.append((person, {**person.resident, "household_id": household_id}))
                continue
            self.matched_versions[f"resident:{match['id']}"] = match["version"]
            changes = {c: person.resident[c] for key in person.given for c in RESIDENT_COLUMNS.get(key, ())
                       if person.resident[c] != match[c]}
            if changes:
                pending.resident_updates.append({"id": match["id"], "version": match["version"], **changes})
                pending.touched.add(household_id)
            if person.tags is not None and set(person.tags) != self.existing.tags.get(match["id"], set()):
                pending.retag[match["id"]] = person.tags
                pending.touched.add(household_id)
            if changes or match["id"] in pending.retag:
                self._guard(pending, "resident", match["id"], match["version"], person.row, f"居民“{match['name']}”")

    def _guard(self, pending: _Pending, table: str, record_id: int, loaded: int, row: int, name: str) -> None:
        """The import updates this saved record: it must still be as the check saw it when written."""
        pending.guard[(table, record_id)] = (self.checked_versions.get(f"{table}:{record_id}", loaded), row, name)

    def _refuse_changed(self, pending: _Pending) -> None:
        """ImportConflict (nothing imported: the caller rolls back) naming every row whose saved record was
        changed or deleted elsewhere since the file was checked; otherwise those records stay locked until
        the import commits, so its UPDATEs cannot meet a newer version."""
        if self.dry_run or not pending.guard:
            return
        from gridkeeper.services.conflicts import last_change

        changed = []
        for table, model in (("household", Household), ("resident", Resident)):
            wanted = {rid: version for (kind, rid), (version, _row, _name) in pending.guard.items() if kind == table}
            now = versions_now(self.session, model, list(wanted)) if wanted else {}
            for record_id, version in wanted.items():
                if now.get(record_id) != version:
                    _version, row, name = pending.guard[(table, record_id)]
                    who, when = last_change(self.session, table, record_id)
                    changed.append(ChangedRecord(row, name, who, when, "修改" if record_id in now else "删除"))
        if changed:
            raise ImportConflict(changed)

    def _apply_residents(self, pending: _Pending, counts: ImportCounts) -> None:
        ids = _insert_returning_ids(self.session, Resident, [row for _p, row in pending.new_residents])
        for (person, _row), resident_id in zip(pending.new_residents, ids):
            person.resident_id = resident_id
        tags = [{"resident_id": rid, "tag": tag}
                for (person, _row), rid in zip(pending.new_residents, ids) for tag in person.tags or ()]
        for start in range(0, len(pending.resident_updates), BATCH):
            self.session.execute(update(Resident), pending.resident_updates[start:start + BATCH])
        retagged = list(pending.retag)
        for start in range(0, len(retagged), 900):
            self.session.execute(delete(ResidentTag).where(ResidentTag.resident_id.in_(retagged[start:start + 900])))
        tags += [{"resident_id": rid, "tag": tag} for rid, labels in pending.retag.items() for tag in labels]
        for start in range(0, len(tags), BATCH):
            self.session.execute(insert(ResidentTag.__table__), tags[start:start + BATCH])
        counts.residents_added = len(ids)
        counts.residents_updated = len({u["id"] for u in pending.resident_updates} | set(pending.retag))


def _same_person(saved: dict, values: dict) -> bool:
    if saved["id_number"] and values["id_number"]:
        return saved["id_number"] == values["id_number"]
    return saved["name"] == values["name"]


def _matches(people: list[PersonRow], saved: list[dict]) -> list[dict | None]:
    """The saved resident each row is: same ID number first, then same name within the household."""
    found: list[dict | None] = [None] * len(people)
    if not saved:
        return found
    used: set[int] = set()
    for index, person in enumerate(people):
        number = person.resident["id_number"]
        row = next((r for r in saved if number and r["id_number"] == number and r["id"] not in used), None)
        if row:
            found[index] = row
            used.add(row["id"])
    for index, person in enumerate(people):
        if found[index] is None:
            # Same name, but never two different ID numbers: those are two people.
            row = next((r for r in saved if r["name"] == person.resident["name"] and r["id"] not in used
                        and _same_person(r, person.resident)), None)
            if row:
                found[index] = row
                used.add(row["id"])
    return found


def _insert_returning_ids(session: Session, model, rows: list[dict]) -> list[int]:
    """Bulk INSERT with ids given here, in the order of `rows`.

    Core executemany without RETURNING is one sqlite3 executemany per batch; RETURNING made SQLAlchemy
    send rows one at a time (5× slower). The ids are reserved inside the import's transaction (SQLite:
    under the write lock; a server: from the table's sequence), so no other writer can take them.
    """
    if not rows:
        return []
    table = model.__table__
    ids = bulk.reserve_ids(session, table, len(rows))
    for start in range(0, len(rows), BATCH):
        batch = [{**row, "id": record_id} for row, record_id in zip(rows[start:start + BATCH], ids[start:start + BATCH])]
        session.execute(insert(table), batch)
    return ids
