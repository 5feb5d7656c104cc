"""The monthly work report and the annual summary at scale: each figure family, the whole report, the PDF.

    python benchmarks/work_report.py --db DEMO100K.db [--month 2026-11] [--today 2026-11-20] [--grid FK-01]

Prints wall and CPU milliseconds (best of --repeat) and the SQL statements each step sends; the machine is
shared, so CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402
from sqlmodel import Session  # noqa: E402

from gridkeeper.domain.period import parse_period  # noqa: E402
from gridkeeper.reports.ledger_data import where  # noqa: E402
from gridkeeper.reports.work_report import write_work_report  # noqa: E402
from gridkeeper.reports.work_report_data import annual_report, care_cadence, monthly_report  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.services.monthly_figures import (months_ending, place_coverage, request_months,  # noqa: E402
                                                 service_months, visit_trend)


def measure(engine, label: str, fn, repeat: int):
    statements = []

    def count(*_args):
        statements.append(1)

    best_wall = best_cpu = float("inf")
    result = None
    for _ in range(repeat):
        statements.clear()
        event.listen(engine, "before_cursor_execute", count)
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            result = fn()
        finally:
            event.remove(engine, "before_cursor_execute", count)
        best_wall = min(best_wall, (time.perf_counter() - wall) * 1000)
        best_cpu = min(best_cpu, (time.process_time() - cpu) * 1000)
    print(f"| {label} | {best_wall:,.0f} ms | {best_cpu:,.0f} ms | {len(statements)} |")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--month", default="2026-11")
    parser.add_argument("--today", default="2026-11-20")
    parser.add_argument("--grid", default="FK-01")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    today = date.fromisoformat(args.today)
    month = parse_period(args.month)
    database = open_database(Path(args.db))
    engine = database.engine
    out = Path(tempfile.mkdtemp()) / "report.pdf"
    print("| step | wall | CPU | SQL statements |\n|---|---|---|---|")
    with Session(engine) as session:
        place = where(session, None)
        months = months_ending(month.start, 12)
        r = args.repeat
        measure(engine, "visits and households visited, 12 months", lambda: visit_trend(session, months), r)
        measure(engine, "coverage per grid, the month", lambda: place_coverage(
            session, month.start, month.end, today=today), r)
        previous = month.previous()
        measure(engine, "coverage per grid, the month before (from its visits)", lambda: place_coverage(
            session, previous.start, previous.end, today=today), r)
        measure(engine, "requests, 12 months (performance and categories)",
                lambda: request_months(session, months, today=today), r)
        measure(engine, "member service, 12 months", lambda: service_months(session, months), r)
        measure(engine, "care households on cadence, this and last month end",
                lambda: care_cadence(session, place, [min(month.last_day, today), month.start - timedelta(days=1)], today), r)
        report = measure(engine, "monthly report, whole community (figures, charts, lists)",
                         lambda: monthly_report(session, month, today=today), r)
        pages = measure(engine, "  its PDF", lambda: write_work_report(report, out, today=today), r)
        print(f"|   ({pages} pages, {out.stat().st_size / 1024:,.0f} KB) | | | |")
        grid = measure(engine, f"monthly report, one grid ({args.grid})",
                       lambda: monthly_report(session, month, grid_code=args.grid, today=today), r)
        measure(engine, "  its PDF", lambda: write_work_report(grid, out, today=today), r)
        year = measure(engine, f"annual summary {month.year}, whole community",
                       lambda: annual_report(session, month.year, today=today), r)
        measure(engine, "  its PDF", lambda: write_work_report(year, out, today=today), r)
    database.dispose()


if __name__ == "__main__":
    main()
