"""The dates a page prints about itself on a line of their own: a bare date line ("Sunday,
November 24, 2024", "[June 20, 2024]", "2024-11-10T02:15:52Z"), or a labelled one ("Published
December 23, 2024 | 11:39 PM", "Updated: 2024-11-05 02:31", "Posted on 6 Nov 2024 11:36"); and
the date in an article's url. What the page says, not yet checked against the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from analysis.common.vocabulary import MONTHS, WEEKDAY_NAMES

PAGE_YEARS = range(1900, 2100)  # a page's own dates; also what the dataset's timestamps can hold with room to spare
_PAGE_DATE_HINT = re.compile(r"(?:19|20)\d{2}")
_LEADING_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?")
_PAGE_DATE_PREFIX = re.compile(r"^\s*(?:\[|\(|date\b:?)\s*", re.I)
# A label says which date a line gives; "published" and "posted" name the first appearance.
_LABEL = re.compile(
    r"\b(?:(?P<published>(?:first |originally )?published|posted|date published|publication date)"
    r"|(?P<updated>(?:last )?updated|(?:last )?modified))\b(?:\s+(?:on|at))?\s*:?\s*", re.I)
_SEPARATORS = " |,;-–—·•/"
MAX_PLAIN_LINE = 60      # a bare date line is short: a date, perhaps a time and a weekday
MAX_LABELLED_LINE = 140  # "Published: ... | Updated: ..." carries two dates


@dataclass(frozen=True)
class DateLine:
    """The dates one short line of the page gives, by what it says they are."""

    plain: date | None = None
    published: date | None = None
    updated: date | None = None

    @property
    def first(self) -> date | None:
        """The line's best guess at publication: labelled published, then bare, then updated."""
        return self.published or self.plain or self.updated


@lru_cache(maxsize=4096)
def read_date_line(line: str) -> DateLine | None:
    """The dates of a line that is nothing but dates: "Sunday, November 24, 2024",
    "Published: 10 November 2024 - 14:13 | Updated: 11 November 2024", "6 Nov 2024 11:36".
    A short credit may precede a capitalised label ("Web Desk Published December 23, 2024"); a
    sentence that mentions a date ("The text was published on June 20, 2024.") is not a date line."""
    text = line.strip()
    if not text or len(text) > MAX_LABELLED_LINE or not _PAGE_DATE_HINT.search(text):
        return None
    labels = list(_LABEL.finditer(text))
    if not labels:
        found = _plain_date(text) if len(text) <= MAX_PLAIN_LINE else None
        return DateLine(plain=found) if found else None
    before = text[:labels[0].start()].strip(_SEPARATORS + "[(")
    plain = _plain_date(before) if before else None
    if before and plain is None and not (labels[0].group(0)[0].isupper() and len(before) <= MAX_PLAIN_LINE):
        return None  # "The text was published on June 20, 2024." is a sentence; "Staff | Published ..." is not
    found: dict[str, date] = {}
    for label, following in zip(labels, labels[1:] + [None]):
        segment = text[label.end():following.start() if following else len(text)].strip(_SEPARATORS + "])")
        when = _plain_date(segment) if segment else None
        kind = "published" if label["published"] else "updated"
        if when and kind not in found:
            found[kind] = when
    if not found and plain is None:
        return None
    return DateLine(plain=plain, **found)


def parse_page_date(line: str) -> date | None:
    """The date of a page's date line ("Sunday, November 24, 2024", "[June 20, 2024]",
    "2024-11-10T02:15:52Z", "2024.10.15 09:03", "date 2024-10-18", "6 Nov 2024 11:36")."""
    found = read_date_line(line)
    return found.first if found else None


def _plain_date(text: str) -> date | None:
    """A full date (day, month and year) with little else: a weekday, a time, a time zone.
    Of a line in parts ("By Jane Doe | November 5, 2024 | 3 min read"), the first part with a year."""
    text = _PAGE_DATE_PREFIX.sub("", text).strip(" []()|")
    leading_iso = _LEADING_ISO.match(text)
    if leading_iso:
        text = leading_iso.group(0)
    if len(text) > MAX_PLAIN_LINE:
        return None
    whole = _common_date(text)
    if whole:
        return whole
    parts = [part.strip() for part in _PARTS.split(text)]
    dated = next((k for k, part in enumerate(parts) if _PAGE_DATE_HINT.search(part)), None)
    if dated is None or len(re.findall(r"[A-Za-z]{3,}", parts[dated])) > 3:
        return None
    if "|" not in text and len(parts) > 1:  # "Jane Doe — Saturday, 11 January 2025, 15:42": a name, then the date
        others_named = all(_NAME.fullmatch(part) for k, part in enumerate(parts) if k != dated)
        return _common_date(parts[dated]) if others_named else None
    return _common_date(parts[dated]) or _dateparser_date(parts[dated])


# A line in parts: "By Jane Doe | November 5, 2024", "Jane Doe — 5 November 2024, 15:42", "Kyiv • 5 Nov 2024".
_PARTS = re.compile(r"\s*\|\s*|\s+[–—·•]\s+")
# A byline or a place: capitalised words, perhaps two names ("By Jane Doe and John Roe", "Jane Doe, Staff Writer").
_NAME = re.compile(r"(?:By\s+)?[A-Z][\w.'’-]*(?:(?:,?\s+|\s+and\s+)[A-Z][\w.'’-]*){0,4}")


_TIME = (r"(?:(?:,?\s+(?:at\s+)?|\s*[-–|]\s*|T)\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
         r"(?:\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?")
_COMMON_DATE = re.compile(
    r"(?:(?P<weekday>[A-Za-z]+),?\s+)?"
    r"(?:(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]+)\.?,?\s+(?P<year2>\d{4})"
    r"|(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2})"
    r"|(?P<day4>\d{1,2})\.(?P<month4>\d{1,2})\.(?P<year4>\d{4}))" + _TIME)


def _common_date(text: str) -> date | None:
    """The page date forms most pages use ("Sunday, November 24, 2024", "6 Nov 2024 11:36",
    "2024-11-10T02:15:52Z", "10 November 2024 - 14:13", "05.11.2024 14:13"), read directly:
    dateparser takes milliseconds a line, which a corpus of thousands of articles, each with
    its own date line, would spend on this alone. Anything else goes to dateparser; a test
    checks that both agree on these forms. Dotted day.month.year is read day first, as the
    pages that use it (European, Russian, Ukrainian) mean it; dateparser reads it month first."""
    m = _COMMON_DATE.fullmatch(text)
    if not m or (m["weekday"] and m["weekday"].lower() not in WEEKDAY_NAMES):
        return None
    month_name = m["month"] or m["month2"]
    month = MONTHS.get(month_name.lower()) if month_name else int(m["month3"] or m["month4"])
    try:
        found = date(int(m["year"] or m["year2"] or m["year3"] or m["year4"]), month,
                     int(m["day"] or m["day2"] or m["day3"] or m["day4"]))
    except (TypeError, ValueError):
        return None
    return found if found.year in PAGE_YEARS else None


def _dateparser_date(text: str) -> date | None:
    import dateparser  # slow to import, and most page dates never need it

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date() if parsed and parsed.year in PAGE_YEARS else None


# /2024/06/20/, /2024-06-20/, -2024-06-20-, _20240620 : a year, month and day, each bounded.
_URL_DATE = re.compile(r"(?<![\d])((?:19|20)\d{2})(?:([/_-])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2}))(?![\d])")


def url_date(url: str | None) -> date | None:
    """The first real calendar day in a url's path ("/2024/06/20/", "/20240620/",
    "-2024-06-20-"); a year and month alone ("/2024/06/") is not a day."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", str(url), flags=re.I)
    for m in _URL_DATE.finditer(path):
        try:
            return date(int(m[1]), int(m[3] or m[5]), int(m[4] or m[6]))
        except ValueError:
            continue
    return None
