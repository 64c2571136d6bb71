"""The date grammar of news text: one table of forms (date_forms.FORMS), each a pattern and
the rule that turns what it matched into a window of days. Finding dating phrases in a
sentence and resolving a phrase (found here, or named by an annotation) read the same table,
so nothing is found that cannot be resolved, and nothing is resolved that could not be found.

A phrase is resolved against an anchor (the day it was written) and the tense of its clause
(date_tense): a past-tense weekday ("on Thursday") is the most recent such day, the anchor
day included; a future one ("will meet on Thursday") the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from analysis.extract.date_forms import FORMS, WORD_KINDS, Form
from analysis.extract.date_windows import DateRef

__all__ = ["DATE_PHRASE", "DatePhrase", "FORMS", "Form", "date_pattern_for", "date_phrases", "resolve"]

_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_LETTERS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def _alternation(forms: list[Form]) -> re.Pattern:
    """The forms as one pattern for finding (group names dropped: several forms share them)."""
    return re.compile("|".join(_GROUP_NAME.sub("(?:", f.pattern) for f in forms), re.I)


DATE_PHRASE = _alternation([f for f in FORMS if not f.weak])


@lru_cache(maxsize=None)
def _pattern_for_kinds(kinds: frozenset[str], weak: bool) -> re.Pattern | None:
    forms = [f for f in FORMS if f.needs <= kinds and (weak or not f.weak)]
    return _alternation(forms) if forms else None


def date_pattern_for(text: str, weak: bool = False) -> re.Pattern | None:
    """DATE_PHRASE without the forms that cannot match this text (they need a word it lacks).
    Every position of a sentence is tried against every form, so this is most of the saving
    in extraction: most sentences need two or three forms, many none."""
    kinds = {WORD_KINDS[w] for w in _LETTERS.findall(text.lower()) if w in WORD_KINDS}
    if _DIGIT.search(text):
        kinds.add("digit")
    return _pattern_for_kinds(frozenset(kinds), weak)


@dataclass(frozen=True)
class DatePhrase:
    start: int
    end: int
    text: str


def date_phrases(text: str, offset: int = 0, weak: bool = False) -> tuple[DatePhrase, ...]:
    """Every dating phrase in the text, with its span (shifted by `offset`); with `weak`, also the
    weak forms (date_forms: a bare year, "now", "in the future")."""
    pattern = date_pattern_for(text, weak)
    if pattern is None:
        return ()
    found = []
    for m in pattern.finditer(text):
        phrase = m.group(0).strip()
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        found.append(DatePhrase(offset + m.start() + lead, offset + m.start() + lead + len(phrase), phrase))
    return tuple(found)


@lru_cache(maxsize=65536)
def resolve(phrase: str, anchor: date | None, tense: str = "past") -> DateRef | None:
    """The window a dating phrase stands for: the first form, in the table's order, that
    matches in the phrase and yields a date. A relative phrase needs an anchor; `tense` is
    that of the phrase's clause ("past", "future" or "" for neither), past by default as news
    reports look back. Cached: the same phrase is resolved against the same day for every
    mention of an event, and again when a page date is re-estimated."""
    for form in FORMS:
        if form.relative and anchor is None:
            continue
        m = form.compiled.search(phrase)
        if m is not None:
            found = form.window(m, phrase, anchor, tense)
            if found is not None:
                return found
    return None
