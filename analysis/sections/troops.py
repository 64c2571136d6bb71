"""The Troop figures section: the main chart, "Claims over time": the reported numbers of North
Korean troops in Russia by claimant, and the denials and refusals to confirm."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections.charts.claims import claims_caption, claims_over_time, troop_claims
from analysis.sections.charts.embed import figure_html
from analysis.sections.common import NO_DATA, ref_links
from analysis.sections.html import notice


def claims_table(ds: Dataset) -> pd.DataFrame:
    """The dataset's claims, one row per claim; until the dataset has that table, one row per
    figure, first reported where it was found."""
    if hasattr(ds, "claims"):
        return ds.claims
    f = ds.figures
    return pd.DataFrame({
        "claim_id": f["ref"], "claimant": f["claimant"], "category": f["category"], "subject": f["subject"],
        "stance": f["stance"], "value": f["value"], "value_max": f["value_max"], "qualifier": f["qualifier"],
        "what": f["what"], "said_start": f["claim_date_start"], "said_end": f["claim_date_end"],
        "said_precision": f["claim_date_precision"], "said_phrase": f["date_phrase"],
        "said_basis": f["claim_date_basis"], "first_article": f["article_id"],
        "first_published": pd.to_datetime(f["article_id"].map(dict(zip(ds.articles["id"], ds.articles["published"])))),
        "n_articles": 1, "n_mentions": 1, "refs": f["ref"], "order_uncertain": False,
    })


def troop_chart(ds: Dataset, fmt: str) -> Markup:
    claims = claims_table(ds)
    troops = troop_claims(claims)
    if troops.empty:
        return notice(NO_DATA)
    values = troops["value"].dropna()
    denials = int((troops["stance"] != "asserts").sum())
    return figure_html(
        lambda narrow: claims_over_time(claims, ds.claimants, narrow), fmt,
        alt=f"{len(troops)} claims about North Korean troops in Russia over time: numbers from {int(values.min()):,} "
            f"to {int(values.max()):,}, and {denials} denials or refusals to confirm."
        if len(values) else f"{len(troops)} claims about North Korean troops in Russia, none with a number.",
        caption=claims_caption(claims),
        source="figures", refs=ref_links(" ".join(troops["refs"]).split(), "figures"),
    )
