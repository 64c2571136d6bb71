"""Tables of what the articles quote and copy, made once when the dataset is built so that the
report presents them without reading article text again: whom each article quotes, the words
each gives as a treaty article's text, and how much of an article is copied from an earlier one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract.reuse import CopiedSpan
from analysis.ingest.article import Article

if TYPE_CHECKING:
    import pandas as pd

# A quotation of at least 40 characters: a treaty article's wording, not a word in quotes.
QUOTED = re.compile(r"[\"“]([^\"“”]{40,})[\"”]")


def quoted_table(quoted: dict[str, list[str]], claimant_of: dict[str, str | None]) -> list[dict]:
    """One row per name an article quotes or cites, in the article's order (position 1, 2, ...),
    with the canonical claimant it stands for where it is one."""
    return [{"article_id": aid, "position": i, "name": name, "claimant": claimant_of.get(name)}
            for aid, names in quoted.items() for i, name in enumerate(names, 1)]


def quoted_wording(body: str, span: tuple[int, int]) -> str | None:
    """The quotation in the paragraph holding the span (a treaty article named before or after
    its wording), or None."""
    start = body.rfind("\n", 0, span[0]) + 1
    end = body.find("\n", span[1])
    found = QUOTED.search(body, start, len(body) if end < 0 else end)
    return found.group(1).strip(" ,.") if found else None


def renderings_table(figures: pd.DataFrame, corpus: dict[str, Article]) -> list[dict]:
    """The words each article quotes as a treaty article's text: one row per distinct wording of
    each article of the treaty, from its first mention in ref order."""
    rows, seen = [], set()
    named = figures[figures["category"] == "treaty_article"]
    for ref, aid, number, start, end in sorted(
            zip(named["ref"], named["article_id"], named["value"], named["span_start"], named["span_end"]),
            key=lambda r: int(r[0][1:])):
        text = quoted_wording(corpus[aid].body, (start, end))
        if text is not None and (number, text) not in seen:
            seen.add((number, text))
            rows.append({"article_id": aid, "ref": ref, "treaty_article": number, "text": text})
    return rows


def copy_table(copies: list[CopiedSpan], corpus: dict[str, Article]) -> list[dict]:
    """Each copied passage, with its length and its share of the copying article's body."""
    return [{**vars(c), "n_chars": c.end - c.start, "share": (c.end - c.start) / len(corpus[c.article_id].body)}
            for c in copies]
