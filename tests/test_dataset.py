import json
import shutil

import frictionless
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.__main__ import main
from analysis.common.errors import InputError
from analysis.dataset.build import build_dataset
from analysis.dataset.dating import reconcile
from analysis.extract.dates import resolve

from conftest import SEEDS, write_article


def _figure(ds, **match):
    rows = ds.figures
    for key, value in match.items():
        rows = rows[rows[key] == value]
    assert len(rows) == 1, match
    return rows.iloc[0]


def _event_date(ds, event_id):
    rows = ds.events[ds.events["event_id"] == event_id]
    return rows["date"].iloc[0], rows["date_precision"].iloc[0]


def test_troop_figures_and_who_said_them(seeds_dataset):
    sk = _figure(seeds_dataset, value=1500)
    assert sk["claimant"] == "South Korean intelligence" and sk["stance"] == "asserts"
    z = _figure(seeds_dataset, value=11000)
    assert z["claimant"] == "Zelenskiy" and z["claim_date"] == "2024-11-07" and z["claim_date_precision"] == "day"


def test_denials(seeds_dataset):
    denials = seeds_dataset.figures[seeds_dataset.figures["stance"] == "denies"]
    assert set(denials["claimant"]) == {"Russian Foreign Ministry", "North Korea's UN mission", "Kremlin (Peskov)"}
    peskov = _figure(seeds_dataset, claimant="Kremlin (Peskov)")
    assert "fake news" in peskov["quote"] and peskov["claim_date"] == "2024-10-07/2024-10-13"
    assert _figure(seeds_dataset, stance="declines to confirm")["claimant"] == "Russia"


def test_treaty_facts(seeds_dataset):
    f = seeds_dataset.figures
    assert f.loc[f["category"] == "treaty_articles", "value"].tolist() == [23]
    assert set(f.loc[f["category"] == "treaty_article", "value"]) == {4}
    assert set(f.loc[f["category"] == "un_charter_article", "value"]) == {51}


@pytest.mark.parametrize("event_id, date, precision", [
    ("treaty-signed", "2024-06-19", "day"),
    ("text-released", "2024-06-20", "day"),
    ("submitted-for-ratification", "2024-10-14", "day"),
    ("kremlin-unambiguous", "2024-10-15", "day"),
    ("lower-house-ratifies", "2024-10-24", "day"),
    ("upper-house-ratifies", "2024-11-04/2024-11-10", "week"),
    ("zelenskiy-11000", "2024-11-07", "day"),
    ("signed-into-law", "2024-11-09", "day"),
])
def test_event_dates(seeds_dataset, event_id, date, precision):
    assert _event_date(seeds_dataset, event_id) == (date, precision)


def test_contradicted_page_dates_are_noticed_and_explained(seeds_dataset):
    a = seeds_dataset.articles.set_index("id")
    contradicted = a[a["page_date_contradicted"]]
    assert sorted(i[:3] for i in contradicted.index) == ["000", "001"]
    for _, row in contradicted.iterrows():
        assert row["published"] == pd.Timestamp("2024-10-24")
        assert "'on Thursday'" in row["published_basis"] and "2024-10-24" in row["published_basis"]
    assert (a.loc[~a["page_date_contradicted"], "published"] == a.loc[~a["page_date_contradicted"], "page_date"]).all()
    assert set(contradicted["published_source"]) == {"re-estimated from the text"}
    assert set(a.loc[~a["page_date_contradicted"], "published_source"]) == {"date line"}
    assert set(seeds_dataset.conflicts["kind"]) == {"page date contradicted"}


def test_copied_passage_anchors_to_its_source(seeds_dataset):
    copied = seeds_dataset.copies.iloc[0]
    assert copied["article_id"].startswith("002") and copied["source_id"].startswith("003")
    kremlin = seeds_dataset.events[seeds_dataset.events["event_id"] == "kremlin-unambiguous"]
    assert set(kremlin["mention_date"]) == {"2024-10-15"}  # not the Tuesday before 002's own date


def test_quotes_are_verbatim_spans(seeds_dataset):
    for table in (seeds_dataset.figures, seeds_dataset.events):
        for _, row in table.iterrows():
            body = seeds_dataset.corpus[row["article_id"]].body
            assert " ".join(body[row["span_start"]:row["span_end"]].split()) == " ".join(row["quote"].split())


def test_reconcile_prefers_written_out_dates():
    from datetime import date
    anchor = date(2024, 11, 21)
    refs = [resolve("on Thursday", anchor), resolve("today [on 24 October]", anchor), resolve("last month", anchor)]
    agreed, disagree = reconcile(refs)
    assert agreed.iso == "2024-10-24" and disagree == [0]


def test_dataset_command_writes_a_valid_data_package(tmp_path, capsys):
    assert main(["dataset", str(SEEDS), "--out", str(tmp_path)]) == 0
    assert {p.name for p in tmp_path.iterdir()} >= {"articles.csv", "figures.csv", "events.csv", "datapackage.json"}
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])
    fields = {r["name"]: [f["name"] for f in r.get("schema", {}).get("fields", [])]
              for r in json.loads((tmp_path / "datapackage.json").read_text())["resources"]}
    assert {"article_id", "value", "value_max", "claimant", "stance", "claim_date", "claim_date_precision",
            "quote"} <= set(fields["figures"])
    assert {"article_id", "label", "date", "date_precision", "quote"} <= set(fields["events"])


def test_folder_without_annotations_is_extracted(tmp_path):
    write_article(tmp_path, "a.txt", "Some headline words here\nJune 20, 2024\nThe pact was signed on Wednesday. "
                  "Officials said on Tuesday that about 2,000 soldiers had been sent.\n")
    ds = build_dataset(tmp_path)
    signing = ds.events[ds.events["event_id"] == "treaty-signing"].iloc[0]
    assert signing["date"] == "2024-06-19" and not signing["reviewed"] and signing["source"] == "extraction"
    figure = ds.figures.iloc[0]
    assert (figure["value"], figure["qualifier"], figure["claimant"], figure["claim_date"]) == (
        2000, "about", "Officials", "2024-06-18")


@pytest.fixture
def seeds_copy(tmp_path):
    for path in SEEDS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


@pytest.mark.parametrize("old, new, message", [
    ("stance: denies", "stance: refutes", r"figures\[1\]\.stance: 'refutes' is not one of"),
    ("  - article: 001_c228eccb52df460e\n    quote: There are 23", "  - article: 999_unknown\n    quote: There are 23",
     "unknown article '999_unknown'"),
    ("quote: There are 23 articles in the treaty", "quote: There are 24 articles in the treaty",
     r"figures\[7\]\.quote: not found in article 001_c228eccb52df460e"),
    ("value: 1500", "value: many", r"figures\[0\]\.value: expected int"),
    ("        date_phrase: on October 14", "        date_phrase: on October 15", "date_phrase: 'on October 15' is not in"),
    ("  - id: text-released", "  - id: treaty-signed", "event id\\(s\\) used twice"),
    ("figures:\n", "figures:\n  - nonsense\n", r"figures\[0\]: expected a mapping"),
])
def test_malformed_annotations_name_the_field(seeds_copy, old, new, message):
    path = seeds_copy / "annotations.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        build_dataset(seeds_copy)


def test_annotations_that_are_not_yaml(seeds_copy):
    (seeds_copy / "annotations.yaml").write_text("events: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="annotations.yaml: not valid YAML"):
        build_dataset(seeds_copy)


def test_scaled_corpus_is_deterministic(tmp_path):
    from analysis.bench.corpus import generate

    first = generate(SEEDS, tmp_path / "a", 12)
    second = generate(SEEDS, tmp_path / "b", 12)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    ds = build_dataset(tmp_path / "a")
    assert len(ds.articles) == 12 and len(ds.figures) > 12
    copied_from = set(ds.copies["source_id"])
    assert copied_from and copied_from <= set(ds.articles["id"])  # repeated seed text is found as copies


def test_copied_spans_need_most_of_a_sentence():
    """A shared phrase is not a copied sentence; most of a sentence's 8-grams must be shared."""
    from datetime import date

    from analysis.extract.reuse import fingerprint

    shared = "the treaty was signed in Pyongyang by the two leaders last June"
    first = f"{shared}. Nothing else here is like the other article at all."
    copy = f"Officials said that {shared} and much more text follows here to keep the share of the words low."
    prints = {"a": fingerprint(first), "b": fingerprint(copy)}
    assert copied_spans(prints, {"a": date(2024, 6, 20), "b": date(2024, 6, 21)}) == []
    prints["b"] = fingerprint(f"{shared}. Something new.")
    (span,) = copied_spans(prints, {"a": date(2024, 6, 20), "b": date(2024, 6, 21)})
    assert (span.article_id, span.source_id, span.start) == ("b", "a", 0)


def copied_spans(prints, dates):
    from analysis.dataset.shingles import copied_spans as spans, gram_rows

    return spans(*gram_rows(prints), dates)


SENTENCE_POOL = ["The treaty was signed in Pyongyang by the two leaders in June.",
                 "Officials in Seoul said that thousands of soldiers had been sent to Russia.",
                 "The Kremlin declined to comment on the reports on Tuesday.", "Short one.",
                 "Lawmakers in the lower house voted to ratify the agreement without debate.",
                 "Reporters asked whether thousands of soldiers had been sent to Russia by sea, by rail or by air, "
                 "and on whose orders, and when exactly they had left."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(SENTENCE_POOL), max_size=5), st.integers(0, 3)),
                min_size=1, max_size=4))
def test_copied_spans_on_any_small_corpus(articles):
    """Copies point from a later article to an earlier one and lie within the copying article."""
    from datetime import date, timedelta

    from analysis.extract.reuse import fingerprint

    bodies = {f"a{i}": " ".join(sents) for i, (sents, _) in enumerate(articles)}
    dates = {f"a{i}": date(2024, 6, 1) + timedelta(days=d) for i, (_, d) in enumerate(articles)}
    for span in copied_spans({aid: fingerprint(body) for aid, body in bodies.items()}, dates):
        assert dates[span.source_id] < dates[span.article_id]
        assert 0 <= span.start < span.end <= len(bodies[span.article_id])

