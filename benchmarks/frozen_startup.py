"""Start-up of the frozen app (dist/GridKeeper/GridKeeper) to a painted main window on a demo database.

    pyinstaller build.spec && python benchmarks/frozen_startup.py [--households 3000] [--runs 5]

Each run is a fresh process under `env -i` (nothing from this Python); the app prints the time of its
first paint (GRIDKEEPER_STARTUP_PROBE) and quits.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import demo_database  # noqa: E402

APP = Path(__file__).resolve().parent.parent / "dist" / "GridKeeper" / "GridKeeper"


def one_run(app: Path, db: Path) -> float:
    env = {"QT_QPA_PLATFORM": "offscreen", "GRIDKEEPER_STARTUP_PROBE": "1", "HOME": "/tmp", "LANG": "C.UTF-8"}
    started = time.time()
    out = subprocess.run([str(app), "--db", str(db)], env=env, capture_output=True, text=True, timeout=120).stdout
    line = next(l for l in out.splitlines() if l.startswith("first-paint"))
    return float(line.split()[1]) - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--app", type=Path, default=APP)
    args = parser.parse_args()
    db, _ = demo_database(args.households)
    one_run(args.app, db)  # first run warms the OS file cache and makes the daily backup
    times = [one_run(args.app, db) for _ in range(args.runs)]
    print(f"frozen start-up to painted window, {args.households} households: "
          f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")


if __name__ == "__main__":
    main()
