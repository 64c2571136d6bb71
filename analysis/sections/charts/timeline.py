"""The events timeline: a row per event with its date (a dot for a day, a bar for a week or a
month) and, below it, a triangle for the publication day of each article that reported it.
Articles published the same day sit side by side, never on top of each other."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from analysis.sections.words import is_bounded
from analysis.sections.charts.style import PALETTE, TEXT, chars_for, date_axis, date_limits, width, wrap

WEEK_OR_MONTH = "#bbbbbb"  # the bar of an event dated to a week or a month
EVENT = "#333333"
ONE_COLOUR = "#555555"  # every article, when there are more than the palette can tell apart
SIDE_BY_SIDE = 5  # articles of one day drawn apart; more are counted ("+3")
DODGE = 8.0  # points between the triangles of articles published the same day


def _per_event(events: pd.DataFrame) -> pd.DataFrame:
    return (events.groupby("event_id", sort=False)
            .agg(label=("label", "first"), start=("date_start", "first"), end=("date_end", "first"),
                 precision=("date_precision", "first"), articles=("article_id", lambda s: sorted(set(s))))
            .sort_values(["start", "label"]))


def timeline(events: pd.DataFrame, articles: pd.DataFrame, narrow: bool):
    """The chart of the timeline's events (one row per event mention, as `common.timeline_events`)."""
    per_event = _per_event(events)
    published = articles.set_index("id")["published"]
    reporting = (articles[articles["id"].isin({a for ids in per_event["articles"] for a in ids})]
                 .sort_values(["published", "id"])["id"].tolist())
    own_colours = len(reporting) <= len(PALETTE)
    colours = {aid: PALETTE[i] if own_colours else ONE_COLOUR for i, aid in enumerate(reporting)}
    chars = chars_for(width(narrow) * 72 - 20)
    counted = per_event["label"] if own_colours else [f"{label} ({len(ids):,} article{'s' * (len(ids) != 1)})"
                                                      for label, ids in zip(per_event["label"], per_event["articles"])]
    labels = [wrap(label, chars) for label in counted]
    lines = [label.count("\n") + 1 for label in labels]
    key_chars = chars_for(width(narrow) * 72 / (1 if narrow else 2) - 40)  # a key's text fits its column
    key = _key(reporting, colours, published, articles.set_index("id")["name"], own_colours, key_chars)
    key_lines = [handle.get_label().count("\n") + 1 for handle in key]
    legend_rows = sum(key_lines) if narrow else sum(max(key_lines[i:i + 2]) for i in range(0, len(key_lines), 2))
    fig = plt.figure(figsize=(width(narrow), 0.9 + 0.19 * (sum(lines) + 2.3 * len(labels))
                              + 0.22 * legend_rows), layout="constrained")
    ax = fig.subplots()
    fig.suptitle(wrap(f"What happened when, and when it was reported ({len(per_event)} events)",
                      chars_for(width(narrow) * 72, 11)), x=0.02, ha="left")
    dates = pd.concat([per_event["start"], per_event["end"], published[published.index.isin(reporting)]])
    if dates.dropna().empty:
        ax.text(0.5, 0.5, "No dated events", ha="center", va="center", transform=ax.transAxes)
        return fig
    low, high = date_limits(ax, dates)
    arrow = (high - low) * (0.07 if narrow else 0.035)
    y = 0.0
    for (_, e), label, n_lines in zip(per_event.iterrows(), labels, lines):
        ax.text(0.0, y, label, transform=ax.get_yaxis_transform(), va="top", ha="left", color=TEXT)
        y += n_lines + 0.7
        _event_mark(ax, e, y, arrow)
        _article_marks(ax, e["articles"], published, colours, own_colours, y + 1.1)
        y += 2.0
    ax.set_ylim(y - 0.3, -0.3)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    date_axis(ax, narrow, "Date (event; publication of a reporting article)")
    fig.legend(handles=key, loc="outside lower center", ncol=1 if narrow else 2, frameon=False)
    return fig


def _event_mark(ax, e, y: float, arrow: pd.Timedelta) -> None:
    """A dot for a day, a bar for a week or a month the articles give, and for a date only a rule
    bounds ("recently") a hollow dot on its latest day with an arrow to the left: by then."""
    if e["precision"] == "day":
        ax.plot(e["start"], y, "o", color=EVENT, markersize=8, zorder=3)
    elif pd.notna(e["start"]) and not is_bounded(e["start"], e["end"]):
        ax.annotate("", xy=(e["end"] - arrow, y), xytext=(e["end"], y),
                    arrowprops={"arrowstyle": "-|>", "color": EVENT, "linewidth": 1.4, "shrinkB": 0, "shrinkA": 4})
        ax.plot(e["end"], y, "o", color=EVENT, markerfacecolor="white", markeredgewidth=1.6, markersize=8, zorder=3)
    elif pd.notna(e["start"]):
        span = (e["end"] - e["start"]) + pd.Timedelta(days=1)
        ax.barh(y, span, left=e["start"], height=0.9, color=WEEK_OR_MONTH, edgecolor=EVENT, zorder=2)


def _article_marks(ax, reporting: list[str], published: pd.Series, colours: dict, own_colours: bool,
                   y: float) -> None:
    """A few articles: a triangle per article on its publication day, a day's articles side by
    side. Many: the first report as a triangle and a tick on every later day with a report (marks
    grow with the days, not with the articles; the label says how many articles)."""
    by_day: dict[pd.Timestamp, list[str]] = {}
    for aid in reporting:
        if pd.notna(published.get(aid)):
            by_day.setdefault(published[aid], []).append(aid)
    if not by_day:
        return
    if not own_colours:
        days = sorted(by_day)
        ax.plot(days[1:], [y] * (len(days) - 1), "|", color=ONE_COLOUR, markersize=7, linestyle="none", zorder=4)
        ax.plot(days[0], y, "v", color=ONE_COLOUR, markersize=7, zorder=4)
        return
    rank = {aid: i for i, aid in enumerate(colours)}
    for day, ids in sorted(by_day.items()):
        ids = sorted(ids, key=rank.__getitem__)
        shown = ids if len(ids) <= SIDE_BY_SIDE else ids[:SIDE_BY_SIDE - 1]
        for k, aid in enumerate(shown):
            shift = offset_copy(ax.transData, fig=ax.figure, x=(k - (len(shown) - 1) / 2) * DODGE, units="points")
            ax.plot(day, y, "v", color=colours[aid], markersize=7, transform=shift, zorder=4)
        if len(shown) < len(ids):
            shift = offset_copy(ax.transData, fig=ax.figure, x=(len(shown) / 2) * DODGE + 2, units="points")
            ax.text(day, y, f"+{len(ids) - len(shown):,}", transform=shift, va="center", ha="left", color=TEXT)


def _key(reporting: list[str], colours: dict, published: pd.Series, names: pd.Series, own_colours: bool,
         chars: int) -> list:
    handles = [Line2D([], [], marker="o", color=EVENT, linestyle="none", markersize=8, label="event date (a day)"),
               Patch(facecolor=WEEK_OR_MONTH, edgecolor=EVENT, label="event date (a week or a month)"),
               Line2D([], [], marker="o", color=EVENT, markerfacecolor="white", linestyle="none", markersize=8,
                      label=wrap("event date vague, by that day (hollow, ←)", chars))]
    if not own_colours:
        return handles + [Line2D([], [], marker="v", color=ONE_COLOUR, linestyle="none", markersize=7,
                                 label=wrap(f"first report ({len(reporting):,} reporting articles in all)", chars)),
                          Line2D([], [], marker="|", color=ONE_COLOUR, linestyle="none", markersize=7,
                                 label=wrap("a later day with a report", chars))]
    for aid in reporting:
        day = published.get(aid)
        name = names.get(aid, aid)
        text = name if "," in name or pd.isna(day) else f"{name}, {day:%-d %b %Y}"
        handles.append(Line2D([], [], marker="v", color=colours[aid], linestyle="none", markersize=7,
                              label=wrap(f"reported in {text}", chars)))
    return handles


def timeline_caption(n_reporting: int) -> str:
    """The words under the chart; `n_reporting` articles reported the events drawn."""
    reports = ("below it a triangle for the publication day of each article that reported it, side by side when "
               "articles appeared the same day" if n_reporting <= len(PALETTE) else
               "below it a triangle for its first report and a tick on each later day with a report (the label "
               "counts the articles)")
    return ("Each event's date as the articles give or imply it (dot: a day; grey bar: a week or a month; hollow "
            f"dot with an arrow: only a latest day is known, as for \"recently\"), and {reports}; the gap between "
            "the two is how long the news took.")
