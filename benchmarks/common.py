"""Shared by the benchmark scripts: a demo database at a given size, made once and reused."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from gridkeeper.demo.generator import generate
from gridkeeper.services.database import open_database

TODAY_TEXT = "2026-11-20"


def demo_database(households: int, folder: Path = Path("/tmp")) -> tuple[Path, float | None]:
    """Path of a demo database with `households`; generated (and timed) only when missing."""
    from datetime import date

    path = folder / f"gridkeeper-bench-{households}.db"
    if path.exists():
        return path, None
    started = time.perf_counter()
    engine = open_database(path, create=True).engine
    generate(engine, households=households, seed=1, today=date.fromisoformat(TODAY_TEXT))
    engine.dispose()
    return path, time.perf_counter() - started


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    """Best wall time in ms over `repeat` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best, result


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return p50, p95
