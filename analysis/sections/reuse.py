"""The Reuse section: passages one article shares with another, such as wire copy appended to a
later story, and how their relative dates are read."""

from __future__ import annotations

from html import escape

import pandas as pd

from analysis.dataset.tables import Dataset
from analysis.extract.reuse import shared_fraction
from analysis.sections.common import MANY
from analysis.sections.html import notice, table_html

SHOWN_COPIES = 20


def reuse_matrix(ds: Dataset) -> pd.DataFrame:
    """Share of each article's word 8-grams found in each other article (row in column)."""
    ids = ds.articles.sort_values(["published", "id"])["id"].tolist()
    bodies = {aid: ds.corpus[aid].body for aid in ids}
    return pd.DataFrame([[shared_fraction(bodies[a], bodies[b]) if a != b else None for b in ids] for a in ids],
                        index=ids, columns=ids)


def copied_shares(ds: Dataset) -> pd.DataFrame:
    """Each article that copies from an earlier one: how much, as a share of its text."""
    copies = ds.copies.assign(chars=ds.copies["end"] - ds.copies["start"])
    pairs = copies.groupby(["article_id", "source_id"], as_index=False)["chars"].sum()
    lengths = pairs["article_id"].map(lambda aid: len(ds.corpus[aid].body))
    pairs["share of the article"] = (pairs["chars"] / lengths).map(lambda v: f"{v:.0%}")
    order = (pairs["chars"] / lengths).sort_values(ascending=False, kind="stable").index
    return pairs.loc[order].rename(columns={"article_id": "article", "source_id": "copied from",
                                            "chars": "characters copied"}).reset_index(drop=True)


def reuse_html(ds: Dataset) -> str:
    if len(ds.articles) < 2:
        return notice("Reuse needs at least two articles for these parameters.")
    copies = ds.copies
    if len(ds.articles) > MANY:
        out = ("" if copies.empty else table_html(
            copied_shares(ds), max_rows=30, caption=f"Articles that copy passages from an earlier one, most copied "
            f"first ({len(ds.articles):,} articles: too many for a matrix of every pair)"))
    else:
        matrix = reuse_matrix(ds)
        shown = matrix.apply(lambda col: col.map(lambda v: "" if pd.isna(v) else f"{v:.0%}"))
        shown.index.name = "share of ↓ found in →"
        out = table_html(shown.reset_index(), caption="Passages shared between articles (share of the row article's "
                         "8-word sequences that also occur in the column article)")
    if copies.empty:
        return out + "<p>No passage of one article is copied from an earlier one.</p>"
    items = "".join(
        f"<li><b>{escape(c['article_id'])}</b> carries {c['end'] - c['start']:,} characters copied from "
        f"<b>{escape(c['source_id'])}</b>; their relative dates are read against {escape(c['source_id'])}'s date: "
        f"<q>{escape(ds.corpus[c['article_id']].body[c['start']:c['end']][:400])}…</q></li>"
        for _, c in copies.head(SHOWN_COPIES).iterrows())
    more = (f"<p class='truncated'>Showing {SHOWN_COPIES} of {len(copies):,} copied passages; all are in "
            f"data/copies.csv.</p>" if len(copies) > SHOWN_COPIES else "")
    return out + f"<ul class='shared'>{items}</ul>{more}"
