"""概览 at 1366×768: each horizontal bar chart is tall enough for every category name on its own line."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries
from PySide6.QtGui import QFontMetrics
from sqlmodel import select

from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Grid
from gridkeeper.ui.overview import OverviewSection
from tests.ui.reading import read


def _category_axes(overview):
    """(view, category axis) of each horizontal bar chart: the ones with names down the left."""
    for view in overview.chart_views:
        if any(isinstance(series, QHorizontalBarSeries) for series in view.chart().series()):
            yield view, next(a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis))


def test_bar_charts_have_a_line_per_category_on_a_small_screen(qtbot, demo_ctx):
    overview = OverviewSection(demo_ctx)
    qtbot.addWidget(overview)
    overview.resize(1366 - 270, 768 - 120)  # the section's share of a 1366×768 window
    overview.show()
    with demo_ctx.read() as session:
        grid = session.exec(select(Grid)).first()
    demo_ctx.set_scope(Scope(grid_id=grid.id))  # a grid: few buildings, but all the request categories
    read(qtbot, overview)
    checked = 0
    for view, axis in _category_axes(overview):
        line = QFontMetrics(axis.labelsFont()).height()
        plot = view.minimumHeight() - 80
        assert plot / axis.count() >= 1.4 * line, (view.chart().title(), axis.count(), view.minimumHeight())
        checked += 1
    assert checked == 3  # coverage, categories, and the property companies (红黑榜)
