"""A deterministic, scaled corpus made from the seed articles, for benchmarks and tests of many
articles. Each generated article takes the headline of one seed and a body of paragraphs drawn
from all of them, in a new order, with its figures and its date shifted, and a paragraph of its own,
so that articles share passages as coverage of one story does without being copies of each other; one in COPY_EVERY is a
syndicated copy of an earlier generated article, as a wire story republished. Nothing generated
is stored in the project."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

from analysis.ingest.article import load_article
from analysis.ingest.folder import article_paths

_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
COPY_EVERY = 10  # one generated article in ten is a copy of an earlier one
PARAGRAPHS = (4, 8)  # paragraphs drawn from all the seeds for a generated article, at least and at most
PROSE_WORDS = 8  # a line of fewer words is a heading or page furniture, not a paragraph to mix
OWN_WORDS = 60  # words of the paragraph that only one generated article has


def _paragraphs(path: Path) -> tuple[str, list[str]]:
    """The seed's headline and its paragraphs of prose, as the reader cleans them (page furniture
    such as a price ticker is not mixed)."""
    article = load_article(path)
    return article.headline, [p for p in article.body.split("\n\n") if len(p.split()) >= PROSE_WORDS]


def _own_paragraph(rng: random.Random, vocabulary: list[str]) -> str:
    """A paragraph no other generated article has (words of the seeds in a random order, no
    number in it): real coverage is mostly an outlet's own text, and without it every article
    would share all its passages with many others."""
    return " ".join(rng.choices(vocabulary, k=OWN_WORDS)).capitalize() + "."


def generate(seeds: Path, out: Path, n: int, seed: int = 20241024) -> list[Path]:
    """Write `n` articles to `out` (no annotations); the same arguments give the same files."""
    rng = random.Random(seed)
    sources = [_paragraphs(p) for p in article_paths(Path(seeds))]
    pool = [paragraph for _, body in sources for paragraph in body]
    vocabulary = sorted({w for paragraph in pool for w in paragraph.split() if w.isalpha() and w.islower()})
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for i in range(n):
        path = out / f"gen_{i:05d}.txt"
        if written and i % COPY_EVERY == COPY_EVERY - 1:
            path.write_bytes(rng.choice(written).read_bytes())  # a syndicated copy
            written.append(path)
            continue
        head, own = sources[i % len(sources)]
        body = rng.sample(own, min(len(own), 2)) + rng.sample(pool, rng.randint(*PARAGRAPHS))
        rng.shuffle(body)
        body.append(_own_paragraph(rng, vocabulary))
        day = date(2024, 6, 1) + timedelta(days=rng.randrange(0, 200))
        text = "\n\n".join([head, day.strftime("%A, %B %-d, %Y"), *body])
        text = _NUMBER.sub(lambda m: f"{int(m.group(0).replace(',', '')) + rng.randrange(0, 5) * 500:,}", text)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
