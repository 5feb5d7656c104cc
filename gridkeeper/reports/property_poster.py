"""The red and black list (红黑榜) as a one-page A4 poster for the notice board, and as an xlsx workbook."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from gridkeeper.domain.property_ranking import Thresholds
from gridkeeper.reports.fonts import FONT, FONT_BOLD, register_fonts
from gridkeeper.reports.layout import HEADER_FILL, atomic_write, markup
from gridkeeper.reports.ledger_data import cn_date
from gridkeeper.reports.xlsx import write_ledger_xlsx
from gridkeeper.services.property_board import CompanyRow, PropertyBoard

TITLE = "物业服务企业红黑榜"
MARGIN = 18 * mm
RED_INK = colors.HexColor("#B00000")  # prints as a dark grey on a black-and-white printer
POSTER_HEADER = ["名次", "物业服务企业", "服务小区", "服务户数", "受理诉求", "按期办结率", "平均办结天数",
                 "超期未办", "满意度"]
POSTER_WIDTHS_MM = [11, 44, 28, 14, 14, 18, 16, 13, 16]  # 174 mm: the page less its margins
XLSX_HEADER = ["名次", "物业服务企业", "榜单", "服务小区", "服务户数", "受理诉求", "已办结", "按期办结",
               "按期办结率(%)", "平均办结天数", "超期未办", "评价件数", "满意件数", "满意度(%)", "得分", "未达标项"]
STANDING_LABELS = {"red": "红榜", "black": "黑榜", "middle": "", "too_few": "不排名"}


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def shortfalls(row: CompanyRow, rules: Thresholds) -> str:
    """Which thresholds a company is below, in words (empty when none)."""
    out = []
    f = row.figures
    if f.on_time_percent is not None and f.on_time_percent < rules.on_time_below:
        out.append(f"按期办结率低于{rules.on_time_below:g}%")
    if f.satisfaction_percent is not None and f.satisfaction_percent < rules.satisfaction_below:
        out.append(f"满意度低于{rules.satisfaction_below:g}%")
    return "、".join(out)


def compounds_text(names: list[str], *, shown: int = 2) -> str:
    """The compounds a company serves, short enough for a table cell: 阳光花园、幸福家园, or 阳光花园等12个小区."""
    if len(names) <= shown:
        return "、".join(names)
    return f"{'、'.join(names[:shown - 1])}等{len(names)}个小区"


def _poster_row(row: CompanyRow) -> list[str]:
    f = row.figures
    return [str(row.rank or ""), row.name, compounds_text(row.compounds), str(row.households), str(f.received),
            pct(f.on_time_percent), days(f.average_days), str(f.overdue_now), pct(f.satisfaction_percent)]


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": ParagraphStyle("p-title", fontName=FONT_BOLD, fontSize=26, leading=34, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("p-sub", fontName=FONT, fontSize=13, leading=20, alignment=TA_CENTER),
        "red": ParagraphStyle("p-red", fontName=FONT_BOLD, fontSize=17, leading=24, textColor=RED_INK),
        "black": ParagraphStyle("p-black", fontName=FONT_BOLD, fontSize=17, leading=24),
        "body": ParagraphStyle("p-body", fontName=FONT, fontSize=11, leading=17, wordWrap="CJK"),
        "head": ParagraphStyle("p-head", fontName=FONT_BOLD, fontSize=10.5, leading=13.5, alignment=TA_CENTER,
                               wordWrap="CJK"),
        "cell": ParagraphStyle("p-cell", fontName=FONT, fontSize=11, leading=14.5, alignment=TA_CENTER,
                               wordWrap="CJK"),
        "cell_left": ParagraphStyle("p-cell-left", fontName=FONT, fontSize=11, leading=14.5, wordWrap="CJK"),
        "note": ParagraphStyle("p-note", fontName=FONT, fontSize=10, leading=15, wordWrap="CJK"),
        "sign": ParagraphStyle("p-sign", fontName=FONT, fontSize=13, leading=21, alignment=TA_RIGHT),
    }


def _list_table(rows: list[CompanyRow], empty: str, styles) -> list:
    """A gridded table in type large enough to read at the notice board (11 pt, the header bold and shaded)."""
    if not rows:
        return [Paragraph(markup(empty), styles["body"])]
    head = [Paragraph(markup(h), styles["head"]) for h in POSTER_HEADER]
    body = [[Paragraph(markup(v), styles["cell_left" if c in (1, 2) else "cell"]) for c, v in enumerate(_poster_row(r))]
            for r in rows]
    table = Table([head, *body], colWidths=[w * mm for w in POSTER_WIDTHS_MM], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return [table]


def poster_story(board: PropertyBoard, *, hotline: str = "") -> list:
    """Title, period, the red list, the black list (with what each falls short of), those not ranked,
    the basis of the ranking, then the community and the date at the lower right."""
    styles = _styles()
    rules = board.thresholds
    story = [Paragraph(TITLE, styles["title"]),
             Paragraph(markup(f"{board.community}　{board.period.label}（诉求受理时间{cn_date(board.period.start)}"
                              f"至{cn_date(board.period.last_day)}）"), styles["subtitle"]),
             Spacer(1, 6 * mm), Paragraph("红　榜", styles["red"]), Spacer(1, 1.5 * mm)]
    story += _list_table(board.red, "本期没有企业达到红榜标准。", styles)
    story += [Spacer(1, 6 * mm), Paragraph("黑　榜", styles["black"]), Spacer(1, 1.5 * mm)]
    story += _list_table(board.black, "本期没有企业低于黑榜标准。", styles)
    falls = [f"{row.name}：{shortfalls(row, rules)}" for row in board.black]
    if falls:
        story += [Spacer(1, 1.5 * mm), Paragraph(markup("未达标项　" + "；".join(falls) + "。"), styles["note"])]
    if board.too_few:
        names = "、".join(f"{row.name}（{row.figures.received}件）" for row in board.too_few)
        story += [Spacer(1, 4 * mm), Paragraph(markup(f"诉求不足{rules.min_requests}件、本期不参与排名：{names}。"),
                                                styles["body"])]
    story += [Spacer(1, 4 * mm), Paragraph(markup(f"排名依据：{rules.basis()}"), styles["body"]),
              Paragraph(markup("按期办结率＝按期办结件数÷（已办结件数＋超期未办件数）；满意度＝“满意”“基本满意”件数÷已评价件数。"),
                        styles["note"])]
    if hotline:
        story += [Paragraph(markup(f"对物业服务有意见或建议，请拨打社区电话：{hotline}"), styles["body"])]
    story += [Spacer(1, 8 * mm), Paragraph(markup(board.community), styles["sign"]),
              Paragraph(markup(cn_date(board.today)), styles["sign"])]
    return story


def write_poster(board: PropertyBoard, path: str | os.PathLike[str], *, hotline: str = "",
                 invariant: bool = False) -> None:
    """The poster on one A4 page (a long list is set smaller rather than run onto a second page)."""
    register_fonts()
    width, height = A4
    frame_w, frame_h = width - 2 * MARGIN, height - 2 * MARGIN
    fitted = KeepInFrame(frame_w, frame_h, poster_story(board, hotline=hotline), mode="shrink")
    with atomic_write(path) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, topMargin=MARGIN, bottomMargin=MARGIN, leftMargin=MARGIN,
                                rightMargin=MARGIN, title=f"{TITLE} {board.period.label}", author="GridKeeper",
                                subject=board.community, creator="GridKeeper", lang="zh-CN",
                                initialFontName=FONT, invariant=1 if invariant else 0)
        doc.build([fitted])


def xlsx_rows(board: PropertyBoard) -> list[list]:
    """Every company: the ranked ones in order, then those not ranked; numbers stay numbers."""
    out = []
    for row in [*board.ranked, *board.too_few]:
        f = row.figures
        out.append([row.rank, row.name, STANDING_LABELS[row.standing], "、".join(row.compounds), row.households,
                    f.received, f.resolved, f.on_time, f.on_time_percent, f.average_days, f.overdue_now, f.rated,
                    f.satisfied, f.satisfaction_percent, row.score,
                    shortfalls(row, board.thresholds) if row.standing == "black" else ""])
    return out


def write_board_xlsx(board: PropertyBoard, path: str | os.PathLike[str]) -> None:
    note = ["说明", f"排名依据：{board.thresholds.basis()}", *[""] * (len(XLSX_HEADER) - 2)]
    write_ledger_xlsx(path, title=TITLE, unit=board.community, period=board.period.label, header=XLSX_HEADER,
                      rows=xlsx_rows(board), totals=[note],
                      col_widths_chars=[6, 24, 8, 20, 9, 9, 8, 9, 12, 12, 9, 9, 9, 10, 8, 26])


def write_property_board(board: PropertyBoard, path: str | os.PathLike[str], *, hotline: str = "") -> None:
    """PDF poster or xlsx workbook by the extension of `path`."""
    if Path(path).suffix.lower() == ".xlsx":
        write_board_xlsx(board, path)
    else:
        write_poster(board, path, hotline=hotline)
