"""Saved web pages as articles (issue 15): the seven real pages in ../shared/html-pages read as they
are, seed articles put into one of those pages' markup read like their text versions, and the
pages that are no article give a one-line error naming the file."""

import html
import json
import re
import shutil
from datetime import date

import pytest

from analysis.common.errors import InputError
from analysis.dataset.build import build_dataset
from analysis.ingest.article import load_article, load_corpus

from conftest import ROOT, SEEDS, write_article

PAGES = ROOT.parent / "shared" / "html-pages"
needs_pages = pytest.mark.skipif(not PAGES.is_dir(), reason=f"{PAGES} is absent (a clean clone has only the repo)")

# The README table of the pages: outlet and publication day. Where it says "(in the page)", the day is
# the one the page prints beside its headline (DW: "Date 19.01.2020"; the blog: "Friday, December 23, 2016").
REAL = {
    "reuters.com.parasite.html": ("'Parasite' scores historic upset at SAG awards, boosting Oscar chances",
                                  "Reuters", date(2020, 1, 19)),
    "theguardian.com.academics.html": ("Thousands of UK academics 'treated as second-class citizens'",
                                       "The Guardian", date(2020, 1, 20)),
    "dw.com.colonial.html": ("Berlin confronts Germany's colonial past with new initiative", "Deutsche Welle",
                             date(2020, 1, 19)),
    "dw.com.uncork.html": ("Uncork the mystery of Germany's Frühburgunder", "Deutsche Welle", date(2013, 6, 10)),
    "mercurynews.com.2023.01.16.letters-1119.html": (
        "Letters: Coddling criminals | Undermining road | Tax dollars | Recount cost | Predicting climate",
        "The Mercury News", date(2023, 1, 17)),
    "boingboing.net.millenials.html": ("Hating Millennials - the prejudice you're allowed to boast about",
                                       "Boing Boing", date(2013, 7, 19)),
    "blog.python.org.html": ("Python 3.6.0 is now available!", "Python Insider", date(2016, 12, 23)),
}
MARKUP = "reuters.com.parasite.html"  # the page whose markup carries the seeds' text
OLD_HEADLINE = "'Parasite' scores historic upset at SAG awards, boosting Oscar chances"


@needs_pages
@pytest.mark.parametrize("name", sorted(REAL))
def test_real_page_headline_outlet_and_date(name):
    headline, outlet, day = REAL[name]
    article = load_article(PAGES / name)
    assert (article.headline, article.outlet, article.publication.day) == (headline, outlet, day)
    assert article.outlet_source != "not found" and article.headline_basis.startswith("page")
    assert article.url and article.url.startswith("http")
    assert article.n_words > 100  # the main text, not a menu
    boilerplate = [r for r in article.removals if r.rule.startswith("html boilerplate")]
    assert len(boilerplate) == 1 and boilerplate[0].text  # what the reader left out is accounted for


@needs_pages
def test_real_pages_main_text_has_no_furniture():
    guardian = load_article(PAGES / "theguardian.com.academics.html")
    assert guardian.body.startswith("Thousands of academic staff at British universities")
    assert guardian.byline == "Richard Adams"
    reuters = load_article(PAGES / "reuters.com.parasite.html")
    assert reuters.agency == "Reuters" and reuters.dateline.startswith("LOS ANGELES (Reuters)")
    assert reuters.publication.updated == date(2020, 1, 20)  # dateModified
    assert "htmldate 2020-01-20" in reuters.publication.note


def seed_page(seed_text_article, day: date) -> str:
    """A seed's text in the Reuters page's markup: its headline in the title tags, its publication
    day in the page metadata, its paragraphs in place of the article's."""
    import lxml.html

    page = (PAGES / MARKUP).read_text(encoding="utf-8")
    headline = seed_text_article.headline
    page = page.replace(html.escape(OLD_HEADLINE), html.escape(headline))
    page = page.replace(OLD_HEADLINE, json.dumps(headline)[1:-1])
    page = re.sub(r"2020-01-(?:19|20)T\d\d:\d\d:\d\dZ", f"{day.isoformat()}T12:00:00Z", page)
    tree = lxml.html.fromstring(page)
    body = max(tree.iter("div"), key=lambda el: sum(child.tag == "p" for child in el))
    paragraphs = [child for child in body if child.tag == "p"]
    anchor = body.index(paragraphs[0])
    for p in paragraphs:
        body.remove(p)
    for k, text in enumerate(seed_text_article.body.split("\n\n")):
        p = lxml.html.Element("p")
        p.text = text
        body.insert(anchor + k, p)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


@pytest.fixture(scope="module")
def html_seeds(tmp_path_factory):
    """The seed folder with every article as a saved web page instead of text."""
    folder = tmp_path_factory.mktemp("html-seeds")
    shutil.copy(SEEDS / "annotations.yaml", folder)
    for article in load_corpus(SEEDS):
        (folder / f"{article.id}.html").write_text(seed_page(article, article.publication.day), encoding="utf-8")
    return folder


FIGURE_COLUMNS = ["article_id", "value", "value_max", "category", "claimant", "stance", "claim_date",
                  "claim_date_precision", "span_start", "span_end"]
EVENT_COLUMNS = ["article_id", "label", "date", "date_precision", "span_start", "span_end"]


@needs_pages
def test_seed_pages_read_as_their_text(html_seeds, seeds_dataset):
    text = {a.id: a for a in load_corpus(SEEDS)}
    for article in load_corpus(html_seeds):
        assert article.body == text[article.id].body
        assert article.headline == text[article.id].headline
        assert article.publication.day == text[article.id].publication.day
        assert article.publication.source == "page metadata (JSON-LD datePublished)"


@needs_pages
def test_seed_pages_give_the_figures_and_dates_of_the_text(html_seeds, seeds_dataset):
    ds = build_dataset(html_seeds)
    assert len(ds.figures) == len(seeds_dataset.figures) > 0
    pd_equal(ds.figures[FIGURE_COLUMNS], seeds_dataset.figures[FIGURE_COLUMNS])
    pd_equal(ds.events[EVENT_COLUMNS], seeds_dataset.events[EVENT_COLUMNS])
    assert list(ds.articles["published"]) == list(seeds_dataset.articles["published"])


def pd_equal(a, b):
    import pandas as pd

    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


@needs_pages
def test_mixed_folder_reads_text_and_pages(tmp_path):
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path)
    for name in ("dw.com.uncork.html", "blog.python.org.html"):
        shutil.copy(PAGES / name, tmp_path / name.replace(".html", ".htm" if "blog" in name else ".html"))
    corpus = {a.id: a for a in load_corpus(tmp_path)}
    assert len(corpus) == len(list(SEEDS.glob("*.txt"))) + 2
    assert corpus["blog.python.org"].outlet == "Python Insider"
    assert corpus["dw.com.uncork"].publication.day == date(2013, 6, 10)


def page(body: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{html.escape(s)}</p>" for s in [body] * 3)
    return (f"<!DOCTYPE html><html><head><title>A page</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Treaty in force</h1>{paragraphs}</article><footer>© Site</footer></body></html>")


PROSE = ("Officials said the agreement, signed in Pyongyang, commits both countries to immediate military "
         "assistance if either is attacked, and takes effect once both sides exchange ratification documents.")


def test_conflicting_dates_trust_json_ld_and_note_the_rest(tmp_path):
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-06-20T08:00:00Z",'
            ' "publisher": {"name": "Example Wire"}}</script>'
            '<meta property="article:published_time" content="2024-06-21T09:00:00+00:00">'
            '<meta property="article:modified_time" content="2024-06-22T09:00:00+00:00">'
            '<link rel="canonical" href="https://news.example.com/2024/06/19/treaty">')
    article = load_article(write_article(tmp_path, "conflict.html", page(PROSE, head)))
    pub = article.publication
    assert (pub.day, pub.source, pub.updated) == (date(2024, 6, 20), "page metadata (JSON-LD datePublished)",
                                                  date(2024, 6, 22))
    assert "article:published_time) 2024-06-21" in pub.note and "url 2024-06-19" in pub.note
    assert (article.outlet, article.outlet_source) == ("Example Wire", "page metadata (JSON-LD publisher)")
    assert article.url == "https://news.example.com/2024/06/19/treaty" and article.headline == "Treaty in force"


def test_page_without_metadata_falls_back_to_domain_and_printed_date(tmp_path):
    head = '<meta property="og:url" content="https://www.example.co.uk/world/treaty">'
    body = page(PROSE, head).replace("<article>", "<article><div>Friday, 21 June 2024</div>")
    article = load_article(write_article(tmp_path, "plain.htm", body))
    assert (article.outlet, article.outlet_source) == ("example.co.uk", "web address")
    assert (article.publication.day, article.publication.source) == (date(2024, 6, 21), "date line printed on the page")


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"   \n\t", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not a web page"),
    (b"Russia and North Korea signed a treaty.\n", "holds no HTML markup; if it is an article.s text, rename"),
    (b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
     "no article text"),  # trafilatura keeps the menu's "Home"; cleaning takes it out as page furniture
    (b"<html><head><title>Blank</title></head><body><div></div></body></html>", "no main text found in the web page"),
])
def test_pages_that_are_no_article_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        load_article(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_article_text_is_untrusted_markup_is_not_executed(tmp_path):
    evil = PROSE + " <script>alert(1)</script>"
    article = load_article(write_article(tmp_path, "evil.html", page(evil)))
    assert "<script>alert(1)</script>" in article.body  # kept as text; the report escapes it


@needs_pages
def test_bench_times_generated_html_pages(tmp_path):
    from analysis.bench.__main__ import html_extraction

    seconds, rate, peak = html_extraction(tmp_path, 7)
    assert seconds > 0 and rate > 0 and peak > 40
    assert len(list((tmp_path / "pages7").glob("*.html"))) == 7


def _sections(page: str) -> dict[str, str]:
    """The report's sections by heading id, as HTML."""
    starts = [(m.start(), m.group(1)) for m in re.finditer(r'<h2 id="([^"]+)"', page)] + [(len(page), "")]
    return {name: page[a:b] for (a, name), (b, _) in zip(starts, starts[1:])}


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/html-pages is not beside the project")
def test_seeds_with_unrelated_pages_and_copies_give_the_seeds_report(tmp_path):
    """A folder as users collect it: the seeds, the seven real pages about something else, three
    copies of one seed (one saved again as a web page, two as text) and the same article as .txt
    and .html. Every section reads as the seeds' own report; Data quality lists what was set aside,
    and the claims say how many copies repeated them."""
    from analysis.build.report import build_report

    mixed = tmp_path / "mixed"
    shutil.copytree(SEEDS, mixed)
    for path in PAGES.glob("*.html"):
        shutil.copy(path, mixed / path.name)
    original = next(a for a in load_corpus(SEEDS) if a.id.startswith("002"))
    (mixed / "copy-a.txt").write_bytes((SEEDS / f"{original.id}.txt").read_bytes())
    (mixed / "copy-b.txt").write_text((SEEDS / f"{original.id}.txt").read_text(encoding="utf-8").replace("\n", "\n\n"),
                                      encoding="utf-8")
    (mixed / f"{original.id}.html").write_text(seed_page(original, original.publication.day), encoding="utf-8")
    seeds_page, _ = build_report({"seeds_dir": str(SEEDS)}, tmp_path / "seeds-out")
    mixed_page, _ = build_report({"seeds_dir": str(mixed)}, tmp_path / "mixed-out")
    alone, collected = _sections(seeds_page.read_text(encoding="utf-8")), _sections(mixed_page.read_text(encoding="utf-8"))
    assert list(alone) == list(collected)

    def same(section: str) -> list[str]:
        """The section with quote references, which number every row of the collection, as "R", and
        the quote list's items in any order (the list follows that numbering)."""
        text = re.sub(r"\b[EF]\d+\b", "R", re.sub(r" \(and \d copies of it\)", "", section))
        items = re.findall(r"<li id=\"q-R\">.*?</li>", text)
        return [re.sub(r"<li id=\"q-R\">.*?</li>", "", text), *sorted(items)]

    for name in alone:
        if name not in ("Data-quality", "How-this-was-built"):
            assert same(collected[name]) == same(alone[name]), name
    assert "1 article (and 3 copies of it)" in collected["What-we-know,-and-who-says-so"]
    quality = collected["Data-quality"]
    assert "Set aside: 7 articles off the story's topic and 3 copies" in quality
    for title in ("Parasite", "Academics", "a copy of Reuters, 10 Nov 2024"):
        assert title.lower() in quality.lower(), title
