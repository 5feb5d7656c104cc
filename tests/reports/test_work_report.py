"""The monthly work report and the annual summary: figures equal to hand-worked ones (tests/reports/
work_report_fixture.py), agreement with `stats`, a bounded number of queries, and the PDF itself."""

from __future__ import annotations

from datetime import date

import pytest

from gridkeeper.domain.period import parse_period
from gridkeeper.reports.work_report import change_text, figure_text, write_work_report
from gridkeeper.reports.work_report_data import LIST_LIMIT, Figure, annual_report, monthly_report
from gridkeeper.services.stats import headline
from tests.reports import work_report_fixture as fixture
from tests.services.statement_counter import counting_statements
from tests.reports.printed import embedded_fonts, flat, pages_text, run

NOVEMBER = parse_period("2026-11")


@pytest.fixture
def community(session):
    return fixture.build(session)


def _figures(report) -> dict[str, tuple]:
    return {f.label: (f.this, f.last) for f in report.figures}


def test_monthly_figures_equal_the_hand_worked_ones(session, community):
    report = monthly_report(session, NOVEMBER, today=fixture.TODAY)
    figures = _figures(report)
    assert figures["走访户次"] == (4, 6)
    assert figures["走访户数"] == (3, 5)
    assert figures["走访覆盖率"] == (50.0, 83.3)
    assert figures["关爱户按期走访率"] == (33.3, 66.7)
    assert figures["关爱户超期未访"] == (2, 1)
    assert figures["受理诉求（件）"] == (4, 2)
    assert figures["已办结（件）"] == (2, 2)
    assert figures["按时办结率"] == (33.3, 50.0)
    assert figures["平均办结天数"] == (6.0, 7.5)
    assert figures["群众满意率"] == (50.0, 100.0)
    assert figures["超期未办结诉求"] == (1, 1)
    assert figures["在职党员服务人次"] == (3, 1)
    assert figures["参与服务党员人数"] == (2, 1)
    assert figures["在职党员服务时长（小时）"] == (5.0, 3.0)
    coverage = report.charts[0]
    assert coverage.labels == ["FK-01", "FK-02"] and coverage.series[0].values == (75.0, 0.0)
    trend = report.charts[1]
    assert len(trend.labels) == 12 and trend.labels[-1] == "11月" and trend.labels[0] == "12月"
    assert trend.series[0].values[-2:] == (83.3, 50.0) and trend.series[0].values[0] == 0.0
    categories = dict(zip(report.charts[2].labels, zip(*[s.values for s in report.charts[2].series])))
    assert categories == {"物业服务": (2, 1), "管道漏水": (1, 0), "噪音扰民": (1, 1)}  # the withdrawn one is not counted
    on_time, satisfied = report.charts[3].series
    assert on_time.values[-2:] == (50.0, 33.3) and satisfied.values[-2:] == (100.0, 50.0)
    assert on_time.values[0] is None  # no request that month: a gap, not 0 %
    assert report.charts[4].series[0].values[-2:] == (3.0, 5.0)


def test_monthly_lists_need_attention_in_order(session, community):
    report = monthly_report(session, NOVEMBER, today=fixture.TODAY)
    care, requests, posts = report.lists
    assert care.total == 2 and [row[-1] for row in care.rows] == ["12天", "9天"]
    assert [row[3] for row in care.rows] == ["高龄", "残疾人"]
    assert requests.total == 1 and requests.rows[0][3] == "管道漏水" and requests.rows[0][6] == "9天"
    assert "13812345678" not in requests.rows[0][8] and "138****5678" in requests.rows[0][8]  # phones masked
    assert posts.total == 5 and len(posts.rows) == 5


def test_current_month_agrees_with_stats(session, community):
    report = monthly_report(session, NOVEMBER, today=fixture.TODAY)
    stats = headline(session, today=fixture.TODAY)
    figures = _figures(report)
    assert figures["走访户数"][0] == stats["visited_this_month"]
    assert figures["超期未办结诉求"][0] == stats["requests_overdue"]
    from gridkeeper.services.coverage import coverage

    overview = {row.label: round(row.percent, 1) for row in coverage(session, since=date(2026, 11, 1))}
    assert dict(zip(report.charts[0].labels, report.charts[0].series[0].values)) == overview  # the Overview's chart
    basics = dict(report.basics)
    assert basics["住户"] == stats["households"] and basics["关爱户"] == stats["care_households"]
    assert basics["在任三长"] == stats["leaders"] and basics["网格"] == stats["grids"]


def test_one_grid(session, community):
    report = monthly_report(session, NOVEMBER, grid_code="FK-02", today=fixture.TODAY)
    figures = _figures(report)
    assert report.unit == "福康社区居民委员会第二网格"
    assert figures["走访覆盖率"] == (0.0, 100.0)
    assert figures["受理诉求（件）"] == (2, 0)
    assert figures["按时办结率"] == (0.0, None)  # r3 overdue, nothing resolved; October had no request here
    assert figures["群众满意率"] == (None, None)
    assert figures["在职党员服务时长（小时）"] == (2.5, 0.0)
    assert report.charts[0].labels == ["阳光花园1号楼"]  # a grid's report shows its buildings
    assert [row[3] for row in report.lists[0].rows] == ["高龄", "残疾人"]


def test_annual_figures(session, community):
    report = annual_report(session, 2026, today=fixture.TODAY)
    figures = _figures(report)
    assert figures["走访户次"] == (10, 0)
    assert figures["全年走访过的户数"] == (6, 0)
    assert figures["全年走访覆盖率"] == (100.0, 0.0)
    assert figures["受理诉求（件）"] == (6, 0)
    assert figures["按时办结率"] == (40.0, None)
    assert figures["平均办结天数"] == (6.8, None)
    assert figures["群众满意率"] == (75.0, None)
    assert figures["在职党员服务时长（小时）"] == (8.0, 0.0)
    assert figures["参与服务党员人数"] == (2, 0)
    assert report.charts[1].labels == [f"{m}月" for m in range(1, 13)]
    december = report.charts[1].series[0].values[11]
    assert december is None and report.charts[4].series[0].values[11] is None  # still ahead: a gap, not 0


def test_a_period_still_ahead_is_refused(session, community):
    from gridkeeper.services.errors import ServiceError

    with pytest.raises(ServiceError, match="2026年12月还没有开始"):
        monthly_report(session, parse_period("2026-12"), today=fixture.TODAY)
    with pytest.raises(ServiceError, match="2027年还没有开始"):
        annual_report(session, 2027, today=fixture.TODAY)


def test_queries_do_not_grow_with_grids(engine, session):
    fixture.build(session, extra_grids=6)
    with counting_statements(engine) as few:
        monthly_report(session, NOVEMBER, today=fixture.TODAY)
    session.rollback()
    # About 25 of the report's own, plus `stats`' headline (one count a figure; other registers add theirs).
    assert len(few) <= 60, few
    # Twelve more grids (and households) later: the same statements, not one more per grid or month.
    from gridkeeper.services import geography as geo
    from gridkeeper.storage.models import Household

    for i in range(12):
        grid = geo.create_grid(session, code=f"NEW-{i:02d}", name=f"新网格{i}")
        compound = geo.create_compound(session, name=f"新小区{i}")
        building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="1号楼")
        unit = geo.create_unit(session, building_id=building.id, label="1单元")
        session.add(Household(unit_id=unit.id, room="101", room_key="101"))
    session.commit()
    with counting_statements(engine) as more:
        monthly_report(session, NOVEMBER, today=fixture.TODAY)
    assert len(more) == len(few)
    with counting_statements(engine) as annual:
        annual_report(session, 2026, today=fixture.TODAY)
    assert len(annual) <= 65, annual


def test_figures_print_as_worked_out(session, community, tmp_path):
    report = monthly_report(session, NOVEMBER, today=fixture.TODAY, notes=fixture.NOTES)
    path = tmp_path / "monthly.pdf"
    pages = write_work_report(report, path, today=fixture.TODAY)
    texts = pages_text(path)
    assert pages == len(texts) and 3 <= pages <= 6
    text = flat("".join(texts))
    assert "福康社区居民委员会月度工作报告（2026年11月）" in text
    assert "统计时间：2026年11月1日至2026年11月20日" in text
    for row in ("走访户次46−2", "走访覆盖率50.0%83.3%−33.3个百分点", "关爱户按期走访率33.3%66.7%−33.4个百分点",
                "受理诉求（件）42+2", "按时办结率33.3%50.0%−16.7个百分点", "平均办结天数6.07.5−1.5",
                "群众满意率50.0%100.0%−50.0个百分点", "在职党员服务时长（小时）5.03.0+2.0"):
        assert row in text, row
    for heading in ("各网格走访覆盖率", "近十二个月走访覆盖率", "诉求分类", "按时办结率和满意率", "在职党员服务时长",
                    "超期未走访的关爱户", "超期未办结的诉求", "空缺的三长岗位", "本月重点工作"):
        assert heading in text, heading
    assert "完成幸福家园1号楼加装电梯意见征集" in text and "<堆放>" in text  # typed notes, printed literally
    assert "13812345678" not in text
    fonts = embedded_fonts(path)
    assert fonts and all(embedded for _, embedded in fonts) and all("NotoSansSC" in n for n, _ in fonts)


def test_long_lists_are_cut_with_a_count(session, community):
    from gridkeeper.storage.models import ResidentRequest

    home = community["households"]["h2"]
    for i in range(LIST_LIMIT + 7):
        session.add(ResidentRequest(household_id=home, raised_on=date(2026, 9, 1), category="other",
                                    description=f"旧诉求{i}", status="received", deadline=date(2026, 9, 8)))
    session.commit()
    report = monthly_report(session, NOVEMBER, today=fixture.TODAY)
    requests = report.lists[1]
    assert requests.total == LIST_LIMIT + 8 and len(requests.rows) == LIST_LIMIT and requests.more == 8


def test_an_empty_database_prints_a_report(session, tmp_path):
    from gridkeeper.services import geography as geo

    geo.ensure_community(session, name="新建社区居民委员会")
    session.commit()
    report = monthly_report(session, NOVEMBER, today=fixture.TODAY)
    assert _figures(report)["走访覆盖率"] == (None, None)
    path = tmp_path / "empty.pdf"
    assert write_work_report(report, path, today=fixture.TODAY) <= 4
    assert "暂无数据" in flat("".join(pages_text(path)))


@pytest.mark.parametrize("data", ["走访 12 户".encode("utf-8-sig"), "走访 12 户".encode("utf-16"),
                                  "走访 12 户".encode("gb18030"), "走访 12 户".encode("utf-8")])
def test_notes_files_as_windows_saves_them(tmp_path, data):
    from gridkeeper.cli.report_cmd import read_notes

    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    assert read_notes(str(path)) == "走访 12 户"


def test_unreadable_notes_file_is_a_clear_error(tmp_path):
    from gridkeeper.cli.common import CliError
    from gridkeeper.cli.report_cmd import read_notes

    path = tmp_path / "notes.txt"
    path.write_bytes(b"\x81\x30\xff\xff" * 10)
    with pytest.raises(CliError, match="读不懂重点工作文件"):
        read_notes(str(path))
    path.write_bytes(b"x" * 300_000)
    with pytest.raises(CliError, match="太大"):
        read_notes(str(path))


@pytest.mark.parametrize("figure, text", [
    (Figure("a", 12, 9), "+3"), (Figure("a", 9, 12), "−3"), (Figure("a", 5, 5), "持平"),
    (Figure("a", 50.0, 83.3, "percent"), "−33.3 个百分点"), (Figure("a", None, 3), "—"),
    (Figure("a", 6.0, 7.5, "days"), "−1.5"), (Figure("a", 1234, 34), "+1,200"),
])
def test_change_text(figure, text):
    assert change_text(figure) == text


def test_figure_text():
    assert figure_text(None, "percent") == "—" and figure_text(33.33, "percent") == "33.3%"
    assert figure_text(12345, "count") == "12,345" and figure_text(5.0, "hours") == "5.0"


def test_cli_monthly_and_annual(demo_db, tmp_path):
    db = demo_db[0]
    notes = tmp_path / "notes.txt"
    notes.write_bytes("本月开展消防安全检查 3 次。".encode("gb18030"))  # as older Notepad saves it
    out = tmp_path / "monthly.pdf"
    assert run("report", "monthly", "--db", db, "--month", "2026-11", "--grid", "FK-01", "--notes", notes,
               "--today", "2026-11-20", "--out", out) == 0
    text = flat("".join(pages_text(out)))
    assert "本月开展消防安全检查3次" in text and "月度工作报告" in text
    assert len(pages_text(out)) <= 7
    annual = tmp_path / "annual.pdf"
    assert run("report", "annual", "--db", db, "--year", "2026", "--today", "2026-11-20", "--out", annual) == 0
    assert "年度工作总结" in flat(pages_text(annual)[0])


def test_cli_prints_through_the_print_job_and_says_what_it_wrote(demo_db, tmp_path, capsys, monkeypatch):
    """The command builds the same PrintJob as the Print section and prints it through print_document;
    its one line of output is unchanged: 已生成<title>（N 页）：<file>."""
    from gridkeeper.reports import jobs

    seen = []
    real = jobs.print_document
    monkeypatch.setattr(jobs, "print_document", lambda session, job, path, **kw: seen.append(job) or real(
        session, job, path, **kw))
    out = tmp_path / "m.pdf"
    assert run("report", "monthly", "--db", demo_db[0], "--month", "2026-11", "--grid", "FK-01",
               "--today", "2026-11-20", "--out", out) == 0
    pages = len(pages_text(out))
    assert capsys.readouterr().out == f"已生成福康社区第一网格月度工作报告（2026年11月）（{pages} 页）：{out}\n"
    assert [(j.document, j.grid_code, j.month, j.today) for j in seen] == [
        ("report:monthly", "FK-01", date(2026, 11, 1), date(2026, 11, 20))]
    annual = tmp_path / "a.pdf"
    assert run("report", "annual", "--db", demo_db[0], "--year", "2025", "--today", "2026-11-20", "--out", annual) == 0
    assert capsys.readouterr().out.startswith("已生成福康社区2025年度工作总结（")
    assert (seen[-1].document, seen[-1].report_year, seen[-1].grid_code) == ("report:annual", 2025, None)


@pytest.mark.parametrize("argv, message", [
    (["monthly", "--month", "2026-13"], "月份应在 1 到 12 之间"),
    (["monthly", "--month", "2026"], "不是一个月份"),
    (["annual", "--year", "2026-11"], "不是一个年份"),
    (["monthly", "--month", "2026-11", "--grid", "NOPE"], "找不到网格"),
    (["monthly", "--month", "2026-11", "--notes", "/nonexistent/notes.txt"], "找不到重点工作文件"),
])
def test_cli_bad_input_is_one_clear_line(demo_db, tmp_path, capsys, argv, message):
    code = run("report", *argv, "--db", demo_db[0], "--out", tmp_path / "r.pdf")
    assert code in (1, 2)
    assert message in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()
