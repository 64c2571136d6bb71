"""From a folder of articles (and its annotations) to validated tables with provenance.

Every article contributes automatically extracted figures and dated event mentions; the
curated annotations confirm them (`reviewed`), correct them, or add what extraction missed.
Dates are resolved and checked in `analysis.dataset.dating`. This is the plain path: articles
are read one after another (`analysis.speed` reads a large folder in worker processes, with the
same result)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, ContextManager, Iterable, Iterator, TypeVar

from analysis.dataset.annotations import load_annotations
from analysis.dataset.claimants import canonical_claimants
from analysis.dataset.dating import initial_anchors, reestimate
from analysis.dataset.events import event_dates, event_table
from analysis.dataset.merge import dedupe_figures, merge
from analysis.dataset.rows import Row, annotated_rows, extracted_rows
from analysis.dataset.tables import Dataset, article_table, claimant_conflicts, figure_table, frame
from analysis.extract.reuse import Fingerprint, fingerprint
from analysis.ingest.article import Article, load_article
from analysis.ingest.folder import ANNOTATIONS_FILE, article_paths

Read = tuple[dict[str, Article], list[Row], list[Row], dict[str, Fingerprint]]
Reading = Callable[[list[Path]], ContextManager[Callable[[], Read]]]
T = TypeVar("T")


def progress(items: Iterable[T], total: int) -> Iterable[T]:
    """`items` as they come, with a progress bar on stderr when it is a terminal (tqdm's
    `disable=None`); elsewhere, as in a notebook kernel or a log, `items` unchanged and tqdm
    not even imported. Nothing is written to stdout or to any output file."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc="reading articles", unit="article", disable=None, file=sys.stderr, mininterval=0.2)


def read_one(path: Path) -> tuple[Article, list[Row], list[Row], Fingerprint]:
    """Everything the dataset needs of one article file; articles are independent."""
    article = load_article(path)
    return article, *extracted_rows(article), fingerprint(article.body)


def gathered(results: list[tuple[Article, list[Row], list[Row], Fingerprint]]) -> Read:
    return ({a.id: a for a, *_ in results}, [r for _, events, _, _ in results for r in events],
            [r for _, _, figures, _ in results for r in figures], {a.id: p for a, _, _, p in results})


@contextmanager
def read_serially(paths: list[Path]) -> Iterator[Callable[[], Read]]:
    """Gives a function that reads every article, one after another, when called."""
    yield lambda: gathered([read_one(p) for p in progress(paths, len(paths))])


def build_dataset(folder: Path, reading: Reading = read_serially) -> Dataset:
    folder = Path(folder)
    with reading(article_paths(folder)) as read:
        import pandas as pd  # meanwhile, a parallel reading has started

        from analysis.dataset.schemas import ARTICLES, CLAIMANTS, EVENTS, FIGURES  # pandera: to build, not to use a dataset

        corpus, auto_events, auto_figures, prints = read()
    noted_events, noted_figures = annotated_rows(load_annotations(folder), corpus, str(folder / ANNOTATIONS_FILE))
    event_rows, _ = merge(noted_events, auto_events, is_event=True)
    figure_rows, _ = merge(noted_figures, auto_figures, is_event=False)
    figure_rows, claimants = canonical_claimants(dedupe_figures(figure_rows))

    anchors = initial_anchors(corpus, prints)
    for _ in range(3):
        dated = event_dates(event_rows, anchors, corpus)
        if not dated.clashes:
            break
        for aid, items in dated.clashes.items():
            reestimate(aid, items, anchors, corpus)

    events, conflicts = event_table(event_rows, dated, anchors, corpus)
    for aid in sorted(anchors.contradicted):
        conflicts.append({"kind": "page date contradicted", "article_id": aid, "subject": "published",
                          "detail": anchors.basis[aid]})
    figures = frame(figure_table(figure_rows, anchors, corpus), FIGURES)
    conflicts.extend(claimant_conflicts(figures))
    return Dataset(
        articles=frame(article_table(corpus, anchors), ARTICLES),
        figures=figures,
        events=frame(events, EVENTS),
        removals=pd.DataFrame(
            [{"article_id": a.id, "rule": r.rule, "n_chars": len(r.text), "text": r.text}
             for a in corpus.values() for r in a.removals],
            columns=["article_id", "rule", "n_chars", "text"]),
        conflicts=pd.DataFrame(conflicts, columns=["kind", "article_id", "subject", "detail"]),
        copies=pd.DataFrame([vars(c) for c in anchors.copies], columns=["article_id", "start", "end", "source_id"]),
        claimants=frame(claimants, CLAIMANTS),
        corpus=corpus,
    )
