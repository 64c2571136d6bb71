"""The dataset's tables, declared once: pandera validates them in memory and the same
declaration is written out as a Frictionless Table Schema in datapackage.json."""

from __future__ import annotations

import pandera.pandas as pa

from analysis.extract.claimants import STANCES
from analysis.extract.figures import CATEGORIES
from analysis.extract.subjects import SUBJECTS
from analysis.ingest.outlets import SOURCES as OUTLET_SOURCES
from analysis.ingest.published import REASONS

# Which date won: one of the page's own (ingest.published), or one found from more than the page.
PUBLISHED_SOURCES = [*REASONS, "dateline, year from the corpus", "re-estimated from the text"]

PRECISIONS = ["day", "week", "month", "year"]


# Text is pandas' "string" dtype, with pd.NA for a missing value, set by a parser rather than
# coerced: pandera's coercion to text gives pandas 3's other string dtype, "str", whose missing
# value is NaN. Every other type is coerced by pandera.
_AS_STRING = pa.Parser(lambda column: column.astype("string"))


def _text(nullable: bool = False, **kw) -> pa.Column:
    return pa.Column(str, nullable=nullable, parsers=_AS_STRING, **kw)


def _int(nullable: bool = False, **kw) -> pa.Column:
    return pa.Column("Int64", nullable=nullable, coerce=True, **kw)


def _date(**kw) -> pa.Column:
    return pa.Column("datetime64[ns]", nullable=True, coerce=True, **kw)


def _flag(**kw) -> pa.Column:
    return pa.Column(bool, coerce=True, **kw)


def _dates(prefix: str) -> dict[str, pa.Column]:
    """A resolved date: ISO form, window, precision and how it was found (null when undated)."""
    return {
        prefix: _text(nullable=True, description="ISO date, YYYY-MM, YYYY or START/END window"),
        f"{prefix}_start": _date(),
        f"{prefix}_end": _date(),
        f"{prefix}_precision": _text(nullable=True, checks=pa.Check.isin(PRECISIONS)),
        f"{prefix}_basis": _text(description="how the date was found, or why there is none"),
    }


def _quote() -> dict[str, pa.Column]:
    return {
        "quote": _text(description="verbatim sentence the row rests on"),
        "span_start": _int(checks=pa.Check.ge(0), description="character offset of the quote in the clean body"),
        "span_end": _int(checks=pa.Check.ge(0)),
        "reviewed": _flag(description="confirmed by a curated annotation"),
        "source": _text(checks=pa.Check.isin(["annotation", "extraction"])),
    }


ARTICLES = pa.DataFrameSchema(
    {
        "id": _text(unique=True, description="file name without extension"),
        "name": _text(unique=True, description="how a reader names the article: outlet and publication date "
                                               "(\"Reuters, 20 Jun 2024\"), else the headline's start and the date"),
        "file": _text(),
        "sha256": _text(checks=pa.Check.str_length(64, 64)),
        "headline": _text(),
        "headline_basis": _text(),
        "outlet": _text(nullable=True, description="the outlet the article is from, or 'via X' for an article "
                                                   "whose own outlet is unknown and which carries X's copy "
                                                   "(ingest.outlets)"),
        "outlet_source": _text(checks=pa.Check.isin(list(OUTLET_SOURCES)),
                               description="how the outlet was found: front matter, dateline, credit line, credit "
                                           "in the text, web address, copy it carries, or not found"),
        "url": _text(nullable=True, description="from front matter"),
        "agency": _text(nullable=True, description="the agency credited in the dateline or front matter"),
        "byline": _text(nullable=True),
        "dateline": _text(nullable=True),
        "page_date": _date(description="date printed on the page"),
        "published": _date(description="best estimate of publication"),
        "published_latest": _date(),
        "published_basis": _text(),
        "published_source": _text(nullable=True, checks=pa.Check.isin(list(PUBLISHED_SOURCES)),
                                  description="which of the page's dates won (ingest.published)"),
        "published_note": _text(nullable=True, description="the page's other dates, and why they lost"),
        "updated": _date(description="date of an 'Updated' line on the page"),
        "page_date_contradicted": _flag(),
        "n_words": _int(checks=pa.Check.gt(0)),
        "chars_removed": _int(checks=pa.Check.ge(0)),
        "relevant": _flag(description="on the story's topic (extract.relevance.DEFAULT_TOPIC); the report sets "
                                      "the others aside and lists them under Data quality"),
        "relevance": _text(description="why: the topic's terms the article names, or the group it names none of"),
        "story": _text(description="id of the story's original, its earliest published member (dataset.stories): "
                                   "articles that are almost wholly each other's text share one story"),
        "copy_of": _text(nullable=True, description="for a copy, the id of its story's original; empty for an "
                                                    "original"),
    },
    strict=True,
    ordered=True,
)

FIGURES = pa.DataFrameSchema(
    {
        "ref": _text(unique=True, description="stable reference used in the report (F1, F2, ...)"),
        "article_id": _text(),
        "value": _int(nullable=True, checks=pa.Check.ge(0)),
        "value_max": _int(nullable=True, checks=pa.Check.ge(0)),
        "qualifier": _text(nullable=True),
        "category": _text(checks=pa.Check.isin(list(CATEGORIES))),
        "subject": _text(nullable=True, checks=pa.Check.isin(list(SUBJECTS)),
                         description="what a count of people counts: deployed, killed, wounded, casualties, "
                                     "captured, missing or other (none for treaty facts)"),
        "what": _text(description="what is counted"),
        "claimant": _text(nullable=True, description="who makes the claim (one canonical name across articles)"),
        "cited_source": _text(nullable=True, description="whom the claimant cites (\"X, citing Y\": Y)"),
        "stance": _text(checks=pa.Check.isin(list(STANCES))),
        **_dates("claim_date"),
        "date_phrase": _text(nullable=True),
        **_quote(),
    },
    strict=True,
    ordered=True,
)

EVENTS = pa.DataFrameSchema(
    {
        "ref": _text(unique=True, description="stable reference of this mention (E1, E2, ...)"),
        "event_id": _text(),
        "label": _text(),
        **_dates("date"),
        "article_id": _text(),
        **_quote(),
        "date_phrase": _text(nullable=True),
        "anchor": _date(description="date the phrase was resolved against"),
        **_dates("mention_date"),
        "consistent": _flag(description="this mention's date agrees with the event's date"),
        "kind": _text(nullable=True, description="kind of happening, from the words around the date"),
        "is_event": _flag(description="dates a real event; false for other dated mentions (a background date, "
                                      "an event off the story, a second date of one event)"),
        "reason": _text(description="the event word the date modifies, or why the mention is not an event"),
        "n_articles": _int(checks=pa.Check.ge(1), description="articles that report the event (corroboration)"),
        "first_reported": _date(description="publication date of the first article reporting it"),
    },
    strict=True,
    ordered=True,
)

CLAIMANTS = pa.DataFrameSchema(
    {
        "claimant": _text(unique=True, description="canonical name, as the figures table gives it"),
        "kind": _text(checks=pa.Check.isin(["person", "organisation", "government"])),
        "aliases": _text(description="the names the articles use for it, joined with '; '"),
        "articles": _text(description="ids of the articles with its figures or claims, joined with ', '"),
        "n_figures": _int(checks=pa.Check.ge(1), description="figures and claims it makes"),
    },
    strict=True,
    ordered=True,
)

CLAIMS = pa.DataFrameSchema(
    {
        "claim_id": _text(unique=True, description="stable reference of the claim (C1, C2, ...), in the table's order"),
        "claimant": _text(nullable=True, description="who makes the claim, canonical as in figures (none: unattributed)"),
        "category": _text(checks=pa.Check.isin(list(CATEGORIES)), description="kind of figure, as in figures"),
        "subject": _text(nullable=True, checks=pa.Check.isin(list(SUBJECTS)), description="what the count counts"),
        "stance": _text(checks=pa.Check.isin(list(STANCES)), description="asserts, denies or declines to confirm"),
        "value": _int(nullable=True, checks=pa.Check.ge(0), description="the number claimed (none for a denial)"),
        "value_max": _int(nullable=True, checks=pa.Check.ge(0), description="upper end of a range"),
        "qualifier": _text(nullable=True, description="'about', 'up to', ... as the first mention words it"),
        "what": _text(description="what is counted, as the first mention words it"),
        "said_start": _date(description="earliest day the claim can have been made (none: not known)"),
        "said_end": _date(description="latest day the claim can have been made: it is said by then"),
        "said_precision": _text(nullable=True, checks=pa.Check.isin(PRECISIONS),
                                description="how wide the window is (none: only the 'by' date is known)"),
        "said_phrase": _text(nullable=True, description="the article's dating phrase of the mention giving the window"),
        "said_basis": _text(description="how the window was found from the mentions' windows"),
        "first_article": _text(description="id of the earliest published article reporting the claim"),
        "first_published": _date(description="its publication date"),
        "n_articles": _int(checks=pa.Check.ge(1), description="articles reporting the claim"),
        "n_stories": _int(checks=pa.Check.ge(1), description="stories reporting it: an article and its syndicated "
                                                            "copies count once (articles.csv story)"),
        "n_mentions": _int(checks=pa.Check.ge(1), description="rows of figures that are this claim"),
        "refs": _text(description="those rows' refs, space-separated, in ref order"),
        "order_uncertain": _flag(description="its window overlaps another dated claim's, so their order is not known "
                                            "(an undated claim, said only by its first report, is never flagged)"),
    },
    strict=True,
    ordered=True,
)

QUOTED = pa.DataFrameSchema(
    {
        "article_id": _text(description="the article quoting or citing the name"),
        "position": _int(checks=pa.Check.ge(1), description="order in which the article first quotes the name"),
        "name": _text(description="the name as the article gives it (references resolved)"),
        "claimant": _text(nullable=True, description="the canonical claimant of figures it stands for, if any"),
    },
    strict=True,
    ordered=True,
)

RENDERINGS = pa.DataFrameSchema(
    {
        "article_id": _text(description="the article quoting the wording"),
        "ref": _text(description="the figure naming the treaty article (in figures)"),
        "treaty_article": _int(checks=pa.Check.ge(1), description="number of the treaty article"),
        "text": _text(description="the words the article quotes as its text (each distinct wording once)"),
    },
    strict=True,
    ordered=True,
)

COPIES = pa.DataFrameSchema(
    {
        "article_id": _text(description="the article that carries the copied passage"),
        "start": _int(checks=pa.Check.ge(0), description="character offset of the passage in its clean body"),
        "end": _int(checks=pa.Check.ge(0), description="character offset just after the passage"),
        "source_id": _text(description="the earlier article it is copied from"),
        "n_chars": _int(checks=pa.Check.gt(0), description="length of the passage (end - start)"),
        "share": pa.Column(float, checks=pa.Check.in_range(0, 1), coerce=True,
                           description="n_chars as a share of the copying article's body"),
    },
    strict=True,
    ordered=True,
)

TABLES = {"articles": ARTICLES, "figures": FIGURES, "events": EVENTS, "claimants": CLAIMANTS, "claims": CLAIMS,
          "quoted": QUOTED, "renderings": RENDERINGS, "copies": COPIES}

_FRICTIONLESS_TYPES = {"str": "string", "string[python]": "string", "string[pyarrow]": "string", "Int64": "integer",
                       "bool": "boolean", "datetime64[ns]": "date", "float64": "number"}


def table_schema(schema: pa.DataFrameSchema) -> dict:
    """The pandera schema as a Frictionless Table Schema descriptor."""
    fields = []
    for name, column in schema.columns.items():
        field = {"name": name, "type": _FRICTIONLESS_TYPES[str(column.dtype)]}
        if column.description:
            field["description"] = column.description
        if not column.nullable:
            field["constraints"] = {"required": True}
        allowed = [c for c in column.checks if c.name == "isin"]
        if allowed:
            field.setdefault("constraints", {})["enum"] = list(allowed[0].statistics["allowed_values"])
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}
