"""The tense of the clause around a dating phrase, which decides which way a date without a
year or week points: "will vote on April 7" in a March article is the coming April, "voted
on Thursday" the Thursday before. A clause with a future marker is "future", one with a past
verb is "past", anything else (present tense, no verb) is "" and is read as the nearest."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[;:()\"“”]|,\s|\s[-–—]\s|\b(?:that|but|while|whereas|although|because|which)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|going\s+to|(?:is|are|be|was|were)\s+(?:expected|scheduled|due|set|slated|poised|"
    r"planned|supposed)\s+to|(?:plans|planning|intends?|hopes|aims)\s+to|would|next|upcoming|coming|"
    r"tomorrow|must|should|could|might|can|deadline)\b|\w['’]ll\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|did|been|ago|last|earlier|previous|yesterday|said|told|\w{2,}ed)\b", re.I)


def clause_at(text: str, start: int, end: int) -> str:
    """The words of the clause holding text[start:end], the phrase itself left out."""
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    after = _BOUNDARY.search(text, end)
    return text[left:start] + " " + text[end:after.start() if after else len(text)]


def tense_at(text: str, start: int, end: int) -> str:
    clause = clause_at(text, start, end)
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return ""
