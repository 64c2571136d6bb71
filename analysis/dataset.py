"""From a folder of articles (and its annotations) to validated tables with provenance.

Dates are never taken on faith. Every dating phrase is resolved against the date of the
article it stands in (or, in a copied passage, of the article it was copied from). The
mentions of one event are reconciled: a date written out ("24 October") outweighs a relative
one ("on Thursday"); where a relative phrase cannot be true with the page's date, the page
date is contradicted and the publication date is re-estimated as the earliest day on which
every such phrase agrees with the event, and the reason is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from analysis.annotations import Annotations, Mention, load_annotations
from analysis.corpus import Article, load_corpus
from analysis.dates import DateRef, resolve
from analysis.errors import InputError
from analysis.quotes import find_phrase, find_quote
from analysis.reuse import CopiedSpan, copied_spans
from analysis.schemas import ARTICLES, EVENTS, FIGURES

SEARCH_DAYS = 62  # how far after an event a contradicted article may have been published


@dataclass
class Located:
    """A mention placed in its article: the quote's span and the dating phrase's span."""

    mention: Mention
    span: tuple[int, int]
    date_span: tuple[int, int] | None


@dataclass
class Dataset:
    articles: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame
    removals: pd.DataFrame
    conflicts: pd.DataFrame
    copies: pd.DataFrame
    corpus: dict[str, Article] = field(repr=False)


def _locate(m: Mention, corpus: dict[str, Article], source: str) -> Located:
    article = corpus.get(m.article)
    if article is None:
        raise InputError(f"{source}: {m.where}.article: unknown article '{m.article}'; known: {sorted(corpus)}.")
    span = find_quote(article.body, m.quote)
    if span is None:
        raise InputError(f"{source}: {m.where}.quote: not found in article {m.article}: {m.quote!r}")
    date_span = None
    if m.date_phrase:
        around = span
        if m.date_quote:
            around = find_quote(article.body, m.date_quote)
            if around is None:
                raise InputError(
                    f"{source}: {m.where}.date_quote: not found in article {m.article}: {m.date_quote!r}"
                )
        date_span = find_phrase(article.body, m.date_phrase, *around)
        if date_span is None:
            raise InputError(f"{source}: {m.where}.date_phrase: {m.date_phrase!r} is not in the quote it dates.")
    return Located(m, span, date_span)


def _intersect(a: DateRef, b: DateRef, basis: str) -> DateRef:
    return DateRef(max(a.start, b.start), min(a.end, b.end), "", None, basis, a.relative and b.relative)


def reconcile(refs: list[DateRef]) -> tuple[DateRef | None, list[int]]:
    """One date for an event from its mentions, and the indexes of mentions that disagree.

    Dates written out are taken first, narrowest first; a mention joins the agreement when
    its window overlaps it, and narrows it."""
    order = sorted(range(len(refs)), key=lambda i: (refs[i].relative, refs[i].end - refs[i].start))
    agreed: DateRef | None = None
    disagree: list[int] = []
    for i in order:
        ref = refs[i]
        if agreed is None:
            agreed = ref
        elif agreed.overlaps(ref):
            agreed = _intersect(agreed, ref, "")
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

    def for_span(self, article_id: str, span: tuple[int, int]) -> tuple[date | None, str]:
        for c in self.copies:
            if c.article_id == article_id and c.start <= span[0] < c.end:
                return self.dates[c.source_id], f"passage copied from {c.source_id}"
        return self.dates[article_id], f"date of {article_id}"


def _resolve(loc: Located, anchors: _Anchors, corpus: dict[str, Article]) -> DateRef | None:
    if loc.date_span is None:
        return None
    anchor, _ = anchors.for_span(loc.mention.article, loc.date_span)
    phrase = corpus[loc.mention.article].body[loc.date_span[0]:loc.date_span[1]]
    return resolve(phrase, anchor)


def _initial_anchors(corpus: dict[str, Article]) -> _Anchors:
    dates, basis = {}, {}
    for aid, a in corpus.items():
        if a.published_override:
            dates[aid], basis[aid] = a.published_override, "front matter 'published'"
        elif a.page_date:
            dates[aid], basis[aid] = a.page_date, f"date line on the page: {a.page_date_line!r}"
        else:
            dates[aid], basis[aid] = None, "no date on the page; relative dates left unresolved"
    copies = copied_spans({aid: a.body for aid, a in corpus.items()}, dates)
    return _Anchors(dates, dict(dates), basis, set(), copies)


def _reestimate(aid: str, clashes: list[tuple[Located, DateRef]], anchors: _Anchors,
                corpus: dict[str, Article]) -> None:
    """Earliest publication day on which every clashing phrase agrees with its event."""
    article = corpus[aid]
    first = min(agreed.start for _, agreed in clashes)
    fits = []
    for offset in range(SEARCH_DAYS):
        day = first + timedelta(days=offset)
        if all((r := resolve(article.body[loc.date_span[0]:loc.date_span[1]], day)) and r.overlaps(agreed)
               for loc, agreed in clashes):
            fits.append(day)
        elif fits:
            break
    loc, agreed = clashes[0]
    phrase = article.body[loc.date_span[0]:loc.date_span[1]]
    was = resolve(phrase, anchors.dates[aid])
    reason = (f"page date {anchors.dates[aid]} contradicted: {phrase!r} would be {was.iso if was else '?'}, "
              f"but the event is dated {agreed.iso} by a date written out")
    anchors.contradicted.add(aid)
    if fits:
        anchors.dates[aid], anchors.latest[aid] = fits[0], fits[-1]
        anchors.basis[aid] = (f"{reason}; estimated as the earliest day consistent with it "
                              f"(consistent until {fits[-1]})")
    else:
        anchors.basis[aid] = f"{reason}; no publication date makes the phrase agree, page date kept"


def _event_dates(events: dict, anchors: _Anchors, corpus: dict[str, Article]):
    """Resolve and reconcile every event's mentions; return per-event results and clashes."""
    results, clashes = {}, {}
    for eid, locs in events.items():
        refs = [_resolve(loc, anchors, corpus) for loc in locs]
        dated = [i for i, r in enumerate(refs) if r is not None]
        agreed, disagree = reconcile([refs[i] for i in dated])
        disagree = {dated[i] for i in disagree}
        results[eid] = (refs, agreed, disagree)
        if agreed is None or agreed.relative:
            continue
        for i in disagree:
            if refs[i].relative:
                aid = locs[i].mention.article
                if corpus[aid].published_override is None and aid not in anchors.contradicted:
                    clashes.setdefault(aid, []).append((locs[i], agreed))
    return results, clashes


def _date_columns(prefix: str, ref: DateRef | None, undated: str) -> dict:
    if ref is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None,
                f"{prefix}_precision": None, f"{prefix}_basis": undated}
    return {prefix: ref.iso, f"{prefix}_start": ref.start, f"{prefix}_end": ref.end,
            f"{prefix}_precision": ref.precision, f"{prefix}_basis": ref.basis or "agreement of the mentions"}


def _quote_columns(loc: Located) -> dict:
    return {"quote": loc.mention.quote, "span_start": loc.span[0], "span_end": loc.span[1],
            "reviewed": True, "source": "annotation"}


def _frame(rows: list[dict], schema) -> pd.DataFrame:
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


def build_dataset(folder: Path) -> Dataset:
    folder = Path(folder)
    corpus = {a.id: a for a in load_corpus(folder)}
    notes: Annotations = load_annotations(folder)
    source = str(folder / "annotations.yaml")
    events = {e.id: [_locate(m, corpus, source) for m in e.evidence] for e in notes.events}
    labels = {e.id: e.label for e in notes.events}
    figures = [(f, _locate(f.mention, corpus, source)) for f in notes.figures]

    anchors = _initial_anchors(corpus)
    for _ in range(3):
        results, clashes = _event_dates(events, anchors, corpus)
        if not clashes:
            break
        for aid, items in clashes.items():
            _reestimate(aid, items, anchors, corpus)

    conflicts: list[dict] = []
    event_rows = []
    for eid, locs in events.items():
        refs, agreed, disagree = results[eid]
        for i, (loc, ref) in enumerate(zip(locs, refs)):
            aid = loc.mention.article
            anchor, anchor_basis = anchors.for_span(aid, loc.date_span or loc.span)
            if i in disagree:
                conflicts.append({"kind": "event dated differently", "article_id": aid, "subject": eid,
                                  "detail": f"{loc.mention.date_phrase!r} gives {ref.iso}; the event is {agreed.iso}"})
            event_rows.append({
                "ref": f"E{len(event_rows) + 1}", "event_id": eid, "label": labels[eid],
                **_date_columns("date", agreed, "no mention dates it"),
                "article_id": aid, **_quote_columns(loc),
                "date_phrase": loc.mention.date_phrase,
                "anchor": anchor if ref is not None and ref.relative else None,
                **_date_columns("mention_date", ref, "no dating phrase"
                                if loc.date_span is None else f"could not resolve against {anchor_basis}"),
                "consistent": i not in disagree,
            })

    figure_rows = []
    for note, loc in figures:
        ref = _resolve(loc, anchors, corpus)
        reported_by = anchors.dates[note.mention.article]
        figure_rows.append({
            "ref": f"F{len(figure_rows) + 1}", "article_id": note.mention.article, "value": note.value, "value_max": note.value_max,
            "qualifier": note.qualifier, "category": note.category, "what": note.what,
            "claimant": note.claimant, "stance": note.stance,
            **_date_columns("claim_date", ref, f"no dating phrase; reported by {reported_by}"),
            "date_phrase": note.mention.date_phrase, **_quote_columns(loc),
        })

    for aid in sorted(anchors.contradicted):
        conflicts.append({"kind": "page date contradicted", "article_id": aid, "subject": "published",
                          "detail": anchors.basis[aid]})

    article_rows = [{
        "id": a.id, "file": a.path.name, "sha256": a.sha256, "headline": a.headline,
        "headline_basis": a.headline_basis, "outlet": a.outlet, "agency": a.agency, "byline": a.byline,
        "dateline": a.dateline, "page_date": a.page_date, "published": anchors.dates[a.id],
        "published_latest": anchors.latest[a.id], "published_basis": anchors.basis[a.id],
        "page_date_contradicted": a.id in anchors.contradicted, "n_words": a.n_words,
        "chars_removed": sum(len(r.text) for r in a.removals),
    } for a in corpus.values()]

    return Dataset(
        articles=_frame(article_rows, ARTICLES),
        figures=_frame(figure_rows, FIGURES),
        events=_frame(event_rows, EVENTS),
        removals=pd.DataFrame(
            [{"article_id": a.id, "rule": r.rule, "n_chars": len(r.text), "text": r.text}
             for a in corpus.values() for r in a.removals],
            columns=["article_id", "rule", "n_chars", "text"]),
        conflicts=pd.DataFrame(conflicts, columns=["kind", "article_id", "subject", "detail"]),
        copies=pd.DataFrame([vars(c) for c in anchors.copies],
                            columns=["article_id", "start", "end", "source_id"]),
        corpus=corpus,
    )
