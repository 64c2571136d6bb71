"""Which article reports which fact, who each article quotes, and what articles share."""

from __future__ import annotations

from html import escape

import pandas as pd

from analysis.dataset import Dataset
from analysis.extract import claimant_in, sentences, short_claimant
from analysis.html import notice, table_html
from analysis.reuse import shared_fraction
from analysis.views import MANY, iso_day, timeline_events

FIRST, LATER = "★", "●"
SHOWN_COPIES = 20


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
        names = []
        for s in sentences(ds.corpus[aid].body):
            who = short_claimant(claimant_in(s.text)[0])
            if who and who != "<pronoun>" and who not in names:
                names.append(who)
        rows.append({"article": aid, "quoted or cited": "; ".join(names), "n": len(names)})
    return pd.DataFrame(rows, columns=["article", "quoted or cited", "n"])


def most_quoted(ds: Dataset) -> pd.DataFrame:
    """For many articles: each claimant of a figure or claim, by the number of articles that
    quote them (from data/figures.csv, so without re-reading every sentence)."""
    named = ds.figures[ds.figures["claimant"].notna()]
    counts = (named.groupby("claimant").agg(articles=("article_id", "nunique"), claims=("ref", "size"))
              .reset_index().sort_values(["articles", "claimant"], ascending=[False, True]))
    return counts.reset_index(drop=True)


def coverage_html(ds: Dataset) -> str:
    if ds.articles.empty:
        return notice("No data for these parameters.")
    if len(ds.articles) > MANY:
        return (table_html(coverage_summary(ds), max_rows=200, caption=f"Who reports what, across "
                           f"{len(ds.articles):,} articles: where each fact first appeared and how far it spread")
                + table_html(most_quoted(ds), caption="Who is quoted most: claimants of figures and claims, by the "
                             "number of articles quoting them"))
    return (table_html(coverage_matrix(ds).reset_index(), max_rows=200, caption=f"Who reports what: {FIRST} "
                       f"first appearance, {LATER} later report (articles in publication order)")
            + table_html(quoted_people(ds), caption="Who each article quotes or cites"))


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
