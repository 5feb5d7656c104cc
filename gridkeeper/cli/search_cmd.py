"""`gridkeeper search QUERY`: find people and households as the search box does, with the total count."""

from __future__ import annotations

from gridkeeper.cli.common import CliError, UsageError, open_engine, print_json


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("search", parents=[common], help="查找居民或住户（姓名、拼音首字母、电话、身份证尾号、地址）")
    parser.add_argument("query", metavar="QUERY", help="例如 王建华、wjh、尾号5678、7-2-301、阳光花园1号楼")
    parser.add_argument("--grid", metavar="CODE", help="像在目录树中选中这个网格一样：本网格的结果排在前面")
    parser.add_argument("--limit", type=int, default=30, metavar="N", help="显示前 N 条（默认30；总数总会给出）")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象（含总数 total）")
    parser.set_defaults(run=run)


def run(args) -> int:
    from sqlmodel import Session

    from gridkeeper.services import accounts
    from gridkeeper.services.geography import grid_by_code
    from gridkeeper.services.scope import Scope
    from gridkeeper.services.search import find, for_steward

    if args.limit < 1:
        raise UsageError("--limit 应为正整数")
    engine = _open_for_reading(args)
    try:
        with Session(engine) as session:
            scope = Scope()
            if args.grid:
                grid = grid_by_code(session, args.grid)
                if grid is None:
                    raise CliError(f"没有编号为“{args.grid}”的网格")
                scope = Scope(grid_id=grid.id)
            near = for_steward(session, scope, accounts.signed_in(engine))
            result = find(session, args.query, near=near, limit=args.limit)
    finally:
        engine.dispose()
    if args.json:
        print_json({"query": args.query, "total": result.total, "people": result.people,
                    "households": result.households, "shown": len(result.hits),
                    "hits": [{"kind": h.kind, "household_id": h.household_id, "resident_id": h.resident_id,
                              "name": h.title, "address": h.address, "grid": h.grid_code, "matched": h.matched,
                              "nearby": h.nearby} for h in result.hits]})
        return 0
    for hit in result.hits:
        title = hit.title if hit.kind == "resident" else f"住户：{hit.title}"
        print(f"{title}\t{hit.address}\t{hit.grid_code}\t{hit.matched}")
    print(count_line(result))
    return 0


def count_line(result) -> str:
    """共 412 人，显示前 30 人 — or that nothing was found."""
    if not result.total:
        return "没有找到"
    unit = "人" if not result.households else ("户" if not result.people else "条")
    if result.capped:
        return f"共 {result.total} {unit}，显示前 {len(result.hits)} {unit}"
    return f"共 {result.total} {unit}"


def _open_for_reading(args):
    """Read-only: no lock, no backup, works while the app has the file open. A file written by an older
    GridKeeper is upgraded first (the one time this command writes)."""
    from gridkeeper.storage import migrate

    args.read_only = True
    engine = open_engine(args)
    if migrate.needs_upgrade(engine):
        engine.dispose()
        args.read_only = False
        engine = open_engine(args)
    return engine
