"""`gridkeeper --self-test`: prove a build works on this machine — database, demo, import, PDFs, GUI.

Runs the real command-line paths in-process on a temporary folder, prints one line per check and
returns 0 only when every check passes. Made for the frozen app (no Python, no display needed).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROSTER_CSV = """\ufeff福康社区自检网格住户信息台账
小区,楼栋,单元,房号,户主姓名,身份证号,联系电话,房屋性质,特殊人群
自检小区,1号楼,1单元,101,张三丰,11010519491231002X,138 1234 5678,自住,独居老人
自检小区,1号楼,1单元,102,单雄信,440524188001010014,13900002222,出租,
自检小区,１栋,二单元,201,王建华,,0451-86123456,自住,低保、高龄
"""


class SelfTest:
    """Collects check results and prints one line per check."""

    def __init__(self, folder: Path, run_cli: Callable[[list[str]], int]):
        self.folder, self.run_cli = folder, run_cli
        self.db = folder / "selftest.db"
        self.failures = 0

    def check(self, name: str, fn: Callable[[], str]) -> None:
        started = time.perf_counter()
        try:
            detail = fn()
            status = "ok  "
        except Exception as exc:  # each check reports its own failure and the rest still run
            self.failures += 1
            status, detail = "FAIL", f"{type(exc).__name__}: {exc}"
            if os.environ.get("GRIDKEEPER_SELFTEST_TRACE"):
                traceback.print_exc()
        print(f"[{status}] {name}: {detail} ({time.perf_counter() - started:.1f} s)", flush=True)

    def cli(self, *argv: str) -> str:
        """Run a gridkeeper command in-process; its stdout, or an error naming its stderr."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = self.run_cli(list(argv))
        if code != 0:
            raise RuntimeError(f"gridkeeper {' '.join(argv[:2])} exited {code}: {err.getvalue().strip()}")
        return out.getvalue()


def _pdf_pages(path: Path) -> tuple[int, bytes]:
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise AssertionError(f"{path.name} is not a PDF")
    return len(re.findall(rb"/Type /Page\b(?!s)", data)), data


def _check_pdf(path: Path, *, title: str, min_pages: int = 1) -> str:
    pages, data = _pdf_pages(path)
    if pages < min_pages:
        raise AssertionError(f"{pages} pages, expected at least {min_pages}")
    if b"/FontFile2" not in data or b"NotoSansSC" not in data:
        raise AssertionError("the bundled Chinese font is not embedded")
    from gridkeeper.ui.selftest_checks import pdf_text

    text = pdf_text(path)
    if title not in text.replace("\n", ""):
        raise AssertionError(f"title {title!r} not found in the PDF text")
    return f"{pages} pages, Chinese font embedded, title found"


def run_checks(folder: Path, run_cli: Callable[[list[str]], int]) -> int:
    """Every check in order; returns the number of failures."""
    test = SelfTest(folder, run_cli)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GRIDKEEPER_HOME"] = str(folder / "home")
    figures: dict = {}

    def demo() -> str:
        test.cli("demo", "--db", str(test.db), "--households", "300", "--seed", "1", "--today", "2026-11-20")
        figures.update(json.loads(test.cli("stats", "--db", str(test.db), "--json")))
        assert figures["households"] == 300 and figures["visits"] > 0, figures
        return f"{figures['households']} households, {figures['residents']} residents, {figures['visits']} visits"

    def search() -> str:
        from sqlmodel import Session

        from gridkeeper.services.search import search as find
        from gridkeeper.services.database import open_database

        engine = open_database(test.db).engine
        with Session(engine) as session:
            names = {hit.title for typed in ("zsf", "sxx", "wjh") for hit in find(session, typed)}
        engine.dispose()
        assert {"张三丰", "单雄信", "王建华"} <= names, names  # 单 read as a surname: shan
        return "imported residents found by pinyin initials (pypinyin data present)"

    def import_roster() -> str:
        roster = folder / "roster.csv"
        roster.write_text(ROSTER_CSV, encoding="utf-8")
        output = test.cli("import", str(roster), "--db", str(test.db), "--grid", "ST-01", "--grid-name", "自检网格")
        after = json.loads(test.cli("stats", "--db", str(test.db), "--json"))
        assert after["households"] == figures["households"] + 3, output
        return "3 households imported from a CSV with a title row and dirty values"

    def ledger() -> str:
        out = folder / "visits.pdf"
        test.cli("ledger", "visits", "--db", str(test.db), "--month", "2026-11", "--grid", "FK-01", "--out", str(out))
        xlsx = folder / "visits.xlsx"
        test.cli("ledger", "visits", "--db", str(test.db), "--month", "2026-11", "--grid", "FK-01", "--out", str(xlsx))
        from openpyxl import load_workbook

        sheet = load_workbook(xlsx, read_only=True).active
        assert "走访台账" in str(sheet["A1"].value), sheet["A1"].value
        return _check_pdf(out, title="走访台账（2026年11月）") + "; xlsx readable"

    def roster() -> str:
        out = folder / "roster.pdf"
        test.cli("roster", "--db", str(test.db), "--grid", "FK-01", "--out", str(out))
        buildings = _buildings_in_grid(test.db, "FK-01")
        detail = _check_pdf(out, title="楼栋长公示牌", min_pages=buildings)
        pages, _ = _pdf_pages(out)
        assert pages == buildings, f"{pages} pages for {buildings} buildings"
        return detail

    def gui() -> str:
        from gridkeeper.ui.selftest_checks import main_window_check

        return main_window_check(test.db)

    for name, fn in [("database and demo data", demo), ("roster import", import_roster), ("search", search),
                     ("visit ledger PDF and Excel", ledger), ("wall roster PDF", roster), ("main window", gui)]:
        test.check(name, fn)
    return test.failures


def _buildings_in_grid(db: Path, code: str) -> int:
    from sqlmodel import Session, func, select

    from gridkeeper.services.database import open_database
    from gridkeeper.storage.models import Building, Grid

    engine = open_database(db).engine
    with Session(engine) as session:
        count = session.exec(select(func.count()).select_from(Building).join(Grid, Grid.id == Building.grid_id)
                             .where(Grid.code == code)).one()
    engine.dispose()
    return count


def _origin() -> str:
    """Which kind of installation is being tested."""
    if getattr(sys, "frozen", False):
        return "frozen"
    checkout = Path(__file__).resolve().parent.parent / "pyproject.toml"
    return "from source" if checkout.is_file() else "installed package"


def main(run_cli: Callable[[list[str]], int]) -> int:
    """Entry point for `gridkeeper --self-test`; `run_cli` is the command line's main (handed in by the
    command line, so that neither module imports the other)."""
    started = time.perf_counter()
    print(f"GridKeeper self-test ({_origin()}, "
          f"Python {sys.version.split()[0]})", flush=True)
    with tempfile.TemporaryDirectory(prefix="gridkeeper-selftest-") as folder:
        failures = run_checks(Path(folder), run_cli)
    verdict = "all checks passed" if not failures else f"{failures} check(s) FAILED"
    print(f"{verdict} in {time.perf_counter() - started:.1f} s", flush=True)
    return 0 if not failures else 1
