"""Events: mentions grouped into happenings (a treaty milestone that happens once is one event;
deployments or casualty reports are grouped by overlapping dates), each event dated by the
agreement of its mentions, and the mentions that disagree recorded as conflicts."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import count

from analysis.dataset.dating import Anchors, anchor_key, phrase_of, reconcile, resolve_at
from analysis.dataset.rows import Row
from analysis.dataset.tables import date_columns, quote_columns, undated
from analysis.extract.date_windows import DateRef
from analysis.extract.events import SINGULAR_KINDS
from analysis.ingest.article import Article

GROUPED_KINDS = {"troop-deployment", "casualty-report", "denial", "ratification", "fighting", "meeting", "movement",
                 "sanctions"}
CHAMBER_KINDS = {"lower-house-ratification", "upper-house-ratification"}


class Windows:
    """The open date windows of one repeated kind, sorted. A window is made only when a mention
    overlaps none, and windows only narrow, so they never overlap one another: the windows a
    mention overlaps are one run of the sorted list, found by bisection (a scan of every window
    for every mention grew with the square of the collection)."""

    def __init__(self) -> None:
        self.starts: list = []
        self.ends: list = []
        self.made: list[int] = []  # the order each window was made in: the earliest overlapping one is taken
        self.keys: list[str] = []

    def join(self, ref: DateRef, key_if_new: str) -> str:
        lo, hi = bisect_left(self.ends, ref.start), bisect_right(self.starts, ref.end)
        if lo == hi:
            self.starts.insert(lo, ref.start)
            self.ends.insert(lo, ref.end)
            self.made.insert(lo, len(self.made))
            self.keys.insert(lo, key_if_new)
            return key_if_new
        i = min(range(lo, hi), key=self.made.__getitem__)
        self.starts[i], self.ends[i] = max(self.starts[i], ref.start), min(self.ends[i], ref.end)
        return self.keys[i]


def _unused(base: str, taken: dict[str, list[int]]) -> str:
    """`base`, else `base:2`, `base:3`, ...: a window that narrowed past the day a new one opens on
    keeps its own id."""
    return next(key for n in count(1) if (key := base if n == 1 else f"{base}:{n}") not in taken)


def group(rows: list[Row], refs: list[DateRef | None]) -> dict[str, list[int]]:
    """Event ids for every row: annotated ids stay; a treaty milestone that happens once is one
    event; a repeated kind (deployments, casualty reports) is grouped by overlapping dates."""
    groups: dict[str, list[int]] = {}
    windows: dict[str, Windows] = {}
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
            key = _unused(f"{row.kind}:{refs[i].start.isoformat()}", groups)
            groups.setdefault(windows.setdefault(row.kind, Windows()).join(refs[i], key), []).append(i)
        else:
            groups.setdefault(f"{row.kind}:{row.article}:{(row.date_span or row.span)[0]}", []).append(i)
    return groups


@dataclass
class EventDates:
    """Mentions grouped into events: each mention's own date, each event's agreed date, the
    mentions that disagree with it, and per article the relative mentions that contradict a
    date written out (which make its page date suspect)."""

    groups: dict[str, list[int]]
    refs: list[DateRef | None]
    agreed_of: dict[str, DateRef | None]
    disagree: set[int]
    clashes: dict[str, list[tuple[Row, DateRef, Row | None]]]  # (mention, event date, the mention writing it out)
    keys: list[tuple | None]  # what each mention's date was read against (dating.anchor_key)


def event_dates(rows: list[Row], anchors: Anchors, corpus: dict[str, Article],
                before: EventDates | None = None) -> EventDates:
    """Resolve, group and reconcile the event mentions. Given the mentions' dates of an earlier
    round (`before`), a mention whose anchor has not changed since keeps its date: after page dates
    are re-estimated, only the mentions read against them are read again."""
    keys = [anchor_key(r, anchors) for r in rows]
    refs = [None if key is None else before.refs[i] if before is not None and before.keys[i] == key
            else resolve_at(r, key) for i, (r, key) in enumerate(zip(rows, keys))]
    groups = group(rows, refs)
    agreed_of: dict[str, DateRef | None] = {}
    disagree: set[int] = set()
    clashes: dict[str, list[tuple[Row, DateRef, Row | None]]] = {}
    for eid, members in groups.items():
        dated = [i for i in members if refs[i] is not None]
        agreed, bad = reconcile([refs[i] for i in dated])
        agreed_of[eid] = agreed
        bad_set = set(bad)
        written = [dated[j] for j in range(len(dated)) if j not in bad_set and not refs[dated[j]].relative]
        witness = rows[min(written, key=lambda i: refs[i].end - refs[i].start)] if written else None
        for j in bad:
            i = dated[j]
            disagree.add(i)
            row = rows[i]
            if (agreed is not None and not agreed.relative and refs[i].relative
                    and corpus[row.article].published_override is None and row.article not in anchors.contradicted):
                clashes.setdefault(row.article, []).append((row, agreed, witness))
    return EventDates(groups, refs, agreed_of, disagree, clashes, keys)


def event_or_not(row: Row) -> dict:
    """Whether a mention dates a real event (an annotation says so, or extraction found an event
    word on the story in the date's clause), and why."""
    if row.reviewed:
        return {"is_event": True, "reason": "confirmed by an annotation"}
    return {"is_event": row.kind not in (None, "other"), "reason": row.fields.get("reason", "")}


def event_table(event_rows: list[Row], dated: EventDates, anchors: Anchors) -> tuple[list[dict], list[dict]]:
    """One row per mention, with its event's agreed date and its own; and the conflicts."""
    conflicts: list[dict] = []
    table = []
    refs, agreed_of, disagree = dated.refs, dated.agreed_of, dated.disagree
    for eid, members in dated.groups.items():
        agreed = agreed_of[eid]
        label = next((event_rows[i].fields["label"] for i in members if event_rows[i].reviewed),
                     event_rows[members[0]].fields["label"])
        kind = next((event_rows[i].kind for i in members if event_rows[i].kind), None)
        reporting = {event_rows[i].article for i in members}
        first = min((anchors.dates[a] for a in reporting if anchors.dates[a]), default=None)
        for i in members:
            row, ref = event_rows[i], refs[i]
            if i in disagree:
                conflicts.append({"kind": "event dated differently", "article_id": row.article, "subject": eid,
                                  "detail": f"{phrase_of(row)!r} gives {ref.iso}; the event is {agreed.iso}"})
            table.append({
                "ref": f"E{len(table) + 1}", "event_id": eid, "label": label,
                **date_columns("date", agreed, "no mention dates it"),
                "article_id": row.article, **quote_columns(row),
                "date_phrase": phrase_of(row),
                "anchor": ref.anchor if ref is not None and ref.relative else None,
                **date_columns("mention_date", ref, undated(row, anchors)),
                "consistent": i not in disagree,
                "kind": kind, **event_or_not(row), "n_articles": len(reporting), "first_reported": first,
            })
    return table, conflicts
