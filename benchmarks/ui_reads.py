"""What a steward's click costs the UI thread: every section built, every tab, the boards' periods, a grid
picked in the tree, search results and the audit trail, over a 100,000-household database.

    QT_QPA_PLATFORM=offscreen python benchmarks/ui_reads.py --db COPY.db [--today 2026-11-29] [--only boards]

Opens the database for writing (use a copy). For each action it prints the UI thread's wall and CPU time
(`time.thread_time`, so SQLite's work counts when it runs on the UI thread and does not when a worker
reads), that CPU plus applying a background result to the widgets ("+apply"), the statements sent from
the UI thread, and — for a section that reads in the background — how long until its result was on screen
(wall). Anything whose UI-thread time passes ~150 ms freezes the window
noticeably.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import event  # noqa: E402

UI_LIMIT_MS = 150


class Meter:
    """Statements sent from the UI thread (the worker's run on their own engines), and the UI thread's CPU
    spent applying background results (ui.background_read)."""

    def __init__(self):
        self.ui_thread = threading.get_ident()
        self.statements = 0
        self.applying_ms = 0.0

    def watch_applies(self) -> None:
        from gridkeeper.ui import background_read

        start, meter = background_read.BackgroundRead.start, self

        def timed_start(reader, read, apply):
            def applied(result):
                cpu = time.thread_time()
                try:
                    return apply(result)
                finally:
                    meter.applying_ms += (time.thread_time() - cpu) * 1000
            return start(reader, read, applied)

        background_read.BackgroundRead.start = timed_start

    def count(self, *_args) -> None:
        if threading.get_ident() == self.ui_thread:
            self.statements += 1


def busy_sections(window) -> list:
    """Sections with a background read still running (see ui.background_read)."""
    return [page for page in window.pages.values()
            if getattr(page, "reader", None) is not None and page.reader.loading()]


def measure(app, window, meter: Meter, label: str, action) -> None:
    meter.statements, meter.applying_ms = 0, 0.0
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    ui_wall, ui_cpu = (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000
    statements = meter.statements
    app.processEvents()
    ui_wall2, ui_cpu2 = (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000
    waited = ""
    if busy_sections(window):
        while busy_sections(window):
            app.processEvents()
            time.sleep(0.005)
        waited = f"{(time.perf_counter() - wall) * 1000:9.0f}"
        ui_cpu2 = ui_cpu + meter.applying_ms  # the action, then applying the result on the UI thread
    flag = "  <-- freezes" if max(ui_wall, ui_wall2) > UI_LIMIT_MS and not waited else ""
    print(f"{label:<46}{ui_wall:9.0f}{ui_cpu:9.0f}{ui_cpu2:10.0f}{statements:6d}{waited:>11}{flag}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--today", default="2026-11-29")
    parser.add_argument("--only", default="", help="comma-separated section keys")
    args = parser.parse_args()
    from PySide6.QtCore import QSettings

    from gridkeeper.services.scope import EVERYWHERE, Scope
    from gridkeeper.storage.models import Grid
    from gridkeeper.ui.app import application, open_main_window

    app = application("zh_CN")
    QSettings().clear()
    window = open_main_window(args.db, create=False, today=date.fromisoformat(args.today))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    meter = Meter()
    event.listen(window.ctx.engine, "before_cursor_execute", meter.count)
    meter.watch_applies()
    print(f"{'what':<46}{'UI ms':>9}{'UI CPU':>9}{'+apply':>10}{'stmts':>6}{'result ms':>11}")
    keys = [k for k in window.section_keys() if not args.only or k in args.only.split(",")]
    for key in keys:
        measure(app, window, meter, f"{key}: open", lambda k=key: window.show_section(k))
        page = window.pages[key]
        tabs = getattr(page, "tabs", None)
        if tabs is not None:
            for index in [*range(1, tabs.count()), 0]:
                measure(app, window, meter, f"{key}: tab {tabs.tabText(index)[:20]}",
                        lambda i=index, t=tabs: t.setCurrentIndex(i))
        if key == "boards":
            measure(app, window, meter, "boards: another month", lambda: page.period.setCurrentIndex(2))
            measure(app, window, meter, "boards: quarters", lambda: page.kind.setCurrentIndex(1))
            page.tabs.setCurrentIndex(1)
            measure(app, window, meter, "boards: a threshold", lambda: page.min_requests.setValue(
                page.min_requests.value() + 1))
            page.tabs.setCurrentIndex(0)
        if hasattr(page, "refresh"):
            measure(app, window, meter, f"{key}: refresh", page.refresh)
    with window.ctx.read() as session:
        grid_id = session.exec(__import__("sqlmodel").select(Grid.id).order_by(Grid.code)).first()
    for scope, label in ((Scope(grid_id=grid_id), "one grid"), (EVERYWHERE, "whole community")):
        measure(app, window, meter, f"pick {label} ({len(window.pages)} sections built)",
                lambda s=scope: window.ctx.set_scope(s))
    if not args.only:
        from gridkeeper.ui.audit_view import AuditDialog

        measure(app, window, meter, "audit trail: open", lambda: AuditDialog(window.ctx, window))
        window.search.setText("王")
        measure(app, window, meter, "search: show all for 王", window.search.show_all)
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()  # no read left running when the process ends
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
