"""What the sections share: how much a section shows before it folds, quote references and
their links, short article labels, and the selections several sections draw from."""

from __future__ import annotations

import os
import re

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.extract.events import SINGULAR_KINDS
from analysis.sections.html import render

NO_DATA = "No data for these parameters."
MANY = 12  # articles or claims: beyond this, per-item legends, labels, matrices and lists are folded
SHOWN_REFS = 40


def ref_number(column: pd.Series) -> pd.Series:
    """A sort key (`sort_values(..., key=ref_number)`) that puts quote references in number order,
    F2 before F10; other columns sort as they are."""
    return column.str[1:].astype(int) if column.name == "ref" else column


def shown_refs(refs) -> list[str]:
    """The references a caption links to: the first SHOWN_REFS, in order."""
    return sorted(refs, key=lambda r: int(r[1:]))[:SHOWN_REFS]


def ref_links(refs, table: str) -> Markup:
    """Links from a caption to the quotes in the sources list; a long list is cut, and says
    which data file holds every row."""
    refs = list(refs)
    return render("ref_links.html.j2", refs=shown_refs(refs), more=len(refs) - SHOWN_REFS, table=table)


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


def listed(items, many: int = MANY) -> str:
    """Names for a table cell: the distinct ones in order, the first `many` of them and how many more."""
    distinct = list(dict.fromkeys(str(i) for i in items))
    more = f" and {len(distinct) - many:,} more" if len(distinct) > many else ""
    return "; ".join(distinct[:many]) + more


def first_refs(refs, many: int = MANY) -> str:
    """The first `many` quote references, in number order, for a column of links."""
    return " ".join(sorted(set(refs), key=lambda r: int(r[1:]))[:many])


_ARTICLE_ID = re.compile(r"\barticle ([^\s;,]+)")


def with_names(text: str, names: pd.Series) -> str:
    """A note of the data ("... written out in article 000_d04a...") with article ids, which
    only the data and tooltips show, replaced by the articles' names ("another article" for one a
    filter left out)."""
    return _ARTICLE_ID.sub(lambda m: str(names[m.group(1)]) if m.group(1) in names.index else "another article", text)


def iso_day(value) -> str:
    """A date cell as YYYY-MM-DD, blank when unknown."""
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def timeline_events(events: pd.DataFrame) -> pd.DataFrame:
    """The events the report counts and draws: real events (not the other dated mentions) with
    a date, that are treaty milestones or confirmed by an annotation. The summary's count, the
    key facts and the timeline all read these rows; every other mention stays in the data."""
    real = events[events["is_event"] & events["date_start"].notna()]
    keep = real.groupby("event_id")["reviewed"].transform("any") | real["kind"].isin(sorted(SINGULAR_KINDS))
    return real[keep]


def other_dated(events: pd.DataFrame) -> tuple[int, int]:
    """What the report leaves off its timeline: dated events mentioned in passing (counted as
    events), and dated mentions that are not events (counted as mentions)."""
    dated = events[events["date_start"].notna()]
    shown = set(timeline_events(events)["event_id"])
    passing = dated[dated["is_event"] & ~dated["event_id"].isin(shown)]["event_id"].nunique()
    return passing, int((~dated["is_event"]).sum())


def troop_claims(ds: Dataset) -> pd.DataFrame:
    """The figures the troop chart draws: numbers of troops, and claims about them without one."""
    return ds.figures[ds.figures["category"] == "troops"]
