"""The tense of the clause around a dating phrase, which decides which way a date without a
year or week points: "will vote on April 7" in a March article is the coming April, "voted
on Thursday" the Thursday before. A clause with a future marker is "future", one with a past
verb is "past", one with neither "" (read as the nearest). A phrase standing as its own clause
("In January, the court ruled ...") takes the tense of the verb nearest it in the sentence, as
HeidelTime reads a sentence's verbs; a date after "since" is past, and a deadline ("until
Nov. 16", "effective Feb. 1") has no tense of its own."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[;:()\"“”]|,\s|\s[-–—]\s|\b(?:that|but|while|whereas|although|because|which|who|whom|"
                       r"when|if|unless)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|going\s+to|(?:expects?|expected|scheduled|due|set|slated|poised|planned|planning|plan|"
    r"plans|supposed|intends?|hopes|aims|likely|ready|is|are)\s+to|would|next|upcoming|coming|tomorrow|must|should|"
    r"might|can|as\s+(?:early|soon)\s+as|deadline|due|payable)\b|\w['’]ll\b", re.I)
# A past verb: an auxiliary, a common irregular past, or a word in -ed that no article makes an
# adjective ("the reduced dividend") and no "is" makes a present passive.
_PRESENT_PASSIVE = r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"  # "the case is heard in May" is not past
_PAST = re.compile(r"\b(?:was|were|had|did|ago|last|earlier|previous|yesterday)\b|"
                   rf"{_PRESENT_PASSIVE}\b(?:said|told|became|began|came|went|took|made|gave|left|held|met|won|lost|"
                   r"fell|rose|sent|saw|found|got|ran|brought|bought|thought|led|stood|knew|wrote|spoke|chose|broke|"
                   r"struck|fought|paid|sold|spent|kept|agreed|signed|set|hit|cut|put|shut|fled|flew|drew|drove|grew|"
                   r"threw|heard|built|felt|meant|sought|caught|shot|withdrew|arose|wore|beat|hung|laid|shook|stole|"
                   r"stuck|swore|woke)\b|"
                   rf"(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bits\s){_PRESENT_PASSIVE}\b\w{{2,}}ed\b", re.I)


# A clause of nothing but these is the phrase standing alone ("In March, ...", "Also Sunday, ...").
_FILLER = re.compile(r"(?:\s|\b(?:on|in|at|by|since|during|from|of|for|also|and|then|as)\b)*", re.I)


def _words_before(words: str) -> tuple[re.Pattern, re.Pattern]:
    """Patterns for the words just before a phrase, and for a phrase that opens with them."""
    return re.compile(rf"\b(?:{words})\s+\Z", re.I), re.compile(rf"(?:{words})\s", re.I)


# A deadline ("until Nov. 16", "extended to March 3") and what follows "since" are not the time of the clause's verb.
_DEADLINE = _words_before(r"until|till|through|by|effective|before|starting|beginning|(?:extended|postponed|delayed|"
                          r"deferred|adjourned|moved)\s+to")
_SINCE = _words_before("since")
_CUE = re.compile(rf"(?P<future>{_FUTURE.pattern})|(?P<past>{_PAST.pattern})", re.I)


def _bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    after = _BOUNDARY.search(text, end)
    return left, after.start() if after else len(text)


def clause_at(text: str, start: int, end: int) -> str:
    """The words of the clause holding text[start:end], the phrase itself left out."""
    left, right = _bounds(text, start, end)
    return text[left:start] + " " + text[end:right]


def _nearest(text: str, start: int, end: int, left: int, right: int) -> str:
    before = [(start - m.end(), m.lastgroup) for m in _CUE.finditer(text, left, start)]
    after = [(m.start() - end, m.lastgroup) for m in _CUE.finditer(text, end, right)]
    cues = before[-1:] + after[:1]
    return min(cues)[1] if cues else ""


def _tense(words: str) -> str:
    return "future" if _FUTURE.search(words) else "past" if _PAST.search(words) else ""


def _introduced_by(words: tuple[re.Pattern, re.Pattern], text: str, start: int) -> bool:
    before, opening = words
    return bool(before.search(text, max(start - 24, 0), start) or opening.match(text, start))


def tense_at(text: str, start: int, end: int) -> str:
    """A deadline ("until Nov. 16", "effective Feb. 1") is not the time of its clause's verb: it
    has no tense, and points to the nearest such date. A phrase standing alone ("In March, ...")
    takes the tense of the verb nearest it in the sentence."""
    if _introduced_by(_SINCE, text, start):
        return "past"
    if _introduced_by(_DEADLINE, text, start):
        return ""
    clause = clause_at(text, start, end)
    if _FILLER.fullmatch(clause):
        return _nearest(text, start, end, 0, len(text))
    return _tense(clause)
