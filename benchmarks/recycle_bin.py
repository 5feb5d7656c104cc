"""The recycle bin at scale: delete a household into the bin and restore it, each in its own unit of work as
the GUI does, for households with many links (visits, requests, hazards, disputes, leader posts, members).

    python benchmarks/recycle_bin.py --db /work/data/NAME/copy.db [--households 20]

The database is written to (each household goes to the bin and comes back): use a copy of a 100k demo.
Reports wall p50/p95 and the median CPU time (this process: SQLite runs in it), and checks that every table
(but the audit trail and the bin, without edit counters) reads the same after all the round trips as before.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, func, select  # noqa: E402

from benchmarks.common import percentiles  # noqa: E402
from gridkeeper.services import trash  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.storage.dispute_models import DisputeParty  # noqa: E402
from gridkeeper.storage.hazard_models import SafetyHazard  # noqa: E402
from gridkeeper.storage.models import LeaderAssignment, Resident, ResidentRequest, Visit  # noqa: E402
from gridkeeper.storage.session import unit_of_work  # noqa: E402


def linked_households(session: Session, count: int) -> list[int]:
    """Households with the most rows pointing at them or their residents (the heaviest deletions)."""
    visits = dict(session.exec(select(Visit.household_id, func.count()).group_by(Visit.household_id)
                               .order_by(func.count().desc()).limit(count * 20)).all())
    with_hazard = set(session.exec(select(SafetyHazard.household_id).where(SafetyHazard.household_id.is_not(None))
                                   .limit(count * 5)))
    with_party = set(session.exec(select(DisputeParty.household_id).where(DisputeParty.household_id.is_not(None))
                                  .limit(count * 5)))
    leaders = set(session.exec(select(Resident.household_id).join(LeaderAssignment,
                                                                  LeaderAssignment.resident_id == Resident.id)
                               .limit(count * 5)))
    requests = dict(session.exec(select(ResidentRequest.household_id, func.count())
                                 .where(ResidentRequest.household_id.in_(list(visits)))
                                 .group_by(ResidentRequest.household_id)).all())

    def weight(household_id: int) -> int:
        return (visits.get(household_id, 0) + requests.get(household_id, 0)
                + 10 * (household_id in with_hazard) + 10 * (household_id in with_party) + 10 * (household_id in leaders))

    return sorted(set(visits) | with_hazard | with_party | leaders, key=weight, reverse=True)[:count]


def digest(session: Session) -> str:
    """One hash over every table's rows (sorted), as tests/db_support.table_digest compares them."""
    import hashlib

    from sqlmodel import SQLModel

    total = hashlib.sha256()
    for table in SQLModel.metadata.sorted_tables:
        if table.name in ("audit_entry", "deleted_record", "alembic_version"):
            continue
        columns = [c for c in table.columns if c.name != "version"]
        for row in sorted(repr(tuple(r)) for r in session.connection().execute(select(*columns))):
            total.update(row.encode())
    return total.hexdigest()


def pointing(session: Session, household_id: int) -> int:
    from gridkeeper.services.bin_links import pointing_rows

    residents = list(session.exec(select(Resident.id).where(Resident.household_id == household_id)))
    return len(pointing_rows(session, {"household": [household_id], "resident": residents}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--households", type=int, default=20)
    args = parser.parse_args()
    engine = open_database(args.db).engine
    with Session(engine) as session:
        chosen = linked_households(session, args.households)
        links = [pointing(session, h) for h in chosen]
        before = digest(session)
    wall = {"delete": [], "restore": []}
    cpu = {"delete": [], "restore": []}
    for household_id in chosen:
        for step in ("delete", "restore"):
            started, started_cpu = time.perf_counter(), time.process_time()
            with unit_of_work(engine) as session:
                if step == "delete":
                    record_id = trash.delete_household(session, household_id).id
                else:
                    restored = trash.restore_any(session, record_id)
            wall[step].append((time.perf_counter() - started) * 1000)
            cpu[step].append((time.process_time() - started_cpu) * 1000)
        assert restored.notes == [], restored.notes
    with Session(engine) as session:
        assert digest(session) == before, "the database differs after the round trips"
    print(f"{len(chosen)} households, rows pointing at each (household or its residents): "
          f"{min(links)}–{max(links)}")
    for step in ("delete", "restore"):
        p50, p95 = percentiles(wall[step])
        cpu_p50, _ = percentiles(cpu[step])
        print(f"{step:8s} wall p50 {p50:7.1f} ms  p95 {p95:7.1f} ms   CPU p50 {cpu_p50:7.1f} ms")
    engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
