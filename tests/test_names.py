"""Articles named as a reader names them, unique in a dataset, in linear time."""

import time
from datetime import date

import pandas as pd
import pytest

from analysis.dataset.names import article_names, day_text, headline_words, short_length


def table(*rows) -> pd.DataFrame:
    """Articles of (id, outlet, headline, published[, published_latest]): a date the text does not
    bound later than it is published on that day."""
    rows = [row if len(row) == 5 else (*row, row[3]) for row in rows]
    return pd.DataFrame(rows, columns=["id", "outlet", "headline", "published", "published_latest"],
                        index=[10 + i for i in range(len(rows))])


def test_a_date_the_text_only_bounds_is_named_as_its_window():
    names = article_names(table(("a", "Nordpress", "Treaty", date(2024, 10, 24), date(2024, 10, 30)),
                                ("b", "Nordpress", "Pact", date(2024, 10, 28), date(2024, 11, 2)),
                                ("c", None, "Pact", date(2024, 12, 28), date(2025, 1, 2))))
    assert names.tolist() == ["Nordpress, 24–30 Oct 2024", "Nordpress, 28 Oct–2 Nov 2024", "“Pact”, 28 Dec 2024–2 Jan 2025"]


def test_outlet_and_date():
    names = article_names(table(("a", "Nordpress", "Treaty signed", date(2024, 6, 20)),
                                ("b", "Baltic Wire", "Treaty ratified", None)))
    assert names.tolist() == ["Nordpress, 20 Jun 2024", "Baltic Wire, undated"]
    assert names.index.tolist() == [10, 11]  # indexed like the articles


def test_unknown_outlet_is_named_by_the_headline():
    names = article_names(table(("a", None, "Russian parliament ratifies North Korea partnership treaty",
                                 pd.Timestamp("2024-10-24")),
                                ("b", pd.NA, "Treaty signed", pd.NaT)))
    assert names.tolist() == ["“Russian parliament ratifies North Korea…”, 24 Oct 2024",
                              "“Treaty signed”, undated"]


def test_headline_shortening():
    assert short_length("One two three four five six seven eight") == 6
    assert short_length("Extraordinarily-long-compound-headline-word-without-spaces-at-all and more") == 1
    assert headline_words("“Quoted”: the leader says so", 2) == "“‘Quoted’: the…”"
    assert headline_words("Leader speaks: treaty holds", 2) == "“Leader speaks…”"  # no colon before the ellipsis


def test_shared_names_are_told_apart_by_the_headline():
    names = article_names(table(
        ("a", "Nordpress", "Kremlin says treaty is clear", date(2024, 10, 15)),
        ("b", "Nordpress", "Kremlin denies troop reports", date(2024, 10, 15)),
        ("c", "Nordpress", "Duma votes", date(2024, 10, 16)),
    ))
    assert names.tolist() == ["Nordpress, 15 Oct 2024: “Kremlin says…”",
                              "Nordpress, 15 Oct 2024: “Kremlin denies…”", "Nordpress, 16 Oct 2024"]


def test_unknown_outlets_with_one_headline_start():
    start = "Russian parliament ratifies North Korea partnership treaty"
    names = article_names(table(("a", None, start + " on Thursday", date(2024, 10, 24)),
                                ("b", None, start + " after debate", date(2024, 10, 24))))
    assert names.tolist() == [f"“{start} on…”, 24 Oct 2024", f"“{start} after…”, 24 Oct 2024"]


def test_identical_headlines_are_numbered_in_id_order():
    names = article_names(table(("b", "Nordpress", "Same", date(2024, 1, 2)),
                                ("a", "Nordpress", "Same", date(2024, 1, 2)),
                                ("c", "Nordpress", "Same", date(2024, 1, 2))))
    assert names.tolist() == ["Nordpress, 2 Jan 2024: “Same” (2)", "Nordpress, 2 Jan 2024: “Same”",
                              "Nordpress, 2 Jan 2024: “Same” (3)"]


def test_day_text_is_the_same_in_every_locale():
    assert day_text(date(2024, 9, 5)) == "5 Sep 2024" and day_text(pd.NaT) == "undated"


def test_seed_names(seeds_dataset):
    a = seeds_dataset.articles
    names = dict(zip(a["id"].str[:3], a["name"]))
    assert names["004"] == "Reuters, 20 Jun 2024" and names["002"].startswith("Reuters, ")
    assert names["001"].startswith("“Russian parliament ratifies North Korea…”, ")
    assert a["name"].is_unique and not a["name"].str.contains("_").any()  # no id is a visible name


@pytest.mark.parametrize("same", [True, False])
def test_names_are_linear_in_the_number_of_articles(same):
    """20,000 articles, all sharing one name (identical or differing headlines), in well under a minute."""
    n = 20_000
    rows = [(f"{i:05d}", "Nordpress", "Same headline" if same else f"Treaty news item {i}", date(2024, 1, 2))
            for i in range(n)]
    start = time.perf_counter()
    names = article_names(table(*rows))
    assert names.is_unique and len(names) == n
    assert time.perf_counter() - start < 10
