"""Charts of how the reporting changed over time. Each takes dataset tables and returns a
matplotlib figure; labels name the quote references (F1, E3) that the sources list explains."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
STANCE_MARKERS = {"asserts": "o", "denies": "X", "declines to confirm": "s"}


def _colours(keys) -> dict:
    return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(sorted(set(keys)))}


def _date_axis(ax) -> None:
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=9))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b %Y"))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def timeline(events: pd.DataFrame, articles: pd.DataFrame):
    """One row per event: its date (a dot for a day, a bar for a week or month) and, as
    small marks, the day each article that reported it was published."""
    per_event = (events.groupby("event_id", sort=False)
                 .agg(label=("label", "first"), start=("date_start", "first"), end=("date_end", "first"),
                      precision=("date_precision", "first"), articles=("article_id", lambda s: sorted(set(s))))
                 .sort_values(["start", "label"]))
    published = articles.set_index("id")["published"]
    colours = _colours(articles["id"])
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(per_event) + 1.8))
    for y, (_, e) in enumerate(per_event.iterrows()):
        if e["precision"] == "day":
            ax.plot(e["start"], y, "o", color="#333333", markersize=7, zorder=3)
        elif pd.notna(e["start"]):
            width = (e["end"] - e["start"]) + pd.Timedelta(days=1)
            ax.barh(y, width, left=e["start"], height=0.45, color="#bbbbbb", edgecolor="#333333", zorder=2)
        for aid in e["articles"]:
            when = published.get(aid)
            if pd.notna(when):
                ax.plot(when, y + 0.28, "v", color=colours[aid], markersize=6, zorder=4)
    ax.set_yticks(range(len(per_event)), per_event["label"])
    ax.invert_yaxis()
    ax.set_xlabel("Date (2024)")
    ax.set_title(f"What happened when, and when it was reported (N={len(per_event)} events)")
    for aid, colour in colours.items():
        when = published.get(aid)
        day = f"{when:%-d %b %Y}" if pd.notna(when) else "undated"
        ax.plot([], [], "v", color=colour, label=f"reported in {aid[:3]}… ({day})")
    ax.plot([], [], "o", color="#333333", label="event date (day)")
    ax.barh([], [], color="#bbbbbb", edgecolor="#333333", label="event date (week or month)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    _date_axis(ax)
    return fig


def troop_figures(figures: pd.DataFrame, articles: pd.DataFrame):
    """Reported troop numbers by claimant over the date of the claim; denials and refusals to
    confirm drawn on a band of their own. A claim without a date is placed at the article's
    publication date with a hollow marker."""
    published = articles.set_index("id")["published"]
    rows = figures.copy()
    dated = rows["claim_date_end"].notna()
    rows["when"] = rows["claim_date_end"].where(dated, rows["article_id"].map(published))
    rows = rows[rows["when"].notna()]
    claimants = rows["claimant"].fillna("(unattributed)")
    colours = _colours(claimants)
    numbers = rows[rows["value"].notna()]
    top = float(numbers["value_max"].fillna(numbers["value"]).max()) if len(numbers) else 1.0
    band = -0.1 * top
    no_number = rows["value"].isna()
    rows = pd.concat([rows[~no_number], rows[no_number].sort_values(["when", "ref"])])
    claimants = rows["claimant"].fillna("(unattributed)")
    numbered = rows[rows["value"].notna()].assign(reported=lambda d: d["article_id"].map(published))
    numbered = numbered.sort_values(["reported", "ref"])  # ★: the first article to report the number
    first_refs = set(numbered.drop_duplicates("value")["ref"])
    levels = {ref: band * (1 + 0.7 * k) for k, ref in enumerate(rows.loc[rows["value"].isna(), "ref"])}
    fig, ax = plt.subplots(figsize=(10, 5.5))
    for (_, r), claimant in zip(rows.iterrows(), claimants):
        colour = colours[claimant]
        y = float(r["value"]) if pd.notna(r["value"]) else levels[r["ref"]]
        filled = pd.notna(r["claim_date_end"])
        if pd.notna(r["value_max"]):  # a range: a bar from its low to its high end
            ax.vlines(r["when"], float(r["value"]), float(r["value_max"]), color=colour, linewidth=6, alpha=0.45)
        if filled and r["claim_date_start"] != r["claim_date_end"]:
            ax.plot([r["claim_date_start"], r["claim_date_end"]], [y, y], color=colour, linewidth=2, alpha=0.6)
        ax.plot(r["when"], y, STANCE_MARKERS[r["stance"]], markersize=9, color=colour,
                markerfacecolor=colour if filled else "white", markeredgewidth=1.6, zorder=3)
        if pd.notna(r["value"]):
            number = f"{int(r['value']):,}" + (f"–{int(r['value_max']):,}" if pd.notna(r["value_max"]) else "")
            qualifier = f"{r['qualifier']} " if pd.notna(r["qualifier"]) else ""
            first = "★ " if r["ref"] in first_refs else ""
            text = f"{first}{claimant}: {qualifier}{number}"
        else:
            text = f"{claimant} {r['stance']}"
        ax.annotate(f"{text} ({r['ref']})", (r["when"], y), xytext=(7, 4 if y >= 0 else -3),
                    textcoords="offset points", fontsize=8, color="#222222")
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_ylim(min(levels.values(), default=band) + band * 0.8, top * 1.25)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 0 else ""))
    ax.set_ylabel("Troops reported (number)")
    ax.set_xlabel("Date of the claim (hollow: undated, placed at publication)")
    ax.text(0.0, band * 0.5, " below: claims without a number (denials, refusals to confirm, accusations)",
            transform=ax.get_yaxis_transform(), fontsize=8, va="center", color="#555555")
    ax.set_title(f"North Korean troops in Russia: numbers and denials by claimant (N={len(rows)} claims)")
    for stance, marker in STANCE_MARKERS.items():
        ax.plot([], [], marker, color="#555555", linestyle="none", label=stance)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    _date_axis(ax)
    return fig
