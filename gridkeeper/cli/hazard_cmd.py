"""`gridkeeper hazard-notice HAZARD_ID --out FILE.pdf`: the rectification notice (安全隐患整改通知单) of one hazard."""

from __future__ import annotations

from gridkeeper.cli.common import UsageError, reads_only


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("hazard-notice", parents=[common], help="安全隐患整改通知单（PDF，一页）")
    parser.add_argument("hazard_id", metavar="HAZARD_ID", help="隐患编号（隐患列表中的 #）")
    parser.add_argument("--out", metavar="FILE", required=True, help="输出 PDF 文件")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="尚未通知时的落款日期（默认今天）")
    parser.set_defaults(run=run)
    reads_only(parser)


def run(args) -> int:
    from gridkeeper.cli.print_cmds import _out, _session, _today
    from gridkeeper.reports.hazard_notice import write_hazard_notice

    text = str(args.hazard_id).strip().lstrip("#")
    if not text.isdigit() or not 0 < int(text) < 2**31:
        raise UsageError(f"隐患编号“{args.hazard_id}”应为正整数，例如 12")
    out = _out(args, (".pdf",))
    engine, session = _session(args)
    try:
        content = write_hazard_notice(session, int(text), out, today=_today(args))
    finally:
        session.close()
        engine.dispose()
    print(f"已生成安全隐患整改通知单（{content.number.removeprefix('编号：')}）：{out}")
    return 0
