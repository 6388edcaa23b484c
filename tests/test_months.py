from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smpseo.core.months import (
    has_begun,
    last_complete_month,
    month_bounds,
    month_title,
    parse_month,
    previous_month,
    shift_month,
)


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 1, 1), "2025-12"),
    (date(2026, 1, 31), "2025-12"),
    (date(2026, 3, 31), "2026-02"),  # "31 March minus one month" must not land in March
    (date(2026, 3, 1), "2026-02"),
    (date(2024, 3, 31), "2024-02"),
    (date(2026, 12, 31), "2026-11"),
    (date(2026, 5, 31), "2026-04"),
    (date(2026, 11, 24), "2026-10"),
])
def test_last_complete_month(today, expected):
    assert last_complete_month(today) == expected


def test_previous_and_shift():
    assert previous_month("2026-01") == "2025-12"
    assert shift_month("2025-12", 1) == "2026-01"
    assert shift_month("2026-10", -22) == "2024-12"


@pytest.mark.parametrize("bad", ["2026-13", "2026-00", "26-10", "2026-1", "2026/10", "", "october", "0000-01",
                                 "9999-12", "1899-12"])
def test_parse_month_rejects(bad):
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month(bad)


@pytest.mark.parametrize(("month", "begun"), [("2026-10", True), ("2026-11", True), ("2026-12", False),
                                              ("2027-01", False), ("2062-10", False), ("1999-12", True)])
def test_has_begun(month, begun):
    assert has_begun(month, date(2026, 11, 30)) is begun


def test_bounds_and_title():
    assert month_bounds("2024-02") == (date(2024, 2, 1), date(2024, 3, 1))
    assert month_bounds("2025-12") == (date(2025, 12, 1), date(2026, 1, 1))
    assert month_title("2026-10") == "October 2026"


@given(st.dates(min_value=date(1900, 2, 1), max_value=date(2999, 12, 31)))
def test_last_complete_month_is_the_month_before_today(today):
    month = last_complete_month(today)
    first, after = month_bounds(month)
    assert after == today.replace(day=1)
    assert first < today
    assert shift_month(month, 1) == f"{today.year:04d}-{today.month:02d}"
