"""Who reports what: for a few articles, a matrix of facts by article (★ where a fact first
appears); for many, each fact's first report and how far it spread."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.sections.charts.coverage import coverage_caption, coverage_facts, coverage_over_time
from analysis.sections.charts.embed import figure_html
from analysis.sections.common import MANY
from analysis.sections.html import EMPTY, notice, table_or_notice
from analysis.sections.words import day, plural

FIRST, LATER = "★", "●"


def facts_by_article(claims: pd.DataFrame, events: pd.DataFrame, figures: pd.DataFrame) -> dict[str, set[str]]:
    """Each fact and the articles that report it: the timeline's events in date order, then the
    numbered claims in the order they were made (a claim's articles are those of its quotes)."""
    facts: dict[str, set[str]] = {}
    for _, group in events.sort_values("date_start").groupby("event_id", sort=False):
        facts[group["label"].iloc[0]] = set(group["article_id"])
    article_of = figures.set_index("ref")["article_id"]
    for _, claim in claims[claims["value"].notna()].iterrows():
        who = claim["claimant"] if pd.notna(claim["claimant"]) else "unattributed"
        facts[f"{int(claim['value']):,} ({who})"] = {article_of[r] for r in claim["refs"].split()}
    return facts


def coverage_matrix(articles: pd.DataFrame, facts: dict[str, set[str]]) -> pd.DataFrame:
    """Facts (rows) by article name (columns, in publication order): ★ first report, ● a later one."""
    order = articles.sort_values(["published", "id"])
    matrix = pd.DataFrame("", index=list(facts), columns=list(order["name"]))
    for fact, reporting in facts.items():
        marks = iter([FIRST])
        for aid, name in zip(order["id"], order["name"]):
            if aid in reporting:
                matrix.loc[fact, name] = next(marks, LATER)
    matrix.index.name = "fact"
    return matrix.reset_index()


def coverage_summary(articles: pd.DataFrame, facts: dict[str, set[str]]) -> pd.DataFrame:
    """For many articles: each fact, the article that first reported it, in how many articles, and the latest report."""
    order = articles.sort_values(["published", "id"])
    rank = {aid: i for i, aid in enumerate(order["id"])}
    info = order.set_index("id")
    rows = []
    for fact, reporting in facts.items():
        ranked = sorted((a for a in reporting if a in rank), key=rank.__getitem__)
        if ranked:
            rows.append({"fact": fact, "first reported in": info.at[ranked[0], "name"], "articles": len(ranked),
                         "latest report": day(info.loc[ranked, "published"].max())})
    return pd.DataFrame(rows, columns=["fact", "first reported in", "articles", "latest report"])


def coverage_matrix_html(articles: pd.DataFrame, claims: pd.DataFrame, events: pd.DataFrame,
                         figures: pd.DataFrame) -> Markup:
    facts = facts_by_article(claims, events, figures)
    if len(articles) > MANY:
        return table_or_notice(coverage_summary(articles, facts), "None of these articles reports a dated fact.", max_rows=200,
                               caption=f"Who reports what, across {len(articles):,} articles: where each fact first "
                                       "appeared and how far it spread")
    return table_or_notice(coverage_matrix(articles, facts), "None of these articles reports a dated fact.", max_rows=200,
                           caption=f"Who reports what: {FIRST} first report, {LATER} later report (articles in "
                                   "publication order)")


def coverage_chart_html(articles: pd.DataFrame, claims: pd.DataFrame, events: pd.DataFrame, fmt: str) -> Markup:
    """Articles per week by outlet, and when each fact (a number claimed, a timeline event) first appeared."""
    if articles["published"].dropna().empty:
        return notice("None of these articles has a publication date.")
    first = (events.groupby("event_id", sort=False)
             .agg(label=("label", "first"), kind=("kind", "first"), first=("first_reported", "min"))
             .reset_index(drop=True))
    facts = coverage_facts(claims, first)
    weeks = articles["published"].dropna().dt.to_period("W-SUN").nunique()
    return figure_html(
        lambda narrow: coverage_over_time(articles, facts, narrow), fmt,
        alt=f"Coverage over time: {plural(len(articles), 'article')} over {plural(weeks, 'week')}, by outlet, and "
            f"the first appearance of {plural(len(facts), 'fact')}.",
        caption=coverage_caption(articles, facts), source="articles and their first reports",
        refs=EMPTY)
