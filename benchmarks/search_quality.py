"""Search quality at 100,000 households: is the person the steward wants in the first 10 results?

    python benchmarks/search_quality.py --db /work/data/demo100k.db [--per-kind 100] [--seed 16]

For each kind of query (full name, two-character given name, pinyin initials, four-digit ID tail, four-digit
phone tail, 尾号 + phone tail) it picks `--per-kind` residents at random, types what a steward would type
for them, and looks for that resident among the results — with the target's grid selected in the tree, as
a steward working their own grid has it, and again with nothing selected (the whole community). It reports
the share found in the first 10 and in the first 30 (the popup), the query time p50/p95 (service call:
ranking, the total count and the 30 hits' addresses; wall clock, and the process's own CPU time, which a
machine shared with other work inflates less), and what "show all" costs for a broad query.
Opened read-only: the demo database is not changed (a file from an older GridKeeper must be opened by the
app once first, to add the phone-tail index).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from benchmarks.common import percentiles  # noqa: E402
from gridkeeper.services.addresses import summaries  # noqa: E402
from gridkeeper.services.scope import Scope  # noqa: E402
from gridkeeper.services.search import Nearby, find, matches, nearby  # noqa: E402
from gridkeeper.storage.engine import open_database  # noqa: E402

TARGET = 0.95
KINDS = {
    "full name": ("r.name <> ''", lambda r: r["name"]),
    "given name (2 characters)": ("length(r.given_name) = 2", lambda r: r["given_name"]),
    "pinyin initials": ("r.name_initials <> ''", lambda r: r["name_initials"]),
    "ID tail (4)": ("r.id_number <> ''", lambda r: r["id_number"][-4:]),
    "phone tail (4)": ("length(r.phone) = 11", lambda r: r["phone"][-4:]),
    "尾号 + phone tail": ("length(r.phone) = 11", lambda r: "尾号" + r["phone"][-4:]),
}


def targets(session: Session, where: str, count: int, rng: random.Random) -> list[dict]:
    ids = [row[0] for row in session.execute(text(f"SELECT r.id FROM resident r WHERE {where}"))]
    chosen = rng.sample(ids, count)
    rows = session.execute(text(
        "SELECT r.id, r.household_id, r.name, r.given_name, r.name_initials, r.id_number, r.phone, b.grid_id "
        "FROM resident r JOIN household h ON h.id = r.household_id JOIN unit u ON u.id = h.unit_id "
        f"JOIN building b ON b.id = u.building_id WHERE r.id IN ({','.join(map(str, chosen))})")).mappings().all()
    return [dict(r) for r in rows]


def run_kind(session: Session, rows: list[dict], query_of, *, grid_selected: bool) -> dict:
    in10 = in30 = 0
    times: list[float] = []
    cpu: list[float] = []
    totals: list[int] = []
    for row in rows:
        near = nearby(session, Scope(grid_id=row["grid_id"])) if grid_selected else Nearby()
        started, started_cpu = time.perf_counter(), time.process_time()
        result = find(session, query_of(row), near=near, limit=30)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        totals.append(result.total)
        ids = [h.resident_id for h in result.hits]
        if row["id"] in ids[:10]:
            in10 += 1
        if row["id"] in ids:
            in30 += 1
    p50, p95 = percentiles(times)
    return {"in10": in10 / len(rows), "in30": in30 / len(rows), "p50": p50, "p95": p95,
            "cpu_p95": percentiles(cpu)[1],
            "median_total": sorted(totals)[len(totals) // 2], "max_total": max(totals)}


def show_all_cost(session: Session) -> str:
    """A query with thousands of matches: the popup (30) against every match's keys plus one page."""
    query = session.execute(text(
        "SELECT substr(name_initials, 1, 1) AS p, count(*) AS n FROM resident GROUP BY p "
        "ORDER BY abs(count(*) - 5000) LIMIT 1")).one()[0]
    t0 = time.perf_counter()
    popup = find(session, query, limit=30)
    t1 = time.perf_counter()
    everything, people, _households, _ = matches(session, query)
    t2 = time.perf_counter()
    summaries(session, [m.household_id for m in everything[:30]])
    t3 = time.perf_counter()
    return (f"show all for “{query}” ({people:,} matches): popup (30 hits + total) {1000 * (t1 - t0):.0f} ms; "
            f"every match's keys ranked {1000 * (t2 - t1):.0f} ms, then each window of 30 rows "
            f"{1000 * (t3 - t2):.0f} ms to read")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/work/data/demo100k.db"))
    parser.add_argument("--per-kind", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    database = open_database(args.db, read_only=True)
    rng = random.Random(args.seed)
    failed = False
    all_times: list[float] = []
    with Session(database.engine) as session:
        households = session.execute(text("SELECT count(*) FROM household")).scalar()
        print(f"search quality on {args.db} ({households:,} households), {args.per_kind} targets a kind, seed {args.seed}")
        find(session, "wjh")  # warm the page cache once
        print(f"{'kind':<28}{'grid selected: top 10':>22}{'top 30':>8}{'p50':>8}{'p95':>8}{'cpu p95':>9}"
              f"{'no selection: top 10':>22}{'top 30':>8}{'p95':>8}{'matches (median/max)':>24}")
        for kind, (where, query_of) in KINDS.items():
            rows = targets(session, where, args.per_kind, rng)
            sel = run_kind(session, rows, query_of, grid_selected=True)
            free = run_kind(session, rows, query_of, grid_selected=False)
            all_times += [sel["p95"]]
            ok = sel["in10"] >= TARGET and sel["p95"] < 30
            failed |= not ok
            print(f"{kind:<28}{sel['in10']:>21.0%}{'' if ok else '!'}{sel['in30']:>8.0%}{sel['p50']:>6.1f}ms"
                  f"{sel['p95']:>6.1f}ms{sel['cpu_p95']:>7.1f}ms{free['in10']:>22.0%}{free['in30']:>8.0%}{free['p95']:>6.1f}ms"
                  f"{sel['median_total']:>16,}/{sel['max_total']:,}")
        print(show_all_cost(session))
    database.dispose()
    print(f"target: ≥ {TARGET:.0%} in the first 10 with the target's grid selected, p95 < 30 ms — "
          f"{'met' if not failed else 'NOT met'}")


if __name__ == "__main__":
    main()
