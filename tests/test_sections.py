"""Each report section's data, computed from the seed dataset."""

import pytest

from analysis.build import manifest, params
from analysis.build.buildinfo import build_html
from analysis.common.errors import InputError
from analysis.sections.common import timeline_events
from analysis.sections.coverage import FIRST, LATER, coverage_matrix, quoted_people
from analysis.sections.filters import apply_filters
from analysis.sections.quality import removed_by_rule, unreviewed, vague_or_unresolved_dates
from analysis.sections.reuse import reuse_matrix
from analysis.sections.summary import key_facts, summary_html
from analysis.sections.treaty import article4_renderings, highlight_differences, treaty_facts

from conftest import SEEDS

NO_FILTER = {"start_date": None, "end_date": None, "sources": None, "claimants": None}


def test_key_facts(seeds_dataset):
    facts = key_facts(seeds_dataset).set_index("fact")
    assert facts.loc["Putin and Kim sign the treaty in Pyongyang", "value"] == "2024-06-19"
    assert facts.loc["Largest troop number reported (Zelenskiy)", "value"] == "11,000"
    assert facts.loc["First troop number reported (South Korean intelligence)", "value"] == "1,500"
    assert "Kremlin (Peskov) denies" in facts.index
    assert list(facts["when"]) == sorted(facts["when"])
    text = summary_html(seeds_dataset)
    assert "5 articles published between 20 June 2024 and 10 November 2024" in text
    assert "range from 1,500 to 11,000" in text and "23 articles" in text


def test_timeline_keeps_milestones_not_asides(seeds_dataset):
    kept = timeline_events(seeds_dataset.events)
    assert "lower-house-ratifies" in set(kept["event_id"])
    assert not kept["event_id"].str.startswith("other:").any()


def test_treaty_facts_and_article4(seeds_dataset):
    facts = treaty_facts(seeds_dataset)
    assert set(facts["value"]) == {4, 23, 51}
    renderings = article4_renderings(seeds_dataset)
    assert sorted(renderings["article_id"].str[:3]) == ["001", "004"]
    assert all("Article 51 of the UN Charter" in t for t in renderings["text"])


def test_highlight_differences_marks_only_changed_words():
    a, b = highlight_differences("the other side shall provide <aid>", "the other party will provide <aid>")
    assert a == "the other <mark>side shall</mark> provide &lt;aid&gt;"
    assert b == "the other <mark>party will</mark> provide &lt;aid&gt;"


def test_coverage_matrix_marks_first_appearance(seeds_dataset):
    m = coverage_matrix(seeds_dataset)
    signing = m.loc["Putin and Kim sign the treaty in Pyongyang"]
    assert signing[signing == FIRST].index.tolist() == ["004_6a84a186daab083e"]  # the June article
    assert (signing == LATER).sum() == 4
    assert list(m.columns) == seeds_dataset.articles.sort_values(["published", "id"])["id"].tolist()
    assert m.loc["11,000 troops"].tolist().count(FIRST) == 1


def test_quoted_people(seeds_dataset):
    people = quoted_people(seeds_dataset).set_index("article")
    assert "Peskov" in people.loc["003_34cf81a579b8c87e", "quoted or cited"]
    assert "Lukin" in people.loc["004_6a84a186daab083e", "quoted or cited"]


def test_reuse_matrix_finds_the_wire_copy(seeds_dataset):
    m = reuse_matrix(seeds_dataset)
    assert m.loc["002_17517f57ac5239d0", "003_34cf81a579b8c87e"] > 0.3
    assert m.loc["004_6a84a186daab083e", "001_c228eccb52df460e"] < 0.05


def test_quality_tables(seeds_dataset):
    vague = vague_or_unresolved_dates(seeds_dataset).set_index("phrase")
    assert set(vague.loc[["Recently"], "precision"]) == {"month"}  # the 30 days before the article
    assert "last month" in vague.index and "on Thursday" not in vague.index  # a day is precise enough
    pending = unreviewed(seeds_dataset)
    assert set(pending["ref"]) == set(seeds_dataset.figures.loc[~seeds_dataset.figures["reviewed"], "ref"]) | set(
        seeds_dataset.events.loc[~seeds_dataset.events["reviewed"], "ref"])
    removed = removed_by_rule(seeds_dataset).set_index(["article", "rule"])
    assert removed.loc[("003_34cf81a579b8c87e", "price ticker"), "pieces"] == 100


def test_build_information():
    p = params.validate({**NO_FILTER, "seeds_dir": str(SEEDS), "figure_format": "svg", "title": "t"})
    current = manifest.fingerprint(p, manifest.notebook_paths())
    assert len([k for k in current["inputs"] if k.startswith("seeds/")]) == 6
    assert {"python", "pandas", "papermill", "nbconvert"} <= set(current["versions"])
    page = build_html(p)
    assert current["cache_key"] in page and "seeds/annotations.yaml" in page and str(SEEDS.parent) not in page


@pytest.mark.parametrize("chosen, expected", [
    ({"start_date": "2024-10-01"}, {"000", "001", "002", "003"}),
    ({"end_date": "2024-10-15"}, {"003", "004"}),
    ({"sources": ["Reuters"]}, {"002", "003", "004"}),  # 002 credits Reuters in its text
    ({"sources": ["002_17517f57ac5239d0"]}, {"002"}),
    ({"claimants": ["zelenskiy"]}, {"002", "003"}),
])
def test_filters_apply_to_every_table(seeds_dataset, chosen, expected):
    p = params.validate({**NO_FILTER, "seeds_dir": str(SEEDS), "figure_format": "svg", "title": "t", **chosen})
    ds = apply_filters(seeds_dataset, p)
    assert {i[:3] for i in ds.articles["id"]} == expected
    for table in (ds.figures, ds.events, ds.removals):
        assert {i[:3] for i in table["article_id"]} <= expected
    if "claimants" in chosen:
        assert set(ds.figures["claimant"]) == {"Zelenskiy"}


def test_unknown_names_in_filters(seeds_dataset):
    with pytest.raises(InputError, match="known:"):
        params.check_names({"sources": ["AP"]}, params.known_names(seeds_dataset.articles, seeds_dataset.figures))
    params.check_names({"claimants": ["peskov"]}, params.known_names(seeds_dataset.articles, seeds_dataset.figures))


def test_many_articles_get_summaries_not_matrices(tmp_path):
    """Beyond a dozen articles, matrices of every article would be unreadable (and the pairwise
    reuse matrix quadratic): facts and copies are summarised instead."""
    from analysis.bench.corpus import generate
    from analysis.dataset.build import build_dataset
    from analysis.sections.common import MANY
    from analysis.sections.coverage import coverage_html, coverage_matrix, coverage_summary
    from analysis.sections.reuse import copied_shares, reuse_html

    generate(SEEDS, tmp_path, MANY + 3)
    ds = build_dataset(tmp_path)
    summary = coverage_summary(ds).set_index("fact")
    for fact, row in coverage_matrix(ds).iterrows():  # the summary is the matrix folded
        assert summary.loc[fact, "first reported in"] == row[row == "★"].index[0]
        assert summary.loc[fact, "articles"] == (row != "").sum()
    shares = copied_shares(ds)
    assert not shares.empty and set(shares["article"]) <= set(ds.copies["article_id"])
    page = coverage_html(ds) + reuse_html(ds)
    assert "first appeared" in page and "most copied first" in page and "Who is quoted most" in page
    denials = ds.figures[ds.figures["stance"] != "asserts"]
    facts = key_facts(ds)
    folded = facts[facts["fact"].str.endswith(" denies") | facts["fact"].str.endswith(" declines to confirm")]
    assert len(folded) == denials.groupby([denials["claimant"].fillna("unattributed"), "stance"]).ngroups
    assert folded["mentions"].sum() == len(denials)
    from analysis.sections.treaty import treaty_facts_summary

    folded = treaty_facts_summary(ds).set_index(["fact", "value"])
    assert folded.loc[("UN Charter article", 51), "articles"] == treaty_facts(ds).query("value == 51")["article"].nunique()
    assert "share of ↓ found in →" not in page  # no pairwise matrix


def test_short_ids_are_unique_prefixes():
    from analysis.sections.common import short_ids

    ids = ["004_6a84a186daab083e", "003_34cf81a579b8c87e", "reuters-treaty", "reuters-troops", "ap", "apx"]
    short = short_ids(ids)
    assert short["004_6a84a186daab083e"] == "004" and short["003_34cf81a579b8c87e"] == "003"
    assert short["reuters-treaty"] == "reuters-tre" and short["reuters-troops"] == "reuters-tro"
    assert short["ap"] == "ap" and short["apx"] == "apx"
    assert len(set(short.values())) == len(ids)
    assert all(aid.startswith(s) for aid, s in short.items())


def test_the_troop_chart_draws_each_distinct_mark_once(tmp_path):
    """With many articles most claims repeat one another exactly; each distinct mark is drawn
    once, and each claimant's first number and the largest keep their labels."""
    from analysis.bench.corpus import generate
    from analysis.dataset.build import build_dataset
    from analysis.sections.charts.claims import claims_over_time, troop_claims
    from analysis.sections.troops import claims_table

    generate(SEEDS, tmp_path, 40)
    ds = build_dataset(tmp_path)
    claims = claims_table(ds)
    troops = troop_claims(claims)
    ax = claims_over_time(claims, ds.claimants, narrow=False).axes[0]
    marks = [(tuple(line.get_xdata()), tuple(line.get_ydata()), line.get_marker(), line.get_color(),
              line.get_markerfacecolor()) for line in ax.lines if line.get_marker() not in ("None", None, "")
             and len(line.get_xdata())]
    assert len(marks) == len(set(marks)) < len(troops)
    numbers = troops[troops["value"].notna()]
    labels = [t.get_text() for t in ax.texts if t.get_text()]
    assert len(labels) == len(set(labels)) <= len(numbers[["claimant", "value", "qualifier"]].drop_duplicates())
    assert any(f"{int(numbers['value'].max()):,}" in label for label in labels)


def test_timeline_legend_keys_match_what_is_drawn(seeds_dataset):
    from matplotlib.colors import to_hex

    from analysis.sections.charts.timeline import WEEK_OR_MONTH, timeline

    fig = timeline(timeline_events(seeds_dataset.events), seeds_dataset.articles, narrow=False)
    ax, legend = fig.axes[0], fig.legends[0]
    keys = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles))
    assert to_hex(keys["event date (a week or a month)"].get_facecolor()) == WEEK_OR_MONTH
    assert {to_hex(bar.get_facecolor()) for bar in ax.patches} == {WEEK_OR_MONTH}
