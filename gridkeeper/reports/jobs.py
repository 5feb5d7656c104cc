"""One description of "print this" (document, scope, period, options) and the call that writes it, Qt-free."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from gridkeeper.reports.ledger_data import Period, Privacy, half_period, month_period, where
from gridkeeper.reports.ledger_names import HALF_YEAR_KINDS, LEDGER_NAMES
from gridkeeper.services.errors import ServiceError

DOCUMENTS = {**{f"ledger:{k}": v for k, v in LEDGER_NAMES.items()}, "feedback": "报到服务情况反馈表",
             "checklist": "走访清单", "roster": "楼栋长公示牌", "notice": "通知",
             "report:monthly": "月度工作报告", "report:annual": "年度工作总结",
             "board:grids": "网格工作考核情况表", "board:property": "物业服务企业红黑榜"}
NEEDS_GRID = {"checklist", "roster", "notice"}

# The options each document uses (the Print section shows just these; the CLI has a flag for each).
MONTH, YEAR, HALF, FULL, XLSX, BUILDING, DUE_ONLY, UNVISITED, A3, BUILDINGS, TEMPLATE, NOTES = (
    "month", "year", "half", "full", "xlsx", "building", "due_only", "unvisited", "a3", "buildings", "template",
    "notes")
OPTIONS: dict[str, frozenset[str]] = {
    **{f"ledger:{kind}": frozenset({HALF if kind in HALF_YEAR_KINDS else MONTH, FULL, XLSX})
       for kind in LEDGER_NAMES},
    "feedback": frozenset({HALF, FULL}),
    "checklist": frozenset({BUILDING, DUE_ONLY, UNVISITED}),
    "roster": frozenset({BUILDING, A3}),
    "notice": frozenset({BUILDINGS, TEMPLATE}),
    "report:monthly": frozenset({MONTH, NOTES}),
    "report:annual": frozenset({YEAR, NOTES}),
    "board:grids": frozenset({MONTH, XLSX}),
    "board:property": frozenset({MONTH, XLSX}),
}


@dataclass
class PrintJob:
    """What the user picked; `month` is the first day of a month, `half` like 2026-H2."""

    document: str
    grid_code: str | None = None
    month: date | None = None
    half: str = ""
    full: bool = False
    a3: bool = False
    building: str = ""
    due_only: bool = False
    unvisited_this_month: bool = False
    template: object | None = None  # a NoticeTemplate
    buildings: str = ""
    today: date = field(default_factory=date.today)
    notes: str = ""  # the work reports' page of notable work, as typed
    year: int | None = None  # the annual summary's year (default: the month's)

    @property
    def ledger_kind(self) -> str | None:
        return self.document.removeprefix("ledger:") if self.document.startswith("ledger:") else None

    def uses(self, option: str) -> bool:
        """Whether this document has `option` (one of OPTIONS' names)."""
        return option in OPTIONS.get(self.document, frozenset())

    @property
    def uses_half_year(self) -> bool:
        return self.uses(HALF)

    def period(self) -> Period:
        if self.uses_half_year:
            return half_period(self.half)
        return month_period((self.month or self.today).replace(day=1))

    def can_export_xlsx(self) -> bool:
        return self.uses(XLSX)

    @property
    def report_year(self) -> int:
        return self.year or (self.month or self.today).year


@dataclass(frozen=True)
class Printed:
    """What was written: a one-line description and how many rows, households, pages or sheets (and the
    document's own title, for the documents that have one: the work reports)."""

    text: str
    count: int
    title: str = ""

    def __str__(self) -> str:
        return self.text


def full_values_event(job: PrintJob, printed: Printed, path) -> tuple[str, dict]:
    """The one audit row for "full values printed or exported": its summary and detail."""
    return f"打印{printed.text}", {"file": str(path), "document": job.document, "rows": printed.count, "full": True}


def record_full_values(session: Session, job: PrintJob, printed: Printed, path) -> None:
    """That row, in the session's own transaction (the Print section's unit of work)."""
    from gridkeeper.storage.audit import record_event

    what, detail = full_values_event(job, printed, path)
    record_event(session, "export", what, detail, entity="ledger", entity_id=job.document)


def print_document(session: Session, job: PrintJob, path: str | os.PathLike[str], *,
                   record: Callable[[Session, PrintJob, Printed, Any], None] = record_full_values) -> Printed:
    """Write the document (`produce`) and, when it shows full ID numbers and phones, `record` that in the
    audit trail; if that record cannot be written the file is removed (nothing full stays unrecorded).
    The GUI and the CLI both print through here (the CLI, which reads without the writer lock, records
    in a transaction of its own)."""
    printed = produce(session, job, path)
    if job.full:
        try:
            record(session, job, printed, path)
        except BaseException:
            Path(path).unlink(missing_ok=True)
            raise
    return printed


def produce(session: Session, job: PrintJob, path: str | os.PathLike[str]) -> Printed:
    """Write the document to `path` (.pdf, or .xlsx for ledgers); see `print_document` for the audit."""
    if job.document not in DOCUMENTS:
        raise ServiceError(f"未知的文档：{job.document}")
    if job.document in NEEDS_GRID and not job.grid_code:
        raise ServiceError(f"{DOCUMENTS[job.document]}要选一个网格")
    if Path(path).suffix.lower() == ".xlsx" and not job.can_export_xlsx():
        raise ServiceError(f"{DOCUMENTS[job.document]}只能保存为 PDF")
    if job.ledger_kind:
        return _ledger(session, job, path)
    if job.document.startswith("report:"):
        return _work_report(session, job, path)
    if job.document.startswith("board:"):
        return _board(session, job, path)
    if job.document == "feedback":
        from gridkeeper.reports.feedback_sheet import write_feedback_sheets

        count = write_feedback_sheets(session, where(session, job.grid_code), job.period(), path,
                                      privacy=Privacy(job.full), today=job.today)
        return Printed(f"报到服务情况反馈表 {count} 张", count)
    if job.document == "checklist":
        from gridkeeper.reports.checklist import checklist_data, write_checklist

        data = checklist_data(session, job.grid_code, building=job.building or None, due_only=job.due_only,
                              unvisited_this_month=job.unvisited_this_month, today=job.today)
        write_checklist(data, path)
        return Printed(f"{data.title}（{len(data.rows)} 户）", len(data.rows))
    if job.document == "roster":
        from gridkeeper.reports.roster import write_roster

        pages = write_roster(session, job.grid_code, path, a3=job.a3, building=job.building or None, today=job.today)
        return Printed(f"楼栋长公示牌 {pages} 页", pages)
    from gridkeeper.reports.notice_sheet import write_notices

    if job.template is None:
        raise ServiceError("请选择通知模板")
    pages = write_notices(session, job.template, job.grid_code, path, buildings=job.buildings or None,
                          today=job.today)
    return Printed(f"{job.template.label} {pages} 页", pages)


def file_name(session: Session, job: PrintJob, suffix: str) -> str:
    """The name a save dialog suggests: place, document and period, e.g. 福康社区第三网格走访台账-2026-11.pdf
    (a building's sheets name it: 福康社区第三网格楼栋长公示牌-幸福家园7号楼-2026-11-20.pdf)."""
    unit = where(session, None if job.document.startswith("board:") else job.grid_code).unit
    if job.document == "notice" and job.template is not None:
        name = getattr(job.template, "label", DOCUMENTS["notice"])
    else:
        name = DOCUMENTS.get(job.document, job.document)
    parts = [f"{unit}{name}"]
    if job.building and job.document in ("checklist", "roster"):
        parts.append(job.building)
    if job.uses_half_year:
        parts.append(job.half)
    elif job.document == "report:monthly" or job.document.startswith("board:"):
        parts.append(f"{(job.month or job.today):%Y-%m}")
    elif job.document == "report:annual":
        parts.append(str(job.report_year))
    elif job.ledger_kind or (job.document == "checklist" and job.unvisited_this_month):
        parts.append(f"{(job.month if job.ledger_kind and job.month else job.today):%Y-%m}")
    else:
        parts.append(f"{job.today:%Y-%m-%d}")
    text = "-".join(p for p in parts if p)
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in text) + suffix


def _ledger(session: Session, job: PrintJob, path) -> Printed:
    from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger
    from gridkeeper.reports.ledgers import write_ledger

    data = build_ledger(session, LedgerRequest(job.ledger_kind, job.period(), job.grid_code, job.full, job.today))
    write_ledger(data, path)
    return Printed(f"{data.title}（{len(data.rows)} 行）", len(data.rows))


def _board(session: Session, job: PrintJob, path) -> Printed:
    """The grid scoreboard or the 红黑榜 for the month picked (the whole community, or a steward's grids)."""
    from gridkeeper.domain.period import month_of

    period = month_of(job.month or job.today)
    if job.document == "board:grids":
        from gridkeeper.reports.scoreboard import write_scoreboard
        from gridkeeper.services.grid_scoreboard import grid_scoreboard

        board = grid_scoreboard(session, period=period, today=job.today)
        write_scoreboard(board, path)
        return Printed(f"网格工作考核情况表 {period.label}（{len(board.lines)} 个网格）", len(board.lines))
    from gridkeeper.reports.property_poster import write_property_board
    from gridkeeper.services.geography import get_community
    from gridkeeper.services.property_board import property_board

    board = property_board(session, period=period, today=job.today)
    community = get_community(session)
    write_property_board(board, path, hotline=community.hotline if community else "")
    return Printed(f"物业服务企业红黑榜 {period.label}（红榜 {len(board.red)} 家，黑榜 {len(board.black)} 家）",
                   len(board.red) + len(board.black))


def _work_report(session: Session, job: PrintJob, path) -> Printed:
    from gridkeeper.domain.period import month_of
    from gridkeeper.reports.work_report import write_work_report
    from gridkeeper.reports.work_report_data import annual_report, monthly_report

    if job.document == "report:monthly":
        report = monthly_report(session, month_of(job.month or job.today), grid_code=job.grid_code, today=job.today,
                                notes=job.notes)
    else:
        report = annual_report(session, job.report_year, grid_code=job.grid_code, today=job.today, notes=job.notes)
    pages = write_work_report(report, path, today=job.today)
    return Printed(f"{report.title} {pages} 页", pages, report.title)
