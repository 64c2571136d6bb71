"""Curated annotations: facts a person confirmed, each resting on a verbatim quote.

The file is edited by hand, so pydantic checks it strictly against the models below (no
unknown keys, no empty text, a bool is not a number), and a problem is reported with its
place in the file (``annotations.yaml: figures[3].stance``) and what is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from analysis.common.errors import InputError
from analysis.common.safe_yaml import load_yaml
from analysis.extract.claimants import STANCES
from analysis.extract.figures import CATEGORIES, Figure
from analysis.extract.numbers import MAX_VALUE
from analysis.ingest.sources import annotations_of


@dataclass(frozen=True)
class Mention:
    """Where an annotated fact stands in an article, and the words that date it."""

    where: str
    article: str
    quote: str
    date_phrase: str | None
    date_quote: str | None


@dataclass(frozen=True)
class EventNote:
    id: str
    label: str
    evidence: tuple[Mention, ...]


@dataclass(frozen=True)
class FigureNote:
    mention: Mention
    figure: Figure


@dataclass(frozen=True)
class Annotations:
    events: tuple[EventNote, ...] = ()
    figures: tuple[FigureNote, ...] = ()


def _number_as_text(value):
    """Article and event ids may be written as plain numbers (`article: 42`)."""
    return str(value) if type(value) is int else value


Text = Annotated[str, StringConstraints(pattern=r"\S")]  # not empty, not only white space
Id = Annotated[Text, BeforeValidator(_number_as_text)]
Count = Annotated[int, Field(ge=0, le=MAX_VALUE)]  # a count of people or articles is never negative


def _fault(field: str | None, message: str) -> PydanticCustomError:
    """A check across fields, reported at `field` of the entry."""
    return PydanticCustomError("annotation", message, {"field": field})


class _Entry(BaseModel):
    """A mapping in the file: strict types, no unknown keys; a key set to null counts as absent."""

    model_config = ConfigDict(strict=True, extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _null_is_absent(cls, data):
        return {k: v for k, v in data.items() if v is not None} if isinstance(data, dict) else data


class _MentionEntry(_Entry):
    article: Id
    quote: Text
    date_phrase: Text | None = None
    date_quote: Text | None = None

    def mention(self, where: str) -> Mention:
        return Mention(where, self.article, self.quote, self.date_phrase, self.date_quote)


class _FigureEntry(_MentionEntry):
    value: Count | None = None
    value_max: Count | None = None
    qualifier: Text | None = None
    category: Literal[CATEGORIES]
    what: Text
    claimant: Text | None = None
    stance: Literal[STANCES]
    cited_source: Text | None = None
    claimant_kind: Literal["person", "organisation", "government"] | None = None

    @model_validator(mode="after")
    def _value_is_complete(self):
        if self.value_max is not None and (self.value is None or self.value_max < self.value):
            raise _fault("value_max", f"must be at least value ({self.value}).")
        if self.value is None and self.stance == "asserts" and self.category != "troops":
            raise _fault("value", f"an asserted {self.category} figure needs a value.")
        return self

    def note(self, where: str) -> FigureNote:
        figure = Figure(**{f.name: getattr(self, f.name) for f in fields(Figure)})
        return FigureNote(mention=self.mention(where), figure=figure)


class _EventEntry(_Entry):
    id: Id
    label: Text
    evidence: list[_MentionEntry] = Field(min_length=1)

    def note(self, where: str) -> EventNote:
        return EventNote(self.id, self.label,
                         tuple(m.mention(f"{where}.evidence[{j}]") for j, m in enumerate(self.evidence)))


class _AnnotationsFile(_Entry):
    events: list[_EventEntry] = []
    figures: list[_FigureEntry] = []

    @model_validator(mode="after")
    def _event_ids_are_unique(self):
        ids = [e.id for e in self.events]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise _fault(None, f"event id(s) used twice: {duplicated}.")
        return self


_TYPE_NAMES = {"string_type": "str", "int_type": "int", "list_type": "list"}
_ALLOWED = {"stance": list(STANCES), "category": list(CATEGORIES)}


def _place(loc: tuple, path: Path) -> str:
    """`annotations.yaml: figures[3].stance` for an entry's field; the file's path for the file itself."""
    if len(loc) <= 1:
        return ": ".join(map(str, [path, *loc]))
    return f"{path.name}: " + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def shown(value) -> str:
    """A value as an error message quotes it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _problem(errors: list[dict], path: Path) -> str:
    """One line for the first problem; unknown keys first, all of one mapping's together."""
    unknown = [e for e in errors if e["type"] in ("extra_forbidden", "invalid_key")]
    if unknown:
        loc = unknown[0]["loc"][:-1]
        keys = sorted((e["loc"][-1] for e in unknown if e["loc"][:-1] == loc), key=str)
        allowed = sorted(_model_at(loc).model_fields)
        return f"{_place(loc, path)}: unknown field(s) {keys}; allowed: {allowed}."
    error = errors[0]
    loc, kind, value = error["loc"], error["type"], error["input"]
    if kind == "annotation":
        field = error["ctx"]["field"]
        return f"{_place(loc + (field,) if field else loc, path)}: {error['msg']}"
    if kind == "missing":
        return f"{_place(loc, path)}: missing; this field is required."
    if kind == "string_pattern_mismatch":
        return f"{_place(loc, path)}: is empty."
    if kind == "literal_error":
        return f"{_place(loc, path)}: {shown(value)} is not one of {_ALLOWED[loc[-1]]}."
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{_place(loc, path)}: {shown(value)} is not a count (0 to {MAX_VALUE:,})."
    if kind == "too_short":
        return f"{_place(loc, path)}: an event needs at least one quote."
    if kind == "model_type":
        return f"{_place(loc, path)}: expected a mapping of fields, got {shown(value)}."
    if kind in _TYPE_NAMES:
        expected = "str or int" if loc[-1] in ("article", "id") else _TYPE_NAMES[kind]
        return f"{_place(loc, path)}: expected {expected}, got {shown(value)}."
    return f"{_place(loc, path)}: {error['msg']}."


def _model_at(loc: tuple) -> type[BaseModel]:
    """The model of the mapping at `loc` (list indexes skipped): `("events", 0, "evidence", 1)`."""
    model = _AnnotationsFile
    for key in loc:
        if isinstance(key, str):
            model = {"events": _EventEntry, "figures": _FigureEntry, "evidence": _MentionEntry}[key]
    return model


def load_annotations(folder: Path | str) -> Annotations:
    """The collection's annotations file (beside the articles of a folder or URL prefix), or no
    annotations when there is none."""
    found = annotations_of(folder)
    if found is None:
        return Annotations()
    path, data = found
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = f"byte 0x{data[exc.start]:02X} at offset {exc.start}"
        raise InputError(f"{path}: not UTF-8 ({bad}); save it as UTF-8.") from None
    data = load_yaml(text, str(path)) or {}
    try:
        parsed = _AnnotationsFile.model_validate(data)
    except ValidationError as exc:
        raise InputError(_problem(exc.errors(), path)) from None
    return Annotations(
        events=tuple(e.note(f"{path.name}: events[{i}]") for i, e in enumerate(parsed.events)),
        figures=tuple(f.note(f"{path.name}: figures[{i}]") for i, f in enumerate(parsed.figures)),
    )
