"""`gridkeeper demo`: fill a new database with realistic sample data."""

from __future__ import annotations

import time

from gridkeeper.cli.common import CliError, open_engine, parse_date, writes


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("demo", parents=[common], help="生成演示数据（写入新的数据库）")
    parser.add_argument("--households", type=int, default=2000, metavar="N", help="户数（默认2000）")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="随机种子（同一种子生成相同数据）")
    parser.add_argument("--today", type=parse_date, default=None, help="以哪一天为“今天”（默认今天）")
    parser.set_defaults(run=run)
    writes(parser, lambda args: "demo 会生成演示数据并写入数据库")


def run(args) -> int:
    from gridkeeper.demo.generator import generate
    from gridkeeper.services.errors import ServiceError

    if not args.db:
        raise CliError("demo 需要 --db PATH（演示数据只写入新的数据库）", 2)
    started = time.perf_counter()
    engine = open_engine(args, create=True)
    try:
        counts = generate(engine, households=args.households, seed=args.seed, today=args.today)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()
    print(f"已生成演示数据：{counts.get('grid', 0)} 个网格，{counts.get('building', 0)} 栋楼，"
          f"{counts.get('household', 0)} 户，{counts.get('resident', 0)} 位居民，{counts.get('visit', 0)} 次走访，"
          f"{counts.get('resident_request', 0)} 件诉求（{time.perf_counter() - started:.1f} 秒）")
    return 0
