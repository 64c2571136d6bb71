"""Generated articles as saved web pages, for timing the HTML reader: each article's lines become
the paragraphs of a real page's article body (the pages in ../shared/html-pages, in turn), so the
reader meets the whole page around them: navigation, scripts, JSON-LD, related links. An article's
front matter is left out: on a web page, the markup says who published it and when."""

from __future__ import annotations

from pathlib import Path

from analysis.build.manifest import ROOT
from analysis.ingest.text import front_matter

SHARED_PAGES = ROOT.parent / "shared" / "html-pages"


def _main_block(tree):
    """The element that holds most of the page's paragraphs: the article body."""
    return max(tree.iter("div", "article", "section"), key=lambda el: sum(child.tag == "p" for child in el))


def as_pages(texts: list[Path], markups: list[Path], out: Path) -> list[Path]:
    """Each text file's lines as the paragraphs of the next markup page in turn, written to `out`."""
    import lxml.html

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i, text in enumerate(texts):
        tree = lxml.html.fromstring(markups[i % len(markups)].read_bytes())
        body = _main_block(tree)
        old = [child for child in body if child.tag == "p"]
        at = body.index(old[0]) if old else 0
        for p in old:
            body.remove(p)
        _, article = front_matter(text, text.read_text(encoding="utf-8"))  # the markup credits and dates the page
        for k, line in enumerate(t for t in article.split("\n") if t.strip()):
            p = lxml.html.Element("p")
            p.text = line
            body.insert(at + k, p)
        path = out / f"{text.stem}.html"
        path.write_bytes(lxml.html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>"))
        written.append(path)
    return written
