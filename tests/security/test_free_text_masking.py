"""Issue 11 item 12: phones and ID numbers typed into free text are masked in masked ledgers and exports."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from gridkeeper.domain.free_text import mask_numbers_in_text

MOBILE, ID = "13800138000", "110105194912310021"


@pytest.mark.parametrize("text, expected", [
    ("联系女儿 138 0013 8000 谢谢", "联系女儿 138****8000 谢谢"),
    ("身份证 110105194912310021 已复印", "身份证 110105********0021 已复印"),
    ("女儿电话１３８００１３８０００", "女儿电话138****8000"),
    ("+86 138-0013-8000", "+86 138****8000"),
    ("0086 13800138000", "0086 138****8000"),
    ("110105 1949 1231 002x 已核对", "110105********002X 已核对"),
    ("110105-19491231-0021", "110105********0021"),
    ("座机0451-86123456", "座机0451-****56"),
    ("2026-11-25 13800138000", "2026-11-25 138****8000"),
    ("13800138000、13900139000", "138****8000、139****9000"),
])
def test_numbers_in_free_text_are_masked(text, expected):
    assert mask_numbers_in_text(text) == expected


@pytest.mark.parametrize("text", ["2026-11-25 来访 7号楼 2单元301", "补贴 -12.5 元，共3人", "门牌 1-2-301", ""])
def test_dates_rooms_and_amounts_are_left_alone(text):
    assert mask_numbers_in_text(text) == text


@pytest.fixture
def noted(session, place):
    """A household whose notes, visit findings and request text carry a phone and an ID number."""
    from gridkeeper.services.households import create_household
    from gridkeeper.services.people import HouseholdInput, ResidentInput
    from gridkeeper.services.requests import RequestInput, raise_request
    from gridkeeper.services.visits import VisitInput, record_visit

    saved = create_household(session, HouseholdInput(unit_id=place["unit"], room="301", notes=f"儿子 {MOBILE}"),
                             [ResidentInput(name="王建华", is_head=True, notes=f"身份证{ID}")])
    household = saved.household.id
    visit = record_visit(session, VisitInput(household, date(2026, 11, 3), visitor_name="李晓燕",
                                             findings=f"女儿电话 138-0013-8000，身份证 {ID}"), today=date(2026, 11, 20))
    raise_request(session, RequestInput(household, f"请回电 {MOBILE}", raised_on=date(2026, 11, 3),
                                        source_visit_id=visit.id), today=date(2026, 11, 20))
    session.commit()
    return session


def _everything(rows) -> str:
    return "\n".join(str(cell) for row in rows for cell in row)


@pytest.mark.parametrize("kind", ["visits", "requests"])
def test_masked_ledgers_mask_numbers_in_free_text(noted, kind):
    from gridkeeper.reports.ledger_data import month_period
    from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger

    ask = LedgerRequest(kind, month_period(date(2026, 11, 1)), today=date(2026, 11, 20))
    text = _everything(build_ledger(noted, ask).rows)
    assert "138****8000" in text
    assert MOBILE not in text and ID not in text and "138-0013-8000" not in text
    full = _everything(build_ledger(noted, LedgerRequest(kind, ask.period, full=True, today=ask.today)).rows)
    assert MOBILE in full or "138-0013-8000" in full


def test_masked_roster_export_masks_numbers_in_notes(noted, tmp_path):
    from gridkeeper.excel.export import export_roster

    export_roster(noted, tmp_path / "r.xlsx")
    text = _everything(openpyxl.load_workbook(tmp_path / "r.xlsx").active.iter_rows(values_only=True))
    assert MOBILE not in text and ID not in text and "138****8000" in text


def test_masked_audit_trail_masks_numbers_in_notes(noted):
    from gridkeeper.services.audit_log import audit_rows

    text = "\n".join(r.before + r.after for r in audit_rows(noted))
    assert MOBILE not in text and ID not in text
    assert MOBILE in "\n".join(r.after for r in audit_rows(noted, full=True))
