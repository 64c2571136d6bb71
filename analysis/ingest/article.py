"""One article file, read: its raw bytes' hash, the metadata the page shows (date line,
headline, byline, dateline), its clean body and an account of everything removed from it.
A folder holds any number of them; adding one needs no code change. A saved web page (.html)
is first reduced to its main text and markup metadata (ingest.html); the same cleaning, date
lines, datelines and outlet rules then apply to that text, and the markup's fields come first."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from analysis.common.errors import InputError
from analysis.ingest.cleaning import CleanPage, Removal, clean_page
from analysis.ingest.folder import article_id, article_paths, read_file
from analysis.ingest.datelines import find_dateline
from analysis.ingest.html import BOILERPLATE, WebPage, is_html, read_page
from analysis.ingest.outlets import Outlet, find_outlet
from analysis.ingest.page_dates import DateLine, read_date_line
from analysis.ingest.published import Publication, choose_publication
from analysis.ingest.text import decode, front_matter

BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+[\w.'’-]+){0,12}$")
HEADER_PARAGRAPHS = 6  # headline, subheading, byline, section label, share buttons, then the date line
DATE_PREFIX = re.compile(r"^\s*(date\s+\d{4}-\d{2}-\d{2})[ \t]+(?=\S)", re.I)


@dataclass
class Article:
    """One article as the page shows it; dates here are the page's, not yet checked."""

    id: str
    path: Path
    sha256: str
    body: str
    headline: str
    headline_basis: str
    page_date: date | None
    page_date_line: str | None
    published_override: date | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: str = "not found"
    byline: str | None = None
    dateline: str | None = None
    agency: str | None = None
    publication: Publication = field(default_factory=Publication)
    encoding: str = "utf-8"
    captions: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (kind, detail) of what reading repaired

    @property
    def n_words(self) -> int:
        return len(self.body.split())


def _take_metadata(page: CleanPage, headline: str | None = None) -> dict:
    """Pull the page's date lines, section label, byline and headline out of the paragraphs.
    The page date is the first date line's bare date, else its labelled one. A headline known
    already (a web page's) is taken out only where the text repeats it."""
    meta: dict = {"page_date": None, "page_date_line": None, "byline": None, "headline": None}
    paras = page.paragraphs
    top = min(HEADER_PARAGRAPHS, len(paras))
    candidates = list(range(top)) + list(range(max(top, len(paras) - 2), len(paras)))
    dated = [i for i in candidates if read_date_line(paras[i])]
    lines: list[tuple[str, DateLine]] = [(paras[i], read_date_line(paras[i])) for i in dated]
    meta["date_lines"] = lines
    if lines:
        meta["page_date_line"], meta["page_date"] = lines[0][0], lines[0][1].first
    page.removals.extend(Removal("date line (kept as the page date)", text) for text, _ in lines)
    for i in reversed(dated):
        paras.pop(i)
    for i, text in enumerate(paras[:3]):
        if BYLINE.match(text):
            meta["byline"] = text
            page.removals.append(Removal("byline (kept as byline)", paras.pop(i)))
            break
    else:  # "By Jane Doe | November 5, 2024" went out with the date line
        parts = [part.strip() for text, _ in lines for part in text.split("|")]
        meta["byline"] = next((part for part in parts if BYLINE.match(part)), None)
    while paras and len(paras[0].split()) <= 2 and not re.search(r"[.!?]$", paras[0]):
        page.removals.append(Removal("section label", paras.pop(0)))
    if headline is not None:
        if paras and " ".join(paras[0].split()) == " ".join(headline.split()):
            page.removals.append(Removal("headline (kept as headline)", paras.pop(0)))
    elif paras and 3 <= len(paras[0].split()) <= 30 and not paras[0].endswith("."):
        meta["headline"] = paras[0]
        page.removals.append(Removal("headline (kept as headline)", paras.pop(0)))
    return meta


def load_article(path: Path, data: bytes | None = None, aid: str | None = None) -> Article:
    """One article file; `data` and `aid` when the caller has read the bytes and knows the id
    (a file at a URL, read by a worker: see `ingest.sources`)."""
    data = read_file(path) if data is None else data
    web: WebPage | None = None
    if is_html(path):
        web = read_page(path, data)
        text, encoding, bad_bytes, front = web.text, "html", None, {}
    else:
        text, encoding, bad_bytes = decode(path, data)
        front, text = front_matter(path, text)
    # A stored copy may prefix the first line with its date ("date 2024-10-28 Ukrainian forces ...").
    text = DATE_PREFIX.sub(lambda m: m.group(1) + "\n", text, count=1)
    page = clean_page(text)
    meta = _take_metadata(page, web.headline if web else None)
    if web and web.removed:
        page.removals.insert(0, Removal(BOILERPLATE, web.removed))
    body = "\n\n".join(page.paragraphs)
    if not body.strip():
        raise InputError(f"{path}: no article text is left after removing page furniture.")
    headline, basis = meta["headline"], "headline line on the page"
    if web and web.headline:
        headline, basis = web.headline, web.headline_basis
    elif front.get("headline"):
        headline, basis = str(front["headline"]), "front matter"
    elif headline is None:
        headline, basis = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0][:160], "first sentence (no headline on the page)"
    dateline = find_dateline(page.paragraphs)
    url = web.url if web else front.get("url")
    if web and web.outlet:
        outlet = Outlet(web.outlet, web.outlet_source)
    else:
        outlet = find_outlet(page.paragraphs, front, dateline)
    publication = choose_publication(front.get("published"), meta["date_lines"], dateline, url,
                                     (web.published, web.updated) if web else ([], []))
    return Article(
        id=aid or article_id(path),
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        body=body,
        headline=headline,
        headline_basis=basis,
        page_date=meta["page_date"],
        page_date_line=meta["page_date_line"],
        published_override=front.get("published"),
        url=url,
        outlet=outlet.name,
        outlet_source=outlet.source,
        byline=(web.byline if web else None) or meta["byline"],
        dateline=dateline.text if dateline else None,
        agency=front.get("agency") or (dateline.agency if dateline else None),
        publication=publication,
        encoding=encoding,
        captions=page.captions,
        removals=page.removals,
        notes=[("bad bytes replaced", bad_bytes)] if bad_bytes else [],
    )


def load_corpus(folder: Path) -> list[Article]:
    """Every article file (.txt, .md, .html, .htm) in the folder, in file-name order."""
    return [load_article(p) for p in article_paths(Path(folder))]
