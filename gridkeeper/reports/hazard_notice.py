"""安全隐患整改通知单: the one-page rectification notice handed to the person in charge of a place, in the
notice style (GB/T 9704 margins, 22 pt title, 16 pt body indented two characters, issuer and date at the
lower right) with signature lines for the inspector and the person in charge."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlmodel import Session

from gridkeeper.domain.hazards import HazardLevel, legal_basis
from gridkeeper.reports.fonts import FONT, FONT_BOLD, register_fonts
from gridkeeper.reports.layout import atomic_write, markup
from gridkeeper.reports.ledger_data import cn_date
from gridkeeper.services.geography import get, get_community
from gridkeeper.services.accounts import PermissionDenied
from gridkeeper.services.hazards import where_found
from gridkeeper.services.safety_places import place_address
from gridkeeper.services.visibility import visible_grid_ids
from gridkeeper.storage.hazard_models import SafetyHazard, SafetyInspection, SafetyPlace
from gridkeeper.storage.models import Visit

TITLE = "安全隐患整改通知单"
TOP, LEFT, TEXT_WIDTH, TEXT_HEIGHT = 37 * mm, 28 * mm, 156 * mm, 225 * mm  # GB/T 9704-2012
TITLE_SIZE, BODY_SIZE, LEADING = 22, 16, 28.9


@dataclass
class NoticeContent:
    """What one notice says (Qt-free, so the GUI preview and tests read the same text)."""

    number: str
    addressee: str
    paragraphs: list[str]
    inspectors: str
    person_in_charge: str
    issuer: str
    issued: str


def notice_content(session: Session, hazard_id: int, *, today: date | None = None) -> NoticeContent:
    """The notice of one hazard: who it goes to, what was found, the legal basis, what to do, by when."""
    hazard = get(session, SafetyHazard, hazard_id)
    grids = visible_grid_ids(session)
    if grids is not None and hazard.grid_id not in grids:
        raise PermissionDenied("只能打印自己负责的网格中的隐患整改通知单；这条隐患属于其他网格")
    community = get_community(session)
    issuer = community.name if community else "社区居民委员会"
    place = session.get(SafetyPlace, hazard.place_id) if hazard.place_id else None
    where = place_address(session, place) if place else where_found(session, [hazard]).get(hazard.id, "")
    inspectors = ""
    if hazard.inspection_id:
        inspection = session.get(SafetyInspection, hazard.inspection_id)
        inspectors = inspection.inspectors if inspection else ""
    elif hazard.visit_id:
        visit = session.get(Visit, hazard.visit_id)
        inspectors = visit.visitor_name if visit else ""
    responsible = hazard.responsible_person or (place.person_in_charge if place else "")
    addressee = place.name if place else (f"{responsible}（{where}）" if responsible else where)
    what = "：".join(p for p in (hazard.item, hazard.description) if p) or hazard.description
    level = HazardLevel(hazard.level).label
    found_by = f"{inspectors}在安全隐患排查中" if inspectors else "本社区在安全隐患排查中"
    subdistrict = community.subdistrict if community and community.subdistrict else "街道办事处"
    paragraphs = [
        f"{cn_date(hazard.found_on)}，{found_by}发现你处{f'（{where}）' if where else ''}存在以下安全隐患（{level}隐患）：{what}。",
        f"依据：{legal_basis(hazard.item)}",
        f"整改要求：{hazard.requirement}",
        f"请于{cn_date(hazard.deadline)}前整改完毕，并将整改情况告知社区，社区将进行复查销号。"
        f"逾期未整改或拒不整改的，社区将报告{subdistrict}和消防救援机构依法处理。",
    ]
    issued_on = hazard.notified_on or today or date.today()
    short = issuer.removesuffix("居民委员会").removesuffix("社区") or issuer
    return NoticeContent(number=f"编号：{short}安改〔{hazard.found_on.year}〕{hazard.id}号",
                         addressee=f"{addressee}：", paragraphs=paragraphs, inspectors=inspectors,
                         person_in_charge=responsible, issuer=issuer, issued=cn_date(issued_on))


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = dict(fontName=FONT, fontSize=BODY_SIZE, leading=LEADING, wordWrap="CJK")
    return {
        "title": ParagraphStyle("hn-title", fontName=FONT_BOLD, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.45,
                                alignment=TA_CENTER, wordWrap="CJK", spaceAfter=6),
        "number": ParagraphStyle("hn-no", fontName=FONT, fontSize=12, leading=18, alignment=TA_RIGHT),
        "addressee": ParagraphStyle("hn-to", **base),
        "body": ParagraphStyle("hn-body", **base, firstLineIndent=2 * BODY_SIZE, alignment=TA_JUSTIFY),
        "sign": ParagraphStyle("hn-sign", fontName=FONT, fontSize=14, leading=22, wordWrap="CJK"),
        "issuer": ParagraphStyle("hn-issuer", **base, alignment=TA_RIGHT, rightIndent=2 * BODY_SIZE),
    }


def notice_story(content: NoticeContent) -> list:
    st = _styles()
    blank = "&nbsp;" * 16
    signatures = Table(
        [[Paragraph(f"检查人（签字）：{blank}", st["sign"]),
          Paragraph(f"场所负责人（签收）：{blank}", st["sign"])],
         [Paragraph(f"日期：{blank}", st["sign"]), Paragraph(f"日期：{blank}", st["sign"])]],
        colWidths=[TEXT_WIDTH / 2] * 2)
    signatures.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("TOPPADDING", (0, 0), (-1, -1), 4)]))
    body = [Paragraph(markup(TITLE), st["title"]), Paragraph(markup(content.number), st["number"]),
            Paragraph(markup(content.addressee), st["addressee"])]
    body += [Paragraph(markup(text), st["body"]) for text in content.paragraphs]
    body += [Spacer(1, LEADING * 0.6), signatures, Spacer(1, LEADING * 0.8),
             Paragraph(markup(content.issuer), st["issuer"]), Paragraph(markup(content.issued), st["issuer"])]
    # One page whatever the text: a long description shrinks the page's type rather than spilling over.
    return [KeepInFrame(TEXT_WIDTH, TEXT_HEIGHT - 2 * mm, body, mode="shrink")]


def write_hazard_notice(session: Session, hazard_id: int, path: str | os.PathLike[str], *,
                        today: date | None = None, invariant: bool = False) -> NoticeContent:
    """Write the notice of one hazard as a one-page A4 PDF; returns what it says."""
    content = notice_content(session, hazard_id, today=today)
    register_fonts()
    bottom = A4[1] - TOP - TEXT_HEIGHT
    with atomic_write(path) as tmp:  # a form, not a ledger: no page numbers
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, topMargin=TOP, bottomMargin=bottom, leftMargin=LEFT,
                                rightMargin=A4[0] - LEFT - TEXT_WIDTH, title=f"{TITLE} {content.number}",
                                author="GridKeeper", creator="GridKeeper", lang="zh-CN", initialFontName=FONT,
                                invariant=1 if invariant else 0)
        doc.build(notice_story(content))
    return content
