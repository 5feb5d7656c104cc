"""`gridkeeper move --db SOURCE --to TARGET`: a whole database onto a server, or back into a file."""

from __future__ import annotations

from pathlib import Path

from gridkeeper.cli.common import EXIT_ERROR, CliError, db_path, open_engine, open_target, print_json

LABELS = {"household": "住户", "resident": "居民", "visit": "走访", "resident_request": "诉求", "audit_entry": "审计记录"}


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "move", parents=[common],
        help="把整个数据库迁到服务器（--to postgresql://用户@服务器/数据库），或迁回文件（--to 新文件.db）")
    parser.add_argument("--to", required=True, metavar="TARGET",
                        help="目标：服务器上的空数据库 postgresql://用户@服务器[:端口]/数据库名，或一个新的 .db 文件")
    parser.add_argument("--json", action="store_true", help="输出各表行数（JSON）")
    parser.set_defaults(run=run)


def _target(text: str) -> Path | str:
    from gridkeeper.storage.server import is_server_url

    return text if is_server_url(text) else Path(text).expanduser()


def _same(source: Path | str, target: Path | str) -> bool:
    from gridkeeper.storage.server import display, is_server_url

    if is_server_url(source) and is_server_url(target):
        return display(str(source)) == display(str(target))
    if isinstance(source, Path) and isinstance(target, Path):
        return source.resolve() == target.resolve()
    return False


def _administrator_only(engine) -> None:
    from sqlmodel import Session

    from gridkeeper.services import accounts

    with Session(engine) as session:
        if not accounts.accounts_enabled(session):
            return
    user = accounts.signed_in(engine)
    if user is None or not user.is_admin:
        raise CliError("只有社区管理员可以迁移整个数据库", EXIT_ERROR)


def run(args) -> int:
    from gridkeeper.storage import move
    from gridkeeper.storage.server import display

    source_at, target_at = db_path(args), _target(args.to)
    if _same(source_at, target_at):
        raise CliError("源数据库和目标是同一个：请用 --to 给出另一个（空的）数据库", EXIT_ERROR)
    try:
        move.target_is_free(target_at)
    except move.MoveRefused as exc:
        raise CliError(str(exc), EXIT_ERROR) from exc
    source = open_engine(args)  # signs in when accounts are on; holds the file's lock while copying
    target = None
    try:
        _administrator_only(source)
        target = open_target(target_at, create=True)
        label = display(target.engine.url) if target.path is None else str(target.path)
        result = move.copy_all(source, target.engine, target_label=label)
    except move.MoveRefused as exc:
        if target is not None:
            target.dispose()
            target = None
            _remove_new_file(target_at)
        raise CliError(str(exc), EXIT_ERROR) from exc
    finally:
        source.dispose()
        if target is not None:
            target.dispose()
    if args.json:
        print_json({"counts": result.counts, "audit_chain_problems": result.chain_problems})
        return 0
    shown = "，".join(f"{name} {result.counts.get(table, 0)}" for table, name in LABELS.items())
    print(f"已迁移到 {label}：{len(result.counts)} 张表的行数与原数据库逐一核对一致（{shown}），审计记录链条已校验。")
    if result.chain_problems:
        print(f"注意：原数据库的审计记录链条本来就有 {len(result.chain_problems)} 处问题，已原样迁移（gridkeeper check 可查看）。")
    return 0


def _remove_new_file(target: Path | str) -> None:
    """A refused move into a new file leaves no half-made file behind."""
    if isinstance(target, Path) and target.is_file():
        for extra in ("-wal", "-shm"):
            Path(f"{target}{extra}").unlink(missing_ok=True)
        target.unlink()
