"""What a reader should know before trusting the numbers: contradicted page dates, dates that
could not be resolved or are vague, rows nobody has reviewed, conflicts, what reading skipped or
repaired, and what cleaning removed."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.model import INPUT_NOTE_KINDS, Dataset
from analysis.sections.common import NO_DATA, iso_day, with_names
from analysis.sections.html import linked_refs, notice, render, table_html
from analysis.sections.words import plural, window

LISTED_ROWS = 40  # rows of the lists of dates and of unreviewed rows


def vague_or_unresolved_dates(ds: Dataset) -> pd.DataFrame:
    """Mentions whose dating phrase could not be resolved, or resolves only to a month or a year."""
    events = ds.events[ds.events["date_phrase"].notna()]
    figures = ds.figures[ds.figures["date_phrase"].notna()]
    rows = pd.concat([
        pd.DataFrame({"ref": events["ref"], "article": events["article_id"], "phrase": events["date_phrase"],
                      "date": [window(s, e) if pd.notna(e) else "not resolved" for s, e
                               in zip(events["mention_date_start"], events["mention_date_end"])],
                      "precision": events["mention_date_precision"], "how it was read": events["mention_date_basis"]}),
        pd.DataFrame({"ref": figures["ref"], "article": figures["article_id"], "phrase": figures["date_phrase"],
                      "date": [window(s, e) if pd.notna(e) else "not resolved" for s, e
                               in zip(figures["claim_date_start"], figures["claim_date_end"])],
                      "precision": figures["claim_date_precision"], "how it was read": figures["claim_date_basis"]}),
    ])
    return rows[(rows["date"] == "not resolved") | rows["precision"].isin(["month", "year"])].reset_index(drop=True)


def unreviewed(ds: Dataset) -> pd.DataFrame:
    f = ds.figures[~ds.figures["reviewed"]]
    e = ds.events[~ds.events["reviewed"]]
    return pd.concat([
        pd.DataFrame({"ref": f["ref"], "article": f["article_id"], "what": f["what"],
                      "value or date": f["value"].astype("string").fillna(f["stance"])}),
        pd.DataFrame({"ref": e["ref"], "article": e["article_id"], "what": e["label"], "value or date": [window(s, end) for s, end in zip(e["mention_date_start"], e["mention_date_end"])]}),
    ]).reset_index(drop=True)


def removed_by_rule(ds: Dataset) -> pd.DataFrame:
    if ds.removals.empty:
        return pd.DataFrame(columns=["article", "rule", "pieces", "characters"])
    return (ds.removals.groupby(["article_id", "rule"]).agg(pieces=("text", "size"), characters=("n_chars", "sum"))
            .reset_index().rename(columns={"article_id": "article"}))


def _named(df: pd.DataFrame, names: pd.Series, column: str = "article") -> pd.DataFrame:
    """Article ids in `column` (one, or several joined by ", ") replaced by the articles' names; the
    ids move to the hidden column `id`, which the table shows as the names' tooltips."""
    ids = df[column].astype(str)
    readable = ids.map(lambda cell: "; ".join(str(names.get(i, i)) for i in cell.split(", ")))
    return df.assign(**{column: readable, "id": ids})


def _table(df: pd.DataFrame, names: pd.Series, column: str = "article", **kw) -> Markup:
    return table_html(_named(df, names, column), titles={column: "id"}, **kw)


def quoted_refs(ds: Dataset) -> set[str]:
    """The quotes this section links to."""
    return (linked_refs(vague_or_unresolved_dates(ds), "ref", LISTED_ROWS)
            | linked_refs(unreviewed(ds), "ref", LISTED_ROWS))


def quality_html(ds: Dataset) -> Markup:
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles
    names = a.set_index("id")["name"]
    contradicted = a[a["page_date_contradicted"]]
    contradicted = pd.DataFrame({
        "article": contradicted["id"], "page date": contradicted["page_date"].map(iso_day),
        "published (estimate)": contradicted["published"].map(iso_day),
        "why": contradicted["published_basis"].map(lambda basis: with_names(basis, names))})
    contradicted_table = _table(contradicted, names, caption=f"Page dates contradicted by the content "
                                f"({len(contradicted):,})") if len(contradicted) else None
    undated = a[a["published"].isna()]
    undated_notice = notice(f"{plural(len(undated), 'article')} without a publication date; their relative dates "
                            f"are unresolved: {'; '.join(undated['name'])}.") if len(undated) else None
    vague = vague_or_unresolved_dates(ds)
    pending = unreviewed(ds)
    is_note = ds.conflicts["kind"].isin(INPUT_NOTE_KINDS)
    notes = ds.conflicts[is_note].drop(columns="subject").rename(columns={"article_id": "article or file"})
    conflicts = ds.conflicts[~is_note & (ds.conflicts["kind"] != "page date contradicted")]  # listed above
    conflicts = conflicts.assign(detail=conflicts["detail"].map(lambda d: with_names(d, names))).rename(
        columns={"article_id": "article"})
    tables = [
        _table(vague, names, caption=f"Dates unresolved or known only to a month or year ({len(vague):,})",
               links={"ref": "q-"}, max_rows=LISTED_ROWS) if len(vague) else notice("Every date is known to a week or better."),
        _table(conflicts, names, caption=f"Conflicts between and within articles ({len(conflicts):,})")
        if len(conflicts) else notice("No conflicts between or within articles."),
        _table(notes, names, "article or file", caption=f"Skipped or repaired on reading ({len(notes):,})")
        if len(notes) else None,
        _table(pending, names, caption=f"Extracted automatically, not yet confirmed by an annotation ({len(pending):,})",
               links={"ref": "q-"}, max_rows=LISTED_ROWS) if len(pending) else notice("Every row is confirmed by an annotation."),
        _table(removed_by_rule(ds), names, caption="What cleaning removed from each article, by rule", max_rows=80)
        if len(ds.removals) else notice("Cleaning removed nothing."),
    ]
    return render("quality.html.j2", contradicted=contradicted_table, undated=undated_notice,
                  tables=[t for t in tables if t is not None])


def set_aside_html(articles: pd.DataFrame) -> Markup:
    """The collection's articles the report leaves out of every section, and why: pages off the
    story's topic, and syndicated copies (or the same page saved twice), whose original stands
    for them and counts them."""
    names = articles.set_index("id")["name"]
    off = ~articles["relevant"].astype(bool)
    copy = articles["copy_of"].notna() & ~off
    aside = articles[off | copy]
    if aside.empty:
        return notice("No article of the collection was set aside: every one is on the story, and none is a copy.")
    why = aside["relevance"].where(off[aside.index], "a copy of " + aside["copy_of"].map(names).fillna(""))
    shown = pd.DataFrame({"article": aside["name"], "headline": aside["headline"], "why": why, "id": aside["id"]})
    parts = [f"{plural(int(off.sum()), 'article')} off the story's topic" if off.any() else "",
             f"{plural(int(copy.sum()), 'copy')} of other articles (syndicated, or saved twice)" if copy.any() else ""]
    return table_html(shown, titles={"article": "id"}, max_rows=LISTED_ROWS,
                      caption="Set aside: " + " and ".join(part for part in parts if part))
