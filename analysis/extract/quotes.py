"""Find a verbatim quote in an article body, ignoring differences in white space.

Pages wrap lines and collapse paragraphs differently from the copy an annotator reads, so a
quote is matched on white-space-normalised text and its span mapped back to the body.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Collapse each run of white space to one space; keep each kept character's offset."""
    out: list[str] = []
    offsets: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group(0)[0].isspace():
            out.append(" ")
            offsets.append(m.start())
        else:
            out.append(m.group(0))
            offsets.extend(range(m.start(), m.end()))
    return "".join(out), offsets


def find_quote(body: str, quote: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The (start, end) span of the first occurrence of `quote` in body[start:end], or None."""
    end = len(body) if end is None else end
    haystack, offsets = _normalise_with_offsets(body[start:end])
    needle = _SPACE.sub(" ", quote).strip()
    if not needle:
        return None
    at = haystack.find(needle)
    if at < 0:
        return None
    last = at + len(needle) - 1
    return start + offsets[at], start + offsets[last] + 1


def find_phrase(body: str, phrase: str, start: int, end: int) -> tuple[int, int] | None:
    """A dating phrase inside a quote, matched without regard to case."""
    lowered = body[:end].lower()
    return find_quote(lowered, phrase.lower(), start, end)
