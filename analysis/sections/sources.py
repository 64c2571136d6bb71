"""The Sources section: every article with its dates, and the quotes the report relies on, each
with the anchor that chart captions and tables link to."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections import quality
from analysis.sections.common import MANY, NO_DATA, first_refs, iso_day, shown_refs, timeline_events
from analysis.sections.html import notice, quote_list, render, table_html

LISTED_QUOTES = 1_000  # beyond this, the sources list holds only the quotes the report links to


def quoted_refs(ds: Dataset) -> set[str]:
    """Every quote the report links to: the lede and "What we know" (every claim's first
    references), the charts' captions, the timeline, the treaty figures and renderings, and Data quality."""
    claims = {ref for refs in ds.claims["refs"] for ref in refs.split()[:MANY]}
    treaty = ds.figures[ds.figures["category"].isin(["treaty_articles", "treaty_article", "un_charter_article"])]
    per_fact = {ref for _, group in treaty.groupby(["category", "value"]) for ref in first_refs(group["ref"]).split()}
    return (claims | per_fact | set(ds.renderings["ref"]) | set(shown_refs(timeline_events(ds.events)["ref"]))
            | quality.quoted_refs(ds))


def sources(ds: Dataset) -> Markup:
    """Every article with its dates, then the quotes the report relies on, with their anchors:
    every quote while they are few enough to read, else those the report links to."""
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles.sort_values(["published", "id"])
    listing = pd.DataFrame({
        "article": a["name"], "headline": a["headline"], "byline": a["byline"].fillna(""), "url": a["url"].fillna(""),
        "page date": a["page_date"].map(iso_day), "published (estimate)": a["published"].map(iso_day),
        "how dated": a["published_basis"], "id": a["id"],
    })
    rows = pd.concat([ds.figures[["ref", "article_id", "quote"]], ds.events[["ref", "article_id", "quote"]]])
    cut = len(rows) > LISTED_QUOTES
    listed = rows[rows["ref"].isin(quoted_refs(ds))] if cut else rows
    listed = listed.assign(name=listed["article_id"].map(a.set_index("id")["name"]))
    return render("sources.html.j2", articles=table_html(listing, caption=f"Articles ({len(a):,})", titles={"article": "id"}),
                  cut=cut, listed=len(listed), total=len(rows), quotes=quote_list(listed) if len(listed) else None)
