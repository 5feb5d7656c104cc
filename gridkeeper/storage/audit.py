"""The audit trail: session hooks write one hash-chained row per created, changed or deleted record.

Every ORM flush on an installed database (any service, the GUI, the CLI, an import through the ORM)
is audited here, so no service has to remember to; `install(database)` is called where a database is
opened (storage.engine), never as a side effect of importing this module. Bulk statements run through a session (`session.execute(insert(...),
rows)`, `update(...)`, `delete(...)`) are audited too: bulk inserts as one summary row per statement
(the demo generator and fast imports), bulk updates and deletes row by row. Other events (exports
and prints with full ID numbers, restores, imports) are written with `record_event`.
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import json
import weakref
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, event, insert, inspect, select, text
from sqlalchemy.orm import Session, object_mapper
from sqlalchemy.orm.exc import UnmappedInstanceError

from gridkeeper.storage.database import Database, RowGuard
from gridkeeper.storage.models import AuditEntry

AUDIT_TABLE = AuditEntry.__table__
CHAIN_LOCK = 0x47_4B_41_55  # "GKAU": the PostgreSQL advisory lock that serialises appends to the chain
CHANGES_CHANNEL = "gridkeeper_changes"  # PostgreSQL NOTIFY channel: "the audit trail (the change counter) grew"
NOT_AUDITED = {"audit_entry", "alembic_version"}
REDACTED = {"password_hash"}
HASHED_FIELDS = ("at", "actor", "action", "entity", "entity_id", "summary", "before", "after")
ACTION_LABELS = {"create": "新增", "update": "修改", "delete": "删除", "bulk_create": "批量新增",
                 "restore": "恢复", "import": "导入", "export": "导出", "print": "打印",
                 "login": "登录", "account": "账号", "anchor": "审计核对"}
ENTITY_LABELS = {"household": "住户", "resident": "居民", "residenttag": "关爱标签", "visit": "走访",
                 "resident_request": "诉求", "request_event": "诉求进展", "leaderassignment": "三长",
                 "member": "在职党员", "servicerecord": "服务记录", "serviceactivity": "服务活动",
                 "grid": "网格", "compound": "小区", "building": "楼栋", "unit": "单元", "community": "社区",
                 "setting": "设置", "deleted_record": "回收站", "account": "账号"}
ENTITY_LABELS |= {"safety_place": "检查场所", "safety_inspection": "安全检查", "safety_hazard": "安全隐患",
                  "safety_hazard_event": "隐患整改进展"}
ENTITY_LABELS |= {"leader_photo": "三长照片"}
ENTITY_LABELS |= {"dispute": "矛盾纠纷", "dispute_party": "纠纷当事人", "mediation_session": "调解记录",
                  "dispute_event": "纠纷进展"}
ENTITY_LABELS |= {"tenancy": "租约", "tenant": "租户登记"}

# The engines installed here, with the row guards each database was opened with (the accounts
# service's permission check, see services.database).
_engine_guards: weakref.WeakKeyDictionary[Engine, tuple[RowGuard, ...]] = weakref.WeakKeyDictionary()
_engine_actor: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_has_table: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def set_actor(engine: Engine, name: str | None) -> None:
    """Who is working on this engine (after sign-in); every session on it is audited as them."""
    if name:
        _engine_actor[engine] = name
    else:
        _engine_actor.pop(engine, None)


def engine_of(session: Session) -> Engine | None:
    try:
        bind = session.get_bind()
    except Exception:  # an unbound session has nothing to audit
        return None
    return bind if isinstance(bind, Engine) else getattr(bind, "engine", None)


def actor_of(session: Session) -> str:
    """The signed-in account, else the computer's login name."""
    if session.info.get("actor"):
        return session.info["actor"]
    engine = engine_of(session)
    if engine is not None and engine in _engine_actor:
        return _engine_actor[engine]
    try:
        return f"（系统用户）{getpass.getuser()}"
    except Exception:  # no login name on some service accounts
        return "（未知）"


def plain(value: Any) -> Any:
    """A JSON-ready form of a column value."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        # A photo is tens of KB: the trail keeps its size and digest (enough to prove which one), not the bytes.
        return f"{len(value)} 字节 sha256:{hashlib.sha256(value).hexdigest()}"
    return value


def to_json(data: Any) -> str:
    return "" if data is None else json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


def canonical(entry: dict) -> str:
    return json.dumps({k: entry.get(k, "") for k in HASHED_FIELDS}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def entry_hash(prev_hash: str, entry: dict) -> str:
    """sha256 over the previous row's hash and this row's canonical JSON."""
    return hashlib.sha256((prev_hash + canonical(entry)).encode("utf-8")).hexdigest()


def _redact(values: dict | None) -> dict | None:
    if values is None:
        return None
    return {k: ("***" if k in REDACTED else v) for k, v in values.items()}


def new_entry(actor: str, action: str, entity: str = "", entity_id: Any = "", summary: str = "",
              before: dict | None = None, after: Any = None) -> dict:
    return {"at": datetime.now(UTC).isoformat(timespec="microseconds"), "actor": actor[:50],
            "action": action, "entity": entity, "entity_id": "" if entity_id is None else str(entity_id),
            "summary": summary, "before": to_json(_redact(before)),
            "after": to_json(_redact(after) if isinstance(after, dict) else after)}


def _audit_enabled(session: Session) -> bool:
    if session.info.get("audit_off"):
        return False
    engine = engine_of(session)
    if engine is None or engine not in _engine_guards:
        return False
    if engine not in _has_table:
        _has_table[engine] = inspect(session.connection()).has_table(AUDIT_TABLE.name)
    return _has_table[engine]


def write_entries(session: Session, entries: list[dict]) -> None:
    """Append entries to the chain, inside the session's transaction."""
    if not entries:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # Several PCs append at once: take turns (held to commit), so the chain stays one chain.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    prev = conn.execute(select(AUDIT_TABLE.c.hash).order_by(AUDIT_TABLE.c.id.desc()).limit(1)).scalar() or ""
    for entry in entries:
        entry["prev_hash"] = prev
        entry["hash"] = prev = entry_hash(prev, entry)
    conn.execute(insert(AUDIT_TABLE), entries)
    if conn.dialect.name == "postgresql":  # delivered at commit (never for a rollback) to every PC listening
        conn.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANGES_CHANNEL})
    session.info["audit_written"] = True  # audit_anchor records the new head after the commit


def record_event(session: Session, action: str, what: str, detail: Any = None, *,
                 entity: str = "", entity_id: Any = "") -> None:
    """One audit row for an event that is not a row change: "export"/"print" with full ID numbers,
    "import" (counts), "restore" (from a backup), "login". Written in the session's transaction."""
    if _audit_enabled(session):
        write_entries(session, [new_entry(actor_of(session), action, entity, entity_id, what, None, detail)])


# ---- ORM flush: one row per created, changed or deleted record -------------------------------------

def _table_of(obj) -> str | None:
    try:
        return object_mapper(obj).local_table.name
    except UnmappedInstanceError:
        return None


def row_values(obj) -> dict:
    """Column values of a mapped object, without loading anything."""
    state = inspect(obj)
    return {attr.key: plain(state.dict[attr.key]) for attr in state.mapper.column_attrs if attr.key in state.dict}


def _stored_row(session: Session, obj) -> dict:
    """The row as it is in the database now (for old values SQLAlchemy did not keep)."""
    mapper = object_mapper(obj)
    table = mapper.local_table
    key = inspect(obj).identity or ()
    query = select(table).where(*(col == value for col, value in zip(mapper.primary_key, key)))
    row = session.connection().execute(query).first() if key else None
    return {k: plain(v) for k, v in row._mapping.items()} if row is not None else {}


def _changes(session: Session, obj) -> tuple[dict, dict]:
    state = inspect(obj)
    before, after, unknown = {}, {}, []
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.added or history.deleted:
            if history.added and not history.deleted and not history.unchanged and state.persistent:
                unknown.append(attr.key)  # the attribute was expired when set: old value not kept
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            before[attr.key], after[attr.key] = plain(old), plain(new)
    if unknown:
        stored = _stored_row(session, obj)
        before |= {k: stored.get(state.mapper.column_attrs[k].columns[0].name) for k in unknown}
    changed = [k for k in after if before[k] != after[k]]
    return {k: before[k] for k in changed}, {k: after[k] for k in changed}


def _primary_key(obj) -> str:
    identity = inspect(obj).identity
    values = identity if identity else [getattr(obj, c.key, None) for c in object_mapper(obj).primary_key]
    return "/".join(str(v) for v in values)


def _guards_of(session: Session) -> tuple[RowGuard, ...]:
    engine = engine_of(session)
    return _engine_guards.get(engine, ()) if engine is not None else ()


def row_guards(session: Session) -> tuple[RowGuard, ...]:
    """The row guards of the session's database, for a bulk load below the ORM (storage.bulk.insert_rows)."""
    return _guards_of(session)


def _check_guards(guards, session: Session, table: str, before: dict | None, after: dict | None) -> None:
    for guard in guards:
        guard(session, table, before, after)


def _before_flush(session: Session, _context, _instances) -> None:
    pending: list[tuple] = []
    guards = _guards_of(session)
    for obj in list(session.deleted):
        table = _table_of(obj)
        if table and table not in NOT_AUDITED:
            before = row_values(obj)
            _check_guards(guards, session, table, before, None)
            pending.append(("delete", obj, table, before, None))
    for obj in list(session.dirty):
        table = _table_of(obj)
        if table and table not in NOT_AUDITED and session.is_modified(obj, include_collections=False):
            before, after = _changes(session, obj)
            if after:
                current = row_values(obj)
                _check_guards(guards, session, table, current | before, current)
                pending.append(("update", obj, table, before, after))
    for obj in list(session.new):
        table = _table_of(obj)
        if table and table not in NOT_AUDITED:
            _check_guards(guards, session, table, None, row_values(obj))
            pending.append(("create", obj, table, None, None))
    session.info.setdefault("_audit_pending", []).extend(pending)


def _after_flush(session: Session, _context) -> None:
    pending = session.info.pop("_audit_pending", [])
    if not pending or not _audit_enabled(session):
        return
    actor, entries = actor_of(session), []
    for action, obj, table, before, after in pending:
        key = _primary_key(obj)
        if action == "create":
            after = row_values(obj)
        label, what = ACTION_LABELS[action], ENTITY_LABELS.get(table, table)
        entries.append(new_entry(actor, action, table, key, f"{label}{what} #{key}", before, after))
    write_entries(session, entries)


def _after_rollback(session: Session) -> None:
    session.info.pop("_audit_pending", None)


# ---- Bulk statements through a session ---------------------------------------------------------------

def _statement_table(statement):
    table = getattr(statement, "table", None)
    return table if table is not None and hasattr(table, "primary_key") else None


def _bulk_insert(state, table) -> Any:
    params = state.parameters
    rows = params if isinstance(params, list) else [params or {}]
    session = state.session
    guards = _guards_of(session)
    for row in rows:
        _check_guards(guards, session, table.name, None, row)
    result = state.invoke_statement()
    record_bulk_create(session, table.name, len(rows))
    return result


def record_bulk_create(session: Session, table_name: str, rows: int) -> None:
    """The summary row of a bulk insert made outside the ORM (COPY on a server), as _bulk_insert writes."""
    if _audit_enabled(session):
        what = f"批量新增{ENTITY_LABELS.get(table_name, table_name)} {rows} 条"
        write_entries(session, [new_entry(actor_of(session), "bulk_create", table_name, "", what, None, {"rows": rows})])


def _bulk_change(state, table) -> Any:
    session, statement = state.session, state.statement
    conn = session.connection()
    query = select(table) if statement.whereclause is None else select(table).where(statement.whereclause)
    before_rows = [{k: plain(v) for k, v in row._mapping.items()} for row in conn.execute(query)]
    is_delete, guards = state.is_delete, _guards_of(session)
    for row in before_rows:
        _check_guards(guards, session, table.name, row, None if is_delete else row)
    result = state.invoke_statement()
    if not before_rows or not _audit_enabled(session):
        return result
    pk = [c.name for c in table.primary_key.columns]
    entries, actor = [], actor_of(session)
    after_by_key = {} if is_delete else _rows_by_key(conn, table, pk, before_rows)
    for row in before_rows:
        key = "/".join(str(row[c]) for c in pk)
        if is_delete:
            entries.append(new_entry(actor, "delete", table.name, key, f"删除{ENTITY_LABELS.get(table.name, table.name)} #{key}", row, None))
            continue
        new = after_by_key.get(key, {})
        changed = {k for k in row if new.get(k) != row[k]}
        if changed:
            _check_guards(guards, session, table.name, row, new)
            entries.append(new_entry(actor, "update", table.name, key, f"修改{ENTITY_LABELS.get(table.name, table.name)} #{key}",
                                     {k: row[k] for k in changed}, {k: new.get(k) for k in changed}))
    write_entries(session, entries)
    return result


def _rows_by_key(conn, table, pk: list[str], rows: list[dict]) -> dict[str, dict]:
    found = {}
    column = table.c[pk[0]]
    ids = [row[pk[0]] for row in rows]
    for start in range(0, len(ids), 500):
        for row in conn.execute(select(table).where(column.in_(ids[start:start + 500]))):
            values = {k: plain(v) for k, v in row._mapping.items()}
            found["/".join(str(values[c]) for c in pk)] = values
    return found


def _on_orm_execute(state) -> Any:
    if state.is_select or not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = _statement_table(state.statement)
    if table is None or table.name in NOT_AUDITED:
        return None
    if state.is_insert:
        return _bulk_insert(state, table)
    return _bulk_change(state, table)


def install(database: Database) -> None:
    """Audit every session on `database` and check its row guards before each change is written."""
    _engine_guards[database.engine] = tuple(database.row_guards)
    for name, fn in (("before_flush", _before_flush), ("after_flush", _after_flush),
                     ("after_rollback", _after_rollback), ("do_orm_execute", _on_orm_execute)):
        if not event.contains(Session, name, fn):
            event.listen(Session, name, fn)
    from gridkeeper.storage import audit_anchor

    audit_anchor.install()  # the chain's head is kept outside the file after every commit


# ---- Verifying the chain --------------------------------------------------------------------------------

CHAIN_SQL = ("SELECT id, at, actor, action, entity, entity_id, summary, before, after, prev_hash, hash "
             "FROM audit_entry ORDER BY id")


def chain_problems(conn) -> list[str]:
    """Rows whose content was edited, or whose predecessor was removed or replaced (sqlite3 connection)."""
    problems, prev = [], ""
    for row in conn.execute(CHAIN_SQL):
        entry = dict(zip(("id", *HASHED_FIELDS, "prev_hash", "hash"), row))
        where = f"第 {entry['id']} 条审计记录（{entry['at'][:19]}，{entry['actor']}）"
        if entry["prev_hash"] != prev:
            problems.append(f"{where}之前的记录被删除、插入或改动过（链条断开）")
        if entry_hash(entry["prev_hash"], entry) != entry["hash"]:
            problems.append(f"{where}的内容被改动过（校验值不符）")
        prev = entry["hash"]
    return problems
