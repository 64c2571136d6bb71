"""Each report section's data, computed from the seed dataset."""

import pytest

from analysis.build import manifest, params
from analysis.build.buildinfo import build_html
from analysis.common.errors import InputError
from analysis.sections.claims import what_we_know
from analysis.sections.common import timeline_events
from analysis.sections.coverage import FIRST, LATER, coverage_matrix, facts_by_article
from analysis.sections.filters import apply_filters, filter_banner
from analysis.sections.quality import removed_by_rule, unreviewed, vague_or_unresolved_dates
from analysis.sections.treaty import highlight_differences, renderings_html

from conftest import SEEDS

NO_FILTER = {"start_date": None, "end_date": None, "sources": None, "claimants": None}


def test_what_we_know_is_one_row_per_claim_in_the_order_made(seeds_dataset):
    ds = seeds_dataset
    known = what_we_know(ds.claims, ds.articles)
    assert len(known) == len(ds.claims) == len(ds.claims[["claimant", "stance", "value", "what"]].drop_duplicates())
    rows = known.set_index("quotes")
    assert rows.loc["F1", "said on"] == "≈ by 24 Oct 2024 ('Recently')"  # a window, not its first day
    assert rows.loc["F4", "said on"] == "≈ between 7 and 13 Oct 2024 ('last week')"
    assert rows.loc["F6", "said on"] == "7 Nov 2024 ('on Thursday')" and rows.loc["F6", "claim"].startswith("11,000")
    assert rows.loc["F6", "first reported in"] == "Reuters, 10 Nov 2024" and rows.loc["F6", "reported in"] == "1 article"
    assert rows.loc["F2", "claim"].startswith("denies reports of")
    assert list(known["quotes"]).index("F1") < list(known["quotes"]).index("F6")  # the claims grew in this order
    assert not known["first reported in"].str.contains("_").any()  # names, not ids


def test_timeline_keeps_milestones_not_asides(seeds_dataset):
    kept = timeline_events(seeds_dataset.events)
    assert "lower-house-ratifies" in set(kept["event_id"])
    assert not kept["event_id"].str.startswith("other:").any()


def test_treaty_renderings_come_from_the_dataset(seeds_dataset):
    ds = seeds_dataset
    article4 = ds.renderings[ds.renderings["treaty_article"] == 4]
    assert sorted(article4["article_id"].str[:3]) == ["001", "004"]
    assert all("Article 51 of the UN Charter" in t for t in article4["text"])
    page = renderings_html(ds.renderings, ds.articles)
    assert "Article 4 as two sources quote it" in page and "Reuters, 20 Jun 2024" in page and "<mark>" in page
    assert "None of these articles quotes the wording" in renderings_html(ds.renderings.iloc[:0], ds.articles)


def test_highlight_differences_marks_only_changed_words():
    a, b = highlight_differences("the other side shall provide <aid>", "the other party will provide <aid>")
    assert a == "the other <mark>side shall</mark> provide &lt;aid&gt;"
    assert b == "the other <mark>party will</mark> provide &lt;aid&gt;"


def test_coverage_matrix_marks_first_appearance(seeds_dataset):
    ds = seeds_dataset
    facts = facts_by_article(ds.claims, timeline_events(ds.events), ds.figures)
    m = coverage_matrix(ds.articles, facts).set_index("fact")
    signing = m.loc["Putin and Kim sign the treaty in Pyongyang"]
    assert signing[signing == FIRST].index.tolist() == ["Reuters, 20 Jun 2024"]  # the June article
    assert (signing == LATER).sum() == 4
    assert list(m.columns) == ds.articles.sort_values(["published", "id"])["name"].tolist()
    assert m.loc["11,000 (Zelenskiy)"].tolist().count(FIRST) == 1


def test_who_each_article_quotes(seeds_dataset):
    quoted = seeds_dataset.quoted.groupby("article_id")["name"].agg("; ".join)
    assert "Peskov" in quoted["003_34cf81a579b8c87e"]
    assert "Lukin" in quoted["004_6a84a186daab083e"]


def test_the_wire_copy_is_a_share_of_the_later_article(seeds_dataset):
    copy = seeds_dataset.copies.set_index(["article_id", "source_id"]).loc[("002_17517f57ac5239d0", "003_34cf81a579b8c87e")]
    assert copy["share"] > 0.3 and copy["n_chars"] == copy["end"] - copy["start"]


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
        assert set(ds.claims["claimant"]) == {"Zelenskiy"}
    figure_articles = ds.figures.set_index("ref")["article_id"]
    for _, claim in ds.claims.iterrows():  # recounted from the articles kept
        kept = {figure_articles[r] for r in claim["refs"].split()}
        assert claim["n_articles"] == len(kept) and claim["first_article"] in kept
    assert (ds.events.groupby("event_id")["article_id"].nunique() == ds.events.groupby("event_id")["n_articles"].first()).all()
    banner = filter_banner(p, len(ds.articles), len(seeds_dataset.articles))
    assert "Filtered report" in banner and f"shows {len(ds.articles)} article" in banner


def test_no_filter_no_banner(seeds_dataset):
    p = params.validate({**NO_FILTER, "seeds_dir": str(SEEDS), "figure_format": "svg", "title": "t"})
    assert apply_filters(seeds_dataset, p) is seeds_dataset
    assert filter_banner(p, 5, 5) == ""


def test_unknown_names_in_filters(seeds_dataset):
    with pytest.raises(InputError, match="known:"):
        params.check_names({"sources": ["AP"]}, params.known_names(seeds_dataset.articles, seeds_dataset.figures))
    params.check_names({"claimants": ["peskov"]}, params.known_names(seeds_dataset.articles, seeds_dataset.figures))


def test_many_articles_get_summaries_not_matrices(tmp_path):
    """Beyond a dozen articles, a matrix of every article would be unreadable: each fact's first
    report and spread are summarised instead."""
    from analysis.bench.corpus import generate
    from analysis.dataset.build import build_dataset
    from analysis.sections.common import MANY
    from analysis.sections.coverage import coverage_matrix_html, coverage_summary

    generate(SEEDS, tmp_path, MANY + 3)
    ds = build_dataset(tmp_path)
    facts = facts_by_article(ds.claims, timeline_events(ds.events), ds.figures)
    summary = coverage_summary(ds.articles, facts).set_index("fact")
    for fact, row in coverage_matrix(ds.articles, facts).set_index("fact").iterrows():  # the summary is the matrix folded
        assert summary.loc[fact, "first reported in"] == row[row == FIRST].index[0]
        assert summary.loc[fact, "articles"] == (row != "").sum()
    page = coverage_matrix_html(ds.articles, ds.claims, timeline_events(ds.events), ds.figures)
    assert "first appeared" in page and FIRST not in page


def test_the_troop_chart_draws_each_distinct_mark_once(tmp_path):
    """With many articles most claims repeat one another exactly; each distinct mark is drawn
    once, and each claimant's first number and the largest keep their labels."""
    from analysis.bench.corpus import generate
    from analysis.dataset.build import build_dataset
    from analysis.sections.charts.claims import claims_over_time
    from analysis.sections.common import troop_claims

    generate(SEEDS, tmp_path, 40)
    ds = build_dataset(tmp_path)
    claims = ds.claims
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


def test_a_filtered_report_dates_events_from_the_articles_it_keeps(seeds_dataset):
    """Only the June article, which a later start date leaves out, puts the signing on a day; the
    articles kept say "In June" (and "nearly five months after", which only a rule bounds)."""
    import pandas as pd

    p = params.validate({**NO_FILTER, "seeds_dir": str(SEEDS), "figure_format": "svg", "title": "t",
                         "start_date": "2024-10-20"})
    events = apply_filters(seeds_dataset, p).events.drop_duplicates("event_id").set_index("event_id")
    signing = events.loc["treaty-signed"]
    assert (signing["date_start"], signing["date_end"]) == (pd.Timestamp("2024-06-01"), pd.Timestamp("2024-06-30"))
    assert signing["date_precision"] == "month" and signing["n_articles"] == 3
    unfiltered = seeds_dataset.events.drop_duplicates("event_id").set_index("event_id").loc["treaty-signed"]
    assert unfiltered["date_start"] == unfiltered["date_end"] == pd.Timestamp("2024-06-19")
