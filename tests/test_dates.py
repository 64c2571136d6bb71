from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.common.vocabulary import WEEKDAYS
from analysis.extract.dates import resolve
from analysis.ingest.page_dates import parse_page_date

TUESDAY = date(2024, 10, 15)


@pytest.mark.parametrize("line, expected", [
    ("Sunday, November 24, 2024", date(2024, 11, 24)),
    ("[June 20, 2024]", date(2024, 6, 20)),
    ("2024-11-10T02:15:52Z", date(2024, 11, 10)),
    ("2024.10.15 09:03", date(2024, 10, 15)),
    ("date 2024-10-18 Photo : YONHAP News", date(2024, 10, 18)),
    ("6 Nov 2024 11:36", date(2024, 11, 6)),
    ("Published December 23, 2024 | 11:39 PM", date(2024, 12, 23)),
])
def test_page_date_forms(line, expected):
    assert parse_page_date(line) == expected


@pytest.mark.parametrize("line", [
    "World", "The treaty was signed on June 19, 2024 in Pyongyang by both leaders of the two countries.", "",
])
def test_text_is_not_a_page_date(line):
    assert parse_page_date(line) is None


@pytest.mark.parametrize("phrase, iso, precision", [
    ("on Tuesday", "2024-10-15", "day"),           # the anchor's own weekday is the anchor day
    ("on Thursday", "2024-10-10", "day"),          # never a day after the anchor
    ("last Tuesday", "2024-10-08", "day"),
    ("yesterday", "2024-10-14", "day"),
    ("the previous day", "2024-10-14", "day"),
    ("between Tuesday and Sunday of last week", "2024-10-08/2024-10-13", "week"),
    ("in the last week of October", "2023-10-25/2023-10-31", "week"),
    ("in the first week of October", "2024-10-01/2024-10-07", "week"),
    ("today [on 24 October]", "2023-10-24", "day"),  # written-out date wins; year looks back
    ("on October 14", "2024-10-14", "day"),
    ("Oct. 8", "2024-10-08", "day"),
    ("this week", "2024-10-14/2024-10-15", "week"),  # clipped at the anchor
    ("last week", "2024-10-07/2024-10-13", "week"),
    ("last month", "2024-09", "month"),
    ("earlier this month", "2024-10-01/2024-10-15", "month"),
    ("in June", "2024-06", "month"),
    ("in June 2024", "2024-06", "month"),
    ("in early August", "2024-08-01/2024-08-10", "month"),
    ("nearly five months after", "2024-05-15/2024-05-30", "month"),
    ("in 1990", "1990", "year"),
])
def test_resolve(phrase, iso, precision):
    ref = resolve(phrase, TUESDAY)
    assert (ref.iso, ref.precision) == (iso, precision)


def test_relative_phrase_needs_an_anchor():
    assert resolve("on Thursday", None) is None
    assert resolve("June 19, 2024", None).iso == "2024-06-19"


def test_resolution_records_phrase_and_anchor():
    ref = resolve("on Thursday", date(2024, 11, 10))
    assert ref.iso == "2024-11-07" and ref.relative
    assert "2024-11-10" in ref.basis and ref.phrase == "on Thursday"


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.sampled_from(sorted(WEEKDAYS)),
       st.sampled_from(["on ", "said ", "last ", "", "earlier "]))
def test_past_weekday_never_after_anchor(anchor, weekday, prefix):
    ref = resolve(prefix + weekday.title(), anchor)
    assert ref.end <= anchor and anchor - ref.start < timedelta(days=8)
    assert ref.start.weekday() == WEEKDAYS[weekday]


@given(st.text(max_size=80), st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1))))
def test_resolver_never_crashes(text, anchor):
    ref = resolve(text, anchor)
    assert ref is None or ref.start <= ref.end
    parse_page_date(text)


PAGE_DATE_FORMS = ["%A, %B %-d, %Y", "%B %-d, %Y", "%b %-d, %Y", "%b. %-d, %Y", "%-d %b %Y %H:%M", "%-d %B %Y",
                   "%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ", "%B %-d, %Y at %-I:%M %p", "%a, %d %b %Y %H:%M:%S GMT",
                   "%d %B, %Y", "%B %-d, %Y %-I:%M %p EST", "%A %d %B %Y %H:%M"]


@given(st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31)), st.sampled_from(PAGE_DATE_FORMS))
def test_common_page_dates_are_read_as_dateparser_reads_them(when, form):
    from analysis.ingest.page_dates import _common_date, _dateparser_date

    line = when.strftime(form)
    assert _common_date(line) is not None, line
    assert _common_date(line) == _dateparser_date(line), line
