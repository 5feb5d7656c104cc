"""Restoring from the recycle bin, importing and exporting full ID numbers each leave an audit row."""

from __future__ import annotations

from sqlmodel import select

from gridkeeper.services import households as hh
from gridkeeper.services import trash
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.models import AuditEntry
from tests.conftest import TODAY


def _actions(session) -> list[str]:
    return [e.action for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))]


def test_restore_and_full_export_are_audited(session, place, tmp_path):
    from gridkeeper.excel.export import export_roster

    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                [ResidentInput(name="赵秀兰", id_number="11010519491231002X")], today=TODAY)
    session.commit()
    record = trash.delete_household(session, saved.household.id)
    session.commit()
    trash.restore(session, record.id)
    session.commit()
    assert "restore" in _actions(session)
    export_roster(session, tmp_path / "masked.xlsx")
    assert _actions(session).count("export") == 0
    export_roster(session, tmp_path / "full.xlsx", full=True)
    assert _actions(session).count("export") == 1


def test_import_is_audited_with_counts(tmp_path):
    from tests.excel.roster_helpers import imported
    from gridkeeper.services.database import open_database

    roster = tmp_path / "r.csv"
    roster.write_text("小区,楼栋,单元,房号,户主姓名,身份证号\n幸福家园,7号楼,2单元,301,张三丰,11010519491231002X\n",
                      encoding="utf-8")
    engine = open_database(tmp_path / "a.db", create=True).engine
    imported(engine, roster, grid_code="FK-09", grid_name="第三网格", community="福康社区居民委员会", today=TODAY)
    from sqlmodel import Session

    with Session(engine) as session:
        (entry,) = session.exec(select(AuditEntry).where(AuditEntry.action == "import")).all()
    engine.dispose()
    assert "FK-09" in entry.summary and '"households_added": 1' in entry.after
