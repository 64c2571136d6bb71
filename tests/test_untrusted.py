"""Article text is untrusted: whatever it contains reaches the report as visible text."""

import re

import pandas as pd
import pytest

from analysis.build import params
from analysis.dataset.build import build_dataset
from analysis.sections.articles import articles_table
from analysis.sections.coverage import coverage_html
from analysis.sections.filters import apply_filters
from analysis.sections.quality import quality_html
from analysis.sections.reuse import reuse_html
from analysis.sections.sources import sources
from analysis.sections.summary import summary_html
from analysis.sections.timeline import timeline_chart
from analysis.sections.treaty import treaty_html
from analysis.sections.troops import troop_chart

from conftest import write_article

HOSTILE = (
    "<script>alert('headline')</script> Troops news today\n"
    "Thursday, November 21, 2024\n"
    "Officials <img src=x onerror=alert(1)> said on Thursday that 2,000 troops were sent. "
    "See <a href=\"javascript:alert(2)\">this</a> and </table></div><script>alert(3)</script> "
    "The lower house ratified the treaty on Thursday.\n"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    write_article(folder, "evil.txt", HOSTILE)
    ds = build_dataset(folder)
    p = params.validate({"seeds_dir": str(folder), "start_date": None, "end_date": None, "sources": None,
                         "claimants": None, "figure_format": "svg", "title": "t"})
    return apply_filters(ds, p)


def _sections(ds):
    return [articles_table(ds), timeline_chart(ds, "svg"), troop_chart(ds, "svg"), sources(ds), summary_html(ds),
            treaty_html(ds), coverage_html(ds), reuse_html(ds), quality_html(ds)]


def test_hostile_markup_is_escaped_in_every_section(hostile):
    page = "".join(_sections(hostile))
    assert "<script" not in page.lower()
    assert not re.search(r"<img[^>]*onerror", page, re.I)
    assert 'href="javascript:' not in page.lower()
    assert "&lt;script&gt;alert(&#x27;headline&#x27;)&lt;/script&gt;" in page  # shown as text
    assert "&lt;/table&gt;" in page


def test_hostile_text_still_yields_data(hostile):
    assert hostile.figures["value"].dropna().astype(int).tolist() == [2000]
    assert "lower-house-ratification" in set(hostile.events["event_id"])


def test_undated_article_is_a_warning_not_an_error(tmp_path):
    write_article(tmp_path, "undated.txt", "A headline without any date\nOfficials said on Monday that 500 troops left.\n")
    ds = build_dataset(tmp_path)
    article = ds.articles.iloc[0]
    assert pd.isna(article["published"]) and "no date on the page" in article["published_basis"]
    assert pd.isna(ds.figures.iloc[0]["claim_date"])
    assert "relative date not resolved" in ds.figures.iloc[0]["claim_date_basis"]
    assert "have no publication date" in quality_html(ds)
