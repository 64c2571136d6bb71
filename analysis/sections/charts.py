"""Charts of how the reporting changed over time.

`timeline` and `troop_figures` take dataset tables and return a matplotlib figure; labels name
the quote references (F1, E3) that the sources list explains. `figure_html` embeds a figure as a
data URI with alt text, a caption and a source note. Only the sections that draw import this
module (matplotlib takes about a second to import)."""

from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from markupsafe import Markup  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from analysis.sections.common import MANY, ref_number, short_ids  # noqa: E402
from analysis.sections.html import render  # noqa: E402

matplotlib.rcParams["svg.hashsalt"] = "nk-russia-treaty-report"  # stable ids in SVG output
matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: searchable and smaller

MIME = {"svg": "image/svg+xml", "png": "image/png"}

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
WEEK_OR_MONTH = "#bbbbbb"  # the bar of an event dated to a week or a month
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
    reporting = sorted({aid for ids in per_event["articles"] for aid in ids})
    # One colour per article while a legend of articles can be read; beyond that, one colour.
    colours = _colours(reporting) if len(reporting) <= MANY else dict.fromkeys(reporting, "#555555")
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(per_event) + 1.8))
    for y, (_, e) in enumerate(per_event.iterrows()):
        if e["precision"] == "day":
            ax.plot(e["start"], y, "o", color="#333333", markersize=7, zorder=3)
        elif pd.notna(e["start"]):
            width = (e["end"] - e["start"]) + pd.Timedelta(days=1)
            ax.barh(y, width, left=e["start"], height=0.45, color=WEEK_OR_MONTH, edgecolor="#333333", zorder=2)
        marks: dict[str, set] = {}  # colour -> publication days; many articles share a day and a colour
        for aid in e["articles"]:
            when = published.get(aid)
            if pd.notna(when):
                marks.setdefault(colours[aid], set()).add(when)
        for colour, days in marks.items():
            ax.plot(sorted(days), [y + 0.28] * len(days), "v", linestyle="none", color=colour, markersize=6, zorder=4)
    ax.set_yticks(range(len(per_event)), per_event["label"])
    ax.invert_yaxis()
    ax.set_xlabel("Date (2024)")
    ax.set_title(f"What happened when, and when it was reported (N={len(per_event)} events)")
    if len(reporting) <= MANY:
        short = short_ids(articles["id"])
        for aid, colour in colours.items():
            when = published.get(aid)
            day = f"{when:%-d %b %Y}" if pd.notna(when) else "undated"
            name = short[aid] + ("…" if short[aid] != aid else "")
            ax.plot([], [], "v", color=colour, label=f"reported in {name} ({day})")
    else:
        ax.plot([], [], "v", color="#555555", label=f"publication of a reporting article ({len(reporting):,} articles)")
    ax.plot([], [], "o", color="#333333", label="event date (day)")
    handles, _ = ax.get_legend_handles_labels()
    # A patch, not an empty barh: an empty bar container's legend key falls back to the default blue.
    handles.append(Patch(facecolor=WEEK_OR_MONTH, edgecolor="#333333", label="event date (week or month)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
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
    rows = pd.concat([rows[~no_number], rows[no_number].sort_values(["when", "ref"], key=ref_number)])
    claimants = rows["claimant"].fillna("(unattributed)")
    numbered = rows[rows["value"].notna()].assign(reported=lambda d: d["article_id"].map(published))
    numbered = numbered.sort_values(["reported", "ref"], key=ref_number)  # ★: the first article to report the number
    first_refs = set(numbered.drop_duplicates("value")["ref"])
    # Claims without a number: a level each, or, when there are many, a level per claimant and
    # stance, labelled once; numbers are then labelled only where they first appear (★).
    many = len(rows) > MANY
    no_number = rows.loc[rows["value"].isna()].assign(claimant=claimants[rows["value"].isna()])
    keys = (list(zip(no_number["claimant"], no_number["stance"])) if many else list(no_number["ref"]))
    levels = {key: band * (1 + 0.7 * k) for k, key in enumerate(dict.fromkeys(keys))}
    level_of = dict(zip(no_number["ref"], (levels[k] for k in keys)))
    labelled = first_refs | (set(no_number.drop_duplicates(["claimant", "stance"])["ref"]) if many else set(rows["ref"]))
    # A claim drawn exactly like another (same place, shape and colour) adds nothing to the picture;
    # with many articles most are such repeats. Each look is drawn once, by a labelled claim where
    # one has it.
    heights = rows["value"].astype(float).fillna(rows["ref"].map(level_of))
    looks = pd.DataFrame({"when": rows["when"], "y": heights, "max": rows["value_max"], "start": rows["claim_date_start"],
                          "end": rows["claim_date_end"], "stance": rows["stance"], "claimant": claimants})
    is_labelled = rows["ref"].isin(labelled)
    labelled_first = pd.concat([looks[is_labelled], looks[~is_labelled]])
    drawn = rows.index.isin(labelled_first.index[~labelled_first.duplicated()]) | is_labelled
    fig, ax = plt.subplots(figsize=(10, 5.5))
    for (_, r), claimant, y in zip(rows[drawn].iterrows(), claimants[drawn], heights[drawn]):
        colour = colours[claimant]
        filled = pd.notna(r["claim_date_end"])
        if pd.notna(r["value_max"]):  # a range: a bar from its low to its high end
            ax.vlines(r["when"], float(r["value"]), float(r["value_max"]), color=colour, linewidth=6, alpha=0.45)
        if filled and r["claim_date_start"] != r["claim_date_end"]:
            ax.plot([r["claim_date_start"], r["claim_date_end"]], [y, y], color=colour, linewidth=2, alpha=0.6)
        ax.plot(r["when"], y, STANCE_MARKERS[r["stance"]], markersize=9, color=colour,
                markerfacecolor=colour if filled else "white", markeredgewidth=1.6, zorder=3)
        if r["ref"] not in labelled:
            continue
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


def figure_bytes(fig, fmt: str) -> bytes:
    """The chart as SVG or PNG, without the timestamps that make builds differ."""
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    fig.savefig(buffer, format=fmt, metadata=metadata, bbox_inches="tight", dpi=110)
    plt.close(fig)
    return buffer.getvalue()


def figure_html(fig, fmt: str, alt: str, caption: str, source: str, refs: Markup) -> Markup:
    """The chart as an embedded image; the caption ends with its source, named by `source` and
    linked by `refs` (see `common.ref_links`)."""
    data = base64.b64encode(figure_bytes(fig, fmt)).decode("ascii")
    return render("figure.html.j2", mime=MIME[fmt], data=data, alt=alt, caption=caption, source=source, refs=refs)
