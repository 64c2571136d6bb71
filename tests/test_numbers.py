import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.extract.numbers import find_numbers


@pytest.mark.parametrize("text, value, value_max, qualifier", [
    ("sent 1,500 soldiers", 1500, None, None),
    ("11 000 troops", 11000, None, None),
    ("ten thousand troops", 10000, None, None),
    ("ten-thousand troops", 10000, None, None),
    ("some 15-hundred special forces", 1500, None, "some"),
    ("fifteen hundred troops", 1500, None, None),
    ("1.5 thousand soldiers", 1500, None, None),
    ("12k troops", 12000, None, None),
    ("11,000-12,000 troops", 11000, 12000, None),
    ("11-12 thousand troops", 11000, 12000, None),
    ("between 10,000 and 12,000 troops", 10000, 12000, None),
    ("from 10,000 to 12,000 soldiers", 10000, 12000, None),
    ("about 3,000 soldiers", 3000, None, "about"),
    ("nearly 5,000 men", 5000, None, "nearly"),
    ("more than 600,000 soldiers", 600000, None, "more than"),
    ("at least 100 killed", 100, None, "at least"),
    ("up to 12,000 troops", 12000, None, "up to"),
    ("as many as 2,000 troops", 2000, None, "as many as"),
])
def test_number_forms(text, value, value_max, qualifier):
    (n,) = find_numbers(text)
    assert (n.value, n.value_max, n.qualifier) == (value, value_max, qualifier)
    assert text[n.start:n.end] == n.text


@given(st.text(max_size=120))
def test_number_parser_never_crashes(text):
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text) and n.value >= 0


NUMBERISH = st.sampled_from(["1,500", "11 000", "ten", "thousand", "-", "12k", "between", "and", "from", "to",
                             "more than", "about", "some", "one", "5one", "A380", "2024", "_7", "é", ",", ".", "  ", "xabout", "ſix", "SEVENTEEN", "\n"])


@given(st.lists(st.one_of(NUMBERISH, st.text(max_size=6)), max_size=25).map(" ".join))
def test_number_scan_finds_what_a_full_scan_finds(text):
    from analysis.extract.numbers import NUMBER, _matches

    assert [m.span() for m in _matches(text)] == [m.span() for m in NUMBER.finditer(text)]


@pytest.mark.parametrize("text, value, qualifier", [
    ("10.000 soldiers", 10000, None),
    ("1.5 thousand soldiers", 1500, None),
    ("just over 2,000 troops", 2000, "just over"),
    ("in excess of 3,000 troops", 3000, "in excess of"),
    ("no fewer than 400 troops", 400, "no fewer than"),
    ("an estimated 12,000 troops", 12000, "an estimated"),
    ("awesome 12 troops", 12, None),
    ("some 15 hundred troops", 1500, "some"),
    ("about a dozen troops", 12, "about"),
    ("two dozen troops", 24, None),
])
def test_more_number_forms(text, value, qualifier):
    (n,) = find_numbers(text)
    assert (n.value, n.qualifier) == (value, qualifier)


def test_dozens_is_no_number():
    assert find_numbers("dozens of troops") == []
