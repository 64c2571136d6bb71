"""The dataset tables the report only presents: claims (deduplicated, honestly dated and ordered),
whom each article quotes, the treaty wordings and the copied shares."""

import json
from datetime import date

import frictionless
import pandas as pd
import pytest

from analysis.dataset.build import build_dataset
from analysis.dataset.claims import Mention, best_window, claims_table, uncertain_order
from analysis.dataset.export import csv_bytes, write_dataset

from conftest import SEEDS, write_article

D = date


def _figure(ref, article, value=1000, start=None, end=None, precision=None, phrase=None, claimant="NIS", **kw):
    return {"ref": ref, "article_id": article, "value": value, "value_max": None, "qualifier": kw.get("qualifier"),
            "category": kw.get("category", "troops"), "subject": "deployed", "what": kw.get("what", "troops"),
            "claimant": claimant, "stance": kw.get("stance", "asserts"),
            "claim_date_start": pd.Timestamp(start) if start else pd.NaT,
            "claim_date_end": pd.Timestamp(end) if end else pd.NaT, "claim_date_precision": precision,
            "date_phrase": phrase, "claim_date_basis": f"{phrase}, anchored" if phrase else "no dating phrase"}


def _table(figures, published):
    articles = pd.DataFrame({"id": list(published), "published": [pd.Timestamp(d) for d in published.values()]})
    return claims_table(pd.DataFrame(figures).astype({"value": "Int64", "value_max": "Int64"}), articles)


def _mention(ref, start, end, precision="week", phrase="last week"):
    return Mention(ref, start, end, precision, phrase, f"{phrase}, anchored")


def test_one_claim_across_two_articles():
    claims = _table([_figure("F1", "b", qualifier="about", what="soldiers"), _figure("F2", "a", qualifier="some"),
                     _figure("F3", "a", value=2000), _figure("F4", "a", category="treaty_article", value=4)],
                    {"a": "2024-10-01", "b": "2024-10-05"})
    one = next(c for c in claims if c["value"] == 1000)
    assert (one["n_articles"], one["n_mentions"], one["refs"]) == (2, 2, "F1 F2")
    assert (one["qualifier"], one["what"]) == ("about", "soldiers")  # the first mention's words
    assert (one["first_article"], one["first_published"]) == ("a", D(2024, 10, 1))  # the earliest report
    assert len(claims) == 2  # 2,000 is another claim; treaty facts stay in figures


def test_the_mentions_windows_intersect():
    w = best_window([_mention("F1", D(2024, 9, 24), D(2024, 10, 24), "month", "Recently"),
                     _mention("F7", D(2024, 10, 7), D(2024, 10, 13)), _mention("F9", None, None)], D(2024, 10, 24))
    assert (w.start, w.end, w.precision, w.phrase) == (D(2024, 10, 7), D(2024, 10, 13), "week", "last week")
    assert w.basis == "where the windows of its 2 dated mentions overlap"
    day = best_window([_mention("F1", D(2024, 10, 7), D(2024, 10, 13)),
                       _mention("F2", D(2024, 10, 13), D(2024, 10, 20))], None)
    assert (day.start, day.end, day.precision) == (D(2024, 10, 13), D(2024, 10, 13), "day")


def test_disagreeing_windows_give_the_narrowest_and_say_so():
    w = best_window([_mention("F1", D(2024, 9, 1), D(2024, 9, 30), "month", "last month"),
                     _mention("F2", D(2024, 10, 7), D(2024, 10, 13), "week", "last week")], D(2024, 11, 1))
    assert (w.start, w.end, w.phrase) == (D(2024, 10, 7), D(2024, 10, 13), "last week")
    assert w.basis.startswith("its 2 dated mentions disagree; the narrowest window (F2): last week")


def test_an_undated_claim_is_only_reported_by_its_first_report():
    claims = _table([_figure("F1", "b"), _figure("F2", "a")], {"a": "2024-10-24", "b": "2024-11-01"})
    c = claims[0]
    assert (c["said_start"], c["said_end"], c["said_precision"], c["said_phrase"]) == (None, D(2024, 10, 24), None, None)
    assert c["said_basis"] == "reported by 2024-10-24"


def test_a_window_is_capped_at_the_first_report():
    w = best_window([_mention("F1", D(2024, 10, 14), D(2024, 10, 20), "week", "this week")], D(2024, 10, 15))
    assert (w.start, w.end) == (D(2024, 10, 14), D(2024, 10, 15)) and "capped at the first report" in w.basis
    after = best_window([_mention("F1", D(2024, 10, 16), D(2024, 10, 20))], D(2024, 10, 15))
    assert (after.start, after.end) == (None, D(2024, 10, 15)) and after.basis.startswith("reported by 2024-10-15")


def test_claims_are_sorted_by_the_by_date_and_numbered():
    claims = _table([_figure("F1", "a", value=3, start="2024-10-01", end="2024-10-31", precision="month"),
                     _figure("F2", "a", value=2), _figure("F3", "a", value=1, start="2024-10-02", end="2024-10-02"),
                     _figure("F4", "a", value=4, start="2024-10-20", end="2024-10-31", precision="month")],
                    {"a": "2024-11-01"})
    assert [(c["claim_id"], c["value"]) for c in claims] == [("C1", 1), ("C2", 3), ("C3", 4), ("C4", 2)]


def test_order_uncertain_both_ways():
    assert uncertain_order([(D(2024, 1, 1), D(2024, 1, 5)), (D(2024, 1, 6), D(2024, 1, 6)),
                            (D(2024, 1, 8), D(2024, 1, 9)), (D(2024, 1, 9), D(2024, 1, 12))]) == [
        False, False, True, True]
    assert uncertain_order([(D(2024, 1, 6), D(2024, 1, 6)), (D(2024, 1, 6), D(2024, 1, 6))]) == [False, False]
    assert uncertain_order([(D(2024, 1, 6), D(2024, 1, 6)), (D(2024, 1, 6), D(2024, 1, 6)),
                            (D(2024, 1, 1), D(2024, 1, 6))]) == [True, True, True]
    assert uncertain_order([(None, D(2024, 1, 3)), (D(2024, 1, 1), D(2024, 1, 1)), (D(2024, 1, 4), None)]) == [
        True, True, False]


def _overlap(p, q):
    same_day = p == q and p[0] is not None and p[0] == p[1]
    return (p[0] or date.min) <= (q[1] or date.max) and (q[0] or date.min) <= (p[1] or date.max) and not same_day


def test_order_uncertain_matches_all_pairs():
    """The sweep agrees with comparing every pair, on windows with shared and open ends."""
    import random

    rng = random.Random(7)
    for _ in range(200):
        windows = []
        for _ in range(rng.randint(0, 8)):
            a, b = sorted(rng.sample(range(1, 12), 2)) if rng.random() < 0.7 else (rng.randint(1, 11),) * 2
            windows.append((None if rng.random() < 0.15 else D(2024, 1, a), None if rng.random() < 0.1 else D(2024, 1, b)))

        expected = [any(_overlap(w, v) for j, v in enumerate(windows) if j != i) for i, w in enumerate(windows)]
        assert uncertain_order(windows) == expected, windows


@pytest.mark.parametrize("value, claimant, start, end, phrase", [
    (1500, "South Korean intelligence", "2024-09-24", "2024-10-24", "Recently"),
    (11000, "Zelenskiy", "2024-11-07", "2024-11-07", "on Thursday"),
    (None, "Kremlin (Peskov)", "2024-10-07", "2024-10-13", "last week"),
])
def test_seed_claims_by_hand(seeds_dataset, value, claimant, start, end, phrase):
    c = seeds_dataset.claims[seeds_dataset.claims["claimant"] == claimant]
    c = c[c["value"] == value] if value else c[c["stance"] == "denies"]
    assert len(c) == 1
    c = c.iloc[0]
    assert (c["said_start"], c["said_end"], c["said_phrase"]) == (pd.Timestamp(start), pd.Timestamp(end), phrase)


def test_seed_claims_leave_treaty_facts_in_figures(seeds_dataset):
    claims, figures = seeds_dataset.claims, seeds_dataset.figures
    assert not claims["category"].isin(["treaty_articles", "treaty_article", "un_charter_article"]).any()
    refs = " ".join(claims["refs"]).split()
    assert sorted(refs) == sorted(figures.loc[figures["category"] == "troops", "ref"])  # every mention, once
    assert claims["claim_id"].tolist() == [f"C{i}" for i in range(1, len(claims) + 1)]


def test_quoted_names_per_article_with_their_claimant(seeds_dataset):
    q = seeds_dataset.quoted
    assert (q.groupby("article_id")["position"].apply(list)
            .map(lambda p: p == list(range(1, len(p) + 1))).all())
    names = dict(zip(q["name"], q["claimant"]))
    assert names["Vladimir Putin"] == "Putin" and names["Kremlin (Dmitry Peskov)"] == "Kremlin (Peskov)"
    assert names["Volodymyr Zelenskiy"] == "Zelenskiy"
    assert names["North Korea’s UN mission"] == "North Korea's UN mission"  # curly apostrophe, one claimant
    assert pd.isna(names["Jens Stoltenberg"])  # quoted, but makes no figure


def test_treaty_renderings(seeds_dataset):
    r = seeds_dataset.renderings
    assert r["treaty_article"].tolist() == [4, 4] and r["text"].is_unique
    assert all(len(t) >= 40 for t in r["text"])


def test_renderings_keep_one_row_per_wording(tmp_path):
    wording = "Each party shall render assistance to the other party without any delay whatsoever"
    for name in ("a.txt", "b.txt"):
        write_article(tmp_path, name, f"Pact text published\nJune 20, 2024\nArticle 4 says: \"{wording}.\"\n"
                      f"Article 4 also reads \"{wording}\".\n")
    r = build_dataset(tmp_path).renderings
    assert len(r) == 1 and r.iloc[0]["text"] == wording and r.iloc[0]["article_id"] == "a"


def test_copies_carry_their_length_and_share(seeds_dataset):
    c = seeds_dataset.copies
    assert not c.empty and (c["n_chars"] == c["end"] - c["start"]).all()
    bodies = c["article_id"].map(lambda aid: len(seeds_dataset.corpus[aid].body))
    assert (c["share"] == c["n_chars"] / bodies).all() and c["share"].between(0, 1).all()


def test_new_tables_are_exported_byte_identical_and_valid(tmp_path, seeds_dataset):
    again = build_dataset(SEEDS)
    for name in ("claims", "quoted", "renderings", "copies"):
        assert csv_bytes(getattr(again, name)) == csv_bytes(getattr(seeds_dataset, name)), name
    write_dataset(seeds_dataset, tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])
    resources = {r["name"]: r for r in json.loads((tmp_path / "datapackage.json").read_text())["resources"]}
    for name in ("claims", "quoted", "renderings", "copies"):
        assert all(f.get("description") for f in resources[name]["schema"]["fields"]), name
    assert (tmp_path / "claims.csv").read_text().splitlines()[0].split(",")[:3] == ["claim_id", "claimant", "category"]


def test_a_quoted_name_takes_the_one_claimant_its_group_holds():
    from analysis.dataset.claimants import canonical_claimants, claimants_of_names
    from analysis.dataset.rows import Row

    before = [Row("a", (0, 1), "q", None, False, "extraction", {"claimant": name})
              for name in ("Ivan Petrenko", "Olga Petrenko", "Seoul's spy agency")]
    after, _ = canonical_claimants(before)
    found = claimants_of_names(["Petrenko", "Ivan Petrenko", "South Korea's intelligence service",
                                "Jens Stoltenberg"], before, after)
    assert found["Ivan Petrenko"] == "Ivan Petrenko"
    assert found["Petrenko"] is None  # two people of that surname: not guessed
    assert found["South Korea's intelligence service"] == "Seoul's spy agency"
    assert found["Jens Stoltenberg"] is None
