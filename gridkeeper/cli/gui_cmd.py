"""`gridkeeper` with no command: open the main window on the chosen database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gridkeeper.cli.common import CliError

# Qt platforms that need no display server.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the window could not be shown here (None if it can): Qt would otherwise abort with its
    own messages. Only Linux and the BSDs need a display server named in the environment."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    requested = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if requested in HEADLESS_PLATFORMS:
        return None
    wayland, x11 = env.get("WAYLAND_DISPLAY", ""), env.get("DISPLAY", "")
    if wayland and (Path(wayland).is_absolute() or not env.get("XDG_RUNTIME_DIR")
                    or (Path(env["XDG_RUNTIME_DIR"]) / wayland).exists()):
        return None
    if x11:
        host, _, number = x11.rpartition(":")
        number = number.split(".")[0]
        if host or not number.isdigit() or Path(f"/tmp/.X11-unix/X{number}").exists():
            return None  # a remote or unusual display: let Qt try
        return f"找不到图形显示 {x11}（X 服务器没有运行）"
    return "这台电脑没有图形显示（没有设置 DISPLAY 或 WAYLAND_DISPLAY，例如通过 SSH 登录时）"


def run_gui(args) -> int:
    problem = display_problem()
    if problem:
        raise CliError(f"图形界面无法启动：{problem}。可以使用命令行功能（gridkeeper --help）。")
    try:
        from gridkeeper.ui.app import run
    except ImportError as exc:
        raise CliError(f"图形界面无法启动：{exc}。可以先使用命令行功能（gridkeeper --help）。") from exc
    return run(args)
