"""The words of the calendar and of counting, one table each, shared by the page-date reader,
the number grammar and the date grammar."""

from __future__ import annotations

import calendar

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
# Longest first, so that an alternation prefers "September" and "Sept" to "Sep".
MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
MONTHS_RE = "(?:" + "|".join(MONTH_NAMES) + ")"  # use with re.I

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAY_NAMES = set(WEEKDAYS) | {name[:3] for name in WEEKDAYS}  # "thursday" and "thu"

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# Abbreviated month names ("Oct."), whose full stop does not end a sentence ("May" is no abbreviation).
MONTH_ABBREVIATIONS = {name for name, n in MONTHS.items() if len(name) < len(calendar.month_name[n])}
