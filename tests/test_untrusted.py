"""Article text is untrusted: whatever it contains reaches the report as visible text."""

import re

import pandas as pd
import pytest

from analysis.build.report import build_report
from analysis.dataset.build import build_dataset
from analysis.sections.quality import quality_html

from conftest import write_article

HOSTILE = (
    "<script>alert('headline')</script> Troops news today\n"
    "Thursday, November 21, 2024\n"
    "Officials <img src=x onerror=alert(1)> said on Thursday that 2,000 North Korean troops were sent to Russia. "
    "See <a href=\"javascript:alert(2)\">this</a> and </table></div><script>alert(3)</script> "
    "The lower house ratified the treaty on Thursday.\n"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The whole report of a folder holding one hostile article, and its dataset."""
    folder = tmp_path_factory.mktemp("hostile")
    write_article(folder, "evil.txt", HOSTILE)
    target, _ = build_report({"seeds_dir": str(folder)}, tmp_path_factory.mktemp("out"))
    return target.read_text(encoding="utf-8"), build_dataset(folder)


def test_hostile_markup_is_escaped_in_every_section(hostile):
    page, _ = hostile
    body = page[page.index("<body"):]
    assert "<script" not in body.lower()
    assert not re.search(r"<img[^>]*onerror", body, re.I)
    assert not re.search(r"<a\s[^>]*href=\"javascript:", body, re.I)  # as text it may stay: &lt;a href="javascript:
    assert re.search(r"&lt;script&gt;alert\((&#x27;|')headline(&#x27;|')\)&lt;/script&gt;", body)  # shown as text
    assert "&lt;/table&gt;" in body


def test_hostile_text_still_yields_data(hostile):
    _, ds = hostile
    assert ds.figures["value"].dropna().astype(int).tolist() == [2000]
    assert "lower-house-ratification" in set(ds.events["event_id"])


def test_undated_article_is_a_warning_not_an_error(tmp_path):
    write_article(tmp_path, "undated.txt", "A headline without any date\nOfficials said on Monday that 500 troops left.\n")
    ds = build_dataset(tmp_path)
    article = ds.articles.iloc[0]
    assert pd.isna(article["published"]) and "no date on the page" in article["published_basis"]
    assert pd.isna(ds.figures.iloc[0]["claim_date"])
    assert "relative date not resolved" in ds.figures.iloc[0]["claim_date_basis"]
    assert "1 article without a publication date" in quality_html(ds)
