"""Search-as-you-type latency at 100,000 households: last keystroke → updated result list (target < 100 ms).

    python benchmarks/gui_search.py [--db /tmp/bench100k.db]

Types queries into the real SearchBox (offscreen), one key event per character, and measures from the
last key event until `results_shown` fires (debounce + query + filling the popup).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
QUERIES = ["zw", "wxl", "zhang", "张伟", "李", "王秀", "1390451", "0451", "3X12", "7号楼2单元301", "12-1-502", "lyh"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench100k.db"))
    parser.add_argument("--households", type=int, default=100_000)
    args = parser.parse_args()
    from benchmarks.gui_startup import ensure_database

    ensure_database(args.db, args.households)
    from PySide6.QtCore import QEvent, QEventLoop, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from gridkeeper.services.database import open_database
    from gridkeeper.ui.app import application
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.search_box import DEBOUNCE_MS, SearchBox

    app = application("zh_CN")
    ctx = AppContext(open_database(args.db), today=date(2026, 11, 20))
    box = SearchBox(ctx)
    box.show()
    latencies, query_ms = [], []
    for query in QUERIES * 3:
        box.clear()
        loop = QEventLoop()
        done: list[float] = []
        box.results_shown.connect(lambda _n: (done.append(time.perf_counter()), loop.quit()))
        for ch in query:
            QApplication.sendEvent(box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                  Qt.KeyboardModifier.NoModifier, ch))
        last_key = time.perf_counter()
        loop.exec()
        box.results_shown.disconnect()
        latencies.append((done[0] - last_key) * 1000)
        query_ms.append(box.last_search_ms)
    print(f"search as you type at {args.households:,} households, {len(latencies)} queries "
          f"(debounce {DEBOUNCE_MS} ms): last keystroke → results median {statistics.median(latencies):.0f} ms, "
          f"max {max(latencies):.0f} ms (target < 100 ms); the query itself median "
          f"{statistics.median(query_ms):.1f} ms, max {max(query_ms):.1f} ms")
    ctx.database.dispose()
    del app


if __name__ == "__main__":
    main()
