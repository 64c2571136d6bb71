"""Dates are checked, not trusted. Each article's anchor (the date its relative phrases are read
against) starts as the date the page gives (ingest.published: front matter, date lines, url,
dateline), or a yearless dateline with the corpus's year; a passage copied from an earlier
article is read against that article's date. An article with neither is read against the
latest day it writes in full, a bound on its date good for a year ("on 9 January", "last
year") but not for a day ("on Monday"); its publication date stays unknown. Each phrase is read in the tense of its clause,
and "the next day" and its kind count from the passage's own date when it gives one. The
mentions of one event are reconciled: a date written out ("24 October") outweighs a relative
one ("on Thursday"). Where a relative phrase cannot be true with the page date, the page date
is contradicted and the publication date is re-estimated as the earliest day on which every
such phrase agrees with the event."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Callable

from analysis.dataset.phrases import Passage, Phrase
from analysis.dataset.rows import Row
from analysis.extract.date_tense import tense_at
from analysis.extract.date_text import LOOKBACK_SENTENCES, SENTENCE_RELATIVE
from analysis.extract.date_windows import DateRef
from analysis.extract.dates import resolve
from analysis.extract.reuse import CopiedSpan
from analysis.extract.sentences import phrases_by_sentence, sentences
from analysis.ingest.article import Article

SEARCH_DAYS = 62  # how far after an event a contradicted article may have been published
YEAR_DAYS = 365
FALLBACK = "no date of"  # how the basis of an undated article's fallback anchor begins


def reconcile(refs: list[DateRef]) -> tuple[DateRef | None, list[int]]:
    """One date for an event from its mentions, and the indexes of mentions that disagree.

    Dates written out are taken first, narrowest first, then relative ones; a year or wider
    written alone ("the 2000 treaty") comes last, too coarse to overrule a relative date (and so
    to contradict a page date). A mention joins the agreement when its window overlaps it, and
    narrows it."""
    def rank(i: int) -> tuple[int, timedelta]:
        width = refs[i].end - refs[i].start
        return (1 if refs[i].relative else 2 if width.days >= YEAR_DAYS - 1 else 0), width

    order = sorted(range(len(refs)), key=rank)
    agreed: DateRef | None = None
    disagree: list[int] = []
    for i in order:
        if agreed is None:
            agreed = refs[i]
        elif agreed.overlaps(refs[i]):
            agreed = agreed.intersect(refs[i])
        else:
            disagree.append(i)
    return agreed, sorted(disagree)


@dataclass
class Anchors:
    """Each article's current best date and why, and which passages were copied from where."""

    dates: dict[str, date | None]
    latest: dict[str, date | None]
    basis: dict[str, str]
    contradicted: set[str]
    copies: list[CopiedSpan]

    appended: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # An undated article's dates are read against the latest day it writes in full (see latest_written_day).
    fallback: dict[str, tuple[date, str]] = field(default_factory=dict)

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
        if self.dates[article_id] is None and article_id in self.fallback:
            return self.fallback[article_id]
        return self.dates[article_id], f"date of {article_id}"


def _dateline_date(article: Article, middle: date | None) -> tuple[date | None, str]:
    """A dateline's day and month whose year the page does not give ("MOSCOW, October 24.
    /TASS/."). The year is the one that puts it nearest the other articles' dates (the corpus
    covers one story; `middle`: their median); alone in its folder, the latest year the text mentions."""
    if article.publication.month_day is None:
        return None, ""
    month, day = article.publication.month_day
    when = f"{day} {calendar.month_name[month]}"
    if middle is not None:
        candidates = [resolve(f"{when} {y}", None) for y in (middle.year - 1, middle.year, middle.year + 1)]
        candidates = [c for c in candidates if c is not None]
        if candidates:
            best = min(candidates, key=lambda c: abs((c.start - middle).days))
            return best.start, f"dateline {article.dateline!r}, year {best.start.year} from the other articles' dates"
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", article.body)]
    ref = resolve(f"{when} {max(years)}", None) if years else None
    if ref is None:
        return None, ""
    return ref.start, f"dateline {article.dateline!r}, year {max(years)} = the latest year the text mentions"


def latest_written_day(body: str) -> date | None:
    """The latest day an article writes in full, year included, outside a future-tense clause: an
    article is not older than what it reports, and a text without a date of its own is read
    against it ("captured on 9 January" after "Saturday, 11 January 2025"); None without one."""
    days = []
    for s, phrases in zip(sentences(body), phrases_by_sentence(body)):
        for p in phrases:
            ref = resolve(p.text, None)
            if ref is not None and ref.precision == "day" and tense_at(s.text, p.start - s.start,
                                                                        p.end - s.start) != "future":
                days.append(ref.start)
    return max(days, default=None)


def initial_anchors(corpus: dict[str, Article], appended: dict[str, list[tuple[int, int]]],
                    find_copies: Callable[[dict[str, date | None]], list[CopiedSpan]]) -> Anchors:
    """Each article's first anchor; `find_copies(dates)` gives the passages copied from articles
    dated earlier (`analysis.dataset.shingles.copied_spans`)."""
    dates, basis = {}, {}
    known = sorted(a.publication.day for a in corpus.values() if a.publication.day)
    middle = known[len(known) // 2] if known else None  # once: sorted for each undated article, it was quadratic
    for aid, a in corpus.items():
        if a.publication.day:
            dates[aid], basis[aid] = a.publication.day, a.publication.basis
        else:
            dates[aid], basis[aid] = _dateline_date(a, middle)
            if dates[aid] is None:
                basis[aid] = "no date on the page or in a dateline; relative dates left unresolved"
    copies = find_copies(dates)
    fallback = {aid: (day, f"{FALLBACK} {aid}: the latest day it writes in full, {day}")
                for aid, a in corpus.items() if dates[aid] is None and (day := latest_written_day(a.body))}
    return Anchors(dates, dict(dates), basis, set(), copies, appended, fallback)


def phrase_of(row: Row) -> str | None:
    """The words that date the row, as they stand in its article."""
    return row.reading.text if row.reading else None


def _own_date(phrase: Phrase, passage: Passage, dates: list[DateRef | None]) -> DateRef | None:
    """The date a passage gives itself before the phrase: the last day-precise date earlier in its
    sentence or in the few sentences before ("the Duma voted on 24 October; the Federation Council
    followed the next day"). `dates`: those of the passage's phrases before this one."""
    first = max(phrase.sentence - LOOKBACK_SENTENCES, 0)
    for k in range(bisect_left(passage.starts, phrase.start) - 1, -1, -1):
        earlier = passage.phrases[k]
        if earlier.sentence < first:
            break
        if not earlier.background and dates[k] is not None and dates[k].precision == "day":
            return dates[k]
    return None


def _passage_dates(passage: Passage, anchor: date | None) -> list[DateRef | None]:
    """The dates of the passage's phrases, first to last, each counting from those before it
    ("... approved it the next day. He signed it the same day."): one pass, where reading each
    chain back from its end went as deep as the chain is long."""
    if passage.dates is None or passage.anchor != anchor:
        dates: list[DateRef | None] = []
        for p in passage.phrases:
            dates.append(_read(p, anchor, passage, dates))
        passage.anchor, passage.dates = anchor, dates
    return passage.dates


def _read(phrase: Phrase, anchor: date | None, passage: Passage | None, dates: list) -> DateRef | None:
    relative = SENTENCE_RELATIVE.search(phrase.text)
    if relative:
        own = _own_date(phrase, passage, dates) if passage is not None else None
        if own is not None:
            ref = resolve(phrase.text, own.start, phrase.tense)
            return replace(ref, basis=f"{ref.basis.split(',')[0]}, counted from {own.phrase!r} ({own.iso})",
                           relative=own.relative) if ref else None
        if relative["later"]:  # "two days later" than no day named: not after the day of publication
            return None
    return resolve(phrase.text, anchor, phrase.tense)


def resolve_phrase(phrase: Phrase, anchor: date | None) -> DateRef | None:
    """A phrase read against its anchor in the tense of its clause; "the next day" and its kind
    against the passage's own date when it has one."""
    passage = phrase.passage
    return _read(phrase, anchor, passage, _passage_dates(passage, anchor) if passage is not None else [])


def anchor_key(row: Row, anchors: Anchors) -> tuple[date | None, bool] | None:
    """All a row's date depends on besides its article's words: the day its phrase is read against,
    and whether that day is only the bound an undated text gives (None: no phrase dates the row)."""
    if row.date_span is None:
        return None
    anchor, basis = anchors.for_span(row.article, row.date_span)
    return anchor, basis.startswith(FALLBACK)


def resolve_at(row: Row, key: tuple[date | None, bool]) -> DateRef | None:
    anchor, fallback = key
    ref = resolve_phrase(row.reading, anchor)
    if ref is not None and fallback and ref.relative and ref.precision in ("day", "week"):
        return None  # the latest day a text writes is only a bound on its date: "on Monday" is not read against it
    return ref


def resolve_row(row: Row, anchors: Anchors) -> DateRef | None:
    key = anchor_key(row, anchors)
    return None if key is None else resolve_at(row, key)


def written_in(witness: Row | None, aid: str) -> str:
    """Where the date that outweighs a relative phrase is written: its words and its article."""
    if witness is None:
        return "a date written out"
    where = "the same article" if witness.article == aid else f"article {witness.article}"
    return f"{phrase_of(witness)!r}, written out in {where}"


def reestimate(aid: str, clashes: list[tuple[Row, DateRef, Row | None]], anchors: Anchors) -> None:
    """Earliest publication day on which every clashing phrase agrees with its event."""
    first = min(agreed.start for _, agreed, _ in clashes)
    fits = []
    for offset in range(SEARCH_DAYS):
        day = first + timedelta(days=offset)
        if all((r := resolve_phrase(row.reading, day)) and r.overlaps(agreed) for row, agreed, _ in clashes):
            fits.append(day)
        elif fits:
            break
    row, agreed, witness = clashes[0]
    was = resolve_phrase(row.reading, anchors.dates[aid])
    reason = (f"page date {anchors.dates[aid]} contradicted: {phrase_of(row)!r} would be "
              f"{was.iso if was else '?'}, but the event is dated {agreed.iso} by {written_in(witness, aid)}")
    anchors.contradicted.add(aid)
    if fits:
        anchors.dates[aid], anchors.latest[aid] = fits[0], fits[-1]
        anchors.basis[aid] = f"{reason}; estimated as the earliest day consistent with it (consistent until {fits[-1]})"
    else:
        anchors.basis[aid] = f"{reason}; no publication date makes the phrase agree, page date kept"
