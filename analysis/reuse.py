"""Passages one article shares with another (wire copy appended to a later story).

Sentences are compared as sets of word 8-grams, so curly and straight quotes or small
punctuation changes do not hide a copy. A sentence shared with an earlier article is taken as
copied from it: its relative dates ("on Tuesday") belong to that article's day, not the copy's.
"""

from __future__ import annotations

import re
from collections import Counter
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
    """Sentences of each article found in an article dated earlier, merged into spans.

    Each 8-gram is indexed under the earliest-dated article holding it; a sentence is copied
    when most of its 8-grams first appeared in one earlier article. Linear in corpus size."""
    first: dict[tuple[str, ...], tuple[date, str]] = {}
    for aid, body in bodies.items():
        if dates.get(aid) is None:
            continue
        for gram in _shingles(body):
            held = first.get(gram)
            if held is None or (dates[aid], aid) < held:
                first[gram] = (dates[aid], aid)
    spans: list[CopiedSpan] = []
    for aid, body in bodies.items():
        mine = dates.get(aid)
        if mine is None:
            continue
        current: CopiedSpan | None = None
        for sentence in sentences(body):
            grams = _shingles(body[sentence.start:sentence.end])
            votes = Counter(first[g][1] for g in grams if g in first and first[g][0] < mine)
            source, count = votes.most_common(1)[0] if votes else (None, 0)
            source = source if grams and count >= SHARED_FRACTION * len(grams) else None
            if source and current and current.source_id == source:
                current = CopiedSpan(aid, current.start, sentence.end, source)
            else:
                if current:
                    spans.append(current)
                current = CopiedSpan(aid, sentence.start, sentence.end, source) if source else None
        if current:
            spans.append(current)
    return spans
