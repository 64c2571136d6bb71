"""Every date in a text, found and resolved: the dating phrases of each sentence, each read
against an anchor (the day the text was written). This is what `python -m analysis dates`
prints and what the TimeML benchmark scores; the pipeline reads the same phrases sentence by
sentence for its figures and events. Here a phrase may also lean on the dates named before it:
"that day", "later that year", "the previous Friday", "a year earlier" after a quarter, and a
quarter "ended Oct. 31"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from analysis.extract.date_rules import ORDINALS
from analysis.extract.date_tense import tense_at
from analysis.extract.date_windows import DateRef, quarter_of, quarter_window, shift_quarter
from analysis.extract.dates import date_phrases, resolve
from analysis.extract.sentences import sentences

# Words that introduce a date but are not part of it ("on Thursday", "in June"): a mention's
# span leaves them out, as TimeML and most annotation schemes do.
_LEADING = re.compile(r"^(?:(?:on|in|at|by|since|until|during|from|of|for|before|after|between)\s+)+", re.I)
# Phrases that count from the date of their own passage, not from the anchor; how far back
# (in sentences) that date is looked for.
SENTENCE_RELATIVE = re.compile(r"\bthe\s+(?:previous|next|following|same)\s+day\b|\bthe\s+day\s+(?:before|after)\b|"
                               r"\b(?:earlier|later)\s+in\s+the\s+day\b|"
                               r"\b\w+\s+(?:day|week|month)s?\s+(?P<later>later)\b|"
                               r"\b\w+\s+(?:day|week|month)s?\s+earlier\b", re.I)
# Phrases that point back at a date the text named: "that day", "later that year", "that quarter"
# (the latest date of that unit, else of a finer one), "the previous Friday" (the Friday named before).
_THAT = re.compile(r"\bthat\s+(day|week|month|quarter|year)\b|\bthe\s+(?:previous|following)\s+(\w+day)\b", re.I)
_FINER = ("day", "week", "month", "quarter", "season", "year")
LOOKBACK_SENTENCES = 3
_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?", re.I)
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b", re.I)
# A date in a clause ", which was signed on June 19," is background to its sentence, not the
# day its story has reached: "the previous day" further on does not count from it.
_BACKGROUND = re.compile(r",\s+which\s+[^,;]*\Z", re.I)


def in_background(text: str, sentence_start: int, start: int) -> bool:
    """Whether the phrase at `start` stands in a ", which ..." clause of its sentence."""
    return bool(_BACKGROUND.search(text, max(sentence_start, start - 200), start))


# "a year earlier" compares with the period just named: after a quarter it is that quarter a year before.
_YEAR_BEFORE = re.compile(r"an?\s+year\s+(?:ago|earlier)|(?:the\s+)?(?:comparable\s+|same\s+)?year-(?:earlier|ago)"
                          r"(?:\s+period)?", re.I)


@dataclass(frozen=True)
class DatedMention:
    start: int
    end: int
    text: str
    ref: DateRef


def core_span(start: int, text: str) -> tuple[int, str]:
    """The phrase without its leading preposition."""
    lead = _LEADING.match(text)
    return (start + lead.end(), text[lead.end():]) if lead and lead.end() < len(text) else (start, text)


def dated_mentions(text: str, anchor: date | None) -> list[DatedMention]:
    """The resolved dating phrases of a text, weak ones ("now") included, each read in the
    tense of its clause ("the next day" from the passage's own date, as dataset.dating does);
    phrases that do not resolve are left out."""
    found: list[DatedMention] = []
    last_day: tuple[int, date] | None = None  # the sentence and day of the latest day-precise date
    for i, s in enumerate(sentences(text)):
        for p in date_phrases(s.text, s.start, weak=True):
            tense = tense_at(s.text, p.start - s.start, p.end - s.start)
            relative = SENTENCE_RELATIVE.search(p.text)
            own = last_day[1] if relative and last_day and i - last_day[0] <= LOOKBACK_SENTENCES else anchor
            if relative and relative["later"] and own is anchor:  # "two days later" than no day named
                continue
            that = _THAT.search(p.text)
            if that:
                own = _named_before(that, found, anchor)
                if own is None:
                    continue
            ref = resolve(p.text, own, tense)
            if ref is None:
                continue
            if ref.precision == "day" and not in_background(text, s.start, p.start):  # chains: "... the same day"
                last_day = (i, ref.start)
            if _YEAR_BEFORE.fullmatch(p.text) and found and not _YEAR_BEFORE.fullmatch(found[-1].text):
                ref = _year_before(found[-1].ref, ref)
            start, core = core_span(p.start, p.text)
            if found and ref.unit == "day" and _ENDED.fullmatch(text, found[-1].end, p.start):
                found[-1] = _quarter_ended(found[-1], ref.start)
            found.append(DatedMention(start, start + len(core), core, ref))
    return found


def _quarter_ended(quarter: DatedMention, day: date) -> DatedMention:
    """A (fiscal) quarter "ended Sept. 30" is of the year it ended in: its ordinal, if it has one,
    in that year, else the calendar quarter holding the day."""
    if quarter.ref.unit != "quarter":
        return quarter
    ordinal = _ORDINAL.search(quarter.text)
    number = ORDINALS[ordinal[0].lower()] if ordinal else quarter_of(day)[1]
    start, end = quarter_window(day.year, number)
    return replace(quarter, ref=DateRef(start, end, quarter.text, quarter.ref.anchor, f"quarter ended {day}",
                                        quarter.ref.relative, "quarter"))


def _named_before(that: re.Match, found: list[DatedMention], anchor: date | None) -> date | None:
    """The day a pointing-back phrase counts from: the latest date named of its unit, else of a
    finer one; for "the previous Friday" the latest Friday named (else the anchor)."""
    if that[2]:
        days = [f.ref.start for f in found if f.ref.unit == "day" and f.ref.start.strftime("%A").lower()
                == that[2].lower()]
        return days[-1] if days else anchor
    unit = that[1].lower()
    for units in ((unit,), _FINER[:_FINER.index(unit) + 1]):
        named = [f.ref.start for f in found if f.ref.unit in units and not _THAT.search(f.text)]
        if named:
            return named[-1]
    return None


def _year_before(period: DateRef, ref: DateRef) -> DateRef:
    """The quarter just named, a year before ("profit rose in the third quarter from a year
    earlier"); after any other period, the year before the anchor's."""
    if period.unit != "quarter":
        return ref
    start, end = quarter_window(*shift_quarter(*quarter_of(period.start), -4))
    return DateRef(start, end, ref.phrase, ref.anchor, f"{period.iso} a year before", True, period.unit)
