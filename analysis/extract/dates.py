"""The date grammar of news text: one table of forms, each a pattern and the rule that turns
what it matched into a window of days. Finding dating phrases in a sentence and resolving a
phrase (found here, or named by an annotation) read the same table, so nothing is found that
cannot be resolved, and nothing is resolved that could not be found.

Dates written out come first: in a phrase that holds one ("today [on 24 October]") it wins
over a relative word. Relative phrases follow news convention: a past-tense weekday ("on
Thursday") is the most recent such day, the anchor day included, never a day after the anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from analysis.common.vocabulary import MONTHS, MONTHS_RE, NUMBER_WORDS, WEEKDAYS
from analysis.extract.date_windows import DateRef, latest_year_not_after, month_window, months_before, week_of

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = rf"(?P<month>{MONTHS_RE})"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_COUNT_WORDS = {word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 12}  # "five months ago"


@dataclass(frozen=True)
class Form:
    """One way news writes a date: its pattern, the kinds of word it cannot match without (so a
    sentence is scanned only by the forms it might hold), and how a match becomes a window."""

    name: str
    pattern: str
    needs: frozenset[str]
    window: Callable[[re.Match, str, date | None], DateRef | None]
    relative: bool = False

    @property
    def compiled(self) -> re.Pattern:
        return _compiled(self.pattern)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _written_day(m: re.Match, phrase: str, anchor: date | None) -> DateRef | None:
    year = int(m["year"]) if m["year"] else None
    month = int(m["mnum"]) if "mnum" in m.re.groupindex else MONTHS[m["month"].lower()]
    if not 1 <= month <= 12 or (year is not None and not 1900 <= year <= 2099):
        return None
    day, basis = int(m["day"]), "date written out"
    if year is None:
        year = latest_year_not_after(month, day, anchor)
        if year is None:
            return None
        basis = f"date written out, year from anchor {anchor.isoformat()}"
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return DateRef(d, d, phrase, anchor, basis)


def _written_month(m: re.Match, phrase: str, anchor: date | None) -> DateRef | None:
    part = " ".join(m["part"].split()) if "part" in m.re.groupindex and m["part"] else None
    month, basis = MONTHS[m["month"].lower()], "month written out"
    year = int(m["year"]) if m["year"] else None
    if year is None:
        first_day = month_window(2001, month, part)[0].day  # where the window starts
        year = latest_year_not_after(month, first_day, anchor)
        if year is None:
            return None
        basis = f"month written out, year from anchor {anchor.isoformat()}"
    start, end = month_window(year, month, part)
    return DateRef(start, end, phrase, anchor, basis)


def _written_year(m: re.Match, phrase: str, anchor: date | None) -> DateRef:
    year = int(m["year"])
    return DateRef(date(year, 1, 1), date(year, 12, 31), phrase, anchor, f"year {year} written out")


def _relative(start: date, end: date, phrase: str, anchor: date, rule: str) -> DateRef:
    """A past event cannot be after the anchor: windows that extend beyond it are clipped."""
    end = min(end, anchor)
    start = min(start, end)
    return DateRef(start, end, phrase, anchor, f"{rule}, anchored to {anchor.isoformat()}", relative=True)


def _today(m, phrase, anchor):
    return _relative(anchor, anchor, phrase, anchor, "today = the anchor day")


def _yesterday(m, phrase, anchor):
    d = anchor - timedelta(days=1)
    return _relative(d, d, phrase, anchor, "the day before the anchor")


def _between_weekdays(m, phrase, anchor):
    first, second, which = m["first"].lower(), m["second"].lower(), m["which"].lower()
    monday = week_of(anchor)[0] - timedelta(days=0 if which == "this" else 7)
    return _relative(monday + timedelta(days=WEEKDAYS[first]), monday + timedelta(days=WEEKDAYS[second]),
                     phrase, anchor, f"{first} to {second} of {which} week")


def _weekday(m, phrase, anchor):
    weekday = m["weekday"].lower()
    back = (anchor.weekday() - WEEKDAYS[weekday]) % 7
    if m["last"] and back == 0:
        back = 7
    d = anchor - timedelta(days=back)
    return _relative(d, d, phrase, anchor, f"most recent {weekday.title()} on or before the anchor")


def _period(m, phrase, anchor):
    which, unit = " ".join(m["which"].lower().split()), m["unit"].lower()
    past = which in ("last", "previous")
    if unit == "week":
        start, end = week_of(anchor)
        if past:
            start, end = start - timedelta(days=7), end - timedelta(days=7)
        return _relative(start, end, phrase, anchor, f"{which.split()[-1]} week (Monday to Sunday)")
    if unit == "month":
        first = anchor.replace(day=1)
        if past:
            first = (first - timedelta(days=1)).replace(day=1)
        return _relative(first, month_window(first.year, first.month, None)[1], phrase, anchor, f"{which} month")
    year = anchor.year - (1 if past else 0)
    return _relative(date(year, 1, 1), date(year, 12, 31), phrase, anchor, f"{which} year")


def _ago(m, phrase, anchor):
    count = m["n"].lower()
    n = int(count) if count.isdigit() else _COUNT_WORDS[count]
    unit, qualifier = m["unit"].lower(), " ".join((m["qualifier"] or "").lower().split())
    point = months_before(anchor, n) if unit == "month" else anchor - timedelta(days=n * (7 if unit == "week" else 1))
    half = timedelta(days={"month": 15, "week": 3, "day": 0}[unit])
    # "nearly five months" lies just after the five-month point, "more than" just before it.
    lo = point if qualifier in ("nearly", "almost") else point - half
    hi = point if qualifier in ("more than", "over") else point + half
    return _relative(lo, hi, phrase, anchor, f"{(qualifier + ' ') if qualifier else ''}{n} {unit}s before the anchor")


def _recently(m, phrase, anchor):
    return _relative(anchor - timedelta(days=30), anchor, phrase, anchor,
                     "recently = within the 30 days before the anchor")


_YEAR_AFTER = rf"(?:\s+{_YEAR})?"
FORMS = [
    # Dates written out, most specific first.
    Form("numeric date", r"\b(?P<year>\d{4})[-./](?P<mnum>\d{1,2})[-./](?P<day>\d{1,2})\b", frozenset({"digit"}),
         _written_day),
    Form("day month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+{_YEAR})?\b", frozenset({"digit", "month"}),
         _written_day),
    Form("month day", rf"\b{_MONTH}\.?\s+{_DAY}\b(?:,?\s+{_YEAR})?", frozenset({"digit", "month"}), _written_day),
    Form("week of a month", rf"\b(?:in\s+)?(?P<part>(?:the\s+)?(?:last|first)\s+week\s+of)\s+{_MONTH}\b{_YEAR_AFTER}",
         frozenset({"month"}), _written_month),
    Form("part of a month", rf"\b(?:in\s+)?(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[-\s]+"
         rf"{_MONTH}\b{_YEAR_AFTER}", frozenset({"month"}), _written_month),
    Form("month", rf"\bin\s+{_MONTH}\b{_YEAR_AFTER}", frozenset({"month"}), _written_month),
    Form("year", rf"\bin\s+{_YEAR}\b", frozenset({"digit"}), _written_year),
    # Relative to an anchor: the article's date, or the date of the article a passage was copied from.
    Form("today", r"\b(?:earlier\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))\b",
         frozenset({"today"}), _today, relative=True),
    Form("yesterday", r"\b(?:yesterday|the\s+previous\s+day|the\s+day\s+before)\b", frozenset({"previous"}),
         _yesterday, relative=True),
    Form("days of a week", rf"\bbetween\s+(?P<first>{_WEEKDAY})\s+and\s+(?P<second>{_WEEKDAY})\s+of\s+"
         r"(?P<which>this|last|previous)\s+week\b", frozenset({"weekday", "period"}), _between_weekdays, relative=True),
    Form("weekday", rf"\b(?:on\s+|(?P<last>last\s+)|earlier\s+|late\s+|early\s+)?(?P<weekday>{_WEEKDAY})\b",
         frozenset({"weekday"}), _weekday, relative=True),
    Form("this or last period", r"\b(?P<which>earlier\s+this|this|last|previous)\s+(?P<unit>week|month|year)\b",
         frozenset({"period"}), _period, relative=True),
    Form("time ago", r"\b(?P<qualifier>nearly|almost|about|around|some|more\s+than|over)?\s*(?P<n>\d+|"
         + "|".join(_COUNT_WORDS) + r")\s+(?P<unit>day|week|month)s?\s+(?:ago|after|later|since)\b",
         frozenset({"ago"}), _ago, relative=True),
    Form("recently", r"\b(?:recently|lately|in\s+recent\s+(?:days|weeks))\b", frozenset({"recent"}), _recently,
         relative=True),
]

# The words each kind of form needs; a sentence without any of a form's kinds is not scanned by it.
WORD_KINDS = {
    **dict.fromkeys(MONTHS, "month"), **dict.fromkeys(WEEKDAYS, "weekday"),
    **dict.fromkeys(("today", "tonight", "morning", "afternoon", "evening"), "today"),
    **dict.fromkeys(("yesterday", "previous", "before"), "previous"),
    **dict.fromkeys(("week", "month", "year"), "period"), **dict.fromkeys(("ago", "after", "later", "since"), "ago"),
    **dict.fromkeys(("recently", "recent", "lately"), "recent"),
}
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_LETTERS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def _alternation(forms: list[Form]) -> re.Pattern:
    """The forms as one pattern for finding (group names dropped: several forms share them)."""
    return re.compile("|".join(_GROUP_NAME.sub("(?:", f.pattern) for f in forms), re.I)


DATE_PHRASE = _alternation(FORMS)


@lru_cache(maxsize=None)
def _pattern_for_kinds(kinds: frozenset[str]) -> re.Pattern | None:
    forms = [f for f in FORMS if f.needs <= kinds]
    return _alternation(forms) if forms else None


def date_pattern_for(text: str) -> re.Pattern | None:
    """DATE_PHRASE without the forms that cannot match this text (they need a word it lacks).
    Every position of a sentence is tried against every form, so this is most of the saving
    in extraction: most sentences need two or three forms, many none."""
    kinds = {WORD_KINDS[w] for w in _LETTERS.findall(text.lower()) if w in WORD_KINDS}
    if _DIGIT.search(text):
        kinds.add("digit")
    return _pattern_for_kinds(frozenset(kinds))


@dataclass(frozen=True)
class DatePhrase:
    start: int
    end: int
    text: str


def date_phrases(text: str, offset: int = 0) -> tuple[DatePhrase, ...]:
    """Every dating phrase in the text, with its span (shifted by `offset`)."""
    pattern = date_pattern_for(text)
    if pattern is None:
        return ()
    found = []
    for m in pattern.finditer(text):
        phrase = m.group(0).strip()
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        found.append(DatePhrase(offset + m.start() + lead, offset + m.start() + lead + len(phrase), phrase))
    return tuple(found)


@lru_cache(maxsize=65536)
def resolve(phrase: str, anchor: date | None) -> DateRef | None:
    """The window a dating phrase stands for: the first form, in the table's order, that
    matches in the phrase and yields a date. A relative phrase needs an anchor. Cached: the same
    phrase is resolved against the same day for every mention of an event, and again when a page
    date is re-estimated."""
    for form in FORMS:
        if form.relative and anchor is None:
            break  # the relative forms close the table
        m = form.compiled.search(phrase)
        if m is not None:
            found = form.window(m, phrase, anchor)
            if found is not None:
                return found
    return None
