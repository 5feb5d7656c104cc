"""`gridkeeper` with no command: open the main window on the chosen database."""

from __future__ import annotations

from gridkeeper.cli.common import CliError


def run_gui(args) -> int:
    try:
        from gridkeeper.ui.app import run
    except ImportError as exc:
        raise CliError(f"图形界面无法启动：{exc}。可以先使用命令行功能（gridkeeper --help）。") from exc
    return run(args)
