"""Pages off the story are recognised by a readable `topic`, set aside from every section and
listed under Data quality; a page naming the story only in a box of related links is off it."""

import pytest

from analysis.build import params
from analysis.common.errors import InputError
from analysis.dataset.build import build_dataset
from analysis.extract.relevance import DEFAULT_TOPIC, parse_topic, relevance
from analysis.sections.filters import apply_filters, on_topic
from analysis.sections.quality import set_aside_html

from conftest import SEEDS, write_article

BAKERY = ("Local bakery wins prize\nOctober 1, 2024\nA bakery in town won a national prize on Monday, its owner said.\n"
          "RELATED ARTICLES\nNorth Korea and Russia sign defence pact\nKremlin denies troop reports\n")


def test_the_topic_is_read_as_written():
    assert parse_topic("a, b + c; d") == ((("a", "b"), ("c",)), (("d",),))
    with pytest.raises(ValueError, match="empty term group"):
        parse_topic("a + ; b")


@pytest.mark.parametrize("text, on", [
    ("Pyongyang sent troops to help Moscow, officials said.", True),
    ("The Comprehensive Strategic Partnership entered into force.", True),
    ("North Korea fired a missile into the sea.", False),  # one side alone is not the story
    ("Russia's central bank raised rates.", False),
    ("Koreans in North Korean-style dress danced in Moscow.", True),  # words, not meanings: the terms decide
])
def test_relevance_needs_every_group_of_an_alternative(text, on):
    found = relevance(text)
    assert found.relevant is on
    assert (found.reason.startswith("names ") if on else found.reason.startswith("off the topic"))


def test_related_links_are_not_the_article(tmp_path):
    write_article(tmp_path, "bakery.txt", BAKERY)
    ds = build_dataset(tmp_path)
    assert not ds.articles["relevant"].iloc[0]
    assert "North Korea" not in ds.corpus["bakery"].body
    assert set(ds.removals["rule"]) >= {"related links"}


@pytest.fixture(scope="module")
def seeds_and_a_bakery(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    for path in SEEDS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    write_article(folder, "bakery.txt", BAKERY)
    return build_dataset(folder)


def test_an_off_topic_page_is_set_aside_from_every_section(seeds_and_a_bakery):
    ds = seeds_and_a_bakery
    p = params.validate({"seeds_dir": str(SEEDS)})
    kept = apply_filters(on_topic(ds, p["topic"]), p)
    assert "bakery" not in set(kept.articles["id"]) and len(kept.articles) == 5
    assert "bakery" not in set(kept.figures["article_id"]) | set(kept.events["article_id"]) | set(kept.quoted["article_id"])
    page = set_aside_html(ds.articles)
    assert "Set aside: 1 article" in page and "Local bakery wins prize" in page and "off the topic" in page


def test_another_topic_reads_the_articles_again(seeds_and_a_bakery):
    p = params.validate({"seeds_dir": str(SEEDS), "topic": "bakery"})
    ds = on_topic(seeds_and_a_bakery, p["topic"])
    assert set(ds.articles.loc[ds.articles["relevant"], "id"]) == {"bakery"}
    assert on_topic(seeds_and_a_bakery, DEFAULT_TOPIC) is seeds_and_a_bakery


def test_a_topic_without_terms_is_one_line():
    with pytest.raises(InputError, match="^parameter topic: 'North Korea \\+' has an empty term group"):
        params.validate({"topic": "North Korea + ; treaty"})


def test_an_off_topic_page_changes_no_claimant_name(seeds_dataset, tmp_path):
    """Figures on a page off the topic weigh nothing in a claimant's canonical name or in the
    claimants table, which fixes the colours."""
    for path in SEEDS.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    write_article(tmp_path, "ukraine.txt", "Front line report\nOctober 1, 2024\n" + " ".join(
        f"Volodymyr Zelenskiy said {1000 + k} soldiers held the line." for k in range(5)) + "\n")
    ds = build_dataset(tmp_path)
    assert not ds.articles.set_index("id").loc["ukraine", "relevant"]
    assert list(ds.claimants["claimant"]) == list(seeds_dataset.claimants["claimant"])
