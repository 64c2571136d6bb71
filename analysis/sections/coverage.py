"""The Coverage section: which article reports which fact, and whom each article quotes."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.extract.claimants import claimants_of_article
from analysis.extract.sentences import sentences
from analysis.sections.common import MANY, NO_DATA, iso_day, timeline_events
from analysis.sections.html import notice, table_html

FIRST, LATER = "★", "●"


def _facts(ds: Dataset) -> dict[str, set[str]]:
    """Each fact (timeline events in date order, then troop numbers) and the articles reporting it."""
    facts: dict[str, set[str]] = {}
    for _, group in timeline_events(ds.events).sort_values("date_start").groupby("event_id", sort=False):
        facts[group["label"].iloc[0]] = set(group["article_id"])
    troops = ds.figures[(ds.figures["category"] == "troops") & ds.figures["value"].notna()]
    for value, group in troops.sort_values("value").groupby("value", sort=False):
        facts[f"{int(value):,} troops"] = set(group["article_id"])
    return facts


def _publication_order(ds: Dataset) -> list[str]:
    return ds.articles.sort_values(["published", "id"])["id"].tolist()


def coverage_matrix(ds: Dataset) -> pd.DataFrame:
    """Facts (rows) by article (columns, in publication order); ★ marks the article where a
    fact first appears, ● a later report."""
    order = _publication_order(ds)
    facts = _facts(ds)
    matrix = pd.DataFrame("", index=list(facts), columns=order)
    for fact, articles in facts.items():
        reporting = [a for a in order if a in articles]
        for i, aid in enumerate(reporting):
            matrix.loc[fact, aid] = FIRST if i == 0 else LATER
    matrix.index.name = "fact"
    return matrix


def coverage_summary(ds: Dataset) -> pd.DataFrame:
    """The matrix folded for many articles: each fact, where and when it first appeared, in
    how many articles, and its latest report."""
    published = ds.articles.set_index("id")["published"]
    rank = {aid: i for i, aid in enumerate(_publication_order(ds))}
    rows = []
    for fact, articles in _facts(ds).items():
        reporting = sorted(articles, key=rank.__getitem__)
        first, dates = reporting[0], published[reporting]
        rows.append({"fact": fact, "first reported in": first, "on": iso_day(published[first]) or None,
                     "articles": len(reporting), "latest report": iso_day(dates.max()) or None})
    return pd.DataFrame(rows, columns=["fact", "first reported in", "on", "articles", "latest report"])


def quoted_people(ds: Dataset) -> pd.DataFrame:
    """Everyone an article attributes words to, in its own order."""
    rows = []
    for aid in _publication_order(ds):
        names = claimants_of_article(sentences(ds.corpus[aid].body))
        rows.append({"article": aid, "quoted or cited": "; ".join(names), "n": len(names)})
    return pd.DataFrame(rows, columns=["article", "quoted or cited", "n"])


def most_quoted(ds: Dataset) -> pd.DataFrame:
    """For many articles: each claimant of a figure or claim, by the number of articles that
    quote them (from data/figures.csv, so without re-reading every sentence)."""
    named = ds.figures[ds.figures["claimant"].notna()]
    counts = (named.groupby("claimant").agg(articles=("article_id", "nunique"), claims=("ref", "size"))
              .reset_index().sort_values(["articles", "claimant"], ascending=[False, True]))
    return counts.reset_index(drop=True)


def coverage_html(ds: Dataset) -> Markup:
    if ds.articles.empty:
        return notice(NO_DATA)
    if len(ds.articles) > MANY:
        return (table_html(coverage_summary(ds), max_rows=200, caption=f"Who reports what, across "
                           f"{len(ds.articles):,} articles: where each fact first appeared and how far it spread")
                + table_html(most_quoted(ds), caption="Who is quoted most: claimants of figures and claims, by the "
                             "number of articles quoting them"))
    return (table_html(coverage_matrix(ds).reset_index(), max_rows=200, caption=f"Who reports what: {FIRST} "
                       f"first appearance, {LATER} later report (articles in publication order)")
            + table_html(quoted_people(ds), caption="Who each article quotes or cites"))
