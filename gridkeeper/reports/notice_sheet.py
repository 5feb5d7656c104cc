"""Notice sheets: a GB/T 9704-style A4 page per building, filled with that building's name and leader."""

from __future__ import annotations

import os
import re
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph, Spacer
from sqlmodel import Session

from gridkeeper.reports.fonts import FONT, FONT_BOLD, register_fonts
from gridkeeper.reports.layout import atomic_write, markup
from gridkeeper.reports.notices import NoticeTemplate, fill, official_date
from gridkeeper.reports.roster import VACANT, BuildingCard, WallContext, building_cards, wall_context
from gridkeeper.services.errors import ServiceError

# GB/T 9704-2012: top 37 mm, left 28 mm, text block 156 × 225 mm; the contact line sits under it.
TOP, LEFT, TEXT_WIDTH, TEXT_HEIGHT = 37 * mm, 28 * mm, 156 * mm, 225 * mm
CONTACT_ROOM = 24 * mm  # taken from the bottom of the text block for the contact box
TITLE_SIZE, BODY_SIZE = 22, 16
BODY_LEADING = 28.9  # 22 lines in 225 mm, as the standard sets them
SALUTATION = re.compile(r"^.{0,30}[：:]$")  # 各位居民： stays flush left


class _Contact(Flowable):
    """Tells the page which building's contact line to print at its foot."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, *_args) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._gridkeeper_contact = self.text


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = dict(fontName=FONT, fontSize=BODY_SIZE, leading=BODY_LEADING, wordWrap="CJK")
    return {
        "title": ParagraphStyle("n-title", fontName=FONT_BOLD, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.45,
                                alignment=TA_CENTER, wordWrap="CJK", spaceAfter=BODY_LEADING * 0.6),
        "salutation": ParagraphStyle("n-sal", **base),
        "body": ParagraphStyle("n-body", **base, firstLineIndent=2 * BODY_SIZE, alignment=TA_JUSTIFY),
        "contact": ParagraphStyle("n-contact", fontName=FONT, fontSize=14, leading=20, wordWrap="CJK"),
    }


def _signature(issuer: str, when: str) -> list[Flowable]:
    """Issuer centred over the date; the date four characters in from the right (成文日期右空四字)."""
    date_indent = 4 * BODY_SIZE
    date_width, issuer_width = (stringWidth(t, FONT, BODY_SIZE) for t in (when, issuer))
    issuer_indent = max(0.0, date_indent + (date_width - issuer_width) / 2)
    style = lambda indent: ParagraphStyle(f"n-sig-{indent:.0f}", fontName=FONT, fontSize=BODY_SIZE,  # noqa: E731
                                          leading=BODY_LEADING, alignment=TA_RIGHT, rightIndent=indent)
    return [Spacer(1, BODY_LEADING), Paragraph(markup(issuer), style(issuer_indent)),
            Paragraph(markup(when), style(date_indent))]


def placeholders(template: NoticeTemplate, card: BuildingCard, where: WallContext, today: date) -> dict:
    """What {building}, {leader}, … stand for on this building's sheet."""
    leader = card.leader
    return {
        "building": card.name, "community": where.community_name, "grid": where.grid.name,
        "leader": leader.person_name if leader else VACANT, "leader_phone": leader.person_phone if leader else "",
        "steward": where.grid.steward_name, "steward_phone": where.grid.steward_phone,
        "time": template.time, "place": template.place,
        "issuer": template.issuer.strip() or f"{where.community_name}居民委员会",
        "date": official_date(template.date, today),
    }


def contact_line(card: BuildingCard, where: WallContext) -> str:
    leader = card.leader
    who = f"{leader.person_name} {leader.person_phone}" if leader else f"{VACANT}（请联系网格员）"
    hotline = where.community.hotline if where.community else ""
    return (f"联系人：{card.label}楼栋长 {who}；网格员 {where.grid.steward_name} {where.grid.steward_phone}；"
            f"社区服务热线 {hotline}")


def notice_story(template: NoticeTemplate, card: BuildingCard, where: WallContext, today: date) -> list:
    """One building's notice: title, body paragraphs, issuer and date."""
    st, values = _styles(), placeholders(template, card, where, today)
    story: list[Flowable] = [_Contact(contact_line(card, where)),
                             Paragraph(markup(fill(template.title, values)), st["title"])]
    lines = [line.strip() for line in fill(template.body, values).split("\n") if line.strip()]
    if template.time and "{time}" not in template.body:
        lines.append(f"时间：{template.time}")
    if template.place and "{place}" not in template.body:
        lines.append(f"地点：{template.place}")
    for n, line in enumerate(lines):
        style = st["salutation"] if n == 0 and SALUTATION.match(line) else st["body"]
        story.append(Paragraph(markup(line), style))
    return story + _signature(values["issuer"], values["date"])


def _draw_contact(canv, _doc) -> None:
    text = getattr(canv, "_gridkeeper_contact", "")
    if not text:
        return
    bottom = A4[1] - TOP - TEXT_HEIGHT
    canv.saveState()
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.6)
    canv.line(LEFT, bottom + CONTACT_ROOM - 4 * mm, LEFT + TEXT_WIDTH, bottom + CONTACT_ROOM - 4 * mm)
    para = Paragraph(markup(text), _styles()["contact"])
    _, height = para.wrapOn(canv, TEXT_WIDTH, CONTACT_ROOM)
    para.drawOn(canv, LEFT, bottom + CONTACT_ROOM - 7 * mm - height)
    canv.restoreState()


def select_buildings(cards: list[BuildingCard], spec: str | None) -> list[BuildingCard]:
    """Buildings named by `3-7`, `3,5,9` or labels such as `A座`; all of them when spec is empty."""
    if not spec or not spec.strip():
        return cards
    wanted: set[str] = set()
    ranges: list[tuple[int, int]] = []  # kept as bounds: 1-99999999999 must not become a set of numbers
    for part in re.split(r"[,，、\s]+", spec.strip()):
        if m := re.fullmatch(r"(\d+)\s*[-~至到]\s*(\d+)", part):
            ranges.append((int(m.group(1)), int(m.group(2))))
        elif part:
            wanted.add(part.removesuffix("号楼").removesuffix("栋"))

    def in_range(card: BuildingCard) -> bool:
        number = card.label.removesuffix("号楼")
        return number.isascii() and number.isdigit() and any(lo <= int(number) <= hi for lo, hi in ranges)

    chosen = [c for c in cards if c.label.removesuffix("号楼") in wanted or c.label in wanted or c.name in wanted
              or in_range(c)]
    if not chosen:
        raise ServiceError(f"这个网格里没有楼栋“{spec}”")
    return chosen


def write_notices(session: Session, template: NoticeTemplate, grid_code: str, path: str | os.PathLike[str], *,
                  buildings: str | None = None, today: date | None = None, invariant: bool = False) -> int:
    """One notice page per building of the grid (or the buildings named); returns how many."""
    where = wall_context(session, grid_code)
    cards = select_buildings(building_cards(session, where.grid), buildings)
    if not cards:
        raise ServiceError(f"网格 {where.grid.code} 还没有楼栋")
    today = today or date.today()
    story: list[Flowable] = []
    for card in cards:
        story += [*notice_story(template, card, where, today), PageBreak()]
    register_fonts()
    frame = Frame(LEFT, A4[1] - TOP - TEXT_HEIGHT + CONTACT_ROOM, TEXT_WIDTH, TEXT_HEIGHT - CONTACT_ROOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    with atomic_write(path, private=False) as tmp:  # a wall sheet: nothing about residents
        doc = BaseDocTemplate(str(tmp), pagesize=A4, title=fill(template.title, {"building": ""}) or template.label,
                              author="GridKeeper", creator="GridKeeper", lang="zh-CN", initialFontName=FONT,
                              invariant=1 if invariant else 0)
        doc.addPageTemplates([PageTemplate("notice", [frame], onPageEnd=_draw_contact)])
        doc.build(story[:-1])
    return len(cards)
