"""An article's publication date from the dates its page gives: labelled date lines, the url,
the dateline, and which of them wins. Every article here is invented."""

from datetime import date

import pandas as pd
import pytest

from analysis.dataset.build import build_dataset
from analysis.ingest.article import load_article
from analysis.ingest.datelines import find_dateline, read_dateline
from analysis.ingest.page_dates import DateLine, read_date_line, url_date
from analysis.ingest.published import choose_publication

from conftest import write_article

BODY = ("The two governments exchanged the ratified documents at a ceremony in the capital.\n\n"
        "Officials said the agreement would take effect at once.\n")


@pytest.mark.parametrize("line, expected", [
    ("Published December 23, 2024 | 11:39 PM", DateLine(published=date(2024, 12, 23))),
    ("Updated: 2024-11-05 02:31", DateLine(updated=date(2024, 11, 5))),
    ("10 November 2024 - 14:13", DateLine(plain=date(2024, 11, 10))),
    ("6 Nov 2024 11:36", DateLine(plain=date(2024, 11, 6))),
    ("November 5, 2024, 2:31 AM", DateLine(plain=date(2024, 11, 5))),
    ("05.11.2024 14:13", DateLine(plain=date(2024, 11, 5))),  # dotted dates are day first
    ("Posted on November 5, 2024 at 2:31 pm", DateLine(published=date(2024, 11, 5))),
    ("Last updated: 7 November 2024, 09:10 GMT", DateLine(updated=date(2024, 11, 7))),
    ("First published: 4 Nov 2024 | Last updated: 6 Nov 2024",
     DateLine(published=date(2024, 11, 4), updated=date(2024, 11, 6))),
    ("Updated 6 Nov 2024 · Published 4 Nov 2024", DateLine(published=date(2024, 11, 4), updated=date(2024, 11, 6))),
    ("Desk Report Published December 2, 2024", DateLine(published=date(2024, 12, 2))),
    ("By Jane Doe | November 5, 2024 | 3 min read", DateLine(plain=date(2024, 11, 5))),
    ("Maria Petrenko — Monday, 4 November 2024, 09:15", DateLine(plain=date(2024, 11, 4))),  # a byline, a dash, the date
    ("Jane Doe – 5 Nov 2024", DateLine(plain=date(2024, 11, 5))),
    ("By Jane Doe and John Roe — Nov 5, 2024", DateLine(plain=date(2024, 11, 5))),
    ("Jane Doe, Staff Writer — 5 November 2024", DateLine(plain=date(2024, 11, 5))),
    ("Kyiv • 5 Nov 2024", DateLine(plain=date(2024, 11, 5))),
])
def test_date_line_forms(line, expected):
    assert read_date_line(line) == expected


@pytest.mark.parametrize("line", [
    "The full text was published on June 20, 2024.",
    "Officials said it was updated in 2024 to cover troops.",
    "Updated 3 hours ago",
    "Published by the ministry",
    "Troops arrived — 5 November 2024",  # words before the dash that are no name
    "Kyiv and the troops — 5 November 2024",
])
def test_sentences_are_not_date_lines(line):
    assert read_date_line(line) is None


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/world/2024/06/20/pact-signed/", date(2024, 6, 20)),
    ("https://example.org/news/20241105/troops", date(2024, 11, 5)),
    ("https://example.org/story-2024-10-24-duma-vote", date(2024, 10, 24)),
    ("https://example.org/world/2024/06/pact", None),         # a month is not a day
    ("https://example.org/politics/1861381/amp", None),        # an id is not a date
    ("https://example.org/a/20241387/b", None),                # no month 13
    (None, None),
])
def test_url_dates(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize("paragraph, text, agency, when", [
    ("SEOUL, April 28 (Reuters) - Officials said on Monday.", "SEOUL, April 28 (Reuters) -", "Reuters", (None, 4, 28)),
    ("MOSCOW, October 24. /TASS/. The deputy minister said.", "MOSCOW, October 24. /TASS/.", "TASS", (None, 10, 24)),
    ("WASHINGTON (AP) — The Pentagon said.", "WASHINGTON (AP) —", "AP", None),
    ("Kyiv, 5 November 2024 – The ministry said.", "Kyiv, 5 November 2024 –", None, (2024, 11, 5)),
    ("MOSCOW. Nov 6 (Interfax) - The upper house voted.", "MOSCOW. Nov 6 (Interfax) -", "Interfax", (None, 11, 6)),
    ("PYONGYANG, Oct. 24 (KCNA) -- The leader said.", "PYONGYANG, Oct. 24 (KCNA) --", "KCNA", (None, 10, 24)),
    ("Seoul, South Korea, March 3 (AP) — Officials said.", "Seoul, South Korea, March 3 (AP) —", "AP", (None, 3, 3)),
    ("LONDON — Britain said.", "LONDON —", None, None),
])
def test_dateline_forms(paragraph, text, agency, when):
    found = read_dateline(paragraph)
    assert (found.text, found.agency) == (text, agency)
    assert ((found.year, found.month, found.day) if found.dated else None) == when


@pytest.mark.parametrize("paragraph", [
    "North Korea and Russia signed the pact.", "U.S. officials said on Monday that troops moved.",
    "Thursday, October 24 — the vote was held.", "October 24, 2024 — The Duma voted.", "BREAKING: troops moved.",
    "Rudenko, October 24. It was a long day.", "Putin — who signed it — said so.", "On October 24 (local time) - the vote.",
    "NATO. The alliance met.",
])
def test_sentences_are_not_datelines(paragraph):
    assert read_dateline(paragraph) is None


def test_a_dated_dateline_is_preferred_to_a_photo_credit_before_it():
    found = find_dateline(["KURSK, RUSSIA - AUGUST 12: A view of the town.", "A subheading without a full stop",
                           "MOSCOW, August 14 (Reuters) - The army said."])
    assert found.text == "MOSCOW, August 14 (Reuters) -"


PUBLISHED = ("Published November 5, 2024", DateLine(published=date(2024, 11, 5)))
PLAIN = ("Wednesday, November 6, 2024", DateLine(plain=date(2024, 11, 6)))
UPDATED = ("Updated: 2024-11-08 10:00", DateLine(updated=date(2024, 11, 8)))
URL = "https://example.org/2024/11/07/story"
TASS = read_dateline("MOSCOW, November 4. /TASS/. The ministry said.")


@pytest.mark.parametrize("front, lines, dateline, url, day, source", [
    (date(2024, 11, 1), [PUBLISHED, PLAIN], TASS, URL, date(2024, 11, 1), "front matter"),
    (None, [PLAIN, PUBLISHED, UPDATED], TASS, URL, date(2024, 11, 5), "published line"),
    (None, [PLAIN, UPDATED], TASS, URL, date(2024, 11, 6), "date line"),
    (None, [UPDATED], TASS, URL, date(2024, 11, 7), "url"),
    (None, [UPDATED], TASS, None, date(2024, 11, 4), "dateline"),  # year from the update line
    (None, [UPDATED], None, None, date(2024, 11, 8), "updated line"),
])
def test_order_of_trust(front, lines, dateline, url, day, source):
    chosen = choose_publication(front, lines, dateline, url)
    assert (chosen.day, chosen.source) == (day, source)


def test_the_note_names_the_losers_and_the_update_is_kept():
    chosen = choose_publication(None, [PLAIN, UPDATED], TASS, URL)
    assert chosen.note.startswith("date line 2024-11-06 chosen over url 2024-11-07, dateline 2024-11-04, "
                                  "updated line 2024-11-08")
    assert chosen.updated == date(2024, 11, 8)
    assert choose_publication(None, [PLAIN], None, None).note is None


def test_a_yearless_dateline_takes_the_year_that_puts_it_before_the_page_dates():
    new_year = read_dateline("TOKYO, December 30 (Kyodo) -- The ministry said.")
    chosen = choose_publication(None, [("Updated: 2025-01-02 08:00", DateLine(updated=date(2025, 1, 2)))], new_year, None)
    assert chosen.day == date(2024, 12, 30) and "year 2024 from the updated line" in chosen.basis


def test_a_yearless_dateline_alone_leaves_the_year_to_the_corpus():
    chosen = choose_publication(None, [], TASS, None)
    assert chosen.day is None and chosen.month_day == (11, 4)


def test_loaded_article_with_subheading_before_the_dateline(tmp_path):
    path = write_article(tmp_path, "a.txt", "Treaty takes effect, ministry says\n\nThe deputy minister also spoke of the "
                         "alliance\n\nMOSCOW, November 4. /TASS/. " + BODY)
    article = load_article(path)
    assert article.dateline == "MOSCOW, November 4. /TASS/." and article.agency == "TASS"
    assert article.publication.month_day == (11, 4)


def test_loaded_article_dates_from_lines_and_url(tmp_path):
    path = write_article(tmp_path, "b.md", "---\nurl: https://example.org/news/2024/11/07/treaty\n---\n"
                         "Treaty takes effect, ministry says\n\nFirst published: 5 Nov 2024 | Last updated: 8 Nov 2024\n\n"
                         "SEOUL, Nov. 5 (Yonhap) -- " + BODY)
    article = load_article(path)
    assert (article.publication.day, article.publication.source) == (date(2024, 11, 5), "published line")
    assert article.publication.updated == date(2024, 11, 8)
    assert "First published" not in article.body and article.body.startswith("SEOUL, Nov. 5 (Yonhap) --")


def test_dataset_records_source_note_and_update(tmp_path):
    write_article(tmp_path, "dated.txt", "Duma votes on the treaty\n\nThursday, November 7, 2024\n\n" + BODY)
    write_article(tmp_path, "wire.txt", "Treaty takes effect, ministry says\n\nMOSCOW, November 4. /TASS/. " + BODY)
    write_article(tmp_path, "url.md", "---\nurl: https://example.org/2024/11/06/treaty\n---\nTreaty story headline here\n\n"
                  "Updated: 2024-11-09 10:00\n\nKyiv, 5 November 2024 – " + BODY)
    a = build_dataset(tmp_path).articles.set_index("id")
    assert a.loc["wire", "published"] == pd.Timestamp("2024-11-04")
    assert a.loc["wire", "published_source"] == "dateline, year from the corpus"
    assert a.loc["url", "published"] == pd.Timestamp("2024-11-06") and a.loc["url", "published_source"] == "url"
    assert a.loc["url", "updated"] == pd.Timestamp("2024-11-09")
    assert "dateline 2024-11-05" in a.loc["url", "published_note"]
    assert a.loc["dated", "published_source"] == "date line" and pd.isna(a.loc["dated", "published_note"])


def test_a_byline_sharing_the_date_line_is_kept(tmp_path):
    article = load_article(write_article(tmp_path, "c.txt", "Treaty takes effect, ministry says\n\n"
                                         "By Jane Doe | November 5, 2024 | 3 min read\n\n" + BODY))
    assert article.byline == "By Jane Doe" and article.page_date == date(2024, 11, 5)


def test_a_date_line_below_the_page_header_is_found(tmp_path):
    article = load_article(write_article(tmp_path, "d.txt", "Treaty takes effect, ministry says\n\nThe deputy minister "
                                         "spoke of the alliance\n\nBy Jane Doe\n\nListen to this article\n\n5 min read\n\n"
                                         "Published November 5, 2024\n\n" + BODY))
    assert article.publication.day == date(2024, 11, 5) and "Published" not in article.body
