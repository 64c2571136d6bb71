"""Dates as news reports them: a page date line, absolute phrases and relative phrases.

Every resolved date is a window (start..end) with a precision derived from its width, the
phrase it came from and the anchor it was resolved against, so that a reader can check it.
Relative phrases follow news convention: a past-tense weekday ("on Thursday") is the most
recent such day, the anchor day included, never a day after the anchor.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

# Absolute forms, most specific first. Each names the groups it fills.
_ABSOLUTE = [
    re.compile(r"\b" + _YEAR + r"[-./](?P<mnum>\d{1,2})[-./]" + r"(?P<day>\d{1,2})\b"),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b", re.I),
    re.compile(r"\b(?P<part>early|mid|late|end of|beginning of|the end of|(?:the\s+)?(?:last|first)\s+week\s+of)?-?\s*" + _MONTH
               + r"(?:\s+" + _YEAR + r")?\b", re.I),
    re.compile(r"\bin\s+" + _YEAR + r"\b", re.I),
]
_PAGE_DATE_HINT = re.compile(r"(?:19|20)\d{2}")
_LEADING_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?")
_PAGE_DATE_PREFIX = re.compile(r"^\s*(?:\[|\(|date\b:?|published\b:?|updated\b:?|posted\b:?)\s*", re.I)


@dataclass(frozen=True)
class DateRef:
    """A resolved date: the window it may lie in, and how it was found."""

    start: date
    end: date
    phrase: str
    anchor: date | None
    basis: str
    relative: bool = False

    @cached_property
    def precision(self) -> str:
        days = (self.end - self.start).days + 1
        if days <= 1:
            return "day"
        if days <= 7:
            return "week"
        if days <= 31:
            return "month"
        return "year"

    @cached_property
    def iso(self) -> str:
        """ISO form: a day, a whole month (YYYY-MM), a whole year (YYYY), or START/END."""
        s, e = self.start, self.end
        if s == e:
            return s.isoformat()
        if s.day == 1 and e == _month_end(s.year, s.month):
            return f"{s.year:04d}-{s.month:02d}"
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
            return f"{s.year:04d}"
        return f"{s.isoformat()}/{e.isoformat()}"

    def overlaps(self, other: DateRef) -> bool:
        return self.start <= other.end and other.start <= self.end


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_window(year: int, month: int, part: str | None) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    part = re.sub(r"^the\s+", "", (part or "").lower())
    if part == "first week of":
        return date(year, month, 1), date(year, month, 7)
    if part == "last week of":
        return date(year, month, last - 6), date(year, month, last)
    if part == "early" or part == "beginning of":
        return date(year, month, 1), date(year, month, 10)
    if part == "mid":
        return date(year, month, 11), date(year, month, 20)
    if part in ("late", "end of", "the end of"):
        return date(year, month, 21), date(year, month, last)
    return date(year, month, 1), date(year, month, last)


def _latest_year_not_after(month: int, day: int, anchor: date | None) -> int | None:
    """The year that puts month/day on or before the anchor (news reports look back)."""
    if anchor is None:
        return None
    year = anchor.year
    try:
        if date(year, month, min(day, calendar.monthrange(year, month)[1])) > anchor:
            year -= 1
    except ValueError:
        return None
    return year


def resolve_absolute(phrase: str, anchor: date | None) -> DateRef | None:
    """A date written out in the phrase ("24 October", "Oct. 14", "June 2024", "2024.10.15")."""
    for pattern in _ABSOLUTE:
        m = pattern.search(phrase)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        if groups.get("month") is None and groups.get("mnum") is None:
            return DateRef(date(year, 1, 1), date(year, 12, 31), phrase, anchor, f"year {year} written out")
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
        if not 1 <= month <= 12:
            continue
        if groups.get("day"):
            day = int(groups["day"])
            basis = "date written out"
            if year is None:
                year = _latest_year_not_after(month, day, anchor)
                if year is None:
                    continue
                basis = f"date written out, year from anchor {anchor.isoformat()}"
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            return DateRef(d, d, phrase, anchor, basis)
        basis = "month written out"
        if year is None:
            first_day = _month_window(2001, month, groups.get("part"))[0].day  # where the window starts
            year = _latest_year_not_after(month, first_day, anchor)
            if year is None:
                continue
            basis = f"month written out, year from anchor {anchor.isoformat()}"
        start, end = _month_window(year, month, groups.get("part"))
        return DateRef(start, end, phrase, anchor, basis)
    return None


def _week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _months_before(d: date, n: int) -> date:
    month = d.month - n
    year = d.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def resolve_relative(phrase: str, anchor: date) -> DateRef | None:
    """A date given relative to the anchor ("on Thursday", "last month", "this week")."""
    p = phrase.lower()

    def ref(start: date, end: date, rule: str) -> DateRef:
        # A past event cannot be after the anchor: clip windows that extend beyond it.
        end = min(end, anchor)
        start = min(start, end)
        return DateRef(start, end, phrase, anchor, f"{rule}, anchored to {anchor.isoformat()}", relative=True)

    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", p):
        return ref(anchor, anchor, "today = the anchor day")
    if re.search(r"\b(yesterday|the previous day|the day before)\b", p):
        d = anchor - timedelta(days=1)
        return ref(d, d, "the day before the anchor")
    m = re.search(r"\bbetween\s+(\w+day)\s+and\s+(\w+day)\s+of\s+(this|last|previous)\s+week\b", p)
    if m and m.group(1) in WEEKDAYS and m.group(2) in WEEKDAYS:
        monday = _week_of(anchor)[0] - timedelta(days=0 if m.group(3) == "this" else 7)
        return ref(monday + timedelta(days=WEEKDAYS[m.group(1)]), monday + timedelta(days=WEEKDAYS[m.group(2)]),
                   f"{m.group(1)} to {m.group(2)} of {m.group(3)} week")
    m = re.search(r"\b(?P<last>last\s+)?" + _WEEKDAY + r"\b", p)
    if m:
        target = WEEKDAYS[m.group("weekday")]
        back = (anchor.weekday() - target) % 7
        if m.group("last") and back == 0:
            back = 7
        d = anchor - timedelta(days=back)
        return ref(d, d, f"most recent {m.group('weekday').title()} on or before the anchor")
    m = re.search(r"\b(this|last|previous)\s+week\b", p)
    if m:
        start, end = _week_of(anchor)
        if m.group(1) != "this":
            start, end = start - timedelta(days=7), end - timedelta(days=7)
        return ref(start, end, f"{m.group(1)} week (Monday to Sunday)")
    m = re.search(r"\b(earlier\s+this|this|last|previous)\s+month\b", p)
    if m:
        first = anchor.replace(day=1)
        if m.group(1) in ("last", "previous"):
            first = (first - timedelta(days=1)).replace(day=1)
        return ref(first, _month_end(first.year, first.month), f"{m.group(1)} month")
    m = re.search(r"\b(earlier\s+this|this|last|previous)\s+year\b", p)
    if m:
        year = anchor.year - (1 if m.group(1) in ("last", "previous") else 0)
        return ref(date(year, 1, 1), date(year, 12, 31), f"{m.group(1)} year")
    m = re.search(r"\b(nearly|almost|about|around|some|more than|over)?\s*(\d+|"
                  + "|".join(NUMBER_WORDS) + r")\s+(day|week|month)s?\s+(?:after|ago|later|since)", p)
    if m:
        n = int(m.group(2)) if m.group(2).isdigit() else NUMBER_WORDS[m.group(2)]
        unit, qualifier = m.group(3), (m.group(1) or "")
        point = _months_before(anchor, n) if unit == "month" else anchor - timedelta(days=n * (7 if unit == "week" else 1))
        half = timedelta(days={"month": 15, "week": 3, "day": 0}[unit])
        # "nearly five months" lies just after the five-month point, "more than" just before it.
        lo = point if qualifier in ("nearly", "almost") else point - half
        hi = point if qualifier in ("more than", "over") else point + half
        return ref(lo, hi, f"{(qualifier + ' ') if qualifier else ''}{n} {unit}s before the anchor")
    if re.search(r"\b(recently|lately|in recent (days|weeks))\b", p):
        return ref(anchor - timedelta(days=30), anchor, "recently = within the 30 days before the anchor")
    return None


@lru_cache(maxsize=65536)
def resolve(phrase: str, anchor: date | None) -> DateRef | None:
    """Resolve a dating phrase: a date written out wins over a relative word beside it
    ("today [on 24 October]"); a relative phrase needs an anchor. Cached: the same phrase is
    resolved against the same day for every mention of an event, and again when a page date
    is re-estimated."""
    absolute = resolve_absolute(phrase, anchor)
    if absolute is not None:
        return absolute
    if anchor is None:
        return None
    return resolve_relative(phrase, anchor)


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


_WEEKDAY_NAMES = set(WEEKDAYS) | {name[:3] for name in WEEKDAYS}


def _common_date(text: str) -> date | None:
    """The page date forms most pages use ("Sunday, November 24, 2024", "6 Nov 2024 11:36",
    "2024-11-10T02:15:52Z"), read directly: dateparser takes milliseconds a line, which a
    corpus of thousands of articles, each with its own date line, would spend on this alone.
    Anything else goes to dateparser; a test checks that both agree on these forms."""
    m = _COMMON_DATE.fullmatch(text)
    if not m or (m["weekday"] and m["weekday"].lower() not in _WEEKDAY_NAMES):
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
