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


MAX_SENTENCE = 2000  # characters: news sentences are far shorter (the longest in the gold sets: 462)


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
            out.extend(_bounded(base + start, text[start:m.end()]))
            start = m.end()
        out.extend(_bounded(base + start, text[start:]))
    return tuple(out)


def _bounded(offset: int, piece: str) -> list[Sentence]:
    """A piece of text as a sentence, or, past MAX_SENTENCE characters (a page without
    punctuation), as several, cut at a space: every reading of a sentence then stays bounded and
    the work linear in the article's length."""
    out = []
    while piece.strip():
        lead = len(piece) - len(piece.lstrip())
        offset, piece = offset + lead, piece.strip()
        cut = len(piece) if len(piece) <= MAX_SENTENCE else (piece.rfind(" ", 0, MAX_SENTENCE) + 1 or MAX_SENTENCE)
        out.append(Sentence(offset, offset + len(piece[:cut].rstrip()), piece[:cut].rstrip()))
        offset, piece = offset + cut, piece[cut:]
    return out


@lru_cache(maxsize=8)
def phrases_by_sentence(body: str) -> tuple[tuple[DatePhrase, ...], ...]:
    """The dating phrases of each sentence of the body; cached because figures and events
    both read them, article by article."""
    return tuple(date_phrases(s.text, s.start) for s in sentences(body))


_RUN = re.compile(r"[^.!?\n]{%d,}" % (MAX_SENTENCE + 1))  # a stretch no sentence ends in


def long_runs(body: str) -> list[tuple[str, str]]:
    """Notes, as (kind, what and where), for each stretch longer than a sentence can be that no
    sentence punctuation ends: it was read in pieces of at most MAX_SENTENCE characters."""
    return [("long run cut", f"{m.end() - m.start():,} characters without sentence punctuation at character "
                             f"{m.start():,}: read in pieces of at most {MAX_SENTENCE:,}") for m in _RUN.finditer(body)]
