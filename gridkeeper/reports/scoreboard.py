"""The grid scoreboard (网格考核) as an A4 landscape table with a bar chart, and as an xlsx workbook."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from gridkeeper.reports.charts import Series, bar_chart, grouped_bar_chart
from gridkeeper.reports.layout import build_pdf, ledger_heading, ledger_table, markup, paragraph_styles, signature_block
from gridkeeper.reports.ledgers import LANDSCAPE_MARGINS
from gridkeeper.reports.xlsx import write_ledger_xlsx
from gridkeeper.services.grid_scoreboard import GridLine, GridScoreboard

TITLE = "网格工作考核情况表"
CHART_ALL_GRIDS = 12  # more grids than this: the chart shows the best and the worst by score
CHART_EACH_END = 8
RATES = (("coverage_percent", "走访覆盖率"), ("care_percent", "关爱户按时走访率"),
         ("on_time_percent", "诉求按期办结率"), ("satisfaction_percent", "满意度"),
         ("hazards_percent", "隐患按期整改率"))
PDF_HEADER = ["名次", "网格", "网格员", "住户", "走访覆盖率", "关爱户按时走访率", "诉求按期办结率", "满意度",
              "隐患按期整改率", "空缺三长岗位", "党员服务时长(小时)", "综合得分"]
PDF_WIDTHS_MM = [12, 36, 17, 14, 24, 26, 26, 22, 26, 22, 26, 20]  # 271 mm of the page's 273
XLSX_HEADER = ["名次", "网格编码", "网格名称", "网格员", "住户", "已走访户", "走访覆盖率(%)", "上期走访覆盖率(%)",
               "关爱户", "按时走访关爱户", "关爱户按时走访率(%)", "上期关爱户按时走访率(%)", "受理诉求",
               "诉求按期办结率(%)", "上期诉求按期办结率(%)", "满意度(%)", "上期满意度(%)", "超期未办诉求",
               "到期隐患", "按期整改隐患", "隐患按期整改率(%)", "上期隐患按期整改率(%)", "三长岗位", "空缺岗位", "上期空缺岗位", "党员服务时长(小时)", "上期服务时长(小时)", "综合得分",
               "上期综合得分"]


def change_text(delta: float | None, *, unit: str = "") -> str:
    """↑3.1 / ↓2.0 / 持平 against the previous period; empty when either period had nothing to measure."""
    if delta is None:
        return ""
    if abs(delta) < 0.05:
        return "持平"
    return f"{'↑' if delta > 0 else '↓'}{abs(delta):g}{unit}"


def _with_trend(value: float | int | None, delta: float | None, *, percent: bool = True, fmt: str = "g") -> str:
    """The figure, and under it the change against the previous period."""
    if value is None:
        return "—"
    text = f"{value:.1f}%" if percent else f"{value:{fmt}}"
    change = change_text(delta)
    return f"{text}\n{change}" if change else text


def _pdf_row(line: GridLine) -> list[str]:
    f, trend = line.current, line.trend()
    return [str(line.rank or ""), f"{line.code} {line.name}".strip(), line.steward, str(f.households),
            *(_with_trend(getattr(f, key), trend[key]) for key, _ in RATES),
            _with_trend(f.vacant_posts, trend["vacant_posts"], percent=False),
            _with_trend(round(f.service_hours, 1), trend["service_hours"], percent=False),
            _with_trend(f.score, trend["score"], percent=False, fmt=".1f")]


def chart(board: GridScoreboard):
    """The five rates side by side per grid; with many grids, the score of the best and the worst."""
    lines = board.lines
    if len(lines) <= CHART_ALL_GRIDS:
        series = [Series(label, tuple(getattr(line.current, key) for line in lines)) for key, label in RATES]
        return grouped_bar_chart([line.code for line in lines], series, title=f"各网格主要指标（{board.period.label}）",
                                 width=265 * mm, height=80 * mm, percent=True)
    shown = [*lines[:CHART_EACH_END], *lines[-CHART_EACH_END:]]
    return bar_chart([line.code for line in shown], [line.current.score for line in shown],
                     title=f"综合得分：前{CHART_EACH_END}名与后{CHART_EACH_END}名（共{len(lines)}个网格，{board.period.label}）",
                     width=265 * mm, height=80 * mm, fmt=lambda v: f"{v:.1f}")


def scoreboard_story(board: GridScoreboard) -> list:
    styles = paragraph_styles()
    previous = board.period.previous()
    table = ledger_table(PDF_HEADER, [_pdf_row(line) for line in board.lines], [w * mm for w in PDF_WIDTHS_MM],
                         wrap_cols={1, 2}, totals=[_pdf_row(board.total)], align_center=set(range(3, 12)) | {0})
    note = (f"箭头为与{previous.label}相比的变化。走访覆盖率＝本期走访过的住户÷住户；关爱户按时走访率＝期末"
            "（本期未结束时为今天）未超出走访间隔的关爱户÷关爱户；诉求按期办结率＝按期办结÷（已办结＋超期未办）；"
            "满意度＝满意与基本满意÷已评价；隐患按期整改率＝整改期限在本期内的隐患中按期整改的比例；"
            "空缺三长岗位为期末无人任职的网格长、楼栋长、单元长岗位；综合得分为前五项百分比（有数据的各项）的平均数，"
            "按它排名。")
    return [*ledger_heading(f"{board.community}{TITLE}", board.community,
                            f"{board.period.label}（与{previous.label}比较）"),
            table, Spacer(1, 2 * mm), Paragraph(markup(note), styles["meta"]), *signature_block(),
            CondPageBreak(90 * mm), Spacer(1, 4 * mm), chart(board)]


def write_scoreboard_pdf(board: GridScoreboard, path: str | os.PathLike[str], *, invariant: bool = False) -> None:
    build_pdf(path, scoreboard_story(board), pagesize=landscape(A4), title=f"{TITLE} {board.period.label}",
              subject=board.community, margins=LANDSCAPE_MARGINS, invariant=invariant)


def _xlsx_row(line: GridLine) -> list:
    f, p = line.current, line.previous
    return [line.rank, line.code, line.name, line.steward, f.households, f.visited, f.coverage_percent,
            p.coverage_percent, f.care_households, f.care_on_cadence, f.care_percent, p.care_percent,
            f.requests.received, f.on_time_percent, p.on_time_percent, f.satisfaction_percent, p.satisfaction_percent,
            f.requests.overdue_now, f.hazards_due, f.hazards_on_time, f.hazards_percent, p.hazards_percent, f.posts, f.vacant_posts, p.vacant_posts, round(f.service_hours, 1),
            round(p.service_hours, 1), f.score, p.score]


def write_scoreboard_xlsx(board: GridScoreboard, path: str | os.PathLike[str]) -> None:
    write_ledger_xlsx(path, title=TITLE, unit=board.community,
                      period=f"{board.period.label}（上期：{board.period.previous().label}）", header=XLSX_HEADER,
                      rows=[_xlsx_row(line) for line in board.lines], totals=[_xlsx_row(board.total)])


def write_scoreboard(board: GridScoreboard, path: str | os.PathLike[str]) -> None:
    """PDF or xlsx by the extension of `path`."""
    if Path(path).suffix.lower() == ".xlsx":
        write_scoreboard_xlsx(board, path)
    else:
        write_scoreboard_pdf(board, path)
