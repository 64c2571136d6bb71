"""A resolved date is a window (start..end) with a precision derived from its width, the phrase
it came from and the anchor it was resolved against, so that a reader can check it; and the
calendar arithmetic that makes such windows."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property


@dataclass(frozen=True)
class DateRef:
    """A resolved date: the window it may lie in, and how it was found."""

    start: date
    end: date
    phrase: str
    anchor: date | None
    basis: str
    relative: bool = False
    unit: str | None = None  # the calendar unit the phrase names, when its form knows it (see date_values)

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
        if s.day == 1 and e == month_end(s.year, s.month):
            return f"{s.year:04d}-{s.month:02d}"
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
            return f"{s.year:04d}"
        return f"{s.isoformat()}/{e.isoformat()}"

    def overlaps(self, other: DateRef) -> bool:
        return self.start <= other.end and other.start <= self.end

    def intersect(self, other: DateRef) -> DateRef:
        """The days both windows hold (they overlap), relative only if both are."""
        return DateRef(max(self.start, other.start), min(self.end, other.end), "", None, "",
                       self.relative and other.relative)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_window(year: int, month: int, part: str | None) -> tuple[date, date]:
    """The days of a month, or of its named part ("early", "the last week of")."""
    last = calendar.monthrange(year, month)[1]
    part = re.sub(r"^the\s+", "", (part or "").lower())
    if part == "first week of":
        return date(year, month, 1), date(year, month, 7)
    if part == "last week of":
        return date(year, month, last - 6), date(year, month, last)
    if part == "early" or part == "beginning of":
        return date(year, month, 1), date(year, month, 10)
    if part in ("mid", "middle of"):
        return date(year, month, 11), date(year, month, 20)
    if part in ("late", "end of", "the end of"):
        return date(year, month, 21), date(year, month, last)
    return date(year, month, 1), date(year, month, last)


def latest_year_not_after(month: int, day: int, anchor: date | None) -> int | None:
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


def week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def months_before(d: date, n: int) -> date:
    month = d.month - n
    year = d.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


FUTURE_GRACE_DAYS = 31


def year_for(month: int, day: int, anchor: date | None, tense: str) -> int | None:
    """The year of a month/day written without one: in a past-tense clause the latest that is
    not after the anchor, in a future-tense clause the earliest not more than FUTURE_GRACE_DAYS
    before it (a plan reported a little after its day: "would be used on October 27-28"),
    otherwise the one nearest the anchor ("the offer expires Nov. 16" in late October)."""
    if anchor is None:
        return None
    back = latest_year_not_after(month, day, anchor)
    if back is None or tense == "past":
        return back
    grace = anchor - timedelta(days=FUTURE_GRACE_DAYS if tense == "future" else 0)
    ahead = back + 1 if date(back, month, min(day, calendar.monthrange(back, month)[1])) < grace else back
    if tense == "future":
        return ahead
    back_gap = (anchor - date(back, month, min(day, calendar.monthrange(back, month)[1]))).days
    ahead_gap = (date(ahead, month, min(day, calendar.monthrange(ahead, month)[1])) - anchor).days
    return ahead if ahead_gap < back_gap else back


def quarter_window(year: int, quarter: int) -> tuple[date, date]:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_end(year, first + 2)


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    n = year * 4 + quarter - 1 + by
    return n // 4, n % 4 + 1


SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def season_window(year: int, season: str) -> tuple[date, date]:
    """Meteorological seasons; a winter is named by the year of its December."""
    first = SEASON_START[season]
    last_month = (first + 1) % 12 + 1
    return date(year, first, 1), month_end(year + (last_month < first), last_month)
