"""The Articles section: every article in publication order, and the page dates its own text contradicts."""

from __future__ import annotations

from html import escape

import pandas as pd

from analysis.dataset.tables import Dataset
from analysis.sections.common import MANY, NO_DATA, iso_day
from analysis.sections.html import notice, table_html


def articles_table(ds: Dataset) -> str:
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
    notes = "".join(
        f"<li>{escape(r['id'])}: {escape(r['published_basis'])}</li>" for _, r in contradicted.head(MANY).iterrows()
    )
    if notes:
        more = (f'<p class="truncated">Showing {MANY} of {len(contradicted):,}; every reason is in '
                f'data/articles.csv (published_basis).</p>' if len(contradicted) > MANY else "")
        table += (f'<p>Page dates contradicted by the articles\' own content ({len(contradicted):,}):</p>'
                  f'<ul>{notes}</ul>{more}')
    return table
