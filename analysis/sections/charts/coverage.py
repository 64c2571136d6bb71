"""Coverage over time: how many articles each week, by outlet (stacked), and below, on the same
time axis, the day each fact first appeared in the articles, labelled directly."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from analysis.sections.charts.claims import number_text
from analysis.sections.charts.marks import MARK_SIZE, When, label_after_layout
from analysis.sections.charts.style import (OTHER, PALETTE, UNATTRIBUTED, chars_for, claimant_name, date_axis,
                                            date_limits, width, wrap)

OUTLETS = 7  # outlets drawn apart; the rest are "other outlets"
UNKNOWN, OTHERS = "outlet unknown", "other outlets"
FACT_LABELS = 16  # facts labelled; later first appearances are marked without a label
STATEMENTS = {"statement", "denial"}  # event kinds that the claims already stand for
FACT_COLOUR = "#333333"
CHARS_NARROW = 44  # characters per line of a fact's label on a phone


def coverage_facts(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Each fact and the day it first appeared, in date order: every claim about troops or
    casualties (first_published: a number, or a denial or refusal to confirm) and the events
    given as (label, first). Events that are statements are left to the claims, so that one
    statement is not two facts."""
    said = claims[claims["category"].isin(["troops", "casualties"])]
    claimed = pd.DataFrame({"label": [_claim_label(c) for _, c in said.iterrows()],
                            "first": said["first_published"].to_numpy()})
    happened = events[~events["kind"].isin(STATEMENTS)]
    facts = pd.concat([claimed, happened[["label", "first"]]], ignore_index=True).dropna(subset=["first"])
    return facts.sort_values(["first", "label"], kind="stable").drop_duplicates("label").reset_index(drop=True)


def _claim_label(claim) -> str:
    who = claimant_name(claim["claimant"])
    if pd.isna(claim["value"]):
        return f"{who} {'says so, without a number' if claim['stance'] == 'asserts' else claim['stance']}"
    return f"{who}: {number_text(claim)} {_counted(claim)}"


def _counted(claim) -> str:
    return "troops" if claim["category"] == "troops" or not isinstance(claim["subject"], str) else claim["subject"]


def outlet_of(articles: pd.DataFrame) -> pd.Series:
    """Each article's outlet: the seven with the most articles by name, the others folded."""
    outlet = articles["outlet"].where(articles["outlet"].notna(), UNKNOWN).astype(str)
    counts = outlet[outlet != UNKNOWN].value_counts()
    kept = sorted(counts.index, key=lambda o: (-counts[o], o))[:OUTLETS]
    return outlet.where(outlet.isin(kept) | (outlet == UNKNOWN), OTHERS)


def coverage_over_time(articles: pd.DataFrame, facts: pd.DataFrame, narrow: bool):
    """Articles per week by outlet, and each fact's first appearance (see `coverage_facts`)."""
    dated = articles[articles["published"].notna()]
    outlet = outlet_of(dated)
    week = pd.to_datetime(dated["published"]).dt.to_period("W-SUN").dt.start_time
    counts = pd.crosstab(week, outlet)
    order = sorted(counts.columns, key=lambda o: (o in (OTHERS, UNKNOWN), o == UNKNOWN, -counts[o].sum(), o))
    colours = {o: UNATTRIBUTED if o == UNKNOWN else OTHER if o == OTHERS else PALETTE[i] for i, o in enumerate(order)}
    rows = _fact_rows(facts, narrow)[1]
    heights = [2.4] + ([(0.19 if narrow else 0.3) * rows + 0.3] if rows else [])
    legend_rows = (len(order) + 1) if narrow else (len(order) + 3) // 4
    fig = plt.figure(figsize=(width(narrow), sum(heights) + 0.9 + 0.25 * legend_rows), layout="constrained")
    axes = fig.subplots(len(heights), 1, sharex=True, height_ratios=heights, squeeze=False)[:, 0]
    fig.suptitle(wrap("Coverage over time: articles per week, and when each fact first appeared",
                      chars_for(width(narrow) * 72, 11)), x=0.02, ha="left")
    dates = pd.concat([pd.Series(counts.index), pd.Series(counts.index) + pd.Timedelta(days=7), facts["first"]])
    if dates.dropna().empty:
        axes[0].text(0.5, 0.5, "No dated articles", ha="center", va="center", transform=axes[0].transAxes)
        return fig
    date_limits(axes[0], dates)
    bottom = pd.Series(0, index=counts.index)
    for o in order:
        axes[0].bar(counts.index + pd.Timedelta(days=3.5), counts[o], width=6, bottom=bottom, color=colours[o],
                    edgecolor="white", linewidth=0.5)
        bottom = bottom + counts[o]
    axes[0].set_ylabel("Articles per week")
    axes[0].yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    axes[0].grid(axis="y", color="#eeeeee", linewidth=0.6)
    if rows:
        labels = _draw_facts(axes[1], facts, narrow)
    date_axis(axes[-1], narrow, "Week of publication; day a fact first appeared")
    handles = [Patch(facecolor=colours[o], label=o) for o in order]
    fig.legend(handles=handles, loc="outside lower center", ncol=1 if narrow else 4, frameon=False)
    if rows and not narrow:
        label_after_layout(fig, axes[1], labels)
    return fig


def _fact_rows(facts: pd.DataFrame, narrow: bool) -> tuple[list[tuple[str, pd.Timestamp, str]], int]:
    """(label, first day, colour) per row: the first FACT_LABELS facts, then one row for the rest;
    on a phone each label is wrapped to sit above its mark. Also the rows' height in lines."""
    rows = [(wrap(f["label"], CHARS_NARROW) if narrow else f["label"], f["first"], FACT_COLOUR)
            for _, f in facts.head(FACT_LABELS).iterrows()]
    rest = len(facts) - FACT_LABELS
    if rest > 0:
        rows.append((f"{rest:,} more fact{'s' * (rest != 1)}", facts["first"].iloc[FACT_LABELS], OTHER))
    return rows, sum(label.count("\n") + 2 if narrow else 1 for label, _, _ in rows)


def _draw_facts(ax, facts: pd.DataFrame, narrow: bool) -> list:
    """A row per labelled fact, marked on the day it first appeared (later facts share a last
    row). Wide, labels go beside the marks (returned for `label_after_layout`); narrow, above them."""
    rows, height = _fact_rows(facts, narrow)
    labels, y = [], 0.0
    for label, first, colour in rows:
        if narrow:
            ax.text(0.0, y - 0.35, label, transform=ax.get_yaxis_transform(), va="top", ha="left")
            y += label.count("\n") + 1
        days = sorted(set(facts.loc[facts["first"] >= first, "first"])) if colour == OTHER else [first]
        ax.plot(days, [y] * len(days), "D", color=colour, markersize=MARK_SIZE * 0.8, linestyle="none", zorder=3)
        if not narrow:
            labels.append((When(pd.Timestamp(days[0]), pd.Timestamp(days[0]), pd.Timestamp(days[-1]), "day"), y, label))
        y += 1
    ax.set_ylim(height - 0.5, -0.6)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_title("First appearance of each fact", loc="left", fontsize=plt.rcParams["font.size"])
    return labels


def coverage_caption(articles: pd.DataFrame, facts: pd.DataFrame) -> str:
    n, k = len(articles), len(facts)
    undated = int(articles["published"].isna().sum())
    return (f"{n:,} article{'s' * (n != 1)} by week of publication (weeks start on Monday), stacked by outlet"
            + (f" ({undated:,} without a date left out)" if undated else "")
            + (f"; below, the day each of {k:,} fact{'s' * (k != 1)} (a claim or a timeline event) first appeared in "
               "an article (◆), " + ("each labelled." if k <= FACT_LABELS else
                                     f"the first {FACT_LABELS} labelled, the later ones on the last row.")
               if k else "."))
