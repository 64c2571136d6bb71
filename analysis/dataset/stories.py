"""Articles that are one story: a wire story republished, a page saved twice, one article saved as
text and as a web page. Counted once, they do not look like several confirmations.

The rule: two articles are copies of each other when each is almost wholly the other, that is
when their shared word 8-grams (extract.reuse) are at least `SAME_SHARE` of each one's 8-grams.
Words are compared lower-cased, without punctuation or layout, so line breaks, curly or straight
quotes and a dropped line of page furniture do not matter. A copy that adds a paragraph (or drops
one) fails the test for the longer text and stays a story of its own; its shared passage is in
the copies table. The story's original is its earliest published member (undated after dated,
ties by id); every other member is a copy of it.

Articles are taken in that order, and each is compared only with the originals found so far that
share one of its rarest 8-grams (a prefix filter: two sets that share at least 90% of each must
share one of the first 10% + 1 of each, in any common order, so no copy is missed). Work grows
with the corpus, not with its pairs, unless many distinct originals share rare text. Articles
without a whole 8-gram (every sentence shorter than eight words) are their own stories."""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from analysis.extract.reuse import Fingerprint

if TYPE_CHECKING:
    import pandas as pd

SAME_SHARE = 0.9  # shared 8-grams, as a share of each article's 8-grams, for two articles to be one story


def _prefix(n: int) -> int:
    """How many of a set's rarest elements must hold one shared with any set that shares
    `SAME_SHARE` of it."""
    return n - math.ceil(SAME_SHARE * n - 1e-9) + 1


def story_order(dates: dict[str, date | None]) -> list[str]:
    """Earliest published first, undated last, ties by id: the first of a story is its original."""
    return sorted(dates, key=lambda a: (dates[a] is None, dates[a] or date.min, a))


def copies_of_originals(prints: dict[str, Fingerprint], dates: dict[str, date | None]) -> dict[str, str]:
    """For each article that is a copy, the id of its story's original (originals are not keys)."""
    ids = [a for a in story_order(dates) if a in prints]
    grams = [np.unique(prints[a].grams) for a in ids]
    if not any(len(g) for g in grams):
        return {}
    every = np.concatenate(grams)
    _, where, frequency = np.unique(every, return_inverse=True, return_counts=True)
    owner = np.repeat(np.arange(len(ids)), [len(g) for g in grams])
    # Each article's 8-grams, rarest in the corpus first (ties by value): one order for all.
    order = np.lexsort((every, frequency[where], owner))
    rarest = np.split(every[order], np.cumsum([len(g) for g in grams])[:-1])

    originals: dict[int, list[int]] = {}  # rare 8-gram -> originals whose prefix holds it
    copy_of: dict[str, str] = {}
    for i, aid in enumerate(ids):
        n = len(grams[i])
        if not n:
            continue
        # A copy shares SAME_SHARE of each: the two sizes can differ by no more than that allows.
        candidates = sorted({r for g in rarest[i][:_prefix(n)].tolist() for r in originals.get(g, ())
                             if SAME_SHARE * n <= len(grams[r]) <= n / SAME_SHARE})
        best, best_share = None, 0.0
        for r in candidates:
            shared = len(np.intersect1d(grams[i], grams[r], assume_unique=True))
            share = min(shared / n, shared / len(grams[r]))
            if share >= SAME_SHARE and share > best_share:
                best, best_share = r, share
        if best is not None:
            copy_of[aid] = ids[best]
        else:
            for g in rarest[i][:_prefix(n)].tolist():
                originals.setdefault(g, []).append(i)
    return copy_of


def story_members(articles: pd.DataFrame) -> pd.Series:
    """Each story's number of copies, indexed by its original's id (0 for an article no one
    copied), in the table's order: so a count of stories can say how many copies it includes."""
    originals = articles.loc[articles["copy_of"].isna(), "id"]
    copies = articles["copy_of"].dropna().value_counts()
    return copies.reindex(originals.to_numpy(), fill_value=0).rename("n_copies").rename_axis("story").astype(int)
