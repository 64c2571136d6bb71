"""The report's main chart, "Claims over time": how many North Korean troops each claimant said
were in Russia, and when it was said; below, on the same time axis, the claims without a number
(denials, refusals to confirm, assertions without a figure), one lane per claimant and stance.

Every mark is labelled with its claimant, so no colour needs looking up; colours are fixed per
claimant by `style.claimant_colours`. With many claims (more than 12 claimants or 40 claims) only
each claimant's first number and the largest are labelled, and marks that would coincide are
drawn once."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from analysis.sections.common import troop_claims
from analysis.sections.charts.marks import draw_claim, key_handles, labelled_span, label_after_layout, when
from analysis.sections.charts.style import (OTHER, TEXT, chars_for, claimant_colours, claimant_name, colour_of,
                                            date_axis, date_limits, width, wrap)

MANY_CLAIMANTS, MANY_CLAIMS = 12, 40
NARROW_LABELS = 8  # numbers labelled on a phone before the chart folds as it does for many claims
LANES = {False: 12, True: 8}  # lanes shown (wide, narrow); the rest fold into one lane per stance
STANCES = {"denies": ("X", "denies"), "declines to confirm": ("s", "declines to confirm"),
           "asserts": ("o", "says so, without a number")}
Y_LABEL = "North Korean troops reported in Russia"
X_LABEL = "Date the claim was made"


def number_text(claim) -> str:
    number = f"{int(claim['value']):,}" + (f"–{int(claim['value_max']):,}" if pd.notna(claim["value_max"]) else "")
    qualifier = claim["qualifier"] if isinstance(claim["qualifier"], str) and claim["qualifier"] else ""
    return f"{qualifier} {number}".strip()


def labelled_claims(numbers: pd.DataFrame, fold: bool) -> set:
    """Which numbers get a label: all, or when folding each claimant's first and the largest."""
    if not fold:
        return set(numbers.index)
    order = numbers.assign(_name=numbers["claimant"].map(claimant_name)).sort_values(["first_published", "claim_id"])
    largest = order[order["value"] == order["value"].max()].index[:1]
    return set(order.drop_duplicates("_name").index) | set(largest)


def _lanes(others: pd.DataFrame, narrow: bool) -> pd.Series:
    """A lane name per claim without a number: 'claimant stance', the busiest lanes kept."""
    names = others["claimant"].map(claimant_name) + " " + others["stance"].map(lambda s: STANCES[s][1])
    counts = names.value_counts()
    kept = sorted(counts.index, key=lambda n: (-counts[n], n))[:LANES[narrow]]
    folded = "other claimants " + others["stance"].map(lambda s: STANCES[s][1])
    return names.where(names.isin(kept), folded)


def claims_over_time(claims: pd.DataFrame, claimants: pd.DataFrame, narrow: bool):
    """The chart of `troop_claims(claims)`; `claimants` is the unfiltered claimants table, which
    fixes the colours."""
    troops = troop_claims(claims)
    colours = claimant_colours(claimants)
    numbers = troops[troops["value"].notna() & (troops["stance"] == "asserts")]
    others = troops.drop(numbers.index)
    lanes = _lanes(others, narrow)
    lane_order = list(dict.fromkeys(lanes.loc[others.sort_values(["first_published", "claim_id"]).index]))
    legend_rows = 7 if narrow else 3
    heights = ([3.4] if len(numbers) or others.empty else []) + ([0.45 * len(lane_order) + 0.3] if lane_order else [])
    fig = plt.figure(figsize=(width(narrow), sum(heights) + 0.9 + 0.25 * legend_rows), layout="constrained")
    axes = fig.subplots(len(heights), 1, sharex=True, height_ratios=heights, squeeze=False)[:, 0]
    title = "Claims over time: North Korean troops in Russia"
    fig.suptitle(wrap(title, chars_for(width(narrow) * 72, 11)), x=0.02, ha="left")
    places = [when(c) for _, c in troops.iterrows()]
    dates = [d for at in places for d in (at.left, at.right)]
    if not dates:
        axes[0].text(0.5, 0.5, "No claims about troops in these articles", ha="center", va="center",
                     transform=axes[0].transAxes)
        axes[0].set_yticks([])
        return fig
    low, high = date_limits(axes[0], pd.Series(dates))
    arrow = (high - low) * (0.07 if narrow else 0.035)
    labels = _draw_numbers(axes[0], numbers, colours, arrow, narrow) if len(numbers) else []
    if lane_order:
        _draw_lanes(axes[-1], others, lanes, lane_order, colours, arrow)
    date_axis(axes[-1], narrow, X_LABEL)
    fig.legend(handles=_key(numbers["value_max"].notna().any(), others), loc="outside lower center",
               ncol=1 if narrow else 3, frameon=False)
    if labels:
        label_after_layout(fig, axes[0], labels)
    return fig


def _draw_numbers(ax, numbers: pd.DataFrame, colours: dict, arrow, narrow: bool) -> list:
    fold = numbers["claimant"].map(claimant_name).nunique() > MANY_CLAIMANTS or len(numbers) > MANY_CLAIMS \
        or (narrow and len(numbers) > NARROW_LABELS)
    labelled = labelled_claims(numbers, fold)
    drawn, said, labels = set(), set(), []
    for index, claim in numbers.sort_values(["first_published", "claim_id"]).iterrows():
        at, colour = when(claim), colour_of(colours, claim["claimant"])
        top = float(claim["value_max"]) if pd.notna(claim["value_max"]) else None
        look = (at, float(claim["value"]), top, colour)
        if look not in drawn:
            drawn.add(look)
            draw_claim(ax, at, float(claim["value"]), colour, arrow=arrow, top=top)
        text = f"{claimant_name(claim['claimant'])}: {number_text(claim)}"
        if index in labelled and (look, text) not in said:  # a repeated claim is labelled once
            said.add((look, text))
            labels.append((labelled_span(at, arrow), float(claim["value"]), text))
    top = float(numbers["value_max"].fillna(numbers["value"]).max())
    ax.set_ylim(0, max(top, 1) * 1.22)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylabel(wrap(Y_LABEL, 24 if narrow else 60))
    ax.grid(axis="y", color="#eeeeee", linewidth=0.6)
    return labels


def _draw_lanes(ax, others: pd.DataFrame, lanes: pd.Series, order: list[str], colours: dict, arrow) -> None:
    """Claims without a number: a lane each, its name written above its marks."""
    drawn = set()
    for index, claim in others.iterrows():
        y = order.index(lanes[index])
        folded = lanes[index].startswith("other claimants ")
        colour = OTHER if folded else colour_of(colours, claim["claimant"])
        at, marker = when(claim), STANCES[claim["stance"]][0]
        if (at, y, colour, marker) not in drawn:
            drawn.add((at, y, colour, marker))
            draw_claim(ax, at, y, colour, marker, arrow=arrow)
    for y, name in enumerate(order):
        ax.text(0.005, y - 0.3, name, transform=ax.get_yaxis_transform(), fontsize=plt.rcParams["font.size"],
                color=TEXT, va="bottom", ha="left")
        ax.axhline(y, color="#eeeeee", linewidth=0.8, zorder=0)
    ax.set_ylim(len(order) - 0.5, -0.95)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)


def _key(has_ranges: bool, others: pd.DataFrame) -> list:
    handles = key_handles()
    if has_ranges:
        handles.append(Line2D([], [], color="#555555", linewidth=6, alpha=0.45, label="a range of numbers"))
    for stance in sorted(set(others["stance"]), key=list(STANCES).index):
        marker, words = STANCES[stance]
        handles.append(Line2D([], [], marker=marker, color="#555555", linestyle="none", markersize=8,
                              label=f"no number: {words}"))
    return handles


def claims_caption(claims: pd.DataFrame) -> str:
    """The words under the chart: what it counts and what every symbol means."""
    troops = troop_claims(claims)
    n, k = len(troops), troops["claimant"].map(claimant_name).nunique()
    counted = f"{n:,} claim{'s' * (n != 1)} by {k:,} claimant{'s' * (k != 1)}"
    return (f"{counted} about North Korean troops in Russia, on the date each was made, coloured and labelled by "
            "who made it. A filled mark: said on that day; a bar with a mark in its middle: said at some time in "
            "that window (the article says, say, \"last week\"); a hollow mark with an arrow to the left: said by "
            "that day, the article giving no date (it was said by its first report) or only a vague one such as "
            "\"recently\"; a vertical bar: a range of "
            "numbers. Below, on the same dates, the claims without a number, one lane per claimant: ✕ denies, "
            "■ declines to confirm, ● says troops were sent without a number.")
