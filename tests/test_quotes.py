from analysis.extract.quotes import find_phrase, find_quote

BODY = "First line of a\nwrapped   paragraph.\n\nSecond paragraph on Thursday."


def test_quote_found_across_line_breaks_and_spaces():
    start, end = find_quote(BODY, "of a wrapped paragraph.")
    assert BODY[start:end] == "of a\nwrapped   paragraph."


def test_quote_across_paragraphs_and_missing_quote():
    assert find_quote(BODY, "paragraph. Second") is not None
    assert find_quote(BODY, "not in the text") is None
    assert find_quote(BODY, "   ") is None


def test_phrase_is_found_only_inside_its_quote():
    quote = find_quote(BODY, "Second paragraph on Thursday.")
    start, end = find_phrase(BODY, "on thursday", *quote)
    assert BODY[start:end] == "on Thursday"
    assert find_phrase(BODY, "on Thursday", 0, 20) is None
