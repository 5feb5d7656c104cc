"""Report charts: bars scale with their values, series tell apart without colour, text in the Chinese font,
nothing drawn outside the chart, gaps where there is no data."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Group, Line, PolyLine, Rect, String
from reportlab.lib.units import mm

from gridkeeper.reports.charts import (BAR_FILLS, LINE_LOOKS, Series, _nice_ticks, bar_chart, grouped_bar_chart,
                                       line_chart)
from gridkeeper.reports.layout import build_pdf
from tests.reports.printed import embedded_fonts, flat, pages_text

GRIDS = ["FK-01", "FK-02", "FK-03", "FK-04"]
MONTHS = ["2025年12月", *[f"{m}月" for m in range(1, 12)]]
CATEGORIES = ["物业服务", "环境卫生", "停车管理", "噪音扰民", "水管漏水", "安全隐患", "邻里纠纷", "政策咨询",
              "帮办代办", "其他"]


def _shapes(node, transformed=False):
    """Every shape in a drawing, with whether it sits inside a transformed group."""
    for child in getattr(node, "contents", []):
        if isinstance(child, Group):
            turned = transformed or tuple(child.transform) != (1, 0, 0, 1, 0, 0)
            yield from _shapes(child, turned)
        else:
            yield child, transformed


def _strings(chart) -> list[str]:
    return [s.text for s, _ in _shapes(chart) if isinstance(s, String)]


def test_bars_scale_with_values_and_every_value_is_written():
    chart = bar_chart(GRIDS, [90.0, 45.0, None, 100.0], title="各网格本月走访覆盖率", percent=True)
    bars = {m.category: m for m in chart.marks}
    assert bars[0].height == pytest.approx(2 * bars[1].height)
    assert bars[3].height == pytest.approx(bars[0].height / 0.9)
    assert bars[2].value is None and bars[2].height == 0
    texts = _strings(chart)
    assert {"各网格本月走访覆盖率", *GRIDS, "90%", "45%", "100%", "无"} <= set(texts)
    assert {"0%", "20%", "100%"} <= set(texts)  # a percentage axis runs 0 to 100 whatever the values


def test_count_axis_is_round_and_reaches_the_highest_value():
    assert _nice_ticks(120) == [0, 25, 50, 75, 100, 125]
    assert _nice_ticks(7) == [0, 2, 4, 6, 8]
    assert _nice_ticks(0) == [0, 1]
    assert _nice_ticks(3.5)[-1] >= 3.5
    chart = bar_chart(CATEGORIES, [120, 45, 33, 12, 80, 5, 7, 60, 22, 3], unit="件")
    top = max(chart.marks, key=lambda m: m.value)
    assert top.value == 120 and top.height > 0
    assert "125" in _strings(chart) and "件" in _strings(chart)


def test_only_greys_are_used_and_grouped_series_differ_by_grey_or_hatch():
    series = [Series("本月", (92, 81, 67, 100)), Series("上月", (80, 85, 60, 95)), Series("去年同月", (70, 75, 50, 90))]
    chart = grouped_bar_chart(GRIDS, series, percent=True, title="对比")
    for shape, _ in _shapes(chart):
        for colour in (getattr(shape, "fillColor", None), getattr(shape, "strokeColor", None)):
            if colour is not None:
                assert colour.red == colour.green == colour.blue, f"{shape} is not grey: {colour}"
    looks = {(f.grey, f.hatch) for f in BAR_FILLS}
    assert len(looks) == len(BAR_FILLS)
    # Each series' bar is a group: its grey rectangle, plus hatch lines for the hatched fills.
    bar_groups = [c for c in chart.contents if isinstance(c, Group) and isinstance(c.contents[0], Rect)
                  and c.contents[0].width > 5]
    seen = set()
    for group in bar_groups:
        rect = group.contents[0]
        hatched = any(isinstance(s, Line) for s in group.contents[1:])
        seen.add((round(rect.fillColor.red, 2), hatched))
    assert (round(BAR_FILLS[0].grey, 2), False) in seen and (1.0, True) in seen and len(seen) >= 3
    assert {"本月", "上月", "去年同月"} <= set(_strings(chart))  # the legend names every series


def test_a_missing_month_breaks_the_line_and_close_values_are_written_apart():
    on_time = Series("按时办结率", (90, 92, None, 85, 88, 91, 95, 97, 93, 90, 89, 94))
    rated = Series("满意率", (80, 85, 88, None, 86, 84, 90, 91, 92, 93, 95, 96))
    chart = line_chart(MONTHS, [on_time, rated], title="按时办结率和满意率", percent=True)
    legend_y = max(m.y for m in chart.marks) + 10  # the legend's sample lines sit above the plot
    lines = [s for s, _ in _shapes(chart) if isinstance(s, PolyLine) and s.points[1] < legend_y]
    assert len(lines) == 4  # each series broken once by its missing month
    dashes = {tuple(line.strokeDashArray or ()) for line in lines}
    assert len(dashes) == 2  # the two series differ by dash, not colour
    assert LINE_LOOKS[0].marker != LINE_LOOKS[1].marker
    # At 9月 the first series (90) is under the second (93): its label goes below its point.
    points = {(m.series, m.category): m for m in chart.marks}
    labels = {(s.text, round(s.x, 1)): s.y for s, _ in _shapes(chart) if isinstance(s, String)}
    sept = 9
    first, second = points[(0, sept)], points[(1, sept)]
    assert labels[("90%", round(first.x, 1))] < first.y < second.y < labels[("93%", round(second.x, 1))]
    assert points[(0, 2)].value is None


def test_nothing_is_drawn_outside_the_chart_even_with_long_and_many_labels():
    long_names = [f"幸福家园第{i}网格（老旧小区联合网格）" for i in range(1, 31)]
    charts = [
        bar_chart(long_names, [i * 3.3 for i in range(30)], percent=True, title="30 个网格"),
        bar_chart(CATEGORIES, [120, 45, 33, 12, 80, 5, 7, 60, 22, 3], width=80 * mm, unit="件"),
        grouped_bar_chart(long_names[:8], [Series("本月", tuple(range(8))), Series("上月", tuple(range(8, 0, -1)))]),
        line_chart(MONTHS, [Series("覆盖率", tuple(float(i * 9) for i in range(12)))], percent=True),
    ]
    for chart in charts:
        x1, y1, x2, y2 = chart.getBounds()
        assert x1 >= -0.5 and y1 >= -0.5, chart.getBounds()
        assert x2 <= chart.width + 0.5 and y2 <= chart.height + 0.5, (chart.getBounds(), chart.width, chart.height)


def test_an_empty_chart_says_so():
    assert "暂无数据" in _strings(bar_chart([], [], title="诉求分类"))
    assert "暂无数据" in _strings(line_chart(MONTHS, [Series("满意率", (None,) * 12)], percent=True))


def test_mismatched_values_are_refused():
    with pytest.raises(ValueError, match="3 values for 4 categories"):
        grouped_bar_chart(GRIDS, [Series("本月", (1, 2, 3))])


def test_charts_print_in_the_embedded_chinese_font(tmp_path):
    path = tmp_path / "charts.pdf"
    story = [
        bar_chart(CATEGORIES, [120, 45, 33, 12, 80, 5, 7, 60, 22, 3], title="诉求分类", unit="件"),
        line_chart(["12月", *[f"{m}月" for m in range(1, 12)]], [Series("走访覆盖率", tuple(float(50 + i) for i in range(12)))],
                   title="十二个月走访覆盖率", percent=True),
    ]
    build_pdf(path, story, title="charts")
    text = flat("".join(pages_text(path)))
    for expected in ("诉求分类", "物业服务", "帮办代办", "十二个月走访覆盖率", "12月1月2月", "61%", "120"):
        assert expected in text
    fonts = embedded_fonts(path)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert all("NotoSansSC" in name for name, _ in fonts), fonts  # no Helvetica named and left unembedded
