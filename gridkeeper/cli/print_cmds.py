"""`gridkeeper ledger|roster|checklist|notice`: the printed documents, as PDF (or xlsx for ledgers)."""

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

KINDS = ("visits", "households", "care", "requests", "members", "leaders")
KINDS += ("hazards",)
KINDS += ("disputes",)
KINDS += ("rentals", "migrants")


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


def _session(args):
    from sqlmodel import Session

    engine = open_engine(args)
    return engine, Session(engine)


def _ledger_period(args):
    from gridkeeper.reports.ledger_data import half_period, month_period

    if args.kind == "members":
        if not args.half:
            raise UsageError("members 台账按半年统计，请用 --half YYYY-H1 或 YYYY-H2")
        try:
            return half_period(args.half)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if args.half:
        raise UsageError("--half 只用于 members 台账，其他台账用 --month")
    if not args.month:
        raise UsageError(f"{args.kind} 台账需要 --month YYYY-MM")
    return month_period(parse_month(args.month))


def run_ledger(args) -> int:
    from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger
    from gridkeeper.reports.ledgers import write_ledger

    if args.kind not in KINDS:
        raise UsageError(f"没有“{args.kind}”这种台账，可选：{' | '.join(KINDS)}")
    if args.feedback_sheets and args.kind != "members":
        raise UsageError("--feedback-sheets 只用于 members 台账")
    out = _out(args, (".pdf",) if args.feedback_sheets else (".pdf", ".xlsx"))
    period, today = _ledger_period(args), _today(args)
    engine, session = _session(args)
    try:
        if args.feedback_sheets:
            return _feedback_sheets(args, session, period, out, today)
        data = build_ledger(session, LedgerRequest(args.kind, period, args.grid, args.full, today))
        write_ledger(data, out)
        _audit_full(args, session, f"打印{data.title}", out, len(data.rows))
    finally:
        session.close()
        engine.dispose()
    print(f"已生成 {data.title}：{out}（{len(data.rows)} 行）")
    return 0


def _feedback_sheets(args, session, period, out: Path, today: date) -> int:
    from gridkeeper.reports.feedback_sheet import write_feedback_sheets
    from gridkeeper.reports.ledger_data import Privacy, where

    count = write_feedback_sheets(session, where(session, args.grid), period, out, privacy=Privacy(args.full),
                                  today=today)
    _audit_full(args, session, f"打印报到服务情况反馈表（{period.label}）", out, count)
    print(f"已生成报到服务情况反馈表 {count} 张：{out}")
    return 0


def _audit_full(args, session, what: str, out: Path, rows: int) -> None:
    """Printing full ID numbers and phones leaves a line in the audit trail."""
    if args.full:
        audit_full_export(args, session, out, what, {"file": str(out), "rows": rows, "full": True},
                          entity="ledger", entity_id=args.kind)


def run_roster(args) -> int:
    from gridkeeper.reports.roster import write_roster

    out = _out(args, (".pdf",))
    engine, session = _session(args)
    try:
        pages = write_roster(session, args.grid, out, a3=args.a3, building=args.building, today=_today(args))
    finally:
        session.close()
        engine.dispose()
    print(f"已生成楼栋长公示牌 {pages} 页：{out}")
    return 0


def run_checklist(args) -> int:
    from gridkeeper.reports.checklist import checklist_data, write_checklist

    out = _out(args, (".pdf",))
    engine, session = _session(args)
    try:
        data = checklist_data(session, args.grid, building=args.building, due_only=args.due_only,
                              unvisited_this_month=args.not_visited, today=_today(args))
        write_checklist(data, out)
    finally:
        session.close()
        engine.dispose()
    print(f"已生成 {data.title}：{out}（{len(data.rows)} 户）")
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
    from gridkeeper.reports.notice_sheet import write_notices
    from gridkeeper.reports.notices import list_templates, load_template, save_template

    if args.list:
        for t in list_templates():
            print(f"{t.name}\t{t.label}\t{'自定义' if t.user else '内置'}\t{t.title}")
        return 0
    if not args.template or not args.grid or not args.out:
        raise UsageError("需要 TEMPLATE、--grid 和 --out（用 --list 查看模板）")
    out = _out(args, (".pdf",))
    template = load_template(args.template).with_fields(_overrides(args.set))
    engine, session = _session(args)  # signs in (when accounts exist) before anything is written
    try:
        if args.save_as:
            from dataclasses import replace

            save_template(replace(template, name=args.save_as, label=args.save_as, user=True))
        pages = write_notices(session, template, args.grid, out, buildings=args.buildings, today=_today(args))
    finally:
        session.close()
        engine.dispose()
    print(f"已生成{template.label} {pages} 页：{out}")
    return 0


__all__ = ["register"]
