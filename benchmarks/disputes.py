"""The dispute register at scale: the Disputes section's first page (tab counts, 200 rows with parties and
session counts), Today's dispute entries, and the month's and last month's ledger (the latter read back from
each dispute's history as it stood then) — whole community and one steward's grid.

    python benchmarks/disputes.py --db /work/data/NAME/d.db [--repeat 5]

The database is a demo made with `gridkeeper demo --households 100000 --seed 1` (about 7,000 disputes).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, func, select  # noqa: E402

from benchmarks.common import TODAY_TEXT, percentiles  # noqa: E402
from gridkeeper.domain.dispute_flow import NOT_CLOSED  # noqa: E402
from gridkeeper.reports.ledger_data import month_period  # noqa: E402
from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger  # noqa: E402
from gridkeeper.services import dispute_lists  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.services.scope import EVERYWHERE, Scope  # noqa: E402
from gridkeeper.storage.dispute_models import Dispute, DisputeParty, MediationSession  # noqa: E402
from gridkeeper.storage.models import Grid, Household  # noqa: E402


def section_first_page(session: Session, scope: Scope) -> int:
    """What the Disputes section reads when it opens on 未结案: counts for every tab and the first page."""
    dispute_lists.status_counts(session, scope=scope)
    dispute_lists.stale_days(session)
    found = dispute_lists.list_disputes(session, scope=scope, statuses=NOT_CLOSED, limit=200)
    return len(dispute_lists.rows(session, found))


def measure(engine, label: str, fn, repeat: int) -> tuple[str, float, float, float, object]:
    """Wall p50/p95 and the median CPU time (this process: SQLite runs in it), which a loaded machine
    inflates far less than wall time."""
    samples, cpu, result = [], [], None
    for _ in range(repeat):
        with Session(engine) as session:  # a fresh session each time, as each refresh opens one
            started, started_cpu = time.perf_counter(), time.process_time()
            result = fn(session)
            samples.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    p50, p95 = percentiles(samples)
    return label, p50, p95, percentiles(cpu)[0], result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    today = date.fromisoformat(TODAY_TEXT)
    engine = open_database(args.db).engine
    with Session(engine) as session:
        sizes = {name: session.exec(select(func.count()).select_from(model)).one()
                 for name, model in (("households", Household), ("disputes", Dispute), ("parties", DisputeParty),
                                     ("sessions", MediationSession))}
        grid = session.exec(select(Grid).order_by(Grid.code)).first()
    print("  ".join(f"{k} {v:,}" for k, v in sizes.items()))
    one_grid = Scope(grid_id=grid.id)
    month = month_period(date(today.year, today.month, 1))
    last_month = month_period((month.start - timedelta(days=1)).replace(day=1))
    rows = [
        measure(engine, "section, whole community", lambda s: section_first_page(s, EVERYWHERE), args.repeat),
        measure(engine, f"section, grid {grid.code}", lambda s: section_first_page(s, one_grid), args.repeat),
        measure(engine, "Today entries, whole community",
                lambda s: len(dispute_lists.disputes_due(s, today=today, scope=EVERYWHERE)), args.repeat),
        measure(engine, f"Today entries, grid {grid.code}",
                lambda s: len(dispute_lists.disputes_due(s, today=today, scope=one_grid)), args.repeat),
        measure(engine, "ledger rows, whole community (month)",
                lambda s: len(build_ledger(s, LedgerRequest("disputes", month, None, today=today)).rows), args.repeat),
        measure(engine, f"ledger rows, grid {grid.code} (month)",
                lambda s: len(build_ledger(s, LedgerRequest("disputes", month, grid.code, today=today)).rows),
                args.repeat),
        # a past month: each dispute as it stood at that month's end, read back from its history
        measure(engine, "ledger rows, whole community (last month)",
                lambda s: len(build_ledger(s, LedgerRequest("disputes", last_month, None, today=today)).rows),
                args.repeat),
        measure(engine, f"ledger rows, grid {grid.code} (last month)",
                lambda s: len(build_ledger(s, LedgerRequest("disputes", last_month, grid.code, today=today)).rows),
                args.repeat),
    ]
    print(f"{'what':<40}{'p50 ms':>9}{'p95 ms':>9}{'CPU ms':>9}  rows")
    for label, p50, p95, cpu, result in rows:
        print(f"{label:<40}{p50:>9.1f}{p95:>9.1f}{cpu:>9.1f}  {result}")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
