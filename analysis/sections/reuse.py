"""The Reuse section: passages one article shares with another, such as wire copy appended to a
later story, and how their relative dates are read."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.extract.reuse import shared_fraction
from analysis.sections.common import MANY
from analysis.sections.html import notice, render, table_html

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


def reuse_html(ds: Dataset) -> Markup:
    if len(ds.articles) < 2:
        return notice("Reuse needs at least two articles for these parameters.")
    copies = ds.copies
    if len(ds.articles) > MANY:
        tables = [] if copies.empty else [table_html(
            copied_shares(ds), max_rows=30, caption=f"Articles that copy passages from an earlier one, most copied "
            f"first ({len(ds.articles):,} articles: too many for a matrix of every pair)")]
    else:
        matrix = reuse_matrix(ds)
        shown = matrix.apply(lambda col: col.map(lambda v: "" if pd.isna(v) else f"{v:.0%}"))
        shown.index.name = "share of ↓ found in →"
        tables = [table_html(shown.reset_index(), caption="Passages shared between articles (share of the row "
                             "article's 8-word sequences that also occur in the column article)")]
    passages = [{"article_id": c["article_id"], "source_id": c["source_id"], "chars": c["end"] - c["start"],
                 "excerpt": ds.corpus[c["article_id"]].body[c["start"]:c["end"]][:400]}
                for _, c in copies.head(SHOWN_COPIES).iterrows()]
    return render("reuse.html.j2", tables=tables, passages=passages, shown=SHOWN_COPIES, total=len(copies))
