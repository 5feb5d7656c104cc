"""走访清单: the households of a round (due ones or all), in walking order, with blank columns to write in."""

from __future__ import annotations

import os
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session, select

from gridkeeper.domain.address import building_key
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.reports.fonts import FONT
from gridkeeper.reports.layout import build_pdf, ledger_heading, ledger_table, markup, paragraph_styles
from gridkeeper.reports.ledger_data import LedgerColumn, LedgerData, cn_date, iso, tag_labels, where
from gridkeeper.reports.ledgers import LANDSCAPE_MARGINS
from gridkeeper.services.addresses import summaries
from gridkeeper.services.coverage import care_schedule
from gridkeeper.services.errors import ServiceError
from gridkeeper.services.household_list import household_ids
from gridkeeper.services.settings import visit_frequency
from gridkeeper.storage.models import Building, Compound

COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("楼栋", 28, wrap=True), LedgerColumn("单元", 14, centre=True),
    LedgerColumn("房号", 14, centre=True), LedgerColumn("户主", 17), LedgerColumn("人数", 11, centre=True),
    LedgerColumn("关爱标签", 38, wrap=True), LedgerColumn("最近走访", 21, centre=True),
    LedgerColumn("应访情况", 21, centre=True), LedgerColumn("是否在家", 22), LedgerColumn("走访情况", 44, wrap=True),
    LedgerColumn("诉求", 32, wrap=True),
)
HOME_BOXES = "□在家\n□不在家"
WRITE_IN = "\n\n"  # three empty lines: room to write findings by hand


def _buildings(session: Session, grid_id: int, label: str | None) -> dict[int, str]:
    """Building id → compound + label for the grid, or just the building(s) called `label`."""
    query = (select(Building.id, Building.key, Building.label, Compound.name)
             .join(Compound, Compound.id == Building.compound_id).where(Building.grid_id == grid_id))
    rows = session.exec(query).all()
    if not label:
        return {r[0]: f"{r[3]}{r[2]}" for r in rows}
    try:
        key = building_key(label)
    except ValueRuleError:
        key = label
    chosen = {r[0]: f"{r[3]}{r[2]}" for r in rows if r[1] == key or label in (r[2], f"{r[3]}{r[2]}")}
    if not chosen:
        raise ServiceError(f"这个网格里没有楼栋“{label}”")
    return chosen


def _due(session: Session, place, today: date) -> dict[int, int]:
    """Household id → days overdue (0 = due today) for households due now, care and ordinary alike."""
    due = {d.household_id: d.overdue_days for d in care_schedule(session, today=today, scope=place.scope,
                                                                 include_migrants=True)}
    ordinary = visit_frequency(session).ordinary_days
    out = {k: v for k, v in due.items() if v >= 0}
    for home in summaries(session, household_ids(session, scope=place.scope)):
        if home.id in due:
            continue
        late = (today - home.last_visit_on).days - ordinary if home.last_visit_on else 0
        if late >= 0:
            out[home.id] = late
    return out


def checklist_data(session: Session, grid_code: str, *, building: str | None = None, due_only: bool = False,
                   unvisited_this_month: bool = False, today: date | None = None) -> LedgerData:
    """The rows of a round: building, unit, floor order; due-ness and blank columns to fill by hand.
    `unvisited_this_month` keeps the households with no visit since the 1st of today's month."""
    today = today or date.today()
    month_start = today.replace(day=1)
    place = where(session, grid_code)
    names = _buildings(session, place.grid.id, building)
    due = _due(session, place, today)
    ids = [i for i in household_ids(session, scope=place.scope, sort="address") if not due_only or i in due]
    rows = []
    for home in summaries(session, ids):
        if home.building_id not in names:
            continue
        if unvisited_this_month and home.last_visit_on and home.last_visit_on >= month_start:
            continue
        late = due.get(home.id)
        mark = "" if late is None else ("今日应访" if late == 0 else f"超期{late}天")
        rows.append([len(rows) + 1, names[home.building_id], home.unit, home.room, home.head_name, home.residents,
                     tag_labels(home.care_tags), iso(home.last_visit_on) or "未走访", mark, HOME_BOXES, WRITE_IN, ""])
    subject = building if building else "全网格"
    which = ("·应访户" if due_only else "") + (f"·{today.month}月未走访户" if unvisited_this_month else "")
    title = f"{place.unit}走访清单（{subject}{which}）"
    return LedgerData("checklist", title, place.unit, f"打印日期：{cn_date(today)}", COLUMNS, rows)


def _round_signature() -> list:
    style = paragraph_styles()["meta"]
    gap = "&nbsp;" * 16
    cells = [Paragraph(f"{markup(label)}：{gap}", style) for label in ("走访人", "走访日期", "录入系统人", "录入日期")]
    line = Table([cells], colWidths=["25%"] * 4)
    line.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return [Spacer(1, 5 * mm), line]


def write_checklist(data: LedgerData, path: str | os.PathLike[str]) -> None:
    """The round as an A4 landscape PDF to carry on a clipboard."""
    if not data.rows:
        raise ServiceError("没有需要走访的住户（可改为列出全部住户再试）")
    table = ledger_table(data.header, data.rows, [w * mm for w in data.widths_mm], wrap_cols=data.wrap_cols,
                         align_center=data.centre_cols)
    story = [*ledger_heading(data.title, data.unit, data.period.removeprefix("打印日期：")), table,
             *_round_signature()]
    build_pdf(path, story, pagesize=landscape(A4), title=data.title, margins=LANDSCAPE_MARGINS)
