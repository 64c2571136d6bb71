"""How a date written out becomes a window: a day, a month or part of one, a year, a decade,
a quarter, a season. A year left out is taken from the anchor, in the direction the clause's
tense points (date_windows.year_for). Each rule takes the match, the phrase, the anchor and
the tense, and gives a DateRef or None (not a date after all)."""

from __future__ import annotations

import re
from datetime import date

from analysis.common.vocabulary import MONTHS, NUMBER_WORDS, WEEKDAYS
from analysis.extract.date_windows import (DateRef, month_end, month_window, quarter_of, quarter_window,
                                           season_window, shift_quarter, year_for)

MONTHS_LOWER = tuple(MONTHS)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
COUNTS = {word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 12} | {"a": 1, "an": 1}


def group(m: re.Match, name: str) -> str:
    """A named group's words, lower-cased and single-spaced ('' when absent or unmatched)."""
    return " ".join((m[name] or "").lower().split()) if name in m.re.groupindex else ""


def _year(m: re.Match) -> int | None:
    text = group(m, "year")
    return int(text) if text else None


def written_day(m, phrase, anchor, tense) -> DateRef | None:
    year = _year(m)
    month = int(m["mnum"]) if "mnum" in m.re.groupindex else MONTHS[group(m, "month")]
    if not 1 <= month <= 12 or (year is not None and not 1900 <= year <= 2099):
        return None
    day, basis = int(m["day"]), "date written out"
    if year is None:
        if not 1 <= day <= 31:
            return None
        year = year_for(month, day, anchor, tense)
        if year is None:
            return None
        basis = f"date written out, year from anchor {anchor.isoformat()}"
        named = WEEKDAYS.get(group(m, "weekday"))
        fits = [y for y in (year, year + 1, year - 1) if named is not None and _weekday_of(y, month, day) == named]
        if fits:  # "Saturday, April 25": the year in which April 25 is a Saturday
            year, basis = fits[0], f"{basis} and the weekday"
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return DateRef(d, d, phrase, anchor, basis, unit="day")


HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "halloween": (10, 31),
            "independence day": (7, 4), "valentine's day": (2, 14)}


def holiday(m, phrase, anchor, tense) -> DateRef | None:
    """A holiday of fixed date, or Thanksgiving (the fourth Thursday of November), in the year
    written or the one the tense points to."""
    name = group(m, "holiday").replace("’", "'")
    if name.startswith("new year"):
        month, day = (1, 1) if name.endswith("day") else (12, 31)
    elif name.startswith("thanksgiving"):
        month, day = 11, 22  # the earliest it can fall; the Thursday is found below
    else:
        month, day = HOLIDAYS[name]
    year = _year(m) or year_for(month, day, anchor, tense)
    if year is None:
        return None
    d = date(year, month, day)
    if name.startswith("thanksgiving"):
        d = date(year, 11, 22 + (3 - date(year, 11, 22).weekday()) % 7)
    return DateRef(d, d, phrase, anchor, f"{name} {year}", relative=_year(m) is None, unit="day")


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def written_month(m, phrase, anchor, tense) -> DateRef | None:
    part = group(m, "part") or None
    month, basis = MONTHS[group(m, "month")], "month written out"
    year = _year(m)
    if year is None:
        which = group(m, "which")
        tense = {"last": "past", "next": "future"}.get(which, tense)
        first_day = month_window(2001, month, part)[0].day  # where the window starts
        year = anchor.year if which == "this" and anchor else year_for(month, first_day, anchor, tense)
        if year is None:
            return None
        basis = f"month written out, year from anchor {anchor.isoformat()}"
    start, end = month_window(year, month, part)
    return DateRef(start, end, phrase, anchor, basis, unit="month")


def written_year(m, phrase, anchor, tense) -> DateRef | None:
    year = _year(m)
    if year is None or not 1900 <= year <= 2099:
        return None
    return DateRef(date(year, 1, 1), date(year, 12, 31), phrase, anchor, f"year {year} written out", unit="year")


def spoken_year(m, phrase, anchor, tense) -> DateRef | None:
    if m["tens"]:
        year = 1900 + NUMBER_WORDS[m["tens"].lower()] + NUMBER_WORDS[(m["units"] or "zero").lower()]
    else:
        year = 2000 + NUMBER_WORDS[(m["units2000"] or "zero").lower()]
    return DateRef(date(year, 1, 1), date(year, 12, 31), phrase, anchor, f"year {year} said aloud", unit="year")


def decade(m, phrase, anchor, tense) -> DateRef | None:
    first = int(m["decade"])
    first += 1900 if first < 100 else 0  # "the '90s"
    if not 1900 <= first <= 2090:
        return None
    return DateRef(date(first, 1, 1), date(first + 9, 12, 31), phrase, anchor, f"the {first}s", unit="decade")


def quarter(m, phrase, anchor, tense) -> DateRef | None:
    """An ordinal quarter ("the third quarter [of 1998]") or one named against the anchor: "the
    quarter" and "the latest quarter" in a news report are the last one completed."""
    which, year, ordinal = group(m, "which"), _year(m), ORDINALS.get(group(m, "ordinal"))
    if ordinal and anchor and which.startswith(("this year", "last year", "year-")):  # "last year's third quarter"
        year = anchor.year - (not which.startswith("this"))
    if ordinal and year:
        start, end = quarter_window(year, ordinal)
        return DateRef(start, end, phrase, anchor, "quarter written out", unit="quarter")
    if anchor is None:
        return None
    y, q = quarter_of(anchor)
    if ordinal:  # a quarter not yet begun, in a past-tense clause, is last year's
        y, q = y - (q < ordinal and tense == "past"), ordinal
    elif which in ("this", "that", "the current"):  # "that quarter": date_text anchors it in the quarter named before
        pass
    elif which in ("next", "the next", "the coming"):
        y, q = shift_quarter(y, q, 1)
    elif "year" in which or "same" in which:  # "the year-earlier quarter": the last completed one, a year before
        y, q = shift_quarter(y, q, -5)
    else:
        y, q = shift_quarter(y, q, -1)
    start, end = quarter_window(y, q)
    return DateRef(start, end, phrase, anchor, f"quarter {q} of {y}, from anchor {anchor.isoformat()}",
                   relative=True, unit="quarter")


def half(m, phrase, anchor, tense) -> DateRef | None:
    """The first or second half of a year written, or else of the anchor's year."""
    year = _year(m) or (anchor.year if anchor else None)
    if year is None:
        return None
    first = 1 if group(m, "half") == "first" else 7
    return DateRef(date(year, first, 1), month_end(year, first + 5), phrase, anchor, f"half of {year}", unit="half")


def year_end(m, phrase, anchor, tense) -> DateRef | None:
    """The last day of the year the tense points to ("year-end" of a past report can be last year's)."""
    year = year_for(12, 31, anchor, tense)
    if year is None:
        return None
    d = date(year, 12, 31)
    return DateRef(d, d, phrase, anchor, f"the end of {year}", relative=True, unit="day")


def season(m, phrase, anchor, tense) -> DateRef | None:
    """"last fall" is the latest fall ended before the anchor, "next spring" the first to start
    after it, "this summer" the anchor year's; a bare season follows the clause's tense."""
    name, which, year = group(m, "season"), group(m, "which"), _year(m)
    if year is None:
        if anchor is None:
            return None
        years = range(anchor.year - 2, anchor.year + 2)
        if which in ("last", "past", "this past") or (not which and tense == "past"):
            year = max(y for y in years if season_window(y, name)[1 if which else 0] <= anchor)
        elif which in ("next", "coming", "this coming") or (not which and tense == "future"):
            year = min(y for y in years if season_window(y, name)[0 if which else 1] >= anchor)
        else:
            year = anchor.year - (name == "winter" and anchor.month <= 2)
    start, end = season_window(year, name)
    return DateRef(start, end, phrase, anchor, f"{name} {year}", relative=bool(which), unit="season")
