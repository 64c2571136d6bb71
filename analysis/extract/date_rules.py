"""How a date written out becomes a window: a day, a month or part of one, a year, a decade,
a quarter, a season. A year left out is taken from the anchor, in the direction the clause's
tense points (date_windows.year_for). Each rule takes the match, the phrase, the anchor and
the tense, and gives a DateRef or None (not a date after all)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from analysis.common.vocabulary import MONTHS, NUMBER_WORDS, WEEKDAYS
from analysis.extract.date_windows import (DateRef, month_end, month_window, quarter_of, quarter_window,
                                           season_window, shift_quarter, year_for)

MONTHS_LOWER = tuple(MONTHS)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
COUNTS = {word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 12} | {"a": 1, "an": 1}


def group(m: re.Match, name: str) -> str:
    """A named group's words, lower-cased and single-spaced ('' when absent or unmatched)."""
    return " ".join((m[name] or "").lower().split()) if name in m.re.groupindex else ""


def _year(m: re.Match, anchor: date | None = None) -> int | None:
    """The year written, or named against the anchor ("of next year")."""
    text, named = group(m, "year"), group(m, "ofyear")
    if named and anchor:
        return anchor.year + {"last": -1, "next": 1}.get(named, 0)
    return int(text) if text else None


def written_day(m, phrase, anchor, tense) -> DateRef | None:
    year = _year(m)
    month = int(m["mnum"]) if "mnum" in m.re.groupindex else MONTHS[group(m, "month")]
    if not 1 <= month <= 12 or (year is not None and not 1900 <= year <= 2099):
        return None
    day, basis = int(m["day"]), "date written out"
    tense = {"last": "past", "next": "future"}.get(group(m, "which"), tense)  # "last Oct. 23"
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


# Names with the possessive dropped ("valentine day"); holidays on the nth weekday of a month
# (n = -1: the last), some a number of days after it, keyed by their first word.
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "halloween": (10, 31),
            "independence day": (7, 4), "valentine day": (2, 14), "new year day": (1, 1), "new year eve": (12, 31),
            "veterans day": (11, 11), "boxing day": (12, 26)}
FLOATING = {"thanksgiving": (11, 3, 4, 0), "labor": (9, 0, 1, 0), "memorial": (5, 0, -1, 0),
            "election": (11, 0, 1, 1), "columbus": (10, 0, 2, 0), "mother": (5, 6, 2, 0), "father": (6, 6, 3, 0),
            "presidents": (2, 0, 3, 0), "martin": (1, 0, 3, 0)}


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday_day(name: str, year: int) -> date:
    key = " ".join(re.sub(r"['’]s?(?=\s|$)", "", name).split())
    first = key.split()[0]
    if first in ("easter", "good"):
        return easter(year) - timedelta(days=2 if first == "good" else 0)
    if first in FLOATING:
        month, weekday, nth, after = FLOATING[first]
        return _nth_weekday(year, month, weekday, nth) + timedelta(days=after)
    return date(year, *HOLIDAYS[key])


def holiday(m, phrase, anchor, tense) -> DateRef | None:
    """A holiday in the year written, or the one the tense points to (its date in the anchor's
    year decides which)."""
    name = group(m, "holiday")
    year = _year(m)
    if year is None:
        if anchor is None:
            return None
        d = _holiday_day(name, anchor.year)
        year = year_for(d.month, d.day, anchor, tense)
    d = _holiday_day(name, year)
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
    if year is None or not 1700 <= year <= 2099:
        return None
    return DateRef(date(year, 1, 1), date(year, 12, 31), phrase, anchor, f"year {year} written out", unit="year")


def spoken_year(m, phrase, anchor, tense) -> DateRef | None:
    if m["tens"]:
        year = 1900 + NUMBER_WORDS[m["tens"].lower()] + NUMBER_WORDS[(m["units"] or "zero").lower()]
    else:
        year = 2000 + NUMBER_WORDS[(m["units2000"] or "zero").lower()]
    return DateRef(date(year, 1, 1), date(year, 12, 31), phrase, anchor, f"year {year} said aloud", unit="year")


def decade(m, phrase, anchor, tense) -> DateRef | None:
    first = int(m["decade"].lstrip("'’"))
    first += 1900 if first < 100 else 0  # "the '90s"
    if not 1900 <= first <= 2090:
        return None
    return DateRef(date(first, 1, 1), date(first + 9, 12, 31), phrase, anchor, f"the {first}s", unit="decade")


def century(m, phrase, anchor, tense) -> DateRef | None:
    first = (int(m["century"]) - 1) * 100  # the 20th century: 1900-1999
    return DateRef(date(first, 1, 1), date(first + 99, 12, 31), phrase, anchor, f"the {first}s", unit="century")


def quarter(m, phrase, anchor, tense) -> DateRef | None:
    """An ordinal quarter ("the third quarter [of 1998]") or one named against the anchor: "the
    quarter" and "the latest quarter" in a news report are the last one completed."""
    which, year, ordinal = group(m, "which"), _year(m, anchor), ORDINALS.get(group(m, "ordinal"))
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
    year = _year(m, anchor) or (anchor.year if anchor else None)
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
    name, which, year = group(m, "season"), group(m, "which"), _year(m, anchor)
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
