"""The Timeline section: each event's date as the articles give or imply it, when each article
reported it, and the table of events with the mentions that date them."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.sections.charts.embed import figure_html
from analysis.sections.charts.timeline import timeline, timeline_caption
from analysis.sections.common import first_refs, listed, ref_links
from analysis.sections.html import EMPTY, notice, table_html
from analysis.sections.words import day, plural, window


def timeline_html(events: pd.DataFrame, articles: pd.DataFrame, fmt: str) -> Markup:
    """The chart of the timeline's events (`common.timeline_events`) and when each article reported them."""
    if events.empty:
        return notice("None of these articles dates an event of the story.")
    n = events["event_id"].nunique()
    return figure_html(
        lambda narrow: timeline(events, articles, narrow), fmt,
        alt=f"Timeline of {plural(n, 'event')} from {day(events['date_start'].min())} to "
            f"{day(events['date_end'].max())}, with the publication date of each article that reported them.",
        caption=timeline_caption(events["article_id"].nunique()), source="event mentions",
        refs=ref_links(events["ref"], "events"))


def event_table(events: pd.DataFrame, articles: pd.DataFrame) -> Markup:
    """One row per event on the timeline: its date in words, the articles reporting it and its quotes."""
    if events.empty:
        return EMPTY
    names = articles.set_index("id")["name"]
    e = events.sort_values(["date_start", "event_id"])
    per_event = e.groupby("event_id", sort=False).agg(
        event=("label", "first"), start=("date_start", "first"), end=("date_end", "first"),
        first_reported=("first_reported", "first"), articles=("article_id", "nunique"),
        reported_in=("article_id", lambda ids: listed(ids.map(names))), quotes=("ref", first_refs))
    shown = pd.DataFrame({
        "event": per_event["event"],
        "date": [window(s, e) for s, e in zip(per_event["start"], per_event["end"])],
        "first reported": per_event["first_reported"].map(day),
        "reported in": per_event["reported_in"], "quotes": per_event["quotes"],
    })
    return table_html(shown.reset_index(drop=True), caption="Events and the mentions that date them",
                      links={"quotes": "q-"})
