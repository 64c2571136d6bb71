"""Articles that are one story (a wire story republished, a page saved twice) share a `story`;
a copy that adds a paragraph stays a story of its own (dataset.stories)."""

import random
import shutil
import textwrap
from datetime import date

import pandas as pd
import pytest

from analysis.bench.corpus import generate
from analysis.dataset.build import build_dataset
from analysis.dataset import shingles
from analysis.dataset.stories import story_members
from analysis.extract.reuse import fingerprint
from analysis.ingest.article import load_article
from analysis.ingest.folder import article_paths
from conftest import SEEDS, write_article

SEED = "003_34cf81a579b8c87e"
TEXT = (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")
ADDED = ("Analysts in Seoul said the wording left both governments free to decide later what help they would "
         "give, and that neither side had published any plan for joint exercises or for sending forces abroad. "
         "Officials in Washington and Tokyo said they were watching the relationship closely and would consult "
         "their allies about any transfer of weapons, technology or personnel between the two countries, which "
         "they said would break several resolutions of the United Nations Security Council on the peninsula.")


def _resaved(text: str) -> str:
    """The same page saved again: blank lines doubled, curly quotes straightened and straight ones curled."""
    return (text.replace("\n\n", "\n\n\n").replace("“", '"').replace("”", '"').replace("‘", "'")
            .replace("’", "'").replace("Russia's", "Russia’s"))


def _rewrapped(text: str) -> str:
    """The same article as another page gives it: a day later, the furniture line "World" gone and
    the prose paragraphs wrapped at 70 characters."""
    paragraphs = text.replace("2024.10.15 09:03", "2024.10.16 07:30").split("\n\n")[1:]
    return "\n\n".join(textwrap.fill(p, 70) if "\n" not in p else p for p in paragraphs)


@pytest.fixture(scope="module")
def mixed_dataset(tmp_path_factory):
    """The seeds, three copies of one seed under other names, and a copy that adds a paragraph."""
    folder = tmp_path_factory.mktemp("mixed")
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    write_article(folder, "003_saved_twice.txt", TEXT)
    write_article(folder, "zz_resaved.txt", _resaved(TEXT))
    write_article(folder, "0000_wire.txt", _rewrapped(TEXT))  # first by name, a day later by date
    write_article(folder, "005_follow_up.txt", TEXT.replace("2024.10.15 09:03", "2024.10.17 10:00")
                  .replace("\n\nSource link", f"\n\n{ADDED}\n\nSource link"))
    return build_dataset(folder)


@pytest.fixture(scope="module")
def mixed(mixed_dataset):
    return mixed_dataset.articles.set_index("id")


def test_every_seed_is_its_own_story(seeds_dataset):
    articles = seeds_dataset.articles
    assert list(articles["story"]) == list(articles["id"])
    assert articles["copy_of"].isna().all()
    # 002 carries a passage of 003 but adds its own text: two stories, the passage in copies.
    assert (seeds_dataset.copies["article_id"] == "002_17517f57ac5239d0").any()
    assert (story_members(articles) == 0).all()


def test_copies_of_a_seed_point_to_it(mixed):
    for copy in ("003_saved_twice", "zz_resaved", "0000_wire"):
        assert mixed.loc[copy, "copy_of"] == SEED
        assert mixed.loc[copy, "story"] == SEED
    assert pd.isna(mixed.loc[SEED, "copy_of"]) and mixed.loc[SEED, "story"] == SEED


def test_a_copy_that_adds_a_paragraph_is_its_own_story(mixed, mixed_dataset):
    assert pd.isna(mixed.loc["005_follow_up", "copy_of"])
    assert mixed.loc["005_follow_up", "story"] == "005_follow_up"
    copies = mixed_dataset.copies
    shared = copies[copies["article_id"] == "005_follow_up"]
    assert set(shared["source_id"]) == {SEED} and 0.6 < shared["share"].sum() < 0.9


def test_other_seeds_are_untouched(mixed):
    seeds = [p.stem for p in article_paths(SEEDS) if p.stem != SEED]
    assert mixed.loc[seeds, "copy_of"].isna().all()
    assert list(mixed.loc[seeds, "story"]) == seeds


def test_story_members_counts_the_copies(mixed):
    members = story_members(mixed.reset_index())
    assert members[SEED] == 3
    assert members.sum() == mixed["copy_of"].notna().sum()
    assert set(members.index) == set(mixed.index[mixed["copy_of"].isna()])


def _prints(texts: dict[str, str]):
    return {aid: fingerprint(text) for aid, text in texts.items()}


def copies_of_originals(prints, dates):
    return shingles.copies_of_originals(shingles.gram_rows(prints)[0], dates)


def test_the_earliest_published_is_the_original():
    prints = _prints({"a": TEXT, "b": _resaved(TEXT), "c": TEXT})
    dates = {"a": date(2024, 10, 15), "b": date(2024, 10, 14), "c": None}
    assert copies_of_originals(prints, dates) == {"a": "b", "c": "b"}
    # The same day: the first id is the original.
    assert copies_of_originals(prints, dict.fromkeys(prints, date(2024, 10, 15))) == {"b": "a", "c": "a"}


def test_grouping_does_not_depend_on_file_order():
    texts = {f"x{i}": TEXT if i % 2 else _resaved(TEXT) + ("\n\n" + ADDED if i % 3 == 0 else "") for i in range(9)}
    dates = {aid: date(2024, 10, 15 + i % 4) for i, aid in enumerate(texts)}
    expected = copies_of_originals(_prints(texts), dates)
    keys = list(texts)
    for seed in range(3):
        random.Random(seed).shuffle(keys)
        assert copies_of_originals(_prints({k: texts[k] for k in keys}), {k: dates[k] for k in reversed(keys)}) \
            == expected


def test_texts_without_a_whole_eight_word_gram_are_their_own_stories():
    prints = _prints({"a": "Short one. Short two.", "b": "Short one. Short two."})
    assert copies_of_originals(prints, dict.fromkeys(prints, date(2024, 1, 1))) == {}


def test_generated_corpus_groups_its_copies_comparing_only_candidates(tmp_path, monkeypatch):
    """Generated articles mix sentences of several seeds with their own, and about one in ten is a
    syndicated copy of an earlier one: exactly those stories are found, and the work is linear: an
    article is compared in full only with the articles that share one of its rarest 8-grams (counted,
    not timed). An original dated only by a dateline without a year counts after its dated copy
    here (the dataset gives it the corpus's year), so stories are compared, not which is the copy."""
    from analysis.bench.corpus import plan

    articles = [load_article(p) for p in generate(SEEDS, tmp_path, 400)]
    prints = {a.id: fingerprint(a.body) for a in articles}
    compared, pairs = [], shingles._pairs
    monkeypatch.setattr(shingles, "_pairs", lambda rows: compared.append(found := pairs(rows)) or found)
    found = copies_of_originals(prints, {a.id: a.publication.day for a in articles})

    def stories_of(copy_of: dict[str, str]) -> set[frozenset[str]]:
        members: dict[str, set[str]] = {}
        for copy, original in copy_of.items():
            members.setdefault(original, {original}).add(copy)
        return {frozenset(group) for group in members.values()}

    planned = {f"gen_{i:05d}": f"gen_{p.original:05d}" for i, p in enumerate(plan(400)) if p.kind == "copy"}
    assert planned and stories_of(found) == stories_of(planned)
    n_compared = sum(len(c) for c in compared) // 2  # each pair is listed both ways
    assert n_compared <= 2 * len(found)


def test_a_claim_repeated_by_copies_counts_one_story(tmp_path):
    """Twenty republications of one story are not twenty confirmations: the claims table counts
    stories, and the report says how many articles they are."""
    from analysis.sections.claims import what_we_know

    for path in SEEDS.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    original = (SEEDS / "002_17517f57ac5239d0.txt").read_bytes()
    for k in range(3):
        (tmp_path / f"copy{k}.txt").write_bytes(original)
    ds = build_dataset(tmp_path)
    claim = ds.claims[ds.claims["value"] == 11000].iloc[0]
    assert (claim["n_articles"], claim["n_stories"]) == (4, 1)
    from analysis.build import params
    from analysis.sections.filters import apply_filters

    report = apply_filters(ds, params.validate({"seeds_dir": str(tmp_path)}))  # the copies set aside, and counted
    assert set(report.articles["id"]) == set(ds.articles.loc[ds.articles["copy_of"].isna(), "id"])
    shown = what_we_know(report.claims, report.articles)
    assert shown.loc[shown["claim"].str.startswith("11,000"), "reported in"].tolist() == ["1 article (and 3 copies of it)"]


def test_a_copy_stands_in_for_an_original_the_filters_leave_out(tmp_path):
    """Seed 002 republished four days later by another outlet: with the original in the report the
    copy is set aside and counted; filtered to the later outlet or dates, the copy is shown."""
    from analysis.build import params
    from analysis.sections.filters import apply_filters

    for path in SEEDS.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    text = (SEEDS / "002_17517f57ac5239d0.txt").read_text(encoding="utf-8")
    write_article(tmp_path, "zz-later.txt", "---\npublished: 2024-11-14\noutlet: Baltic Wire\n---\n" + text)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    ds = build_dataset(tmp_path)
    assert ds.articles.set_index("id").loc["zz-later", "copy_of"] == "002_17517f57ac5239d0"
    everything = apply_filters(ds, params.validate({"seeds_dir": str(tmp_path)}))
    assert "zz-later" not in set(everything.articles["id"]) and "folder entry skipped" in set(everything.conflicts["kind"])
    for chosen in ({"start_date": "2024-11-12"}, {"sources": ["Baltic Wire"]}):
        later = apply_filters(ds, params.validate({"seeds_dir": str(tmp_path), **chosen}))
        assert list(later.articles["id"]) == ["zz-later"] and len(later.claims) > 0
        assert "folder entry skipped" in set(later.conflicts["kind"])  # a note on the folder, whatever the filter
