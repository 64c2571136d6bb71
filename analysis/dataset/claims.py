"""The claims table: one row per claim, however many articles repeat it. A claim was made once,
so the windows its mentions date it to all contain that moment: their intersection is the best
estimate, and it ends no later than the first report of it. Claims whose windows overlap cannot
be put in order, and the table says so instead of inventing an order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

TREATY_CATEGORIES = ("treaty_articles", "treaty_article", "un_charter_article")  # facts of the text: they stay in figures
KEY = ("claimant", "category", "subject", "stance", "value", "value_max")  # what makes two mentions one claim


@dataclass(frozen=True)
class Mention:
    """What the window of one figure row says: its days, precision, phrase and basis (None: undated)."""

    ref: str
    start: date | None
    end: date | None
    precision: str | None
    phrase: str | None
    basis: str | None


@dataclass(frozen=True)
class Window:
    start: date | None
    end: date | None
    precision: str | None
    phrase: str | None
    basis: str


def _day(value) -> date | None:
    """A table's date (Timestamp, NaT or None) as a day or None."""
    value = _none(value)
    return None if value is None else value.date()


def _width(m: Mention) -> int:
    return (m.end - m.start).days


def _narrowest(dated: list[Mention]) -> Mention:
    return min(dated, key=lambda m: (_width(m), _ref_number(m.ref)))


def best_window(mentions: list[Mention], first_published: date | None) -> Window:
    """Where the dated mentions' windows overlap; if they disagree, the narrowest of them (the refs
    column lists the mentions, so the basis does not: a claim may have thousands). Capped
    at the first report; with no dated mention (or none before the first report), only that bound."""
    dated = [m for m in mentions if m.start is not None and m.end is not None]
    if not dated:
        return _reported_by(first_published, "")
    start, end = max(m.start for m in dated), min(m.end for m in dated)
    best = _narrowest(dated)
    if len(dated) == 1:
        basis = f"one dated mention ({best.ref}): {best.basis}"
    elif start <= end:
        basis = f"where the windows of its {len(dated)} dated mentions overlap"
    else:
        start, end = best.start, best.end
        basis = f"its {len(dated)} dated mentions disagree; the narrowest window ({best.ref}): {best.basis}"
    if first_published is not None and end > first_published:
        if start > first_published:
            return _reported_by(first_published, f"; the mentions' window ({start}..{end}) is after it")
        end, basis = first_published, f"{basis}; capped at the first report, {first_published}"
    precision = "day" if start == end else best.precision
    return Window(start, end, precision, best.phrase, basis)


def _reported_by(first_published: date | None, note: str) -> Window:
    basis = f"reported by {first_published}" if first_published else "no date known"
    return Window(None, first_published, None, None, basis + note)


def _ref_number(ref: str) -> int:
    return int(ref[1:])


def _sort_key(row: dict) -> tuple:
    """By the "by" date, then the start (a known start before an unknown one: a dated claim before
    the undated ones reported by the same day), the first report, then the claim itself."""
    def day(v):  # None after every day
        return (v is None, v or date.min)

    def number(v):
        return (v is None, v or 0)

    return (day(row["said_end"]), day(row["said_start"]), day(row["first_published"]), number(row["value"]),
            row["claimant"] or "", row["category"], row["subject"] or "", row["stance"], number(row["value_max"]))


def uncertain_order(windows: list[tuple[date | None, date | None]]) -> list[bool]:
    """For each window (open ends None), whether it overlaps another one, so that the order
    between them is unknown; two windows of the same single day are not uncertain. Sorted by
    start and swept: a window overlaps an earlier-starting one iff the largest end so far reaches
    it, and a later-starting one iff the next start does."""
    blocks: dict[tuple[date, date, int], list[int]] = {}  # identical single days share a block
    for i, (start, end) in enumerate(windows):
        single = start is not None and start == end
        blocks.setdefault((start or date.min, end or date.max, -1 if single else i), []).append(i)
    order = sorted(blocks)
    out = [False] * len(windows)
    reach = None
    for k, block in enumerate(order):
        lo, hi, _ = block
        overlaps = (reach is not None and reach >= lo) or (k + 1 < len(order) and order[k + 1][0] <= hi)
        for i in blocks[block]:
            out[i] = overlaps
        reach = hi if reach is None else max(reach, hi)
    return out


def _mention(r) -> Mention:
    return Mention(r.ref, _day(r.claim_date_start), _day(r.claim_date_end), _none(r.claim_date_precision),
                   _none(r.date_phrase), _none(r.claim_date_basis))


def _none(value):
    """pandas' missing values (NA, NaN, NaT) as None."""
    import pandas as pd

    return None if pd.isna(value) else value


def _claim(group, published: dict[str, date | None], story: dict[str, str]) -> dict:
    """One claim from its mentions (figure rows in ref order)."""
    first_row = group[0]
    reports = sorted(group, key=lambda r: (published.get(r.article_id) is None, published.get(r.article_id) or date.min,
                                           _ref_number(r.ref)))
    first_article = reports[0].article_id
    first_published = published.get(first_article)
    window = best_window([_mention(r) for r in group], first_published)
    return {
        **{k: _none(getattr(first_row, k)) for k in KEY},
        "qualifier": _none(first_row.qualifier), "what": first_row.what,
        "said_start": window.start, "said_end": window.end, "said_precision": window.precision,
        "said_phrase": window.phrase, "said_basis": window.basis,
        "first_article": first_article, "first_published": first_published,
        "n_articles": len({r.article_id for r in group}),
        "n_stories": len({story.get(r.article_id, r.article_id) for r in group}), "n_mentions": len(group),
        "refs": " ".join(r.ref for r in group),
    }


def claims_table(figures: pd.DataFrame, articles: pd.DataFrame) -> list[dict]:
    """One row per claim of the figures (all but the treaty's facts), sorted by when it was made
    as far as that is known, with its claim_id and whether its place in that order is uncertain.
    Works on any selection of figures and articles (a filtered report recomputes it)."""
    published = {aid: _day(day) for aid, day in zip(articles["id"], articles["published"])}
    story = dict(zip(articles["id"], articles["story"])) if "story" in articles else {}  # copies count once
    rows = figures[~figures["category"].isin(TREATY_CATEGORIES)]
    groups: dict[tuple, list] = {}
    for r in sorted(rows.itertuples(index=False), key=lambda r: _ref_number(r.ref)):
        groups.setdefault(tuple(_none(getattr(r, k)) for k in KEY), []).append(r)
    claims = sorted((_claim(g, published, story) for g in groups.values()), key=_sort_key)
    # A claim no mention dates is known only to precede its first report ("by" that day): it is
    # placed there, and its order against the dated claims is not flagged, only its date is vague.
    dated = [i for i, c in enumerate(claims) if c["said_start"] is not None]
    uncertain = [False] * len(claims)
    for i, flag in zip(dated, uncertain_order([(claims[i]["said_start"], claims[i]["said_end"]) for i in dated])):
        uncertain[i] = flag
    return [{"claim_id": f"C{i}", **c, "order_uncertain": u} for i, (c, u) in enumerate(zip(claims, uncertain), 1)]
