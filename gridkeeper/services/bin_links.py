"""What a deletion into the recycle bin cut loose elsewhere, kept so that the restore ties it back.

A household, a place or a dispute is pointed at by rows that stay when it goes to the bin: a hazard found
in the flat, a dispute's party, a leader post held by one of its residents, a member who lives there, a
request a dispute came from. The deletion cuts those links (the rows keep names and addresses copied);
the restore must put them back exactly, or say in plain words which one it could not and why.

The rows are found from the schema's foreign keys, so a register added later is covered without being
listed here: `LinkWatch` reads every row that points at what is leaving before the deletion cuts the
links and again after, and keeps the difference (columns changed, rows the deletion added, rows removed
with their parent by a cascading key). `relink` undoes exactly that difference on restore, one row at a
time through the ORM (audited, version counters moved on), and leaves alone a row that someone changed
in the meantime, saying so. `dangling` checks, before a restore inserts its rows, that whatever they
point at outside the bin still exists.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Table, and_, event, func, select
from sqlmodel import Session, SQLModel

from gridkeeper.services.errors import ServiceError
from gridkeeper.services.row_snapshot import plain

SKIPPED_COLUMNS = {"version"}  # an edit counter moves on with every write; it is not a link
_CHUNK = 500


def table_label(table: str) -> str:
    """住户, 安全隐患…: what the audit trail calls a table's rows."""
    from gridkeeper.storage.audit import ENTITY_LABELS

    return ENTITY_LABELS.get(table, table)


def tables() -> dict[str, Table]:
    return dict(SQLModel.metadata.tables)


def model_of(table: str):
    """The mapped class of a table."""
    for mapper in SQLModel._sa_registry.mappers:  # noqa: SLF001 - SQLModel keeps its registry there
        if mapper.local_table.name == table:
            return mapper.class_
    raise KeyError(table)


def _key_of(table: Table, values: dict) -> list:
    return [values[column.name] for column in table.primary_key.columns]


def _row_name(table: str, key: list) -> str:
    return f"{table_label(table)} #{'/'.join(str(k) for k in key)}"


def typed(column: Column, value: Any) -> Any:
    """A snapshot's plain value back in the column's Python type (dates, times, bytes)."""
    if value is None:
        return None
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return value
    if kind is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind is date and isinstance(value, str):
        return date.fromisoformat(value)
    if kind is bytes and isinstance(value, str):
        return base64.b64decode(value)
    return value


def stored(value: Any) -> Any:
    """A column value as the bin keeps it (bytes as base64 text, the rest as row_snapshot.plain)."""
    return base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else plain(value)


def references(targets: Iterable[str]) -> list[tuple[Table, Column, str]]:
    """(table, column, target table) for every foreign key column that points at one of `targets`."""
    wanted = set(targets)
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name in wanted:
                found.append((table, key.parent, key.column.table.name))
    return found


def _read(session: Session, table: Table, where) -> list[dict]:
    return [{k: stored(v) for k, v in row._mapping.items()} for row in session.connection().execute(
        select(table).where(where))]


def pointing_rows(session: Session, targets: dict[str, Iterable[int]],
                  leaving: dict[str, set] | None = None) -> dict[tuple[str, tuple], dict]:
    """Every row pointing at one of `targets` (table → ids) that is not itself `leaving` (table → keys),
    by (table, key)."""
    leaving = leaving or {}
    ids = {name: sorted({i for i in values if i is not None}) for name, values in targets.items()}
    rows: dict[tuple[str, tuple], dict] = {}
    for table, column, target in references(ids):
        wanted = ids.get(target) or []
        for start in range(0, len(wanted), _CHUNK):
            for values in _read(session, table, column.in_(wanted[start:start + _CHUNK])):
                key = tuple(_key_of(table, values))
                if key not in leaving.get(table.name, set()):
                    rows[(table.name, key)] = values
    return rows


@dataclass
class Links:
    """What the deletion did to rows outside the bin (JSON-ready, kept in the bin's payload)."""

    changed: list[dict] = field(default_factory=list)  # {"table", "key", "was": {col: v}, "now": {col: v}}
    added: list[dict] = field(default_factory=list)  # {"table", "key"}: rows the deletion wrote (history lines)
    removed: list[dict] = field(default_factory=list)  # {"table", "row"}: rows that went with their parent

    def as_json(self) -> dict:
        return {"changed": self.changed, "added": self.added, "removed": self.removed}

    @classmethod
    def from_json(cls, data: dict | None) -> Links:
        data = data or {}
        return cls(list(data.get("changed", [])), list(data.get("added", [])), list(data.get("removed", [])))

    def tables(self) -> set[str]:
        return {item["table"] for item in self.changed + self.added + self.removed}


class LinkWatch:
    """`with LinkWatch(session, targets, leaving) as watch:` around the code that cuts the links; then
    `watch.links` holds what it did to every row outside the bin that pointed at `targets`."""

    def __init__(self, session: Session, targets: dict[str, Iterable[int]], leaving: dict[str, set] | None = None):
        self.session, self.targets, self.leaving = session, {k: list(v) for k, v in targets.items()}, leaving or {}
        self.links = Links()
        self._added: list = []

    def __enter__(self) -> LinkWatch:
        self.session.flush()
        self.before = pointing_rows(self.session, self.targets, self.leaving)
        event.listen(self.session, "after_flush", self._collect)
        return self

    def _collect(self, session: Session, _context) -> None:
        self._added.extend(session.new)

    def __exit__(self, kind, *_exc) -> None:
        try:
            self.session.flush()
        finally:
            event.remove(self.session, "after_flush", self._collect)
        if kind is not None:
            return
        all_tables = tables()
        for obj in self._added:
            table = obj.__table__
            self.links.added.append({"table": table.name,
                                     "key": [stored(getattr(obj, c.name)) for c in table.primary_key.columns]})
        for (name, key), was in self.before.items():
            table = all_tables[name]
            now = _read(self.session, table, and_(*(column == typed(column, value)
                                                     for column, value in zip(table.primary_key.columns, key))))
            if not now:
                self.links.removed.append({"table": name, "row": was})
                continue
            changed = [c for c, v in was.items() if c not in SKIPPED_COLUMNS and now[0][c] != v]
            if changed:
                self.links.changed.append({"table": name, "key": list(key), "was": {c: was[c] for c in changed},
                                           "now": {c: now[0][c] for c in changed}})


def cut_loose(session: Session, targets: dict[str, Iterable[int]], leaving: dict[str, set],
              what: str) -> None:
    """Unlink every row outside the bin that still points at `targets`: a nullable key is set empty (the
    row keeps the names it copied); a row that goes with its parent (ON DELETE CASCADE) is deleted here,
    so the watch keeps it; any other row stops the deletion, named in `what`'s message."""
    rows = pointing_rows(session, targets, leaving)
    ids = {name: {i for i in values if i is not None} for name, values in targets.items()}
    refs = references(ids)
    for (name, key), values in rows.items():
        model = model_of(name)
        obj = session.get(model, tuple(key) if len(key) > 1 else key[0])
        for table, column, target in refs:
            if table.name != name or values.get(column.name) not in ids[target]:
                continue
            key_of_fk = next(iter(column.foreign_keys))
            if key_of_fk.ondelete and key_of_fk.ondelete.upper() == "CASCADE":
                session.delete(obj)
                break
            if not column.nullable:
                raise ServiceError(f"{what}还被{_row_name(name, list(key))}使用，不能删除")
            setattr(obj, model.__mapper__.get_property_by_column(column).key, None)
            session.add(obj)
    session.flush()


def relink(session: Session, links: Links, what: str) -> list[str]:
    """Undo what the deletion of `what` did to rows outside the bin; the notes say, in plain words, which
    links could not be put back (the row was deleted or changed meanwhile: left as it is now)."""
    notes: list[str] = []
    all_tables = tables()
    for item in links.removed:  # rows that went with their parent come back with it
        table = all_tables[item["table"]]
        model = model_of(item["table"])
        if session.get(model, _pk(table, item["row"])) is not None:
            notes.append(f"{_row_name(item['table'], _key_of(table, item['row']))} 已重新登记，未恢复原来的一条")
            continue
        values = {model.__mapper__.get_property_by_column(c).key: typed(c, item["row"][c.name]) for c in table.columns}
        session.add(model(**values))
    for item in links.added:  # lines the deletion wrote (a dispute's copy of its request's steps) go again
        obj = session.get(model_of(item["table"]), _pk(all_tables[item["table"]], item["key"]))
        if obj is not None:
            session.delete(obj)
    session.flush()
    for item in links.changed:
        table = all_tables[item["table"]]
        model = model_of(item["table"])
        name = _row_name(item["table"], item["key"])
        obj = session.get(model, _pk(table, item["key"]))
        if obj is None:
            notes.append(f"{name} 已被删除，无法与{what}重新关联")
            continue
        props = {c: model.__mapper__.get_property_by_column(table.c[c]).key for c in item["now"]}
        current = {c: stored(getattr(obj, props[c])) for c in item["now"]}
        if current != item["now"]:
            notes.append(f"{name} 在删除后已被修改，未与{what}重新关联，请核对")
            continue
        missing = _missing_targets(session, table, item["was"])
        if missing:
            notes.append(f"{name} 原来关联的{missing}已不存在，未重新关联")
            continue
        for column, value in item["was"].items():
            setattr(obj, props[column], typed(table.c[column], value))
        session.add(obj)
    session.flush()
    return notes


def _pk(table: Table, key) -> Any:
    if isinstance(key, dict):
        key = _key_of(table, key)
    values = [typed(c, v) for c, v in zip(table.primary_key.columns, key)]
    return values[0] if len(values) == 1 else tuple(values)


def _missing_targets(session: Session, table: Table, values: dict) -> str:
    for name, value in values.items():
        if value is None:
            continue
        for key in table.c[name].foreign_keys:
            target = key.column.table
            if session.connection().execute(select(key.column).where(key.column == value)).first() is None:
                return _row_name(target.name, [value])
    return ""


def dangling(session: Session, rows: dict[str, list[dict]]) -> tuple[list[str], list[str]]:
    """Before a restore inserts `rows` (table → snapshots, changed in place): every link from them to a
    row outside them that no longer exists. A nullable one is emptied (a note says so); a required one
    is a refusal. Returns (notes, refusals)."""
    all_tables = tables()
    inside: dict[str, set] = defaultdict(set)
    for name, snapshots in rows.items():
        table = all_tables[name]
        if len(table.primary_key.columns) == 1:
            column = next(iter(table.primary_key.columns))
            inside[name] |= {values[column.name] for values in snapshots}
    wanted: dict[tuple[str, str], set] = defaultdict(set)  # (target table, target column) → values
    for name, snapshots in rows.items():
        for key in all_tables[name].foreign_keys:
            target = key.column.table.name
            for values in snapshots:
                value = values.get(key.parent.name)
                if value is not None and value not in inside.get(target, set()):
                    wanted[(target, key.column.name)].add(value)
    existing: dict[tuple[str, str], set] = {}
    for (target, column_name), values in wanted.items():
        column = all_tables[target].c[column_name]
        ordered = sorted(values)
        found: set = set()
        for start in range(0, len(ordered), _CHUNK):
            found |= set(session.connection().execute(
                select(column).where(column.in_(ordered[start:start + _CHUNK]))).scalars())
        existing[(target, column_name)] = found
    notes, refusals = [], []
    for name, snapshots in rows.items():
        table = all_tables[name]
        for key in table.foreign_keys:
            target = key.column.table.name
            for values in snapshots:
                value = values.get(key.parent.name)
                if value is None or value in inside.get(target, set()) or \
                        value in existing.get((target, key.column.name), set()):
                    continue
                whose = _row_name(name, _key_of(table, values))
                gone = _row_name(target, [value])
                if key.parent.nullable:
                    values[key.parent.name] = None
                    notes.append(f"{whose} 原来关联的{gone}已不存在，恢复后不再关联")
                else:
                    refusals.append(f"{whose} 所属的{gone}已不存在")
    return notes, refusals


@dataclass
class Outcome:
    """What a restore put back: the notes on links it could not tie back, and the tables it wrote (so
    the lists showing them refresh)."""

    notes: list[str] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)
    renumbered: dict[str, dict[int, int]] = field(default_factory=dict)  # table → {id in the bin: id now}


def in_bin(session: Session, table: str, record_id: int):
    """The recycle-bin record holding this row (a household, or a place with its units and rooms), if any."""
    import json

    from gridkeeper.storage.models import DeletedRecord

    for record in session.scalars(select(DeletedRecord).where(DeletedRecord.kind.in_(("household", "place")))
                                  .order_by(DeletedRecord.deleted_at.desc())):
        payload = json.loads(record.payload)
        rows = [payload["household"]] if record.kind == "household" and table == "household" else \
            payload.get("rows", {}).get(table, [])
        if any(row.get("id") == record_id for row in rows):
            return record
    return None


def parent_missing(session: Session, table: str, record_id: int, what: str) -> ServiceError:
    """The refusal when what is being restored belongs to a row that is gone: in the bin (restore that
    first, named as the bin lists it) or deleted for good."""
    holder = in_bin(session, table, record_id)
    if holder is not None:
        return ServiceError(f"{what}所在的{table_label(table)}也在回收站中（“{holder.label}”），"
                            f"请先恢复它，再恢复{what}")
    return ServiceError(f"{what}所在的{table_label(table)}已不存在，不能恢复")


def _single_id(table: Table) -> Column | None:
    columns = list(table.primary_key.columns)
    return columns[0] if len(columns) == 1 and columns[0].name == "id" else None


def fresh_ids(session: Session, rows: dict[str, list[dict]], links: Links) -> dict[str, dict[int, int]]:
    """Give rows coming back from the bin new ids where theirs was taken meanwhile, and point every link
    among them (and the links kept in `links`) at the new ids; changed in place. Returns table → {old: new}.

    SQLite gives the highest id again once its row is deleted: a household deleted by mistake and a new one
    registered after it share an id, and so do the visits logged after the deletion. (A server's sequences
    never give an id twice: nothing is renumbered there.)"""
    all_tables = tables()
    mapping: dict[str, dict[int, int]] = {}
    for name, snapshots in rows.items():
        column = _single_id(all_tables[name])
        ids = sorted(values[column.name] for values in snapshots) if column is not None else []
        if not ids:
            continue
        taken: set = set()
        for start in range(0, len(ids), _CHUNK):
            taken |= set(session.connection().execute(
                select(column).where(column.in_(ids[start:start + _CHUNK]))).scalars())
        if not taken:
            continue
        highest = session.connection().execute(select(func.max(column))).scalar() or 0
        next_id = max(highest, ids[-1]) + 1
        mapping[name] = {}
        for old in sorted(taken):
            mapping[name][old], next_id = next_id, next_id + 1
    if mapping:
        for name, snapshots in rows.items():
            column = _single_id(all_tables[name])
            for values in snapshots:
                if column is not None and values[column.name] in mapping.get(name, {}):
                    values[column.name] = mapping[name][values[column.name]]
        renumber(rows, links, mapping)
    return mapping


def renumber(rows: dict[str, list[dict]], links: Links, mapping: dict[str, dict[int, int]]) -> None:
    """Point the references of `rows` and `links` (not the rows' own ids) at renumbered rows."""
    all_tables = tables()

    def follow(table: Table, values: dict, only: Iterable[str] | None = None) -> None:
        for key in table.foreign_keys:
            name = key.parent.name
            if (only is None or name in only) and values.get(name) in mapping.get(key.column.table.name, {}):
                values[name] = mapping[key.column.table.name][values[name]]

    for name, snapshots in rows.items():
        for values in snapshots:
            follow(all_tables[name], values)
    for item in links.removed:
        follow(all_tables[item["table"]], item["row"])
    for item in links.changed:
        table = all_tables[item["table"]]
        follow(table, item["was"], item["was"])
        column = _single_id(table)
        if column is not None and item["key"][0] in mapping.get(item["table"], {}):
            item["key"] = [mapping[item["table"]][item["key"][0]]]
