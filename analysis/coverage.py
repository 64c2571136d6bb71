"""Which article reports which fact, who each article quotes, and what articles share."""

from __future__ import annotations

from html import escape

import pandas as pd

from analysis.dataset import Dataset
from analysis.extract import claimant_in, sentences, short_claimant
from analysis.html import notice, table_html
from analysis.reuse import shared_fraction
from analysis.views import timeline_events

FIRST, LATER = "★", "●"


def coverage_matrix(ds: Dataset) -> pd.DataFrame:
    """Facts (rows: timeline events in date order, then troop numbers) by article (columns, in
    publication order); ★ marks the article where a fact first appears, ● a later report."""
    order = ds.articles.sort_values(["published", "id"])["id"].tolist()
    facts: dict[str, set[str]] = {}
    for _, group in timeline_events(ds.events).sort_values("date_start").groupby("event_id", sort=False):
        facts[group["label"].iloc[0]] = set(group["article_id"])
    troops = ds.figures[(ds.figures["category"] == "troops") & ds.figures["value"].notna()]
    for value, group in troops.sort_values("value").groupby("value", sort=False):
        facts[f"{int(value):,} troops"] = set(group["article_id"])
    matrix = pd.DataFrame("", index=list(facts), columns=order)
    for fact, articles in facts.items():
        reporting = [a for a in order if a in articles]
        for i, aid in enumerate(reporting):
            matrix.loc[fact, aid] = FIRST if i == 0 else LATER
    matrix.index.name = "fact"
    return matrix


def quoted_people(ds: Dataset) -> pd.DataFrame:
    """Everyone an article attributes words to, in its own order."""
    rows = []
    for aid in ds.articles.sort_values(["published", "id"])["id"]:
        names = []
        for s in sentences(ds.corpus[aid].body):
            who = short_claimant(claimant_in(s.text)[0])
            if who and who != "<pronoun>" and who not in names:
                names.append(who)
        rows.append({"article": aid, "quoted or cited": "; ".join(names), "n": len(names)})
    return pd.DataFrame(rows, columns=["article", "quoted or cited", "n"])


def coverage_html(ds: Dataset) -> str:
    if ds.articles.empty:
        return notice("No data for these parameters.")
    matrix = coverage_matrix(ds)
    return (table_html(matrix.reset_index(), caption=f"Who reports what: {FIRST} first appearance, {LATER} later report "
                       f"(articles in publication order)", max_rows=200)
            + table_html(quoted_people(ds), caption="Who each article quotes or cites"))


def reuse_matrix(ds: Dataset) -> pd.DataFrame:
    """Share of each article's word 8-grams found in each other article (row in column)."""
    ids = ds.articles.sort_values(["published", "id"])["id"].tolist()
    bodies = {aid: ds.corpus[aid].body for aid in ids}
    return pd.DataFrame([[shared_fraction(bodies[a], bodies[b]) if a != b else None for b in ids] for a in ids],
                        index=ids, columns=ids)


def reuse_html(ds: Dataset) -> str:
    if len(ds.articles) < 2:
        return notice("Reuse needs at least two articles for these parameters.")
    matrix = reuse_matrix(ds)
    shown = matrix.apply(lambda col: col.map(lambda v: "" if pd.isna(v) else f"{v:.0%}"))
    shown.index.name = "share of ↓ found in →"
    out = table_html(shown.reset_index(), caption="Passages shared between articles (share of the row article's "
                     "8-word sequences that also occur in the column article)")
    copies = ds.copies
    if copies.empty:
        return out + "<p>No passage of one article is copied from an earlier one.</p>"
    items = "".join(
        f"<li><b>{escape(c['article_id'])}</b> carries {c['end'] - c['start']:,} characters copied from "
        f"<b>{escape(c['source_id'])}</b>; their relative dates are read against {escape(c['source_id'])}'s date: "
        f"<q>{escape(ds.corpus[c['article_id']].body[c['start']:c['end']][:400])}…</q></li>"
        for _, c in copies.iterrows())
    return out + f"<ul class='shared'>{items}</ul>"
