"""The table of forms: every way the grammar knows of writing a date, each a pattern, the
kinds of word it cannot match without, and the rule that makes a window of what it matched.
Dates written out come first, so that in a phrase holding one ("today [on 24 October]") it
wins over a relative word. Weak forms are found only when asked for (the TimeML benchmark,
the `dates` command): a bare year, a decade, "now", "the future", "the year", "that day",
"several years ago" name a time but seldom date the claim or event of their sentence ("troops
sent since 2022 now number 11,000", said on Monday)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from analysis.common.vocabulary import MONTHS_RE, NUMBER_WORDS, WEEKDAYS
from analysis.extract import date_relative as rel
from analysis.extract import date_rules as wr

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![,.]?\d)"
_MONTH = rf"(?P<month>{MONTHS_RE})"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_BARE_MONTH = "(?-i:January|February|March|April|June|July|August|September|October|November|December)"
_COUNTS = "|".join(w for w, n in NUMBER_WORDS.items() if 1 <= n <= 12)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_ANY_YEAR = r"(?P<year>1[7-9]\d{2}|20\d{2})"  # after "in": "in 1898" is a year too
_YEAR_AFTER = rf"(?:,?\s+(?:of\s+)?{_YEAR})?"
_OF_YEAR = r"\s+of\s+(?P<ofyear>this|next|last)\s+(?:fiscal\s+)?year\b"  # "the first quarter of next year"
# A four-digit number is a year unless it is money, a numbered thing or a count of something
# ("some 2000 troops", "2000 more arrived").
_NOT_LABEL = (r"(?<![$€£#\d.,/])(?<!\bNo\.\s)(?<!\bno\s)(?<!article\s)(?<!number\s)(?<!\bsome\s)(?<!about\s)"
              r"(?<!nearly\s)(?<!another\s)(?<!around\s)(?<!almost\s)(?<!roughly\s)(?<!than\s)")
_NOT_COUNT = (r"(?![,.]?\d|\s*(?:%|percent\b))(?!\s+(?!(?:was|has|is|as|its|this|his|plus|thus|elections?|crisis|"
              r"games|olympics|talks|levels?)\b)(?:[a-z]+s|people|men|women|personnel|staff|km|kg|tons?|feet|"
              r"miles?|yuan|yen|won|rubles?|roubles?|more|fewer|additional|extra|others?)\b)")
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night)\b)?"  # "Friday night": still a day
_SEASON = r"(?P<season>spring|summer|autumn|winter|fall(?!\s+(?:of|in|to|from|on|by)\s+(?!(?:19|20)\d\d)))"


@dataclass(frozen=True)
class Form:
    """One way news writes a date: its pattern, the kinds of word it cannot match without (so a
    sentence is scanned only by the forms it might hold), and how a match becomes a window."""

    name: str
    pattern: str
    needs: frozenset[str]
    window: Callable
    relative: bool = False
    weak: bool = False  # names a time but seldom dates its sentence's claim: found only when asked for

    @property
    def compiled(self) -> re.Pattern:
        return _compiled(self.pattern)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _f(name, pattern, needs, window, **kw) -> Form:
    return Form(name, pattern, frozenset(needs.split()), window, **kw)


FORMS = [
    # Dates written out, most specific first.
    _f("numeric date", r"\b(?P<year>\d{4})[-./](?P<mnum>\d{1,2})[-./](?P<day>\d{1,2})\b", "digit", wr.written_day),
    _f("day month", rf"\b(?:on\s+)?(?:(?P<weekday>{_WEEKDAY}),?\s+(?:the\s+)?)?{_DAY}\s+(?:of\s+)?{_MONTH}\.?"
       rf"(?:,?\s+{_YEAR})?\b", "digit month", wr.written_day),
    _f("month day", rf"\b(?:on\s+)?(?:(?P<weekday>{_WEEKDAY}),?\s+|(?P<which>last|next)\s+)?{_MONTH}\.?\s+{_DAY}\b"
       rf"(?:,?\s+{_YEAR}\b)?", "digit month", wr.written_day),
    _f("holiday", rf"\b(?P<holiday>Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|"
       rf"(?:Independence|Election|Labor|Memorial|Veterans['’]?|Columbus|Mother['’]s|Father['’]s|Boxing|"
       rf"Presidents['’]?|Martin\s+Luther\s+King(?:\s+Jr\.?)?)\s+Day|Halloween|Valentine['’]s\s+Day|"
       rf"Easter(?:\s+Sunday)?|Good\s+Friday)\b{_YEAR_AFTER}", "holiday", wr.holiday),
    _f("week of a month", rf"\b(?:in\s+)?(?P<part>(?:the\s+)?(?:last|first)\s+week\s+of)\s+{_MONTH}\b{_YEAR_AFTER}",
       "month", wr.written_month),
    _f("part of a month", rf"\b(?:in\s+)?(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|"
       rf"the\s+middle\s+of)[-\s]+{_MONTH}\b{_YEAR_AFTER}", "month", wr.written_month),
    _f("month and year", rf"\b{_MONTH}\.?,?\s+{_YEAR}\b", "digit month", wr.written_month),
    _f("this or last month name", rf"\b(?P<which>last|next|this)\s+(?=(?-i:[A-Z])){_MONTH}\b", "month",
       wr.written_month),
    _f("month", rf"\b(?:in|by|until|till|since|through|during|before|after|from)\s+{_MONTH}\b(?!\.?\s+\d{{1,2}}(?!\d))"
       rf"{_YEAR_AFTER}", "month", wr.written_month),
    _f("month name", rf"\b(?P<month>{_BARE_MONTH})\b", "month", wr.written_month),
    _f("quarter of a named year", rf"\b(?:the\s+)?(?:{_YEAR}(?:['’]s)?|(?P<which>this\s+year['’]s|last\s+year['’]s|"
       rf"year-earlier|year-ago))\s+(?:fiscal\s+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+"
       r"quarter\b", "quarter", wr.quarter),
    _f("ordinal quarter", rf"\b(?:the\s+)?(?:fiscal\s+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+"
       rf"(?:fiscal\s+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?{_YEAR}|{_OF_YEAR})?", "quarter", wr.quarter),
    _f("named quarter", r"\b(?P<which>the(?:\s+(?:comparable\s+)?(?:latest|most\s+recent|recent|current|previous|"
       r"coming|next|prior|year-earlier|year-ago|same))?|this|that|last|next)\s+(?:fiscal\s+)?quarter\b(?!-)",
       "quarter", wr.quarter),
    _f("half of a year", rf"\b(?:the\s+)?(?P<half>first|second|last|latter)[-\s]+half\s+of\s+{_YEAR}\b", "digit half",
       wr.half),
    _f("half", rf"\b(?:the\s+)?(?P<half>first|second|latter)[-\s]+half\b(?:\s+of\s+the\s+year|{_OF_YEAR})?", "half",
       wr.half, weak=True),
    _f("season of a year", rf"\b(?:the\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR}\b", "digit season", wr.season),
    _f("season", rf"\b(?:(?P<which>last|next|this\s+past|this\s+coming|this|past|coming)\s+|the\s+|in\s+(?:the\s+)?)"
       rf"{_SEASON}\b(?:{_OF_YEAR}|{_YEAR_AFTER})", "season", wr.season),
    _f("decade", r"(?:\bthe\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<decade>\b(?:19|20)\d0|['’]\d0)['’]?s\b", "digit",
       wr.decade, weak=True),
    _f("century", r"\b(?:the\s+)?(?P<century>1[5-9]|2[01])(?:st|nd|rd|th)[-\s]+century\b", "century", wr.century,
       weak=True),
    _f("fiscal year", rf"\bfiscal\s+(?:year\s+)?{_YEAR}\b", "digit", wr.written_year),
    _f("in a year", rf"\b(?:in|during|since|until|by|early|late|mid|of|the\s+year)[-\s]+{_ANY_YEAR}\b{_NOT_COUNT}"
       r"(?!\s*(?:GMT|UTC|hours|hrs|local)\b|['’]s\s+(?:fiscal\s+)?\w+[-\s]+quarter)", "digit", wr.written_year),
    # A year naming a thing ("the 1961 treaty", "a 2000 pact"): the year it belongs to; its article stays out of it.
    _f("year of a thing", rf"\b{_YEAR}(?:(?<=\bthe\s....)|(?<=\ba\s....)|(?<=\bits\s....)|(?<=\btheir\s....))\b"
       rf"{_NOT_COUNT}(?=\s+[a-z])", "digit", wr.written_year),
    _f("named year", r"\bthe\s+(?P<which>current|latest|coming|next|previous|prior)?\s*(?:fiscal\s+)?year\b"
       r"(?!\s+(?:before|after|earlier|later|ago|of|in|to|when))(?<!the\syear)", "period", rel.period, relative=True),
    # Years said aloud (broadcast transcripts): "nineteen ninety-four", "the year two thousand".
    _f("spoken year", rf"\b(?:nineteen[-\s]+(?P<tens>{_TENS})(?:[-\s]+(?P<units>{_UNITS}))?|the\s+year\s+two\s+"
       rf"thousand(?:\s+(?:and\s+)?(?P<units2000>{_UNITS}))?)\b", "spoken", wr.spoken_year, weak=True),
    _f("the year", r"\bthe\s+year\b(?![-'’]|\s+(?:\d|(?:before|after|earlier|later|ago|of|in|to|when|two|"
       r"nineteen)\b))", "period", rel.period, relative=True, weak=True),
    _f("year-end", r"\b(?:the\s+)?year[-\s]end\b", "period", wr.year_end, relative=True, weak=True),
    _f("year", rf"{_NOT_LABEL}\b{_YEAR}\b{_NOT_COUNT}", "digit", wr.written_year, weak=True),
    # Relative to an anchor: the article's date, or the date of the article a passage was copied from.
    _f("today", r"\b(?:earlier\s+|later\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", "today",
       rel.today, relative=True),
    _f("day step", r"\b(?P<step>the\s+day\s+before\s+yesterday|yesterday|tomorrow|"
       r"the\s+(?:previous|next|following|same)\s+day|the\s+day\s+(?:before|after)|(?:earlier|later)\s+in\s+the\s+day)\b"
       + _PART_OF_DAY, "step",
       rel.day_step, relative=True),
    _f("days of a week", rf"\bbetween\s+(?P<first>{_WEEKDAY})\s+and\s+(?P<second>{_WEEKDAY})\s+of\s+"
       r"(?P<which>this|last|previous)\s+week\b", "weekday period", rel.between_weekdays, relative=True),
    _f("weekday", rf"\b(?:(?P<which>last|next|this\s+past|this\s+coming|coming|the\s+previous|the\s+following|"
       rf"the\s+next)\s+|on\s+|earlier\s+|late\s+|early\s+)?(?P<weekday>{_WEEKDAY})\b{_PART_OF_DAY}", "weekday",
       rel.weekday, relative=True),
    # "that day", "later that year": the period of a date named before (date_text finds which).
    _f("that period", r"\b(?:(?P<part>earlier|later)\s+)?that\s+(?P<unit>day|week|month|year)\b", "that",
       rel.that_period, relative=True, weak=True),
    _f("weekend", r"\b(?:(?P<which>this|last|next|the\s+past|the\s+coming)\s+|the\s+)weekend\b", "weekend",
       rel.weekend, relative=True),
    _f("this or last period", r"\b(?:(?P<part>early|earlier|late|later|mid)[-\s]+)?(?P<which>this|last|next|previous|"
       r"the\s+(?:past|last|previous|prior|coming|next)|coming)\s+(?:fiscal\s+)?(?P<unit>week|month|year)\b",
       "period", rel.period, relative=True),
    _f("time ago", r"\b(?P<qualifier>nearly|almost|about|around|some|more\s+than|over)?\s*(?P<n>\d{1,3}|an?|"
       + _COUNTS + r")\s+(?P<unit>day|week|month)s?\s+(?:or\s+so\s+)?(?P<way>ago|after|later|since|earlier)\b", "ago",
       rel.ago,
       relative=True),
    _f("years ago", r"\b(?P<n>\d{1,3}|an?|" + _COUNTS + r")\s+(?P<unit>year)s?\s+(?:ago|earlier)\b", "ago period",
       rel.ago, relative=True, weak=True),
    _f("year-earlier", r"\b(?:the\s+)?(?:comparable\s+|same\s+)?year-(?:earlier|ago)(?:\s+period)?\b", "ago period",
       rel.year_before, relative=True, weak=True),
    _f("recently", r"\b(?:recently|lately|(?:in\s+)?recent\s+(?:days|weeks|months|years))\b", "recent", rel.recently,
       relative=True),
    _f("some time ago", r"\b(?:(?:several|a\s+few|many)\s+(?P<unit>day|week|month|year|decade)s\s+(?:ago|earlier)|"
       r"the\s+(?:past|last)\s+(?:few|several)\s+(?P<units>day|week|month|quarter|year|decade)s)\b", "vague",
       rel.some_time_ago, relative=True, weak=True),
    _f("the past", r"\bthe\s+past\b(?!\s+\w+\s+(?:days|weeks|months|years))", "recent", rel.recently, relative=True,
       weak=True),
    # "Now, ..." opening a sentence and "for now" are discourse, not time.
    _f("now", r"\b(?:(?<!for\s)(?<!from\s)now(?!,)|currently|at\s+present|presently|nowadays|these\s+days|"
       r"at\s+the\s+moment)\b", "now",
       rel.present, relative=True, weak=True),
    _f("the future", r"\b(?:the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term|"
       r"(?:the\s+)?coming\s+(?:days|weeks|months|years))\b", "future", rel.future, relative=True, weak=True),
]

# The words each kind of form needs; a sentence without any of a form's kinds is not scanned by it.
WORD_KINDS = {
    **dict.fromkeys(wr.MONTHS_LOWER, "month"), **dict.fromkeys(WEEKDAYS, "weekday"),
    **dict.fromkeys(("today", "tonight", "morning", "afternoon", "evening"), "today"),
    **dict.fromkeys(("yesterday", "tomorrow", "day"), "step"),
    **dict.fromkeys(("week", "month", "year", "weeks", "months", "years"), "period"), "weekend": "weekend",
    **dict.fromkeys(("christmas", "thanksgiving", "independence", "halloween", "valentine", "new", "election", "labor",
                     "memorial", "veterans", "columbus", "mother", "father", "boxing", "presidents", "king", "easter",
                     "good"), "holiday"),
    "quarter": "quarter", "half": "half", "that": "that", "century": "century",
    **dict.fromkeys(("nineteen", "thousand"), "spoken"), **dict.fromkeys(("few", "several", "many"), "vague"),
    **dict.fromkeys(("spring", "summer", "autumn", "winter", "fall"), "season"),
    **dict.fromkeys(("ago", "after", "later", "since", "earlier"), "ago"),
    **dict.fromkeys(("recently", "recent", "lately", "past"), "recent"),
    **dict.fromkeys(("now", "currently", "present", "presently", "nowadays", "days", "moment"), "now"),
    **dict.fromkeys(("future", "term", "coming"), "future"),
}
