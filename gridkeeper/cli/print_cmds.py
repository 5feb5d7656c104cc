"""`gridkeeper ledger|roster|checklist|notice`: the printed documents, as PDF (or xlsx for ledgers).

The arguments become a reports.jobs.PrintJob and are printed by reports.jobs.print_document, as the
Print section does: what a document is and how it is written and audited is said once, there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gridkeeper.cli.common import (
    CliError,
    UsageError,
    audit_full_export,
    full_export_is_audited,
    open_engine,
    output_folder_exists,
    parse_date,
    parse_month,
    reads_only,
)
from gridkeeper.reports.ledger_names import LEDGER_NAMES

KINDS = tuple(LEDGER_NAMES)  # the ledgers reports.jobs prints, by the names the command line takes


def register(subparsers, common) -> None:
    ledger = subparsers.add_parser("ledger", parents=[common], help="台账（PDF 或 Excel）")
    ledger.add_argument("kind", metavar="KIND", help=" | ".join(KINDS))
    ledger.add_argument("--month", metavar="YYYY-MM", help="月份（members 用 --half）")
    ledger.add_argument("--half", metavar="YYYY-H1|YYYY-H2", help="半年（仅 members）")
    ledger.add_argument("--grid", metavar="CODE", help="只含这个网格（默认全社区）")
    ledger.add_argument("--full", action="store_true", help="显示完整身份证号和手机号（默认遮蔽）")
    ledger.add_argument("--feedback-sheets", action="store_true", help="members：改为每人一张报到服务情况反馈表")
    _out_and_today(ledger, "输出文件 .pdf 或 .xlsx")
    ledger.set_defaults(run=run_ledger)
    reads_only(ledger, writes_when=full_export_is_audited)

    roster = subparsers.add_parser("roster", parents=[common], help="楼栋长公示牌（每栋楼一页）")
    roster.add_argument("--grid", metavar="CODE", required=True)
    roster.add_argument("--a3", action="store_true", help="A3 纸（默认 A4）")
    roster.add_argument("--building", metavar="LABEL", help="只打这栋楼的一张，例如 7号楼")
    _out_and_today(roster, "输出 PDF 文件")
    roster.set_defaults(run=run_roster)
    reads_only(roster)

    checklist = subparsers.add_parser("checklist", parents=[common], help="走访清单")
    checklist.add_argument("--grid", metavar="CODE", required=True)
    checklist.add_argument("--building", metavar="LABEL", help="只列这栋楼，例如 7号楼")
    checklist.add_argument("--due-only", action="store_true", help="只列应访户")
    checklist.add_argument("--not-visited", action="store_true", help="只列本月还没走访的户")
    _out_and_today(checklist, "输出 PDF 文件")
    checklist.set_defaults(run=run_checklist)
    reads_only(checklist)

    notice = subparsers.add_parser("notice", parents=[common], help="通知（每栋楼一页）")
    notice.add_argument("template", metavar="TEMPLATE", nargs="?", help="模板名称，例如 outage 或 停水停电通知")
    notice.add_argument("--list", action="store_true", help="列出可用的模板")
    notice.add_argument("--grid", metavar="CODE")
    notice.add_argument("--set", metavar="FIELD=VALUE", action="append", default=[],
                        help="改一项：title、body、time、place、issuer、date（可重复）")
    notice.add_argument("--buildings", metavar="3-7", help="只给这些楼栋，例如 3-7 或 3,5,8")
    notice.add_argument("--save-as", metavar="NAME", help="把改过的模板另存为自己的模板")
    _out_and_today(notice, "输出 PDF 文件", required=False)
    notice.set_defaults(run=run_notice)
    reads_only(notice, writes_when=lambda args: "--save-as 会把模板保存到用户数据文件夹" if args.save_as else None)


def _out_and_today(parser, help_text: str, required: bool = True) -> None:
    parser.add_argument("--out", metavar="FILE", required=required, help=help_text)
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="按这一天计算超期、应访和落款日期（默认今天）")


def _today(args) -> date:
    return parse_date(args.today) if args.today else date.today()


def _out(args, allowed: tuple[str, ...]) -> Path:
    path = Path(args.out).expanduser()
    if path.suffix.lower() not in allowed:
        raise UsageError(f"输出文件“{path.name}”的扩展名应为 {' 或 '.join(allowed)}")
    return _writable_output(args, output_folder_exists(path))


def _writable_output(args, path: Path) -> Path:
    """Refuse, before any work, an --out that is the database, its companions or backups, or read-only."""
    from gridkeeper.cli.common import db_path
    from gridkeeper.storage import outputs

    try:
        outputs.check_output(path, databases=[db_path(args)])
    except outputs.OutputRefused as exc:
        raise CliError(str(exc)) from exc
    return path


def _print(args, job, out: Path, *, once_signed_in=None) -> None:
    """`print_job`, then say what was written."""
    print(f"已生成 {print_job(args, job, out, once_signed_in=once_signed_in)}：{out}")


def print_job(args, job, out: Path, *, once_signed_in=None):
    """Open the database for reading (signing in) and print `job` through reports.jobs.print_document;
    returns its Printed. The audit row of a --full print is the one print_document describes, appended in
    its own short transaction (the command holds no writer lock: see cli.common.audit_full_export)."""
    from sqlmodel import Session

    from gridkeeper.reports.jobs import full_values_event, print_document

    def record(session, job, printed, path) -> None:
        what, detail = full_values_event(job, printed, path)
        audit_full_export(args, session, path, what, detail, entity="ledger", entity_id=job.document)

    engine = open_engine(args)
    try:
        if once_signed_in is not None:
            once_signed_in()
        with Session(engine) as session:
            return print_document(session, job, out, record=record)
    finally:
        engine.dispose()


def _job(args, document: str, **options):
    from gridkeeper.reports.jobs import PrintJob

    return PrintJob(document, grid_code=args.grid, today=_today(args), **options)


def _period_options(args, document: str, kind: str) -> dict:
    """--month or --half, as the document needs (checked before anything is opened)."""
    from gridkeeper.reports.jobs import PrintJob
    from gridkeeper.reports.ledger_data import half_period

    if PrintJob(document).uses_half_year:
        if not args.half:
            raise UsageError(f"{kind} 台账按半年统计，请用 --half YYYY-H1 或 YYYY-H2")
        try:
            half_period(args.half)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        return {"half": args.half}
    if args.half:
        raise UsageError("--half 只用于 members 台账，其他台账用 --month")
    if not args.month:
        raise UsageError(f"{kind} 台账需要 --month YYYY-MM")
    return {"month": parse_month(args.month)}


def run_ledger(args) -> int:
    if args.kind not in KINDS:
        raise UsageError(f"没有“{args.kind}”这种台账，可选：{' | '.join(KINDS)}")
    if args.feedback_sheets and args.kind != "members":
        raise UsageError("--feedback-sheets 只用于 members 台账")
    out = _out(args, (".pdf",) if args.feedback_sheets else (".pdf", ".xlsx"))
    document = "feedback" if args.feedback_sheets else f"ledger:{args.kind}"
    _print(args, _job(args, document, full=args.full, **_period_options(args, document, args.kind)), out)
    return 0


def run_roster(args) -> int:
    out = _out(args, (".pdf",))
    _print(args, _job(args, "roster", a3=args.a3, building=args.building or ""), out)
    return 0


def run_checklist(args) -> int:
    out = _out(args, (".pdf",))
    _print(args, _job(args, "checklist", building=args.building or "", due_only=args.due_only,
                      unvisited_this_month=args.not_visited), out)
    return 0


def _overrides(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        field, sep, value = pair.partition("=")
        if not sep or not field.strip():
            raise UsageError(f"--set “{pair}” 应写成 字段=内容，例如 time=11月25日8:00至18:00")
        values[field.strip()] = value.replace("\\n", "\n")
    return values


def run_notice(args) -> int:
    from gridkeeper.reports.notices import list_templates, load_template, save_template

    if args.list:
        for t in list_templates():
            print(f"{t.name}\t{t.label}\t{'自定义' if t.user else '内置'}\t{t.title}")
        return 0
    if not args.template or not args.grid or not args.out:
        raise UsageError("需要 TEMPLATE、--grid 和 --out（用 --list 查看模板）")
    out = _out(args, (".pdf",))
    template = load_template(args.template).with_fields(_overrides(args.set))

    def save_as() -> None:  # only once signed in (when accounts exist)
        from dataclasses import replace

        save_template(replace(template, name=args.save_as, label=args.save_as, user=True))

    _print(args, _job(args, "notice", template=template, buildings=args.buildings or ""), out,
           once_signed_in=save_as if args.save_as else None)
    return 0


__all__ = ["KINDS", "print_job", "register"]
