"""The Overview's chart of the property companies' red and black list: on-time rate and satisfaction per company."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont

from gridkeeper.services.property_board import PropertyBoard

ON_TIME_COLOUR = QColor("#1f6fb2")
SATISFACTION_COLOUR = QColor("#7fb3e0")


def _tr(text: str) -> str:
    """Translate a string marked below with QT_TRANSLATE_NOOP (so lupdate finds it)."""
    return QCoreApplication.translate("PropertyBoardChart", text)


RED_LIST = QT_TRANSLATE_NOOP("PropertyBoardChart", "red list")
BLACK_LIST = QT_TRANSLATE_NOOP("PropertyBoardChart", "black list")
TOO_FEW = QT_TRANSLATE_NOOP("PropertyBoardChart", "too few requests")
TITLE = QT_TRANSLATE_NOOP("PropertyBoardChart", "Property companies, {0}: requests on time and residents satisfied")
ON_TIME = QT_TRANSLATE_NOOP("PropertyBoardChart", "On time %")
SATISFIED = QT_TRANSLATE_NOOP("PropertyBoardChart", "Satisfied %")


def company_label(row) -> str:
    """伟捷物业服务有限公司 · 红榜 (the list it is on, or that it has too few requests)."""
    standing = {"red": _tr(RED_LIST), "black": _tr(BLACK_LIST), "too_few": _tr(TOO_FEW)}
    mark = standing.get(row.standing)
    return f"{row.name} · {mark}" if mark else row.name


def property_board_chart(board: PropertyBoard, font: QFont) -> QChart:
    """Two bars per company (on time %, satisfaction %), the best ranked at the top, unranked ones below."""
    rows = list(reversed([*board.ranked, *board.too_few]))  # a horizontal chart draws its first category lowest
    chart = QChart()
    chart.setTitle(_tr(TITLE).format(board.period.label))
    title_font = QFont(font)
    title_font.setPointSizeF(font.pointSizeF() * 1.25)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    series = QHorizontalBarSeries()
    for name, colour, value in ((_tr(ON_TIME), ON_TIME_COLOUR, lambda r: r.figures.on_time_percent),
                                (_tr(SATISFIED), SATISFACTION_COLOUR, lambda r: r.figures.satisfaction_percent)):
        bars = QBarSet(name)
        bars.setColor(colour)
        bars.setLabelColor(QColor("#111"))
        bars.append([float(value(r) or 0) for r in rows])
        series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    labels = QBarCategoryAxis()
    labels.append([company_label(r) for r in rows] or ["—"])
    values = QValueAxis()
    values.setRange(0, 110)  # room for the value written past the end of a full bar
    values.setTickCount(12)
    values.setLabelFormat("%d%%")
    for axis in (labels, values):
        axis.setLabelsFont(font)
    chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(labels)
    series.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(font)
    return chart
