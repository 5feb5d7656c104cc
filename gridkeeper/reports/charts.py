"""Charts for printed reports, drawn with ReportLab's own graphics (no plotting dependency).

Three kinds: a bar chart (one value per category), grouped bars (several series per category) and
a line chart (a trend, e.g. twelve months). Every text is in the embedded Chinese font. They are
meant for a black-and-white office printer: series differ by grey level and hatching (bars) or by
dash pattern and marker shape (lines), never by colour alone, and every value is written beside its
mark, so a photocopy still reads. A chart is a Drawing, which is a platypus Flowable: put it straight
into a document's story.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from gridkeeper.reports.fonts import FONT, FONT_BOLD, register_fonts

TITLE_SIZE = 10
LABEL_SIZE = 8
VALUE_SIZE = 7
MIN_VALUE_SIZE = 5.5
MAX_LABEL_WIDTH = 32 * mm  # a longer category label is cut short with an ellipsis
INK = colors.black
AXIS_GREY = colors.Color(0.55, 0.55, 0.55)
GRID_GREY = colors.Color(0.85, 0.85, 0.85)
NO_DATA = "无"


@dataclass(frozen=True)
class BarFill:
    """How one series' bars are filled: a grey level (0 black … 1 white) and an optional hatch."""

    grey: float
    hatch: str = ""  # "" none, "/" or "\\" diagonal, "-" horizontal, "|" vertical, "x" crossed


# Told apart on a black-and-white print: alternating solid greys and hatches on white.
BAR_FILLS = (
    BarFill(0.35),
    BarFill(1.0, "/"),
    BarFill(0.75),
    BarFill(1.0, "x"),
    BarFill(0.9, "-"),
    BarFill(1.0, "\\"),
)


@dataclass(frozen=True)
class LineLook:
    """How one series' line is drawn: dash pattern (None solid), marker shape and whether it is filled."""

    dash: tuple[float, ...] | None
    marker: str  # "circle", "square", "triangle", "diamond"
    filled: bool


LINE_LOOKS = (
    LineLook(None, "circle", True),
    LineLook((4, 2), "square", False),
    LineLook((1, 1.6), "triangle", True),
    LineLook((6, 2, 1, 2), "diamond", False),
)


@dataclass(frozen=True)
class Series:
    """A named row of values, one per category; None where there is nothing to show (no data that month)."""

    name: str
    values: tuple[float | None, ...]


@dataclass
class Mark:
    """One drawn bar or point, kept so tests (and callers) can check what was drawn where."""

    series: int
    category: int
    value: float | None
    x: float
    y: float  # bar: the top edge; point: the point itself
    height: float  # bar height (0 for points and missing values)


class Chart(Drawing):
    """A Drawing that also lists its marks (bars or points) in drawing order."""

    _attrMap = AttrMap(BASE=Drawing, marks=AttrMapValue(None, desc="the Mark of every bar or point"))

    def __init__(self, width: float, height: float) -> None:
        super().__init__(width, height)
        self.marks: list[Mark] = []


Formatter = Callable[[float], str]


def percent_text(value: float) -> str:
    """A percentage as printed beside a mark: whole numbers, e.g. 87%."""
    return f"{value:.0f}%"


def number_text(value: float) -> str:
    """A count as an integer, a measure (hours) with one decimal when it has one."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


# ---------------------------------------------------------------- public charts


def bar_chart(labels: Sequence[str], values: Sequence[float | None], *, title: str = "", width: float = 170 * mm,
              height: float = 65 * mm, percent: bool = False, unit: str = "", fmt: Formatter | None = None,
              fill: BarFill = BAR_FILLS[0]) -> Chart:
    """One bar per category, its value written on top; `percent` fixes the axis at 0–100 %."""
    return grouped_bar_chart(labels, [Series("", tuple(values))], title=title, width=width, height=height,
                             percent=percent, unit=unit, fmt=fmt, fills=(fill,), legend=False)


def grouped_bar_chart(labels: Sequence[str], series: Sequence[Series], *, title: str = "",
                      width: float = 170 * mm, height: float = 70 * mm, percent: bool = False, unit: str = "",
                      fmt: Formatter | None = None, fills: Sequence[BarFill] = BAR_FILLS,
                      legend: bool = True) -> Chart:
    """Bars side by side for each category, one per series (told apart by grey and hatching, with a legend)."""
    _check(labels, series)
    fmt = fmt or (percent_text if percent else number_text)
    n_cat, n_ser = len(labels), max(len(series), 1)
    # Value labels too wide for their bar even when small are turned upright: they need more headroom.
    size, upright = _value_size(series, fmt, min((width - 30) / max(n_cat, 1) * 0.8 / n_ser, 18 * mm))
    headroom = _widest(series, fmt, size) + 4 if upright else VALUE_SIZE + 4
    chart, plot = _frame(labels, series, title, width, height, percent, unit, headroom=headroom,
                         legend=[(s.name, ("bar", fills[i % len(fills)])) for i, s in enumerate(series)]
                         if legend and len(series) > 1 else [])
    if plot is None:
        return chart
    slot = plot.w / n_cat
    bar_w = min(slot * 0.8 / n_ser, 18 * mm)
    group_w = bar_w * n_ser
    for c in range(n_cat):
        left = plot.x + c * slot + (slot - group_w) / 2
        for s, one in enumerate(series):
            value = one.values[c]
            x = left + s * bar_w
            if value is None:
                chart.add(_text(x + bar_w / 2, plot.y + 2, NO_DATA, VALUE_SIZE, anchor="middle"))
                chart.marks.append(Mark(s, c, None, x, plot.y, 0.0))
                continue
            h = plot.h * max(0.0, value) / plot.top
            chart.add(_bar(x, plot.y, bar_w, h, fills[s % len(fills)]))
            chart.marks.append(Mark(s, c, value, x, plot.y + h, h))
            _value_label(chart, x + bar_w / 2, plot.y + h, fmt(value), size, upright)
    return chart


def line_chart(labels: Sequence[str], series: Sequence[Series], *, title: str = "", width: float = 170 * mm,
               height: float = 65 * mm, percent: bool = False, unit: str = "",
               fmt: Formatter | None = None, value_labels: bool = True) -> Chart:
    """A trend (e.g. twelve months): each series a line with its own dash and marker, values written at the points.

    A None value breaks the line (a month with nothing to measure is not a zero). Where two series
    meet at a category, the lower one's value is written under its point, so the two do not print over
    each other."""
    _check(labels, series)
    fmt = fmt or (percent_text if percent else number_text)
    chart, plot = _frame(labels, series, title, width, height, percent, unit,
                         legend=[(s.name, ("line", LINE_LOOKS[i % len(LINE_LOOKS)])) for i, s in enumerate(series)]
                         if len(series) > 1 or series and series[0].name else [])
    if plot is None:
        return chart
    slot = plot.w / len(labels)
    size = _value_size(series, fmt, slot)[0] if value_labels else 0
    below = _labels_below(series)
    for s, one in enumerate(series):
        look = LINE_LOOKS[s % len(LINE_LOOKS)]
        run: list[float] = []
        points = []
        for c, value in enumerate(one.values):
            x = plot.x + (c + 0.5) * slot
            if value is None:
                _flush_line(chart, run, look)
                run = []
                chart.marks.append(Mark(s, c, None, x, plot.y, 0.0))
                continue
            y = plot.y + plot.h * max(0.0, value) / plot.top
            run += [x, y]
            points.append((c, x, y, value))
            chart.marks.append(Mark(s, c, value, x, y, 0.0))
        _flush_line(chart, run, look)
        for c, x, y, value in points:
            chart.add(_marker(x, y, look))
            if size:
                under = (s, c) in below
                chart.add(_text(x, y - 3 - size if under else y + 3.5, fmt(value), size, anchor="middle"))
    return chart


def _labels_below(series: Sequence[Series]) -> set[tuple[int, int]]:
    """(series, category) whose value label goes under the point: the lower of two values at a category."""
    out = set()
    for c in range(len(series[0].values) if series else 0):
        present = [(one.values[c], s) for s, one in enumerate(series) if one.values[c] is not None]
        if len(present) == 2:
            (a, sa), (b, sb) = present
            out.add((sb, c) if b <= a else (sa, c))
    return out


# ---------------------------------------------------------------- frame: title, legend, axes, labels


@dataclass
class _Plot:
    x: float
    y: float
    w: float
    h: float
    top: float  # the value at the top of the axis


def _check(labels: Sequence[str], series: Sequence[Series]) -> None:
    register_fonts()  # every measurement below needs the Chinese font
    for one in series:
        if len(one.values) != len(labels):
            raise ValueError(f"series {one.name!r} has {len(one.values)} values for {len(labels)} categories")


def _frame(labels, series, title, width, height, percent, unit, *, legend,
           headroom: float = VALUE_SIZE + 4) -> tuple[Chart, _Plot | None]:
    """The chart with its title, legend, value axis, grid lines and category labels; the plot area inside
    (with `headroom` above the highest tick for the values written over the marks)."""
    register_fonts()
    chart = Chart(width, height)
    chart.initialFontName = FONT  # a String without a font would otherwise name Helvetica in the PDF
    top = height
    if title:
        top -= TITLE_SIZE + 2
        chart.add(_text(width / 2, top, title, TITLE_SIZE, font=FONT_BOLD, anchor="middle"))
        top -= 4
    if legend:
        top -= _legend(chart, legend, width, top) + 3
    values = [v for one in series for v in one.values if v is not None]
    if not labels or not values:
        chart.add(Rect(0, 0, width, max(top, 1), strokeColor=AXIS_GREY, fillColor=None, strokeWidth=0.5))
        chart.add(_text(width / 2, top / 2 - LABEL_SIZE / 2, "暂无数据", LABEL_SIZE + 2, anchor="middle"))
        return chart, None
    ticks = [0, 20, 40, 60, 80, 100] if percent else _nice_ticks(max(values))
    tick_texts = [percent_text(t) if percent else number_text(t) for t in ticks]
    axis_w = max(stringWidth(t, FONT, LABEL_SIZE) for t in tick_texts) + 4
    if unit:
        top -= LABEL_SIZE + 2
    left = axis_w + 2
    shown = [_shorten(lbl, MAX_LABEL_WIDTH) for lbl in labels]
    widest = max(stringWidth(lbl, FONT, LABEL_SIZE) for lbl in shown)
    n = len(labels)
    angle, size = _label_slant(widest, (width - left - 4) / n)
    if angle == 45:  # the first label hangs down to the left of its bar: keep it inside the drawing
        reach = widest * size / LABEL_SIZE * math.cos(math.radians(45)) + size
        left = max(left, (reach - (width - 4) / (2 * n)) / (1 - 1 / (2 * n)))
        angle, size = _label_slant(widest, (width - left - 4) / n)
    reach = widest * size / LABEL_SIZE
    plot_w = width - left - 4
    slot = plot_w / n
    bottom = reach * math.sin(math.radians(angle)) + size + 4 if angle else LABEL_SIZE + 5
    plot = _Plot(left, bottom, plot_w, max(top - bottom - headroom, 10.0), float(ticks[-1]))
    if unit:
        chart.add(_text(2, plot.y + plot.h + headroom - LABEL_SIZE + 2, unit, LABEL_SIZE))
    for tick, text in zip(ticks, tick_texts):
        y = plot.y + plot.h * tick / plot.top
        if tick:
            chart.add(Line(plot.x, y, plot.x + plot.w, y, strokeColor=GRID_GREY, strokeWidth=0.4))
        chart.add(_text(plot.x - 3, y - LABEL_SIZE * 0.35, text, LABEL_SIZE, anchor="end"))
    chart.add(Line(plot.x, plot.y, plot.x, plot.y + plot.h, strokeColor=AXIS_GREY, strokeWidth=0.6))
    chart.add(Line(plot.x, plot.y, plot.x + plot.w, plot.y, strokeColor=INK, strokeWidth=0.8))
    for c, text in enumerate(shown):
        x = plot.x + (c + 0.5) * slot
        if angle:
            label = Group(_text(0, 0, text, size, anchor="end"))
            label.translate(x + size * 0.35, plot.y - 3)
            label.rotate(angle)
            chart.add(label)
        else:
            chart.add(_text(x, plot.y - LABEL_SIZE - 2, text, LABEL_SIZE, anchor="middle"))
    return chart, plot


def _label_slant(widest: float, slot: float) -> tuple[int, float]:
    """How category labels stand under their slots: level (0), slanted (45) or upright (90), and their size.
    Slanted labels are `slot`·sin 45° apart, upright ones `slot` apart: the size shrinks to keep them apart."""
    if widest <= slot - 2:
        return 0, LABEL_SIZE
    size = min(LABEL_SIZE, slot * math.sin(math.radians(45)) - 1)
    if size >= MIN_VALUE_SIZE:
        return 45, size
    return 90, max(4.0, min(LABEL_SIZE, slot - 1))


def _legend(chart: Chart, items, width: float, top: float) -> float:
    """Swatch and name for each series, centred in rows under the title; returns the height used."""
    swatch, gap, row_h = 14, 10, LABEL_SIZE + 4
    widths = [swatch + 3 + stringWidth(name, FONT, LABEL_SIZE) for name, _ in items]
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, w in enumerate(widths):
        if rows[-1] and used + gap + w > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0) + w
        rows[-1].append(i)
    for r, row in enumerate(rows):
        total = sum(widths[i] for i in row) + gap * (len(row) - 1)
        x = (width - total) / 2
        y = top - (r + 1) * row_h
        for i in row:
            name, (kind, look) = items[i]
            if kind == "bar":
                chart.add(_bar(x, y, swatch, LABEL_SIZE, look))
            else:
                chart.add(_line([x, y + LABEL_SIZE / 2, x + swatch, y + LABEL_SIZE / 2], look))
                chart.add(_marker(x + swatch / 2, y + LABEL_SIZE / 2, look))
            chart.add(_text(x + swatch + 3, y + 1, name, LABEL_SIZE))
            x += widths[i] + gap
    return len(rows) * row_h


def _nice_ticks(high: float) -> list[float]:
    """0 and up to six evenly spaced round values (1, 2 or 5 times a power of ten) reaching `high`."""
    high = max(float(high), 1.0)
    raw = high / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if step < 1:
        step = 1.0
    count = math.ceil(high / step - 1e-9)
    return [i * step for i in range(count + 1)]


def _shorten(text: str, room: float) -> str:
    if stringWidth(text, FONT, LABEL_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", FONT, LABEL_SIZE) > room:
        text = text[:-1]
    return text + "…"


def _widest(series: Sequence[Series], fmt: Formatter, size: float) -> float:
    return max((stringWidth(fmt(v), FONT, size) for one in series for v in one.values if v is not None), default=0.0)


def _value_size(series: Sequence[Series], fmt: Formatter, room: float) -> tuple[float, bool]:
    """The value labels' size: VALUE_SIZE, smaller (not below MIN_VALUE_SIZE) so the widest fits `room`;
    and whether even that is too wide, so they must stand upright."""
    widest = _widest(series, fmt, VALUE_SIZE)
    if widest <= room - 1:
        return VALUE_SIZE, False
    size = max(MIN_VALUE_SIZE, VALUE_SIZE * (room - 1) / widest)
    return size, _widest(series, fmt, size) > room - 1


def _value_label(chart: Chart, x: float, y: float, text: str, size: float, upright: bool) -> None:
    """The value over a bar; upright (reading upwards) when it is wider than the bar even when small."""
    if not upright:
        chart.add(_text(x, y + 2, text, size, anchor="middle"))
        return
    label = Group(_text(0, 0, text, size))
    label.translate(x + size * 0.35, y + 2)
    label.rotate(90)
    chart.add(label)


# ---------------------------------------------------------------- marks


def _text(x: float, y: float, text: str, size: float, *, font: str = FONT, anchor: str = "start") -> String:
    return String(x, y, text, fontName=font, fontSize=size, fillColor=INK, textAnchor=anchor)


def _bar(x: float, y: float, w: float, h: float, fill: BarFill) -> Group:
    """A bar outlined in black, filled grey, with its hatch lines clipped to it."""
    group = Group(Rect(x, y, w, h, fillColor=colors.Color(fill.grey, fill.grey, fill.grey), strokeColor=INK,
                       strokeWidth=0.5))
    for x1, y1, x2, y2 in _hatch_lines(x, y, w, h, fill.hatch):
        group.add(Line(x1, y1, x2, y2, strokeColor=INK, strokeWidth=0.4))
    return group


def _hatch_lines(x: float, y: float, w: float, h: float, hatch: str, step: float = 3.0):
    """Segments of the hatch inside the rectangle (x, y, w, h)."""
    if w <= 0 or h <= 0 or not hatch:
        return []
    out = []
    if hatch == "-":
        out += [(x, y + d, x + w, y + d) for d in _steps(step, h)]
    if hatch == "|":
        out += [(x + d, y, x + d, y + h) for d in _steps(step, w)]
    if hatch in ("/", "x"):
        # lines y - y0 = (x - x0) + c: c runs from -w to h
        for c in _steps(step * 1.4, w + h):
            c -= w
            out.append(_clip_diagonal(x, y, w, h, c, rising=True))
    if hatch in ("\\", "x"):
        for c in _steps(step * 1.4, w + h):
            out.append(_clip_diagonal(x, y, w, h, c, rising=False))
    return out


def _steps(step: float, length: float) -> list[float]:
    return [step * i for i in range(1, int(length / step) + 1) if step * i < length]


def _clip_diagonal(x: float, y: float, w: float, h: float, c: float, *, rising: bool):
    """The 45° line through the rectangle at offset c, cut to the rectangle."""
    if rising:  # local v = u + c, u in [0, w], v in [0, h]
        u1, u2 = max(0.0, -c), min(w, h - c)
        return (x + u1, y + u1 + c, x + u2, y + u2 + c)
    # falling: local v = c - u
    u1, u2 = max(0.0, c - h), min(w, c)
    return (x + u1, y + c - u1, x + u2, y + c - u2)


def _line(points: list[float], look: LineLook) -> PolyLine:
    return PolyLine(points, strokeColor=INK, strokeWidth=1.2, strokeDashArray=list(look.dash) if look.dash else None,
                    strokeLineJoin=1)


def _flush_line(chart: Chart, run: list[float], look: LineLook) -> None:
    if len(run) >= 4:
        chart.add(_line(run, look))


def _marker(x: float, y: float, look: LineLook, r: float = 2.4):
    fill = INK if look.filled else colors.white
    style = dict(fillColor=fill, strokeColor=INK, strokeWidth=0.8)
    if look.marker == "circle":
        return Circle(x, y, r, **style)
    if look.marker == "square":
        return Rect(x - r, y - r, 2 * r, 2 * r, **style)
    if look.marker == "triangle":
        return Polygon([x - r * 1.15, y - r, x + r * 1.15, y - r, x, y + r * 1.2], **style)
    return Polygon([x, y - r * 1.3, x + r * 1.3, y, x, y + r * 1.3, x - r * 1.3, y], **style)
