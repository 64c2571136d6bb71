"""The report's opening: the key facts, each computed from the dataset with its source refs."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections.common import MANY, NO_DATA, iso_day, other_dated, ref_number, timeline_events
from analysis.sections.html import linked_refs, notice, render, table_html


def _who(claimant) -> str:
    return "unattributed" if pd.isna(claimant) else str(claimant)


def _day(value) -> str:
    return "an unknown date" if pd.isna(value) else pd.Timestamp(value).strftime("%-d %B %Y")


def _sources(refs) -> str:
    """The first quotes behind a fact (the mentions column counts them all)."""
    return " ".join(list(refs)[:MANY])


def key_facts(ds: Dataset) -> pd.DataFrame:
    """One row per key fact, in date order: the events on the timeline, the first and the
    largest troop number reported, and the denials and refusals to confirm (each one for a few
    articles; for many, one row per claimant and stance)."""
    published = ds.articles.set_index("id")["published"]
    rows = []
    for _, group in timeline_events(ds.events).groupby("event_id", sort=False):
        first = group.iloc[0]
        rows.append({"fact": first["label"], "value": first["date"], "when": first["date_start"],
                     "mentions": len(group), "sources": _sources(group["ref"])})
    troops = ds.figures[(ds.figures["category"] == "troops") & ds.figures["value"].notna()].copy()
    if not troops.empty:
        troops["reported"] = troops["article_id"].map(published)
        first = troops.sort_values(["reported", "ref"], key=ref_number).iloc[0]
        top = troops.sort_values(["value", "ref"], ascending=[False, True], key=ref_number).iloc[0]
        for label, r in (("First troop number reported", first), ("Largest troop number reported", top)):
            rows.append({"fact": f"{label} ({_who(r['claimant'])})", "value": f"{int(r['value']):,}",
                         "when": r["reported"], "mentions": 1, "sources": r["ref"]})
    denials = ds.figures[ds.figures["stance"] != "asserts"].assign(
        who=lambda d: d["claimant"].map(_who), when=lambda d: d["article_id"].map(published))
    if len(ds.articles) > MANY:
        in_order = denials.sort_values(["when", "ref"], key=ref_number)
        for (who, stance), group in in_order.groupby(["who", "stance"], sort=True):
            rows.append({"fact": f"{who} {stance}", "value": group["what"].iloc[0], "when": group["when"].iloc[0],
                         "mentions": len(group), "sources": _sources(group["ref"])})
    else:
        rows.extend({"fact": f"{who} {stance}", "value": what, "when": when, "mentions": 1, "sources": ref}
                    for who, stance, what, when, ref in zip(denials["who"], denials["stance"], denials["what"],
                                                            denials["when"], denials["ref"]))
    return (pd.DataFrame(rows, columns=["fact", "value", "when", "mentions", "sources"])
            .sort_values("when", kind="stable"))


def quoted_refs(ds: Dataset) -> set[str]:
    """The quotes this section links to."""
    return linked_refs(key_facts(ds), "sources")


def summary_html(ds: Dataset) -> Markup:
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles
    troops = ds.figures[(ds.figures["category"] == "troops") & ds.figures["value"].notna()]
    counts = ds.figures[ds.figures["category"] == "treaty_articles"]["value"].dropna().astype(int)
    denials = ds.figures[ds.figures["stance"] != "asserts"]
    n_events = timeline_events(ds.events)["event_id"].nunique()
    sentences = [
        f"{len(a):,} articles published between {_day(a['published'].min())} and {_day(a['published'].max())} "
        f"report {n_events:,} dated events (those on the timeline) and {len(ds.figures):,} figures and claims.",
    ]
    passing, mentions = other_dated(ds.events)
    if passing or mentions:
        sentences.append(f"The data also list {passing:,} other dated events mentioned in passing and {mentions:,} "
                         "dated mentions that are not events (background dates, events off the story).")
    if len(counts):
        sentences.append(f"The treaty is reported to have {', '.join(f'{c:,}' for c in sorted(set(counts)))} articles.")
    if len(troops):
        values = sorted(set(troops["value"].astype(int)))
        sentences.append(f"Reported numbers of North Korean troops range from {values[0]:,} to {values[-1]:,} "
                         f"({len(troops):,} claims by {troops['claimant'].nunique():,} claimants).")
    if len(denials):
        who = sorted(denials["claimant"].dropna().unique())
        named = ", ".join(who[:MANY]) + (f" and {len(who) - MANY:,} others" if len(who) > MANY else "")
        sentences.append(f"{len(denials):,} statements deny or decline to confirm the reports ({named}).")
    contradicted = int(a["page_date_contradicted"].sum())
    if contradicted:
        sentences.append(f"{contradicted:,} of the {len(a):,} page dates are contradicted by the articles' own text "
                         "and were re-estimated (see Data quality).")
    facts = key_facts(ds).assign(when=lambda d: d["when"].map(iso_day))
    table = table_html(facts.rename(columns={"when": "date (reported)"}), links={"sources": "q-"},
                       caption="Key facts, how many quotes state them, and the first of those quotes")
    return render("summary.html.j2", summary=" ".join(sentences), facts=table)
