"""The Articles section's note: the page dates an article's own text contradicts, and why."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.sections.common import MANY, with_names
from analysis.sections.html import EMPTY, render


def contradicted_dates(articles: pd.DataFrame) -> Markup:
    """The articles whose page date their text contradicts, each with the reason; nothing if none."""
    contradicted = articles[articles["page_date_contradicted"]]
    if contradicted.empty:
        return EMPTY
    names = articles.set_index("id")["name"]
    reasons = [with_names(reason, names) for reason in contradicted["published_basis"].head(MANY)]
    return render("contradicted_dates.html.j2", shown=MANY, total=len(contradicted),
                  reasons=list(zip(contradicted["name"], contradicted["id"], reasons)))
