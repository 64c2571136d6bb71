"""How a phrase relative to the anchor becomes a window: today, yesterday, tomorrow, a
weekday, this/last/next week, month or year, "two years ago", "recently", "now". A window
in a past-tense clause that would run past the anchor ends at the anchor ("this week" in a
report of what happened); the unit stays the phrase's, so "this week" is still a week."""

from __future__ import annotations

from datetime import date, timedelta

from analysis.common.vocabulary import WEEKDAYS
from analysis.extract.date_rules import COUNTS, group
from analysis.extract.date_windows import DateRef, month_window, months_before, week_of

RECENT_DAYS = 30  # "recently": within the month before the anchor


def relative(start: date, end: date, phrase: str, anchor: date, rule: str, unit: str, clip: bool = True) -> DateRef:
    if clip:
        end = min(end, anchor)
        start = min(start, end)
    return DateRef(start, end, phrase, anchor, f"{rule}, anchored to {anchor.isoformat()}", relative=True, unit=unit)


def today(m, phrase, anchor, tense):
    return relative(anchor, anchor, phrase, anchor, "today = the anchor day", "day")


def day_step(m, phrase, anchor, tense):
    """yesterday, tomorrow; "the previous/next/same day" read against the anchor (the dataset
    reads them against the sentence's own date when it has one)."""
    word = group(m, "step")
    step = -2 if "before yesterday" in word else -1 if word in ("yesterday", "the previous day", "the day before") \
        else 1 if word in ("tomorrow", "the next day", "the following day", "the day after") else 0
    d = anchor + timedelta(days=step)
    return relative(d, d, phrase, anchor, f"{step:+d} days from the anchor", "day", clip=step <= 0)


def between_weekdays(m, phrase, anchor, tense):
    first, second, which = group(m, "first"), group(m, "second"), group(m, "which")
    monday = week_of(anchor)[0] - timedelta(days=0 if which == "this" else 7)
    return relative(monday + timedelta(days=WEEKDAYS[first]), monday + timedelta(days=WEEKDAYS[second]),
                    phrase, anchor, f"{first} to {second} of {which} week", "week")


def weekday(m, phrase, anchor, tense):
    """A weekday in a past-tense clause is the latest on or before the anchor, in a future one
    the first on or after it; "last", "next", "this coming" say so themselves; without either,
    the past."""
    name, which = group(m, "weekday"), group(m, "which")
    back = (anchor.weekday() - WEEKDAYS[name]) % 7
    ahead = (WEEKDAYS[name] - anchor.weekday()) % 7
    if which in ("last", "the previous", "previous", "this past", "past"):
        step = -(back or 7)
    elif which in ("next", "this coming", "coming", "the following", "the next"):
        step = ahead or 7
    elif tense == "future":
        step = ahead
    else:
        step = -back
    d = anchor + timedelta(days=step)
    return relative(d, d, phrase, anchor, f"{name.title()} {'after' if step > 0 else 'on or before'} the anchor",
                    "day", clip=False)


BACK = ("last", "previous", "the previous", "prior", "the prior", "the past", "latest")


def period(m, phrase, anchor, tense):
    """this/last/next week, month or year, with "early", "late", "earlier" or "later" in front."""
    which, unit, part = group(m, "which"), group(m, "unit") or "year", group(m, "part")
    which = "the past" if which == "the last" else which  # "for the last week": the days before the anchor
    step = -1 if which in BACK else 1 if which in ("next", "the next", "the coming", "coming") else 0
    which = which or "this"  # "the current year", "the fiscal year"
    if which == "the past":  # the 7, 30 or 365 days before the anchor
        start, end = anchor - timedelta(days={"week": 7, "month": 30, "year": 365}[unit]), anchor
    elif unit == "week":
        start, end = week_of(anchor + timedelta(days=7 * step))
    elif unit == "month":
        first = anchor.replace(day=1)
        first = (first - timedelta(days=1)).replace(day=1) if step < 0 else \
            (first + timedelta(days=32)).replace(day=1) if step > 0 else first
        start, end = month_window(first.year, first.month, None)
    else:
        start, end = date(anchor.year + step, 1, 1), date(anchor.year + step, 12, 31)
    clip = step < 0 or (step == 0 and (tense != "future" and part not in ("later", "late")))
    if part == "earlier" and step == 0:  # "earlier this month": up to the anchor
        end = anchor
    elif part == "later" and step == 0:
        start = max(start, anchor)
    return relative(start, end, phrase, anchor, f"{part + ' ' if part else ''}{which} {unit}", unit,
                    clip=clip and step <= 0)


def that_period(m, phrase, anchor, tense):
    """"that day", "later that year": the day or period of the anchor, which date_text sets to
    the date the text named before."""
    if group(m, "unit") == "day":
        return relative(anchor, anchor, phrase, anchor, "that day", "day", clip=False)
    return period(m, phrase, anchor, "future")


def weekend(m, phrase, anchor, tense):
    """Saturday and Sunday: "last weekend" or a past-tense one the latest begun by the anchor,
    "next weekend" or a future-tense one the first after it, otherwise the nearest."""
    which = group(m, "which")
    saturday = week_of(anchor)[0] + timedelta(days=5)
    nearer_back = (anchor - saturday).days + 7 < (saturday - anchor).days  # early in the week
    if which in ("last", "the past") or (not which and saturday > anchor and (tense == "past" or nearer_back)):
        saturday -= timedelta(days=7)
    elif which in ("next", "the coming") or (not which and tense == "future" and saturday + timedelta(days=1) < anchor):
        saturday += timedelta(days=7)
    return relative(saturday, saturday + timedelta(days=1), phrase, anchor, "the weekend", "weekend", clip=False)


def ago(m, phrase, anchor, tense):
    count = group(m, "n")
    n = int(count) if count.isdigit() else COUNTS[count]
    unit, qualifier = group(m, "unit"), group(m, "qualifier")
    if unit == "year":
        y = anchor.year - n
        return relative(date(y, 1, 1), date(y, 12, 31), phrase, anchor, f"{n} years before the anchor", "year")
    sign = 1 if group(m, "way") == "later" else -1  # "two days later": after the day counted from
    point = months_before(anchor, -sign * n) if unit == "month" else \
        anchor + sign * timedelta(days=n * (7 if unit == "week" else 1))
    half = timedelta(days={"month": 15, "week": 3, "day": 0}[unit])
    # "nearly five months" lies just after the five-month point, "more than" just before it.
    lo = point if qualifier in ("nearly", "almost") else point - half
    hi = point if qualifier in ("more than", "over") else point + half
    way = "after" if sign > 0 else "before"
    return relative(lo, hi, phrase, anchor, f"{(qualifier + ' ') if qualifier else ''}{n} {unit}s {way} the anchor",
                    "month" if unit == "month" else "day", clip=sign < 0)


def year_before(m, phrase, anchor, tense):
    """"the year-earlier period": the year before the anchor's (the period compared is
    narrowed by date_text when the text has just named one)."""
    y = anchor.year - 1
    return relative(date(y, 1, 1), date(y, 12, 31), phrase, anchor, "the year before the anchor's", "year")


def recently(m, phrase, anchor, tense):
    return relative(anchor - timedelta(days=RECENT_DAYS), anchor, phrase, anchor,
                    f"recently = within the {RECENT_DAYS} days before the anchor", "past")


UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365, "decade": 3652}


def some_time_ago(m, phrase, anchor, tense):
    """"several years ago", "the past few months": a past of a few such units, named by no date."""
    unit = group(m, "unit") or group(m, "units")
    return relative(anchor - timedelta(days=3 * UNIT_DAYS[unit]), anchor, phrase, anchor,
                    f"a few {unit}s before the anchor", "past")


def present(m, phrase, anchor, tense):
    return relative(anchor, anchor, phrase, anchor, "now = the anchor day", "present")


def future(m, phrase, anchor, tense):
    return relative(anchor, anchor + timedelta(days=365), phrase, anchor, "the future = the year after the anchor",
                    "future", clip=False)
