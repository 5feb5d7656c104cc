"""Child process for the crash test: writes batches forever, one transaction each, until killed.

`crash_writer.py DB RUN` is one writer. `crash_writer.py --fork` imports once and then, for each run number
read from stdin, forks a fresh writer process on the database named on its command line: it prints
`ready PID` when the writer is about to write and `gone STATUS` (os.waitpid's) once the test has killed it.
Each writer is a new process that opens the database the app's way, as before; only Python's start-up
and the imports (about 1.5 s a run, 24 runs) are paid once."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from sqlmodel import select

from gridkeeper.services.database import open_database
from gridkeeper.storage.models import Building, Community, Compound, Grid, Household, Resident, Setting, Unit
from gridkeeper.storage.session import unit_of_work


def unit_id(engine) -> int:
    with unit_of_work(engine) as session:
        unit = session.exec(select(Unit)).first()
        if unit is None:
            community = Community(name="福康社区")
            session.add(community)
            session.flush()
            grid = Grid(community_id=community.id, code="FK-01", name="第一网格")
            compound = Compound(community_id=community.id, name="幸福家园")
            session.add_all([grid, compound])
            session.flush()
            building = Building(grid_id=grid.id, compound_id=compound.id, label="1号楼", key="1")
            session.add(building)
            session.flush()
            unit = Unit(building_id=building.id, label="1单元", key="1")
            session.add(unit)
        session.flush()
        return unit.id


def write_batches(path: Path, run: int, ready: str = "ready") -> None:
    engine = open_database(path, create=True).engine
    unit = unit_id(engine)
    rng = random.Random(run)
    print(ready, flush=True)
    batch = 0
    while True:
        batch += 1
        size, people = rng.randint(1, 120), rng.randint(1, 5)
        tag = f"r{run}b{batch}n{size}p{people}"
        with unit_of_work(engine) as session:
            session.add_all(Setting(key=f"{tag}i{i}", value="x" * rng.randint(0, 2000)) for i in range(size))
            household = Household(unit_id=unit, room=tag, room_key=tag, notes=tag)
            session.add(household)
            session.flush()
            session.add_all(Resident(household_id=household.id, name=f"居民{i}") for i in range(people))


def fork_writers(path: Path) -> None:
    """One writer process per run number read from stdin (nothing is open here when it forks). A scratch
    database beside `path` is opened and closed first, so the lazy imports and SQLAlchemy's mapper set-up
    are done here once rather than in every writer."""
    scratch = open_database(path.with_name(f"warm-up-{path.name}"), create=True)
    unit_id(scratch.engine)
    scratch.dispose()
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write_batches(path, int(line), ready=f"ready {os.getpid()}")
            finally:
                os._exit(1)  # only a failure gets here: the test kills a writer that is still writing
        _, status = os.waitpid(pid, 0)
        print(f"gone {status}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--fork":
        fork_writers(Path(sys.argv[2]))
    else:
        write_batches(Path(sys.argv[1]), int(sys.argv[2]))
