"""Is the database sound? SQLite's physical checks on open and on demand, and the logical checks."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.idnumber import mask_id_number, parse_id_number
from gridkeeper.storage import backup
from gridkeeper.storage.errors import DatabaseUnusable

SHOWN_PER_KIND = 20


class DatabaseDamaged(DatabaseUnusable):
    """The file fails SQLite's check; it is left untouched and a way out is offered."""

    def __init__(self, path: Path, problems: list[str], newest_backup: backup.BackupInfo | None):
        self.path, self.problems, self.newest_backup = Path(path), problems, newest_backup
        super().__init__(damage_message(self.path, newest_backup))


def damage_message(path: Path, newest: backup.BackupInfo | None) -> str:
    """What to tell the user about a damaged file and what they can do."""
    lines = [f"数据库文件 {path} 已损坏，无法安全使用。为保护数据，GridKeeper 没有修改它。"]
    if newest is not None:
        lines.append(f"可以从最近的完好备份恢复（{newest.taken_at:%Y-%m-%d %H:%M}，{newest.path.name}）："
                     f"gridkeeper restore \"{newest.path}\" --db \"{path}\"，或在“数据”菜单中选择“恢复”。")
    else:
        lines.append("没有找到完好的备份；请把这个文件复制一份交给技术人员。")
    lines.append("也可以只读打开（--read-only），查看仍能读出的内容。")
    return "\n".join(lines)


def quick_problems(engine: Engine) -> list[str]:
    """PRAGMA quick_check through the engine (about 0.5 s for 100,000 households)."""
    try:
        with engine.connect() as conn:
            rows = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check")]
    except DBAPIError as exc:
        return [str(exc.orig)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def check_on_open(path: Path, engine: Engine) -> None:
    """Refuse a damaged file before anything is written to it."""
    problems = quick_problems(engine)
    if problems:
        raise DatabaseDamaged(path, problems, backup.newest_good_backup(path))


@dataclass
class Problem:
    """One logical problem found by `gridkeeper check`."""

    kind: str
    message: str


@dataclass
class CheckReport:
    path: Path
    physical: list[str] = field(default_factory=list)
    logical: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.physical and not self.logical


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


def _on_server(conn) -> bool:
    """The checks run on a sqlite3 connection or a psycopg one (a server database); SQL differs here and there."""
    return not isinstance(conn, sqlite3.Connection)


def _duplicate_ids(conn: sqlite3.Connection) -> list[Problem]:
    names = "string_agg(name, '、' ORDER BY id)" if _on_server(conn) else "group_concat(name, '、')"
    rows = _rows(conn, f"SELECT id_number, COUNT(*), {names} FROM resident "
                       "WHERE id_number != '' GROUP BY id_number HAVING COUNT(*) > 1")
    return [Problem("duplicate_id", f"身份证号 {mask_id_number(number)} 登记了 {n} 次（{names}）")
            for number, n, names in rows]


def _dangling(conn: sqlite3.Connection) -> list[Problem]:
    if _on_server(conn):
        return []  # the server enforces every foreign key on every write: nothing can point at nothing
    rows = _rows(conn, "PRAGMA foreign_key_check")
    return [Problem("dangling", f"{table} 表第 {rowid} 行指向不存在的 {parent} 记录")
            for table, rowid, parent, _ in rows]


def _bad_id_numbers(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    for rid, name, number in conn.execute("SELECT id, name, id_number FROM resident WHERE id_number != ''"):
        try:
            parse_id_number(number, field="id_number")
        except ValueRuleError as exc:
            found.append(Problem("bad_id_number", f"居民 {name}（#{rid}）的身份证号有误：{exc.reason}"))
    return found


def _last_visit_mismatch(conn: sqlite3.Connection) -> list[Problem]:
    rows = _rows(conn, "SELECT h.id, h.room, h.last_visit_on, m.latest FROM household h "
                       "LEFT JOIN (SELECT household_id, MAX(visited_on) AS latest FROM visit "
                       "GROUP BY household_id) m ON m.household_id = h.id "
                       f"WHERE h.last_visit_on {'IS DISTINCT FROM' if _on_server(conn) else 'IS NOT'} m.latest")
    return [Problem("last_visit", f"住户 #{hid}（{room}）记的最近走访日期是 {was or '无'}，"
                                  f"走访记录里最近是 {latest or '无'}") for hid, room, was, latest in rows]


def _audit_chain(conn: sqlite3.Connection) -> list[Problem]:
    from gridkeeper.storage.audit import chain_problems

    return [Problem("audit_chain", text) for text in chain_problems(conn)]


LOGICAL_CHECKS = (_duplicate_ids, _dangling, _bad_id_numbers, _last_visit_mismatch, _audit_chain)


def logical_problems(conn: sqlite3.Connection) -> list[Problem]:
    """Duplicate ID numbers, records pointing at nothing, bad check digits, stale last-visit
    dates and a broken audit chain."""
    tables = {row[0] for row in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()" if _on_server(conn)
        else "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"resident", "household", "visit"} <= tables:
        return [Problem("schema", "数据库里缺少住户/居民/走访表，不是完整的 GridKeeper 数据库")]
    found: list[Problem] = []
    for check in LOGICAL_CHECKS:
        if check is _audit_chain and "audit_entry" not in tables:
            continue
        found += check(conn)
    return found


def check_server(target: str) -> CheckReport:
    """`gridkeeper check` on a server database: the logical checks (the server checks its own pages)."""
    import psycopg

    from gridkeeper.storage.server import connect_kwargs, display, explain_connect_error, server_url

    url = server_url(target)
    try:
        conn = psycopg.connect(**connect_kwargs(url), application_name="GridKeeper check")
    except psycopg.OperationalError as exc:
        raise explain_connect_error(exc, url) from exc
    try:
        conn.read_only = True
        report = CheckReport(display(url))
        report.logical = logical_problems(conn)
    finally:
        conn.close()
    return report


def check_database(path: Path | str) -> CheckReport:
    """The full check behind `gridkeeper check` and the Data menu: integrity_check, then logic."""
    from gridkeeper.storage.server import is_server_url

    if is_server_url(path):
        return check_server(str(path))
    path = Path(path)
    report = CheckReport(path, physical=backup.integrity_problems(path))
    if report.physical:
        return report
    conn = backup.connect_read_only(path)
    try:
        report.logical = logical_problems(conn)
        from gridkeeper.storage import audit_anchor

        if cut := audit_anchor.problem(conn, audit_anchor.anchored(path)):
            report.logical.append(Problem("audit_anchor", cut))
    finally:
        conn.close()
    from gridkeeper.storage import commit_log

    lost = commit_log.lost_commits(path, lambda: backup.newest_backup_name(path))
    if lost is not None:  # a truncated -wal: the file is sound, the last commits are gone
        report.logical.insert(0, Problem("lost_commits", lost.message(path)))
    return report


def summarize(problems: list[Problem], shown: int = SHOWN_PER_KIND) -> list[str]:
    """At most `shown` lines per kind, then how many more there are."""
    lines, per_kind = [], {}
    for problem in problems:
        per_kind[problem.kind] = per_kind.get(problem.kind, 0) + 1
        if per_kind[problem.kind] <= shown:
            lines.append(problem.message)
    lines += [f"……另有 {n - shown} 个同类问题（{kind}）" for kind, n in per_kind.items() if n > shown]
    return lines
