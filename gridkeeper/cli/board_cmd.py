"""`gridkeeper board property|grids`: the property companies' red and black list and the grid scoreboard."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from gridkeeper.cli.common import CliError, UsageError, open_engine, output_folder_exists, parse_date, print_json, reads_only

FORMATS = (".pdf", ".xlsx")


def register(subparsers, common) -> None:
    board = subparsers.add_parser("board", help="红黑榜与网格考核")
    kinds = board.add_subparsers(dest="board", metavar="KIND", required=True, parser_class=type(board))
    company = kinds.add_parser("property", parents=[common], help="物业服务企业红黑榜（公示海报 PDF 或 Excel）")
    _period_out_json(company)
    company.add_argument("--on-time-below", type=float, metavar="PCT",
                         help="按期办结率低于此值列入黑榜（默认取设置，初始 80）")
    company.add_argument("--satisfaction-below", type=float, metavar="PCT",
                         help="满意度低于此值列入黑榜（默认取设置，初始 85）")
    company.add_argument("--min-requests", type=int, metavar="N", help="诉求少于 N 件不参与排名（默认取设置，初始 5）")
    company.add_argument("--red", type=int, metavar="N", help="红榜最多几家（默认取设置，初始 3）")
    company.set_defaults(run=run_property)
    reads_only(company)
    grids = kinds.add_parser("grids", parents=[common], help="网格考核（A4 横向表格加柱状图 PDF 或 Excel）")
    _period_out_json(grids)
    grids.set_defaults(run=run_grids)
    reads_only(grids)


def _period_out_json(parser) -> None:
    parser.add_argument("--period", metavar="2026-11|2026-Q4|2026", required=True, help="统计期：月、季度或全年")
    parser.add_argument("--out", metavar="FILE", help="输出文件 .pdf 或 .xlsx")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="按这一天计算超期和落款日期（默认今天）")


def _period(args):
    from gridkeeper.domain.period import PeriodError, parse_period

    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        raise UsageError(str(exc)) from None
    today = parse_date(args.today) if args.today else date.today()
    if period.start > today:
        raise UsageError(f"统计期 {period.text} 还没有开始（今天是 {today.isoformat()}）")
    return period, today


def _out(args) -> Path | None:
    if not args.out:
        return None
    path = Path(args.out).expanduser()
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"输出文件“{path.name}”的扩展名应为 .pdf 或 .xlsx")
    from gridkeeper.cli.common import db_path
    from gridkeeper.storage import outputs

    try:
        outputs.check_output(output_folder_exists(path), databases=[db_path(args)])
    except outputs.OutputRefused as exc:
        raise CliError(str(exc)) from exc
    return path


def _rules(args, session):
    from gridkeeper.domain.errors import ValueRuleError
    from gridkeeper.domain.property_ranking import Thresholds
    from gridkeeper.services.property_board import thresholds

    stored = thresholds(session)
    given = {"on_time_below": args.on_time_below, "satisfaction_below": args.satisfaction_below,
             "min_requests": args.min_requests, "red_count": args.red}
    try:
        return Thresholds(**(stored.to_dict() | {k: v for k, v in given.items() if v is not None}))
    except ValueRuleError as exc:
        raise UsageError(str(exc)) from None


def run_property(args) -> int:
    from sqlmodel import Session

    from gridkeeper.services.geography import get_community
    from gridkeeper.services.property_board import property_board

    period, today = _period(args)
    out = _out(args)
    engine = open_engine(args)
    try:
        with Session(engine) as session:
            board = property_board(session, period=period, today=today, rules=_rules(args, session))
            community = get_community(session)
            hotline = community.hotline if community else ""
    finally:
        engine.dispose()
    if out:
        from gridkeeper.reports.property_poster import write_property_board

        write_property_board(board, out, hotline=hotline)
    if args.json:
        print_json(board.as_dict())
    else:
        _print_property(board, out)
    return 0


def _print_property(board, out: Path | None) -> None:
    from gridkeeper.reports.property_poster import days, pct

    print(f"{board.community} 物业服务企业红黑榜 {board.period.label}")
    for row in board.ranked:
        mark = {"red": "红榜", "black": "黑榜"}.get(row.standing, "")
        f = row.figures
        print(f"{row.rank:>3}  {row.name}  诉求 {f.received}  按期 {pct(f.on_time_percent)}  "
              f"平均 {days(f.average_days)} 天  超期 {f.overdue_now}  满意 {pct(f.satisfaction_percent)}  {mark}".rstrip())
    for row in board.too_few:
        print(f"  —  {row.name}  诉求 {row.figures.received}（不足 {board.thresholds.min_requests} 件，不排名）")
    if not board.ranked and not board.too_few:
        print("没有登记物业服务企业的小区（在小区信息里填写物业服务企业后再统计）")
    if out:
        print(f"已写入 {out}", file=sys.stderr)


def run_grids(args) -> int:
    from sqlmodel import Session

    from gridkeeper.services.grid_scoreboard import grid_scoreboard

    period, today = _period(args)
    out = _out(args)
    engine = open_engine(args)
    try:
        with Session(engine) as session:
            board = grid_scoreboard(session, period=period, today=today)
    finally:
        engine.dispose()
    if out:
        from gridkeeper.reports.scoreboard import write_scoreboard

        write_scoreboard(board, out)
    if args.json:
        print_json(board.as_dict())
    else:
        _print_grids(board, out)
    return 0


def _print_grids(board, out: Path | None) -> None:
    from gridkeeper.reports.property_poster import pct

    print(f"{board.community} 网格考核 {board.period.label}（与{board.period.previous().label}比较）")
    print("名次  网格  网格员  走访覆盖率  关爱户按时走访率  诉求按期办结率  满意度  隐患按期整改率  空缺岗位  服务时长  综合得分")
    for line in [*board.lines, board.total]:
        f = line.current
        print(f"{line.rank or '':>3}  {line.code or line.name}  {line.steward or '-'}  {pct(f.coverage_percent)}  "
              f"{pct(f.care_percent)}  {pct(f.on_time_percent)}  {pct(f.satisfaction_percent)}  {pct(f.hazards_percent)}  "
              f"{f.vacant_posts}  "
              f"{f.service_hours:g}  {'—' if f.score is None else f.score}")
    if out:
        print(f"已写入 {out}", file=sys.stderr)
