"""`gridkeeper server setup`: the office database and the app's restrained role on a PostgreSQL server."""

from __future__ import annotations

import os
import sys

from gridkeeper.cli.common import EXIT_DB, CliError, UsageError, db_path, print_json

ENV_APP_PASSWORD = "GRIDKEEPER_APP_PASSWORD"


def register(subparsers, common) -> None:
    server = subparsers.add_parser("server", help="办公室数据库服务器（PostgreSQL）")
    actions = server.add_subparsers(dest="server_action", metavar="ACTION", parser_class=type(server))
    setup = actions.add_parser(
        "setup", parents=[common],
        help="用管理员账号建立数据库和程序账号（审计记录只能追加）：--db postgresql://管理员@服务器/数据库名")
    setup.add_argument("--app-user", default="gridkeeper", metavar="NAME", help="各电脑连接用的程序账号（默认 gridkeeper）")
    setup.add_argument("--json", action="store_true")
    setup.set_defaults(run=run_setup)
    server.set_defaults(run=_which_action)


def _which_action(_args) -> int:
    raise UsageError("请写明操作，例如 gridkeeper server setup --db postgresql://管理员@服务器/数据库名")


def _app_password(role: str) -> str | None:
    """From GRIDKEEPER_APP_PASSWORD, or typed twice at a terminal; None keeps an existing role's password."""
    given = os.environ.get(ENV_APP_PASSWORD)
    if given:
        return given
    if not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass(f"为程序账号 {role} 设置密码（直接回车则不修改已有密码）：")
    if not first:
        return None
    if getpass.getpass("再输入一次：") != first:
        raise CliError("两次输入的密码不一致")
    return first


def run_setup(args) -> int:
    from gridkeeper.storage import server_setup
    from gridkeeper.storage.errors import DatabaseUnusable
    from gridkeeper.storage.server import is_server_url

    target = db_path(args)
    if not is_server_url(str(target)):
        raise UsageError("server setup 需要服务器地址：--db postgresql://管理员@服务器[:端口]/数据库名")
    try:
        result = server_setup.setup(target, app_role=args.app_user, app_password=_app_password(args.app_user))
    except DatabaseUnusable as exc:
        raise CliError(str(exc), EXIT_DB) from exc
    address = server_setup.app_url(target, result.app_role)
    if args.json:
        print_json({"database": result.database, "app_user": result.app_role, "app_url": address,
                    "created_database": result.created_database, "created_user": result.created_role,
                    "append_only": result.append_only})
        return 0
    print(f"数据库 {result.database} {'已新建' if result.created_database else '已存在'}，结构已是最新；"
          f"程序账号 {result.app_role} {'已新建' if result.created_role else '已更新权限'}。")
    print(f"审计记录表（{'、'.join(result.append_only)}）对程序账号只能读取和追加，不能修改或删除。")
    print(f"各电脑连接：gridkeeper --db {address}（密码在提示时输入，或放在该电脑的 .pgpass 中）")
    return 0
