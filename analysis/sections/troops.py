"""The Troop figures section: the reported numbers of North Korean troops in Russia by claimant,
and the denials and refusals to confirm."""

from __future__ import annotations

from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections.charts import figure_html, troop_figures
from analysis.sections.common import NO_DATA, ref_links, troop_claims
from analysis.sections.html import notice


def troop_chart(ds: Dataset, fmt: str) -> Markup:
    troops = troop_claims(ds)
    if troops.empty:
        return notice(NO_DATA)
    fig = troop_figures(troops, ds.articles)
    values = troops["value"].dropna()
    return figure_html(
        fig, fmt,
        alt=f"{len(troops)} claims about North Korean troops in Russia: numbers from {int(values.min()):,} "
            f"to {int(values.max()):,}, and {int((troops['stance'] != 'asserts').sum())} denials or refusals to confirm."
        if len(values) else f"{len(troops)} claims about North Korean troops in Russia, none with a number.",
        caption="Numbers of North Korean troops reported in Russia, by who claimed them, on the date of the claim "
                "(a line shows a date known only to a week or month).",
        source="figures", refs=ref_links(troops["ref"], "figures"),
    )
