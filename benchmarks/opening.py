"""Opening fast at 100,000 households: the first open of the day and any other open (GUI to a usable
window, target < 2 s both), and `gridkeeper stats` as a whole process (target < 1 s every time).

    python benchmarks/opening.py --db /work/data/demo100k.db [--runs 5] [--work /tmp/gk-opening]

The database is copied into --work first (it is never changed in place). "First of the day" means no
backup younger than a day exists, so the daily backup is due: its folder is moved aside before each such
run. Every run is a fresh Python process, so imports count. For the GUI the window is timed to its first
painted section; the daily backup then runs in the background and its own duration is reported too.
`stats` is also timed while another process holds the database as the GUI does (lock + connection).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUI_CHILD = r"""
import os, sys, time
started = float(sys.argv[2])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from datetime import date
from gridkeeper.ui.app import application, open_main_window
from gridkeeper.ui.daily_backup import start_daily_backup
app = application("zh_CN")
window = open_main_window(Path(sys.argv[1]), create=False, today=date(2026, 11, 20))
window.show()
job = start_daily_backup(window, Path(sys.argv[1]))  # as app.run does, after the window is up
app.processEvents()
window.grab()  # the first section has been laid out and painted
painted = time.time()
backed_up = []
job.done.connect(lambda info, error: backed_up.append((time.time(), info, error)))
deadline = time.time() + 600
while not backed_up and time.time() < deadline:  # `done` comes whether a backup was due or not
    app.processEvents()
    time.sleep(0.02)
end, info, error = backed_up[0] if backed_up else (time.time(), None, "no answer")
made = "made" if info is not None else ("failed: " + error if error else "not due")
print(f"{painted - started:.3f} {end - painted:.3f} {made}")
window.ctx.engine.dispose()
os._exit(0)
"""
HOLDER = ("import sys; from gridkeeper.services.database import open_database; d = open_database(sys.argv[1]); "
          "c = d.engine.connect(); c.exec_driver_sql('SELECT 1'); print('ready', flush=True); sys.stdin.read()")


def env() -> dict:
    """As an installed app runs: bytecode cached (pip compiles it at install; PYTHONDONTWRITEBYTECODE
    would recompile every module of gridkeeper on every start)."""
    environment = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen",
                       GRIDKEEPER_HOME=str(Path("/tmp/gridkeeper-bench-home")))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def backups_of(db: Path) -> Path:
    return db.parent / f"{db.stem}-backups"


def make_due(db: Path) -> None:
    """No backup younger than a day: the next open is the first of the day."""
    shutil.rmtree(backups_of(db), ignore_errors=True)


def gui_run(db: Path) -> tuple[float, float, str]:
    out = subprocess.run([sys.executable, "-c", GUI_CHILD, str(db), repr(time.time())], env=env(),
                         capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    painted, backup_seconds, *made = out.stdout.split()
    return float(painted), float(backup_seconds), " ".join(made)


def stats_run(db: Path) -> tuple[float, float]:
    """Wall-clock and CPU (user+sys) seconds of one `gridkeeper stats --json` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gridkeeper", "stats", "--db", str(db), "--json"], env=env(),
                   capture_output=True, check=True, timeout=300)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def summary(label: str, samples: list[float], target: str = "") -> str:
    return (f"{label}: median {statistics.median(samples):.2f} s, max {max(samples):.2f} s"
            f" ({len(samples)} runs){' — target ' + target if target else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/work/data/demo100k.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/gk-opening"))
    parser.add_argument("--skip-gui", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / "bench.db"
    if not db.exists():
        print(f"copying {args.db} → {db}", flush=True)
        shutil.copy(args.db, db)
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores here; figures are wall-clock)", flush=True)

    stats_run(db)  # warm the file cache and the bytecode cache
    stats_first, stats_repeat, stats_cpu = [], [], []
    for _ in range(args.runs):
        make_due(db)
        wall, cpu = stats_run(db)
        stats_first.append(wall)
        stats_cpu.append(cpu)
        stats_repeat.append(stats_run(db)[0])
    assert not backups_of(db).exists(), "stats made a backup"
    print(summary("stats process, first of the day", stats_first, "< 1 s"))
    print(summary("stats process, again", stats_repeat, "< 1 s"))
    print(summary("stats process CPU time (user+sys)", stats_cpu))

    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], env=env(), stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    try:
        held = [stats_run(db)[0] for _ in range(args.runs)]
    finally:
        holder.stdin.close()
        holder.wait()
    print(summary("stats process while the GUI holds the database", held, "< 1 s"))

    if args.skip_gui:
        return
    first, backup_times, repeat = [], [], []
    for _ in range(args.runs):
        make_due(db)
        painted, backup_seconds, made = gui_run(db)
        assert made == "made", made
        first.append(painted)
        backup_times.append(backup_seconds)
        painted, _, made = gui_run(db)
        assert made == "not due", made
        repeat.append(painted)
    print(summary("GUI, first open of the day, to a painted window", first, "< 2 s"))
    print(summary("GUI, any other open, to a painted window", repeat, "< 2 s"))
    print(summary("  the daily backup in the background, after the window is up", backup_times))


if __name__ == "__main__":
    main()
