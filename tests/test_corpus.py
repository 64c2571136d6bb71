import hashlib
import re
from datetime import date

import pytest

from analysis.common.errors import InputError
from analysis.ingest.article import load_article, load_corpus

from conftest import SEEDS, write_article


@pytest.fixture(scope="module")
def seeds():
    return {a.id: a for a in load_corpus(SEEDS)}


def test_every_seed_article_is_loaded(seeds):
    assert len(seeds) == len(list(SEEDS.glob("*.txt")))
    assert all(a.sha256 == hashlib.sha256(a.path.read_bytes()).hexdigest() for a in seeds.values())


@pytest.mark.parametrize("prefix, page_date", [
    ("000", date(2024, 11, 24)), ("001", date(2024, 11, 21)), ("002", date(2024, 11, 10)),
    ("003", date(2024, 10, 15)), ("004", date(2024, 6, 20)),
])
def test_page_dates(seeds, prefix, page_date):
    (article,) = [a for a in seeds.values() if a.id.startswith(prefix)]
    assert article.page_date == page_date


def test_metadata(seeds):
    reuters = next(a for a in seeds.values() if a.id.startswith("004"))
    assert reuters.headline == "New North Korea-Russia pact calls for immediate military aid if invaded"
    assert reuters.byline == "By Jack Kim and Ju-min Park"
    assert reuters.agency == "Reuters" and reuters.dateline.startswith("SEOUL (Reuters)")
    no_headline = next(a for a in seeds.values() if a.id.startswith("002"))
    assert no_headline.headline_basis.startswith("first sentence")


@pytest.mark.parametrize("furniture", [
    "RELATED ARTICLES", "Most Popular", "Source link", "Back to top button", "Send a link to a friend",
    "[to top of second column]", "Bitcoin (BTC) $", "HomeWorldAsia", "Thomson Reuters. All rights reserved",
    "(Reporting by", "FILE PHOTO",
])
def test_page_furniture_leaves_the_body(seeds, furniture):
    assert not any(furniture in a.body for a in seeds.values())
    assert any(furniture in r.text for a in seeds.values() for r in a.removals)


def test_captions_kept_apart(seeds):
    captions = [c for a in seeds.values() for c in a.captions]
    assert any("KCNA via REUTERS" in c for c in captions)


def test_wrapped_lines_are_joined(seeds):
    reuters = next(a for a in seeds.values() if a.id.startswith("004"))
    assert "according to the full text of a landmark pact released on Thursday" in reuters.body


def test_nothing_is_dropped_silently(seeds):
    """Every word of the raw file is in the body, the captions or an accounted removal."""
    for a in seeds.values():
        kept = " ".join([a.body, *a.captions, *(r.text for r in a.removals)])
        raw_words = re.findall(r"\S+", a.path.read_text(encoding="utf-8"))
        kept_words = set(re.findall(r"\S+", kept))
        missing = [w for w in raw_words if w not in kept_words]
        assert not missing, (a.id, missing[:5])


def test_front_matter_overrides(tmp_path):
    path = write_article(tmp_path, "a.md", "---\npublished: 2024-10-25\noutlet: Example News\nurl: https://example.org/a\n---\n"
                         "Headline of the example article\nSunday, November 24, 2024\nBody text said on Thursday.\n")
    article = load_article(path)
    assert article.published_override == date(2024, 10, 25)
    assert article.outlet == "Example News" and article.page_date == date(2024, 11, 24)


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x00\x01\x02abc", "binary"),
    ("fm.txt", b"---\npublished: [unclosed\n---\nText here.\n", "front matter: not valid YAML"),
    ("fm2.txt", b"---\nauthor: me\n---\nText here.\n", "unknown front matter key"),
    ("fm3.txt", b"---\npublished: someday\n---\nText here.\n", "is not a date"),
])
def test_bad_article_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        load_article(path)
    assert name in str(err.value)


def test_legacy_encoding_is_decoded(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes("Headline here now\n\u201cQuoted\u201d text said on Monday.".encode("cp1252"))
    article = load_article(path)
    assert article.encoding == "cp1252" and "\u201cQuoted\u201d" in article.body


def test_bad_folders(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_corpus(tmp_path / "missing")
    with pytest.raises(InputError, match="no articles found"):
        load_corpus(tmp_path)
    write_article(tmp_path, "x.txt", "Headline one\nOfficials said the first text is here today.\n")
    write_article(tmp_path, "x.md", "Headline two\nOfficials said the other text is here today.\n")
    write_article(tmp_path, "y.txt", "Headline three\nOfficials said a third text is here today.\n")
    assert sorted(a.id for a in load_corpus(tmp_path)) == ["x", "x.md", "y"]  # the text keeps the name


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

from analysis.ingest.cleaning import clean_page  # noqa: E402

PAGE_LINES = st.one_of(
    st.text(max_size=90),
    st.sampled_from(["RELATED ARTICLES", "Most Popular", "bitcoin", "Bitcoin (BTC) $ 67,045.96 1.48%", "|",
                     "HomeWorldAsiaSome headline", "© Reuters. FILE PHOTO: a caption", "(Reporting by A; Editing by B)",
                     "+ ↺ − 16 px", ""]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(PAGE_LINES, max_size=30))
def test_cleaning_loses_nothing_it_does_not_account_for(lines):
    raw = "\n".join(lines)
    page = clean_page(raw)
    kept = " ".join([*page.paragraphs, *(r.text for r in page.removals)]).split()
    assert sorted(kept) == sorted(raw.split())  # every word once: in the body or in an accounted removal
    assert set(page.captions) <= {r.text for r in page.removals if r.rule == "photo caption"}


def test_front_matter_url_reaches_the_articles_table(tmp_path):
    from analysis.dataset.build import build_dataset

    write_article(tmp_path, "a.md", "---\nurl: https://example.org/a\noutlet: Example News\n---\nSome headline here\n"
                  "June 20, 2024\nText of the article.\n")
    row = build_dataset(tmp_path).articles.iloc[0]
    assert (row["url"], row["outlet"]) == ("https://example.org/a", "Example News")


@given(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(
    ["©", "FILE PHOTO", "via REUTERS", "/ REUTERS.", "KCNA via", "Photo:", "AFP Photo", "All Rights Reserved",
     "may not be published, broadcast", "[©", "reuters", "photo"])), max_size=8).map(" ".join))
def test_caption_and_copyright_rules_never_match_without_their_hint(text):
    from analysis.ingest.cleaning import CAPTION, COPYRIGHT, PHOTO_OR_RIGHTS

    if CAPTION.search(text) or COPYRIGHT.search(text):
        assert any(hint in text.lower() for hint in PHOTO_OR_RIGHTS)
