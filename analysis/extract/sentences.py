"""Sentences with their character spans in the article body, and the dating phrases of each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.common.vocabulary import MONTH_ABBREVIATIONS
from analysis.extract.dates import DatePhrase, date_phrases

# Words whose full stop does not end a sentence ("Gen. Kim", "Oct. 8").
ABBREVIATIONS = MONTH_ABBREVIATIONS | {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "prof", "rep", "sen", "gov", "no", "vs", "etc", "inc",
    "corp", "jr",
}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=8)
def sentences(body: str) -> tuple[Sentence, ...]:
    """Sentence spans; tolerant of a missing space after a full stop ("Oct. 8.In a statement").
    Cached: figures, events and copy detection all read the same article's sentences."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", body):
        text, base, start = para.group(0), para.start(), 0
        for m in re.finditer(r"[.!?][\"”’')\]]*(?=\s*[\"“‘(]?[A-Z])", text):
            before = re.search(r"(\S+)$", text[start:m.start()])
            token = before.group(1).lower().strip("\"“‘(") if before else ""
            if token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token):
                continue
            piece = text[start:m.end()]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(base + start + lead, base + m.end(), piece.strip()))
            start = m.end()
        piece = text[start:]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Sentence(base + start + lead, base + start + lead + len(piece.strip()), piece.strip()))
    return tuple(out)


@lru_cache(maxsize=8)
def phrases_by_sentence(body: str) -> tuple[tuple[DatePhrase, ...], ...]:
    """The dating phrases of each sentence of the body; cached because figures and events
    both read them, article by article."""
    return tuple(date_phrases(s.text, s.start) for s in sentences(body))
