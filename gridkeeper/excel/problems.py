"""What an import found wrong: one problem per cell, with the row number the user sees in Excel."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass

from gridkeeper.domain.cell_text import csv_row
from gridkeeper.services.errors import ServiceError

ERROR, WARNING = "error", "warning"


class RosterFileError(ServiceError):
    """The file cannot be read as a roster at all (missing, unreadable, unsupported, no header)."""


@dataclass(frozen=True)
class ChangedRecord:
    """A saved record the import would update that someone else changed after the file was checked."""

    row: int          # the Excel row that names it
    record: str       # as the user knows it: 居民“王建华”, 住户“幸福家园7号楼2单元301”
    changed_by: str = ""
    changed_at: str = ""
    action: str = "修改"  # or 删除 (deleted meanwhile), 登记 (a record the import would add, added meanwhile)

    def describe(self) -> str:
        who = f"{self.changed_by} 于 {self.changed_at} " if self.changed_by else "别人"
        return f"第{self.row}行：{self.record}（检查之后已被{who}{self.action}）"


class ImportConflict(ServiceError):
    """Records the import would update were changed on another PC after the file was checked: to overwrite
    nobody's change unseen, nothing at all was imported (the caller's transaction is rolled back). The
    message names each row and record, and says what to do: check the file again, then import."""

    SHOWN = 20  # rows listed in the message; the rest are counted

    def __init__(self, changed: list[ChangedRecord]):
        self.changed = sorted(changed, key=lambda c: c.row)
        lines = [c.describe() for c in self.changed[:self.SHOWN]]
        if len(self.changed) > self.SHOWN:
            lines.append(f"……另有 {len(self.changed) - self.SHOWN} 条")
        super().__init__("\n".join([
            f"检查文件之后，别的电脑修改了这次导入要更新的 {len(self.changed)} 条记录。为了不覆盖别人的修改，"
            "这次没有导入任何内容：", *lines,
            "请重新检查文件（重新检查会和现在保存的内容比对），看过检查结果后再导入。"]))

    @property
    def problems(self) -> list["Problem"]:
        """The same, as problem rows for a problem report."""
        return [Problem(c.row, "", "", f"{c.record}在检查之后已被{c.changed_by or '别人'}{c.action}：请重新检查后再导入")
                for c in self.changed]


@dataclass(frozen=True)
class Problem:
    """One problem: `row` as numbered in Excel (1-based, title rows included; 0 = the whole file)."""

    row: int
    column: str
    value: str
    reason: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def describe(self) -> str:
        where = f"第{self.row}行" if self.row else "文件"
        column = f"“{self.column}”列" if self.column else ""
        value = f"（{self.value}）" if self.value else ""
        kind = "" if self.is_error else "提醒："
        return f"{where}{column}{value}：{kind}{self.reason}"


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """File-level problems first, then by row; within a row in the order they were found."""
    return sorted(problems, key=lambda p: p.row)


def write_problem_report(path: str | os.PathLike[str], problems: list[Problem], *,
                         inputs: list[str | os.PathLike[str]] = ()) -> None:
    """A CSV Excel opens directly (UTF-8 with BOM): row,column,value,problem. Owner-only (it holds
    the file's values); never written over `inputs` (the roster it reports on) or a database."""
    from gridkeeper.storage.outputs import atomic_write

    with atomic_write(path, inputs=inputs) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["row", "column", "value", "problem"])
        for problem in sorted_problems(problems):
            reason = problem.reason if problem.is_error else f"提醒：{problem.reason}"
            # Every cell: an imported file's header text or value may be `=HYPERLINK(…)`.
            writer.writerow(csv_row([problem.row or "", problem.column, problem.value, reason]))
