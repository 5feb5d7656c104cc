"""`gridkeeper report monthly|annual`: the monthly work report (月度工作报告) and the year's summary, as PDF.

Printed through reports.jobs.PrintJob, as the Print section prints them (see cli.print_cmds.print_job)."""

from __future__ import annotations

from pathlib import Path

from gridkeeper.cli.common import CliError, UsageError, output_folder_exists, parse_date, reads_only

MAX_NOTES_BYTES = 200_000  # a few pages of typed notes; anything bigger is surely the wrong file


def register(subparsers, common) -> None:
    report = subparsers.add_parser("report", help="月度工作报告、年度工作总结（PDF）")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND")
    kinds.required = True
    monthly = kinds.add_parser("monthly", parents=[common], help="月度工作报告")
    monthly.add_argument("--month", metavar="YYYY-MM", required=True, help="哪个月，例如 2026-11")
    annual = kinds.add_parser("annual", parents=[common], help="年度工作总结")
    annual.add_argument("--year", metavar="YYYY", required=True, help="哪一年，例如 2026")
    for parser in (monthly, annual):
        parser.add_argument("--grid", metavar="CODE", help="只含这个网格（默认全社区）")
        parser.add_argument("--notes", metavar="FILE.txt", help="重点工作：一个文本文件（UTF-8 或 GBK），印在最后一页")
        parser.add_argument("--out", metavar="FILE.pdf", required=True, help="输出 PDF 文件")
        parser.add_argument("--today", metavar="YYYY-MM-DD", help="按这一天计算超期和落款日期（默认今天）")
        parser.set_defaults(run=run)
        reads_only(parser)


def _period(args):
    from gridkeeper.domain.period import PeriodError, parse_period

    text = args.month if args.report_kind == "monthly" else args.year
    try:
        period = parse_period(text)
    except PeriodError as exc:
        raise UsageError(str(exc)) from None
    wanted = "month" if args.report_kind == "monthly" else "year"
    if period.kind != wanted:
        example = "--month 2026-11" if wanted == "month" else "--year 2026"
        raise UsageError(f"“{text}”不是{'一个月份' if wanted == 'month' else '一个年份'}，应写成 {example}")
    return period


def read_notes(path_text: str | None) -> str:
    """The notes file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK as older Notepad saves it."""
    if not path_text:
        return ""
    path = Path(path_text).expanduser()
    if not path.is_file():
        raise CliError(f"找不到重点工作文件：{path}")
    data = path.read_bytes()
    if len(data) > MAX_NOTES_BYTES:
        raise CliError(f"重点工作文件 {path.name} 太大（{len(data):,} 字节，最多 {MAX_NOTES_BYTES:,}）：是不是选错了文件？")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Notepad's "Unicode": UTF-16 with its byte-order mark
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CliError(f"读不懂重点工作文件 {path.name}：请另存为 UTF-8 编码的文本文件")


def _job(args, period, notes: str):
    """The work report as a reports.jobs.PrintJob, printed like every other document."""
    from datetime import date

    from gridkeeper.reports.jobs import PrintJob

    today = parse_date(args.today) if args.today else date.today()
    if period.kind == "month":
        return PrintJob("report:monthly", grid_code=args.grid, month=period.start, today=today, notes=notes)
    return PrintJob("report:annual", grid_code=args.grid, year=period.year, today=today, notes=notes)


def run(args) -> int:
    from gridkeeper.cli.print_cmds import _writable_output, print_job

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"输出文件“{out.name}”的扩展名应为 .pdf")
    out = _writable_output(args, output_folder_exists(out))
    period = _period(args)
    printed = print_job(args, _job(args, period, read_notes(args.notes)), out)
    print(f"已生成{printed.title}（{printed.count} 页）：{out}")
    return 0


__all__ = ["register", "read_notes"]
