"""The rented-housing register at scale: the section's list (first page, group-rental filter), Today's
reminders, the figures, the two ledgers, and the GUI section and Today box refreshing, per grid and for
the whole community.

    python benchmarks/rentals.py [--db demo100k.db] [--households 100000] [--repeat 5]

Wall time (best of --repeat) and CPU time of that run; the machine is shared, so CPU time is the figure
to compare against the 200 ms budget when the wall time is inflated by load.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, select  # noqa: E402

from benchmarks.common import TODAY_TEXT, demo_database  # noqa: E402
from gridkeeper.reports.ledger_data import month_period  # noqa: E402
from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger  # noqa: E402
from gridkeeper.reports.ledgers import write_ledger  # noqa: E402
from gridkeeper.services import rental_lists  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.services.scope import EVERYWHERE, Scope  # noqa: E402
from gridkeeper.storage.models import Grid  # noqa: E402

TODAY = date.fromisoformat(TODAY_TEXT)


def measure(label: str, fn, repeat: int) -> object:
    """Print best wall ms and the CPU ms of that run."""
    best, cpu, result = float("inf"), 0.0, None
    for _ in range(repeat):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        result = fn()
        wall, spent = (time.perf_counter() - wall0) * 1000, (time.process_time() - cpu0) * 1000
        if wall < best:
            best, cpu = wall, spent
    size = len(result) if hasattr(result, "__len__") else ""
    print(f"{label:<58} {best:8.1f} ms wall {cpu:8.1f} ms CPU   {size}")
    return result


def services(engine, scopes: dict[str, Scope], repeat: int) -> None:
    with Session(engine) as session:
        for name, scope in scopes.items():
            def first_page(group_only=False, scope=scope):
                return rental_lists.list_rentals(session, scope=scope, limit=200, group_only=group_only)
            measure(f"list first page of 200, addresses included ({name})", first_page, repeat)
            measure(f"list group rentals only, first page ({name})", lambda: first_page(True), repeat)
            measure(f"figures rentals/tenants/group_rentals ({name})",
                    lambda scope=scope: rental_lists.rental_figures(session, scope=scope), repeat)
            measure(f"Today reminders, all three kinds ({name})",
                    lambda scope=scope: rental_lists.reminders(session, today=TODAY, scope=scope), repeat)


def ledgers(engine, grid_code: str, folder: Path) -> None:
    period = month_period(TODAY.replace(day=1))
    with Session(engine) as session:
        for kind in ("rentals", "migrants"):
            for code in (grid_code, None):
                data = measure(f"ledger {kind} content ({code or 'community'})",
                               lambda kind=kind, code=code: build_ledger(
                                   session, LedgerRequest(kind, period, code, False, TODAY)).rows, 1)
                if code:
                    out = folder / f"{kind}.pdf"
                    ledger = build_ledger(session, LedgerRequest(kind, period, code, False, TODAY))
                    measure(f"ledger {kind} PDF, {len(data)} rows ({code})", lambda: write_ledger(ledger, out) or [], 1)


def gui(database, scopes: dict[str, Scope], repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.rentals.section import RentalsSection
    from gridkeeper.ui.rentals.today_box import RentalTodayBox

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(database, today=TODAY)
    section = RentalsSection(ctx)
    box = RentalTodayBox(ctx)
    for name, scope in scopes.items():
        ctx.scope = scope
        measure(f"GUI: rentals section refresh ({name})", lambda: section.refresh() or [], repeat)

        def today_box(scope=scope):
            with ctx.read() as session:
                box.refresh(session, scope=scope, today=TODAY)
            return []
        measure(f"GUI: Today's rented-housing box refresh ({name})", today_box, repeat)
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo database (default: made once in /tmp)")
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = args.db
    if path is None:
        path, made = demo_database(args.households)
        if made:
            print(f"demo of {args.households:,} households made in {made:.1f} s")
    database = open_database(path)
    with Session(database.engine) as session:
        grid = session.exec(select(Grid).order_by(Grid.code)).first()
        figures = rental_lists.rental_figures(session)
    print(f"{path}: {figures}")
    scopes = {"community": EVERYWHERE, f"grid {grid.code}": Scope(grid_id=grid.id)}
    services(database.engine, scopes, args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        ledgers(database.engine, grid.code, Path(folder))
    gui(database, scopes, args.repeat)
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
