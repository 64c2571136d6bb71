"""Passages one article shares with another (wire copy appended to a later story).

Sentences are compared as sets of word 8-grams, so curly and straight quotes or small
punctuation changes do not hide a copy. A sentence shared with an earlier article is taken as
copied from it: its relative dates ("on Tuesday") belong to that article's day, not the copy's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from analysis.extract import sentences

SHINGLE = 8
SHARED_FRACTION = 0.6


@dataclass(frozen=True)
class CopiedSpan:
    article_id: str
    start: int
    end: int
    source_id: str


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def shared_fraction(a: str, b: str) -> float:
    """Share of a's word 8-grams that also occur in b."""
    grams = _shingles(a)
    return len(grams & _shingles(b)) / len(grams) if grams else 0.0


COPY_MARKER = re.compile(r"^(?:[A-Z][A-Za-z.&' ]{1,40}?)\s*(?:\([A-Za-z]+\))?\s*[-–—]+\s*$", re.M)


def appended_blocks(body: str) -> list[tuple[int, int]]:
    """Older copy appended below an article, opened by a lone agency line ("Reuters -")."""
    return [(m.start(), len(body)) for m in COPY_MARKER.finditer(body) if m.start() > 0][:1]


def copied_spans(bodies: dict[str, str], dates: dict[str, date | None]) -> list[CopiedSpan]:
    """Sentences of each article found in an article dated earlier, merged into spans."""
    shingles = {aid: _shingles(body) for aid, body in bodies.items()}
    spans: list[CopiedSpan] = []
    for aid, body in bodies.items():
        mine = dates.get(aid)
        if mine is None:
            continue
        earlier = sorted(
            (d, other) for other, d in dates.items() if other != aid and d is not None and d < mine
        )
        current: CopiedSpan | None = None
        for sentence in sentences(body):
            start, end = sentence.start, sentence.end
            grams = _shingles(body[start:end])
            source = next(
                (other for _, other in earlier
                 if grams and len(grams & shingles[other]) >= SHARED_FRACTION * len(grams)),
                None,
            )
            if source and current and current.source_id == source:
                current = CopiedSpan(aid, current.start, end, source)
            else:
                if current:
                    spans.append(current)
                current = CopiedSpan(aid, start, end, source) if source else None
        if current:
            spans.append(current)
    return spans
