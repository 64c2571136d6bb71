"""Casualties over time: numbers killed, wounded, captured or missing, by claimant, on the date
each was said, apart from the deployment claims. A mark's shape is what was counted, its colour
who counted it (fixed per claimant), and its date is drawn as in the claims chart (a day, a
window, or hollow for an undated claim)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from analysis.sections.charts.claims import MANY_CLAIMANTS, MANY_CLAIMS, NARROW_LABELS, labelled_claims, number_text
from analysis.sections.common import casualty_claims
from analysis.sections.charts.marks import MARK_SIZE, draw_claim, key_handles, labelled_span, label_after_layout, when
from analysis.sections.charts.style import (chars_for, claimant_colours, claimant_name, colour_of, date_axis,
                                            date_limits, width, wrap)

SUBJECTS = {"killed": "D", "wounded": "^", "captured": "s", "missing": "v", "casualties": "h"}
OTHER_SUBJECT = "P"
Y_LABEL = "North Korean soldiers reported (number)"


def casualties_over_time(claims: pd.DataFrame, claimants: pd.DataFrame, narrow: bool):
    """The chart of `casualty_claims(claims)`, or None when there are none (the section then says so)."""
    numbers = casualty_claims(claims)
    if numbers.empty:
        return None
    colours = claimant_colours(claimants)
    subjects = [s for s in sorted(set(numbers["subject"].fillna("casualties")), key=_subject_order)]
    fig = plt.figure(figsize=(width(narrow), 4.3 + 0.25 * (len(subjects) + (6 if narrow else 2))),
                     layout="constrained")
    ax = fig.subplots()
    fig.suptitle(wrap("Casualties over time: North Korean soldiers killed, wounded, captured",
                      chars_for(width(narrow) * 72, 11)), x=0.02, ha="left")
    places = {i: when(c) for i, c in numbers.iterrows()}
    low, high = date_limits(ax, pd.Series([d for at in places.values() for d in (at.left, at.right)]))
    arrow = (high - low) * (0.07 if narrow else 0.035)
    fold = numbers["claimant"].map(claimant_name).nunique() > MANY_CLAIMANTS or len(numbers) > MANY_CLAIMS \
        or (narrow and len(numbers) > NARROW_LABELS)
    labelled = labelled_claims(numbers, fold)
    drawn, said, labels = set(), set(), []
    for index, claim in numbers.sort_values(["first_published", "claim_id"]).iterrows():
        subject = claim["subject"] if isinstance(claim["subject"], str) else "casualties"
        colour, marker = colour_of(colours, claim["claimant"]), SUBJECTS.get(subject, OTHER_SUBJECT)
        top = float(claim["value_max"]) if pd.notna(claim["value_max"]) else None
        look = (places[index], float(claim["value"]), top, colour, marker)
        if look not in drawn:
            drawn.add(look)
            draw_claim(ax, places[index], float(claim["value"]), colour, marker, arrow=arrow, top=top)
        text = f"{claimant_name(claim['claimant'])}: {number_text(claim)} {subject}"
        if index in labelled and (look, text) not in said:  # a repeated claim is labelled once
            said.add((look, text))
            labels.append((labelled_span(places[index], arrow), float(claim["value"]), text))
    ax.set_ylim(0, max(float(numbers["value_max"].fillna(numbers["value"]).max()), 1) * 1.22)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylabel(wrap(Y_LABEL, 24 if narrow else 60))
    ax.grid(axis="y", color="#eeeeee", linewidth=0.6)
    date_axis(ax, narrow, "Date the claim was made")
    handles = [Line2D([], [], marker=SUBJECTS.get(s, OTHER_SUBJECT), color="#555555", linestyle="none",
                      markersize=MARK_SIZE, label=s) for s in subjects] + key_handles()
    if numbers["value_max"].notna().any():
        handles.append(Line2D([], [], color="#555555", linewidth=6, alpha=0.45, label="a range of numbers"))
    fig.legend(handles=handles, loc="outside lower center", ncol=1 if narrow else 4, frameon=False)
    label_after_layout(fig, ax, labels)
    return fig


def _subject_order(subject: str) -> tuple[int, str]:
    return (list(SUBJECTS).index(subject) if subject in SUBJECTS else len(SUBJECTS), subject)


def casualties_caption(claims: pd.DataFrame) -> str:
    numbers = casualty_claims(claims)
    n, k = len(numbers), numbers["claimant"].map(claimant_name).nunique()
    return (f"{n:,} casualty figure{'s' * (n != 1)} from {k:,} claimant{'s' * (k != 1)}, on the date each was "
            "said; the shape of a mark is what was counted (see the key), its colour and label who said it. A "
            "filled mark: said that day; a bar: said at some time in that window; hollow with an arrow to the "
            "left: said by that day, the date vague or not given; a vertical bar: a range of numbers.")
