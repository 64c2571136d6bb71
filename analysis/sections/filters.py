"""The report's filters: the same selection of articles, figures and events for every section."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from markupsafe import Markup

from analysis.dataset.stories import story_members
from analysis.dataset.model import INPUT_NOTE_KINDS, Dataset
from analysis.extract.relevance import DEFAULT_TOPIC
from analysis.sections.html import EMPTY, render
from analysis.sections.words import day, is_bounded, plural


def apply_filters(ds: Dataset, p: dict) -> Dataset:
    """Keep the articles published within [start_date, end_date] from the chosen sources and,
    when claimants are chosen, the articles that quote them; every table then keeps the rows
    that rest on those articles (and, for claims, on those claimants). An article without a
    publication date cannot be placed, so a date filter drops it."""
    a = ds.articles
    keep = a["relevant"].astype(bool)  # pages off the topic are set aside (Data quality lists them)
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
    # A syndicated copy is set aside where its original is shown, which counts it; a copy whose
    # original the filters leave out stands in for it.
    selected = a[keep]
    keep &= ~a["copy_of"].isin(set(selected["id"]))
    if keep.all() and figures is ds.figures:
        return ds
    ids = set(a.loc[keep, "id"])
    figures = figures[figures["article_id"].isin(ids)]
    return replace(
        ds,
        articles=a[keep],
        figures=figures,
        events=recounted_events(ds.events[ds.events["article_id"].isin(ids)], a[keep]),
        claims=recounted_claims(figures, a[keep], story_members(selected)),
        quoted=ds.quoted[ds.quoted["article_id"].isin(ids)],
        renderings=ds.renderings[ds.renderings["ref"].isin(set(figures["ref"]))],
        removals=ds.removals[ds.removals["article_id"].isin(ids)],
        conflicts=ds.conflicts[(ds.conflicts["kind"] == INPUT_NOTE_KINDS[0])  # a folder entry, no article
                               | ds.conflicts["article_id"].map(lambda s: any(i in ids for i in s.split(", ")))],
        copies=ds.copies[ds.copies["article_id"].isin(ids)],  # its source may be outside: it still dates the copy
    )


def on_topic(ds: Dataset, topic: str) -> Dataset:
    """The dataset with each article's relevance to `topic`: the dataset's own for the default
    topic, read again from the articles' text for another."""
    if topic == DEFAULT_TOPIC:
        return ds
    from analysis.dataset.tables import topic_columns  # the relevance rules: loaded only for another topic

    found = pd.DataFrame([topic_columns(ds.corpus[aid], topic) for aid in ds.articles["id"]], index=ds.articles.index)
    return replace(ds, articles=ds.articles.assign(relevant=found["relevant"], relevance=found["relevance"]))


def recounted_claims(figures: pd.DataFrame, articles: pd.DataFrame, copies: pd.Series) -> pd.DataFrame:
    """The claims table made again from the figures a filter kept: each claim's articles, first
    report and date window then rest only on what the report shows; `n_copies` adds the set-aside
    copies of those articles (`copies`: each original's number of copies)."""
    from analysis.dataset.claims import claims_table
    from analysis.dataset.schemas import CLAIMS  # pandera: loaded only when a filter needs it
    from analysis.dataset.tables import frame

    claims = frame(claims_table(figures, articles), CLAIMS)
    article_of = figures.set_index("ref")["article_id"]
    return claims.assign(n_copies=[int(sum(copies.get(a, 0) for a in {article_of[r] for r in refs.split()}))
                                   for refs in claims["refs"]])


def recounted_events(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The events as the articles kept tell them: each event's date is where its kept mentions'
    own dates agree (the mentions that agreed with the whole collection's date, where there are
    any), its count of reporting articles and its first report are among the articles kept."""
    if events.empty:
        return events
    dated = events[events["mention_date_start"].notna()]
    agreeing = dated[dated["consistent"] | ~dated.groupby("event_id")["consistent"].transform("any")]
    # A window the article gives (a day, a week, a month) outweighs one only a rule bounds ("nearly five months after").
    given = pd.Series([is_bounded(s, e) for s, e in zip(agreeing["mention_date_start"], agreeing["mention_date_end"])],
                      index=agreeing.index, dtype=bool)
    agreeing = agreeing[given | ~given.groupby(agreeing["event_id"]).transform("any")]
    by_event = agreeing.groupby("event_id")
    start, end = by_event["mention_date_start"].max(), by_event["mention_date_end"].min()
    narrowest = agreeing.assign(width=agreeing["mention_date_end"] - agreeing["mention_date_start"]).sort_values(
        ["width", "ref"]).drop_duplicates("event_id").set_index("event_id")
    apart = start > end  # the kept mentions disagree: the narrowest of them
    start, end = start.where(~apart, narrowest["mention_date_start"]), end.where(~apart, narrowest["mention_date_end"])
    width = (end - start).dt.days
    precision = pd.Series("year", index=width.index).mask(width <= 30, "month").mask(width <= 6, "week").mask(width == 0, "day")
    iso = start.dt.strftime("%Y-%m-%d").where(width == 0, start.dt.strftime("%Y-%m-%d") + "/" + end.dt.strftime("%Y-%m-%d"))
    published = events["article_id"].map(articles.set_index("id")["published"])
    ids = events["event_id"]
    return events.assign(
        date=ids.map(iso), date_start=ids.map(start), date_end=ids.map(end), date_precision=ids.map(precision),
        n_articles=events.groupby("event_id")["article_id"].transform("nunique").astype("Int64"),
        first_reported=published.groupby(ids).transform("min"))


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


def filter_banner(p: dict, shown: int, total: int) -> Markup:
    """A banner that says the report is filtered and how much of the collection it shows; nothing
    for an unfiltered build."""
    said = active_filters(p)
    if not said:
        return EMPTY
    return render("banner.html.j2", filters="; ".join(said), shown=plural(shown, "article"),
                  total=plural(total, "article"))
