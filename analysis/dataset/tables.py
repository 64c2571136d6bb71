"""The dataset's tables: columns made from rows (a quote's span, a date's window, precision and
basis), and each table validated against its schema."""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.dataset.dating import FALLBACK, Anchors, phrase_of, resolve_row
from analysis.dataset.names import article_names
from analysis.dataset.rows import Row
from analysis.extract.date_windows import DateRef
from analysis.extract.relevance import DEFAULT_TOPIC, relevance
from analysis.ingest.article import Article

if TYPE_CHECKING:  # pandas is imported where tables are made: the readers start before it loads
    import pandas as pd


def date_columns(prefix: str, ref: DateRef | None, undated: str) -> dict:
    if ref is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None,
                f"{prefix}_precision": None, f"{prefix}_basis": undated}
    return {prefix: ref.iso, f"{prefix}_start": ref.start, f"{prefix}_end": ref.end,
            f"{prefix}_precision": ref.precision, f"{prefix}_basis": ref.basis or "agreement of the mentions"}


def undated(row: Row, anchors: Anchors, note: str = "") -> str:
    """Why a row has no date: no dating phrase, or a phrase with nothing to resolve it against."""
    if row.date_span is None:
        return "no dating phrase" + (f"; {note}" if note else "")
    return f"relative date not resolved: {anchors.for_span(row.article, row.date_span)[1]}"


def quote_columns(row: Row) -> dict:
    return {"quote": row.quote, "span_start": row.span[0], "span_end": row.span[1],
            "reviewed": row.reviewed, "source": row.source}


def frame(rows: list[dict], schema) -> pd.DataFrame:
    """The rows as a table of the schema's columns, converted to their types and validated."""
    import pandas as pd

    return schema.validate(pd.DataFrame(rows, columns=list(schema.columns)))


def claimant_conflicts(figures: pd.DataFrame) -> list[dict]:
    """The same claimant giving different numbers for the same kind of count (the same subject:
    100 killed and 1,000 wounded do not disagree)."""
    out = []
    numbers = figures[figures["value"].notna() & figures["claimant"].notna()
                      & figures["category"].isin(["troops", "casualties"])]
    for (claimant, category, _), rows in numbers.groupby(["claimant", "category", "subject"]):
        values = sorted(set(rows["value"].astype(int)))
        if len(values) > 1:
            out.append({"kind": "claimant gives different numbers", "article_id": ", ".join(sorted(set(rows["article_id"]))),
                        "subject": f"{claimant} ({category})",
                        "detail": ", ".join(f"{v:,}" for v in values) + f" in {', '.join(rows['ref'])}"})
    return out


def _publication_day(row: Row, anchors: Anchors) -> DateRef | None:
    """The publication day, for a claim that no phrase dates but that was made that day (a present
    tense "says", a speaker's turn in a transcript: extract.claim_tense)."""
    if not row.fields.get("said_on_publication"):
        return None
    day, basis = anchors.for_span(row.article, row.span)
    if day is None or basis.startswith(FALLBACK):  # the latest day an undated text writes is only a bound
        return None
    return DateRef(day, day, "", day, "made on the publication day (present tense or spoken in a transcript)")


def figure_table(rows: list[Row], anchors: Anchors) -> list[dict]:
    """One row per figure, with the date of the claim resolved against the right anchor."""
    table = []
    for row in rows:
        ref = resolve_row(row, anchors) or _publication_day(row, anchors)
        table.append({
            "ref": f"F{len(table) + 1}", "article_id": row.article, **row.fields,
            **date_columns("claim_date", ref, undated(row, anchors, f"reported by {anchors.dates[row.article]}")),
            "date_phrase": phrase_of(row), **quote_columns(row),
        })
    return table


def _source(a: Article, anchors: Anchors) -> str | None:
    """Which date won: the page's own, unless the corpus supplied a dateline's year or the
    text contradicted the page and the date was re-estimated."""
    if a.id in anchors.contradicted and anchors.dates[a.id] != a.publication.day:
        return "re-estimated from the text"
    if a.publication.source:
        return a.publication.source
    return "dateline, year from the corpus" if anchors.dates[a.id] else None


def topic_columns(a: Article, topic: str = DEFAULT_TOPIC) -> dict:
    """Whether the article is on the topic, from its headline and its own text."""
    on = relevance(f"{a.headline}\n{a.body}", topic)
    return {"relevant": on.relevant, "relevance": on.reason}


def article_table(corpus: dict[str, Article], anchors: Anchors, copy_of: dict[str, str],
                  topics: dict[str, dict]) -> list[dict]:
    """One row per article: what the page shows, the outlet and how it was found, the
    publication date as checked, the name a reader knows the article by (dataset.names), and
    the story it belongs to (`copy_of`: each copy's original, dataset.stories)."""
    import pandas as pd

    rows = [{
        "id": a.id, "file": a.path.name, "sha256": a.sha256, "headline": a.headline,
        "headline_basis": a.headline_basis, "outlet": a.outlet, "outlet_source": a.outlet_source, "url": a.url,
        "agency": a.agency, "byline": a.byline, "dateline": a.dateline, "page_date": a.page_date,
        "published": anchors.dates[a.id], "published_latest": anchors.latest[a.id],
        "published_basis": anchors.basis[a.id], "published_source": _source(a, anchors),
        "published_note": a.publication.note, "updated": a.publication.updated,
        "page_date_contradicted": a.id in anchors.contradicted, "n_words": a.n_words,
        "chars_removed": sum(len(r.text) for r in a.removals),
        **topics[a.id], "story": copy_of.get(a.id, a.id), "copy_of": copy_of.get(a.id),
    } for a in corpus.values()]
    table = pd.DataFrame(rows, columns=["id", "outlet", "headline", "published", "published_latest", "copy_of"])
    # Originals are named among themselves, and a copy after its original ("…, copy 2"), so that
    # copies set aside never change the names the report shows.
    originals = table[table["copy_of"].isna()]
    names = dict(zip(originals["id"], article_names(originals)))
    counted: dict[str, int] = {}
    for aid, original in sorted(zip(table["id"], table["copy_of"]), key=lambda pair: pair[0]):
        if isinstance(original, str):
            counted[original] = counted.get(original, 0) + 1
            names[aid] = f"{names[original]}, copy {counted[original]}"
    return [{**row, "name": names[row["id"]]} for row in rows]
