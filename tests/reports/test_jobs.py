"""Printing is said once (reports.jobs): which options a document uses, how it is written, and the one
audit row for full values, the same whether the CLI or the Print section printed it."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from gridkeeper.reports import jobs
from gridkeeper.reports.jobs import PrintJob, print_document
from gridkeeper.storage.models import AuditEntry
from tests.conftest import TODAY
from tests.db_support import disk_full
from tests.reports.printed import run


def test_each_document_says_which_options_it_uses():
    assert PrintJob("ledger:visits").uses(jobs.MONTH) and not PrintJob("ledger:visits").uses(jobs.HALF)
    assert PrintJob("ledger:members").uses_half_year and PrintJob("feedback").uses_half_year
    assert PrintJob("ledger:care").can_export_xlsx() and not PrintJob("feedback").can_export_xlsx()
    assert {o for o in jobs.OPTIONS["notice"]} == {jobs.BUILDINGS, jobs.TEMPLATE}
    assert not PrintJob("roster").uses(jobs.FULL)  # nothing about residents on wall sheets
    assert set(jobs.OPTIONS) == set(jobs.DOCUMENTS)


def _full_prints(engine) -> list[dict]:
    with Session(engine) as session:
        rows = session.exec(select(AuditEntry).where(AuditEntry.action == "export")).all()
    return [{"summary": r.summary, "entity_id": r.entity_id, **json.loads(r.after)} for r in rows]


@pytest.mark.sqlite_only  # copies the demo database file for the CLI to open
def test_the_cli_and_the_gui_record_a_full_print_alike(demo_db, tmp_path):
    import shutil

    from gridkeeper.services.database import open_database
    from gridkeeper.storage.session import unit_of_work

    db = tmp_path / "copy.db"
    shutil.copy(demo_db[0], db)
    by_cli = tmp_path / "cli.pdf"
    assert run("ledger", "visits", "--db", db, "--month", "2026-11", "--full", "--today", "2026-11-20",
               "--out", by_cli) == 0
    database = open_database(db)
    by_gui = tmp_path / "gui.pdf"
    with unit_of_work(database.engine) as session:  # as the Print section's worker does
        print_document(session, PrintJob("ledger:visits", month=TODAY.replace(day=1), full=True, today=TODAY),
                       by_gui)
    # (the shared demo database may already hold other tests' full prints: only these two files count)
    cli, gui = [p for p in _full_prints(database.engine) if p.get("file") in (str(by_cli), str(by_gui))]
    database.dispose()
    assert cli.keys() == gui.keys() == {"summary", "entity_id", "file", "document", "rows", "full"}
    assert (cli["file"], gui["file"]) == (str(by_cli), str(by_gui))
    assert {k: v for k, v in cli.items() if k != "file"} == {k: v for k, v in gui.items() if k != "file"}


def audit_cannot_be_written():
    return disk_full(lambda statement: "audit_entry" in statement and statement.lstrip().upper().startswith("INSERT"))


def test_a_full_print_that_cannot_be_recorded_leaves_no_file(session, place, tmp_path):
    out = tmp_path / "full.pdf"
    with audit_cannot_be_written(), pytest.raises(Exception, match="disk is full"):
        print_document(session, PrintJob("ledger:households", month=TODAY, full=True, today=TODAY), out)
    assert not out.exists()
    masked = tmp_path / "masked.pdf"
    with audit_cannot_be_written():  # a masked print records nothing, so it is written
        print_document(session, PrintJob("ledger:households", month=TODAY, today=TODAY), masked)
    assert masked.stat().st_size > 0
