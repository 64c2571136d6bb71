"""annotations.yaml is checked strictly (pydantic models), and every problem is one line with
its place in the file and what is allowed."""

import pytest

from analysis.common.errors import InputError
from analysis.dataset.annotations import Annotations, load_annotations
from analysis.extract.figures import Figure

FIGURE = "{article: a1, quote: q, category: casualties, what: dead, stance: asserts, value: 3%s}"
EVENT = "{id: e1, label: Signed, evidence: [{article: a1, quote: q%s}]%s}"


def load(tmp_path, text):
    (tmp_path / "annotations.yaml").write_text(text, encoding="utf-8")
    return load_annotations(tmp_path)


def test_a_valid_file_gives_notes(tmp_path):
    notes = load(tmp_path, (
        "events:\n"
        "  - {id: e2, label: Signed, evidence: [{article: a1, quote: q, date_phrase: on Monday}]}\n"
        "  - {id: 7, label: Ratified, evidence: [{article: a1, quote: q}, {article: a2, quote: r}]}\n"
        "figures:\n"
        "  - {article: a1, quote: q, category: casualties, what: dead, stance: asserts, value: 3, value_max: 5,"
        " claimant: null}\n"
        "  - {article: 42, quote: q, category: troops, what: troops, stance: denies}\n"))
    assert [e.id for e in notes.events] == ["e2", "7"]
    assert notes.events[0].evidence[0].date_phrase == "on Monday"
    assert notes.events[1].evidence[1].where == "annotations.yaml: events[1].evidence[1]"
    first, second = notes.figures
    assert first.figure == Figure(3, 5, None, "casualties", "dead", None, "asserts")
    assert first.mention.where == "annotations.yaml: figures[0]" and second.mention.article == "42"


def test_no_file_or_an_empty_file_gives_no_notes(tmp_path):
    assert load_annotations(tmp_path) == Annotations()
    assert load(tmp_path, "# nothing yet\n") == Annotations() == load(tmp_path, "events:\nfigures: []\n")


@pytest.mark.parametrize("text, message", [
    # unknown keys
    (f"figures: [{FIGURE % ', colour: red, size: 2'}]",
     "annotations.yaml: figures[0]: unknown field(s) ['colour', 'size']; allowed: ['article', 'category', "),
    (f"events: [{EVENT % (', where: x', '')}]",
     "annotations.yaml: events[0].evidence[0]: unknown field(s) ['where']; allowed: ['article', 'date_phrase', "),
    ("notes: []\n", "annotations.yaml: unknown field(s) ['notes']; allowed: ['events', 'figures']."),
    # wrong types
    (f"figures: [{FIGURE % ''}]".replace("value: 3", "value: many"),
     "annotations.yaml: figures[0].value: expected int, got 'many'."),
    (f"figures: [{FIGURE % ''}]".replace("value: 3", "value: 2.5"),
     "annotations.yaml: figures[0].value: expected int, got 2.5."),
    (f"figures: [{FIGURE % ''}]".replace("quote: q", "quote: [q]"),
     "annotations.yaml: figures[0].quote: expected str, got ['q']."),
    (f"figures: [{FIGURE % ''}]".replace("article: a1", "article: 1.5"),
     "annotations.yaml: figures[0].article: expected str or int, got 1.5."),
    (f"events: [{EVENT % ('', '')}]".replace("evidence: [{article: a1, quote: q}]", "evidence: q"),
     "annotations.yaml: events[0].evidence: expected list, got 'q'."),
    ("figures: [nonsense]\n", "annotations.yaml: figures[0]: expected a mapping of fields, got 'nonsense'."),
    ("- a\n", "annotations.yaml: expected a mapping of fields, got ['a']."),
    ("events: 5\n", "annotations.yaml: events: expected list, got 5."),
    # a bool is not a number, nor a text
    (f"figures: [{FIGURE % ''}]".replace("value: 3", "value: true"),
     "annotations.yaml: figures[0].value: expected int, got True."),
    (f"figures: [{FIGURE % ''}]".replace("article: a1", "article: yes"),
     "annotations.yaml: figures[0].article: expected str or int, got True."),
    # empty text, missing fields (null counts as missing)
    (f"figures: [{FIGURE % ''}]".replace("what: dead", "what: ' '"), "annotations.yaml: figures[0].what: is empty."),
    (f"events: [{EVENT % ('', '')}]".replace("label: Signed", "label: ''"), "annotations.yaml: events[0].label: is empty."),
    (f"figures: [{FIGURE % ''}]".replace("quote: q", "quote: null"),
     "annotations.yaml: figures[0].quote: missing; this field is required."),
    (f"events: [{EVENT % ('', '')}]".replace("article: a1, ", ""),
     "annotations.yaml: events[0].evidence[0].article: missing; this field is required."),
    # allowed values and checks across fields
    (f"figures: [{FIGURE % ''}]".replace("stance: asserts", "stance: refutes"),
     "annotations.yaml: figures[0].stance: 'refutes' is not one of ['asserts', 'denies', 'declines to confirm']."),
    (f"figures: [{FIGURE % ''}]".replace("category: casualties", "category: tanks"),
     "annotations.yaml: figures[0].category: 'tanks' is not one of ['troops', 'casualties', "),
    (f"figures: [{FIGURE % ', value_max: 2'}]", "annotations.yaml: figures[0].value_max: must be at least value (3)."),
    (f"figures: [{FIGURE % ''}]".replace(", value: 3", ""),
     "annotations.yaml: figures[0].value: an asserted casualties figure needs a value."),
    (f"events: [{EVENT % ('', '')}]".replace("[{article: a1, quote: q}]", "[]"),
     "annotations.yaml: events[0].evidence: an event needs at least one quote."),
    (f"events: [{EVENT % ('', '')}, {EVENT % ('', '')}]", "annotations.yaml: event id(s) used twice: ['e1']."),
])
def test_bad_annotations_name_the_place(tmp_path, text, message):
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    shown = str(caught.value).replace(str(tmp_path) + "/", "")
    assert shown.startswith(message) and "\n" not in shown
