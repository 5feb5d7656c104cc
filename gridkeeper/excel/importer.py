"""Importing a household roster: read the file, check every row, then write it all in the caller's one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session

from gridkeeper.excel.columns import HEADER_SEARCH_ROWS, Header, build_header, detect_header
from gridkeeper.excel.grouping import drop_duplicates, group_households
from gridkeeper.excel.problems import Problem, RosterFileError, sorted_problems
from gridkeeper.excel.reader import Sheet, read_sheet
from gridkeeper.excel.records import ParsedRows, PersonRow, RowReader
from gridkeeper.excel.writer import ImportCounts, RosterWriter
from gridkeeper.services.errors import ServiceError

# progress(done, total, stage): stage is a short Chinese phrase for a progress label.
Progress = Callable[[int, int, str], None]


@dataclass
class Roster:
    """A file that has been read, and its header row (detected, or as corrected by the user)."""

    path: Path
    sheet: Sheet
    header: Header

    def with_mapping(self, header_index: int, mapping: dict[int, str] | None = None) -> "Roster":
        """The same file read with another header row and/or column mapping."""
        return Roster(self.path, self.sheet, build_header(self.sheet.rows, header_index, mapping))


@dataclass
class Checked:
    """The file's rows checked on their own (no database yet)."""

    roster: Roster
    parsed: ParsedRows
    reader: RowReader
    rows: list[PersonRow]
    problems: list[Problem]


@dataclass
class ImportResult:
    counts: ImportCounts = field(default_factory=ImportCounts)
    problems: list[Problem] = field(default_factory=list)
    data_rows: int = 0
    ignored_rows: int = 0
    rows_imported: int = 0
    written: bool = False
    notes: list[str] = field(default_factory=list)
    rentals: object = None  # TenancyCounts of a tenant list (leases and tenant registrations)
    # The saved records the file matched, as this check saw them ("resident:7" → version): handed to the real
    # import (checked_versions=), which refuses to update one changed elsewhere since (ImportConflict).
    versions: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def rows_skipped(self) -> int:
        return self.data_rows - self.rows_imported


def open_roster(path: str | Path) -> Roster:
    """Read the file and find its header row; RosterFileError if it cannot be a roster."""
    sheet = read_sheet(path)
    header = detect_header(sheet.rows)
    if header is None:
        raise RosterFileError(f"{Path(path).name}：前{HEADER_SEARCH_ROWS}行中没有找到表头"
                              "（表头应包含楼栋、单元、房号、姓名等列名）")
    return Roster(Path(path), sheet, header)


def check_rows(roster: Roster, *, today: date | None = None, progress: Progress | None = None) -> Checked:
    """Every row checked against the value rules, and duplicates within the file found."""
    reader = RowReader(roster.header, today=today)
    report = (lambda done, total: progress(done, total, "正在检查")) if progress else None
    parsed = reader.read(roster.sheet.rows, report)
    rows, duplicates = drop_duplicates(parsed.rows, reader, per_person=roster.header.per_person)
    problems = list(roster.header.problems) + parsed.problems + duplicates
    return Checked(roster, parsed, reader, rows, problems)


def import_roster(session: Session, roster: Roster | str | Path, *, grid_code: str, dry_run: bool = False,
                  skip_invalid: bool = False, today: date | None = None, progress: Progress | None = None,
                  before_write: Callable[[], None] | None = None, grid_name: str = "",
                  community: str = "", checked_versions: dict[str, int] | None = None) -> ImportResult:
    """Import a roster into `grid_code`; with errors nothing is written unless `skip_invalid`.

    A grid that does not exist is created only under `grid_name` (and, in a database without a
    community yet, under `community`): otherwise GridMissing / NoCommunity before anything is read
    into the database. A dry run checks the file anyway and says what the real import would need.

    Everything is written in the caller's unit of work (the CLI's own, the wizard's
    `perform_in_background`), never committed here: a failure, crash or kill part-way leaves the database
    as it was. A dry run's trial write is rolled back in `session` (give it a session of its own).
    `before_write` runs (e.g. a backup) once it is known that something will be written.

    Two PCs, one database: a saved record the import would update that was changed on another PC since the
    file was checked (`checked_versions`, the check's `ImportResult.versions`; without it, since this
    import read it) refuses the whole import with ImportConflict naming each row — nothing is written.
    """
    roster = roster if isinstance(roster, Roster) else open_roster(roster)
    if not dry_run:
        RosterWriter(session, grid_code, None, grid_name=grid_name, community=community).check_grid()
    result = ImportResult()
    if any(p.is_error for p in roster.header.problems):
        result.problems = sorted_problems(roster.header.problems)
        return result
    checked = check_rows(roster, today=today, progress=progress)
    result.data_rows, result.ignored_rows = checked.parsed.data_rows, checked.parsed.ignored_rows
    writer = RosterWriter(session, grid_code, checked.reader, grid_name=grid_name, community=community)
    writer.dry_run = dry_run
    writer.checked_versions = dict(checked_versions or {})
    writer.load(checked.rows)
    problems = checked.problems + writer.row_problems(checked.rows)
    rows = _without_errors(checked.rows, problems)
    plans = group_households(rows)
    head_problems = writer.head_problems(plans) + writer.lease_problems(plans)
    if head_problems:
        problems += head_problems
        plans = group_households(_without_errors(rows, head_problems))
    result.problems = sorted_problems(problems)
    result.rows_imported = sum(len(plan.source_rows) for plan in plans)
    result.notes = _notes(writer, checked, plans)
    if (result.errors and not skip_invalid) or not plans:
        result.rows_imported = 0 if result.errors and not skip_invalid else result.rows_imported
        return result
    if before_write and not dry_run:
        before_write()
    stage = "正在试写（试运行，不会保存）" if dry_run else "正在写入数据库"
    if progress:
        progress(0, len(plans), stage)
    result.counts = writer.write(plans, (lambda d, t: progress(d, t, stage)) if progress else None)
    result.rentals = writer.rental_counts
    result.versions = dict(writer.matched_versions)
    if dry_run:
        session.rollback()
        return result
    from gridkeeper.storage.audit import record_event

    record_event(session, "import", f"导入住户名单到网格 {grid_code}",
                 asdict(result.counts) | (asdict(result.rentals) if result.rentals else {}))
    session.flush()
    result.written = True
    return result


def _without_errors(rows: list[PersonRow], problems: list[Problem]) -> list[PersonRow]:
    bad = {p.row for p in problems if p.is_error}
    return [row for row in rows if row.row not in bad]


def _notes(writer: RosterWriter, checked: Checked, plans) -> list[str]:
    notes = []
    if writer.grid is None:
        try:
            writer.check_grid()
            notes.append(f"网格 {writer.grid_code} 原先不存在：导入时新建，名称“{writer.grid_name}”（可在地点树中改名）")
        except ServiceError as exc:
            notes.append(f"注意：{exc}")
    if any(not plan.compound for plan in plans):
        header = checked.roster.header
        where = "部分行的小区为空" if header.has("compound") else "文件中没有“小区”列"
        where += "，地址中也没有小区名" if header.has("address") else ""
        notes.append(f"{where}：这些住户归入以网格命名的小区“{writer.default_compound}”")
    short = [(plan, plan.people_count - len(plan.people)) for plan in plans
             if plan.people_count and plan.people_count > len(plan.people)]
    if short:
        notes.append(f"{len(short)} 户的“人数”多于表中登记的居民（共少 {sum(n for _p, n in short)} 人），"
                     "请在住户详情中补录其他家庭成员")
    return notes


def summary_lines(result: ImportResult, *, dry_run: bool = False) -> list[str]:
    """What happened, in the words the CLI and the wizard both show."""
    counts = result.counts
    verb = "将" if dry_run else ""
    lines = [
        f"住户：{verb}新增 {counts.households_added} 户，{verb}更新 {counts.households_updated} 户",
        f"居民：{verb}新增 {counts.residents_added} 人，{verb}更新 {counts.residents_updated} 人",
        f"数据行：共 {result.data_rows} 行，导入 {result.rows_imported} 行，跳过 {result.rows_skipped} 行"
        + (f"（另有 {result.ignored_rows} 个空行或合计行已忽略）" if result.ignored_rows else ""),
        f"问题：{len(result.errors)} 个错误，{len(result.warnings)} 个提醒",
    ]
    rented = result.rentals
    if rented is not None:
        lines.insert(2, f"出租房屋：{verb}新增租约 {rented.tenancies_added} 份，{verb}更新 {rented.tenancies_updated} 份；"
                        f"租户登记：{verb}新增 {rented.tenants_added} 人，{verb}更新 {rented.tenants_updated} 人")
    return lines + result.notes
