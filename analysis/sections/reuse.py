"""The Reuse section's passages: each passage one article copies from an earlier one, quoted."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.sections.html import EMPTY, render

SHOWN_COPIES = 20
EXCERPT = 400  # characters of each copied passage shown


def passages_html(copies: pd.DataFrame, corpus: dict, names: pd.Series) -> Markup:
    """The first copied passages, each opening with the articles' names; nothing if none."""
    if copies.empty:
        return EMPTY
    passages = [{"article": names[c["article_id"]], "article_id": c["article_id"], "source": names[c["source_id"]],
                 "source_id": c["source_id"], "chars": int(c["n_chars"]),
                 "excerpt": corpus[c["article_id"]].body[c["start"]:c["end"]][:EXCERPT]}
                for _, c in copies.head(SHOWN_COPIES).iterrows()]
    return render("reuse.html.j2", passages=passages, shown=SHOWN_COPIES, total=len(copies))
