"""The generated corpus (analysis.bench.corpus) looks like a collected folder, not five articles
copied many times: seed sentences mixed with names, numbers, dates and words varied and an
outlet's own sentences, a set share of syndicated copies and of pages off the topic, each of
ingest's readings of credits and dates used; and the same arguments give the same bytes."""

import hashlib
import random
from collections import Counter
from datetime import date, timedelta

import numpy as np
import pytest

from analysis.bench.corpus import COPY_SHARE, OFF_TOPIC_SHARE, generate, plan
from analysis.bench.corpus_fill import Filler, redrawn
from analysis.bench.corpus_pool import seed_pool
from analysis.dataset.build import build_dataset
from analysis.extract.relevance import relevance
from analysis.extract.reuse import fingerprint
from analysis.ingest.article import load_article
from conftest import SEEDS

N = 300
# Mean share of an article's word 8-grams that another non-copy article also has, measured on 300
# articles of the generator this one replaced (whole seed paragraphs shuffled, one paragraph of
# random words each; commit d9c369c): 0.813. This generator gives about 0.55.
PARAGRAPH_MIXING_SHARE = 0.81
SHARE_TOLERANCE = 0.03  # of copies and of pages off the topic, against the shares asked for


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    paths = generate(SEEDS, folder, N)
    return paths, build_dataset(folder)


def _digest(paths) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_the_same_seed_gives_the_same_bytes_and_another_seed_others(tmp_path):
    first, again = generate(SEEDS, tmp_path / "a", 40), generate(SEEDS, tmp_path / "b", 40)
    other = generate(SEEDS, tmp_path / "c", 40, seed=7)
    assert _digest(first) == _digest(again) != _digest(other)


def test_a_smaller_corpus_begins_a_larger_one(tmp_path):
    small, large = generate(SEEDS, tmp_path / "a", 20), generate(SEEDS, tmp_path / "b", 50)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:20]]
    assert plan(20) == plan(50)[:20]


def test_plans_keep_the_shares_asked_for():
    for copies, off_topic in ((COPY_SHARE, OFF_TOPIC_SHARE), (0.3, 0.2), (0.0, 0.0)):
        kinds = Counter(p.kind for p in plan(5000, copy_share=copies, off_topic_share=off_topic))
        assert abs(kinds["copy"] / 5000 - copies) <= SHARE_TOLERANCE
        assert abs(kinds["off topic"] / 5000 - off_topic) <= SHARE_TOLERANCE
    assert all(p.original < i for i, p in enumerate(plan(500)) if p.kind == "copy")
    with pytest.raises(ValueError, match="shares"):
        plan(10, copy_share=0.6, off_topic_share=0.5)


def test_the_dataset_finds_the_copies_and_sets_aside_the_pages_off_the_topic(generated):
    paths, ds = generated
    articles = ds.articles.set_index("id")
    kinds = plan(N)
    assert abs(articles["copy_of"].notna().mean() - COPY_SHARE) <= SHARE_TOLERANCE
    assert abs((~articles["relevant"]).mean() - OFF_TOPIC_SHARE) <= SHARE_TOLERANCE
    off_topic = {paths[i].stem for i, p in enumerate(kinds) if p.kind == "off topic"}
    assert set(articles.index[~articles["relevant"]]) == off_topic
    planned = {paths[i].stem: paths[p.original].stem for i, p in enumerate(kinds) if p.kind == "copy"}
    assert articles["copy_of"].dropna().to_dict() == planned


def test_a_copy_is_its_original_byte_for_byte_or_under_another_credit(generated):
    paths, _ = generated
    pairs = [(paths[i], paths[p.original]) for i, p in enumerate(plan(N)) if p.kind == "copy"]
    identical = sum(copy.read_bytes() == original.read_bytes() for copy, original in pairs)
    assert 0 < identical < len(pairs)
    assert all(load_article(copy).body == load_article(original).body for copy, original in pairs)


def test_every_reading_of_credits_and_dates_is_used(generated):
    articles = generated[1].articles
    assert {"front matter", "dateline", "credit in the text"} <= set(articles["outlet_source"])
    assert {"front matter", "date line", "dateline", "dateline, year from the corpus", "published line",
            "updated line"} <= set(articles["published_source"])
    assert articles["published"].notna().all()
    assert articles["byline"].notna().any() and (articles["headline_basis"] == "front matter").any()


def test_far_more_people_numbers_outlets_and_headlines_than_the_seeds_give(generated, seeds_dataset):
    paths, ds = generated
    assert len(ds.claimants) > 5 * len(seeds_dataset.claimants)
    assert ds.figures["value"].nunique() > 5 * seeds_dataset.figures["value"].nunique()
    originals = ds.articles[ds.articles["copy_of"].isna()]
    assert originals["outlet"].nunique() > N / 3 and originals["headline"].nunique() > N / 2
    people = seed_pool(SEEDS).people
    assert people and not any(name in path.read_text(encoding="utf-8") for path in paths for name in people)


def test_articles_share_far_fewer_passages_than_paragraph_mixing_gave(generated):
    paths, ds = generated
    originals = set(ds.articles.loc[ds.articles["copy_of"].isna(), "id"])
    grams = [np.unique(fingerprint(load_article(p).body).grams) for p in paths if p.stem in originals]
    counts = Counter(g for article in grams for g in article.tolist())
    shared = np.mean([np.mean([counts[g] > 1 for g in article.tolist()]) for article in grams if len(article)])
    assert shared < PARAGRAPH_MIXING_SHARE - 0.15


def test_pages_off_the_topic_never_name_the_story(tmp_path):
    paths = generate(SEEDS, tmp_path, 150, copy_share=0, off_topic_share=1)
    assert not any(relevance(p.read_text(encoding="utf-8")).relevant for p in paths)


def test_numbers_are_drawn_again_in_their_own_form():
    rng = random.Random(1)
    for number in ("1,500", "11,000", "12", "4", "2.5"):
        value = float(number.replace(",", ""))
        draws = {redrawn(number, rng) for _ in range(200)}
        assert len(draws) > 3
        for drawn in draws:
            new = float(drawn.replace(",", ""))
            assert value / 2.5 <= new <= value * 2.5
            assert ("," in drawn) == ("," in number and new >= 1000) and ("." in drawn) == ("." in number)


def test_dates_and_weekdays_move_together():
    filler = Filler(random.Random(1), timedelta(days=10), "Harbour Wire", 0)
    template = ("Signed on ", ("w", 0), ", ", ("d", date(2024, 6, 19), "mdy"), ", ratified in ",
                ("d", date(2024, 10, 15), "m"), " by ", ("o",), ".")
    assert filler.fill(template) == "Signed on Thursday, June 29, 2024, ratified in October by Harbour Wire."


def test_each_synonym_fits_where_its_group_first_word_stood():
    """One word a group's first is found as, and every word of a group takes the same article ("a
    pact", "an accord": never "an military")."""
    from analysis.bench.corpus_words import SPELLINGS, SYNONYMS

    firsts = [group[0].lower() for group in SYNONYMS]
    assert len(firsts) == len(set(firsts))
    assert all(len({word[0].lower() in "aeiou" for word in group}) == 1 for group in SYNONYMS + SPELLINGS)
