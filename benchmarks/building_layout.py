"""Laying out buildings at the size of a real community: one 6×18×2 building (the dialog's one step), then a
further one inside a 100,000-household database (a copy of the demo file, so the indexes are full size).

    python benchmarks/building_layout.py [--db /work/data/demo100k.db]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import select  # noqa: E402

from gridkeeper.services import geography as geo  # noqa: E402
from gridkeeper.services.building_layout import BuildingPlan, lay_out_building  # noqa: E402
from gridkeeper.services.community_setup import CommunityDetails, GridDetails, set_up  # noqa: E402
from gridkeeper.services.place_edit import delete_place  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.storage.models import Grid  # noqa: E402
from gridkeeper.storage.session import unit_of_work  # noqa: E402

PLAN = BuildingPlan(units=6, floors=18, rooms_per_floor=2)


def lay_out_one(engine, grid_id: int, label: str) -> tuple[float, float]:
    """Seconds to create and lay out one building (one transaction, committed), then to delete it again."""
    started = time.perf_counter()
    with unit_of_work(engine) as session:
        compound = geo.find_or_create_compound(session, "基准小区")
        building = geo.create_building(session, grid_id=grid_id, compound_id=compound.id, label=label)
        result = lay_out_building(session, building.id, PLAN)
    laid = time.perf_counter() - started
    assert result.rooms_added == PLAN.rooms
    started = time.perf_counter()
    with unit_of_work(engine) as session:
        delete_place(session, "building", building.id)
    return laid, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="a large database to copy (e.g. the 100k demo)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(Path(folder) / "empty.db", create=True).engine
        with unit_of_work(engine) as session:
            grid_id = set_up(session, CommunityDetails("基准社区居民委员会"), [GridDetails("B-01", "基准网格")])[0].id
        laid, deleted = lay_out_one(engine, grid_id, "1号楼")
        engine.dispose()
        print(f"empty database: lay out {PLAN.rooms} rooms {laid * 1000:.0f} ms, delete into the bin {deleted * 1000:.0f} ms")
        if args.db:
            copy = Path(folder) / "big.db"
            shutil.copy(args.db, copy)
            engine = open_database(copy).engine
            with unit_of_work(engine) as session:
                grid_id = session.exec(select(Grid.id)).first()
            laid, deleted = lay_out_one(engine, grid_id, "9999号楼")
            engine.dispose()
            print(f"{args.db.name}: lay out {PLAN.rooms} rooms {laid * 1000:.0f} ms, "
                  f"delete into the bin {deleted * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
