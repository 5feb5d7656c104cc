"""`gridkeeper --self-test`: one line per check, exit 0 only when every check passes."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120, env=env)


def test_self_test_passes_with_one_line_per_check():
    done = _run("-m", "gridkeeper", "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    checks = [line for line in done.stdout.splitlines() if line.startswith("[")]
    assert len(checks) == 6 and all(line.startswith("[ok  ]") for line in checks)
    assert "all checks passed" in done.stdout


def test_a_failing_check_is_reported_and_the_exit_code_is_1():
    broken = ("import gridkeeper.selftest as t; from gridkeeper.cli import main; "
              "t.ROSTER_CSV = '只有一行，没有表头'; raise SystemExit(t.main(main))")
    done = _run("-c", broken)
    assert done.returncode == 1
    assert "[FAIL] roster import" in done.stdout and "表头" in done.stdout  # the reason is shown
    assert "[FAIL] search" in done.stdout and "2 check(s) FAILED" in done.stdout  # it searches the import
    assert "[ok  ] wall roster PDF" in done.stdout  # the other checks still ran
