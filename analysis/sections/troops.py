"""The main chart, "Claims over time": the reported numbers of North Korean troops in Russia by
claimant, and the denials and refusals to confirm, on one time axis."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.sections.charts.claims import claims_caption, claims_over_time
from analysis.sections.charts.embed import figure_html
from analysis.sections.common import ref_links, troop_claims
from analysis.sections.html import notice
from analysis.sections.words import plural


def claims_chart_html(claims: pd.DataFrame, claimants: pd.DataFrame, fmt: str) -> Markup:
    """The chart of the deployment claims; `claimants` is the whole collection's table, so each
    claimant's colour is the same under any filter."""
    troops = troop_claims(claims)
    if troops.empty:
        return notice("None of these articles reports a claim about North Korean troops in Russia.")
    values = troops["value"].dropna()
    others = int((troops["stance"] != "asserts").sum())
    numbers = (f"numbers from {int(values.min()):,} to {int(values.max()):,}" if values.nunique() > 1
               else f"the number {int(values.iloc[0]):,}" if len(values) else "no number")
    return figure_html(
        lambda narrow: claims_over_time(claims, claimants, narrow), fmt,
        alt=f"Claims over time: {plural(len(troops), 'claim')} about North Korean troops in Russia, with {numbers}, "
            f"and {plural(others, 'denial or refusal to confirm', 'denials or refusals to confirm')}.",
        caption=claims_caption(claims),
        source="figures", refs=ref_links(" ".join(troops["refs"]).split(), "figures"),
    )
