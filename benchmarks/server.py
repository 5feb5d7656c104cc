"""SQLite and PostgreSQL side by side, in the same run: demo generation, search, 今日 queries, coverage, visit ledger.

    GRIDKEEPER_TEST_PG=postgresql://USER:PW@HOST:PORT/postgres python benchmarks/server.py [--households 100000]

(.ci/pg-cluster.sh starts a throwaway server; the benchmark makes and drops its own database there.)
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from benchmarks.common import TODAY_TEXT, percentiles, timed  # noqa: E402
from benchmarks.foundation import queries_for_search  # noqa: E402
from gridkeeper.demo.generator import generate  # noqa: E402
from gridkeeper.reports.ledger_data import month_period  # noqa: E402
from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger  # noqa: E402
from gridkeeper.services import coverage, household_list, leaders, request_lists, search, stats  # noqa: E402
from gridkeeper.services.household_list import HouseholdFilter  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.storage.server import create_database_sql, make_server_engine, server_url  # noqa: E402

TODAY = date.fromisoformat(TODAY_TEXT)


def busiest_month(session: Session) -> date:
    rows = session.execute(text("SELECT visited_on FROM visit")).scalars()
    counts: dict[tuple[int, int], int] = {}
    for day in rows:
        day = day if isinstance(day, date) else date.fromisoformat(str(day))
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
    year, month = max(counts, key=counts.get)
    return date(year, month, 1)


def measure(target, households: int, month: date | None) -> dict:
    figures: dict = {}
    started = time.perf_counter()
    database = open_database(target, create=True)
    engine = database.engine
    generate(engine, households=households, seed=1, today=TODAY)
    figures["demo_s"] = time.perf_counter() - started
    with Session(engine) as session:
        figures["stats_ms"], _ = timed(lambda: stats.headline(session, today=TODAY), repeat=3)
        samples = []
        typed = queries_for_search(session, random.Random(5), 200)
        for query in typed:  # warm once, then measure (a PC that has been searching)
            search.search(session, query)
        for query in typed:
            elapsed, _ = timed(lambda: search.search(session, query))
            samples.append(elapsed)
        figures["search_p50_ms"], figures["search_p95_ms"] = percentiles(samples)
        figures["care_due_ms"], _ = timed(lambda: coverage.visits_due(session, today=TODAY), repeat=3)
        figures["not_visited_ms"], _ = timed(lambda: household_list.household_ids(
            session, filters=HouseholdFilter(not_visited_days=30), today=TODAY), repeat=3)
        figures["requests_tabs_ms"], _ = timed(lambda: request_lists.tab_counts(session, today=TODAY), repeat=3)
        figures["vacancies_ms"], _ = timed(lambda: leaders.vacancies(session), repeat=3)
        figures["coverage_grid_ms"], _ = timed(lambda: coverage.coverage(session, since=coverage.month_start(TODAY)), repeat=3)
        figures["coverage_unit_ms"], _ = timed(lambda: coverage.coverage(
            session, since=TODAY - timedelta(days=30), level="unit"), repeat=3)
        month = month or busiest_month(session)
        ledger = LedgerRequest("visits", month_period(month), today=TODAY)
        figures["ledger_ms"], data = timed(lambda: build_ledger(session, ledger), repeat=3)
        figures["ledger_rows"], figures["month"] = len(data.rows), f"{month:%Y-%m}"
    database.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    args = parser.parse_args()
    admin = os.environ.get("GRIDKEEPER_BENCH_PG") or os.environ.get("GRIDKEEPER_TEST_PG")
    if not admin:
        sys.exit("set GRIDKEEPER_TEST_PG=postgresql://USER:PW@HOST:PORT/postgres (.ci/pg-cluster.sh starts one)")
    folder = Path(tempfile.mkdtemp(prefix="gk-bench-server-"))
    sqlite = measure(folder / "bench.db", args.households, None)
    name = f"gk_bench_{os.getpid()}"
    maintenance = make_server_engine(server_url(admin), isolation_level="AUTOCOMMIT")
    with maintenance.connect() as conn:
        conn.execute(text(create_database_sql(f'"{name}"')))
    try:
        url = server_url(admin).set(database=name).render_as_string(hide_password=False)
        server = measure(url, args.households, date.fromisoformat(sqlite["month"] + "-01"))
    finally:
        with maintenance.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        maintenance.dispose()
    print(f"{'what':<28}{'SQLite':>12}{'PostgreSQL':>14}")
    for key in sqlite:
        left, right = sqlite[key], server[key]
        fmt = (lambda v: f"{v:.1f}") if isinstance(left, float) else str
        print(f"{key:<28}{fmt(left):>12}{fmt(right):>14}")
    print(f"visit ledger rows, PostgreSQL / SQLite time: {server['ledger_ms'] / sqlite['ledger_ms']:.2f}×")


if __name__ == "__main__":
    main()
