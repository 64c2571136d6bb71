"""Passages one article shares with another (wire copy appended to a later story).

Sentences are compared as sets of word 8-grams, so curly and straight quotes or small
punctuation changes do not hide a copy. A sentence shared with an earlier article is taken as
copied from it: its relative dates ("on Tuesday") belong to that article's day, not the copy's
(found by joins on the 8-grams of every article: `analysis.dataset.shingles`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from analysis.extract.sentences import sentences

SHINGLE = 8
SHARED_FRACTION = 0.6
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd, so no code is lost in the mix
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


def word_codes(words: list[str]) -> np.ndarray:
    """A 64-bit code per word, the same in every process and on every machine (Python's own
    `hash` of a string differs between processes, so workers could not compare their 8-grams)."""
    codes = {w: int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little") for w in set(words)}
    return np.fromiter((codes[w] for w in words), dtype=np.uint64, count=len(words))


def fingerprint(body: str) -> Fingerprint:
    sents = sentences(body)
    words = [_WORD.findall(s.text.lower()) for s in sents]
    flat = [w for ws in words for w in ws]
    sentence = np.repeat(np.arange(len(sents), dtype=np.int32), [len(ws) for ws in words])
    grams, owner = np.empty(0, np.int64), np.empty(0, np.int32)
    if len(flat) >= SHINGLE:
        codes, n = word_codes(flat), len(flat) - SHINGLE + 1
        mixed = np.zeros(n, dtype=np.uint64)
        for k in range(SHINGLE):  # a polynomial of the eight codes, wrapping at 2**64
            mixed = mixed * _MULTIPLIER + codes[k:k + n]
        whole = sentence[:n] == sentence[SHINGLE - 1:]  # the 8-gram lies within one sentence
        pairs = np.unique(np.stack([sentence[:n][whole].astype(np.int64), mixed[whole].view(np.int64)]), axis=1)
        owner, grams = pairs[0].astype(np.int32), pairs[1]
    return Fingerprint(
        grams=grams,
        owner=owner,
        bounds=np.array([(s.start, s.end) for s in sents], dtype=np.int64).reshape(-1, 2),
        appended=appended_blocks(body),
    )


COPY_MARKER = re.compile(r"^(?:[A-Z][A-Za-z.&' ]{1,40}?)\s*(?:\([A-Za-z]+\))?\s*[-–—]+\s*$", re.M)


def appended_blocks(body: str) -> list[tuple[int, int]]:
    """Older copy appended below an article, opened by a lone agency line ("Reuters -")."""
    return [(m.start(), len(body)) for m in COPY_MARKER.finditer(body) if m.start() > 0][:1]
