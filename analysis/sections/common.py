"""What the sections share: how much a section shows before it folds, quote references and
their links, short article labels, and the selections several sections draw from."""

from __future__ import annotations

import re

import pandas as pd
from markupsafe import Markup

from analysis.extract.events import SINGULAR_KINDS
from analysis.sections.html import render

NO_DATA = "No articles in this report."
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


def troop_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The deployment claims the main chart draws: numbers asserted, and the claims without one (or denied)."""
    return claims[claims["category"] == "troops"]


def casualty_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The casualty numbers asserted, which the casualties chart draws (a denial of casualties has no height)."""
    return claims[(claims["category"] == "casualties") & claims["value"].notna() & (claims["stance"] == "asserts")]
