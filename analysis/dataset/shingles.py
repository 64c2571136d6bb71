"""Shared passages and story groups as joins on hashed shingles (word 8-grams, `extract.reuse`).

Each step is written once, in the pandas API, on a table of (article, sentence, gram) rows. A
small collection runs it on pandas frames in one process; a large one on Dask frames spread
over a cluster, where `per_key` shuffles the rows so that all rows of a key meet in one
partition. Nothing here gathers a collection's grams into one process: only the results (the
copied passages, the pairs of near-identical articles) come back, and they are small.

Copied passages: the holder of an 8-gram is the earliest-dated article that has it (ties by
id); a sentence is copied when at least SHARED_FRACTION of its 8-grams are held by one earlier
article (most votes, then the earliest source), and consecutive copied sentences of one source
make one span. Story groups: `analysis.dataset.stories` (the prefix filter and the rule)."""

from __future__ import annotations

from datetime import date

import hashlib

import numpy as np
import pandas as pd

from analysis.dataset.stories import SAME_SHARE, story_order
from analysis.extract.reuse import SHARED_FRACTION, CopiedSpan, Fingerprint

GRAMS = {"article": "int64", "sentence": "int32", "gram": "int64"}
BOUNDS = {"article": "int64", "sentence": "int32", "start": "int64", "end": "int64"}


def article_key(article_id: str) -> int:
    """An article's id as a 64-bit number, the same wherever it is made: joins on numbers take a
    fraction of the memory and time of joins on text."""
    return int.from_bytes(hashlib.blake2b(article_id.encode(), digest_size=8).digest(), "little", signed=True)


def _concat(arrays: list[np.ndarray], dtype: str) -> np.ndarray:
    return np.concatenate([np.empty(0, dtype), *arrays]).astype(dtype)


def gram_rows(prints: dict[str, Fingerprint]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The grams and the sentence bounds of some articles, as rows (made where they were read)."""
    keys = np.array([article_key(a) for a in prints], dtype=np.int64)
    grams = pd.DataFrame({
        "article": np.repeat(keys, [len(p.grams) for p in prints.values()]),
        "sentence": _concat([p.owner for p in prints.values()], "int32"),
        "gram": _concat([p.grams for p in prints.values()], "int64"),
    })
    bounds = pd.DataFrame({
        "article": np.repeat(keys, [len(p.bounds) for p in prints.values()]),
        "sentence": _concat([np.arange(len(p.bounds)) for p in prints.values()], "int32"),
        "start": _concat([p.bounds[:, 0] for p in prints.values()], "int64"),
        "end": _concat([p.bounds[:, 1] for p in prints.values()], "int64"),
    })
    return grams, bounds


def per_key(frame, key: str, step):
    """`step` applied to all rows of each `key` together: the whole frame in pandas; on Dask,
    each partition after a shuffle on `key`."""
    if isinstance(frame, pd.DataFrame):
        return step(frame)
    return frame.shuffle(on=key).map_partitions(step, meta=step(frame._meta))


def collected(frame) -> pd.DataFrame:
    return frame if isinstance(frame, pd.DataFrame) else frame.compute()


def _order(dates: dict[str, date | None]) -> pd.DataFrame:
    """Each article's key, its place in the story order (earliest first, undated last, ties by id)
    and its day."""
    ids = story_order(dates)
    keys = [article_key(a) for a in ids]
    if len(set(keys)) < len(keys):  # two ids with one 64-bit key: about one chance in 10^6 for 10^7 articles
        raise RuntimeError("two article ids hash to one key; rename one of the files")
    return pd.DataFrame({"article": np.array(keys, dtype=np.int64), "order": np.arange(len(ids), dtype=np.int64),
                         "day": [dates[a].toordinal() if dates[a] else -1 for a in ids]})


def _first_holder(rows: pd.DataFrame) -> pd.DataFrame:
    first = rows.sort_values(["gram", "order"], kind="stable").drop_duplicates("gram")
    return first[["gram", "order", "day"]].rename(columns={"order": "holder", "day": "holder_day"})


def _best_sources(rows: pd.DataFrame) -> pd.DataFrame:
    """Per sentence of an article: the earlier article holding most of its grams, if it holds enough."""
    totals = rows.groupby(["article", "sentence"]).size().rename("total")
    earlier = rows[rows["holder_day"] < rows["day"]]
    votes = earlier.groupby(["article", "sentence", "holder"]).size().rename("votes").reset_index()
    votes = votes.sort_values(["article", "sentence", "votes", "holder"], ascending=[True, True, False, True])
    best = votes.drop_duplicates(["article", "sentence"]).join(totals, on=["article", "sentence"])
    return best[best["votes"] >= SHARED_FRACTION * best["total"]][["article", "sentence", "holder"]]


def _spans(rows: pd.DataFrame) -> pd.DataFrame:
    """Consecutive copied sentences of one article from one source, merged into spans."""
    rows = rows.sort_values(["article", "sentence"])
    if rows.empty:
        return rows[["article", "start", "end", "holder"]]
    article, sentence, holder = (rows[c].to_numpy() for c in ("article", "sentence", "holder"))
    span = np.cumsum(np.r_[True, (article[1:] != article[:-1]) | (sentence[1:] != sentence[:-1] + 1)
                           | (holder[1:] != holder[:-1])])
    merged = rows.groupby(span).agg(article=("article", "first"), start=("start", "first"), end=("end", "last"),
                                    holder=("holder", "first"))
    return merged.reset_index(drop=True)


def copied_spans(grams, bounds, dates: dict[str, date | None]) -> list[CopiedSpan]:
    """Sentences of each article found in an article dated earlier, merged into spans (the rule is
    in this module's docstring); the spans of each article in order."""
    order = _order(dates)
    dated = grams.merge(order[order["day"] >= 0], on="article")
    holders = per_key(dated, "gram", _first_holder)
    best = per_key(dated.merge(holders, on="gram"), "article", _best_sources)
    spans = collected(per_key(best.merge(bounds, on=["article", "sentence"]), "article", _spans))
    ids = story_order(dates)
    id_of = dict(zip(order["article"].tolist(), ids))
    found = [CopiedSpan(id_of[a], int(s), int(e), ids[h]) for a, s, e, h in
             zip(spans["article"].tolist(), spans["start"], spans["end"], spans["holder"])]
    return sorted(found, key=lambda c: (c.article_id, c.start))


def _prefix_length(n: pd.Series) -> pd.Series:
    return n - np.ceil(SAME_SHARE * n - 1e-9).astype("int64") + 1


def _frequency(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.groupby("gram").size().rename("frequency").reset_index()


def _prefixes(rows: pd.DataFrame) -> pd.DataFrame:
    """Each article's rarest grams (by frequency in the collection, ties by value), as many as the
    prefix filter needs."""
    rows = rows.sort_values(["article", "frequency", "gram"], kind="stable")
    place = rows.groupby("article").cumcount()
    return rows[place < _prefix_length(rows["n"])][["article", "gram", "n"]]


def _pairs(rows: pd.DataFrame) -> pd.DataFrame:
    both = rows.merge(rows, on="gram", suffixes=("", "_other"))
    both = both[(both["article"] != both["article_other"]) & (SAME_SHARE * both["n"] <= both["n_other"])
                & (both["n_other"] <= both["n"] / SAME_SHARE)]
    return both[["article", "article_other", "n", "n_other"]].drop_duplicates(["article", "article_other"])


def near_copies(grams) -> pd.DataFrame:
    """Every pair of articles that share at least SAME_SHARE of each one's distinct grams, with the
    smaller of the two shares: (article, article_other, share) by article key, each pair both ways."""
    unique = grams[["article", "gram"]].drop_duplicates()
    sizes = unique.groupby("article").size().rename("n").reset_index()
    frequency = per_key(unique, "gram", _frequency)  # one row per distinct gram: partitioned, never in one place
    ranked = unique.merge(frequency, on="gram").merge(sizes, on="article")
    candidates = per_key(per_key(ranked, "article", _prefixes), "gram", _pairs).drop_duplicates(
        ["article", "article_other"])
    other = unique.assign(article_other=unique["article"])[["article_other", "gram"]]  # (not rename: dask-expr)
    shared = (candidates.merge(unique, on="article").merge(other, on=["article_other", "gram"])
              .groupby(["article", "article_other", "n", "n_other"]).size().rename("shared").reset_index())
    pairs = collected(shared)
    pairs["share"] = np.minimum(pairs["shared"] / pairs["n"], pairs["shared"] / pairs["n_other"])
    return pairs[pairs["share"] >= SAME_SHARE][["article", "article_other", "share"]]


def copies_of_originals(grams, dates: dict[str, date | None]) -> dict[str, str]:
    """For each article that is a copy, its story's original (the rule: `analysis.dataset.stories`):
    in story order, an article is a copy of the earlier original it shares most with (the
    earliest, if several tie)."""
    place = {a: i for i, a in enumerate(story_order(dates))}
    id_of = {article_key(a): a for a in dates}
    partners: dict[str, list[tuple[float, int, str]]] = {}
    for a, b, share in near_copies(grams).itertuples(index=False):
        a, b = id_of[a], id_of[b]
        if place[b] < place[a]:
            partners.setdefault(a, []).append((-share, place[b], b))
    copy_of: dict[str, str] = {}
    for a in sorted(partners, key=place.__getitem__):
        best = min((p for p in partners[a] if p[2] not in copy_of), default=None)
        if best is not None:
            copy_of[a] = best[2]
    return copy_of

