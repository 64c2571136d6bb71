"""The Timeline section: each event's date as the articles give or imply it, when each article
reported it, and the table of events with the mentions that date them."""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections.charts.embed import figure_html
from analysis.sections.charts.timeline import timeline, timeline_caption
from analysis.sections.common import MANY, NO_DATA, iso_day, ref_links, short_ids, timeline_events
from analysis.sections.html import notice, table_html


def timeline_chart(ds: Dataset, fmt: str) -> Markup:
    events = timeline_events(ds.events)
    if events.empty:
        return notice(NO_DATA)
    ds = replace(ds, events=events)
    n = ds.events["event_id"].nunique()
    return figure_html(
        lambda narrow: timeline(ds.events, ds.articles, narrow), fmt,
        alt=f"Timeline of {n} events from {iso_day(ds.events['date_start'].min())} to "
            f"{iso_day(ds.events['date_end'].max())}, with the publication date of each article that reported them.",
        caption=timeline_caption(),
        source="event mentions", refs=ref_links(ds.events["ref"], "events"),
    ) + event_table(ds)


def event_table(events: pd.DataFrame, articles: pd.DataFrame) -> Markup:
    """One row per event on the timeline: its date in words, the articles reporting it and its quotes."""
    if events.empty:
        return Markup()
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
