"""The report's filters: the same selection of articles, figures and events for every section."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis.dataset.tables import Dataset


def apply_filters(ds: Dataset, p: dict) -> Dataset:
    """Keep the articles published within [start_date, end_date] from the chosen sources and,
    when claimants are chosen, the articles that quote them; every table then keeps the rows
    that rest on those articles (and, for claims, on those claimants). An article without a
    publication date cannot be placed, so a date filter drops it."""
    a = ds.articles
    keep = pd.Series(True, index=a.index)
    if p.get("start_date"):
        keep &= a["published"] >= pd.Timestamp(p["start_date"])
    if p.get("end_date"):
        keep &= a["published"] <= pd.Timestamp(p["end_date"])
    if p.get("sources"):
        chosen = set(p["sources"])
        keep &= a["id"].isin(chosen) | a["outlet"].isin(chosen) | a["agency"].isin(chosen)
    figures = ds.figures
    if p.get("claimants"):
        wanted = [c.lower() for c in p["claimants"]]
        figures = figures[figures["claimant"].fillna("").str.lower().map(lambda c: any(w in c for w in wanted))]
        keep &= a["id"].isin(set(figures["article_id"]))
    ids = set(a.loc[keep, "id"])
    return replace(
        ds,
        articles=a[keep],
        figures=figures[figures["article_id"].isin(ids)],
        events=ds.events[ds.events["article_id"].isin(ids)],
        removals=ds.removals[ds.removals["article_id"].isin(ids)],
        conflicts=ds.conflicts[ds.conflicts["article_id"].map(lambda s: any(i in ids for i in s.split(", ")))],
        copies=ds.copies[ds.copies["article_id"].isin(ids) & ds.copies["source_id"].isin(ids)],
    )
