"""Issue 11 item 18: no display → one plain line instead of Qt's abort; no terminal → passwords read
plainly from standard input (or a clear refusal), never getpass's GetPassWarning."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridkeeper.cli.gui_cmd import display_problem

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "GRIDKEEPER_PASSWORD")}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


@pytest.mark.parametrize("env, expected", [
    ({}, "没有图形显示"),
    ({"DISPLAY": ":87"}, "X 服务器没有运行"),
    ({"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": "/nonexistent"}, "没有图形显示"),
    ({"QT_QPA_PLATFORM": "offscreen"}, None),
    ({"DISPLAY": "remotehost:0"}, None),
    ({"WAYLAND_DISPLAY": "/run/user/1000/wayland-0"}, None),
])
def test_display_problem_on_linux(env, expected):
    found = display_problem(env, "linux")
    assert (found is None) if expected is None else (expected in found)


def test_windows_and_macos_need_no_display_variable():
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None


def test_gui_without_a_display_says_one_plain_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "gridkeeper", "--db", str(tmp_path / "g.db")],
                          capture_output=True, text=True, env=_env(), timeout=120)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "图形界面无法启动" in lines[0] and "qt.qpa" not in done.stderr
    assert not (tmp_path / "g.db").exists()


def _accounts_db(tmp_path) -> str:
    from sqlmodel import Session

    from gridkeeper.services import accounts
    from gridkeeper.services.database import open_database

    db = tmp_path / "a.db"
    engine = open_database(db, create=True).engine
    saved, accounts.SCRYPT_N = accounts.SCRYPT_N, 2**10
    try:
        with Session(engine) as session:
            accounts.create_account(session, "admin", "secret123", role=accounts.ADMINISTRATOR)
            session.commit()
    finally:
        accounts.SCRYPT_N = saved
        engine.dispose()
    return str(db)


def test_password_piped_without_a_terminal_is_read_plainly(tmp_path):
    db = _accounts_db(tmp_path)
    command = [sys.executable, "-m", "gridkeeper", "stats", "--db", db, "--user", "admin"]
    done = subprocess.run(command, input="secret123\n", capture_output=True, text=True, env=_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "GetPassWarning" not in done.stderr and "Warning" not in done.stderr
    refused = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=_env(),
                             timeout=120)
    assert refused.returncode == 1 and "GetPassWarning" not in refused.stderr
    assert refused.stderr.strip().count("\n") == 0 and "GRIDKEEPER_PASSWORD" in refused.stderr
