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


def event_table(ds: Dataset) -> Markup:
    e = ds.events.sort_values(["date_start", "event_id"])
    short = short_ids(ds.articles["id"])
    per_event = e.groupby("event_id", sort=False).agg(
        event=("label", "first"), date=("date", "first"), precision=("date_precision", "first"),
        first_reported=("first_reported", lambda s: iso_day(s.iloc[0])), articles=("n_articles", "first"),
        reported_in=("article_id", lambda s: ", ".join(sorted({short[a] for a in s})) if s.nunique() <= MANY
                     else f"{s.nunique():,} articles"),
        quotes=("ref", lambda s: " ".join(s) if len(s) <= MANY else f"{' '.join(s[:MANY])} … and {len(s) - MANY:,} more"))
    return table_html(per_event.reset_index(drop=True), caption="Events and the mentions that date them")
