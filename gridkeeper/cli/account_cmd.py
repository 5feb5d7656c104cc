"""`gridkeeper account add|list|passwd|set|lock` (signing in for every command is in cli.common)."""

from __future__ import annotations

import os

from gridkeeper.cli.common import CliError, UsageError, ask_secret, open_engine, print_json, writes

ENV_NEW_PASSWORD = "GRIDKEEPER_NEW_PASSWORD"


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("account", parents=[common], help="账号管理（多人共用一台电脑时）")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="新建账号（第一个账号必须是管理员）")
    add.add_argument("name")
    add.add_argument("--role", choices=["administrator", "steward"], default="steward",
                     help="administrator 社区管理员 / steward 网格员")
    add.add_argument("--grid", action="append", default=[], metavar="CODE", help="网格员负责的网格编号，可重复")
    add.add_argument("--display-name", default="")
    listing = actions.add_parser("list", parents=[common], help="列出账号")
    listing.add_argument("--json", action="store_true")
    passwd = actions.add_parser("passwd", parents=[common], help="修改密码")
    passwd.add_argument("name")
    change = actions.add_parser("set", parents=[common], help="修改角色、网格或停用")
    change.add_argument("name")
    change.add_argument("--role", choices=["administrator", "steward"])
    change.add_argument("--grid", action="append", metavar="CODE")
    change.add_argument("--disable", action="store_true")
    change.add_argument("--enable", action="store_true")
    lock = actions.add_parser("lock", parents=[common], help="无操作多少分钟后锁屏（0 表示不锁）")
    lock.add_argument("minutes", type=int)
    parser.set_defaults(run=run)
    writes(parser, lambda args: None if args.action == "list" else "修改账号会写入数据库")


def _new_password(name: str) -> str:
    if os.environ.get(ENV_NEW_PASSWORD):
        return os.environ[ENV_NEW_PASSWORD]
    try:
        first = ask_secret(f"{name} 的新密码：")
        again = ask_secret("再输入一次：")
    except EOFError:
        raise CliError(f"需要新密码：请在提示时输入，或设置环境变量 {ENV_NEW_PASSWORD}") from None
    if first != again:
        raise CliError("两次输入的密码不一致")
    return first


def run(args) -> int:
    from gridkeeper.storage.session import unit_of_work

    engine = open_engine(args)
    try:
        with unit_of_work(engine) as session:
            return ACTIONS[args.action](session, args)
    finally:
        engine.dispose()


def _add(session, args) -> int:
    from gridkeeper.services import accounts

    account = accounts.create_account(session, args.name, _new_password(args.name), role=args.role,
                                      grid_codes=args.grid, display_name=args.display_name)
    print(f"已新建账号 {account.name}（{accounts.ROLES[account.role]}）")
    return 0


def _list(session, args) -> int:
    from gridkeeper.services import accounts

    rows = [{"name": a.name, "display_name": a.display_name, "role": a.role, "grid_ids": accounts.grid_ids_of(a),
             "active": a.active} for a in accounts.list_accounts(session)]
    if args.json:
        print_json(rows)
    elif not rows:
        print("还没有账号（单人使用，不需要登录）")
    for row in rows if not args.json else []:
        state = "" if row["active"] else "（已停用）"
        print(f"{row['name']}\t{accounts.ROLES[row['role']]}\t网格 {row['grid_ids'] or '全部'}{state}")
    return 0


def _passwd(session, args) -> int:
    from gridkeeper.services import accounts

    accounts.set_password(session, args.name, _new_password(args.name))
    print(f"已修改 {args.name} 的密码")
    return 0


def _set(session, args) -> int:
    from gridkeeper.services import accounts

    if args.disable and args.enable:
        raise UsageError("--disable 和 --enable 只能选一个")
    active = False if args.disable else True if args.enable else None
    accounts.update_account(session, args.name, role=args.role, grid_codes=args.grid, active=active)
    print(f"已修改账号 {args.name}")
    return 0


def _lock(session, args) -> int:
    from gridkeeper.services import accounts

    accounts.set_lock_minutes(session, args.minutes)
    print(f"无操作 {args.minutes} 分钟后锁屏" if args.minutes else "不自动锁屏")
    return 0


ACTIONS = {"add": _add, "list": _list, "passwd": _passwd, "set": _set, "lock": _lock}
