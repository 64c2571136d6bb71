"""Separate an article's text from the web page around it.

Pages arrive as copied text: breadcrumbs, share buttons, "RELATED ARTICLES", a crypto price
ticker, photo captions, copyright notices. Each rule that removes something records what it
removed, so nothing leaves the body silently. Captions are kept apart, not thrown away.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from analysis.ingest.page_dates import parse_page_date

FURNITURE_LINES = {
    "related articles", "related", "most popular", "source link", "back to top button",
    "back to top", "send a link to a friend", "[to top of second column]", "|", "(more to come)",
    "advertisement", "share", "read more", "print", "email",
}
# Labels of a box of links to other stories: the headline-like lines under one are not this article.
LINK_BOX_LABELS = {"related articles", "related", "most popular", "read more", "more on this story", "see also",
                   "you may also like", "recommended", "related stories", "more stories"}
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
HEADLINE_CHARS = 160  # a line of a link box is a headline, not a paragraph
WIDGET = re.compile(r"^[^A-Za-z]*(?:px|pt|A)?[^A-Za-z]*$")  # "+ ↺ − 16 px", share counts, lone symbols
BREADCRUMB = re.compile(r"^Home(?=[A-Z])\S")
TICKER_PRICE = re.compile(r"^.{1,60}\([A-Z0-9]{2,10}\)\s*\$\s*[\d.,]+\s+-?[\d.]+%$")
TICKER_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CAPTION = re.compile(
    r"(^©\s*\w+\.?\s)|FILE PHOTO|\b(via|/)\s*REUTERS\.?$|\bKCNA via\b|^Photo\s*:|\b(AFP|AP|Reuters) Photo\b"
)
COPYRIGHT = re.compile(r"^\[?©|All rights reserved|may not be published, broadcast", re.I)
# Text that CAPTION or COPYRIGHT needs (lower-cased): most paragraphs have none and skip both scans.
PHOTO_OR_RIGHTS = ("©", "photo", "reuters", "kcna", "rights reserved", "may not be published")
CREDITS = re.compile(r"^\((Reporting|Writing|Editing|Additional reporting) by\b")


@dataclass
class Removal:
    """A piece of the page that is not article text, and the rule that took it out."""

    rule: str
    text: str


@dataclass
class CleanPage:
    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed column (print-style pages) needs its paragraphs rebuilt."""
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 10:
        return False
    width = statistics.quantiles(lengths, n=10)[-1]
    return 40 <= width <= 100 and sum(width - 15 <= n <= width + 2 for n in lengths) >= 0.6 * len(lengths)


def _reflow(lines: list[str]) -> list[str]:
    """Join wrapped lines: a paragraph ends at a blank line, or at a line clearly shorter
    than the wrap width (the last line of a paragraph, a heading, a byline)."""
    lengths = [len(line) for line in lines if line.strip()]
    width = statistics.quantiles(lengths, n=10)[-1]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if parse_page_date(text):
            if current:
                paragraphs.append(" ".join(current))
            paragraphs.append(text)
            current = []
            continue
        current.append(text)
        if len(line.rstrip()) < width * 0.8 or (text.isupper() and len(text.split()) > 1):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _drop_lines(lines: list[str], removals: list[Removal]) -> list[str]:
    """Line-level furniture: navigation, buttons and the price ticker."""
    kept: list[str] = []
    in_box = False  # under a label such as "Related articles", until a line reads as a sentence
    for i, line in enumerate(lines):
        text = line.strip()
        next_text = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if text.lower() in FURNITURE_LINES or text.lower() in LINK_BOX_LABELS:
            removals.append(Removal("page furniture", text))
            in_box = in_box or text.lower() in LINK_BOX_LABELS
        elif text and WIDGET.match(text) and not re.search(r"\d{4}", text):
            removals.append(Removal("page widget", text))
        elif BREADCRUMB.match(text):
            removals.append(Removal("breadcrumb", text))
        elif TICKER_PRICE.match(text) or (TICKER_SLUG.match(text) and TICKER_PRICE.match(next_text)):
            removals.append(Removal("price ticker", text))
        elif in_box and text and len(text) <= HEADLINE_CHARS and not SENTENCE_END.search(text):
            removals.append(Removal("related links", text))
        else:
            in_box = in_box and not text  # a blank line keeps the box open; a sentence ends it
            kept.append(line)
    return kept


def clean_page(raw: str) -> CleanPage:
    """Split raw page text into article paragraphs, captions and accounted removals."""
    removals: list[Removal] = []
    lines = _drop_lines(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), removals)
    if _is_hard_wrapped(lines):
        paragraphs = _reflow(lines)
    else:
        paragraphs = [re.sub(r"\s+", " ", line).strip() for line in lines if line.strip()]
    page = CleanPage(paragraphs=[], removals=removals)
    for paragraph in paragraphs:
        hinted = any(hint in paragraph.lower() for hint in PHOTO_OR_RIGHTS)
        if hinted and CAPTION.search(paragraph):
            page.captions.append(paragraph)
            page.removals.append(Removal("photo caption", paragraph))
        elif hinted and COPYRIGHT.search(paragraph):
            page.removals.append(Removal("copyright notice", paragraph))
        elif CREDITS.match(paragraph):
            page.removals.append(Removal("credits", paragraph))
        else:
            page.paragraphs.append(paragraph)
    return page
