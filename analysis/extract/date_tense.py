"""The tense of the clause around a dating phrase, which decides which way a date without a
year or week points: "will vote on April 7" in a March article is the coming April, "voted
on Thursday" the Thursday before. A clause with a future marker is "future", one with a past
verb is "past"; a clause with neither takes the tense of its whole sentence, and a sentence
with neither (present tense, no verb) is "" and is read as the nearest."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[;:()\"“”]|,\s|\s[-–—]\s|\b(?:that|but|while|whereas|although|because|which|when|if|"
                       r"unless)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|going\s+to|(?:expects?|expected|scheduled|due|set|slated|poised|planned|planning|"
    r"plans|supposed|intends?|hopes|aims|likely|ready|is|are)\s+to|would|next|upcoming|coming|tomorrow|must|should|"
    r"could|might|can|deadline|due|payable)\b|\w['’]ll\b", re.I)
# A past verb: an auxiliary, a verb of saying, or a word in -ed that no article makes an adjective
# ("the reduced dividend").
_PAST = re.compile(r"\b(?:was|were|had|did|ago|last|earlier|previous|yesterday|said|told|became|began|came|went|"
                   r"took|made|gave|left|held|met|won|lost|fell|rose|sent|saw|found|got|ran|brought|bought|"
                   r"thought|led|stood|knew|wrote|spoke|chose|broke|struck|fought|paid|sold|spent|kept|"
                   r"agreed|signed)\b|"
                   r"(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bits\s)\b\w{2,}ed\b", re.I)


SHORT_CLAUSE = 1


def clause_at(text: str, start: int, end: int) -> str:
    """The words of the clause holding text[start:end], the phrase itself left out."""
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    after = _BOUNDARY.search(text, end)
    return text[left:start] + " " + text[end:after.start() if after else len(text)]


def _tense(words: str) -> str:
    if _FUTURE.search(words):
        return "future"
    if _PAST.search(words):
        return "past"
    return ""


def tense_at(text: str, start: int, end: int) -> str:
    """The clause's tense; a phrase that is a clause of its own ("Last May, ...") takes the
    sentence's."""
    clause = clause_at(text, start, end)
    if not clause.split():
        return _tense(text[:start] + " " + text[end:])
    return _tense(clause)
