"""Counts and dates in words: numbers agree with their nouns, windows are said as windows."""

import pandas as pd
import pytest

from analysis.sections.words import day, plural, window

D = pd.Timestamp


@pytest.mark.parametrize("n, noun, said", [(1, "claim", "1 claim"), (2, "claim", "2 claims"), (0, "article", "0 articles"),
                                           (1, "claimant", "1 claimant"), (1500, "copy", "1,500 copies")])
def test_plural_agrees_in_number(n, noun, said):
    assert plural(n, noun) == said


@pytest.mark.parametrize("start, end, phrase, said", [
    (D("2024-11-07"), D("2024-11-07"), "on Thursday", "7 Nov 2024 ('on Thursday')"),
    (D("2024-10-07"), D("2024-10-13"), "last week", "between 7 and 13 Oct 2024 ('last week')"),
    (D("2024-09-30"), D("2024-10-06"), None, "between 30 Sep and 6 Oct 2024"),
    (D("2024-12-30"), D("2025-01-05"), None, "between 30 Dec 2024 and 5 Jan 2025"),
    (D("2024-06-01"), D("2024-06-30"), "In June", "in Jun 2024 ('In June')"),
    (D("2024-09-24"), D("2024-10-24"), "Recently", "by 24 Oct 2024 ('Recently')"),
    (None, D("2024-10-24"), None, "by 24 Oct 2024"),
    (None, None, None, "undated"),
])
def test_a_window_is_never_said_as_its_first_day(start, end, phrase, said):
    assert window(start, end, phrase) == said


def test_day():
    assert day(D("2024-06-20")) == "20 Jun 2024" and day(None) == "an unknown date"
