"""Numbers as news writes them: `1,500`, `11 000`, `ten thousand`, `ten-thousand`,
`15-hundred`, `1.5 thousand`, `12k`, `a dozen` (not `dozens`, which is vague), ranges
(`11,000-12,000`, `between 10,000 and 12,000`) and the qualifier in front (`about`, `more than`,
`up to`). Each mention keeps its span.

What is not a count is not read as one: a number with a leading minus sign ("-1,500", "−20":
a temperature, a change) and one beyond MAX_VALUE (no count of people comes near it, and the
dataset's integer columns end at 2^63). `set_aside_numbers` says which digits were passed over."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.common.vocabulary import NUMBER_WORDS, SCALE_WORDS

MAX_VALUE = 2**53  # the largest integer a float holds exactly: parse_number goes through float
SCALES = {**SCALE_WORDS, "k": 1_000, "dozen": 12}
# The words news puts before a count, and what each says of the true number.
QUALIFIERS = {
    **dict.fromkeys(("about", "around", "some", "roughly", "approximately", "approx.", "an estimated", "estimated",
                     "close to", "nearly", "almost", "circa", "more or less", "an approximate"), "about"),
    **dict.fromkeys(("more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than",
                     "just over", "well over", "a little over", "slightly more than", "as many as"), "at least"),
    **dict.fromkeys(("fewer than", "less than", "under", "up to", "at most", "no more than", "just under",
                     "not more than", "as few as"), "at most"),
}

_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SCALE = "(?:" + "|".join(SCALE_WORDS) + "|dozen)"
# Thousands written with commas, spaces, or full stops ("10.000 soldiers"; "1.5 thousand" is a decimal).
_DIGITS = (r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|"
           r"\d{1,3}(?:\.\d{3})+(?![\d.,]|\s*(?:hundred|thousand|million|k\b))|\d+(?:\.\d+)?")
_WORDS = rf"(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}|{_SCALE}))*"
_A_DOZEN = r"(?<!half\s)\ba\s+dozen\b"  # "half a dozen" is vague
_ONE = rf"(?:(?:{_DIGITS})(?:(?:\s|-)?{_SCALE}\b|k\b)?|\b{_WORDS}\b|{_A_DOZEN})"
_QUAL = r"(?:\b(?P<qualifier>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
NUMBER = re.compile(
    rf"{_QUAL}(?:between\s+(?P<lo>{_ONE})\s+and\s+(?P<hi>{_ONE})"
    rf"|from\s+(?P<lo2>{_ONE})\s+to\s+(?P<hi2>{_ONE})"
    rf"|(?P<single>{_ONE})(?:\s*(?:-|–|—|to)\s*(?P<upper>{_ONE}))?)",
    re.I,
)


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: int
    value_max: int | None
    qualifier: str | None


def _words_value(text: str) -> int | None:
    total, current = 0, 0
    for token in re.split(r"[\s-]+", text.lower()):
        if token == "and" or not token:
            continue
        if token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def parse_number(text: str) -> int | None:
    """The value of one number expression ("1,500", "1.5 thousand", "15-hundred", "ten-thousand");
    None beyond MAX_VALUE."""
    value = _value(text)
    return value if value is not None and value <= MAX_VALUE else None


def _value(text: str) -> int | None:
    t = re.sub(r"^a\s+(?=dozen$)", "", text.strip().lower())
    m = re.fullmatch(rf"({_DIGITS})(?:(?:\s|-)?({_SCALE}|k))?", t)
    if m:
        digits = m.group(1)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits) and not m.group(2):
            digits = digits.replace(".", "")
        base = float(re.sub(r"[,\s\u00a0\u202f]", "", digits))
        value = base * (SCALES[m.group(2)] if m.group(2) else 1)
        return int(round(value)) if value <= MAX_VALUE else None  # also infinity, from 309 digits
    return _words_value(t)


_DIGIT_RUN = re.compile(r"\d+")
_LETTERS = re.compile(r"[a-z]+")
# What can stand just before a number inside one match ends with one of these ("more than",
# "between"); after anything else, a match starts at the number itself.
_LEAD_ENDINGS = tuple({q.split()[-1] for q in QUALIFIERS} | {"between", "from"})


@lru_cache(maxsize=1024)
def _words_pattern(words: frozenset[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b", re.I)


def _number_starts(text: str) -> list[int]:
    """Where a run of digits or a number word begins: every NUMBER match holds one."""
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    if "dozen" in text:
        starts = sorted(starts + [m.start() for m in re.finditer(_A_DOZEN, text, re.I)])
    words = NUMBER_WORDS.keys() & set(_LETTERS.findall(text.casefold()))
    if words:
        starts = sorted(starts + [m.start() for m in _words_pattern(frozenset(words)).finditer(text)])
    return starts


def _matches(text: str):
    """What NUMBER.finditer(text) gives, found faster: the grammar is tried only where a number
    begins instead of at every position of the text (after "than", "between" and the like, the
    usual scan from the previous match finds where the qualifier starts)."""
    end = 0
    for start in _number_starts(text):
        if start < end:
            continue
        word_end = start
        while word_end and text[word_end - 1].isspace():
            word_end -= 1
        lead = word_end < start and text[max(0, word_end - 16):word_end].casefold().endswith(_LEAD_ENDINGS)
        m = NUMBER.search(text, end) if lead else NUMBER.match(text, start)
        if m is not None:
            end = m.end()
            yield m


# A minus sign: U+2212, or a hyphen after a space, a bracket or the start, before a digit ("-1,500"; not "10-12").
_MINUS = re.compile(r"(?:−|(?<![^\s(\[])-)(?=\d)")
_NEGATIVE = re.compile(_MINUS.pattern + r"[\d,.]*\d")
_LONG = re.compile(r"\d(?:[\d,.]*\d)?")


def _minus_before(text: str, start: int) -> bool:
    return start > 0 and _MINUS.match(text, start - 1) is not None


def set_aside_numbers(text: str) -> list[tuple[str, str]]:
    """The numbers written in digits that `find_numbers` does not read: negative ones, and ones
    beyond MAX_VALUE; each as (kind, what and where)."""
    def cut(found: str) -> str:
        return found if len(found) <= 24 else f"{found[:12]}…({len(found):,} characters)"

    notes = [("negative number", f"'{cut(m.group())}' at character {m.start()}: a count is never negative; not read")
             for m in _NEGATIVE.finditer(text)]
    for m in _LONG.finditer(text):
        digits = re.sub(r"\D", "", m.group()).lstrip("0")
        if len(digits) > 16 or (len(digits) == 16 and int(digits) > MAX_VALUE):
            notes.append(("number too large",
                          f"'{cut(m.group())}' at character {m.start()}: beyond {MAX_VALUE:,}; not read"))
    return notes


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in the text with its span, range and qualifier."""
    found = []
    for m in _matches(text):
        lo = m.group("lo") or m.group("lo2") or m.group("single")
        hi = m.group("hi") or m.group("hi2") or m.group("upper")
        value = parse_number(lo)
        first = "lo" if m.group("lo") else "lo2" if m.group("lo2") else "single"
        if value is None or _minus_before(text, m.start(first)):
            continue
        value_max = parse_number(hi) if hi else None
        if value_max is not None:
            # "11-12 thousand": a scale written once after the range applies to both ends
            scale = re.search(rf"({_SCALE}|k)\s*$", hi.strip(), re.I)
            if scale and not re.search(rf"{_SCALE}|k\b", lo, re.I):
                scaled = value * SCALES[scale.group(1).lower()]
                value = scaled if scaled <= value_max else value
            if m.group("upper") and value < 100 and value_max >= 1000 and value * 1000 <= value_max:
                value *= 1000  # "10-12,000": the thousands written once, after the range
            if value_max <= value:
                value_max = None
        qualifier = m.group("qualifier").lower() if m.group("qualifier") else None
        found.append(NumberMention(m.start(), m.end(), m.group(0), value, value_max, qualifier))
    return found
