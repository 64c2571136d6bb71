"""Rows of the dataset before they become tables: one figure or event mention each, made by
extraction or by an annotation, with the spans of its quote and of the phrase that dates it."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.common.errors import InputError
from analysis.dataset.annotations import Annotations, Mention, shown
from analysis.dataset.phrases import Phrase, Reader
from analysis.extract.events import EVENT_LABELS, events_in
from analysis.extract.figures import figures_in
from analysis.extract.quotes import find_phrase, find_quote
from analysis.extract.subjects import subject_of_annotation
from analysis.ingest.article import Article


@dataclass
class Row:
    """One figure or event mention: where it stands, what dates it, and where it came from."""

    article: str
    span: tuple[int, int]
    quote: str
    date_span: tuple[int, int] | None
    reviewed: bool
    source: str
    fields: dict = field(default_factory=dict)
    kind: str | None = None
    event_id: str | None = None
    reading: Phrase | None = None  # the phrase at date_span, as dating reads it (dataset.phrases)


def overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _locate(m: Mention, corpus: dict[str, Article], source: str) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """The spans of an annotated quote and of its dating phrase, or an error naming the field."""
    article = corpus.get(m.article)
    if article is None:
        raise InputError(f"{source}: {m.where}.article: unknown article '{m.article}'; known: {sorted(corpus)}.")
    span = find_quote(article.body, m.quote)
    if span is None:
        raise InputError(f"{source}: {m.where}.quote: not found in article {m.article}: {shown(m.quote)}")
    if not m.date_phrase:
        return span, None
    around = span
    if m.date_quote:
        around = find_quote(article.body, m.date_quote)
        if around is None:
            raise InputError(f"{source}: {m.where}.date_quote: not found in article {m.article}: {shown(m.date_quote)}")
    date_span = find_phrase(article.body, m.date_phrase, *around)
    if date_span is None:
        raise InputError(f"{source}: {m.where}.date_phrase: {shown(m.date_phrase)} is not in the quote it dates.")
    return span, date_span


def annotated_rows(notes: Annotations, corpus: dict[str, Article], source: str) -> tuple[list[Row], list[Row]]:
    """Event and figure rows of the annotations, each quote found in its article."""
    readers: dict[str, Reader] = {}

    def read(article: str, date_span: tuple[int, int] | None) -> Phrase | None:
        if date_span is None:
            return None
        return readers.setdefault(article, Reader(corpus[article].body)).phrase(date_span)

    events, figures = [], []
    for note in notes.events:
        for m in note.evidence:
            span, date_span = _locate(m, corpus, source)
            events.append(Row(m.article, span, m.quote, date_span, True, "annotation",
                              {"label": note.label}, event_id=note.id, reading=read(m.article, date_span)))
    for note in notes.figures:
        span, date_span = _locate(note.mention, corpus, source)
        subject = subject_of_annotation(note.figure.category, note.figure.what)
        figures.append(Row(note.mention.article, span, note.mention.quote, date_span, True, "annotation",
                           {**note.figure.fields(), "subject": subject}, reading=read(note.mention.article, date_span)))
    return events, figures


def extracted_rows(article: Article) -> tuple[list[Row], list[Row]]:
    """Event and figure rows that extraction finds in one article, each dating phrase read once here."""
    aid, body, reader = article.id, article.body, Reader(article.body)
    events = [Row(aid, e.span, body[e.span[0]:e.span[1]], (e.date_phrase.start, e.date_phrase.end),
                  False, "extraction", {"label": EVENT_LABELS[e.kind], "reason": e.reason}, kind=e.kind,
                  reading=reader.phrase((e.date_phrase.start, e.date_phrase.end)))
              for e in events_in(body)]
    figures = [Row(aid, f.span, body[f.span[0]:f.span[1]],
                   (f.date_phrase.start, f.date_phrase.end) if f.date_phrase else None,
                   False, "extraction", {**f.figure.fields(), "subject": f.subject,
                                         "said_on_publication": f.said_on_publication},
                   reading=reader.phrase((f.date_phrase.start, f.date_phrase.end)) if f.date_phrase else None)
               for f in figures_in(body, article.headline)]
    return events, figures
