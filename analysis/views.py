"""What each report section shows, as HTML built from the dataset. Notebooks call these, so
the notebooks hold narrative only and every number shown is computed here from the data."""

from __future__ import annotations

import os
from dataclasses import replace
from html import escape

import pandas as pd

from analysis import datacache, params
from analysis.dataset import Dataset, build_dataset
from analysis.extract import SINGULAR_KINDS
from analysis.html import notice, quote_list, table_html

NO_DATA = "No data for these parameters."


def load(namespace: dict) -> tuple[dict, Dataset]:
    """What every notebook starts with: its parameters validated, the dataset built from
    `seeds_dir` and filtered. Takes the notebook's globals so the parameter cell stays plain."""
    p = params.validate({name: namespace[name] for name in params.NAMES if name in namespace})
    ds = datacache.load_prepared(p["seeds_dir"]) or build_dataset(p["seeds_dir"])
    params.check_names(p, params.known_names(ds.articles, ds.figures))
    return p, apply_filters(ds, p)


def apply_filters(ds: Dataset, p: dict) -> Dataset:
    """Keep the articles published within [start_date, end_date] from the chosen sources and,
    when claimants are chosen, the articles that quote them; every table then keeps the rows
    that rest on those articles (and, for claims, on those claimants). An article without a
    publication date cannot be placed, so a date filter drops it."""
    a = ds.articles
    keep = pd.Series(True, index=a.index)
    if p.get("start_date"):
        keep &= a["published"] >= pd.Timestamp(p["start_date"])
    if p.get("end_date"):
        keep &= a["published"] <= pd.Timestamp(p["end_date"])
    if p.get("sources"):
        chosen = set(p["sources"])
        keep &= a["id"].isin(chosen) | a["outlet"].isin(chosen) | a["agency"].isin(chosen)
    figures = ds.figures
    if p.get("claimants"):
        wanted = [c.lower() for c in p["claimants"]]
        figures = figures[figures["claimant"].fillna("").str.lower().map(lambda c: any(w in c for w in wanted))]
        keep &= a["id"].isin(set(figures["article_id"]))
    ids = set(a.loc[keep, "id"])
    return replace(
        ds,
        articles=a[keep],
        figures=figures[figures["article_id"].isin(ids)],
        events=ds.events[ds.events["article_id"].isin(ids)],
        removals=ds.removals[ds.removals["article_id"].isin(ids)],
        conflicts=ds.conflicts[ds.conflicts["article_id"].map(lambda s: any(i in ids for i in s.split(", ")))],
        copies=ds.copies[ds.copies["article_id"].isin(ids) & ds.copies["source_id"].isin(ids)],
    )


MANY = 12  # articles or claims: beyond this, per-item legends, labels, matrices and lists are folded
SHOWN_REFS = 40
LISTED_QUOTES = 1_000  # beyond this, the sources list holds only the quotes the report links to


def ref_number(column: pd.Series) -> pd.Series:
    """A sort key (`sort_values(..., key=ref_number)`) that puts quote references in number order,
    F2 before F10; other columns sort as they are."""
    return column.str[1:].astype(int) if column.name == "ref" else column


def shown_refs(refs) -> list[str]:
    """The references a caption links to: the first SHOWN_REFS, in order."""
    return sorted(refs, key=lambda r: int(r[1:]))[:SHOWN_REFS]


def ref_links(refs, table: str) -> str:
    """Links from a caption to the quotes in the sources list; a long list is cut, and says
    which data file holds every row."""
    refs = list(refs)
    links = ", ".join(f'<a href="#q-{escape(r)}">{escape(r)}</a>' for r in shown_refs(refs))
    more = len(refs) - SHOWN_REFS
    return links + (f" and {more:,} more (every row is in data/{escape(table)}.csv)" if more > 0 else "")


def short_ids(ids) -> dict[str, str]:
    """Each article id cut, for chart labels and narrow table cells, to the shortest prefix of at
    least three characters that no other id starts with (the seeds' "004_6a84a186daab083e"
    becomes "004"; "reuters-treaty" and "reuters-troops" become "reuters-tre" and "reuters-tro")."""
    ordered = sorted(set(ids))
    short = {}
    for i, aid in enumerate(ordered):
        # In sorted order, the id sharing the longest prefix with this one is a neighbour.
        shared = [len(os.path.commonprefix([aid, other])) for other in ordered[max(0, i - 1):i] + ordered[i + 1:i + 2]]
        short[aid] = aid[:max([3, *(n + 1 for n in shared)])]
    return short


def iso_day(value) -> str:
    """A date cell as YYYY-MM-DD, blank when unknown."""
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def articles_table(ds: Dataset) -> str:
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles.sort_values(["published", "id"])
    shown = pd.DataFrame({
        "id": a["id"],
        "headline": a["headline"],
        "outlet / agency": a["outlet"].fillna(a["agency"]).fillna("unknown"),
        "page date": a["page_date"].map(iso_day),
        "published (estimate)": a["published"].map(iso_day),
        "words": a["n_words"],
        "chars removed": a["chars_removed"],
    })
    table = table_html(shown, caption=f"Articles in publication order (N={len(a)})")
    contradicted = a[a["page_date_contradicted"]]
    notes = "".join(
        f"<li>{escape(r['id'])}: {escape(r['published_basis'])}</li>" for _, r in contradicted.head(MANY).iterrows()
    )
    if notes:
        more = (f'<p class="truncated">Showing {MANY} of {len(contradicted):,}; every reason is in '
                f'data/articles.csv (published_basis).</p>' if len(contradicted) > MANY else "")
        table += (f'<p>Page dates contradicted by the articles\' own content ({len(contradicted):,}):</p>'
                  f'<ul>{notes}</ul>{more}')
    return table


def timeline_events(events: pd.DataFrame) -> pd.DataFrame:
    """The happenings worth a row on the timeline: treaty milestones and confirmed events,
    not every dated aside (those stay in the data)."""
    keep = events.groupby("event_id")["reviewed"].transform("any") | events["kind"].isin(sorted(SINGULAR_KINDS))
    return events[keep & events["date_start"].notna()]


def troop_claims(ds: Dataset) -> pd.DataFrame:
    """The figures the troop chart draws: numbers of troops, and claims about them without one."""
    return ds.figures[ds.figures["category"] == "troops"]


def quoted_refs(ds: Dataset) -> set[str]:
    """Every quote the report links to, section by section (the chart captions link here)."""
    from analysis import quality, summary, treaty

    return (summary.quoted_refs(ds) | set(shown_refs(timeline_events(ds.events)["ref"]))
            | set(shown_refs(troop_claims(ds)["ref"])) | treaty.quoted_refs(ds) | quality.quoted_refs(ds))


def sources(ds: Dataset) -> str:
    """Every article with its dates, then the quotes the report relies on, with their anchors:
    every quote while they are few enough to read, else those the report links to."""
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles.sort_values(["published", "id"])
    listing = pd.DataFrame({
        "id": a["id"], "file": a["file"], "outlet / agency": a["outlet"].fillna(a["agency"]).fillna("unknown"),
        "byline": a["byline"].fillna(""), "url": a["url"].fillna(""), "page date": a["page_date"].map(iso_day),
        "published (estimate)": a["published"].map(iso_day), "how dated": a["published_basis"],
    })
    rows = pd.concat([ds.figures[["ref", "article_id", "quote"]], ds.events[["ref", "article_id", "quote"]]])
    note = ""
    if len(rows) > LISTED_QUOTES:
        linked = rows[rows["ref"].isin(quoted_refs(ds))]
        note = (f'<p class="truncated">The {len(linked):,} quotes the report links to, of {len(rows):,}; every '
                f'quote is in data/figures.csv and data/events.csv (column quote, by ref).</p>')
        rows = linked
    return table_html(listing, caption=f"Articles ({len(a):,})") + note + (quote_list(rows) if len(rows) else "")
