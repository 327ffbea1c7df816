"""Tests for date ranges and years of experience."""

from datetime import date

import pytest

from resume.experience import merged_years, parse_date, parse_date_ranges, stated_years

TODAY = date(2026, 11, 24)


def spans(text: str) -> list[tuple[date, date]]:
    return [(r.start, r.end) for r in parse_date_ranges(text, TODAY)]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Mar 2019", date(2019, 3, 1)),
        ("March 2019", date(2019, 3, 1)),
        ("Sept. 2015", date(2015, 9, 1)),
        ("03/2019", date(2019, 3, 1)),
        ("2019-03", date(2019, 3, 1)),
        ("2019.03", date(2019, 3, 1)),
        ("2019-03-15", date(2019, 3, 1)),
        ("2019", date(2019, 1, 1)),
        ("Summer 2018", date(2018, 6, 1)),
        ("Fall 2018", date(2018, 9, 1)),
        ("Jan '19", date(2019, 1, 1)),
        ("Dec '98", date(1998, 12, 1)),
        ("Present", TODAY),
        ("current", TODAY),
        ("Now", TODAY),
        ("Today", TODAY),
        ("Ongoing", TODAY),
    ],
)
def test_date_forms(token, expected):
    assert parse_date(token, TODAY) == expected


def test_range_separators():
    assert spans("Mar 2019 - Jun 2020") == [(date(2019, 3, 1), date(2020, 6, 1))]
    assert spans("Mar 2019 – Jun 2020") == [(date(2019, 3, 1), date(2020, 6, 1))]
    assert spans("Mar 2019 — Jun 2020") == [(date(2019, 3, 1), date(2020, 6, 1))]
    assert spans("Mar 2019 to Jun 2020") == [(date(2019, 3, 1), date(2020, 6, 1))]
    assert spans("2015-2017") == [(date(2015, 1, 1), date(2017, 1, 1))]


def test_open_ranges_run_to_today():
    assert spans("Engineer, Feb 2025 – Present") == [(date(2025, 2, 1), TODAY)]
    assert spans("August 2014 – Curr") == [(date(2014, 8, 1), TODAY)]


def test_range_split_across_lines():
    assert spans("Acme Corp\n2021\n2023\nEngineer") == [(date(2021, 1, 1), date(2023, 1, 1))]
    assert spans("Feb 2025 –\nPresent") == [(date(2025, 2, 1), TODAY)]


def test_numbers_that_are_not_dates_are_ignored():
    assert spans("Served 2,000 users; ISO 27001; cut costs by 45%") == []


def test_lone_date_is_a_point():
    assert spans("Certified 2019") == [(date(2019, 1, 1), date(2019, 1, 1))]


def test_overlaps_are_merged():
    jobs = [
        (date(2018, 1, 1), date(2020, 1, 1)),
        (date(2019, 1, 1), date(2021, 1, 1)),  # overlaps the first
        (date(2022, 1, 1), date(2022, 7, 1)),
    ]
    assert merged_years(jobs) == pytest.approx(3.5)


def test_merged_years_of_nothing_is_zero():
    assert merged_years([]) == 0.0


def test_stated_years():
    assert stated_years("Engineer with 7+ years of experience in Java.") == 7.0
    assert stated_years("10 years of professional experience") == 10.0
    assert stated_years("Worked for 3 years on a farm.") is None
    assert stated_years("") is None


def test_month_span_shares_the_year():
    assert spans("Jan – Mar 2019") == [(date(2019, 1, 1), date(2019, 3, 1))]
    assert spans("Nov - Feb 2019") == [(date(2018, 11, 1), date(2019, 2, 1))]


@pytest.mark.parametrize(
    "text", ["Jan/2019 - Mar/2020", "Jan-2019 – Mar-2020", "Jan.2019 to Mar.2020"]
)
def test_month_and_year_joined_by_punctuation(text):
    assert spans(text) == [(date(2019, 1, 1), date(2020, 3, 1))]


def test_has_date_range_finds_written_ranges_not_lone_dates():
    from resume.experience import has_date_range

    assert has_date_range("Backend Engineer, Acme  Jan 2019 - Present")
    assert has_date_range("2017 to 2019")
    assert has_date_range("05/2022 – 08/2024")
    assert has_date_range("Engineer\t2013-01-01 — 2017-01-01")
    assert not has_date_range("Graduated 2019")
    assert not has_date_range("Led a team of 12 engineers")
