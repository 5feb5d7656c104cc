"""Each ledger's columns are described once (heading, width, wrap, centre, mask) and the rows are masked by
their columns: the PDF, the xlsx and the checklist read the same description."""

from __future__ import annotations

from gridkeeper.reports import checklist, ledger_data, ledger_work
from gridkeeper.reports.ledger_data import ID_NUMBER, PHONE, TEXT, LedgerColumn, LedgerData, Privacy

ALL = {"visits": ledger_data.VISITS_COLUMNS, "households": ledger_data.HOUSEHOLDS_COLUMNS,
       "care": ledger_data.CARE_COLUMNS, "requests": ledger_work.REQUESTS_COLUMNS,
       "members": ledger_work.MEMBERS_COLUMNS, "leaders": ledger_work.LEADERS_COLUMNS,
       "checklist": checklist.COLUMNS}


def test_every_column_is_described_once_and_fits_a4_landscape():
    for kind, columns in ALL.items():
        titles = [c.title for c in columns]
        assert len(titles) == len(set(titles)), kind
        assert all(c.mask in ("", PHONE, ID_NUMBER, TEXT) for c in columns), kind
        assert 250 <= sum(c.width_mm for c in columns) <= 277, kind  # 297 mm less the margins


def test_personal_columns_are_masked_by_their_description():
    masked = {kind: {c.title for c in columns if c.mask} for kind, columns in ALL.items()}
    assert masked["households"] == {"户主身份证号", "联系电话"} and masked["checklist"] == set()
    assert "联系电话" in masked["care"] | masked["members"] | masked["leaders"]
    assert {"走访情况", "提出诉求"} <= masked["visits"]


def test_rows_are_masked_as_their_columns_say_and_the_writers_read_the_same_columns():
    columns = (LedgerColumn("序号", 11, centre=True), LedgerColumn("身份证号", 40, mask=ID_NUMBER),
               LedgerColumn("电话", 27, mask=PHONE), LedgerColumn("情况", 80, wrap=True, mask=TEXT))
    row = [1, "11010519491231002X", "13904510003", "留了电话13904510003"]
    masked = Privacy().rows(columns, [row])[0]
    assert masked[0] == 1 and "*" in masked[1] and "*" in masked[2] and "13904510003" not in masked[3]
    assert Privacy(full=True).rows(columns, [row]) == [row]
    data = LedgerData("x", "标题", "单位", "期间", columns, [masked])
    assert (data.header, data.widths_mm, data.wrap_cols, data.centre_cols) == (
        ["序号", "身份证号", "电话", "情况"], [11, 40, 27, 80], {3}, {0})
