"""From a folder of articles (and its annotations) to validated tables with provenance.

Every article contributes automatically extracted figures and dated event mentions; the
curated annotations confirm them (`reviewed`), correct them, or add what extraction missed.

Dates are never taken on faith. Every dating phrase is resolved against the date of the
article it stands in (or, in a copied passage, of the article it was copied from). The
mentions of one event are reconciled: a date written out ("24 October") outweighs a relative
one ("on Thursday"); where a relative phrase cannot be true with the page's date, the page
date is contradicted and the publication date is re-estimated as the earliest day on which
every such phrase agrees with the event, and the reason is recorded.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from analysis.annotations import Mention, load_annotations
from analysis.corpus import Article, article_paths, load_article
from analysis.dates import DateRef, resolve
from analysis.errors import InputError
from analysis.extract import EVENT_LABELS, SINGULAR_KINDS, events_in, figures_in
from analysis.quotes import find_phrase, find_quote
from analysis.reuse import CopiedSpan, Fingerprint, copied_spans, fingerprint

if TYPE_CHECKING:  # pandas is imported where tables are made: the readers start before it loads
    import pandas as pd

PARALLEL_FROM = 300  # articles; below this, starting worker processes costs more than it saves
SEARCH_DAYS = 62  # how far after an event a contradicted article may have been published
GROUPED_KINDS = {"troop-deployment", "casualty-report", "denial", "ratification"}
CHAMBER_KINDS = {"lower-house-ratification", "upper-house-ratification"}


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


@dataclass
class Dataset:
    articles: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame
    removals: pd.DataFrame
    conflicts: pd.DataFrame
    copies: pd.DataFrame
    corpus: dict[str, Article] = field(repr=False)


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _locate(m: Mention, corpus: dict[str, Article], source: str) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """The spans of an annotated quote and of its dating phrase, or an error naming the field."""
    article = corpus.get(m.article)
    if article is None:
        raise InputError(f"{source}: {m.where}.article: unknown article '{m.article}'; known: {sorted(corpus)}.")
    span = find_quote(article.body, m.quote)
    if span is None:
        raise InputError(f"{source}: {m.where}.quote: not found in article {m.article}: {m.quote!r}")
    if not m.date_phrase:
        return span, None
    around = span
    if m.date_quote:
        around = find_quote(article.body, m.date_quote)
        if around is None:
            raise InputError(f"{source}: {m.where}.date_quote: not found in article {m.article}: {m.date_quote!r}")
    date_span = find_phrase(article.body, m.date_phrase, *around)
    if date_span is None:
        raise InputError(f"{source}: {m.where}.date_phrase: {m.date_phrase!r} is not in the quote it dates.")
    return span, date_span


def _intersect(a: DateRef, b: DateRef) -> DateRef:
    return DateRef(max(a.start, b.start), min(a.end, b.end), "", None, "", a.relative and b.relative)


def reconcile(refs: list[DateRef]) -> tuple[DateRef | None, list[int]]:
    """One date for an event from its mentions, and the indexes of mentions that disagree.

    Dates written out are taken first, narrowest first; a mention joins the agreement when
    its window overlaps it, and narrows it."""
    order = sorted(range(len(refs)), key=lambda i: (refs[i].relative, refs[i].end - refs[i].start))
    agreed: DateRef | None = None
    disagree: list[int] = []
    for i in order:
        if agreed is None:
            agreed = refs[i]
        elif agreed.overlaps(refs[i]):
            agreed = _intersect(agreed, refs[i])
        else:
            disagree.append(i)
    return agreed, sorted(disagree)


@dataclass
class _Anchors:
    """Each article's current best date and why, and which passages were copied from where."""

    dates: dict[str, date | None]
    latest: dict[str, date | None]
    basis: dict[str, str]
    contradicted: set[str]
    copies: list[CopiedSpan]

    appended: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.copies_of: dict[str, list[CopiedSpan]] = {}
        for c in self.copies:
            self.copies_of.setdefault(c.article_id, []).append(c)

    def for_span(self, article_id: str, span: tuple[int, int]) -> tuple[date | None, str]:
        """The date a phrase is relative to: its article's, or the source's for copied text.
        Appended copy from a source not in the corpus has no known date."""
        for c in self.copies_of.get(article_id, ()):
            if c.start <= span[0] < c.end:
                return self.dates[c.source_id], f"passage copied from {c.source_id}"
        for start, end in self.appended.get(article_id, []):
            if start <= span[0] < end:
                return None, "a copied block from a source not in the corpus (date unknown)"
        return self.dates[article_id], f"date of {article_id}"


def _dateline_date(article: Article, corpus_dates: list[date]) -> tuple[date | None, str]:
    """A dateline's day and month ("MOSCOW. Nov 6 (Interfax)", "TOKYO, December 5. /TASS/.").
    The year is the one that puts it nearest the other articles' dates (the corpus covers one
    story); alone in its folder, the latest year the text mentions."""
    when = re.search(r"([A-Z][a-z]{2,8})\.? (\d{1,2})\b", article.dateline or "")
    if not when:
        return None, ""
    if corpus_dates:
        middle = sorted(corpus_dates)[len(corpus_dates) // 2]
        candidates = [resolve(f"{when.group(2)} {when.group(1)} {y}", None) for y in (middle.year - 1, middle.year, middle.year + 1)]
        candidates = [c for c in candidates if c is not None]
        if candidates:
            best = min(candidates, key=lambda c: abs((c.start - middle).days))
            return best.start, f"dateline {article.dateline!r}, year {best.start.year} from the other articles' dates"
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", article.body)]
    ref = resolve(f"{when.group(2)} {when.group(1)} {max(years)}", None) if years else None
    if ref is None:
        return None, ""
    return ref.start, f"dateline {article.dateline!r}, year {max(years)} = the latest year the text mentions"


def _initial_anchors(corpus: dict[str, Article], prints: dict[str, Fingerprint]) -> _Anchors:
    dates, basis = {}, {}
    known = [a.published_override or a.page_date for a in corpus.values() if a.published_override or a.page_date]
    for aid, a in corpus.items():
        if a.published_override:
            dates[aid], basis[aid] = a.published_override, "front matter 'published'"
        elif a.page_date:
            dates[aid], basis[aid] = a.page_date, f"date line on the page: {a.page_date_line!r}"
        else:
            dates[aid], basis[aid] = _dateline_date(a, known)
            if dates[aid] is None:
                basis[aid] = "no date on the page or in a dateline; relative dates left unresolved"
    copies = copied_spans(prints, dates)
    appended = {aid: p.appended for aid, p in prints.items()}
    return _Anchors(dates, dict(dates), basis, set(), copies, appended)


def _phrase(row: Row, corpus: dict[str, Article]) -> str | None:
    return corpus[row.article].body[row.date_span[0]:row.date_span[1]] if row.date_span else None


def _resolve(row: Row, anchors: _Anchors, corpus: dict[str, Article]) -> DateRef | None:
    if row.date_span is None:
        return None
    return resolve(_phrase(row, corpus), anchors.for_span(row.article, row.date_span)[0])


def _reestimate(aid: str, clashes: list[tuple[Row, DateRef]], anchors: _Anchors,
                corpus: dict[str, Article]) -> None:
    """Earliest publication day on which every clashing phrase agrees with its event."""
    first = min(agreed.start for _, agreed in clashes)
    checks = [(_phrase(row, corpus), agreed) for row, agreed in clashes]
    fits = []
    for offset in range(SEARCH_DAYS):
        day = first + timedelta(days=offset)
        if all((r := resolve(phrase, day)) and r.overlaps(agreed) for phrase, agreed in checks):
            fits.append(day)
        elif fits:
            break
    row, agreed = clashes[0]
    was = resolve(_phrase(row, corpus), anchors.dates[aid])
    reason = (f"page date {anchors.dates[aid]} contradicted: {_phrase(row, corpus)!r} would be "
              f"{was.iso if was else '?'}, but the event is dated {agreed.iso} by a date written out")
    anchors.contradicted.add(aid)
    if fits:
        anchors.dates[aid], anchors.latest[aid] = fits[0], fits[-1]
        anchors.basis[aid] = f"{reason}; estimated as the earliest day consistent with it (consistent until {fits[-1]})"
    else:
        anchors.basis[aid] = f"{reason}; no publication date makes the phrase agree, page date kept"


def _group(rows: list[Row], refs: list[DateRef | None]) -> dict[str, list[int]]:
    """Event ids for every row: annotated ids stay; a treaty milestone that happens once is one
    event; a repeated kind (deployments, casualty reports) is grouped by overlapping dates."""
    groups: dict[str, list[int]] = {}
    windows: dict[str, DateRef] = {}
    chambers: dict[str, set] = {}
    for row in rows:
        if row.kind in CHAMBER_KINDS:
            chambers.setdefault(row.article, set()).add(row.event_id or row.kind)
    for i, row in enumerate(rows):
        if row.kind == "ratification" and not row.event_id and len(chambers.get(row.article, ())) == 1:
            row = replace(row, event_id=next(iter(chambers[row.article])))
        if row.event_id:
            groups.setdefault(row.event_id, []).append(i)
        elif row.kind in SINGULAR_KINDS:
            groups.setdefault(row.kind, []).append(i)
        elif row.kind in GROUPED_KINDS and refs[i] is not None:
            key = next((k for k, w in windows.items() if k.startswith(row.kind + ":") and w.overlaps(refs[i])), None)
            if key is None:
                key = f"{row.kind}:{refs[i].start.isoformat()}"
                windows[key] = refs[i]
            else:
                windows[key] = _intersect(windows[key], refs[i])
            groups.setdefault(key, []).append(i)
        else:
            groups.setdefault(f"{row.kind}:{row.article}:{(row.date_span or row.span)[0]}", []).append(i)
    return groups


def _event_dates(rows: list[Row], anchors: _Anchors, corpus: dict[str, Article]):
    """Resolve, group and reconcile event mentions; return groups, per-row dates and clashes."""
    refs = [_resolve(r, anchors, corpus) for r in rows]
    groups = _group(rows, refs)
    agreed_of: dict[str, DateRef | None] = {}
    disagree: set[int] = set()
    clashes: dict[str, list[tuple[Row, DateRef]]] = {}
    for eid, members in groups.items():
        dated = [i for i in members if refs[i] is not None]
        agreed, bad = reconcile([refs[i] for i in dated])
        agreed_of[eid] = agreed
        for j in bad:
            i = dated[j]
            disagree.add(i)
            row = rows[i]
            if (agreed is not None and not agreed.relative and refs[i].relative
                    and corpus[row.article].published_override is None and row.article not in anchors.contradicted):
                clashes.setdefault(row.article, []).append((row, agreed))
    return groups, refs, agreed_of, disagree, clashes


FIGURE_FIELDS = ("value", "value_max", "qualifier", "category", "what", "claimant", "stance")


def _figure_fields(figure) -> dict:
    """What a figure row says, whether an annotation (FigureNote) or extraction (AutoFigure) made it."""
    return {name: getattr(figure, name) for name in FIGURE_FIELDS}


def _annotated_rows(notes, corpus, source) -> tuple[list[Row], list[Row]]:
    events, figures = [], []
    for note in notes.events:
        for m in note.evidence:
            span, date_span = _locate(m, corpus, source)
            events.append(Row(m.article, span, m.quote, date_span, True, "annotation",
                              {"label": note.label}, event_id=note.id))
    for note in notes.figures:
        span, date_span = _locate(note.mention, corpus, source)
        figures.append(Row(note.mention.article, span, note.mention.quote, date_span, True, "annotation",
                           _figure_fields(note)))
    return events, figures


def _extracted_rows(article: Article) -> tuple[list[Row], list[Row]]:
    aid, body = article.id, article.body
    events = [Row(aid, e.span, body[e.span[0]:e.span[1]], (e.date_phrase.start, e.date_phrase.end),
                  False, "extraction", {"label": EVENT_LABELS[e.kind]}, kind=e.kind) for e in events_in(body)]
    figures = [Row(aid, f.span, body[f.span[0]:f.span[1]],
                   (f.date_phrase.start, f.date_phrase.end) if f.date_phrase else None,
                   False, "extraction", _figure_fields(f))
               for f in figures_in(body)]
    return events, figures


def _read_one(path: Path) -> tuple[Article, list[Row], list[Row], Fingerprint]:
    article = load_article(path)
    return article, *_extracted_rows(article), fingerprint(article.body)


Read = tuple[dict[str, Article], list[Row], list[Row], dict[str, Fingerprint]]


@contextmanager
def _reading(folder: Path) -> Iterator[Callable[[], Read]]:
    """Load, extract and fingerprint every article; gives a function that waits for the results.
    Each article is independent, so a large corpus is spread over worker processes, started
    here, before the caller imports pandas and pandera (a third of a second it spends while the
    workers read). The first bad file still stops the build with its message."""
    paths = article_paths(folder)
    workers = os.cpu_count() or 1
    if len(paths) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: _gathered([_read_one(p) for p in paths])
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        pending = pool.map(_read_one, paths, chunksize=64)
        try:
            yield lambda: _gathered(list(pending))
        except BaseException:
            pool.shutdown(cancel_futures=True)  # a bad file: report it now, not after reading the rest
            raise


def _gathered(results: list[tuple[Article, list[Row], list[Row], Fingerprint]]) -> Read:
    return ({a.id: a for a, *_ in results}, [r for _, events, _, _ in results for r in events],
            [r for _, _, figures, _ in results for r in figures], {a.id: p for a, _, _, p in results})


def _confirms(note: Row, auto: Row, is_event: bool) -> bool:
    if note.article != auto.article:
        return False
    if is_event:
        return _overlap(note.date_span, auto.date_span)
    return (_overlap(note.span, auto.span) and note.fields["value"] == auto.fields["value"]
            and (note.fields["value"] is not None or note.fields["stance"] == auto.fields["stance"]))


def merge(notes: list[Row], autos: list[Row], is_event: bool) -> tuple[list[Row], list[tuple[Row, Row]]]:
    """Annotations confirm and correct extracted rows; what extraction missed is added.
    A singular event kind joins the annotated event its other mentions were confirmed as."""
    rows, pairs, used = [], [], set()
    for note in notes:
        match = next((i for i, a in enumerate(autos) if i not in used and _confirms(note, a, is_event)), None)
        if match is None:
            rows.append(note)
            continue
        auto = autos[match]
        used.update(i for i, a in enumerate(autos) if _confirms(note, a, is_event))
        pairs.append((note, auto))
        date_span = note.date_span or auto.date_span
        rows.append(replace(note, date_span=date_span, source="extraction", kind=auto.kind))
    kind_to_event = {}
    if is_event:
        votes = Counter((a.kind, n.event_id) for n, a in pairs if a.kind in SINGULAR_KINDS)
        for (kind, eid), _ in votes.most_common():
            kind_to_event.setdefault(kind, eid)
    labels = {r.event_id: r.fields["label"] for r in notes if r.event_id}
    for i, auto in enumerate(autos):
        if i in used:
            continue
        eid = kind_to_event.get(auto.kind)
        rows.append(replace(auto, event_id=eid, fields={**auto.fields, "label": labels[eid]}) if eid else auto)
    return rows, pairs


def _dedupe_figures(rows: list[Row]) -> list[Row]:
    """Unreviewed repeats of one count of people in one article (headline and body) become one row,
    the one that says most (claimant, then date)."""
    best: dict[tuple, Row] = {}
    kept: list[Row] = []
    for row in rows:
        f = row.fields
        if row.reviewed or f["value"] is None or f["category"] not in ("troops", "casualties"):
            kept.append(row)
            continue
        key = (row.article, f["value"], f["value_max"], f["category"])
        score = (f["claimant"] is not None, row.date_span is not None)
        old = best.get(key)
        if old is None or score > (old.fields["claimant"] is not None, old.date_span is not None):
            best[key] = row
    reviewed_keys = {(r.article, r.fields["value"], r.fields["value_max"], r.fields["category"])
                     for r in kept if r.fields["value"] is not None}
    return kept + [r for k, r in best.items() if k not in reviewed_keys]


def _date_columns(prefix: str, ref: DateRef | None, undated: str) -> dict:
    if ref is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None,
                f"{prefix}_precision": None, f"{prefix}_basis": undated}
    return {prefix: ref.iso, f"{prefix}_start": ref.start, f"{prefix}_end": ref.end,
            f"{prefix}_precision": ref.precision, f"{prefix}_basis": ref.basis or "agreement of the mentions"}


def _undated(row: Row, anchors: _Anchors, note: str = "") -> str:
    """Why a row has no date: no dating phrase, or a phrase with nothing to resolve it against."""
    if row.date_span is None:
        return "no dating phrase" + (f"; {note}" if note else "")
    return f"relative date not resolved: {anchors.for_span(row.article, row.date_span)[1]}"


def _quote_columns(row: Row) -> dict:
    return {"quote": row.quote, "span_start": row.span[0], "span_end": row.span[1],
            "reviewed": row.reviewed, "source": row.source}


def _frame(rows: list[dict], schema) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(schema.columns))
    for name, column in schema.columns.items():
        if str(column.dtype) == "datetime64[ns]":
            df[name] = pd.to_datetime(df[name]).astype("datetime64[ns]")
        elif str(column.dtype) == "Int64":
            df[name] = df[name].astype("Int64")
        elif str(column.dtype) == "bool":
            df[name] = df[name].astype(bool)
        else:
            df[name] = df[name].astype("string")
    return schema.validate(df)


def _claimant_conflicts(figures: pd.DataFrame) -> list[dict]:
    """The same claimant giving different numbers for the same kind of count."""
    out = []
    numbers = figures[figures["value"].notna() & figures["claimant"].notna()
                      & figures["category"].isin(["troops", "casualties"])]
    for (claimant, category), rows in numbers.groupby(["claimant", "category"]):
        values = sorted(set(rows["value"].astype(int)))
        if len(values) > 1:
            out.append({"kind": "claimant gives different numbers", "article_id": ", ".join(sorted(set(rows["article_id"]))),
                        "subject": f"{claimant} ({category})",
                        "detail": ", ".join(f"{v:,}" for v in values) + f" in {', '.join(rows['ref'])}"})
    return out


@contextmanager
def _without_cycle_collection():
    """Building allocates millions of small objects and no reference cycles that matter; the
    cycle collector, run again and again over the growing heap, took a fifth of a large build.
    Memory is still freed by reference counting; the collector resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_dataset(folder: Path) -> Dataset:
    with _without_cycle_collection():
        return _build_dataset(Path(folder))


def _build_dataset(folder: Path) -> Dataset:
    with _reading(folder) as read:
        import pandas as pd

        from analysis.schemas import ARTICLES, EVENTS, FIGURES  # pandera: needed to build, not to use a dataset

        corpus, auto_events, auto_figures, prints = read()
    noted_events, noted_figures = _annotated_rows(load_annotations(folder), corpus, str(folder / "annotations.yaml"))
    event_rows, _ = merge(noted_events, auto_events, is_event=True)
    figure_rows, _ = merge(noted_figures, auto_figures, is_event=False)
    figure_rows = _dedupe_figures(figure_rows)

    anchors = _initial_anchors(corpus, prints)
    for _ in range(3):
        groups, refs, agreed_of, disagree, clashes = _event_dates(event_rows, anchors, corpus)
        if not clashes:
            break
        for aid, items in clashes.items():
            _reestimate(aid, items, anchors, corpus)

    conflicts: list[dict] = []
    event_table = []
    for eid, members in groups.items():
        agreed = agreed_of[eid]
        label = next((event_rows[i].fields["label"] for i in members if event_rows[i].reviewed),
                     event_rows[members[0]].fields["label"])
        kind = next((event_rows[i].kind for i in members if event_rows[i].kind), None)
        reporting = {event_rows[i].article for i in members}
        first = min((anchors.dates[a] for a in reporting if anchors.dates[a]), default=None)
        for i in members:
            row, ref = event_rows[i], refs[i]
            anchor, _ = anchors.for_span(row.article, row.date_span or row.span)
            if i in disagree:
                conflicts.append({"kind": "event dated differently", "article_id": row.article, "subject": eid,
                                  "detail": f"{_phrase(row, corpus)!r} gives {ref.iso}; the event is {agreed.iso}"})
            event_table.append({
                "ref": f"E{len(event_table) + 1}", "event_id": eid, "label": label,
                **_date_columns("date", agreed, "no mention dates it"),
                "article_id": row.article, **_quote_columns(row),
                "date_phrase": _phrase(row, corpus),
                "anchor": anchor if ref is not None and ref.relative else None,
                **_date_columns("mention_date", ref, _undated(row, anchors)),
                "consistent": i not in disagree,
                "kind": kind, "n_articles": len(reporting), "first_reported": first,
            })

    figure_table = []
    for row in figure_rows:
        ref = _resolve(row, anchors, corpus)
        figure_table.append({
            "ref": f"F{len(figure_table) + 1}", "article_id": row.article, **row.fields,
            **_date_columns("claim_date", ref, _undated(row, anchors, f"reported by {anchors.dates[row.article]}")),
            "date_phrase": _phrase(row, corpus), **_quote_columns(row),
        })

    for aid in sorted(anchors.contradicted):
        conflicts.append({"kind": "page date contradicted", "article_id": aid, "subject": "published",
                          "detail": anchors.basis[aid]})

    article_rows = [{
        "id": a.id, "file": a.path.name, "sha256": a.sha256, "headline": a.headline,
        "headline_basis": a.headline_basis, "outlet": a.outlet, "url": a.url, "agency": a.agency, "byline": a.byline,
        "dateline": a.dateline, "page_date": a.page_date, "published": anchors.dates[a.id],
        "published_latest": anchors.latest[a.id], "published_basis": anchors.basis[a.id],
        "page_date_contradicted": a.id in anchors.contradicted, "n_words": a.n_words,
        "chars_removed": sum(len(r.text) for r in a.removals),
    } for a in corpus.values()]

    figures = _frame(figure_table, FIGURES)
    conflicts.extend(_claimant_conflicts(figures))
    return Dataset(
        articles=_frame(article_rows, ARTICLES),
        figures=figures,
        events=_frame(event_table, EVENTS),
        removals=pd.DataFrame(
            [{"article_id": a.id, "rule": r.rule, "n_chars": len(r.text), "text": r.text}
             for a in corpus.values() for r in a.removals],
            columns=["article_id", "rule", "n_chars", "text"]),
        conflicts=pd.DataFrame(conflicts, columns=["kind", "article_id", "subject", "detail"]),
        copies=pd.DataFrame([vars(c) for c in anchors.copies], columns=["article_id", "start", "end", "source_id"]),
        corpus=corpus,
    )
