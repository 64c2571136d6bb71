"""The Sources section: every article with its dates, and the quotes the report relies on, each
with the anchor that chart captions and tables link to."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections import quality, summary, treaty
from analysis.sections.common import NO_DATA, iso_day, shown_refs, timeline_events, troop_claims
from analysis.sections.html import notice, quote_list, render, table_html

LISTED_QUOTES = 1_000  # beyond this, the sources list holds only the quotes the report links to


def quoted_refs(ds: Dataset) -> set[str]:
    """Every quote the report links to, section by section (the chart captions link here)."""
    return (summary.quoted_refs(ds) | set(shown_refs(timeline_events(ds.events)["ref"]))
            | set(shown_refs(troop_claims(ds)["ref"])) | treaty.quoted_refs(ds) | quality.quoted_refs(ds))


def sources(ds: Dataset) -> Markup:
    """Every article with its dates, then the quotes the report relies on, with their anchors:
    every quote while they are few enough to read, else those the report links to."""
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles.sort_values(["published", "id"])
    listing = pd.DataFrame({
        "id": a["id"], "file": a["file"], "outlet / agency": a["outlet"].fillna(a["agency"]).fillna("unknown"),
        "byline": a["byline"].fillna(""), "url": a["url"].fillna(""), "page date": a["page_date"].map(iso_day),
        "published (estimate)": a["published"].map(iso_day), "how dated": a["published_basis"],
    })
    rows = pd.concat([ds.figures[["ref", "article_id", "quote"]], ds.events[["ref", "article_id", "quote"]]])
    cut = len(rows) > LISTED_QUOTES
    listed = rows[rows["ref"].isin(quoted_refs(ds))] if cut else rows
    return render("sources.html.j2", articles=table_html(listing, caption=f"Articles ({len(a):,})"), cut=cut,
                  listed=len(listed), total=len(rows), quotes=quote_list(listed) if len(listed) else None)
