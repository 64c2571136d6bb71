"""A saved web page (.html, .htm) read as an article: its main text by trafilatura, and what the
page says about itself from its own markup, each field with the place it came from.

In order of trust (the first found wins; the other dates go to the publication note):
- headline: JSON-LD `headline`, `og:title` (cut to the page's <h1> when og:title is the <h1>
  plus a site suffix), <h1>, <title>;
- outlet: JSON-LD publisher (or a JSON-LD Organization), the `publisher` meta tag, `og:site_name`,
  what the <title> adds to the headline ("Python Insider: <headline>"), else the domain of the
  page's address;
- url: the canonical link, `og:url`, JSON-LD `url`;
- published: JSON-LD `datePublished`, `article:published_time`, the first date line printed on the
  page ("Date 10.06.2013", "Friday, December 23, 2016"), htmldate's original date;
- updated: JSON-LD `dateModified`, `article:modified_time`, htmldate's latest date.

trafilatura's `deduplicate` is left off: its cache outlives one page, so the second of two saved
copies of a story would lose the paragraphs they share, and a page's text would depend on the order
the folder is read in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from analysis.common.errors import InputError
from analysis.ingest.outlets import web_domain
from analysis.ingest.page_dates import PAGE_YEARS, read_date_line
from analysis.ingest.published import Candidate

HTML_SUFFIXES = (".html", ".htm")
BOILERPLATE = "html boilerplate (approximate: visible page text outside the main text)"
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|article|title|meta)\b", re.I)
_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_BLOCKS = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 td th tr dd dt header footer section article aside nav "
                    "time blockquote figure figcaption table body form main".split())
_HIDDEN = frozenset("script style noscript template head".split())
_TITLE_SEPARATORS = " |:-–—·•"
MAX_DATE_LINE = 140  # a printed date line is short (page_dates.MAX_LABELLED_LINE)


@dataclass
class WebPage:
    """What one saved page gives: its main text and its metadata, each with its source."""

    text: str
    headline: str | None = None
    headline_basis: str = "not found"
    byline: str | None = None
    outlet: str | None = None
    outlet_source: str = "not found"
    url: str | None = None
    published: list[Candidate] = field(default_factory=list)
    updated: list[Candidate] = field(default_factory=list)
    removed: str = ""


def is_html(path: Path) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES


def _iso_day(value) -> date | None:
    """The calendar day a machine-readable timestamp is written for ("2020-01-19T12:25:36Z" is the 19th)."""
    m = _ISO_DAY.match(str(value or "").strip())
    if not m:
        return None
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return day if day.year in PAGE_YEARS else None


def _json_ld(tree) -> list[dict]:
    """The page's JSON-LD objects, @graph members included; a block that is not JSON is ignored."""
    found: list[dict] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                found.extend([g for g in item.get("@graph", []) if isinstance(g, dict)] or [item])
    return found


def _meta(tree) -> dict[str, str]:
    """The first value of each <meta> property or name, keys lower-cased ("og:title")."""
    found: dict[str, str] = {}
    for m in tree.iterfind(".//meta"):
        key, value = m.get("property") or m.get("name") or m.get("itemprop"), (m.get("content") or "").strip()
        if key and value:
            found.setdefault(key.strip().lower(), value)
    return found


def _text_of(tree, path: str) -> list[str]:
    return [" ".join(el.text_content().split()) for el in tree.iterfind(path)]


def _first(pairs) -> tuple[str | None, str]:
    return next(((str(value).strip(), basis) for value, basis in pairs if value and str(value).strip()), (None, "not found"))


def _ld_value(ld: list[dict], key: str):
    return next((item[key] for item in ld if item.get(key) and not isinstance(item[key], (list, dict))), None)


def _headline(ld: list[dict], meta: dict, tree) -> tuple[str | None, str]:
    h1s = [t for t in _text_of(tree, ".//h1") if t]
    og = meta.get("og:title")
    trimmed = next((h for h in h1s if og and og != h and og.startswith(h) and og[len(h):].strip()[:1] in "|-–—:"), None)
    titles = _text_of(tree, ".//title")
    return _first([(_ld_value(ld, "headline"), "page metadata (JSON-LD headline)"),
                   (trimmed, "page metadata (og:title, site suffix cut at the <h1>)"),
                   (og, "page metadata (og:title)"), (h1s[0] if h1s else None, "page <h1>"),
                   (titles[0] if titles else None, "page <title>")])


def _publisher(ld: list[dict]) -> str | None:
    for item in ld:
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and publisher.get("name"):
            return str(publisher["name"])
    return next((str(i["name"]) for i in ld if i.get("@type") in ("Organization", "NewsMediaOrganization")
                 and isinstance(i.get("name"), str)), None)


def _title_remainder(tree, headline: str | None) -> str | None:
    """What the <title> adds to the headline: the site's name ("Python Insider: <headline>")."""
    titles = _text_of(tree, ".//title")
    if not titles or not headline or headline not in titles[0]:
        return None
    rest = titles[0].replace(headline, "|").split("|")
    parts = [p.strip(_TITLE_SEPARATORS) for p in rest if p.strip(_TITLE_SEPARATORS)]
    return parts[0] if len(parts) == 1 else None


def _outlet(ld, meta, tree, headline, url) -> tuple[str | None, str]:
    publisher_tag = re.sub(r"\s*\([^()]*\.[a-z]{2,}\)$", "", meta.get("publisher", ""))  # "Name (www.name.com)"
    found = _first([(_publisher(ld), "page metadata (JSON-LD publisher)"),  # or the page's Organization
                    (None if publisher_tag.startswith("http") else publisher_tag, "page metadata (publisher tag)"),
                    (meta.get("og:site_name"), "page metadata (og:site_name)"),
                    (_title_remainder(tree, headline), "page <title>")])
    if found[0]:
        return found
    return (web_domain(url), "web address") if web_domain(url) else (None, "not found")


def _blocks(tree) -> list[str]:
    """The page's visible text as blocks (paragraphs, list items, cells), in document order, in one
    walk: each piece of text belongs to its nearest block element."""
    from lxml import etree

    stack: list[list[str]] = [[]]
    done: list[tuple[int, str]] = []
    hidden = 0
    order = 0
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            order += 1
            hidden += tag in _HIDDEN or not tag
            if tag in _BLOCKS:
                stack.append([f"{order}"])
            if not hidden and el.text and tag:
                stack[-1].append(el.text)
            continue
        if tag in _BLOCKS and len(stack) > 1:
            start, *parts = stack.pop()
            done.append((int(start), " ".join(" ".join(parts).split())))
        hidden -= tag in _HIDDEN or not tag
        if not hidden and el.tail:
            stack[-1].append(el.tail)
    done.append((0, " ".join(" ".join(stack[0]).split())))
    return [text for _, text in sorted(done) if text]


def _dates(ld, meta, blocks, tree, url) -> tuple[list[Candidate], list[Candidate]]:
    from htmldate import find_date

    published = [Candidate(source, day, f"{source}: {raw!r}") for source, raw in (
        ("page metadata (JSON-LD datePublished)", _ld_value(ld, "datePublished")),
        ("page metadata (article:published_time)",
         meta.get("article:published_time") or meta.get("og:article:published_time")))
        if (day := _iso_day(raw))]
    printed = next(((text, line) for text in blocks if len(text) <= MAX_DATE_LINE
                    and (line := read_date_line(text)) and (line.published or line.plain)), None)
    if printed:
        text, line = printed
        published.append(Candidate("date line printed on the page", line.published or line.plain,
                                   f"date line printed on the page: {text!r}"))
    original = _iso_day(find_date(tree, original_date=True, url=url))
    if original:
        published.append(Candidate("htmldate", original, "htmldate's original date of the page"))
    updated = [Candidate(source, day, f"{source}: {raw!r} (published on or before it)") for source, raw in (
        ("page metadata (JSON-LD dateModified)", _ld_value(ld, "dateModified")),
        ("page metadata (article:modified_time)",
         meta.get("article:modified_time") or meta.get("og:article:modified_time"))) if (day := _iso_day(raw))]
    latest = _iso_day(find_date(tree, original_date=False, url=url))
    if latest and latest != original:
        updated.append(Candidate("htmldate (latest)", latest, "htmldate's latest date of the page (published on or before it)"))
    return published, updated


def read_page(path: Path, data: bytes) -> WebPage:
    """The page's main text and metadata; an InputError naming the file when it is no web page
    or has no main text."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    if not data.strip():
        raise InputError(f"{path}: the file is empty; save the web page again or remove the file.")
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: this is a binary file, not a web page; remove it from the folder.")
    if not _MARKUP.search(data[:65536]):
        raise InputError(f"{path}: named .html but holds no HTML markup; if it is an article's text, "
                         "rename it to .txt.")
    tree = load_html(data)
    if tree is None:
        raise InputError(f"{path}: cannot be read as HTML.")
    ld, meta, blocks = _json_ld(tree), _meta(tree), _blocks(tree)
    canonical = [link.get("href") for link in tree.iterfind(".//link[@rel='canonical']") if link.get("href")]
    url = _first([(canonical[0] if canonical else None, "canonical"), (meta.get("og:url"), "og:url"),
                  (_ld_value(ld, "url"), "JSON-LD")])[0]
    headline, headline_basis = _headline(ld, meta, tree)
    outlet, outlet_source = _outlet(ld, meta, tree, headline, url)
    published, updated = _dates(ld, meta, blocks, tree, url)
    doc = bare_extraction(tree, url=url, with_metadata=True, favor_precision=True, include_comments=False,
                          include_tables=False, deduplicate=False)
    text = "\n".join(line.strip() for line in (getattr(doc, "text", None) or "").split("\n") if line.strip())
    if not text:
        raise InputError(f"{path}: no main text found in the web page (a front page, a list of links, "
                         "or a page that needs JavaScript to show its text?).")
    kept = set(text.split("\n"))
    removed = "\n".join(b for b in blocks if b not in kept)
    return WebPage(text=text, headline=headline, headline_basis=headline_basis, byline=getattr(doc, "author", None),
                   outlet=outlet, outlet_source=outlet_source, url=url, published=published, updated=updated,
                   removed=removed)
