"""`gridkeeper import` (household roster from .xlsx/.xls/.ods/.csv) and `gridkeeper export-roster`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from gridkeeper.cli.common import (
    EXIT_DB,
    EXIT_ERROR,
    EXIT_OK,
    database_exists,
    CliError,
    UsageError,
    audit_full_export,
    db_path,
    full_export_is_audited,
    open_engine,
    output_folder_exists,
    reads_only,
    writes,
)


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("import", parents=[common], help="导入住户花名册（Excel/WPS/CSV）")
    parser.add_argument("file", metavar="FILE", help=".xlsx、.xls、.ods 或 .csv 文件")
    parser.add_argument("--grid", required=True, metavar="CODE", help="导入到哪个网格（须已存在，或同时给出 --grid-name 新建）")
    parser.add_argument("--grid-name", default="", metavar="NAME",
                        help="网格不存在时以此名称新建（例如 第三网格；名称印在每份台账上）")
    parser.add_argument("--community", default="", metavar="NAME",
                        help="数据库中还没有社区时，以此名称建立社区（例如 福康社区居民委员会）")
    parser.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入数据库")
    parser.add_argument("--skip-invalid", action="store_true", help="导入没有错误的行，跳过有错误的行")
    parser.add_argument("--report", metavar="PROBLEMS.csv", help="把问题逐条写入 CSV（Excel 可直接打开）")
    parser.set_defaults(run=run_import)
    writes(parser, lambda args: None if args.dry_run else "导入会写入数据库")

    export = subparsers.add_parser("export-roster", parents=[common], help="导出住户花名册为 .xlsx（可修改后重新导入）")
    export.add_argument("--grid", metavar="CODE", help="只导出这个网格（默认全部）")
    export.add_argument("--full", action="store_true", help="写出完整的身份证号和电话（默认打码；打码的文件不能重新导入）")
    export.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出文件")
    export.set_defaults(run=run_export)
    reads_only(export, writes_when=full_export_is_audited)


def run_import(args) -> int:
    from gridkeeper.excel.importer import import_roster, open_roster, summary_lines
    from gridkeeper.excel.problems import write_problem_report
    from gridkeeper.domain.names import visible_text
    from gridkeeper.services.errors import ServiceError

    if not visible_text(args.grid):
        raise UsageError("--grid 需要网格编号，例如 FK-03")
    args.grid = visible_text(args.grid)
    report = output_folder_exists(Path(args.report).expanduser()) if args.report else None
    if report is not None:  # never over the roster, the database or its backups; refused before anything is written
        _check_output(report, args, args.file)
    roster = open_roster(args.file)  # file problems (missing, unsupported, no header) before the database
    if not args.dry_run and not database_exists(db_path(args)) and not (args.grid_name and args.community):
        raise CliError(f"数据库 {db_path(args)} 还不存在。新数据库需要社区和网格的名称（印在每份台账上）："
                       "请加 --community 社区名称 --grid-name 网格名称（例如 --community 福康社区居民委员会 "
                       "--grid-name 第三网格），或先运行 gridkeeper --db 该文件，按设置向导填写后再导入。未导入任何数据")
    engine = _import_target(args)
    started = time.perf_counter()
    try:  # one unit of work: committed when the import returns, nothing kept if it fails part-way
        with _unit_of_work(engine, dry_run=args.dry_run) as session:
            result = import_roster(session, roster, grid_code=args.grid, dry_run=args.dry_run,
                                   skip_invalid=args.skip_invalid, progress=_progress(),
                                   before_write=lambda: _backup(engine, args),
                                   grid_name=args.grid_name, community=args.community)
    except ServiceError as exc:  # the grid or community would need a name nobody gave: nothing written
        raise CliError(f"{exc}。未导入任何数据") from exc
    finally:
        engine.dispose()
    for problem in result.problems[:20]:
        print(problem.describe())
    if len(result.problems) > 20:
        print(f"……另有 {len(result.problems) - 20} 个问题" + ("，见 " + args.report if args.report else "（用 --report 导出全部）"))
    print("\n".join(summary_lines(result, dry_run=args.dry_run)))
    print(_verdict(result, args) + f"（{time.perf_counter() - started:.1f} 秒）")
    if report is not None:
        try:
            write_problem_report(report, result.problems, inputs=[args.file])
        except (OSError, ServiceError) as exc:  # the import itself is committed: say so first
            from gridkeeper.storage.faults import describe

            saved = "导入已保存；" if result.written else ""
            why = describe(exc, saved_nothing=False) if isinstance(exc, OSError) else ""
            raise CliError(f"{saved}但问题报告没有写成（{report}）：{why or exc}") from exc
    return EXIT_ERROR if result.errors and not args.skip_invalid else EXIT_OK


def _unit_of_work(engine, *, dry_run: bool):
    """The import's transaction (a dry run's is only ever rolled back)."""
    from sqlmodel import Session

    from gridkeeper.storage.session import unit_of_work

    return Session(engine) if dry_run else unit_of_work(engine)


def _import_target(args):
    """The database to import into. The first import often starts a community's database, so a real
    import creates a missing one; a dry run creates nothing: against a database that does not exist
    yet it checks the file against an empty one in memory."""
    path = db_path(args)
    if args.dry_run and not database_exists(path):
        from gridkeeper.services.database import memory_database

        print(f"数据库 {path} 还不存在：按空数据库检查，不会创建任何文件", file=sys.stderr)
        return memory_database().engine
    return open_engine(args, create=not args.dry_run)


def _verdict(result, args) -> str:
    if result.errors and not args.skip_invalid:
        return "有错误，未导入任何数据：请修改文件后重新导入，或用 --skip-invalid 只导入正确的行"
    if args.dry_run:
        return "试运行：没有写入数据库"
    return "导入完成" if result.written else "没有需要导入的数据"


def _progress():
    """Stage lines on stderr (one per stage), so a long import shows it is working."""
    seen: set[str] = set()

    def report(_done: int, _total: int, stage: str) -> None:
        if stage not in seen:
            seen.add(stage)
            print(f"{stage}…", file=sys.stderr, flush=True)

    return report


def _backup(engine, args) -> None:
    """Back the database up before the import writes to it, if this build has the backup module."""
    try:
        from gridkeeper.storage import backup
    except ImportError:  # a build without backups: import anyway, the import is one transaction
        return
    try:
        backup.backup_before(engine, "import")
    except backup.BackupFailed as exc:
        raise CliError(f"{exc}；为安全起见未导入任何数据") from exc


def _check_output(path, args, *inputs) -> None:
    from gridkeeper.storage import outputs

    try:
        outputs.check_output(path, inputs=inputs, databases=[db_path(args)])
    except outputs.OutputRefused as exc:
        raise CliError(str(exc)) from exc


def run_export(args) -> int:
    from sqlmodel import Session

    from gridkeeper.excel.export import export_roster
    from gridkeeper.services.geography import require_grid
    from gridkeeper.services.scope import EVERYWHERE, Scope

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".xlsx":
        raise CliError("导出文件应以 .xlsx 结尾")
    output_folder_exists(out)
    _check_output(out, args)
    engine = open_engine(args)
    try:
        with Session(engine) as session:
            scope = Scope(grid_id=require_grid(session, args.grid).id) if args.grid else EVERYWHERE
            count = export_roster(session, out, scope=scope, full=args.full,
                                  record_full=lambda what, detail: audit_full_export(args, session, out, what, detail))
    finally:
        engine.dispose()
    masked = "" if args.full else "（身份证号和电话已打码；要修改后重新导入，请加 --full 导出完整号码）"
    print(f"已导出 {count} 户到 {out}{masked}")
    return EXIT_OK


__all__ = ["register", "db_path"]
