"""A deterministic corpus generated from the seed articles, for benchmarks and tests at scale (a
thousand to a hundred thousand articles), shaped like a collected folder rather than five
articles copied thousands of times:

- an article on the story mixes 8 to 20 prose sentences of several seeds, in passages of one to
  four sentences kept in their seed's order (one passage a paragraph, the first from a seed's
  lead), with people's names, numbers, dates, weekdays, the outlet it credits and many words
  varied (analysis.bench.corpus_pool); its headline comes from a grammar or from its lead;
- it is credited by a dateline ("SEOUL, June 3 (Outlet) -"), by front matter (`outlet:`,
  `published:`) or only dated by a date line, so each of ingest's readings is used;
- a share of articles (`copy_share`) are syndicated copies of an earlier one: byte for byte, or
  under another outlet's front matter or another date line, the text the same;
- a share (`off_topic_share`) are pages about something else (analysis.bench.corpus_grammar).

The same arguments give the same bytes. Each article has a random.Random of its own, seeded by
the seed and its number: a copy drafts its original again (nothing is held in memory, so a
hundred thousand articles are written one after another), and the corpus of n articles is the
beginning of any larger one."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from analysis.bench import corpus_grammar as grammar
from analysis.bench.corpus_fill import Filler
from analysis.bench.corpus_grammar import outlet_name, person_name
from analysis.bench.corpus_pool import MONTH_NAMES, Pool, seed_pool
from analysis.bench.corpus_words import CITIES, SPELLINGS

COPY_SHARE = 0.1  # of the articles, syndicated copies of an earlier one
OFF_TOPIC_SHARE = 0.1  # of the articles, pages about something else
SENTENCES = (8, 20)  # drawn from the seeds for an article on the story, at least and at most
PASSAGE = (1, 4)  # sentences taken in a row from one seed, a paragraph
SOURCES = (3, 5)  # different seeds an article draws on
OWN_SENTENCES = (5, 10)  # of the outlet's own (corpus_grammar.OWN) in an article on the story
OFF_TOPIC_SENTENCES = (5, 9)
SHIFT_DAYS = (-45, 75)  # an article's dates move together by this many days from its latest seed's
COPY_DELAY_DAYS = (0, 2)  # a republished copy's date after its original's
SAME_BYTES = 0.5  # of copies, those saved byte for byte (the others under another site's credit or date line)
HEADLINE_FROM_LEAD = 0.3  # of articles on the story, those headed by their lead's first clause
BYLINE = 0.3  # of articles, those with a "By Name" line
HEADLINE_IN_FRONT = 0.3  # of articles with front matter, those that give their headline there
CITY_IN_CAPITALS = 0.75  # of datelines, those that write the city in capitals ("SEOUL"), not "Seoul"
# A date line as pages print them, each read by ingest.page_dates; the time is drawn.
DATE_LINES = ("%A, %B %-d, %Y", "[%B %-d, %Y]", "%Y-%m-%dT%H:%M:%SZ", "Published: %-d %B %Y - %H:%M",
              "Posted on %-d %b %Y %H:%M", "%B %-d, %Y", "Updated: %Y-%m-%d %H:%M")
STYLES = ("front matter", "dateline", "date line", "date line at the foot", "date line and dateline")


@dataclass(frozen=True)
class Planned:
    """What article number i is: on the story, a copy of an earlier article, or off the topic."""

    kind: str  # "story", "copy" or "off topic"
    original: int | None = None


@dataclass(frozen=True)
class Draft:
    """An article before it is written out: its text and how the page credits and dates it."""

    headline: str
    paragraphs: tuple[str, ...]
    day: date  # the story's, as its dateline gives it
    stamp: datetime  # the page's, as its front matter or date line gives it (a copy's is later)
    style: str
    outlet: str
    city: str
    line_format: str
    dateline_form: int  # 0: "SEOUL, June 3 (Outlet) -"; 1: "SEOUL, 3 June 2024 (Outlet) –"
    byline: str | None
    headline_in_front: bool
    site: str | None = None  # the site that republishes it, named in its own front matter


def plan(n: int, seed: int = 20241024, copy_share: float = COPY_SHARE,
         off_topic_share: float = OFF_TOPIC_SHARE) -> list[Planned]:
    """Each article's kind, drawn in order: the plan for n articles begins the plan for more. A
    copy's original is an earlier article on the story (the first article is always one)."""
    if min(copy_share, off_topic_share) < 0 or copy_share + off_topic_share > 1:
        raise ValueError("copy_share and off_topic_share must be shares (0 to 1) that add up to 1 at most")
    rng, stories, plans = random.Random(seed), [], []
    for i in range(n):
        draw = rng.random()
        if draw < copy_share and stories:
            plans.append(Planned("copy", rng.choice(stories)))
        elif copy_share <= draw < copy_share + off_topic_share:
            plans.append(Planned("off topic"))
        else:
            stories.append(i)
            plans.append(Planned("story"))
    return plans


def _article_rng(seed: int, i: int) -> random.Random:
    return random.Random(seed * 1_000_003 + i)


def _story(pool: Pool, rng: random.Random) -> tuple[list[list[int]], date]:
    """Passages of templates from several seeds, the first from a lead, and the latest seed's date."""
    target = rng.randint(*SENTENCES)
    chosen = rng.sample(range(len(pool.sources)), min(len(pool.sources), rng.randint(*SOURCES)))
    used: set[int] = set()
    passages: list[list[int]] = []
    latest = date.min
    for turn in range(4 * target):  # bounded: the chosen seeds may run out of unused sentences
        day, order = pool.sources[chosen[turn % len(chosen)]]
        start = 0 if turn == 0 else rng.randrange(len(order))
        passage = [t for t in order[start:start + rng.randint(*PASSAGE)] if t not in used][:target - len(used)]
        if passage:
            passages.append(passage)
            used.update(passage)
            latest = max(latest, day)
        if len(used) >= target:
            break
    return passages, latest


def _from_lead(lead: str) -> str | None:
    """A headline made of the lead's first clause, when it is of a headline's length."""
    words = re.split(r"[,.!?]\s|\sthat\s", re.sub(r"[\"“”‘]", "", lead), maxsplit=1)[0].split()
    return " ".join(words).rstrip(".") if 6 <= len(words) <= 14 else None


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    """Sentences grouped into paragraphs of one to three, in order."""
    cuts = sorted(rng.sample(range(1, len(sentences)), rng.randint(len(sentences) // 3, len(sentences) // 2)))
    return [" ".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)])]


def _on_story(pool: Pool, rng: random.Random, shift: timedelta, outlet: str) -> tuple[str, list[str], date]:
    """Headline, paragraphs and latest seed date of an article on the story: the seeds' passages,
    and the outlet's own sentences as paragraphs of their own, anywhere after the lead."""
    passages, latest = _story(pool, rng)
    filler = Filler(rng, shift, outlet_name(rng), rng.randrange(len(SPELLINGS[0])))
    paragraphs = [" ".join(filler.fill(pool.templates[t]) for t in passage) for passage in passages]
    slots = grammar.slots(rng, outlet)
    own = [grammar.expand(t, rng, slots).replace(",,", ",")  # a source ending in its comma before "that"
           for t in rng.choices(grammar.OWN, k=rng.randint(*OWN_SENTENCES))]
    for paragraph in _paragraphs(own, rng):
        paragraphs.insert(rng.randint(1, len(paragraphs)), paragraph)
    headline = _from_lead(paragraphs[0]) if rng.random() < HEADLINE_FROM_LEAD else None
    slots.update({k: (lambda v=v: rng.choice(v)) for k, v in grammar.HEADLINE_SLOTS.items()})
    return headline or grammar.expand(rng.choice(grammar.HEADLINES), rng, slots), paragraphs, latest


def _off_topic(pool: Pool, rng: random.Random, outlet: str) -> tuple[str, list[str], date]:
    """Headline, paragraphs and a seed's date for a page about something else."""
    slots = grammar.slots(rng, outlet)
    headlines, sentences = grammar.OFF_TOPIC[rng.choice(sorted(grammar.OFF_TOPIC))]
    picked = rng.sample(sentences, min(len(sentences), rng.randint(*OFF_TOPIC_SENTENCES)))
    paragraphs = _paragraphs([grammar.expand(t, rng, slots) for t in picked], rng)
    return grammar.expand(rng.choice(headlines), rng, slots), paragraphs, rng.choice(pool.sources)[0]


def _draft(pool: Pool, seed: int, i: int, kind: str) -> Draft:
    """Article number i, on the story or off it, with how its page will credit and date it."""
    rng = _article_rng(seed, i)
    shift = timedelta(days=rng.randint(*SHIFT_DAYS))
    outlet = outlet_name(rng)
    if kind == "story":
        headline, paragraphs, latest = _on_story(pool, rng, shift, outlet)
    else:
        headline, paragraphs, latest = _off_topic(pool, rng, outlet)
    day = latest + shift
    stamp = datetime(day.year, day.month, day.day, rng.randrange(6, 23), rng.randrange(60))
    city = rng.choice(CITIES)
    return Draft(headline=headline, paragraphs=tuple(paragraphs), day=day, stamp=stamp, style=rng.choice(STYLES),
                 outlet=outlet, city=city if rng.random() < CITY_IN_CAPITALS else city.title(),
                 line_format=rng.choice(DATE_LINES), dateline_form=rng.randrange(2),
                 byline=f"By {person_name(rng)}" if rng.random() < BYLINE else None,
                 headline_in_front=rng.random() < HEADLINE_IN_FRONT)


def _dateline(draft: Draft) -> str:
    """"SEOUL, June 3 (Outlet) - " or "SEOUL, 3 June 2024 (Outlet) – "; without a date beside a date line."""
    if draft.style == "date line and dateline":
        return f"{draft.city} ({draft.outlet}) — "
    month, day = MONTH_NAMES[draft.day.month], draft.day.day
    if draft.dateline_form:
        return f"{draft.city}, {day} {month} {draft.day.year} ({draft.outlet}) – "
    return f"{draft.city}, {month} {day} ({draft.outlet}) - "


def render(draft: Draft) -> str:
    """The article as a text file: front matter or not, headline, byline, date line, dateline, body."""
    head, top = [], []
    in_front = draft.style.startswith("front matter")
    if in_front:
        front = [f"outlet: {draft.site or draft.outlet}", f"published: {draft.stamp.date().isoformat()}"]
        front += [f"headline: {json.dumps(draft.headline, ensure_ascii=False)}"] if draft.headline_in_front else []
        head.append("---\n" + "\n".join(front) + "\n---")
    if not (in_front and draft.headline_in_front):
        top.append(draft.headline)
    top += [draft.byline] if draft.byline else []
    line = [draft.stamp.strftime(draft.line_format)] if draft.style.startswith("date line") else []
    foot = draft.style == "date line at the foot"
    first = draft.paragraphs[0]
    if "dateline" in draft.style:
        first = _dateline(draft) + first
    paragraphs = [*top, *([] if foot else line), first, *draft.paragraphs[1:], *(line if foot else [])]
    return "\n".join(head) + ("\n" if head else "") + "\n\n".join(paragraphs) + "\n"


def _republished(draft: Draft, rng: random.Random) -> Draft:
    """The same article as another site gives it: under its own front matter or its own date
    line, a day or two later; the text (and any dateline in it, the wire's) unchanged."""
    later = timedelta(days=rng.randint(*COPY_DELAY_DAYS))
    stamp = draft.stamp + later
    if draft.style.startswith("date line"):
        return replace(draft, stamp=stamp, line_format=rng.choice(DATE_LINES))
    style = "front matter" if draft.style == "front matter" else "front matter and dateline"
    return replace(draft, stamp=stamp, site=outlet_name(rng), style=style)


def _text(pool: Pool, seed: int, i: int, planned: Planned) -> str:
    if planned.kind != "copy":
        return render(_draft(pool, seed, i, planned.kind))
    original = _draft(pool, seed, planned.original, "story")
    rng = _article_rng(seed, i)
    return render(original) if rng.random() < SAME_BYTES else render(_republished(original, rng))


def generate(seeds: Path, out: Path, n: int, seed: int = 20241024, copy_share: float = COPY_SHARE,
             off_topic_share: float = OFF_TOPIC_SHARE) -> list[Path]:
    """Write `n` articles to `out` (no annotations) and return their paths in order; the same
    arguments give the same files."""
    pool = seed_pool(Path(seeds))
    out.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(n - 1)))
    paths = [out / f"gen_{i:0{width}d}.txt" for i in range(n)]
    for i, (planned, path) in enumerate(zip(plan(n, seed, copy_share, off_topic_share), paths)):
        path.write_text(_text(pool, seed, i, planned), encoding="utf-8")
    return paths
