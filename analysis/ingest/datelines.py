"""A dateline: where, and often when, a story was filed, at the start of an early paragraph.

One grammar reads the forms agencies and papers use: a place, then a date (month-day or
day-month, with or without a year), then an agency in parentheses or slashes, then a dash,
colon or full stop:

    SEOUL, April 28 (Reuters) -          MOSCOW, October 24. /TASS/.
    WASHINGTON (AP) —                    Kyiv, 5 November 2024 –
    MOSCOW. Nov 6 (Interfax) -           PYONGYANG, Oct. 24 (KCNA) --

A place in capitals may stand alone before a dash ("LONDON —"); a place in title case needs an
agency, or a date and a dash, so that an ordinary sentence is not read as a dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.common.vocabulary import MONTH_NAMES, MONTHS, WEEKDAY_NAMES

EARLY_PARAGRAPHS = 4  # a subheading or a photo credit may come before the dateline
_PREFIX = 160         # the grammar reads only the start of a paragraph

_MONTH = "(?:" + "|".join(n.capitalize() + "|" + n.upper() for n in MONTH_NAMES) + ")"
_CAPS = r"[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3}"
_TITLE = r"[A-Z][a-z.'’]+(?:[ -][A-Z][a-z.'’]+){0,2}"
_PLACE = rf"(?P<place>(?:{_CAPS}|{_TITLE})(?:,\s(?!{_MONTH}\b)(?:{_CAPS}|{_TITLE}))?)"
_WHEN = (rf"(?:(?P<month>{_MONTH})\.?\s(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s(?P<month2>{_MONTH})\.?)"
         r"(?:,?\s(?P<year>(?:19|20)\d{2}))?")
_AGENCY = r"(?:\((?P<agency>[A-Z][\w .&’'-]{1,30}?)\)|/(?P<agency2>[A-Z][\w .&’'-]{1,30}?)/)"
DATELINE = re.compile(
    rf"{_PLACE}(?:[,.]?\s+{_WHEN})?\s*[.,]?\s*{_AGENCY}?\s*(?P<end>-{{1,2}}|[–—]|:|\.)\s*")
# Words that begin sentences or name a day, never a place of filing.
_NOT_PLACES = {"on", "in", "by", "at", "from", "since", "until", "as", "after", "before", "the", "a"}


@dataclass(frozen=True)
class Dateline:
    """A dateline as printed, and the date it gives (month and day; the year when printed)."""

    text: str
    place: str
    agency: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None

    @property
    def dated(self) -> bool:
        return self.month is not None


def read_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens a paragraph, if one does."""
    m = DATELINE.match(paragraph[:_PREFIX])
    if not m:
        return None
    place, agency = m["place"], m["agency"] or m["agency2"]
    month_name = m["month"] or m["month2"]
    words = {w.lower().strip(".") for w in re.split(r"[\s,-]+", place)}
    if words & (_NOT_PLACES | WEEKDAY_NAMES | set(MONTHS)):
        return None
    dash = m["end"][0] in "-–—"
    if not place.isupper() and not (agency or (month_name and dash)):
        return None  # "Kyiv, 5 November 2024 –" and "Pyongyang (KCNA) —", not "Rudenko, October 24."
    if not (month_name or agency or dash):
        return None  # "LONDON —", not "NATO." nor "BREAKING:"
    if month_name is None:
        return Dateline(m.group(0).strip(), place, agency)
    return Dateline(m.group(0).strip(), place, agency, MONTHS[month_name.lower()],
                    int(m["day"] or m["day2"]), int(m["year"]) if m["year"] else None)


def find_dateline(paragraphs: list[str]) -> Dateline | None:
    """The first dateline that opens one of the early paragraphs, a dated one first: a photo
    credit in capitals ("KURSK, RUSSIA - AUGUST 12: ...") may come before the story's own."""
    found = [d for d in map(read_dateline, paragraphs[:EARLY_PARAGRAPHS]) if d]
    return next((d for d in found if d.dated), found[0] if found else None)
