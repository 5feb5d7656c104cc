"""The monthly work report (月度工作报告) and the annual summary as an A4 PDF: headline figures beside the
previous period's, charts, the lists that need attention, and a page of notable work typed by the user."""

from __future__ import annotations

import os
from datetime import date

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from gridkeeper.reports.charts import bar_chart, grouped_bar_chart, line_chart
from gridkeeper.reports.fonts import FONT, FONT_BOLD
from gridkeeper.reports.layout import (HEADER_FILL, build_pdf, clean_text, ledger_heading, ledger_table, markup,
                                       paragraph_styles, signature_block)
from gridkeeper.reports.ledger_data import cn_date
from gridkeeper.reports.work_report_data import AttentionList, ChartSpec, Figure, WorkReport

MARGINS = (16 * mm, 12 * mm, 16 * mm, 12 * mm)  # top, right, bottom, left
WIDTH = A4[0] - MARGINS[1] - MARGINS[3]
CHART_HEIGHT = 58 * mm
NOTE_LINES = 14  # ruled lines for writing by hand when no notes were typed


def write_work_report(report: WorkReport, path: str | os.PathLike[str], *, today: date) -> int:
    """Write the report to `path`; returns the number of pages."""
    styles = _styles()
    span = f"{cn_date(report.period.start)}至{cn_date(min(report.as_of, report.period.last_day))}"
    story: list[Flowable] = ledger_heading(report.title, report.unit, span)
    story.append(Paragraph(markup(_basics_line(report)), styles["body"]))
    story.append(Spacer(1, 2 * mm))
    story.append(_section("一、主要数字", styles))
    story.append(_figures_table(report))
    story.append(Spacer(1, 1.5 * mm))
    story += [Paragraph(markup(line), styles["small"]) for line in report.basis]
    story.append(_section("二、图表", styles))
    for spec in report.charts:
        story.append(CondPageBreak(CHART_HEIGHT + 4 * mm))
        story.append(_chart(spec))
        story.append(Spacer(1, 3 * mm))
    story.append(PageBreak())
    story.append(_section("三、需要关注的事项", styles))
    for attention in report.lists:
        story += _attention(attention, styles)
    story.append(PageBreak())
    story += _notes_page(report, styles, today)
    return build_pdf(path, story, pagesize=A4, title=report.title, subject=report.period.label, margins=MARGINS)


def _styles() -> dict[str, ParagraphStyle]:
    styles = paragraph_styles()
    styles["section"] = ParagraphStyle("section", parent=styles["body"], fontName=FONT_BOLD, fontSize=13,
                                       leading=18, spaceBefore=6, spaceAfter=4)
    styles["list_title"] = ParagraphStyle("list_title", parent=styles["body"], fontName=FONT_BOLD, fontSize=11,
                                          leading=15, spaceBefore=6, spaceAfter=3)
    styles["small"] = ParagraphStyle("small", parent=styles["meta"], fontSize=8.5, leading=12)
    styles["notes"] = ParagraphStyle("notes", parent=styles["body"], fontSize=12, leading=21, firstLineIndent=24,
                                     spaceAfter=4)
    styles["right"] = ParagraphStyle("right", parent=styles["body"], alignment=TA_RIGHT)
    return styles


def _section(text: str, styles) -> Paragraph:
    return Paragraph(markup(text), styles["section"])


MEASURE_WORDS = {"网格": "个", "楼栋": "栋", "住户": "户", "关爱户": "户"}  # people otherwise: 人


def _basics_line(report: WorkReport) -> str:
    parts = [f"{label} {value:,} {MEASURE_WORDS.get(label, '人')}" for label, value in report.basics]
    return f"基本情况（截至{cn_date(report.as_of)}）：" + "，".join(parts) + "。"


# ---------------------------------------------------------------- headline figures


def figure_text(value: float | None, kind: str) -> str:
    """A figure as printed: counts with thousands separators, percentages and days with one decimal."""
    if value is None:
        return "—"
    if kind == "percent":
        return f"{value:.1f}%"
    if kind in ("days", "hours"):
        return f"{value:,.1f}"
    return f"{int(value):,}"


def change_text(figure: Figure) -> str:
    """How this period differs from the last: +12 / −3 / 持平, percentage points for rates."""
    if figure.this is None or figure.last is None:
        return "—"
    delta = round(figure.this - figure.last, 1)
    if abs(delta) < 0.05:
        return "持平"
    sign = "+" if delta > 0 else "−"
    if figure.kind == "percent":
        return f"{sign}{abs(delta):.1f} 个百分点"
    if figure.kind in ("days", "hours"):
        return f"{sign}{abs(delta):,.1f}"
    return f"{sign}{int(abs(delta)):,}"


def _figures_table(report: WorkReport) -> Table:
    rows = [["指标", report.this_label, report.last_label, "增减"]]
    rows += [[f.label, figure_text(f.this, f.kind), figure_text(f.last, f.kind), change_text(f)]
             for f in report.figures]
    widths = [70 * mm, 36 * mm, 36 * mm, WIDTH - 142 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("FONTNAME", (1, 1), (1, -1), FONT_BOLD),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]))
    return table


# ---------------------------------------------------------------- charts


def _chart(spec: ChartSpec) -> Flowable:
    common = dict(title=spec.title, width=WIDTH, height=CHART_HEIGHT, percent=spec.percent, unit=spec.unit)
    if spec.kind == "line":
        return line_chart(spec.labels, spec.series, **common)
    if spec.kind == "grouped":
        return grouped_bar_chart(spec.labels, spec.series, **common)
    return bar_chart(spec.labels, spec.series[0].values, **common)


# ---------------------------------------------------------------- attention lists


def _attention(attention: AttentionList, styles) -> list[Flowable]:
    heading = Paragraph(markup(attention.title), styles["list_title"])
    if not attention.total:
        return [KeepTogether([heading, Paragraph("无。", styles["body"])])]
    widths = _fit([w * mm for w in attention.widths_mm])
    table = ledger_table(["序号", *attention.header], [[str(n), *row] for n, row in enumerate(attention.rows, 1)],
                         [8 * mm, *widths], align_center={0}, wrap_cols={c + 1 for c in attention.wrap})
    out: list[Flowable] = [CondPageBreak(40 * mm), heading, table]
    tail = []
    if attention.more:
        tail.append(f"另有 {attention.more:,} {attention.noun}未列出。")
    if attention.note:
        tail.append(attention.note)
    if tail:
        out.append(Paragraph(markup(clean_text("".join(tail))), styles["small"]))
    return out


def _fit(widths: list[float]) -> list[float]:
    """Column widths scaled to the page (after the 序号 column)."""
    room = WIDTH - 8 * mm
    total = sum(widths)
    return [w * room / total for w in widths]


# ---------------------------------------------------------------- notes and signature


def _notes_page(report: WorkReport, styles, today: date) -> list[Flowable]:
    title = "四、本月重点工作" if report.kind == "monthly" else "四、全年重点工作"
    out: list[Flowable] = [_section(title, styles)]
    paragraphs = [p.strip() for p in clean_text(report.notes).splitlines() if p.strip()]
    if paragraphs:
        out += [Paragraph(markup(p), styles["notes"]) for p in paragraphs]
    else:
        out.append(_ruled_lines(NOTE_LINES))
    out += signature_block(filled_on="")
    out.append(Spacer(1, 8 * mm))
    out.append(Paragraph(markup(report.unit), styles["right"]))
    out.append(Paragraph(markup(cn_date(today)), styles["right"]))
    return out


def _ruled_lines(count: int) -> Table:
    """Blank ruled lines to write the month's notable work by hand."""
    table = Table([[""] for _ in range(count)], colWidths=[WIDTH], rowHeights=[9 * mm] * count)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, "grey"), ("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return table
