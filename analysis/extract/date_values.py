"""A resolved date as a calendar value: the unit its phrase names (day, weekend, week, month,
quarter, half, season, year, decade, century, or present, past, future) and the TimeML value
for it ("1998-02-27", "1998-W09-WE", "1998-W09", "1998-02", "1989-Q3", "1998-H2", "1998-SU",
"1998", "199" for the 1990s, "19" for the 20th century, "PRESENT_REF"). A window clipped at the
anchor ("this week" ending today) keeps the unit of its phrase, and its middle still lies in
that unit; a window whose form names no unit is read by its width."""

from __future__ import annotations

from datetime import date

from analysis.extract.date_windows import DateRef, month_end

SEASONS = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA", 12: "WI", 1: "WI",
           2: "WI"}
REFS = {"present": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}


def unit_of(ref: DateRef) -> str:
    if ref.unit:
        return ref.unit
    s, e = ref.start, ref.end
    days = (e - s).days + 1
    if days <= 1:
        return "day"
    if s.weekday() == 0 and days == 7:
        return "week"
    if days <= 31 or (s.day == 1 and e == month_end(s.year, s.month)):
        return "month"
    return "year"


def _middle(ref: DateRef) -> date:
    return ref.start + (ref.end - ref.start) / 2


def timeml_value(ref: DateRef) -> str:
    unit = unit_of(ref)
    d = ref.start if unit in ("season", "weekend") else _middle(ref)  # a winter is named by its December
    if unit in REFS:
        return REFS[unit]
    if unit == "day":
        return d.isoformat()
    if unit == "weekend":
        year, week, _ = ref.start.isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if unit == "week":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if unit == "season":
        return f"{d.year:04d}-{SEASONS[d.month]}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    return f"{d.year:04d}"
