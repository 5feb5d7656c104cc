"""`gridkeeper demo`: fill a new database with realistic sample data."""

from __future__ import annotations

import time

from gridkeeper.cli.common import CliError, UsageError, db_path, open_engine, parse_date, writes

MAX_HOUSEHOLDS = 100_000  # gridkeeper.demo.generator.MAX_HOUSEHOLDS (not imported: the parser stays light)


def _households(text: str) -> int:
    """A household count the demo can make: a usage error before any file is touched."""
    try:
        count = int(text)
    except ValueError:
        raise UsageError(f"--households “{text}” 应为整数") from None
    if not 1 <= count <= MAX_HOUSEHOLDS:
        raise UsageError(f"--households 应在 1 到 {MAX_HOUSEHOLDS} 之间（收到 {count}）")
    return count


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"--seed “{text}” 应为整数") from None


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("demo", parents=[common], help="生成演示数据（写入新的数据库）")
    parser.add_argument("--households", type=_households, default=2000, metavar="N",
                        help=f"户数（默认2000，最多{MAX_HOUSEHOLDS}）")
    parser.add_argument("--seed", type=_seed, default=1, metavar="S", help="随机种子（同一种子生成相同数据）")
    parser.add_argument("--today", type=parse_date, default=None, help="以哪一天为“今天”（默认今天）")
    parser.set_defaults(run=run)
    writes(parser, lambda args: "demo 会生成演示数据并写入数据库")


def run(args) -> int:
    from gridkeeper.demo.generator import generate
    from gridkeeper.services.errors import ServiceError

    if not args.db:
        raise CliError("demo 需要 --db PATH（演示数据只写入新的数据库）", 2)
    started = time.perf_counter()
    path = db_path(args)
    # A file this demo creates is removed again if it fails (a server database is the server's to keep).
    new_file = not isinstance(path, str) and (not path.exists() or path.stat().st_size == 0)
    engine = None
    try:
        engine = open_engine(args, create=True)
        counts = generate(engine, households=args.households, seed=args.seed, today=args.today)
    except BaseException as exc:
        if engine is not None:
            engine.dispose()
            engine = None
        if new_file:  # a failed demo leaves no file behind (an existing one is never touched)
            _remove_new_database(path)
        if isinstance(exc, ServiceError):
            raise CliError(str(exc)) from exc
        if isinstance(exc, MemoryError):
            raise CliError("内存不足，演示数据没有生成（请减少 --households）") from None
        raise
    finally:
        if engine is not None:
            engine.dispose()
    print(f"已生成演示数据：{counts.get('grid', 0)} 个网格，{counts.get('building', 0)} 栋楼，"
          f"{counts.get('household', 0)} 户，{counts.get('resident', 0)} 位居民，{counts.get('visit', 0)} 次走访，"
          f"{counts.get('resident_request', 0)} 件诉求（{time.perf_counter() - started:.1f} 秒）")
    return 0


def _remove_new_database(path) -> None:
    """The database file this demo created, with its journal, lock and any backup folder it made."""
    import shutil

    from gridkeeper import paths

    for suffix in ("", "-wal", "-shm", "-journal", ".lock", ".commits"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    folder = paths.backups_dir(path)
    if folder.is_dir() and not any(p for p in folder.iterdir() if not p.name.startswith(".")):
        shutil.rmtree(folder, ignore_errors=True)
