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
