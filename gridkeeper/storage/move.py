"""Moving a whole database between a SQLite file and a PostgreSQL server, either way.

The target is created (or must be empty), its schema made by the same migrations, and every table
copied in one transaction on the target: rows keep their ids, so the audit chain (whose hashes
cover every row) is copied as it is. Before the transaction commits, every table's row count is
compared with the source and the audit chain is verified on the target; any difference rolls the
whole move back and leaves the target as empty as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, select, text
from sqlmodel import SQLModel

from gridkeeper.storage import bulk
from gridkeeper.storage.errors import DatabaseUnusable

BATCH = 20_000
NOT_COPIED = {"alembic_version"}  # written by the target's own migrations


class MoveRefused(DatabaseUnusable):
    """The move cannot start or did not verify; nothing was kept on the target."""


@dataclass
class MoveResult:
    counts: dict[str, int] = field(default_factory=dict)  # table → rows, equal on both sides
    chain_problems: list[str] = field(default_factory=list)  # as found in the source (copied unchanged)


def tables() -> list[Table]:
    """Every GridKeeper table, parents before children."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in NOT_COPIED]


def row_counts(conn: Connection) -> dict[str, int]:
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in tables()}


def refuse_unless_empty(conn: Connection, where: str) -> None:
    filled = {name: n for name, n in row_counts(conn).items() if n}
    if filled:
        shown = "、".join(f"{name} {n} 行" for name, n in list(filled.items())[:4])
        raise MoveRefused(f"目标数据库 {where} 不是空的（{shown}）：为不覆盖任何数据，只能迁入一个新建的空数据库。")


def _chain(conn: Connection) -> list[str]:
    from gridkeeper.storage.audit import chain_problems

    return chain_problems(conn.connection.driver_connection)


def _source_rows(conn: Connection, table: Table) -> Iterator[list]:
    order = [c for c in table.primary_key.columns]
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(select(table).order_by(*order))
    while chunk := result.fetchmany(BATCH):
        yield [dict(row._mapping) for row in chunk]


def copy_all(source: Engine, target: Engine, *, target_label: str) -> MoveResult:
    """Copy every row of `source` into the empty, migrated `target`, verified, in one target transaction."""
    result = MoveResult()
    # A server source is read in one REPEATABLE READ snapshot while other PCs may be writing; a file
    # source is held by GridKeeper's lock for the whole move.
    options = {"isolation_level": "REPEATABLE READ"} if source.dialect.name == "postgresql" else {}
    with source.connect().execution_options(**options) as src:
        expected = row_counts(src)
        result.chain_problems = _chain(src)
        with target.begin() as dst:
            refuse_unless_empty(dst, target_label)
            if dst.dialect.name == "sqlite":
                dst.execute(text("PRAGMA defer_foreign_keys = ON"))
            for table in tables():
                for chunk in _source_rows(src, table):
                    bulk.load_rows(dst, table, chunk, batch=BATCH)
            bulk.sync_sequences(dst, tables())
            bulk.analyze(dst)
            copied = row_counts(dst)
            if copied != expected:
                wrong = [f"{name}：原有 {expected[name]} 行，迁入 {copied.get(name)} 行"
                         for name in expected if copied.get(name) != expected[name]]
                raise MoveRefused("迁移后的行数与原数据库不一致，已全部撤销：" + "；".join(wrong))
            chain = _chain(dst)
            if chain != result.chain_problems:
                raise MoveRefused("迁移后审计记录链条校验不通过，已全部撤销：" + (chain[:1] or ["链条不一致"])[0])
        result.counts = copied
        if src.in_transaction():
            src.rollback()
    return result


def target_is_free(target: Path | str) -> None:
    """A file target must not exist yet (or be empty); a server target is checked after migrating."""
    from gridkeeper.storage.server import is_server_url

    if is_server_url(target):
        return
    path = Path(target)
    if path.is_dir():
        raise MoveRefused(f"{path} 是一个文件夹；请给出新数据库文件的名字，例如 {path / 'gridkeeper.db'}")
    if path.exists() and path.stat().st_size > 0:
        raise MoveRefused(f"目标文件 {path} 已经存在：为不覆盖任何数据，请给一个新的文件名。")
