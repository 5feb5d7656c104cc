"""The command line: `gridkeeper [--db PATH] COMMAND ...`; one clear line on stderr for any error."""

from __future__ import annotations

import argparse
import importlib
import sys

from gridkeeper import __version__
from gridkeeper.cli.common import EXIT_DB, EXIT_ERROR, EXIT_USAGE, CliError, UsageError, refuse_writes_when_read_only

# Each module has register(subparsers, common) and sets a `run(args) -> int` default on its parser.
COMMAND_MODULES = [
    "gridkeeper.cli.demo_cmd",
    "gridkeeper.cli.stats_cmd",
    "gridkeeper.cli.import_cmd",
    "gridkeeper.cli.backup_cmd",
    "gridkeeper.cli.account_cmd",
    "gridkeeper.cli.print_cmds",
    "gridkeeper.cli.move_cmd",
    "gridkeeper.cli.server_cmd",
    "gridkeeper.cli.search_cmd",
    "gridkeeper.cli.board_cmd",
    "gridkeeper.cli.report_cmd",
    "gridkeeper.cli.hazard_cmd",
]


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits 2."""

    def error(self, message: str):
        raise UsageError(f"{message}（用 {self.prog} --help 查看用法）")


def _common_options(default=None) -> argparse.ArgumentParser:
    """--db, --user and --read-only, accepted before the command and after it."""
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=default,
                        help="数据库文件（默认：用户数据文件夹中的 gridkeeper.db，或 GRIDKEEPER_DB）")
    common.add_argument("--user", metavar="NAME", default=default,
                        help="启用账号后：谁在操作（密码在提示时输入或取自 GRIDKEEPER_PASSWORD）")
    common.add_argument("--read-only", action="store_true", default=False if default is None else default,
                        help="只读打开：不加锁、不写入（别人正在使用或文件损坏时查看）")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="gridkeeper", description="GridKeeper 网格管家：社区网格员的离线桌面工具",
                    parents=[_common_options()])
    # A command's own copy of the options sets nothing when they are not given after it, so
    # `gridkeeper --db X stats` keeps X (argparse would otherwise overwrite it with the command's default).
    common = _common_options(default=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"GridKeeper {__version__}")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认中文）")
    parser.add_argument("--self-test", action="store_true", help="自检：建临时数据库、导入、打印并检查，全部通过才返回0")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 error, 2 usage, 3 database unusable)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--self-test"]:
        from gridkeeper.selftest import main as self_test

        return self_test(main)
    args = None
    try:
        args = build_parser().parse_args(argv)
        refuse_writes_when_read_only(args)
        if not args.command:
            from gridkeeper.cli.gui_cmd import run_gui

            return run_gui(args)
        return args.run(args)
    except UsageError as exc:
        return _fail(f"用法错误：{exc}", EXIT_USAGE)
    except CliError as exc:
        return _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return _fail("已取消", EXIT_ERROR)
    except Exception as exc:  # the contract: never a traceback
        from gridkeeper.cli.common import describe_error

        message, code = describe_error(exc, read_only=bool(getattr(args, "read_only", False)))
        return _fail(message, code)


def _fail(message: str, code: int) -> int:
    print(f"gridkeeper: {message}", file=sys.stderr)
    return code


__all__ = ["main", "EXIT_DB", "EXIT_ERROR", "EXIT_USAGE"]
