"""Foundation at a subdistrict's scale: demo generation, search, coverage/overdue queries, stats, file size.

    python benchmarks/foundation.py [--households 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, select  # noqa: E402

from benchmarks.common import TODAY_TEXT, demo_database, percentiles, timed  # noqa: E402
from gridkeeper.services import coverage, household_list, search, stats  # noqa: E402
from gridkeeper.services.household_list import HouseholdFilter  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.storage.models import Resident  # noqa: E402


def queries_for_search(session: Session, rng: random.Random, count: int) -> list[str]:
    residents = session.exec(select(Resident).where(Resident.id.in_(rng.sample(range(1, 200_000), count * 2)))).all()
    typed = []
    for index, resident in enumerate(residents[:count]):
        kind = index % 5
        if kind == 0:
            typed.append(resident.name_initials[:3])
        elif kind == 1:
            typed.append(resident.name[:2])
        elif kind == 2 and resident.phone:
            typed.append(resident.phone[:7])
        elif kind == 3 and resident.id_number:
            typed.append(resident.id_number[-4:])
        else:
            typed.append(resident.name[1:])  # given name only: a substring scan
    return typed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    args = parser.parse_args()
    path, generated = demo_database(args.households)
    if generated is not None:
        print(f"demo generation, {args.households} households: {generated:.1f} s")
    today = date.fromisoformat(TODAY_TEXT)
    started = time.perf_counter()
    engine = open_database(path).engine
    print(f"open database (checks + migration check): {(time.perf_counter() - started) * 1000:.0f} ms")
    with Session(engine) as session:
        ms, figures = timed(lambda: stats.headline(session, today=today), repeat=3)
        print(f"stats: {ms:.0f} ms  ({figures['households']} households, {figures['residents']} residents, "
              f"{figures['visits']} visits)")
        rng = random.Random(5)
        samples = []
        for text in queries_for_search(session, rng, 200):
            elapsed, _ = timed(lambda: search.search(session, text))
            samples.append(elapsed)
        p50, p95 = percentiles(samples)
        print(f"search (200 mixed queries): p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(samples):.1f} ms")
        ms, ids = timed(lambda: household_list.household_ids(
            session, filters=HouseholdFilter(not_visited_days=30), today=today), repeat=3)
        print(f"households not visited in 30 days: {ms:.0f} ms ({len(ids)} households)")
        ms, rows = timed(lambda: coverage.coverage(session, since=coverage.month_start(today)), repeat=3)
        print(f"coverage per grid this month: {ms:.0f} ms ({len(rows)} grids)")
        ms, rows = timed(lambda: coverage.coverage(session, since=today - timedelta(days=30), level="unit"), repeat=3)
        print(f"coverage per unit, last 30 days: {ms:.0f} ms ({len(rows)} units)")
        ms, due = timed(lambda: coverage.visits_due(session, today=today), repeat=3)
        print(f"care households due or overdue: {ms:.0f} ms ({len(due)} of them)")
        ms, ids = timed(lambda: household_list.household_ids(session), repeat=3)
        print(f"all household ids in address order: {ms:.0f} ms ({len(ids)})")
    engine.dispose()
    print(f"database file: {path.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
