"""What a reader should know before trusting the numbers: contradicted page dates, dates that
could not be resolved or are vague, rows nobody has reviewed, conflicts, and what cleaning removed."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.dataset.tables import Dataset
from analysis.sections.common import NO_DATA, iso_day
from analysis.sections.html import linked_refs, notice, render, table_html

LISTED_ROWS = 40  # rows of the lists of dates and of unreviewed rows


def vague_or_unresolved_dates(ds: Dataset) -> pd.DataFrame:
    """Mentions whose dating phrase could not be resolved, or resolves only to a month or a year."""
    events = ds.events[ds.events["date_phrase"].notna()]
    figures = ds.figures[ds.figures["date_phrase"].notna()]
    rows = pd.concat([
        pd.DataFrame({"ref": events["ref"], "article": events["article_id"], "phrase": events["date_phrase"],
                      "date": events["mention_date"], "precision": events["mention_date_precision"],
                      "basis": events["mention_date_basis"]}),
        pd.DataFrame({"ref": figures["ref"], "article": figures["article_id"], "phrase": figures["date_phrase"],
                      "date": figures["claim_date"], "precision": figures["claim_date_precision"],
                      "basis": figures["claim_date_basis"]}),
    ])
    return rows[rows["date"].isna() | rows["precision"].isin(["month", "year"])].reset_index(drop=True)


def unreviewed(ds: Dataset) -> pd.DataFrame:
    f = ds.figures[~ds.figures["reviewed"]]
    e = ds.events[~ds.events["reviewed"]]
    return pd.concat([
        pd.DataFrame({"ref": f["ref"], "article": f["article_id"], "what": f["category"] + ": " + f["what"],
                      "value or date": f["value"].astype("string").fillna(f["stance"])}),
        pd.DataFrame({"ref": e["ref"], "article": e["article_id"], "what": e["label"], "value or date": e["mention_date"]}),
    ]).reset_index(drop=True)


def removed_by_rule(ds: Dataset) -> pd.DataFrame:
    if ds.removals.empty:
        return pd.DataFrame(columns=["article", "rule", "pieces", "characters"])
    return (ds.removals.groupby(["article_id", "rule"]).agg(pieces=("text", "size"), characters=("n_chars", "sum"))
            .reset_index().rename(columns={"article_id": "article"}))


def quoted_refs(ds: Dataset) -> set[str]:
    """The quotes this section links to."""
    return (linked_refs(vague_or_unresolved_dates(ds), "ref", LISTED_ROWS)
            | linked_refs(unreviewed(ds), "ref", LISTED_ROWS))


def quality_html(ds: Dataset) -> Markup:
    if ds.articles.empty:
        return notice(NO_DATA)
    a = ds.articles
    contradicted = a[a["page_date_contradicted"]][["id", "page_date", "published", "published_basis"]]
    contradicted_table = table_html(
        contradicted.assign(page_date=contradicted["page_date"].map(iso_day),
                            published=contradicted["published"].map(iso_day)),
        caption=f"Page dates contradicted by the content ({len(contradicted)})") if len(contradicted) else None
    undated = a[a["published"].isna()]
    undated_notice = notice(f"{len(undated)} article(s) have no publication date; their relative dates are "
                            f"unresolved: {', '.join(undated['id'])}.") if len(undated) else None
    vague = vague_or_unresolved_dates(ds)
    pending = unreviewed(ds)
    tables = [
        table_html(vague, caption=f"Dates unresolved or known only to a month or year ({len(vague)})",
                   links={"ref": "q-"}, max_rows=LISTED_ROWS),
        table_html(ds.conflicts, caption=f"Conflicts between and within articles ({len(ds.conflicts)})"),
        table_html(pending, caption=f"Extracted automatically, not yet confirmed by an annotation ({len(pending)})",
                   links={"ref": "q-"}, max_rows=LISTED_ROWS),
        table_html(removed_by_rule(ds), caption="What cleaning removed from each article, by rule", max_rows=80),
    ]
    return render("quality.html.j2", contradicted=contradicted_table, undated=undated_notice, tables=tables)
