"""The date a page prints in its date line ("Sunday, November 24, 2024", "[June 20, 2024]",
"2024-11-10T02:15:52Z"): what the page says, not yet checked against the text."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from analysis.common.vocabulary import MONTHS, WEEKDAY_NAMES

_PAGE_DATE_HINT = re.compile(r"(?:19|20)\d{2}")
_LEADING_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?")
_PAGE_DATE_PREFIX = re.compile(r"^\s*(?:\[|\(|date\b:?|published\b:?|updated\b:?|posted\b:?)\s*", re.I)


@lru_cache(maxsize=4096)
def parse_page_date(line: str) -> date | None:
    """The date of a page's date line ("Sunday, November 24, 2024", "[June 20, 2024]",
    "2024-11-10T02:15:52Z", "2024.10.15 09:03", "date 2024-10-18", "6 Nov 2024 11:36").

    Only a short line that is a full date (day, month and year) and little else counts."""
    text = line.strip()
    if not text or len(text) > 60 or not _PAGE_DATE_HINT.search(text):
        return None
    published = re.search(r"\b(?:published|updated|posted)\b:?\s*(.+)$", text, re.I)
    if published:
        text = published.group(1)
    text = _PAGE_DATE_PREFIX.sub("", text).strip(" []()|")
    leading_iso = _LEADING_ISO.match(text)
    if leading_iso:
        text = leading_iso.group(0)
    text = text.split("|")[0].strip()
    if len(re.findall(r"[A-Za-z]{3,}", text)) > 3:
        return None
    return _common_date(text) or _dateparser_date(text)


_COMMON_DATE = re.compile(
    r"(?:(?P<weekday>[A-Za-z]+),?\s+)?"
    r"(?:(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]+)\.?,?\s+(?P<year2>\d{4})"
    r"|(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2}))"
    r"(?:(?:,?\s+(?:at\s+)?|T)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|[A-Z]{3,4}|[+-]\d{2}:?\d{2}))?)?")


def _common_date(text: str) -> date | None:
    """The page date forms most pages use ("Sunday, November 24, 2024", "6 Nov 2024 11:36",
    "2024-11-10T02:15:52Z"), read directly: dateparser takes milliseconds a line, which a
    corpus of thousands of articles, each with its own date line, would spend on this alone.
    Anything else goes to dateparser; a test checks that both agree on these forms."""
    m = _COMMON_DATE.fullmatch(text)
    if not m or (m["weekday"] and m["weekday"].lower() not in WEEKDAY_NAMES):
        return None
    month_name = m["month"] or m["month2"]
    month = MONTHS.get(month_name.lower()) if month_name else int(m["month3"])
    try:
        return date(int(m["year"] or m["year2"] or m["year3"]), month, int(m["day"] or m["day2"] or m["day3"]))
    except (TypeError, ValueError):
        return None


def _dateparser_date(text: str) -> date | None:
    import dateparser  # slow to import, and most page dates never need it

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date() if parsed else None
