"""The Articles section: every article in publication order, and the page dates its own text contradicts."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections.common import MANY, NO_DATA, iso_day
from analysis.sections.html import notice, render, table_html


def articles_table(ds: Dataset) -> Markup:
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles.sort_values(["published", "id"])
    shown = pd.DataFrame({
        "id": a["id"],
        "headline": a["headline"],
        "outlet / agency": a["outlet"].fillna(a["agency"]).fillna("unknown"),
        "page date": a["page_date"].map(iso_day),
        "published (estimate)": a["published"].map(iso_day),
        "words": a["n_words"],
        "chars removed": a["chars_removed"],
    })
    table = table_html(shown, caption=f"Articles in publication order (N={len(a)})")
    contradicted = a[a["page_date_contradicted"]]
    if contradicted.empty:
        return table
    return table + render("contradicted_dates.html.j2", shown=MANY, total=len(contradicted),
                          reasons=list(zip(contradicted["id"], contradicted["published_basis"]))[:MANY])
