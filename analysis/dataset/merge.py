"""Annotations meet extraction: a curated row confirms the extracted row it matches (and the
row becomes `reviewed`), corrects it, or adds what extraction missed."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from analysis.dataset.rows import Row, overlap
from analysis.extract.events import SINGULAR_KINDS


def _confirms(note: Row, auto: Row, is_event: bool) -> bool:
    if note.article != auto.article:
        return False
    if is_event:
        return overlap(note.date_span, auto.date_span)
    return (overlap(note.span, auto.span) and note.fields["value"] == auto.fields["value"]
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
        dated = note if note.date_span else auto
        rows.append(replace(note, date_span=dated.date_span, reading=dated.reading, source="extraction", kind=auto.kind))
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


def _count_key(row: Row) -> tuple:
    f = row.fields
    return row.article, f["value"], f["value_max"], f.get("subject") or f["category"]


def _dated(row: Row) -> bool:
    """Whether a row's claim has a date: a phrase, or the publication day it was made on."""
    return row.date_span is not None or bool(row.fields.get("said_on_publication"))


def dedupe_figures(rows: list[Row]) -> list[Row]:
    """Unreviewed repeats of one count of people in one article (headline and body) become one row
    per claimant, the dated one first; a repeat that names no claimant restates a named one. Two
    claimants giving the same number, or the same number of killed and of wounded, stay apart."""
    best: dict[tuple, Row] = {}
    kept: list[Row] = []
    for row in rows:
        f = row.fields
        if row.reviewed or f["value"] is None or f["category"] not in ("troops", "casualties"):
            kept.append(row)
            continue
        key = (*_count_key(row), f["claimant"])
        old = best.get(key)
        if old is None or _dated(row) > _dated(old):
            best[key] = row
    reviewed_keys = {_count_key(r) for r in kept if r.fields["value"] is not None}
    named = {key[:-1] for key in best if key[-1] is not None}
    return kept + [r for key, r in best.items()
                   if key[:-1] not in reviewed_keys and (key[-1] is not None or key[:-1] not in named)]
