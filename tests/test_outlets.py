"""The outlet of an article from the places a page credits one: a grammar of credit positions,
tried on invented outlets so that no rule is fitted to a real one."""

import time

import pytest

from analysis.build import params
from analysis.ingest.article import load_article
from analysis.ingest.datelines import find_dateline
from analysis.ingest.outlets import Outlet, credit_lines, find_outlet, looks_like_outlet, text_credits, web_domain
from analysis.sections.filters import apply_filters

from conftest import write_article

BODY = ("The long paragraph of the article's own text goes on about a treaty and what the parties said "
        "about it on several occasions over the weeks before the vote in the assembly.")


def outlet_of(*paragraphs: str, front: dict | None = None) -> Outlet:
    return find_outlet(list(paragraphs), front or {}, find_dateline(list(paragraphs)))


@pytest.mark.parametrize("paragraph, expected", [
    ("The treaty was signed, the Baltic Wire reported on Tuesday.", "Baltic Wire"),
    ("The treaty was signed, reported Nordic Daily Post, citing a decree.", "Nordic Daily Post"),
    ("Example.Net reports citing Other.Org that the treaty was signed.", "Example.Net"),
    ("The treaty was signed, BNA reports.", "BNA"),
    ("The Harbour Times could not independently verify the figures.", "Harbour Times"),
])
def test_a_credit_in_the_text_names_an_outlet_by_its_form(paragraph, expected):
    assert outlet_of(paragraph) == Outlet(expected, "credit in the text")


@pytest.mark.parametrize("paragraph", [
    "The treaty was signed, reported Kim, citing a decree.",  # a surname, not an outlet
    "Earlier, the Admiralty reported that troops had arrived.",  # an organisation, not an outlet
    "Ruritania's Defence Intelligence reported that troops had arrived.",
    "The ISB reported that troops had arrived.",  # an institution takes "the"; an outlet's acronym does not
    "Press Secretary Borin reported the figures.",  # a person behind a title, though "Press" is an outlet word
    "The figures were reported Tuesday, citing officials.",
    "Officials had reported Ruritania's losses.",
    "Nordpress reported the figures.",  # one ordinary word is as likely a surname: credited elsewhere or nothing
])
def test_people_and_institutions_are_not_outlets(paragraph):
    assert outlet_of(paragraph) == Outlet(None, "not found")


def test_a_single_word_counts_when_the_page_credits_it_elsewhere():
    """Seed 002's form: "reported Name," in the text and a credit line "Name -" opening copied text."""
    found = outlet_of("The pact is in force, reported Nordpress, citing a decree.", BODY, "Nordpress -", BODY)
    assert found == Outlet("Nordpress", "credit in the text")


def test_copy_carried_after_the_articles_own_text():
    """The article's own outlet is unknown; it is named by the copy it carries."""
    assert outlet_of(BODY, "Nordpress -", "Russia said on Tuesday that the treaty stands.") == \
        Outlet("via Nordpress", "copy it carries")
    assert credit_lines([BODY, "(Nordpress) — The treaty stands."]) == (None, "Nordpress")


@pytest.mark.parametrize("paragraph, expected", [
    ("(Nordpress) — The treaty stands, officials said.", "Nordpress"),
    ("Nordpress -", "Nordpress"),
    ("Baltic Wire — The treaty stands, officials said.", "Baltic Wire"),
])
def test_a_credit_line_that_opens_the_article(paragraph, expected):
    assert outlet_of(paragraph, BODY) == Outlet(expected, "credit line")


@pytest.mark.parametrize("paragraph", [
    "LONDON — The treaty stands, officials said.",  # a dateline's place
    "Ivan Borin — the leader — said the treaty stands.",
    "Sunday - 14:13",
])
def test_places_people_and_times_before_a_dash_are_no_credit(paragraph):
    assert outlet_of(paragraph, BODY).name is None


def test_order_of_trust():
    dated = "VALLETTA, May 3 (Nordpress) - The treaty stands, the Baltic Wire reported."
    assert outlet_of(dated) == Outlet("Nordpress", "dateline")  # the story's own credit before a third party's
    assert outlet_of("VALLETTA, May 3. /BNA/. The treaty stands.") == Outlet("BNA", "dateline")
    assert outlet_of(dated, front={"agency": "Harbour Agency"}) == Outlet("Harbour Agency", "front matter (agency)")
    assert outlet_of(dated, front={"outlet": "Example News", "agency": "X"}) == Outlet("Example News", "front matter")
    assert outlet_of(BODY, "Nordpress -", "Copy.", front={"url": "https://www.example.co.uk/a"}) == \
        Outlet("example.co.uk", "web address")


@pytest.mark.parametrize("url, domain", [
    ("https://www.example.com/world/a-story", "example.com"),
    ("http://news.example.org", "example.org"),
    ("https://m.example.co.uk/x?y=1", "example.co.uk"),
    ("example.net/x", "example.net"),
    ("not a url", None),
    (None, None),
])
def test_web_domain(url, domain):
    assert web_domain(url) == domain


def test_looks_like_outlet():
    assert looks_like_outlet("Nordic Broadcasting") and looks_like_outlet("KBA")
    assert not looks_like_outlet("KBA", definite=True) and not looks_like_outlet("Ivan Petrov")


def test_front_matter_agency_is_read(tmp_path):
    path = write_article(tmp_path, "a.md", "---\nagency: Harbour Agency\n---\nSome headline here\nJune 20, 2024\n"
                         "Text of the article.\n")
    article = load_article(path)
    assert (article.outlet, article.outlet_source, article.agency) == \
        ("Harbour Agency", "front matter (agency)", "Harbour Agency")


def test_seed_outlets(seeds_dataset):
    a = seeds_dataset.articles.set_index(seeds_dataset.articles["id"].str[:3])
    assert a.loc["002", ["outlet", "outlet_source"]].tolist() == ["Reuters", "credit in the text"]
    assert a.loc["003", ["outlet", "outlet_source"]].tolist() == ["Reuters", "dateline"]
    assert a.loc["004", "agency"] == "Reuters"  # agency stays the dateline's
    assert a.loc["000", "outlet_source"] == "not found"


def test_sources_filter_keeps_an_article_that_credits_the_outlet(seeds_dataset):
    known = params.known_names(seeds_dataset.articles, seeds_dataset.figures)
    params.check_names({"sources": ["Reuters"]}, known)
    kept = apply_filters(seeds_dataset, {"sources": ["Reuters"]})
    assert {i[:3] for i in kept.articles["id"]} == {"002", "003", "004"}


@pytest.mark.parametrize("line", [
    "a" * 1_000_000, "A" * 1_000_000, "Aa " * 333_333, "reported A" * 100_000, "Nordpress reported " * 50_000,
    "The Baltic Wire could not verify " * 30_000, "A-" * 500_000,
])
def test_a_page_without_punctuation_stays_fast(line):
    start = time.perf_counter()
    outlet_of(line)
    list(text_credits(line))
    assert time.perf_counter() - start < 5
