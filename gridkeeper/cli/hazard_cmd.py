"""`gridkeeper hazard-notice HAZARD_ID --out FILE.pdf`: the rectification notice (安全隐患整改通知单) of one hazard;
`gridkeeper import-places FILE [--grid CODE]`: the places a steward inspects, from a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from gridkeeper.cli.common import EXIT_ERROR, EXIT_OK, CliError, UsageError, open_engine, reads_only, writes


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("hazard-notice", parents=[common], help="安全隐患整改通知单（PDF，一页）")
    parser.add_argument("hazard_id", metavar="HAZARD_ID", help="隐患编号（隐患列表中的 #）")
    parser.add_argument("--out", metavar="FILE", required=True, help="输出 PDF 文件")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="尚未通知时的落款日期（默认今天）")
    parser.set_defaults(run=run)
    reads_only(parser)

    places = subparsers.add_parser("import-places", parents=[common], help="导入检查场所（九小场所等，Excel/WPS/CSV）")
    places.add_argument("file", metavar="FILE", help=".xlsx、.xls、.ods 或 .csv 文件")
    places.add_argument("--grid", metavar="CODE", help="文件没有“网格”列时，导入到这个网格")
    places.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入数据库")
    places.add_argument("--report", metavar="PROBLEMS.csv", help="把问题逐条写入 CSV（Excel 可直接打开）")
    places.set_defaults(run=run_import_places)
    writes(places, lambda args: None if args.dry_run else "导入会写入数据库")


def run(args) -> int:
    from sqlmodel import Session

    from gridkeeper.cli.common import open_engine
    from gridkeeper.cli.print_cmds import _out, _today
    from gridkeeper.reports.hazard_notice import write_hazard_notice

    text = str(args.hazard_id).strip().lstrip("#")
    if not text.isdigit() or not 0 < int(text) < 2**31:
        raise UsageError(f"隐患编号“{args.hazard_id}”应为正整数，例如 12")
    out = _out(args, (".pdf",))
    engine = open_engine(args)
    try:
        with Session(engine) as session:
            content = write_hazard_notice(session, int(text), out, today=_today(args))
    finally:
        engine.dispose()
    print(f"已生成安全隐患整改通知单（{content.number.removeprefix('编号：')}）：{out}")
    return 0


def run_import_places(args) -> int:
    from gridkeeper.excel.places import import_places
    from gridkeeper.excel.problems import write_problem_report
    from gridkeeper.services.errors import ServiceError
    from gridkeeper.storage.session import unit_of_work

    report = Path(args.report).expanduser() if args.report else None
    engine = open_engine(args)
    try:  # one unit of work: every place or none
        with unit_of_work(engine) as session:
            result = import_places(session, args.file, grid_code=args.grid, dry_run=args.dry_run)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()
    for problem in result.problems[:20]:
        print(problem.describe())
    if len(result.problems) > 20:
        print(f"……另有 {len(result.problems) - 20} 个问题" + (f"，见 {report}" if report else "（用 --report 导出全部）"))
    print(result.summary(dry_run=args.dry_run))
    if report is not None:
        write_problem_report(report, result.problems, inputs=[args.file])
    return EXIT_ERROR if result.errors else EXIT_OK
