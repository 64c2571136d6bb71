"""How the report says numbers and dates in words: counts that agree in number ("1 claim",
"2 claims"), days as a reader writes them ("7 Nov 2024"), and a date known only to a window said
as a window ("by 24 Oct 2024 ('Recently')"), never as the window's first day."""

from __future__ import annotations

import pandas as pd

IRREGULAR = {"claimant": "claimants", "article": "articles", "copy": "copies", "story": "stories",
             "person": "people", "is": "are", "was": "were"}
WEEK = pd.Timedelta(days=6)


def plural(n: int, noun: str, many: str | None = None) -> str:
    """ "1 claim", "2 claims", "1,500 articles": the count and the noun in agreement."""
    return f"{n:,} {noun if n == 1 else (many or IRREGULAR.get(noun) or noun + 's')}"


def day(value) -> str:
    """A date as "7 Nov 2024"; "an unknown date" when there is none."""
    return "an unknown date" if pd.isna(value) else pd.Timestamp(value).strftime("%-d %b %Y")


def is_calendar_month(start: pd.Timestamp, end: pd.Timestamp) -> bool:
    return start.day == 1 and end == start + pd.offsets.MonthEnd(0)


def is_bounded(start, end) -> bool:
    """Whether a window is one the articles really give (a day, a week, a calendar month), not
    only a latest day with a start assumed by a rule ("recently": the 30 days before)."""
    if pd.isna(start) or pd.isna(end):
        return False
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return end - start <= WEEK or is_calendar_month(start, end)


def window(start, end, phrase=None) -> str:
    """When something was said or happened, as precisely as the articles allow: a day; a week
    ("between 7 and 13 Oct 2024"); a calendar month ("in Oct 2024"); otherwise only its latest
    possible day ("by 24 Oct 2024"). The article's own phrase follows in quotes."""
    said = f" ('{phrase}')" if isinstance(phrase, str) and phrase else ""
    if pd.isna(end):
        return "undated"
    end = pd.Timestamp(end)
    if pd.isna(start):
        return f"by {day(end)}{said}"
    start = pd.Timestamp(start)
    if start == end:
        return f"{day(end)}{said}"
    if not is_bounded(start, end):
        return f"by {day(end)}{said}"
    if is_calendar_month(start, end):
        return f"in {end.strftime('%b %Y')}{said}"
    first = start.strftime("%-d %b %Y" if start.year != end.year else "%-d %b" if start.month != end.month else "%-d")
    return f"between {first} and {day(end)}{said}"


def when(start, end, phrase=None) -> str:
    """`window` as a sentence says it: "on 7 Nov 2024", "between 7 and 13 Oct 2024", "by 24 Oct 2024"."""
    said = window(start, end, phrase)
    return f"on {said}" if pd.notna(start) and pd.notna(end) and pd.Timestamp(start) == pd.Timestamp(end) else said
