"""`gridkeeper demo` end to end, as a user runs it: a fresh process, wall and CPU time, peak memory.

    python benchmarks/demo.py --households 100000                  # SQLite (a new file in a temp folder)
    GRIDKEEPER_TEST_PG=postgresql://USER:PW@HOST:PORT/postgres \\
        python benchmarks/demo.py --households 100000 --on postgresql   # or --on both

The target (docs/performance.md): 100,000 households in under a minute on the development machine.
Each run is a new database (SQLite file, or a database made on the server and dropped afterwards);
CPU is the child process's user + system time (SQLite runs inside it; on PostgreSQL the server's own
work is not in it). `--profile FILE` runs the demo under cProfile instead (use 10,000–20,000 households).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from benchmarks.common import TODAY_TEXT  # noqa: E402
from gridkeeper.storage.server import create_database_sql, make_server_engine, server_url  # noqa: E402


def run_demo(target: str, households: int, profile: str | None) -> dict:
    """One `gridkeeper demo` in a child process; its wall time, CPU time and peak memory."""
    command = [sys.executable, *(["-m", "cProfile", "-o", profile] if profile else []), "-m", "gridkeeper",
               "demo", "--db", target, "--households", str(households), "--seed", "1", "--today", TODAY_TEXT]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed app runs: bytecode cached
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"demo failed ({done.returncode}): {done.stderr.strip()}")
    return {"wall_s": wall, "user_s": after.ru_utime - before.ru_utime, "sys_s": after.ru_stime - before.ru_stime,
            "peak_mib": after.ru_maxrss / 1024, "said": done.stdout.strip()}


def on_sqlite(households: int, profile: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="gk-bench-demo-") as folder:
        figures = run_demo(str(Path(folder) / "demo.db"), households, profile)
        figures["size_mib"] = (Path(folder) / "demo.db").stat().st_size / 2**20
    return figures


def on_server(households: int, profile: str | None) -> dict:
    admin = os.environ.get("GRIDKEEPER_BENCH_PG") or os.environ.get("GRIDKEEPER_TEST_PG")
    if not admin:
        sys.exit("set GRIDKEEPER_TEST_PG=postgresql://USER:PW@HOST:PORT/postgres (.ci/pg-cluster.sh starts one)")
    name = f"gk_bench_demo_{os.getpid()}"
    maintenance = make_server_engine(server_url(admin), isolation_level="AUTOCOMMIT")
    with maintenance.connect() as conn:
        conn.execute(text(create_database_sql(f'"{name}"')))
    try:
        url = server_url(admin).set(database=name).render_as_string(hide_password=False)
        return run_demo(url, households, profile)
    finally:
        with maintenance.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        maintenance.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--on", choices=("sqlite", "postgresql", "both"), default="sqlite")
    parser.add_argument("--profile", metavar="FILE", help="cProfile output (a .prof per database)")
    args = parser.parse_args()
    kinds = ("sqlite", "postgresql") if args.on == "both" else (args.on,)
    load = os.getloadavg()[0]
    for kind in kinds:
        profile = f"{args.profile}.{kind}.prof" if args.profile else None
        figures = (on_sqlite if kind == "sqlite" else on_server)(args.households, profile)
        print(f"{kind}: {args.households} households: wall {figures['wall_s']:.1f} s, CPU {figures['user_s']:.1f} s user "
              f"+ {figures['sys_s']:.1f} s system, peak {figures['peak_mib']:.0f} MiB"
              + (f", file {figures['size_mib']:.0f} MiB" if "size_mib" in figures else "")
              + f" (load average before: {load:.1f})")
        print(f"  {figures['said']}")


if __name__ == "__main__":
    main()
