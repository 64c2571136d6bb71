"""The lede: every number and date in it is checked against the sentence of the article it
links to, and its arc (first figure, growth, latest, denials) follows the claims."""

import re

import pandas as pd

from analysis.sections.common import timeline_events
from analysis.sections.lede import lede_html, lede_sentences
from analysis.sections.words import day

D = pd.Timestamp


def _pieces(ds):
    return [piece for sentence in lede_sentences(ds.claims, timeline_events(ds.events), ds.articles)
            for piece in sentence]


def _linked(ds, table: str) -> list[tuple[str, dict]]:
    """Each piece of the lede that links to a quote of `table` (figures: F, events: E), with its row,
    after checking that the row's quote stands verbatim at its place in its article."""
    rows = getattr(ds, table).set_index("ref")
    linked = []
    for text, ref in _pieces(ds):
        if ref and ref.startswith(table[0].upper()):
            row = rows.loc[ref]
            assert ds.corpus[row["article_id"]].body[row["span_start"]:row["span_end"]] == row["quote"]
            linked.append((text, row))
    return linked


def test_every_linked_number_is_in_the_quoted_sentence_of_its_article(seeds_dataset):
    linked = _linked(seeds_dataset, "figures")
    assert [text for text, _ in linked] == ["1,500", "11,000"]
    for text, row in linked:
        assert text in row["quote"] and int(text.replace(",", "")) == row["value"]


def test_every_linked_date_is_the_date_of_its_event_and_its_quote_is_in_the_article(seeds_dataset):
    linked = _linked(seeds_dataset, "events")
    assert [text for text, _ in linked] == ["19 Jun 2024", "9 Nov 2024"]
    for text, row in linked:
        assert text == day(row["date_start"]) == day(row["date_end"])


def test_the_unlinked_numbers_are_counts_and_dates_of_the_articles(seeds_dataset):
    ds = seeds_dataset
    text = "".join(t for t, _ in _pieces(ds))
    a = ds.articles
    assert f"{len(a)} articles published between {day(a['published'].min())} and {day(a['published'].max())}" in text
    claim = ds.claims.set_index("refs").loc["F6"]
    assert f"on {day(claim['said_start'])}" in text and claim["said_start"] == D("2024-11-07")
    first = ds.claims.set_index("refs").loc["F1"]
    assert f"by {day(first['said_end'])} ('Recently')" in text  # a window, never its first day
    assert day(first["said_start"]) not in text
    numbers = set(re.findall(r"\d+(?:,\d{3})*", text))
    explained = {str(len(a)), "1,500", "11,000", "2024", "20", "10", "19", "9", "24", "7"}
    assert numbers <= explained, numbers - explained


def test_the_arc_on_the_seeds(seeds_dataset):
    ds = seeds_dataset
    sentences = lede_sentences(ds.claims, timeline_events(ds.events), ds.articles)
    assert 2 <= len(sentences) <= 4
    text = " ".join("".join(t for t, _ in s) for s in sentences)
    assert "first figure for North Korean troops in Russia came from South Korean intelligence: 1,500" in text
    assert "Zelenskiy then put it at 11,000 (on 7 Nov 2024), the latest figure." in text
    assert "denied the reports" in text and "Kremlin (Peskov)" in text and "Russia declined to confirm them" in text
    assert "&lt;" not in lede_html(ds.claims, timeline_events(ds.events), ds.articles)


def _claims(rows):
    columns = ["claim_id", "claimant", "category", "stance", "value", "value_max", "said_start", "said_end",
               "said_phrase", "refs"]
    return pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns).astype({"value": "Int64", "value_max": "Int64"})


def test_growth_and_a_lower_latest_figure():
    claims = _claims([
        ("C1", "Agency A", "troops", "asserts", 1000, None, D("2025-01-02"), D("2025-01-02"), "on Monday", "F1"),
        ("C2", "Minister B", "troops", "asserts", 3000, 5000, D("2025-02-01"), D("2025-02-28"), "in February", "F2"),
        ("C3", None, "troops", "denies", None, None, None, D("2025-03-01"), None, "F3"),
        ("C4", "Agency A", "troops", "asserts", 2000, None, D("2025-03-10"), D("2025-03-16"), "last week", "F4"),
    ])
    articles = pd.DataFrame({"id": ["a"], "published": [D("2025-03-20")]})
    events = pd.DataFrame(columns=["kind", "date_start", "date_end", "ref"])
    text = " ".join("".join(t for t, _ in s) for s in lede_sentences(claims, events, articles))
    assert "came from Agency A: 1,000, said on 2 Jan 2025 ('on Monday')" in text
    assert "Minister B then put it at 3,000–5,000 (in Feb 2025)." in text
    assert "The latest figure is 2,000, from Agency A, said between 10 and 16 Mar 2025." in text
    assert "An unnamed source denied the reports." in text
    assert text.startswith("The first figure")  # four sentences of the story leave no room for the span


def test_many_rises_are_grouped_by_claimant_and_counted():
    rows = [(f"C{i}", who, "troops", "asserts", value, None, D(f"2025-0{1 + i // 3}-0{1 + i % 3}"),
             D(f"2025-0{1 + i // 3}-0{1 + i % 3}"), None, f"F{i}")
            for i, (who, value) in enumerate([("A", 100), (None, 200), (None, 300), ("B", 400), ("C", 500), ("C", 600),
                                              ("D", 700), ("E", 800)])]
    text = " ".join("".join(t for t, _ in s) for s in lede_sentences(
        _claims(rows), pd.DataFrame(columns=["kind", "date_start", "date_end", "ref"]),
        pd.DataFrame({"id": ["a"], "published": [D("2025-04-01")]})))
    assert "came from A: 100" in text
    assert ("After 3 higher figures, C then put it at 500 and 600 (on 3 Feb 2025); then D put it at 700 "
            "(on 1 Mar 2025); then E put it at 800 (on 2 Mar 2025), the latest figure.") in text
    assert text.startswith("1 article published on 1 Apr 2025 makes up this report.")  # agreement in number
