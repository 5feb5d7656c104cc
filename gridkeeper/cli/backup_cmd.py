"""`gridkeeper backup`, `gridkeeper restore` and `gridkeeper check`: keeping the data safe."""

from __future__ import annotations

from pathlib import Path

from gridkeeper.cli.common import EXIT_DB, EXIT_ERROR, CliError, db_path, print_json, reads_only, writes

COUNT_LABELS = {"households": "住户", "residents": "居民", "visits": "走访"}


def register(subparsers, common) -> None:
    backup = subparsers.add_parser("backup", parents=[common], help="立即备份数据库（校验后保存）")
    backup.add_argument("--to", metavar="DIR", help="备份到这个文件夹（默认：数据库旁的备份文件夹，并自动轮换）")
    backup.set_defaults(run=run_backup)
    restore = subparsers.add_parser("restore", parents=[common], help="从备份恢复（先保存当前文件）")
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help="备份文件；latest 表示最近的完好备份")
    restore.add_argument("--list", action="store_true", help="列出备份及其记录数")
    restore.set_defaults(run=run_restore)
    writes(restore, lambda args: None if args.list else "恢复会替换数据库文件")
    check = subparsers.add_parser("check", parents=[common], help="检查数据库是否完好、数据是否自洽")
    check.add_argument("--json", action="store_true")
    check.set_defaults(run=run_check)
    reads_only(check)  # it reads through its own read-only connection: never the lock


def _counts(counts: dict[str, int]) -> str:
    return "，".join(f"{COUNT_LABELS[k]} {v}" for k, v in counts.items())


def _existing_database(args) -> Path:
    from gridkeeper.storage.engine import check_sqlite_file
    from gridkeeper.storage.errors import DatabaseUnusable

    path = db_path(args)
    if isinstance(path, str):  # a server address: the server itself says whether it can be used
        return path
    try:
        check_sqlite_file(path)
    except DatabaseUnusable as exc:
        raise CliError(str(exc), EXIT_DB) from exc
    return path


def run_backup(args) -> int:
    """Reads only: works while GridKeeper is open on the same database."""
    from gridkeeper.services import backups

    path = _existing_database(args)
    if isinstance(path, str):
        return _server_backup(path, args)
    # A backup holds every full ID number and the password hashes: with accounts on, sign in first;
    # copying it to any folder (--to) is for administrators, as `export-roster --full` of all grids is.
    who = _signed_in_reader(path, args, admin_only=bool(args.to), refused="只有社区管理员可以把数据库备份到其他文件夹")
    try:
        info = backups.back_up(path, to=Path(args.to).expanduser() if args.to else None)
    except backups.BackupFailed as exc:
        raise CliError(str(exc), EXIT_ERROR) from exc
    if who is not None:
        from gridkeeper.cli.common import audit_outside_lock

        audit_outside_lock(path, who, "export", *backups.copy_event(info))
    print(f"已备份并校验：{info.path}（{_counts(info.counts())}）")
    _warn_about_the_clock(path)
    return 0


def _warn_about_the_clock(path: Path) -> None:
    import sys

    from gridkeeper.services import backups

    warning = backups.clock_warning(path)
    if warning:
        print(f"gridkeeper: 注意：{warning}", file=sys.stderr)


def _backup_line(number: int | None, info) -> str:
    from gridkeeper.storage.backup import record_counts

    try:
        counts = _counts(record_counts(info.path))
    except Exception:  # noqa: BLE001 - a damaged backup is listed, marked
        counts = "已损坏，不能恢复"
    notes = ([f"#{info.sequence}"] if info.sequence else []) + (["保留至手动删除"] if info.is_safety_copy else [])
    if info.from_future:
        notes.append("时间晚于现在：当时电脑时钟不对？")
    prefix = f"[{number}] " if number is not None else ""
    return (f"{prefix}{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.reason_label}  {counts}  {info.path}"
            + (f"  （{'；'.join(notes)}）" if notes else ""))


def _list_backups(path: Path) -> int:
    from gridkeeper.services import backups

    found = backups.list_backups(path)
    if not found:
        print(f"{path} 还没有备份")
    for info in found:
        print(_backup_line(None, info))
    _warn_about_the_clock(path)
    return 0


def _choose_backup(args, path: Path):
    """The named backup (`latest` or a file); without one, ask on a terminal or refuse with the list."""
    import sys

    from gridkeeper.cli.common import EXIT_USAGE
    from gridkeeper.services import backups

    if args.backup:
        try:
            return backups.find_backup(path, args.backup)
        except backups.BackupFailed as exc:
            raise CliError(str(exc), EXIT_ERROR) from exc
    found = backups.list_backups(path)
    if not found:
        raise CliError(f"{path} 还没有备份，没有可以恢复的", EXIT_ERROR)
    lines = [_backup_line(n, info) for n, info in enumerate(found, start=1)]
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        listing = "\n".join(f"  {line}" for line in lines)
        raise CliError("请指明要恢复哪个备份：gridkeeper restore 备份文件 或 gridkeeper restore latest"
                       f"（恢复最近的完好备份）。现有备份，新的在前：\n{listing}", EXIT_USAGE)
    print("现有备份（新的在前）：")
    print("\n".join(lines))
    answer = input(f"恢复哪一个？输入编号 1–{len(found)}，直接回车取消：").strip()
    if not answer:
        raise CliError("已取消，没有恢复", EXIT_ERROR)
    if not answer.isdigit() or not 1 <= int(answer) <= len(found):
        raise CliError(f"没有编号 {answer}，没有恢复", EXIT_USAGE)
    return found[int(answer) - 1]


def _admin_only(path: Path, args) -> None:
    """With accounts on, only an administrator restores (a damaged file has no readable accounts)."""
    _signed_in_reader(path, args, admin_only=True, refused="只有社区管理员可以恢复数据库")


def _signed_in_reader(path: Path, args, *, admin_only: bool = False, refused: str = "") -> str | None:
    """With accounts on, sign in through a read-only connection (so it works while GridKeeper has the
    file open) and return the account's name; None when accounts are off or cannot be read (a
    damaged file: checking and restoring it is the way out)."""
    from sqlmodel import Session

    from gridkeeper.cli.common import sign_in
    from gridkeeper.services import accounts
    from gridkeeper.services.database import open_database
    from gridkeeper.storage.errors import DatabaseUnusable

    try:
        engine = open_database(path, read_only=True).engine
    except DatabaseUnusable:
        return None
    try:
        with Session(engine) as session:
            if not accounts.accounts_enabled(session):
                return None
        sign_in(engine, args)
        user = accounts.signed_in(engine)
        if user is None or (admin_only and not user.is_admin):
            raise CliError(refused or "只有社区管理员可以这样做", EXIT_ERROR)
        return user.name
    except Exception as exc:
        if isinstance(exc, CliError):
            raise
        return None  # unreadable accounts: the file is damaged
    finally:
        engine.dispose()


def _server_backup(address: str, args) -> int:
    """pg_dump of a server database (administrators only: it holds every resident of the community)."""
    from gridkeeper.storage import server_backup

    _signed_in_reader(address, args, admin_only=True, refused="只有社区管理员可以备份服务器上的数据库")
    try:
        made = server_backup.dump(address, folder=Path(args.to).expanduser() if args.to else None)
    except server_backup.ServerBackupFailed as exc:
        raise CliError(str(exc), EXIT_ERROR) from exc
    total = sum(made.counts.values())
    print(f"已备份：{made.path}（{len(made.counts)} 张表共 {total} 行，各表行数记在 {made.counts_path.name}）")
    return 0


def _server_restore(address: str, args) -> int:
    """pg_restore into an empty database, proven by the saved row counts; nothing switches over."""
    from gridkeeper.storage import server_backup
    from gridkeeper.storage.server import display

    if args.list or not args.backup or args.backup == "latest":
        raise CliError("服务器上的数据库请写明备份文件：gridkeeper restore 备份.dump --db postgresql://…/新数据库名"
                       "（恢复到一个新的空数据库，核对无误后再让各电脑改连它）", EXIT_ERROR)
    try:
        counts = server_backup.restore(Path(args.backup).expanduser(), address)
    except server_backup.ServerBackupFailed as exc:
        raise CliError(str(exc), EXIT_ERROR) from exc
    print(f"已恢复到 {display(address)}：{len(counts)} 张表的行数与备份逐一核对一致（共 {sum(counts.values())} 行）。"
          "原数据库没有改动；确认无误后，请让各电脑改连这个数据库。")
    return 0


def run_restore(args) -> int:
    from gridkeeper.services import backups
    from gridkeeper.storage.errors import DatabaseUnusable

    path = db_path(args)
    if isinstance(path, str):
        return _server_restore(path, args)
    if args.list:
        return _list_backups(path)
    chosen = _choose_backup(args, path)
    _admin_only(path, args)
    try:
        done = backups.restore(path, chosen.path, actor=getattr(args, "user", None), keep_open=False)
    except backups.BackupFailed as exc:
        raise CliError(str(exc), EXIT_ERROR) from exc
    except DatabaseUnusable as exc:  # held by another GridKeeper, or the candidate is not usable
        raise CliError(str(exc), EXIT_DB) from exc
    print(f"已从 {chosen.path.name} 恢复（{_counts(done.result.counts)}，与备份一致）")
    if done.result.saved_current:
        print(f"恢复前的数据库已保存为 {done.result.saved_current}（保留至手动删除）")
    return 0


def run_check(args) -> int:
    from gridkeeper.storage import backup, integrity

    path = _existing_database(args)
    _signed_in_reader(path, args)  # the report names residents: with accounts on, sign in first
    report = integrity.check_database(path)
    if args.json:
        print_json({"ok": report.ok, "physical": report.physical,
                    "logical": [{"kind": p.kind, "message": p.message} for p in report.logical]})
    elif report.physical:
        print(f"数据库文件已损坏：{report.physical[0]}")
    elif report.logical:
        print(f"发现 {len(report.logical)} 个数据问题：")
        for line in integrity.summarize(report.logical):
            print(f"  - {line}")
    else:
        print(f"{path}：文件完好，数据自洽，审计记录链条完整")
    if report.physical:
        if not args.json:
            print(integrity.damage_message(path, backup.newest_good_backup(path)))
        return EXIT_DB
    return EXIT_ERROR if report.logical else 0
