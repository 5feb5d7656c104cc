"""楼栋长公示牌: one wall sheet per building, legible from two metres; leaders only, never residents."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph
from sqlmodel import Session, select

from gridkeeper.domain.address import building_key
from gridkeeper.domain.enums import LeaderRole
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.reports.contact_qr import draw_qr, office_vcard, vcard
from gridkeeper.reports.fonts import FONT, FONT_BOLD, register_fonts
from gridkeeper.reports.layout import atomic_write, markup
from gridkeeper.reports.ledger_data import cn_date
from gridkeeper.services.errors import ServiceError
from gridkeeper.services.geography import get_community, require_grid
from gridkeeper.services.leader_photos import photos_of
from gridkeeper.services.leader_posts import posts
from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Building, Community, Compound, Grid, LeaderAssignment

DUTIES = "宣传政策法规、收集社情民意、排查矛盾纠纷、协助服务群众、监督物业服务"
DEFAULT_PLEDGE = "亮身份、作表率，热心为邻里服务，居民有事随时找我。"
VACANT = "待补选"
RED = colors.HexColor("#B71C1C")
INK = colors.HexColor("#111111")
PHOTO_W, PHOTO_H = 36, 48  # mm on A4 (3:4): the stored 360 × 480 px print at 254 dpi
LEADER_QR, HOTLINE_QR = 44, 32  # mm on A4: modules of ~0.8 and ~0.6 mm, scanned from arm's length
FOOTER_TOP = 64  # mm on A4: the box with the steward, the hotline and its QR code


@dataclass
class Post:
    """A leader post on a wall sheet: where, and who holds it (None when vacant)."""

    place: str
    leader: LeaderAssignment | None


@dataclass
class BuildingCard:
    """A building of a grid with its building leader and unit leaders: all a wall sheet or notice needs."""

    building_id: int
    compound: str
    label: str
    leader: LeaderAssignment | None
    units: list[Post] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.compound}{self.label}"


@dataclass
class WallContext:
    """The grid and community the sheets name at the bottom."""

    community: Community | None
    grid: Grid

    @property
    def community_name(self) -> str:
        return self.community.name if self.community else "本社区"


def building_cards(session: Session, grid: Grid) -> list[BuildingCard]:
    """Every building of the grid in natural order with its leaders (vacant posts as None)."""
    compounds = dict(session.exec(select(Compound.id, Compound.name)).all())
    cards: list[BuildingCard] = []
    for post in posts(session, Scope(grid_id=grid.id)):
        if post.role == LeaderRole.BUILDING:
            building = session.get(Building, post.scope_id)
            cards.append(BuildingCard(post.scope_id, compounds.get(building.compound_id, ""), building.label,
                                      post.leader))
        elif post.role == LeaderRole.UNIT and cards:
            cards[-1].units.append(Post(post.label.removeprefix(cards[-1].name), post.leader))
    return cards


def wall_context(session: Session, grid_code: str) -> WallContext:
    from gridkeeper.services.visibility import readable_grid

    return WallContext(get_community(session), require_grid(session, readable_grid(session, grid_code)))


# ---------------------------------------------------------------- drawing


class _Sheet:
    """Draws one building's sheet; every length is scaled by the paper (A3 is A4 × 1.414)."""

    def __init__(self, c: canvas.Canvas, size: tuple[float, float], where: WallContext, day: date,
                 photos: dict[int, bytes] | None = None):
        self.c, (self.w, self.h), self.where, self.day = c, size, where, day
        self.photos = photos or {}
        self.k = self.w / A4[0]
        self.left, self.right = 16 * mm * self.k, self.w - 16 * mm * self.k

    def text(self, x: float, y: float, s: str, size: float, *, bold: bool = False, colour=INK,
             align: str = "left") -> float:
        """Draw `s` with its baseline at y; returns its width."""
        font, size = (FONT_BOLD if bold else FONT), size * self.k
        self.c.setFont(font, size)
        self.c.setFillColor(colour)
        draw = {"left": self.c.drawString, "centre": self.c.drawCentredString, "right": self.c.drawRightString}
        draw[align](x, y, s)
        return stringWidth(s, font, size)

    def fitted(self, s: str, size: float, width: float, *, bold: bool = False, least: float = 0.7) -> float:
        """The type size (unscaled) at which `s` fits `width`, not below `least` × size."""
        natural = stringWidth(s, FONT_BOLD if bold else FONT, size * self.k)
        return size * max(least, min(1.0, width / natural)) if natural else size

    def _paragraph(self, text: str, size: float, bold_label: str) -> tuple[Paragraph, float]:
        style = ParagraphStyle("wall", fontName=FONT, fontSize=size * self.k, leading=size * 1.45 * self.k,
                               wordWrap="CJK", alignment=TA_LEFT, textColor=INK)
        lead = f"<font name='{FONT_BOLD}'>{markup(bold_label)}</font>" if bold_label else ""
        p = Paragraph(lead + markup(text), style)
        _, height = p.wrapOn(self.c, self.right - self.left, self.h)
        return p, height

    def para(self, y: float, text: str, size: float, *, bold_label: str = "") -> float:
        """A wrapped paragraph under y across the sheet; returns the y under it."""
        p, height = self._paragraph(text, size, bold_label)
        p.drawOn(self.c, self.left, y - height)
        return y - height

    def draw(self, card: BuildingCard) -> None:
        mm_ = mm * self.k
        y = self.h - 24 * mm_
        self.text(self.w / 2, y, f"{card.label}楼栋长公示牌", 34, bold=True, colour=RED, align="centre")
        y -= 10 * mm_
        self.text(self.w / 2, y, f"{card.compound}　{self.where.grid.name}", 16, align="centre")
        y -= 6 * mm_
        self.c.setStrokeColor(RED)
        self.c.setLineWidth(2 * self.k)
        self.c.line(self.left, y, self.right, y)
        y = self._building_leader(card, y - 16 * mm_)
        pledge = card.leader.pledge if card.leader and card.leader.pledge else DEFAULT_PLEDGE
        duties = self._paragraph(DUTIES, 16, "职责：")[1] + 11 * mm_
        for pledge_size in (20, 18, 16):  # a long pledge gives way before the unit leaders' rows shrink far
            room = y - 6 * mm_ - duties - self._paragraph(pledge, pledge_size, "承诺：")[1] - (FOOTER_TOP + 4) * mm_
            if self._unit_rows_fit(card, room):
                break
        y = self._unit_leaders(card, y - 6 * mm_, room=room)
        y = self.para(y - 6 * mm_, DUTIES, 16, bold_label="职责：")
        self.para(y - 5 * mm_, pledge, pledge_size, bold_label="承诺：")
        self._footer()

    def _building_leader(self, card: BuildingCard, y: float) -> float:
        """The building leader: name, 中共党员, phone (with the photo at the left when one was added) and
        their QR code at the right. A vacant post points to the grid steward, whose QR code is printed."""
        mm_ = mm * self.k
        top = y + 11 * mm_  # the cap height of the 40 pt name above its baseline
        qr_x = self.right - LEADER_QR * mm_
        bottom = self._contact_qr(card, qr_x, top)
        leader = card.leader
        photo = self.photos.get(leader.id) if leader else None
        x = self.left + 32 * mm_
        if photo:  # the photo takes the label's column; the label goes over the name
            self.c.drawImage(ImageReader(io.BytesIO(photo)), self.left, top - PHOTO_H * mm_, PHOTO_W * mm_,
                             PHOTO_H * mm_)
            x = self.left + (PHOTO_W + 6) * mm_
            self.text(x, top - 7 * mm_, "楼栋长", 20, bold=True, colour=RED)
            y = top - 22 * mm_
            bottom = min(bottom, top - PHOTO_H * mm_ - 4 * mm_)
        else:
            self.text(self.left, y, "楼栋长", 20, bold=True, colour=RED)
        room = qr_x - x - 6 * mm_
        if leader is None:
            self.text(x, y, VACANT, 36, bold=True)
            y -= 16 * mm_
            line = f"暂请联系网格员 {self.where.grid.steward_name} {self.where.grid.steward_phone}"
            self.text(x, y, line, self.fitted(line, 22, room))
            return min(y - 6 * mm_, bottom)
        width = self.text(x, y, leader.person_name, self.fitted(leader.person_name, 40, room, bold=True), bold=True)
        if leader.is_party_member:
            self.text(x + width + 6 * mm_, y, "中共党员", 18, bold=True, colour=RED)
        y -= 17 * mm_
        phone = f"电话 {leader.person_phone}"
        self.text(x, y, phone, self.fitted(phone, 32, room, bold=True), bold=True)
        return min(y - 6 * mm_, bottom)

    def _contact_qr(self, card: BuildingCard, x: float, top: float) -> float:
        """The building leader's contact (the steward's when the post is vacant) as a QR code with a
        label under it; returns the y under the label."""
        mm_ = mm * self.k
        size = LEADER_QR * mm_
        leader, grid = card.leader, self.where.grid
        if leader is not None:
            text = vcard(leader.person_name, leader.person_phone, title=f"{card.label}楼栋长", org=self._short_name())
            label = "扫码保存楼栋长电话"
        elif grid.steward_name and grid.steward_phone:
            text = vcard(grid.steward_name, grid.steward_phone, title=f"{grid.name}网格员", org=self._short_name())
            label = "扫码保存网格员电话"
        else:
            return top
        draw_qr(self.c, text, x, top - size, size)
        self.text(x + size / 2, top - size - 4 * mm_, label, 12, bold=True, align="centre")
        return top - size - 7 * mm_

    def _unit_row(self, card: BuildingCard, room: float) -> float:
        """The height of a unit leader's row: 15 mm, less when `room` is short, never under 7 mm."""
        mm_ = mm * self.k
        if len(card.units) < 2:
            return 15 * mm_
        return min(15 * mm_, max(7 * mm_, (room - 15 * mm_) / (len(card.units) - 1)))

    def _unit_rows_fit(self, card: BuildingCard, room: float) -> bool:
        return len(card.units) < 2 or (room - 15 * mm * self.k) / (len(card.units) - 1) >= 9 * mm * self.k

    def _unit_leaders(self, card: BuildingCard, y: float, room: float) -> float:
        if not card.units:
            return y
        mm_ = mm * self.k
        # Rows shrink only when the units would not leave room for the duties, pledge and footer.
        row = self._unit_row(card, room)
        scale = row / (15 * mm_)
        size = lambda s: s * max(scale, 0.62)  # noqa: E731
        self.text(self.left, y - 7 * mm_, "单元长", 20, bold=True, colour=RED)
        y -= 7 * mm_
        for post in card.units:
            x = self.left + 32 * mm_
            self.text(x, y, post.place, size(20))
            if post.leader is None:
                self.text(x + 30 * mm_, y, f"{VACANT}（请联系网格员 {self.where.grid.steward_phone}）", size(18))
            else:
                width = self.text(x + 30 * mm_, y, post.leader.person_name, size(26), bold=True)
                if post.leader.is_party_member:
                    self.text(x + 32 * mm_ + width, y, "中共党员", size(13), colour=RED)
                self.text(self.right, y, post.leader.person_phone, size(24), bold=True, align="right")
            y -= row
        return y + row - 8 * mm_

    def _short_name(self) -> str:
        """福康社区 of 福康社区居民委员会: what a contact is filed under on a phone."""
        return self.where.community_name.removesuffix("居民委员会") or self.where.community_name

    def _footer(self) -> None:
        mm_ = mm * self.k
        grid, community = self.where.grid, self.where.community
        top = FOOTER_TOP * mm_
        self.c.setStrokeColor(RED)
        self.c.setLineWidth(1.2 * self.k)
        self.c.roundRect(self.left, 22 * mm_, self.right - self.left, top - 22 * mm_, 3 * mm_)
        self.text(self.left + 6 * mm_, top - 12 * mm_, f"网格员：{grid.steward_name}　{grid.steward_phone}", 20,
                  bold=True)
        hotline = community.hotline if community else ""
        supervision = community.supervision_phone if community else ""
        self.text(self.left + 6 * mm_, top - 24 * mm_, f"社区服务热线：{hotline}", 18)
        self.text(self.left + 6 * mm_, top - 34 * mm_, f"监督电话：{supervision}", 16)
        if hotline:
            size = HOTLINE_QR * mm_
            x = self.right - 4 * mm_ - size
            draw_qr(self.c, office_vcard(f"{self._short_name()}服务热线", [("服务热线", hotline)]), x,
                    top - 2 * mm_ - size, size)
            self.text(x + size / 2, 25 * mm_, "扫码保存社区热线", 11, bold=True, align="centre")
        self.text(self.w / 2, 13 * mm_, f"{self.where.community_name}居民委员会　{cn_date(self.day)}", 14,
                  align="centre")


def one_building(cards: list[BuildingCard], label: str) -> list[BuildingCard]:
    """The card of the building called `label` ("7号楼", "7栋" or "幸福家园7号楼"); a clear error if none."""
    chosen = [c for c in cards if label in (c.label, c.name) or _key(c.label) == _key(label)]
    if not chosen:
        raise ServiceError(f"这个网格里没有楼栋“{label}”")
    return chosen


def _key(label: str) -> str:
    try:
        return building_key(label)
    except ValueRuleError:
        return label


def write_roster(session: Session, grid_code: str, path: str | os.PathLike[str], *, a3: bool = False,
                 building: str | None = None, today: date | None = None, invariant: bool = False,
                 progress=None) -> int:
    """One wall sheet per building of the grid (or only `building`'s); returns the number of pages."""
    where = wall_context(session, grid_code)
    cards = building_cards(session, where.grid)
    if not cards:
        raise ServiceError(f"网格 {where.grid.code} 还没有楼栋")
    if building:
        cards = one_building(cards, building)
    register_fonts()
    size = A3 if a3 else A4
    with atomic_write(path, private=False) as tmp:  # a wall sheet: building leaders only
        c = canvas.Canvas(str(tmp), pagesize=size, invariant=1 if invariant else 0, initialFontName=FONT)
        c.setTitle(f"{where.community_name}{where.grid.name}楼栋长公示牌")
        c.setAuthor("GridKeeper")
        photos = photos_of(session, [card.leader.id for card in cards if card.leader])
        sheet = _Sheet(c, size, where, today or date.today(), photos)
        for n, card in enumerate(cards, 1):
            sheet.draw(card)
            c.showPage()
            if progress:
                progress(n, len(cards))
        c.save()
    return len(cards)
