"""The boards at scale: the 红黑榜 and the grid scoreboard over a 100,000-household demo — service time,
statements sent, PDF and xlsx writing, and the whole CLI command (wall and CPU time).

    python benchmarks/boards.py --db /path/to/demo-100k.db [--today 2026-11-29]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402
from sqlmodel import Session, func, select  # noqa: E402

from benchmarks.common import timed  # noqa: E402
from gridkeeper.domain.period import parse_period  # noqa: E402
from gridkeeper.reports.property_poster import write_property_board  # noqa: E402
from gridkeeper.reports.scoreboard import write_scoreboard  # noqa: E402
from gridkeeper.services.database import open_for_reading  # noqa: E402
from gridkeeper.services.grid_scoreboard import grid_scoreboard  # noqa: E402
from gridkeeper.services.property_board import property_board  # noqa: E402
from gridkeeper.storage.models import Grid, Household, ResidentRequest, Visit  # noqa: E402

REPEAT = 3


def _statements(engine, fn) -> int:
    seen = []

    def count(*_args):
        seen.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def _cli(db: Path, today: str, *args: str) -> tuple[float, float]:
    """Wall and CPU seconds of one `python -m gridkeeper board …` run (a fresh process, as a user runs it)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gridkeeper", "board", *args, "--db", str(db), "--today", today],
                   check=True, stdout=subprocess.DEVNULL, cwd=Path(__file__).resolve().parent.parent)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - started, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--today", default=date.today().isoformat())
    args = parser.parse_args()
    today = date.fromisoformat(args.today)
    database = open_for_reading(args.db)
    engine = database.engine
    with Session(engine) as session:
        size = {name: session.exec(select(func.count()).select_from(model)).one()
                for name, model in (("grids", Grid), ("households", Household), ("visits", Visit),
                                    ("requests", ResidentRequest))}
    print("database:", ", ".join(f"{v:,} {k}" for k, v in size.items()))
    print(f"{'what':<34}{'best ms':>10}{'CPU ms':>10}{'statements':>12}")
    month = parse_period(args.today[:7])
    previous_month = month.previous()
    for label, fn in (
        (f"property board {previous_month}", lambda s: property_board(s, period=previous_month, today=today)),
        (f"property board {month.start.year}-Q{(month.number - 1) // 3 + 1}",
         lambda s: property_board(s, period=parse_period(f"{month.start.year}-Q{(month.number - 1) // 3 + 1}"),
                                  today=today)),
        (f"property board {month.start.year}", lambda s: property_board(s, period=parse_period(str(month.year)),
                                                                       today=today)),
        (f"grid scoreboard {previous_month}", lambda s: grid_scoreboard(s, period=previous_month, today=today)),
        (f"grid scoreboard {month.start.year}-Q{(month.number - 1) // 3 + 1}",
         lambda s: grid_scoreboard(s, period=parse_period(f"{month.start.year}-Q{(month.number - 1) // 3 + 1}"),
                                   today=today)),
    ):
        with Session(engine) as session:
            ms, board = timed(lambda: fn(session), REPEAT)
            cpu = time.process_time()
            statements = _statements(engine, lambda: fn(session))
            cpu = (time.process_time() - cpu) * 1000
        print(f"{label:<34}{ms:>10.0f}{cpu:>10.0f}{statements:>12}")
    with Session(engine) as session, tempfile.TemporaryDirectory() as folder:
        companies = property_board(session, period=previous_month, today=today)
        grids = grid_scoreboard(session, period=previous_month, today=today)
        for label, write, board, name in (("poster PDF", write_property_board, companies, "p.pdf"),
                                          ("红黑榜 xlsx", write_property_board, companies, "p.xlsx"),
                                          (f"scoreboard PDF ({len(grids.lines)} grids)", write_scoreboard, grids, "g.pdf"),
                                          ("scoreboard xlsx", write_scoreboard, grids, "g.xlsx")):
            ms, _ = timed(lambda: write(board, Path(folder) / name), REPEAT)
            print(f"{label:<34}{ms:>10.0f}")
    database.dispose()
    with tempfile.TemporaryDirectory() as folder:
        for label, command in (("CLI board property --json", ["property", "--period", str(previous_month), "--json"]),
                               ("CLI board grids --out PDF", ["grids", "--period", str(previous_month), "--out",
                                                              str(Path(folder) / "g.pdf")])):
            wall, cpu = _cli(args.db, args.today, *command)
            print(f"{label:<34}{wall * 1000:>10.0f}   (CPU {cpu:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
