"""From a folder of articles (and its annotations) to validated tables with provenance.

Every article contributes automatically extracted figures and dated event mentions; the
curated annotations confirm them (`reviewed`), correct them, or add what extraction missed.
Dates are resolved and checked in `analysis.dataset.dating`. This is the plain path: articles
are read one after another (`analysis.speed.engine` reads a large collection on Dask workers,
with the same result)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Callable, ContextManager, Iterable, Iterator, NamedTuple, TypeVar

from analysis.dataset.annotations import load_annotations
from analysis.dataset.claimants import canonical_claimants, claimants_of_names
from analysis.dataset.claims import claims_table
from analysis.dataset.dating import Anchors, initial_anchors, reestimate
from analysis.dataset.events import event_dates, event_table
from analysis.dataset.merge import dedupe_figures, merge
from analysis.dataset.quotations import copy_table, quoted_table, renderings_table
from analysis.dataset.rows import Row, annotated_rows, extracted_rows
from analysis.dataset.model import INPUT_NOTE_KINDS, Dataset
from analysis.dataset.tables import article_table, claimant_conflicts, figure_table, frame, topic_columns
from analysis.extract.claimants import claimants_of_article
from analysis.extract.numbers import set_aside_numbers
from analysis.extract.reuse import Fingerprint, fingerprint
from analysis.extract.sentences import long_runs, sentences
from analysis.ingest.article import Article, load_article
from analysis.ingest.folder import ANNOTATIONS_FILE, Skipped
from analysis.ingest.sources import Location, Source, read_bytes, scan


class Read(NamedTuple):
    """What reading gives the steps across articles. The 8-grams and sentence bounds are frames
    (`analysis.dataset.shingles`): pandas here, Dask frames left on the cluster by the engine."""

    corpus: dict[str, Article]
    events: list[Row]
    figures: list[Row]
    appended: dict[str, list[tuple[int, int]]]  # blocks of older copy below an article
    quoted: dict[str, list[str]]
    grams: object
    bounds: object


Reading = Callable[[list[Source]], ContextManager[Callable[[], Read]]]
T = TypeVar("T")

# The two tables without a schema keep their types when empty (pandas would make every column object), so their
# Parquet files have the same column types for every collection (conflicts: all text).
REMOVAL_TYPES = {"article_id": "str", "rule": "str", "n_chars": "int64", "text": "str"}


def progress(items: Iterable[T], total: int) -> Iterable[T]:
    """`items` as they come, counted on a progress bar (`progress_bar`) on a terminal; elsewhere,
    as in a notebook kernel or a log, `items` unchanged and tqdm not even imported."""
    if not sys.stderr.isatty():
        return items

    def counted() -> Iterator[T]:
        with progress_bar(total) as done:
            for item in items:
                yield item
                done(1)
    return counted()


def read_one(source: Source) -> tuple[Article, list[Row], list[Row], Fingerprint, list[str]]:
    """Everything the dataset needs of one article file, the names it quotes included (read here,
    once and in the workers, not by the report); articles are independent."""
    path = Location(source.location) if source.is_url else Path(source.location)
    article = load_article(path, read_bytes(source), source.id)
    article.notes.extend(set_aside_numbers(article.body) + long_runs(article.body))
    quoted = claimants_of_article(sentences(article.body))
    return article, *extracted_rows(article), fingerprint(article.body), quoted


def gathered(results: list[tuple[Article, list[Row], list[Row], Fingerprint, list[str]]]) -> Read:
    from analysis.dataset.shingles import gram_rows

    grams, bounds = gram_rows({a.id: p for a, _, _, p, _ in results})
    return Read({a.id: a for a, *_ in results}, [r for _, events, *_ in results for r in events],
                [r for _, _, figures, *_ in results for r in figures], {a.id: p.appended for a, _, _, p, _ in results},
                {a.id: names for a, *_, names in results}, grams, bounds)


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int], object]]:
    """A function to call with each batch of articles read: a bar on stderr when it is a terminal
    (tqdm), nothing elsewhere. Nothing is written to stdout or to any output file."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc="reading articles", unit="article", file=sys.stderr, mininterval=0.2) as bar:
        yield bar.update


@contextmanager
def read_serially(sources: list[Source]) -> Iterator[Callable[[], Read]]:
    """Gives a function that reads every article, one after another, when called."""
    yield lambda: gathered([read_one(s) for s in progress(sources, len(sources))])


def input_notes(skipped: list[Skipped], corpus: dict[str, Article]) -> list[dict]:
    """What reading passed over or repaired, as rows of the conflicts table (Data quality shows them):
    folder entries that are not articles, bad bytes replaced, numbers not read as counts."""
    skip, *_ = INPUT_NOTE_KINDS
    rows = [{"kind": skip, "article_id": s.name, "subject": "file", "detail": s.reason}
            for s in skipped]
    return rows + [{"kind": kind, "article_id": a.id, "subject": "text", "detail": detail}
                   for a in corpus.values() for kind, detail in a.notes]


def build_dataset(folder: Path | str, reading: Reading = read_serially) -> Dataset:
    """The dataset of a collection: a folder, a glob or an fsspec URL (`ingest.sources`)."""
    sources, skipped = scan(folder)
    with reading(sources) as read:  # on a cluster, its frames stay there while the tables are made
        import pandas  # noqa: F401  (meanwhile, a parallel reading has started)

        import analysis.dataset.schemas  # noqa: F401  (pandera: to build, not to use a dataset)

        return _tables(folder, read(), skipped)


def _tables(folder: Path | str, read_in: Read, skipped: list[Skipped]) -> Dataset:
    """The tables, each made as soon as what it needs is known; the rows and 8-grams it was made from
    are let go then, so that the builder never holds a table and all of its rows at once."""
    import pandas as pd

    from analysis.dataset.schemas import ARTICLES, CLAIMANTS, CLAIMS, COPIES, FIGURES, QUOTED, RENDERINGS
    from analysis.dataset.shingles import copied_spans, copies_of_originals

    corpus, quoted, grams, bounds = read_in.corpus, read_in.quoted, read_in.grams, read_in.bounds
    where = f"{str(folder).rstrip('/')}/{ANNOTATIONS_FILE}"
    noted_events, noted_figures = annotated_rows(load_annotations(folder), corpus, where)
    event_rows, _ = merge(noted_events, read_in.events, is_event=True)
    figure_rows, _ = merge(noted_figures, read_in.figures, is_event=False)
    anchors = initial_anchors(corpus, read_in.appended, partial(copied_spans, grams, bounds))
    del read_in, bounds  # the rows now live in event_rows and figure_rows alone
    events, conflicts = _events(event_rows, anchors, corpus)
    del event_rows
    copy_of = copies_of_originals(grams, anchors.dates)  # stories: syndicated copies and their originals
    del grams
    mention_rows = dedupe_figures(figure_rows)
    topics = {a.id: topic_columns(a) for a in corpus.values()}  # read once: the names and the table use it
    off_topic = {aid for aid, topic in topics.items() if not topic["relevant"]}
    figure_rows, claimants = canonical_claimants(mention_rows, frozenset(copy_of) | off_topic)  # set aside
    claimant_of = claimants_of_names(sorted({n for names in quoted.values() for n in names}), mention_rows, figure_rows)
    figures = frame(figure_table(figure_rows, anchors), FIGURES)
    del figure_rows, mention_rows
    for aid in sorted(anchors.contradicted):
        conflicts.append({"kind": "page date contradicted", "article_id": aid, "subject": "published",
                          "detail": anchors.basis[aid]})
    conflicts.extend(claimant_conflicts(figures))
    conflicts.extend(input_notes(skipped, corpus))
    articles = frame(article_table(corpus, anchors, copy_of, topics), ARTICLES)
    return Dataset(
        articles=articles,
        figures=figures,
        events=events,
        removals=pd.DataFrame(
            [{"article_id": a.id, "rule": r.rule, "n_chars": len(r.text), "text": r.text}
             for a in corpus.values() for r in a.removals],
            columns=["article_id", "rule", "n_chars", "text"]).astype(REMOVAL_TYPES),
        conflicts=pd.DataFrame(conflicts, columns=["kind", "article_id", "subject", "detail"]).astype("str"),
        copies=frame(copy_table(anchors.copies, corpus), COPIES),
        claimants=frame(claimants, CLAIMANTS),
        claims=frame(claims_table(figures, articles), CLAIMS),
        quoted=frame(quoted_table(quoted, claimant_of), QUOTED),
        renderings=frame(renderings_table(figures, corpus), RENDERINGS),
        corpus=corpus,
    )


def _events(rows: list[Row], anchors: Anchors, corpus: dict[str, Article]):
    """The events table, and the conflicts found on the way. Dating the mentions may show that an
    article's page date is wrong (`dating.reestimate`); the mentions are then dated again, up to
    three times, against the new anchors."""
    from analysis.dataset.schemas import EVENTS

    dated = None
    for _ in range(3):
        dated = event_dates(rows, anchors, corpus, dated)
        if not dated.clashes:
            break
        for aid, items in dated.clashes.items():
            reestimate(aid, items, anchors)
    table, conflicts = event_table(rows, dated, anchors)
    return frame(table, EVENTS), conflicts
