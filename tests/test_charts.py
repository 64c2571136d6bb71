"""The charts draw from small invented tables (and empty or one-row ones) in both renderings,
their text is at least 11 px as rendered, colours are fixed per claimant, and output is stable."""

import re
import xml.etree.ElementTree as ET

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from markupsafe import Markup

from analysis.sections.charts.casualties import casualties_over_time
from analysis.sections.charts.claims import claims_over_time
from analysis.sections.charts.coverage import OTHERS, UNKNOWN, coverage_facts, coverage_over_time, outlet_of
from analysis.sections.charts.embed import figure_bytes, figure_html
from analysis.sections.charts.style import OTHER, PALETTE, UNATTRIBUTED, claimant_colours
from analysis.sections.charts.timeline import timeline

CLAIMANTS = pd.DataFrame({"claimant": ["Zelenskiy", "Kremlin", "Seoul", "Kyiv"], "kind": "person",
                          "aliases": "", "articles": "", "n_figures": [3, 2, 2, 1]})


def claim(cid, claimant, value=None, stance="asserts", start=None, end=None, precision=None, published="2024-11-10",
          category="troops", subject="deployed", value_max=None, qualifier=None):
    day = pd.Timestamp
    return {"claim_id": cid, "claimant": claimant, "category": category, "subject": subject, "stance": stance,
            "value": value, "value_max": value_max, "qualifier": qualifier, "what": None,
            "said_start": day(start) if start else pd.NaT, "said_end": day(end or start) if start else pd.NaT,
            "said_precision": precision or ("day" if start and not end else "week" if start else None),
            "said_phrase": None, "said_basis": None, "first_article": "a", "first_published": day(published),
            "n_articles": 1, "n_mentions": 1, "refs": cid, "order_uncertain": False}


def claims(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=list(claim("x", None)))
    return frame.astype({"value": "Int64", "value_max": "Int64"})


STORY = claims(
    claim("C1", "Seoul", 1500, start="2024-09-24", end="2024-10-24", precision="month", qualifier="allegedly"),
    claim("C2", "Zelenskiy", 11000, start="2024-11-07"),
    claim("C3", "Kyiv", 10000, value_max=12000, published="2024-11-05"),
    claim("C4", "Kremlin", stance="denies", start="2024-10-07", end="2024-10-13"),
    claim("C5", None, stance="declines to confirm", published="2024-11-10"),
    claim("C6", "Zelenskiy", 3000, category="casualties", subject="killed", start="2024-12-01"),
    claim("C7", "Kremlin", 200, category="casualties", subject="captured", published="2024-12-20"),
)
ARTICLES = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["Reuters", None, "AP"],
                         "published": pd.to_datetime(["2024-06-20", "2024-10-24", "2024-10-24"]),
                         "name": ["Reuters, 20 Jun 2024", "b", "AP, 24 Oct 2024"]})
EVENTS = pd.DataFrame({"event_id": ["e1", "e1", "e2", "e3"], "label": ["Signed", "Signed", "Ratified", "Long week"],
                       "date_start": pd.to_datetime(["2024-06-19", "2024-06-19", "2024-10-24", "2024-11-04"]),
                       "date_end": pd.to_datetime(["2024-06-19", "2024-06-19", "2024-10-24", "2024-11-10"]),
                       "date_precision": ["day", "day", "day", "week"], "article_id": ["a", "b", "c", "b"]})
NO_EVENTS = pd.DataFrame(columns=["label", "kind", "first"])
FACTS = coverage_facts(STORY, pd.DataFrame({"label": ["Signed"], "kind": ["treaty-signing"],
                                           "first": [pd.Timestamp("2024-06-20")]}))

CHARTS = {
    "claims": lambda c, narrow: claims_over_time(c, CLAIMANTS, narrow),
    "casualties": lambda c, narrow: casualties_over_time(c, CLAIMANTS, narrow),
    "coverage": lambda c, narrow: coverage_over_time(ARTICLES, coverage_facts(c, NO_EVENTS), narrow),
    "timeline": lambda c, narrow: timeline(EVENTS[EVENTS["article_id"].isin(set(c["first_article"]) | {"b"})],
                                           ARTICLES, narrow),
}


@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("chart", list(CHARTS))
@pytest.mark.parametrize("rows", [STORY, STORY.iloc[:1], STORY.iloc[:0]], ids=["story", "one", "empty"])
def test_every_chart_draws_both_renderings(chart, narrow, rows):
    fig = CHARTS[chart](rows, narrow)
    if fig is None:  # casualties: nothing to draw, the section says so
        assert chart == "casualties" and rows["category"].ne("casualties").all()
        return
    svg = figure_bytes(fig, "svg")
    plt.close(fig)
    assert svg.startswith(b"<?xml") and rendered_font_sizes(svg, narrow)


def rendered_font_sizes(svg: bytes, narrow: bool) -> list[float]:
    """Each text's font size in CSS px as shown: SVG size x displayed width / viewBox width, the
    displayed width being the natural one (pt x 4/3) unless the column is narrower."""
    root = ET.fromstring(svg)
    natural = float(root.get("width").removesuffix("pt")) * 4 / 3
    view_width = float(root.get("viewBox").split()[2])
    shown = min(natural, 350 if narrow else 1000)
    sizes = [float(m) for m in re.findall(r"font-size: ?([\d.]+)px", svg.decode())]
    return [size * shown / view_width for size in sizes]


@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("chart", list(CHARTS))
def test_chart_text_is_at_least_11_px_and_figures_fit_their_column(chart, narrow):
    fig = CHARTS[chart](STORY, narrow)
    svg = figure_bytes(fig, "svg")
    plt.close(fig)
    assert min(rendered_font_sizes(svg, narrow)) >= 11
    natural = float(ET.fromstring(svg).get("width").removesuffix("pt")) * 4 / 3
    assert (330 <= natural <= 350) if narrow else (940 <= natural <= 1000)


def test_colours_are_fixed_by_the_unfiltered_claimants_table():
    colours = claimant_colours(CLAIMANTS)
    assert colours == {"Zelenskiy": PALETTE[0], "Kremlin": PALETTE[1], "Seoul": PALETTE[2], "Kyiv": PALETTE[3],
                       "unattributed": UNATTRIBUTED}
    many = pd.DataFrame({"claimant": [f"c{i:02}" for i in range(10)], "n_figures": 1})
    assert list(claimant_colours(many).values())[7:10] == [OTHER] * 3
    only_kyiv = STORY[STORY["claimant"] == "Kyiv"]
    fig = claims_over_time(only_kyiv, CLAIMANTS, narrow=False)
    drawn = {line.get_color() for ax in fig.axes for line in ax.lines if len(line.get_xdata())}
    plt.close(fig)
    assert drawn == {colours["Kyiv"]}


def test_denials_are_on_their_own_lanes_not_below_zero():
    fig = claims_over_time(STORY, CLAIMANTS, narrow=False)
    numbers, lanes = fig.axes[:2]
    assert numbers.get_ylim()[0] == 0
    lane_names = {t.get_text() for t in lanes.texts} - {""}  # an empty text is an undated mark's arrow
    assert lane_names == {"Kremlin denies", "unattributed declines to confirm"}
    labels = {t.get_text() for t in numbers.texts}
    assert {"Seoul: allegedly 1,500", "Zelenskiy: 11,000", "Kyiv: 10,000–12,000"} <= labels
    assert fig.axes[0].get_xlim() == fig.axes[1].get_xlim()  # one time axis
    legend = {t.get_text() for t in fig.legends[0].get_texts()}
    assert {"no number: denies", "no number: declines to confirm", "a range of numbers"} <= legend
    plt.close(fig)


def test_many_claims_fold_labels_and_draw_identical_marks_once():
    repeated = claims(*[claim(f"C{i}", f"c{i % 15}", 1000 + 100 * (i % 3), start="2024-10-01") for i in range(60)])
    fig = claims_over_time(repeated, CLAIMANTS, narrow=False)
    ax = fig.axes[0]
    marks = [(tuple(line.get_xdata()), tuple(line.get_ydata()), line.get_marker(), line.get_color())
             for line in ax.lines if line.get_marker() not in ("None", None, "")]
    assert len(marks) == len(set(marks)) < len(repeated)
    assert len(ax.texts) <= 15 + 1  # each claimant's first claim, and the largest number
    plt.close(fig)


def test_casualties_mark_what_was_counted():
    fig = casualties_over_time(STORY, CLAIMANTS, narrow=True)
    legend = {t.get_text() for t in fig.legends[0].get_texts()}
    assert {"killed", "captured"} <= legend
    assert {t.get_text() for t in fig.axes[0].texts} - {""} == {"Zelenskiy: 3,000 killed", "Kremlin: 200 captured"}
    plt.close(fig)
    assert casualties_over_time(STORY[STORY["category"] == "troops"], CLAIMANTS, narrow=False) is None


def test_coverage_folds_outlets_and_names_the_unknown():
    articles = pd.DataFrame({"outlet": [f"o{i}" for i in range(9)] + [None, "o0"]})
    outlets = outlet_of(articles)
    assert outlets.nunique() == 9 and set(outlets) >= {OTHERS, UNKNOWN, "o0"}
    assert list(FACTS["label"]) == ["Signed", "Kyiv: 10,000–12,000 troops", "Kremlin denies",
                                    "Seoul: allegedly 1,500 troops", "Zelenskiy: 11,000 troops", "Zelenskiy: 3,000 killed",
                                    "unattributed declines to confirm", "Kremlin: 200 captured"]


def test_articles_of_one_day_are_side_by_side():
    fig = timeline(EVENTS, ARTICLES, narrow=True)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    triangles = [line for line in ax.lines if line.get_marker() == "v"]
    places = {tuple(t.get_transform().transform((t.get_xdata()[0], t.get_ydata()[0])).round(1)) for t in triangles}
    assert len(places) == len(triangles) == 4  # e1: a and b; e2: c; e3: b
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "reported in Reuters, 20 Jun 2024" in legend and "reported in b, 24 Oct 2024" in legend
    plt.close(fig)


def test_embedding_is_byte_identical_and_has_both_renderings():
    def draw(narrow):
        return claims_over_time(STORY, CLAIMANTS, narrow)

    pages = [figure_html(draw, "svg", alt="A", caption="C", source="S", refs=Markup("")) for _ in range(2)]
    assert pages[0] == pages[1]
    assert re.search(r'<picture><source media="\(max-width: 600px\)" srcset="data:image/svg\+xml;base64,[^"]+" '
                     r'width="349" height="\d+"><img src="data:image/svg\+xml;base64,[^"]+" alt="A" width="960"',
                     pages[0])
