"""Printing at scale: a month's visit ledger of 10,000+ visits against bare ReportLab, and 500 wall rosters.

    python benchmarks/reports.py [--households 12000] [--buildings 500]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle  # noqa: E402
from sqlmodel import Session, func, select  # noqa: E402

from benchmarks.common import demo_database  # noqa: E402
from gridkeeper.reports.fonts import FONT, FONT_BOLD, register_fonts  # noqa: E402
from gridkeeper.reports.layout import clean_text  # noqa: E402
from gridkeeper.reports.ledger_data import month_period  # noqa: E402
from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger  # noqa: E402
from gridkeeper.reports.ledgers import LANDSCAPE_MARGINS, write_ledger_pdf  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.storage.models import Visit  # noqa: E402

REPEAT = 3


def busiest_month(session: Session) -> tuple[date, int]:
    """The month with the most visits (the demo's last month is still running)."""
    month = func.strftime("%Y-%m", Visit.visited_on)
    row = session.exec(select(month, func.count()).group_by(month).order_by(func.count().desc())).first()
    return date.fromisoformat(f"{row[0]}-01"), row[1]


def _plain_style() -> TableStyle:
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 9),
                       ("LEADING", (0, 0), (-1, -1), 11.5), ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
                       ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])


def bare_single_table(data, path: Path) -> float:
    """Baseline A: the same strings in one plain ReportLab Table (repeatRows=1), no wrapping, no page X of Y."""
    rows = [data.header, *[[clean_text(v) for v in r] for r in data.rows]]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), topMargin=LANDSCAPE_MARGINS[0],
                            bottomMargin=LANDSCAPE_MARGINS[2], leftMargin=LANDSCAPE_MARGINS[3],
                            rightMargin=LANDSCAPE_MARGINS[1])
    started = time.perf_counter()
    table = Table(rows, colWidths=[w * mm for w in data.widths_mm], repeatRows=1)
    table.setStyle(_plain_style())
    doc.build([table])
    return time.perf_counter() - started


def bare_page_tables(data, path: Path, per_page: int = 30) -> float:
    """Baseline B: the same strings as page-sized plain Tables (header on each), no wrapping: the cheapest
    ReportLab output of these strings, since nothing is measured twice."""
    body = [[clean_text(v) for v in r] for r in data.rows]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), topMargin=LANDSCAPE_MARGINS[0],
                            bottomMargin=LANDSCAPE_MARGINS[2], leftMargin=LANDSCAPE_MARGINS[3],
                            rightMargin=LANDSCAPE_MARGINS[1])
    started = time.perf_counter()
    story = []
    for start in range(0, len(body), per_page):
        table = Table([data.header, *body[start:start + per_page]], colWidths=[w * mm for w in data.widths_mm])
        table.setStyle(_plain_style())
        story += [table, PageBreak()]
    doc.build(story[:-1])
    return time.perf_counter() - started


def visit_ledger(households: int) -> dict:
    path, made = demo_database(households)
    engine = open_database(path).engine
    register_fonts()
    out = Path(tempfile.mkdtemp(prefix="gk-bench-"))
    with Session(engine) as session:
        month, count = busiest_month(session)
        started = time.perf_counter()
        data = build_ledger(session, LedgerRequest("visits", month_period(month), today=date(2026, 11, 20)))
        fetched = time.perf_counter() - started
    engine.dispose()
    ours, pages = [], []
    for _ in range(REPEAT):  # interleaved, best of each: the machine is shared, so single runs are noisy
        started = time.perf_counter()
        write_ledger_pdf(data, out / "visits.pdf")
        ours.append(time.perf_counter() - started)
        pages.append(bare_page_tables(data, out / "bare-pages.pdf"))
    single = bare_single_table(data, out / "bare-single.pdf")
    from pypdf import PdfReader

    return {"households": households, "generated_s": made, "month": f"{month:%Y-%m}", "visits": count,
            "rows": len(data.rows), "fetch_s": fetched, "pdf_s": min(ours), "pdf_runs": ours,
            "total_s": fetched + min(ours), "pages": len(PdfReader(out / "visits.pdf").pages),
            "bare_single_s": single, "bare_pages_s": min(pages), "bare_runs": pages,
            "bytes": (out / "visits.pdf").stat().st_size}


def roster_grid(buildings: int, units: int = 4) -> Path:
    """A database with one grid of `buildings` buildings, each with `units` units and leaders in every post."""
    from gridkeeper.domain.enums import LeaderRole
    from gridkeeper.services import geography as geo
    from gridkeeper.services.leaders import LeaderInput, assign_leader

    path = Path(tempfile.mkdtemp(prefix="gk-roster-")) / "roster.db"
    engine = open_database(path, create=True).engine
    with Session(engine) as session:
        geo.ensure_community(session, name="福康社区", hotline="0451-86123456", supervision_phone="0451-86120000")
        grid = geo.create_grid(session, code="FK-99", name="第九十九网格", steward_name="李晓燕",
                               steward_phone="13904510003")
        compound = geo.create_compound(session, name="幸福家园")
        for b in range(1, buildings + 1):
            building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label=f"{b}号楼")
            assign_leader(session, LeaderInput(LeaderRole.BUILDING, building.id, f"楼长{b}", "13800000000",
                                               is_party_member=b % 2 == 0, pledge="热心为邻里服务。"),
                          today=date(2026, 1, 1))
            for u in range(1, units + 1):
                unit = geo.create_unit(session, building_id=building.id, label=f"{u}单元")
                if (b + u) % 7:
                    assign_leader(session, LeaderInput(LeaderRole.UNIT, unit.id, f"单元长{b}-{u}", "13900000000"),
                                  today=date(2026, 1, 1))
        session.commit()
    engine.dispose()
    return path


def rosters(buildings: int) -> dict:
    from gridkeeper.reports.roster import write_roster

    path = roster_grid(buildings)
    engine = open_database(path).engine
    out = path.parent / "roster.pdf"
    with Session(engine) as session:
        started = time.perf_counter()
        pages = write_roster(session, "FK-99", out, today=date(2026, 11, 20))
        elapsed = time.perf_counter() - started
    engine.dispose()
    return {"buildings": buildings, "pages": pages, "seconds": elapsed, "bytes": out.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=12000)
    parser.add_argument("--buildings", type=int, default=500)
    args = parser.parse_args()
    v = visit_ledger(args.households)
    fastest_bare = min(v["bare_single_s"], v["bare_pages_s"])
    print(f"visit ledger {v['month']}: {v['rows']} visits, {v['pages']} pages, {v['bytes'] / 1e6:.1f} MB")
    print(f"  rows from the database   {v['fetch_s']:.2f} s")
    print(f"  PDF (LedgerTable)        {v['pdf_s']:.2f} s   total {v['total_s']:.2f} s (limit 8 s)"
          f"   runs {', '.join(f'{t:.2f}' for t in v['pdf_runs'])}")
    print(f"  bare: one plain Table    {v['bare_single_s']:.2f} s")
    runs = ", ".join(f"{t:.2f}" for t in v["bare_runs"])
    print(f"  bare: plain page Tables  {v['bare_pages_s']:.2f} s   runs {runs}")
    print(f"  ratio PDF / fastest bare {v['pdf_s'] / fastest_bare:.2f}x (limit 1.5x)")
    r = rosters(args.buildings)
    print(f"rosters: {r['buildings']} buildings, {r['pages']} pages in {r['seconds']:.2f} s (limit 10 s), "
          f"{r['bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
