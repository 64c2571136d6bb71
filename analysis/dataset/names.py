"""Articles named as a reader names them: outlet and date ("Reuters, 20 Jun 2024"; a window such as
"24–30 Oct 2024" where the text only bounds the date), or, when the outlet is unknown, the start of
the headline and the date ("“Russian parliament ratifies North
Korea…”, 24 Oct 2024"). Ids stay in the data; names are what a page shows. Names are unique in a
dataset: articles that would share one are told apart by the first words of their headlines
that differ, then (identical headlines) by a number in id order."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
HEADLINE_WORDS = 6   # a shortened headline keeps at most this many words
HEADLINE_CHARS = 40  # and about this many characters
_QUOTES = str.maketrans({"“": "‘", "”": "’", '"': "'"})  # a quote inside the name's own quotation marks


def day_text(value) -> str:
    """A publication date as "20 Jun 2024" (the same in every locale), or "undated"."""
    if value is None or pd.isna(value):
        return "undated"
    day = pd.Timestamp(value)
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def dates_text(first, last) -> str:
    """The publication date, or, when the text only bounds it, its window: "24–30 Oct 2024"."""
    if first is None or pd.isna(first) or last is None or pd.isna(last) or pd.Timestamp(last) <= pd.Timestamp(first):
        return day_text(first)
    a, b = pd.Timestamp(first), pd.Timestamp(last)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{day_text(b)}"
    return f"{a.day} {MONTH_ABBREVIATIONS[a.month - 1]}{' ' + str(a.year) if a.year != b.year else ''}–{day_text(b)}"


def headline_words(headline: str, n: int) -> str:
    """The first `n` words of a headline in quotation marks, with an ellipsis when cut."""
    words = str(headline).translate(_QUOTES).split()
    text = " ".join(words[:n])
    if n < len(words):
        text = text.rstrip(",;:–—-") + "…"
    return f"“{text}”"


def short_length(headline: str) -> int:
    """How many words of the headline a name keeps: at most HEADLINE_WORDS, and no more than
    fit in about HEADLINE_CHARS (one word at least)."""
    n, length = 0, -1
    for word in str(headline).split()[:HEADLINE_WORDS]:
        length += len(word) + 1
        if n and length > HEADLINE_CHARS:
            break
        n += 1
    return n


def _label(outlet, day: str, headline: str, n: int | None = None) -> str:
    """The name; `n` words of the headline are added to tell it from others (None: none needed)."""
    if outlet is None or pd.isna(outlet):
        return f"{headline_words(headline, max(n or 0, short_length(headline)))}, {day}"
    return f"{outlet}, {day}" if n is None else f"{outlet}, {day}: {headline_words(headline, n)}"


def _telling_apart(headlines: list[str], start: int) -> int:
    """The fewest words (at least `start`) at which the headlines' openings differ most: all
    differ, or no more words make any more differ."""
    words = [str(h).split() for h in headlines]
    longest = max(map(len, words))
    n = start
    while n < longest and len({tuple(w[:n]) for w in words}) < len(words):
        n += 1
    return n


def article_names(articles: pd.DataFrame) -> pd.Series:
    """Each article's name (see the module's docstring), indexed like `articles`; work is linear
    in the number of articles (articles are grouped by name, never compared in pairs)."""
    rows = list(zip(articles.index, articles["id"], articles["outlet"], articles["headline"],
                    map(dates_text, articles["published"], articles["published_latest"])))
    groups: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        groups[_label(row[2], row[4], row[3])].append(row)
    names: dict = {}
    for base, members in groups.items():
        if len(members) == 1:
            names[members[0][0]] = base
            continue
        unknown = pd.isna(members[0][2])
        n = _telling_apart([m[3] for m in members], 1 + max(short_length(m[3]) for m in members) if unknown else 1)
        for index, _, outlet, headline, day in members:
            names[index] = _label(outlet, day, headline, n)
    return pd.Series(_numbered(names, {index: aid for index, aid, *_ in rows}), dtype="string").reindex(
        articles.index)


def _numbered(names: dict, ids: dict) -> dict:
    """Names made unique by a number, in id order, where headlines could not tell them apart."""
    seen: set[str] = set()
    next_number: dict[str, int] = {}  # where each name's numbering goes on, so work stays linear
    out = {}
    for index in sorted(names, key=lambda i: str(ids[i])):
        base = names[index]
        k, name = next_number.get(base, 1), base
        while name in seen:
            k += 1
            name = f"{base} ({k})"
        next_number[base] = k
        seen.add(name)
        out[index] = name
    return out
