"""Benchmark: a 50,000-row per-person roster .xlsx — calamine read alone vs the full import into a fresh DB.

    /work/venv/bin/python benchmarks/import_roster.py [--rows 50000] [--keep DIR]

Layout: one row per person (与户主关系 column), three people per household on average, 10 columns,
so 50,000 rows make about 16,700 households. Prints the timings recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HEADER = ["序号", "小区", "楼栋", "单元", "房号", "姓名", "与户主关系", "身份证号", "联系电话", "特殊人群"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "建国华明丽芳秀英军伟强敏静磊洋艳勇杰娟涛超秀兰霞平刚桂英玉兰志文辉鹏飞燕红梅海波宁"
RELATIONS = ["配偶", "子女", "子女", "父母", "孙子女"]
TAGS = ["", "", "", "", "", "", "", "", "低保", "独居老人", "残疾人", "退役军人", "空巢、高龄"]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def roster_rows(count: int, *, seed: int = 1) -> list[list[str]]:
    """`count` per-person rows with distinct, valid ID numbers, grouped into households by room."""
    rng = random.Random(seed)
    rows, serial, household = [], 0, 0
    while len(rows) < count:
        household += 1
        building, rest = divmod(household - 1, 96)
        unit, room = divmod(rest, 32)
        room_no = f"{room // 2 + 1}{room % 2 + 1:02d}"
        for person in range(min(rng.randint(1, 5), count - len(rows))):
            serial += 1
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            relation = "户主" if person == 0 else rng.choice(RELATIONS)
            number = _unique_id(rng, serial)
            phone = f"13{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}" if person == 0 else ""
            rows.append([str(len(rows) + 1), f"阳光{building // 20 + 1}区", f"{building % 20 + 1}号楼",
                         f"{unit + 1}单元", room_no, name, relation, number, phone, rng.choice(TAGS)])
    return rows


def _unique_id(rng: random.Random, serial: int) -> str:
    """Distinct IDs: the sequence code and birth day come from the serial number."""
    day = date(1940, 1, 1).toordinal() + (serial // 1000) * 7 + rng.randint(0, 6)
    first17 = f"110105{date.fromordinal(day):%Y%m%d}{serial % 1000:03d}"
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["阳光社区居民花名册"])
        writer.writerow(HEADER)
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["阳光社区居民花名册"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the roster and database in")
    args = parser.parse_args(argv)
    import python_calamine

    from gridkeeper.excel.importer import import_roster, summary_lines
    from gridkeeper.storage.session import unit_of_work
    from gridkeeper.services.database import open_database

    folder = args.keep or Path(tempfile.mkdtemp(prefix="gk-import-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    roster = folder / f"roster-{args.rows}.xlsx"
    started = time.perf_counter()
    write_xlsx(roster, roster_rows(args.rows))
    print(f"generated {roster.name} ({roster.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    sheet = python_calamine.CalamineWorkbook.from_path(str(roster)).get_sheet_by_index(0)
    cells = sheet.to_python(skip_empty_area=False)
    read_s = time.perf_counter() - started
    print(f"read alone (calamine): {read_s:.2f} s for {len(cells)} rows × {len(cells[1])} columns")

    db = folder / "bench.db"
    db.unlink(missing_ok=True)
    engine = open_database(db, create=True).engine
    stages: dict[str, float] = {}
    started = time.perf_counter()

    def progress(_done, _total, stage):
        stages.setdefault(stage, time.perf_counter() - started)

    with unit_of_work(engine) as session:  # as the CLI does: the commit is part of the import's time
        result = import_roster(session, roster, grid_code="BENCH", grid_name="基准网格", community="基准社区居民委员会",
                               progress=progress)
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    with unit_of_work(engine) as session:
        again = import_roster(session, roster, grid_code="BENCH", grid_name="基准网格", community="基准社区居民委员会")
    again_s = time.perf_counter() - started
    engine.dispose()
    print("\n".join(summary_lines(result)))
    print("stages started at: " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()))
    print(f"full import: {import_s:.2f} s = {import_s / read_s:.1f}× the read time "
          f"(targets: < 10 s, ≤ 3×) {'OK' if import_s < 10 and import_s <= 3 * read_s else 'MISSED'}")
    print(f"re-import of the same file (every household matched, nothing changed: "
          f"{again.counts.households_updated} updated): {again_s:.2f} s")
    return 0 if result.written else 1


if __name__ == "__main__":
    sys.exit(main())
