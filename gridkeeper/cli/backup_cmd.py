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
    try:
        check_sqlite_file(path)
    except DatabaseUnusable as exc:
        raise CliError(str(exc), EXIT_DB) from exc
    return path


def run_backup(args) -> int:
    """Reads only: works while GridKeeper is open on the same database."""
    from gridkeeper.storage import backup

    path = _existing_database(args)
    # A backup holds every full ID number and the password hashes: with accounts on, sign in first;
    # copying it to any folder (--to) is for administrators, as `export-roster --full` of all grids is.
    who = _signed_in_reader(path, args, admin_only=bool(args.to), refused="只有社区管理员可以把数据库备份到其他文件夹")
    try:
        if args.to:
            info = backup.make_backup(path, to=Path(args.to).expanduser())
        else:
            info = backup.backup_before(path, "manual")
    except backup.BackupFailed as exc:
        raise CliError(str(exc), EXIT_ERROR) from exc
    if who is not None:
        from gridkeeper.cli.common import audit_outside_lock

        audit_outside_lock(path, who, "export", f"备份数据库到 {info.path}",
                           {"file": str(info.path), "full": True, "counts": info.counts()})
    print(f"已备份并校验：{info.path}（{_counts(info.counts())}）")
    return 0


def _list_backups(path: Path) -> int:
    from gridkeeper.storage import backup

    found = backup.list_backups(path)
    if not found:
        print(f"{path} 还没有备份")
    for info in found:
        print(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.reason_label}  {_counts(info.counts())}  {info.path}")
    return 0


def _choose_backup(args, path: Path) -> Path:
    from gridkeeper.storage import backup

    if args.backup in (None, "latest"):
        newest = backup.newest_good_backup(path)
        if newest is None:
            raise CliError(f"{path} 没有完好的备份可以恢复", EXIT_ERROR)
        return newest.path
    chosen = Path(args.backup).expanduser()
    if not chosen.is_file():
        raise CliError(f"找不到备份文件：{chosen}", EXIT_ERROR)
    return chosen


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


def run_restore(args) -> int:
    from gridkeeper.storage import backup, lock
    from gridkeeper.services.database import open_database
    from gridkeeper.storage.errors import DatabaseUnusable

    path = db_path(args)
    if args.list:
        return _list_backups(path)
    chosen = _choose_backup(args, path)
    _admin_only(path, args)
    try:
        lock.acquire(path)
    except DatabaseUnusable as exc:
        raise CliError(str(exc), EXIT_DB) from exc
    try:
        result = backup.restore_backup(chosen, path)
        engine = open_database(path).engine
        _record_restore(engine, args, chosen, result)
        engine.dispose()
    except backup.BackupFailed as exc:
        raise CliError(str(exc), EXIT_ERROR) from exc
    finally:
        lock.release(path)
    print(f"已从 {chosen.name} 恢复（{_counts(result.counts)}，与备份一致）")
    if result.saved_current:
        print(f"恢复前的数据库已保存为 {result.saved_current}")
    return 0


def _record_restore(engine, args, chosen: Path, result) -> None:
    from gridkeeper.storage import audit
    from gridkeeper.storage.session import unit_of_work

    if getattr(args, "user", None):
        audit.set_actor(engine, args.user)
    with unit_of_work(engine) as session:
        audit.record_event(session, "restore", f"从备份 {chosen.name} 恢复",
                           {"backup": str(chosen), "counts": result.counts,
                            "saved_current": str(result.saved_current or "")})


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
