"""The overview: headline cards and five charts built from the demo database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlmodel import select

from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Grid
from gridkeeper.ui.overview import OverviewSection
from tests.ui.reading import read


def test_overview_shows_figures_and_charts(qtbot, demo_ctx):
    section = OverviewSection(demo_ctx)
    qtbot.addWidget(section)
    section.show()
    read(qtbot, section)
    texts = [label.text() for label in section.findChildren(QLabel)]
    assert "600" in texts
    assert len(section.chart_views) == 6
    board = section.chart_views[5].chart()
    assert "Property companies" in board.title() and len(board.series()[0].barSets()) == 2
    assert board.axes(Qt.Orientation.Vertical)[0].categories()  # one line per property company
    titles = [view.chart().title() for view in section.chart_views]
    assert any("coverage" in t for t in titles)
    assert all(view.chart().series() for view in section.chart_views)
    with demo_ctx.read() as session:
        grid_id = session.exec(select(Grid.id)).first()
    demo_ctx.set_scope(Scope(grid_id=grid_id))
    read(qtbot, section)
    assert "building" in section.chart_views[0].chart().title()
