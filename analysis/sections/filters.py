"""The report's filters: the same selection of articles, figures and events for every section."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis.dataset.tables import Dataset
from analysis.sections.html import render
from analysis.sections.words import day, plural


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
    if keep.all() and figures is ds.figures:
        return ds
    ids = set(a.loc[keep, "id"])
    figures = figures[figures["article_id"].isin(ids)]
    return replace(
        ds,
        articles=a[keep],
        figures=figures,
        events=corroboration(ds.events[ds.events["article_id"].isin(ids)], a[keep]),
        claims=recounted_claims(figures, a[keep]),
        quoted=ds.quoted[ds.quoted["article_id"].isin(ids)],
        renderings=ds.renderings[ds.renderings["ref"].isin(set(figures["ref"]))],
        removals=ds.removals[ds.removals["article_id"].isin(ids)],
        conflicts=ds.conflicts[ds.conflicts["article_id"].map(lambda s: any(i in ids for i in s.split(", ")))],
        copies=ds.copies[ds.copies["article_id"].isin(ids) & ds.copies["source_id"].isin(ids)],
    )


def recounted_claims(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The claims table made again from the figures a filter kept: each claim's articles, first
    report and date window then rest only on what the report shows."""
    from analysis.dataset.claims import claims_table
    from analysis.dataset.schemas import CLAIMS  # pandera: loaded only when a filter needs it
    from analysis.dataset.tables import frame

    return frame(claims_table(figures, articles), CLAIMS)


def corroboration(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each event's count of reporting articles and its first report, among the articles kept:
    a filtered report counts only what it shows."""
    if events.empty:
        return events
    by_event = events.groupby("event_id")
    published = events["article_id"].map(articles.set_index("id")["published"])
    return events.assign(n_articles=by_event["article_id"].transform("nunique").astype("Int64"),
                         first_reported=published.groupby(events["event_id"]).transform("min"))


def active_filters(p: dict) -> list[str]:
    """The filters of a build, in words."""
    said = []
    if p.get("start_date") and p.get("end_date"):
        said.append(f"articles published from {day(p['start_date'])} to {day(p['end_date'])}")
    elif p.get("start_date"):
        said.append(f"articles published on or after {day(p['start_date'])}")
    elif p.get("end_date"):
        said.append(f"articles published on or before {day(p['end_date'])}")
    if p.get("sources"):
        said.append("sources " + ", ".join(p["sources"]))
    if p.get("claimants"):
        said.append("claims by " + ", ".join(p["claimants"]) + " and the articles quoting them")
    return said


def filter_banner(p: dict, shown: int, total: int) -> str:
    """A banner that says the report is filtered and how much of the collection it shows; nothing
    for an unfiltered build."""
    said = active_filters(p)
    if not said:
        return ""
    return render("banner.html.j2", filters="; ".join(said), shown=plural(shown, "article"),
                  total=plural(total, "article"))
