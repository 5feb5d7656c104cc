"""Time from process start to a usable main window on a 100,000-household database (target < 2 s).

    python benchmarks/gui_startup.py [--db /tmp/bench100k.db] [--households 100000]

Generates the database once if it is missing, then starts a fresh Python process per run (so imports
count) and reports the time from that process's start until the window has painted its first section.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 20)
CHILD = r"""
import os, sys, time
started = float(sys.argv[2])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from datetime import date
from gridkeeper.ui.app import application, open_main_window
imported = time.time()
app = application("zh_CN")
window = open_main_window(Path(sys.argv[1]), create=False, today=date(2026, 11, 20))
window.show()
app.processEvents()
window.grab()  # the first section has been laid out and painted
end = time.time()
print(f"{end - started:.3f} {window.current_section()} {imported - started:.3f}")
os._exit(0)
"""


def ensure_database(path: Path, households: int) -> None:
    if path.exists():
        return
    from gridkeeper.demo.generator import generate
    from gridkeeper.services.database import open_database

    print(f"generating {households} households into {path} …", flush=True)
    engine = open_database(path, create=True).engine
    generate(engine, households=households, seed=1, today=TODAY)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench100k.db"))
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_database(args.db, args.households)
    env = dict(os.environ, GRIDKEEPER_HOME=str(Path("/tmp/gridkeeper-bench-home")))
    times = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(args.db), repr(time.time())], env=env,
                             capture_output=True, text=True, check=True).stdout.split()
        times.append(float(out[0]))
        section, imports = out[1], float(out[2])
    print(f"GUI startup to usable window ({section} section), {args.runs} runs: "
          f"median {statistics.median(times):.2f} s, max {max(times):.2f} s (target < 2 s); "
          f"of which Python and Qt imports {imports:.2f} s")


if __name__ == "__main__":
    main()
