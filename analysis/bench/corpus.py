"""A deterministic, scaled corpus made from the seed articles, for benchmarks: each generated
article is a seed with its figures and dates shifted and its paragraphs reordered, so that
extraction meets realistic text at any size. Nothing generated is stored in the project."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

from analysis.ingest.folder import article_paths

_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")


def generate(seeds: Path, out: Path, n: int, seed: int = 20241024) -> list[Path]:
    """Write `n` articles to `out` (no annotations); the same arguments give the same files."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in article_paths(Path(seeds))]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        text = sources[i % len(sources)]
        lines = text.split("\n")
        head, body = lines[:3], lines[3:]
        if len(body) > 4 and rng.random() < 0.5:
            cut = rng.randrange(1, len(body) - 1)
            body = body[cut:] + body[:cut]
        day = date(2024, 6, 1) + timedelta(days=rng.randrange(0, 200))
        text = "\n".join([*head[:1], day.strftime("%A, %B %-d, %Y"), *head[1:], *body])
        text = _NUMBER.sub(lambda m: f"{int(m.group(0).replace(',', '')) + rng.randrange(0, 5) * 500:,}", text)
        path = out / f"gen_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
