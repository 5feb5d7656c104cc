"""报到服务情况反馈表: one A4 portrait sheet per in-service member for their own Party organisation."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session, select

from gridkeeper.domain.enums import Gender, label_of
from gridkeeper.reports.fonts import FONT, FONT_BOLD
from gridkeeper.reports.layout import build_pdf, markup, paragraph_styles
from gridkeeper.reports.ledger_data import Period, Privacy, Where, cn_date
from gridkeeper.reports.ledger_work import registered_members
from gridkeeper.storage.models import Grid, Member, ServiceRecord

SHEET_TITLE = "在职党员到社区报到服务情况反馈表"
ASSESSMENTS = ("优秀", "合格", "基本合格", "不合格")
NO_SERVICE = "本期无服务记录"
MAX_LISTED = 14  # activities listed by name; more are counted
_GAP = "&nbsp;" * 8  # Paragraph collapses ordinary and ideographic spaces
WIDTHS_MM = (30, 36, 24, 30, 20, 40)  # 180 mm: A4 portrait less 15 mm margins


@dataclass
class MemberSheet:
    """What one member's sheet says."""

    member: Member
    grid_name: str
    records: list[ServiceRecord]

    @property
    def hours(self) -> float:
        return sum(r.hours for r in self.records)

    @property
    def points(self) -> int:
        return sum(r.points for r in self.records)


def member_sheets(session: Session, place: Where, period: Period) -> list[MemberSheet]:
    """A sheet per member on the register in the period, with their services in it."""
    members = registered_members(session, place, period)
    grids = {g.id: g.name for g in session.exec(select(Grid))}
    records: dict[int, list[ServiceRecord]] = {}
    query = select(ServiceRecord).where(ServiceRecord.served_on >= period.start, ServiceRecord.served_on < period.end)
    for record in session.exec(query.order_by(ServiceRecord.served_on, ServiceRecord.id)):
        records.setdefault(record.member_id, []).append(record)
    return [MemberSheet(m, grids.get(m.grid_id, ""), records.get(m.id, [])) for m in members]


def _styles() -> dict[str, ParagraphStyle]:
    base = paragraph_styles()
    cell = ParagraphStyle("fb-cell", parent=base["body"], fontSize=11, leading=16)
    return {
        "title": ParagraphStyle("fb-title", parent=base["title"], fontSize=18, leading=26),
        "sub": base["subtitle"],
        "cell": cell,
        "label": ParagraphStyle("fb-label", parent=cell, fontName=FONT_BOLD, alignment=TA_CENTER),
        "warn": ParagraphStyle("fb-warn", parent=cell, fontName=FONT_BOLD, fontSize=12, leading=18),
        "seal": ParagraphStyle("fb-seal", parent=cell, alignment=TA_RIGHT, leading=22),
    }


def _activities(sheet: MemberSheet, privacy: Privacy) -> str:
    if not sheet.records:
        return NO_SERVICE
    listed = [f"{r.served_on.month}月{r.served_on.day}日 {privacy.text(r.activity)}（{r.hours:g}小时）"
              for r in sheet.records[:MAX_LISTED]]
    more = len(sheet.records) - MAX_LISTED
    return "\n".join(listed + ([f"……另有 {more} 次"] if more > 0 else []))


def _account(sheet: MemberSheet, period: Period) -> str:
    if not sheet.records:
        return f"{period.label}未参加社区（网格）组织的服务活动。"
    return (f"{period.label}参加社区（网格）服务活动 {len(sheet.records)} 次，累计服务 {sheet.hours:g} 小时，"
            f"获得积分 {sheet.points} 分。")


def _assessment(sheet: MemberSheet, st: dict) -> list:
    boxes = Paragraph(_GAP.join(f"□&nbsp;{a}" for a in ASSESSMENTS), st["cell"])
    if sheet.records:
        return [boxes]
    return [boxes, Paragraph(markup(f"※ {NO_SERVICE}：不能评定为“合格”及以上"), st["warn"])]


def sheet_story(sheet: MemberSheet, period: Period, community: str, privacy: Privacy) -> list:
    """One member's sheet as flowables (a page)."""
    st, m = _styles(), sheet.member

    def p(text: object, style: str = "cell") -> Paragraph:
        return Paragraph(markup(str(text)), st[style])

    lab = lambda text: p(text, "label")  # noqa: E731
    rows = [
        [lab("姓名"), p(m.name), lab("性别"), p(label_of(Gender, m.gender)), lab("联系电话"), p(privacy.phone(m.phone))],
        [lab("工作单位\n及职务"), p(f"{m.employer}　{m.job_title}".strip()), "", "", "", ""],
        [lab("所在党组织"), p(m.party_org), "", "", "", ""],
        [lab("报到社区\n（网格）"), p(f"{community}{sheet.grid_name}"), "", lab("报到时间"), p(cn_date(m.registered_on)), ""],
        [lab("认领岗位"), p(m.post or "未认领"), "", "", "", ""],
        [lab("参加活动"), p(_activities(sheet, privacy), "warn" if not sheet.records else "cell"), "", "", "", ""],
        [lab("服务次数"), p(len(sheet.records)), lab("服务时长"), p(f"{sheet.hours:g} 小时"), lab("积分"), p(sheet.points)],
        [lab("服务情况\n简述"), p(_account(sheet, period)), "", "", "", ""],
        [lab("社区党组织\n评价意见"), _assessment(sheet, st), "", "", "", ""],
        [lab("社区党组织\n意见"), Paragraph(f"<br/><br/>（盖章）{_GAP}<br/>年{_GAP}月{_GAP}日{_GAP}", st["seal"]), "", "", "", ""],
    ]
    table = Table(rows, colWidths=[w * mm for w in WIDTHS_MM],
                  rowHeights=[None] * 5 + [None, None, 26 * mm, 22 * mm, 40 * mm])
    spans = [("SPAN", (1, r), (5, r)) for r in (1, 2, 4, 5, 7, 8, 9)] + [("SPAN", (1, 3), (2, 3)),
                                                                          ("SPAN", (4, 3), (5, 3))]
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6), *spans]))
    return [p(SHEET_TITLE, "title"), p(f"（{period.label}）", "sub"), Spacer(1, 4 * mm), table]


def write_feedback_sheets(session: Session, place: Where, period: Period, path: str | os.PathLike[str], *,
                          privacy: Privacy, today: date | None = None) -> int:
    """Every member's sheet in one portrait PDF; returns how many sheets."""
    sheets = member_sheets(session, place, period)
    if not sheets:
        from gridkeeper.services.errors import ServiceError

        raise ServiceError(f"{place.unit}在{period.label}没有在册的报到党员")
    story: list = []
    for sheet in sheets:
        story += [*sheet_story(sheet, period, place.community, privacy), PageBreak()]
    build_pdf(path, story[:-1], title=f"{place.unit}{SHEET_TITLE}（{period.label}）",
              margins=(18 * mm, 15 * mm, 16 * mm, 15 * mm))
    return len(sheets)
