"""The print commands' contract: exit codes, one-line errors, atomic files; checklists and feedback sheets."""

from __future__ import annotations

from datetime import date

import pytest

from tests.reports.printed import flat, pages_text, query, run


@pytest.mark.parametrize("argv, code", [
    (["ledger", "bogus", "--month", "2026-11"], 2),
    (["ledger", "visits", "--month", "2026-13"], 2),
    (["ledger", "visits"], 2),
    (["ledger", "members", "--month", "2026-11"], 2),
    (["ledger", "members", "--half", "2026-H3"], 2),
    (["ledger", "visits", "--month", "2026-11", "--grid", "FK-99"], 1),
    (["roster", "--grid", "FK-99"], 1),
    (["checklist", "--grid", "FK-01", "--building", "99号楼"], 1),
    (["notice", "outage", "--grid", "FK-01", "--set", "colour=red"], 1),
])
def test_errors_are_one_line_with_their_exit_code(demo_db, tmp_path, capsys, argv, code):
    db, _ = demo_db
    out = tmp_path / "out.pdf"
    assert run(*argv, "--db", db, "--out", out) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("gridkeeper: ") and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # nothing half-written, no temporary file left behind


def test_the_ledger_kinds_are_the_print_jobs_ledgers(demo_db, tmp_path, capsys):
    """The command takes exactly the ledgers reports.jobs prints (one list, not a copy of it)."""
    from gridkeeper.reports.jobs import DOCUMENTS

    ledgers = [d.removeprefix("ledger:") for d in DOCUMENTS if d.startswith("ledger:")]
    assert run("ledger", "bogus", "--db", demo_db[0], "--month", "2026-11", "--out", tmp_path / "x.pdf") == 2
    assert capsys.readouterr().err.strip().endswith("可选：" + " | ".join(ledgers))
    with pytest.raises(SystemExit):
        run("ledger", "--help")
    assert " | ".join(ledgers) in " ".join(capsys.readouterr().out.split())


def test_bad_extension_and_unusable_database(demo_db, tmp_path):
    db, _ = demo_db
    assert run("ledger", "visits", "--db", db, "--month", "2026-11", "--out", tmp_path / "x.docx") == 2
    assert run("roster", "--db", db, "--grid", "FK-01", "--out", tmp_path / "x.xlsx") == 2
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    assert run("ledger", "visits", "--db", junk, "--month", "2026-11", "--out", tmp_path / "x.pdf") == 3
    assert not (tmp_path / "x.pdf").exists()


def test_checklist_in_walking_order_and_due_only(demo_db, tmp_path):
    from sqlmodel import Session

    from gridkeeper.reports.checklist import checklist_data
    from gridkeeper.services.database import open_database

    db, _ = demo_db
    engine = open_database(db).engine
    with Session(engine) as session:
        every = checklist_data(session, "FK-01", today=date(2026, 11, 20))
        due = checklist_data(session, "FK-01", due_only=True, today=date(2026, 11, 20))
        one = checklist_data(session, "FK-01", building="2号楼", today=date(2026, 11, 20))
    engine.dispose()
    keys = [(r[1], int(r[2].removesuffix("单元")), int(r[3])) for r in every.rows]
    assert keys == sorted(keys, key=lambda k: (int(k[0].split("园")[1].removesuffix("号楼")), k[1], k[2] // 100, k[2]))
    assert 0 < len(due.rows) < len(every.rows)
    assert all(r[8] for r in due.rows)  # each due row says how late it is
    assert {r[1] for r in one.rows} == {"幸福家园2号楼"}
    out = tmp_path / "round.pdf"
    assert run("checklist", "--db", db, "--grid", "FK-01", "--building", "2号楼", "--due-only",
               "--today", "2026-11-20", "--out", out) == 0
    pages = pages_text(out)
    assert "走访清单（2号楼·应访户）" in flat(pages[0])
    assert all("是否在家" in flat(p) and "走访情况" in flat(p) for p in pages)


def test_feedback_sheet_per_member_marks_no_service(session, place, tmp_path):
    from gridkeeper.reports.feedback_sheet import write_feedback_sheets
    from gridkeeper.reports.ledger_data import Privacy, half_period, where
    from gridkeeper.services.members import MemberInput, record_service, register_member

    busy = register_member(session, MemberInput("王建华", place["grid"], date(2025, 3, 1), phone="13812345678",
                                                 employer="市税务局", party_org="市税务局机关第一党支部"))
    register_member(session, MemberInput("赵丽", place["grid"], date(2025, 3, 1), phone="13912345678"))
    record_service(session, member_ids=[busy.id], held_on=date(2026, 9, 12), title="楼道清理", hours=2, points=5)
    session.commit()
    out = tmp_path / "sheets.pdf"
    count = write_feedback_sheets(session, where(session, "FK-03"), half_period("2026-H2"), out, privacy=Privacy())
    pages = [flat(p) for p in pages_text(out)]
    assert count == 2 and len(pages) == 2
    assert "王建华" in pages[0] and "楼道清理" in pages[0] and "138****5678" in pages[0]
    assert "13812345678" not in pages[0]
    assert "本期无服务记录" not in pages[0]
    assert "赵丽" in pages[1] and "本期无服务记录" in pages[1]
    assert all(word in pages[1] for word in ("优秀", "合格", "基本合格", "不合格", "盖章"))


def test_full_values_leave_an_audit_entry(demo_copy, tmp_path):
    copy = demo_copy
    before = query(copy, "select count(*) from audit_entry where action = 'export'")[0][0]
    assert run("ledger", "leaders", "--db", copy, "--month", "2026-11", "--out", tmp_path / "l.xlsx") == 0
    assert query(copy, "select count(*) from audit_entry where action = 'export'")[0][0] == before
    assert run("ledger", "leaders", "--db", copy, "--month", "2026-11", "--full", "--out", tmp_path / "f.xlsx") == 0
    assert query(copy, "select count(*) from audit_entry where action = 'export'")[0][0] == before + 1
