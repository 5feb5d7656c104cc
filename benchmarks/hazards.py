"""The safety-hazard register at 100,000 households: what the GUI and Today read, and the month's ledger.

    python benchmarks/hazards.py --db DEMO100K.db [--repeat 20]

Times (p50 / p95 over --repeat runs, each in a fresh session as the GUI reads) the places list of the whole
community and of one grid, the hazards section's refresh (tab counts + first page + where each is), Today's
hazard entries (due or overdue, with where), the stats counts, the per-grid on-time figures for a month
and the month's `hazards` ledger. Also prints the register's size.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, func, select  # noqa: E402

from benchmarks.common import percentiles  # noqa: E402
from gridkeeper.reports.ledger_data import month_period  # noqa: E402
from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.services.hazard_figures import hazard_counts, rectification_by_grid  # noqa: E402
from gridkeeper.services.hazard_lists import tab_counts, tab_hazards  # noqa: E402
from gridkeeper.services.hazards import list_hazards, where_found  # noqa: E402
from gridkeeper.services.safety_places import list_places, place_addresses  # noqa: E402
from gridkeeper.services.scope import EVERYWHERE, Scope  # noqa: E402
from gridkeeper.storage.hazard_models import SafetyHazard, SafetyInspection, SafetyPlace  # noqa: E402
from gridkeeper.storage.models import Grid, Household  # noqa: E402

TODAY = date(2026, 11, 20)


def measure(engine, fn, repeat: int) -> tuple[float, float, object]:
    samples, result = [], None
    for _ in range(repeat):
        with Session(engine) as session:
            started = time.perf_counter()
            result = fn(session)
            samples.append((time.perf_counter() - started) * 1000)
    p50, p95 = percentiles(samples)
    return p50, p95, result


def places_list(scope: Scope):
    def run(session):
        places = list_places(session, scope=scope)
        addresses = place_addresses(session, places)
        return [(p, addresses.get(p.id)) for p in places]
    return run


def hazards_refresh(scope: Scope):
    def run(session):
        counts = tab_counts(session, today=TODAY, scope=scope)
        page = tab_hazards(session, "open", today=TODAY, scope=scope, limit=200)
        return counts, where_found(session, page)
    return run


def today_entries(scope: Scope):
    def run(session):
        due = list_hazards(session, scope=scope, due_by=TODAY, limit=500)
        return due, where_found(session, due)
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    database = open_database(args.db)
    engine = database.engine
    with Session(engine) as session:
        sizes = {name: session.exec(select(func.count()).select_from(model)).one()
                 for name, model in (("households", Household), ("places", SafetyPlace),
                                     ("inspections", SafetyInspection), ("hazards", SafetyHazard))}
        grid = session.exec(select(Grid).order_by(Grid.id).offset(200).limit(1)).first() or \
            session.exec(select(Grid)).first()
    print("size:", ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    one_grid = Scope(grid_id=grid.id)
    november = month_period(date(2026, 11, 1))
    cases = [
        ("places list, whole community", places_list(EVERYWHERE)),
        (f"places list, grid {grid.code}", places_list(one_grid)),
        ("hazards section refresh, whole community", hazards_refresh(EVERYWHERE)),
        (f"hazards section refresh, grid {grid.code}", hazards_refresh(one_grid)),
        ("Today hazard entries, whole community", today_entries(EVERYWHERE)),
        (f"Today hazard entries, grid {grid.code}", today_entries(one_grid)),
        ("stats counts (places, inspections, open, overdue)", lambda s: hazard_counts(s, today=TODAY)),
        ("on time per grid, November", lambda s: rectification_by_grid(s, november.start, november.end)),
        ("hazards ledger, November, whole community",
         lambda s: build_ledger(s, LedgerRequest("hazards", november, None, False, TODAY))),
    ]
    print(f"{'what':50} {'p50 ms':>8} {'p95 ms':>8}  rows")
    for name, fn in cases:
        p50, p95, result = measure(engine, fn, args.repeat)
        rows = len(result[1]) if isinstance(result, tuple) else len(getattr(result, "rows", result))
        print(f"{name:50} {p50:8.1f} {p95:8.1f}  {rows}")
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
