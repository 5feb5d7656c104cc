"""The 概览 section: headline figures and the charts a community secretary shows superiors."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries,
                              QPieSeries, QValueAxis)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from gridkeeper.domain.period import quarter_of
from gridkeeper.services.coverage import coverage, month_start
from gridkeeper.services.overview import requests_by_category, requests_by_status, resolution, service_hours_by_month
from gridkeeper.services.place_lists import scope_name
from gridkeeper.services.property_board import property_board
from gridkeeper.services.scope_figures import scope_headline
from gridkeeper.ui.background_read import BackgroundRead
from gridkeeper.ui.board_chart import property_board_chart

MAX_BARS = 12
BAR_CHART_TOP = 80  # title and value axis of a horizontal bar chart
BAR_HEIGHT = 30  # per bar: enough for one line of axis text at the app's font size
ACCENT = QColor("#1f6fb2")


def _bar_series(chart: QChart, series, name: str, values: list[float], *, outside: bool = False,
                label_format: str = ""):
    """One set of bars in the accent colour, each labelled with its value (outside its end when `outside`),
    added to `chart`; returns the series for its axes."""
    bars = QBarSet(name)
    bars.setColor(ACCENT)
    bars.setLabelColor(QColor("#111"))
    bars.append(values)
    series.append(bars)
    series.setLabelsVisible(True)
    if outside:
        series.setLabelsPosition(series.LabelsPosition.LabelsOutsideEnd)
    if label_format:
        series.setLabelsFormat(label_format)
    chart.addSeries(series)
    return series


@dataclass
class OverviewFigures:
    """What the Overview shows for one place, read in a worker thread (no widgets)."""

    headline: dict
    place: str
    level: str
    coverage: list
    statuses: list
    categories: list
    resolution: object
    hours: list
    companies: object


def read_overview(session, *, scope, today, everywhere: str) -> OverviewFigures:
    level = "building" if scope.grid_id else "grid"
    return OverviewFigures(
        headline=scope_headline(session, scope=scope, today=today),
        place=scope_name(session, scope, everywhere=everywhere), level=level,
        coverage=coverage(session, since=month_start(today), level=level, scope=scope),
        statuses=requests_by_status(session, scope=scope), categories=requests_by_category(session, scope=scope),
        resolution=resolution(session, scope=scope),
        hours=service_hours_by_month(session, today=today, grid_id=scope.grid_id),
        companies=property_board(session, period=quarter_of(today), today=today))


class OverviewSection(QWidget):
    """Figures and charts for the place chosen in the tree (the whole community, a grid, a building…);
    the heading says which."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        page = QWidget()
        scroll.setWidget(page)
        self.layout_ = QVBoxLayout(page)
        self.heading = QLabel(page)
        self.heading.setObjectName("scope_heading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold; color: #1f3b5c;")
        self.reader = BackgroundRead(self, ctx)  # the figures are read in a worker thread (a second at 100k)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(24)
        top.addWidget(self.reader.label)
        top.addStretch(1)
        self.layout_.addLayout(top)
        self.cards = QGridLayout()
        self.layout_.addLayout(self.cards)
        self.charts = QGridLayout()
        self.layout_.addLayout(self.charts, 1)
        self.chart_views: list[QChartView] = []
        follow = self.reader.refresh_when_shown(self.refresh)
        ctx.data_changed.connect(follow)
        ctx.scope_changed.connect(follow)
        follow()  # read once shown (a window built in a test, never shown, reads nothing)

    def refresh(self) -> None:
        """Read the figures in the background (the last request wins) and draw them when they come."""
        today, scope, everywhere = self.ctx.today(), self.ctx.scope, self.tr("Whole community")
        self.reader.start(lambda session: read_overview(session, scope=scope, today=today, everywhere=everywhere),
                          self._show)

    def _show(self, read: OverviewFigures) -> None:
        figures, place, level, rows, statuses = read.headline, read.place, read.level, read.coverage, read.statuses
        categories, done, hours, companies = read.categories, read.resolution, read.hours, read.companies
        self.heading.setText(self.tr("Overview of {0}").format(place))
        self._fill_cards(figures, done)
        self._clear_charts()
        # Both bar lists get the height their longer list needs: every Chinese category name stays readable.
        bars = max(min(max(len(rows), 4), MAX_BARS), len(categories))
        self._add_chart(0, 0, self._coverage_chart(rows, level), height=BAR_CHART_TOP + BAR_HEIGHT * bars)
        self._add_chart(0, 1, self._category_chart(categories), height=BAR_CHART_TOP + BAR_HEIGHT * bars)
        self._add_chart(1, 0, self._bar_chart(self.tr("Requests by status"), statuses, self.tr("requests")))
        self._add_chart(1, 1, self._rating_chart(done))
        self._add_chart(2, 0, self._bar_chart(self.tr("Member service hours by month"),
                                              [(f"{m.month}月" if m.month != 1 else f"{m.year}年1月", h)
                                               for m, h in hours], self.tr("hours")), span=2)
        shown = len(companies.ranked) + len(companies.too_few)
        self._add_chart(3, 0, property_board_chart(companies, self._axis_font()), span=2,
                        height=BAR_CHART_TOP + 40 + 2 * BAR_HEIGHT * max(shown, 2))

    # -- headline cards ----------------------------------------------------------------------------
    def _fill_cards(self, figures: dict, done) -> None:
        while self.cards.count():
            self.cards.takeAt(0).widget().deleteLater()
        households = figures["households"] or 1
        cards = [
            (self.tr("Households"), f"{figures['households']:,}"),
            (self.tr("Residents"), f"{figures['residents']:,}"),
            (self.tr("Care households"), f"{figures['care_households']:,}"),
            (self.tr("Visited this month"), f"{100 * figures['visited_this_month'] / households:.1f}%"),
            (self.tr("Open requests"), f"{figures['requests_open']:,}"),
            (self.tr("Overdue requests"), f"{figures['requests_overdue']:,}"),
            (self.tr("Resolved on time"), f"{done.on_time_percent:.1f}%"),
            (self.tr("Satisfied"), f"{done.satisfied_percent:.1f}%"),
            (self.tr("Grids / buildings"), f"{figures['grids']} / {figures['buildings']}"),
            (self.tr("Leaders in post"), f"{figures['leaders']:,}"),
            (self.tr("Active members"), f"{figures['members']:,}"),
            (self.tr("Visits recorded"), f"{figures['visits']:,}"),
        ]
        for i, (title, value) in enumerate(cards):
            self.cards.addWidget(self._card(title, value), i // 6, i % 6)

    def _card(self, title: str, value: str) -> QFrame:
        card = QFrame(self)
        card.setObjectName("card")
        card.setStyleSheet("#card { background: #f3f6fa; border: 1px solid #d5dde8; border-radius: 6px; }")
        box = QVBoxLayout(card)
        number = QLabel(value, card)
        number.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1f3b5c;")
        caption = QLabel(title, card)
        caption.setStyleSheet("color: #44515f;")
        box.addWidget(number)
        box.addWidget(caption)
        return card

    # -- charts ------------------------------------------------------------------------------------
    def _clear_charts(self) -> None:
        for view in self.chart_views:
            self.charts.removeWidget(view)
            view.deleteLater()
        self.chart_views = []

    def _add_chart(self, row: int, column: int, chart: QChart, span: int = 1, height: int = 320) -> None:
        view = QChartView(chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(height)
        self.charts.addWidget(view, row, column, 1, span)
        self.chart_views.append(view)

    def _chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        chart.setTitleFont(font)
        chart.legend().hide()
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _axis_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.95, 9))
        return font

    def _coverage_chart(self, rows, level: str) -> QChart:
        if len(rows) > MAX_BARS:
            rows = sorted(rows, key=lambda r: r.percent)[:MAX_BARS]
            title = self.tr("Visit coverage this month: the {0} lowest").format(MAX_BARS)
        else:
            title = self.tr("Visit coverage this month by grid") if level == "grid" else \
                self.tr("Visit coverage this month by building")
        rows = list(reversed(rows))
        chart = self._chart(title)
        series = _bar_series(chart, QHorizontalBarSeries(), self.tr("Visited %"), [round(r.percent, 1) for r in rows],
                             label_format="@value%")
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        return self._horizontal_axes(chart, series, [r.label for r in rows], values)

    def _category_chart(self, rows: list[tuple[str, int]]) -> QChart:
        """Categories as horizontal bars, so their Chinese names are never squeezed."""
        chart = self._chart(self.tr("Requests by category"))
        rows = list(reversed(rows))
        series = _bar_series(chart, QHorizontalBarSeries(), self.tr("requests"), [float(n) for _, n in rows],
                             outside=True)
        values = QValueAxis()
        values.setRange(0, max([n for _, n in rows] + [1]) * 1.15)
        values.applyNiceNumbers()  # ticks at 0, 20, 40… rather than 0, 29, 58…
        values.setLabelFormat("%d")
        return self._horizontal_axes(chart, series, [label for label, _ in rows], values)

    def _horizontal_axes(self, chart: QChart, series, categories: list[str], values: QValueAxis) -> QChart:
        """Category names down the left, values along the bottom, both in the readable axis font."""
        labels = QBarCategoryAxis()
        labels.append(categories or ["—"])
        for axis in (labels, values):
            axis.setLabelsFont(self._axis_font())
        chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(labels)
        series.attachAxis(values)
        return chart

    def _bar_chart(self, title: str, rows: list[tuple[str, float]], unit: str) -> QChart:
        chart = self._chart(title)
        series = _bar_series(chart, QBarSeries(), unit, [float(n) for _, n in rows], outside=True,
                             label_format="@value")
        labels = QBarCategoryAxis()
        labels.append([label for label, _ in rows] or ["—"])
        labels.setLabelsFont(self._axis_font())
        values = QValueAxis()
        top = max([n for _, n in rows] + [1])
        values.setRange(0, top * 1.15)
        values.applyNiceNumbers()
        values.setLabelFormat("%d")
        values.setLabelsFont(self._axis_font())
        chart.addAxis(labels, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(labels)
        series.attachAxis(values)
        return chart

    def _rating_chart(self, done) -> QChart:
        chart = self._chart(self.tr("Residents' ratings — {0:.1f}% resolved on time ({1} of {2})").format(
            done.on_time_percent, done.on_time, done.resolved))
        series = QPieSeries()
        colours = ("#2e8b57", "#e0b000", "#c0392b")
        for (label, count), colour in zip(done.ratings, colours):
            if count:
                slice_ = series.append(f"{label} {count}", count)
                slice_.setColor(QColor(colour))
                slice_.setLabelVisible(True)
                slice_.setLabelFont(self._axis_font())
        series.setPieSize(0.62)
        chart.addSeries(series)
        chart.legend().show()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.legend().setFont(self._axis_font())
        return chart
