"""Reporting periods: parsing 2026-11 / 2026-Q4 / 2026, their dates, the previous period, clear errors."""

from __future__ import annotations

from datetime import date

import pytest

from gridkeeper.domain.period import Period, PeriodError, month_of, parse_period, quarter_of


@pytest.mark.parametrize("text, kind, start, end, label", [
    ("2026-11", "month", date(2026, 11, 1), date(2026, 12, 1), "2026年11月"),
    ("2026-12", "month", date(2026, 12, 1), date(2027, 1, 1), "2026年12月"),
    ("2026-2", "month", date(2026, 2, 1), date(2026, 3, 1), "2026年2月"),
    ("2026-Q4", "quarter", date(2026, 10, 1), date(2027, 1, 1), "2026年第四季度"),
    (" 2026q1 ", "quarter", date(2026, 1, 1), date(2026, 4, 1), "2026年第一季度"),
    ("2026", "year", date(2026, 1, 1), date(2027, 1, 1), "2026年"),
    ("２０２６－１１", "month", date(2026, 11, 1), date(2026, 12, 1), "2026年11月"),  # a Chinese input method's
    ("２０２６－Ｑ４", "quarter", date(2026, 10, 1), date(2027, 1, 1), "2026年第四季度"),
])
def test_periods_parse_to_their_dates(text, kind, start, end, label):
    period = parse_period(text)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)
    assert parse_period(period.text) == period


def test_previous_period_crosses_years():
    assert parse_period("2026-01").previous() == parse_period("2025-12")
    assert parse_period("2026-11").previous() == parse_period("2026-10")
    assert parse_period("2026-Q1").previous() == parse_period("2025-Q4")
    assert parse_period("2026-Q3").previous() == parse_period("2026-Q2")
    assert parse_period("2026").previous() == parse_period("2025")


def test_last_day_days_and_contains():
    february = parse_period("2028-02")
    assert february.last_day == date(2028, 2, 29) and february.days == 29
    assert february.contains(date(2028, 2, 29)) and not february.contains(date(2028, 3, 1))
    assert month_of(date(2026, 11, 20)) == Period("month", 2026, 11)
    assert quarter_of(date(2026, 11, 20)).text == "2026-Q4"


@pytest.mark.parametrize("text, says", [
    ("2026-13", "1 到 12"), ("2026-Q5", "Q1 到 Q4"), ("2026-00", "1 到 12"), ("11月", "格式不对"),
    ("", "格式不对"), ("2026/11", "格式不对"), ("9999", "超出范围"), ("2026-11-01", "格式不对"),
])
def test_bad_text_says_what_is_expected(text, says):
    with pytest.raises(PeriodError, match=says):
        parse_period(text)


def test_recent_periods_for_pickers():
    from gridkeeper.domain.period import recent_periods

    today = date(2026, 2, 10)
    assert [p.text for p in recent_periods("month", today, 3)] == ["2026-02", "2026-01", "2025-12"]
    assert [p.text for p in recent_periods("quarter", today, 2)] == ["2026-Q1", "2025-Q4"]
    assert [p.text for p in recent_periods("year", today, 2)] == ["2026", "2025"]
