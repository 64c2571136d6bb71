"""Passages one article shares with another (wire copy appended to a later story).

Sentences are compared as sets of word 8-grams, so curly and straight quotes or small
punctuation changes do not hide a copy. A sentence shared with an earlier article is taken as
copied from it: its relative dates ("on Tuesday") belong to that article's day, not the copy's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np

from analysis.extract.sentences import sentences

SHINGLE = 8
SHARED_FRACTION = 0.6
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class CopiedSpan:
    article_id: str
    start: int
    end: int
    source_id: str


@dataclass(frozen=True)
class Fingerprint:
    """What copy detection needs of one article: its sentences as hashed word 8-grams
    (`grams[i]` belongs to sentence `owner[i]`, whose character span is `bounds[owner[i]]`),
    and any block appended below it. Made beside extraction, in the worker processes, so
    that copy detection over the corpus is only array work."""

    grams: np.ndarray
    owner: np.ndarray
    bounds: np.ndarray
    appended: list[tuple[int, int]]


def fingerprint(body: str) -> Fingerprint:
    sents = sentences(body)
    per_sentence = []
    for s in sents:
        words = _WORD.findall(s.text.lower())
        per_sentence.append(set(map(hash, zip(*(words[k:] for k in range(SHINGLE))))))
    return Fingerprint(
        grams=np.fromiter((g for grams in per_sentence for g in grams), dtype=np.int64),
        owner=np.repeat(np.arange(len(sents), dtype=np.int32), [len(g) for g in per_sentence]),
        bounds=np.array([(s.start, s.end) for s in sents], dtype=np.int64).reshape(-1, 2),
        appended=appended_blocks(body),
    )


COPY_MARKER = re.compile(r"^(?:[A-Z][A-Za-z.&' ]{1,40}?)\s*(?:\([A-Za-z]+\))?\s*[-–—]+\s*$", re.M)


def appended_blocks(body: str) -> list[tuple[int, int]]:
    """Older copy appended below an article, opened by a lone agency line ("Reuters -")."""
    return [(m.start(), len(body)) for m in COPY_MARKER.finditer(body) if m.start() > 0][:1]


def copied_spans(prints: dict[str, Fingerprint], dates: dict[str, date | None]) -> list[CopiedSpan]:
    """Sentences of each article found in an article dated earlier, merged into spans.

    Each 8-gram is held by the earliest-dated article that has it; a sentence is copied when
    most of its 8-grams are held by one earlier article (the earliest, if several tie). The
    work is sorting the corpus's 8-grams once: O(n log n) in corpus size, in numpy."""
    ids = sorted((aid for aid in prints if dates.get(aid) is not None), key=lambda a: (dates[a], a))
    day = np.array([dates[a].toordinal() for a in ids])
    sizes = [len(prints[a].bounds) for a in ids]
    first_sentence = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])
    grams = np.concatenate([np.empty(0, np.int64), *(prints[a].grams for a in ids)])
    if not len(grams):
        return []
    rank = np.repeat(np.arange(len(ids)), [len(prints[a].grams) for a in ids])
    sentence = np.concatenate([prints[a].owner + first_sentence[r] for r, a in enumerate(ids)])
    bounds = np.concatenate([prints[a].bounds for a in ids])

    # The holder of each 8-gram is the lowest rank among its occurrences (a stable sort keeps
    # rank order among equal hashes, so the first of each run is the earliest article).
    order = np.argsort(grams, kind="stable")
    starts = np.r_[True, grams[order][1:] != grams[order][:-1]]
    holder = np.empty_like(rank)
    holder[order] = rank[order][starts][np.cumsum(starts) - 1]

    earlier = day[holder] < day[rank]
    if not earlier.any():
        return []
    keys, votes = np.unique(sentence[earlier] * len(ids) + holder[earlier], return_counts=True)
    voter, source = keys // len(ids), keys % len(ids)
    totals = np.bincount(sentence, minlength=first_sentence[-1])
    best = np.lexsort((source, -votes, voter))  # per sentence: most votes, then the earliest source
    best = best[np.r_[True, voter[best][1:] != voter[best][:-1]]]
    best = best[votes[best] >= SHARED_FRACTION * totals[voter[best]]]

    # Consecutive copied sentences of one article from one source make one span.
    voter, source = voter[best], source[best]
    if not len(voter):
        return []
    article = np.searchsorted(first_sentence, voter, side="right") - 1
    new_span = np.r_[True, (voter[1:] != voter[:-1] + 1) | (source[1:] != source[:-1]) | (article[1:] != article[:-1])]
    first = np.flatnonzero(new_span)
    last = np.r_[first[1:] - 1, len(voter) - 1]
    spans = [CopiedSpan(ids[a], s, e, ids[src]) for a, s, e, src in zip(
        article[first].tolist(), bounds[voter[first], 0].tolist(), bounds[voter[last], 1].tolist(),
        source[first].tolist())]
    return sorted(spans, key=lambda c: (c.article_id, c.start))
