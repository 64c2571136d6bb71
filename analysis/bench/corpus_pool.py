"""The seeds' prose sentences as templates for the generated corpus (analysis.bench.corpus):
literal text with slots for what coverage of one story varies from outlet to outlet: people's
names, numbers, dates and weekdays, the outlet credited, words with synonyms, house spellings.

Slots are found by general patterns, never by a list of the seeds' names: a capitalised run of
two or three words after a title ("spokesman", "President") or before ", of" is a person, and
the run's last word alone is that person later on; the agency of a seed's dateline or credit
line is an outlet. Sentences are parsed once; an article's `Filler` (corpus_fill) then walks
the pieces, so a generated article costs no pattern matching."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from analysis.bench.corpus_words import NOT_NAMES, SPELLINGS, SYNONYMS, TITLES
from analysis.extract.sentences import sentences
from analysis.ingest.article import load_article
from analysis.ingest.datelines import read_dateline
from analysis.ingest.folder import article_paths

MONTH_NAMES = tuple(calendar.month_name)  # "" first, so that MONTH_NAMES[6] is "June"
WEEKDAY_NAMES = tuple(calendar.day_name)  # Monday first, as date.weekday() counts
ASIDE_WORDS = 4  # an aside goes only between clauses of at least this many words
MIN_WORDS = 6  # a shorter line is a heading, a credit or a fragment of a quotation, not a sentence to mix
LOOK_AHEAD = timedelta(days=7)  # a month and day without a year are on or shortly before their article's date

_MONTH = "(?:" + "|".join(MONTH_NAMES[1:]) + ")"
_YEAR = r"(?:19|20)\d{2}"
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_RUN = rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}"
_PERSON = re.compile(rf"\b(?:(?:{'|'.join(TITLES)}) )+(?P<titled>{_RUN})\b|\b(?P<affiliated>{_RUN}), of\b")
_ENDS = re.compile(r"[.!?][\"”’')\]]*$")
_SYNONYM = {group[0].lower(): k for k, group in enumerate(SYNONYMS)}
_SPELLING = {form: k for k, pair in enumerate(SPELLINGS) for form in pair}


@dataclass(frozen=True)
class Pool:
    """The templates (tuples of literal strings and slot tuples) and, per dated seed, its date and
    its prose sentences' templates in order; a sentence two seeds share is one template."""

    templates: tuple[tuple, ...]
    sources: tuple[tuple[date, tuple[int, ...]], ...]
    people: tuple[str, ...]  # the seeds' people, by the names they are first given in full


def _is_prose(text: str) -> bool:
    """A whole sentence: long enough, not a heading in capitals, ended, its quotation marks closed."""
    first = re.search(r"[A-Za-z]", text)
    return (len(text.split()) >= MIN_WORDS and not text.isupper() and bool(first and first[0].isupper())
            and bool(_ENDS.search(text))
            and text.count('"') % 2 == 0 and text.count("“") == text.count("”"))


def _people(texts: list[str]) -> list[str]:
    """Each person's name as the texts first give it in full, in order of appearance."""
    found: dict[str, None] = {}
    for text in texts:
        for m in _PERSON.finditer(text):
            name = m["titled"] or m["affiliated"]
            if not set(name.split()) & NOT_NAMES:
                found.setdefault(name)
    return list(found)


def _alternation(words, group: str) -> str:
    return rf"\b(?P<{group}>" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b"


def _token_pattern(people: list[str], outlets: list[str]) -> re.Pattern:
    surnames = {name.split()[-1]: None for name in people if len(name.split()[-1]) >= 3}
    words = [group[0] for group in SYNONYMS] + [group[0].capitalize() for group in SYNONYMS]
    spellings = list(_SPELLING) + [w.capitalize() for w in _SPELLING]
    parts = [rf"\b(?P<mdy>{_MONTH} \d{{1,2}}, {_YEAR})\b", rf"\b(?P<dmy>\d{{1,2}} {_MONTH} {_YEAR})\b",
             rf"\b(?P<my>{_MONTH} {_YEAR})\b", rf"\b(?P<md>{_MONTH} \d{{1,2}})\b", rf"\b(?P<dm>\d{{1,2}} {_MONTH})\b",
             rf"\b(?P<m>{_MONTH})\b", rf"\b(?P<y>{_YEAR})\b", _alternation(WEEKDAY_NAMES, "weekday"),
             r"(?<![\d.,])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b(?![.,]\d)"]
    parts += [_alternation(people, "person")] if people else []
    parts += [_alternation(surnames, "surname")] if surnames else []
    parts += [_alternation(outlets, "outlet")] if outlets else []
    parts += [_alternation(words, "word"), _alternation(spellings, "spelling")]
    return re.compile("|".join(parts))


def _on_or_before(anchor: date, month: int, day: int) -> date | None:
    """The month and day in the anchor's year, or the year before when that falls after it."""
    for year in (anchor.year, anchor.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:  # 31 June; 29 February in a common year
            continue
        if found <= anchor + LOOK_AHEAD:
            return found
    return None


def _slot(m: re.Match, anchor: date, people: list[str]) -> tuple | str:
    """The slot a token of a seed sentence becomes, dated against the seed's own date."""
    kind, text = m.lastgroup, m.group(0)
    words = text.replace(",", "").split()
    if kind in ("mdy", "dmy", "my", "md", "dm", "m"):
        month = next(MONTH_NAMES.index(w) for w in words if w in MONTH_NAMES)
        digits = [int(w) for w in words if w.isdigit()]
        year = next((d for d in digits if d > 31), None)
        day = next((d for d in digits if d <= 31), 15)  # a month alone is its middle, shifted as a whole
        try:
            when = date(year, month, day) if year else _on_or_before(anchor, month, day)
        except ValueError:
            when = None
        return ("d", when, kind) if when else text
    if kind == "y":  # a year alone turns with its seed's date: "in 2024" written in November, read in January
        return ("d", date(int(text), anchor.month, min(anchor.day, 28)), kind)
    if kind == "weekday":
        return ("w", WEEKDAY_NAMES.index(text))
    if kind == "number":
        return ("#", text)
    if kind == "person":
        return ("p", people.index(text))
    if kind == "surname":
        return ("s", next(k for k, name in enumerate(people) if name.split()[-1] == text))
    if kind == "outlet":
        return ("o",)
    k = (_SYNONYM if kind == "word" else _SPELLING)[text.lower()]
    common = kind == "spelling" or SYNONYMS[k][0].islower()  # "pact", not "North Korea"
    return ("v" if kind == "word" else "b", k, m.start() == 0 or (common and text[0].isupper()))  # capitalised


def _aside_points(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where an aside ("according to X") may go: a comma between clauses (some words on either
    side before another comma, so not inside a list), outside quotation marks and tokens ("June 19,
    2024"); and the final full stop."""
    points, quoted = [], False
    for k, char in enumerate(text):
        quoted = (not quoted) if char == '"' else (True if char == "“" else (False if char == "”" else quoted))
        if (char == "," and text[k + 1:k + 2] == " " and not quoted and not any(a <= k < b for a, b in taken)
                and len(text[:k].rsplit(",", 1)[-1].split()) >= ASIDE_WORDS
                and len(text[k + 1:].split(",", 1)[0].split()) >= ASIDE_WORDS):
            points.append((k, k + 2))
    if text.endswith(".") and text[-2:-1] not in "\"”’'":
        points.append((len(text) - 1, len(text)))
    return points


def _template(text: str, pattern: re.Pattern, anchor: date, people: list[str]) -> tuple:
    """The sentence as literal pieces and slots; an aside point is the slot ("a", text it replaces)."""
    tokens = list(pattern.finditer(text))
    points = [(a, b, ("a", text[a:b])) for a, b in _aside_points(text, [m.span() for m in tokens])]
    pieces: list = []
    at = 0
    for start, end, slot in sorted([(m.start(), m.end(), m) for m in tokens] + points, key=lambda e: e[0]):
        pieces += [text[at:start], slot if isinstance(slot, tuple) else _slot(slot, anchor, people)]
        at = end
    pieces.append(text[at:])
    return tuple(p for p in pieces if p != "")


def seed_pool(seeds: Path) -> Pool:
    """The templates of every dated seed's prose sentences (a seed without a date cannot anchor
    its dates and is left out), each seed's dateline taken off its sentence."""
    read = []
    for path in article_paths(Path(seeds)):
        article = load_article(path)
        day = article.publication.day or article.page_date
        if day is None:
            continue
        texts = []
        for s in sentences(article.body):
            opens = s.start == 0 or article.body[s.start - 1] == "\n"  # a dateline opens a paragraph
            dateline = read_dateline(s.text) if opens else None
            text = s.text[len(dateline.text):].strip() if dateline else s.text
            if _is_prose(text):
                texts.append(text)
        outlets = [article.outlet] if article.outlet and article.outlet_source in ("dateline", "credit line") else []
        read.append((day, texts, outlets))
    people = _people([t for _, texts, _ in read for t in texts])
    outlets = sorted({o for _, _, found in read for o in found if re.fullmatch(r"[A-Z][\w .&'-]+", o)})
    pattern = _token_pattern(people, outlets)
    index: dict[str, int] = {}
    templates: list[tuple] = []
    sources = []
    for day, texts, _ in read:
        order = []
        for text in texts:
            key = " ".join(re.findall(r"\w+", text.lower()))
            if key not in index:
                index[key] = len(templates)
                templates.append(_template(text, pattern, day, people))
            if index[key] not in order:
                order.append(index[key])
        if order:
            sources.append((day, tuple(order)))
    if not sources:
        raise ValueError(f"{seeds}: no dated seed article with prose sentences to generate a corpus from")
    return Pool(tuple(templates), tuple(sources), tuple(people))
