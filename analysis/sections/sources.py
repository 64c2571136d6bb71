"""The Sources section: every article with its dates, and the quotes the report relies on, each
with the anchor that chart captions and tables link to."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.model import Dataset
from analysis.sections import quality
from analysis.sections.common import (NO_DATA, casualty_claims, first_refs, iso_day, shown_refs, timeline_events,
                                      troop_claims, with_names)
from analysis.sections.html import TABLE_ROWS, notice, quote_list, render, table_html
from analysis.sections.lede import lede_sentences
from analysis.sections.treaty import TREATY_CATEGORIES

LISTED_QUOTES = 1_000  # beyond this, the sources list holds only the quotes the report links to


def quoted_refs(ds: Dataset) -> set[str]:
    """Every quote the report links to, as each part links to it: the lede, "What we know" (the
    first references of each claim shown), the charts' captions, the events table, the treaty
    figures and renderings, and Data quality."""
    events = timeline_events(ds.events)
    lede = {ref for sentence in lede_sentences(ds.claims, events, ds.articles) for _, ref in sentence if ref}
    claims = {ref for refs in ds.claims["refs"].head(TABLE_ROWS) for ref in first_refs(refs.split()).split()}
    charted = {ref for drawn in (troop_claims(ds.claims), casualty_claims(ds.claims))
               for ref in shown_refs(" ".join(drawn["refs"]).split())}
    per_event = {ref for _, group in events.groupby("event_id") for ref in first_refs(group["ref"]).split()}
    treaty = ds.figures[ds.figures["category"].isin(list(TREATY_CATEGORIES))]
    per_fact = {ref for _, group in treaty.groupby(["category", "value"]) for ref in first_refs(group["ref"]).split()}
    return (lede | claims | charted | set(shown_refs(events["ref"])) | per_event | per_fact
            | set(ds.renderings["ref"]) | quality.quoted_refs(ds))


def sources_html(ds: Dataset) -> Markup:
    """Every article with its dates, then the quotes the report relies on, with their anchors:
    every quote while they are few enough to read, else those the report links to."""
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles.sort_values(["published", "id"])
    names = a.set_index("id")["name"]
    listing = pd.DataFrame({
        "article": a["name"], "headline": a["headline"], "byline": a["byline"].fillna(""), "url": a["url"].fillna(""),
        "page date": a["page_date"].map(iso_day), "published (estimate)": a["published"].map(iso_day),
        "how dated": a["published_basis"].map(lambda basis: with_names(basis, names)), "id": a["id"],
    })
    listing = listing[[c for c in listing.columns if c not in ("byline", "url") or listing[c].ne("").any()]]
    rows = pd.concat([ds.figures[["ref", "article_id", "quote"]], ds.events[["ref", "article_id", "quote"]]])
    cut = len(rows) > LISTED_QUOTES
    listed = rows[rows["ref"].isin(quoted_refs(ds))] if cut else rows
    listed = listed.assign(name=listed["article_id"].map(a.set_index("id")["name"]))
    return render("sources.html.j2", articles=table_html(listing, caption=f"Articles ({len(a):,})", titles={"article": "id"}),
                  cut=cut, listed=len(listed), total=len(rows), quotes=quote_list(listed) if len(listed) else None)
