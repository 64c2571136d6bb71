"""The Casualties section's chart: North Korean soldiers reported killed, wounded or captured,
by claimant, apart from the numbers deployed."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.sections.charts.casualties import casualties_caption, casualties_over_time
from analysis.sections.charts.embed import figure_html
from analysis.sections.common import casualty_claims, ref_links
from analysis.sections.html import notice
from analysis.sections.words import plural


def casualties_chart_html(claims: pd.DataFrame, claimants: pd.DataFrame, fmt: str) -> Markup:
    numbers = casualty_claims(claims)
    if numbers.empty:
        return notice("None of these articles reports a number of North Korean casualties.")
    return figure_html(
        lambda narrow: casualties_over_time(claims, claimants, narrow), fmt,
        alt=f"Casualties over time: {plural(len(numbers), 'reported number')} of North Korean soldiers "
            f"({', '.join(sorted(set(numbers['subject'].dropna())))}), from {int(numbers['value'].min()):,} to "
            f"{int(numbers['value_max'].fillna(numbers['value']).max()):,}.",
        caption=casualties_caption(claims),
        source="figures", refs=ref_links(" ".join(numbers["refs"]).split(), "figures"),
    )
