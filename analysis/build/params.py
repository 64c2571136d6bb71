"""Report parameters, defined once: `Parameters` holds each name, type, default and meaning.

The command line and the notebooks validate with it. The notebooks' `parameters` cells repeat
the names and defaults as plain assignments, because papermill and Jupyter need them there;
a test keeps each cell equal to this definition.

`seeds_dir` defaults to "../seeds", relative to the notebooks' folder, where Jupyter and
papermill run the kernel. The command line resolves that default against the notebooks'
folder, so it means the project's `seeds/` wherever the command runs; a folder given with
`-p` or `-f` is relative to the working directory, as any path on a command line.
"""

from __future__ import annotations

import re
import reprlib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from analysis.build.manifest import NOTEBOOKS
from analysis.common.safe_yaml import load_yaml
from analysis.common.errors import InputError
from analysis.extract.relevance import DEFAULT_TOPIC, parse_topic

FigureFormat = Literal["svg", "png"]
FIGURE_FORMATS = get_args(FigureFormat)
Text = Annotated[str, StringConstraints(pattern=r"\S")]  # not empty, not only white space


# The notebooks filter with pandas, whose instants are int64 nanoseconds from 1970: the days it can hold.
_SPAN = timedelta(microseconds=(2**63 - 1) // 1000)
FIRST_DAY, LAST_DAY = (datetime(1970, 1, 1) - _SPAN).date() + timedelta(days=1), (datetime(1970, 1, 1) + _SPAN).date()
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHOWN = reprlib.Repr()
_SHOWN.maxstring = _SHOWN.maxother = 80  # a huge value is shown by its start, never whole


def shown(value) -> str:
    """A value as an error line shows it: its repr, shortened."""
    return _SHOWN.repr(value)


def _date_problem(why: str) -> PydanticCustomError:
    return PydanticCustomError("bad_date", "{why}", {"why": why})


def _iso_date(value):
    """None or "" mean no limit; a day is a `date` or the text YYYY-MM-DD (papermill passes dates
    as text) that names a day in the calendar and in pandas' range. A time of day is refused
    rather than dropped: the filter compares days."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime) or (isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}[Tt ]\S", value)):
        raise _date_problem(f"{shown(value)} has a time of day; give the day alone as YYYY-MM-DD.")
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            value = date.fromisoformat(value)
        except ValueError as exc:
            raise _date_problem(f"{shown(value)} is not a day in the calendar ({exc}).") from None
    if not isinstance(value, date):
        raise _date_problem(f"{shown(value)} is not a date; use YYYY-MM-DD.")
    if not FIRST_DAY <= value <= LAST_DAY:
        raise _date_problem(f"{value} is outside the days the report can hold ({FIRST_DAY} to {LAST_DAY}).")
    return value


def _names(value):
    """One name or a list of names (`-p claimants Zelenskiy`, `-p claimants '["Zelenskiy"]'`);
    an empty list is no filter. Numbers are names too: article ids may be numbers."""
    if value == []:
        return None
    if isinstance(value, str):
        return [value]
    return [str(v) if type(v) is int else v for v in value] if isinstance(value, list) else value


Dates = Annotated[date | None, BeforeValidator(_iso_date)]
Names = Annotated[list[Text] | None, BeforeValidator(_names)]


class Parameters(BaseModel):
    """What a report is made from and how it looks. Types are strict: "true" is not a bool."""

    model_config = ConfigDict(strict=True, extra="forbid")

    seeds_dir: str = Field("../seeds", description="folder of articles (or a glob, or an fsspec URL); the default "
                                                   "is relative to the notebooks' folder, a given folder to the "
                                                   "working directory")
    start_date: Dates = Field(None, description="keep articles published on or after this day")
    end_date: Dates = Field(None, description="keep articles published on or before this day")
    sources: Names = Field(None, description="keep these article ids, outlets or agencies (None: all)")
    claimants: Names = Field(None, description="keep claims by these claimants and the articles quoting them (None: all)")
    figure_format: FigureFormat = Field("svg", description="format of the charts")
    show_code: bool = Field(False, description="show the notebooks' code in the report")
    title: Text = Field("How the news reported the 2024 Russia–North Korea treaty", description="title of the page")
    topic: Text = Field(DEFAULT_TOPIC, description="what an article must name to be on the story: terms separated by "
                                                   "',', groups joined by '+', alternatives separated by ';'")

    @model_validator(mode="after")
    def _topic_readable(self):
        try:
            parse_topic(self.topic)
        except ValueError as exc:
            raise PydanticCustomError("topic", f"parameter topic: {exc}.") from None
        return self

    @model_validator(mode="after")
    def _dates_in_order(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise PydanticCustomError("date_order", f"parameter end_date ({self.end_date}) is before "
                                                    f"start_date ({self.start_date}).")
        return self


_EXPECTED = {"seeds_dir": "a folder, a glob or an fsspec URL", "sources": "a name or a list of names",
             "claimants": "a name or a list of names", "show_code": "true or false", "title": "a non-empty text",
             "topic": "terms separated by ',', groups joined by '+', alternatives by ';'"}


def _problem(errors: list[dict], given: dict) -> str:
    """One line naming the parameter and what it allows, for the first problem pydantic found."""
    unknown = sorted(str(e["loc"][0]) for e in errors if e["type"] == "extra_forbidden")
    if unknown:
        return f"unknown parameter(s) {shown(unknown)}; known parameters: {sorted(Parameters.model_fields)}."
    error = errors[0]
    if not error["loc"]:  # a check across parameters
        return error["msg"]
    name = error["loc"][0]
    value = given[name]
    if error["type"] == "bad_date":
        return f"parameter {name}: {error['msg']}"
    if name in ("start_date", "end_date"):
        return f"parameter {name}: {shown(value)} is not a date; use YYYY-MM-DD."
    if name == "figure_format":
        return f"parameter figure_format: {shown(value)} is not one of {list(FIGURE_FORMATS)}."
    return f"parameter {name}: expected {_EXPECTED[name]}, got {shown(value)}."


def validate(given: dict) -> dict:
    """Check names, types and ranges; return every parameter (the default for one not given),
    with dates as `date` objects and `sources` and `claimants` as lists or None."""
    try:
        return Parameters.model_validate(given).model_dump()
    except ValidationError as exc:
        raise InputError(_problem(exc.errors(), given)) from None


def known_names(articles, figures) -> dict[str, list[str]]:
    """The names `sources` and `claimants` may use: article ids, outlets and agencies, and
    the claimants of the figures."""
    return {"sources": sorted(set(articles["id"]) | set(articles["outlet"].dropna()) | set(articles["agency"].dropna())),
            "claimants": sorted(set(figures["claimant"].dropna()))}


def check_names(params: dict, known: dict[str, list[str]]) -> None:
    """Names in `sources` and `claimants` must exist in the data (a typo would silently
    empty the report); the error lists the names that do."""
    for name in params.get("sources") or []:
        if name not in known["sources"]:
            raise InputError(f"parameter sources: {shown(name)} is neither an article id nor an outlet; "
                             f"known: {known['sources']}.")
    for name in params.get("claimants") or []:
        if not any(name.lower() in c.lower() for c in known["claimants"]):
            raise InputError(f"parameter claimants: no claimant matches {shown(name)}; known: {known['claimants']}.")


MAX_FILE_BYTES = 1 << 20  # a parameters file is a few "name: value" lines


def read_file(path: Path) -> dict:
    """The parameters of one `-f` file: UTF-8 YAML text, one mapping, within limits (no aliases,
    no deep nesting, at most MAX_FILE_BYTES); dates stay text, for `validate` to check."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read parameters: {exc.strerror or exc}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{path}: larger than {MAX_FILE_BYTES:,} bytes; a parameters file is 'name: value' lines.")
    if b"\0" in data:
        raise InputError(f"{path}: a binary file, not YAML parameters ('name: value' lines).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "save it as UTF-8.") from None
    loaded = load_yaml(text, f"{path}: cannot read parameters", dates_as_text=True)
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise InputError(f"{path}: expected 'name: value' lines.")
    return {str(k): v for k, v in loaded.items()}


def from_command_line(pairs: list[tuple[str, str]], files: list[Path]) -> dict:
    """The defaults, with `seeds_dir`'s resolved against the notebooks' folder, overridden by
    `-f file.yaml` and `-p name value` (values read as YAML, as papermill does, but dates left as
    text; a value that is not YAML is its text)."""
    given: dict = {}
    for path in files:
        given.update(read_file(path))
    for name, raw in pairs:
        try:
            given[name] = load_yaml(raw, f"parameter {name}", dates_as_text=True)
        except InputError:
            given[name] = raw
    defaults = Parameters().model_dump()
    defaults["seeds_dir"] = str((NOTEBOOKS / defaults["seeds_dir"]).resolve())
    return {**defaults, **given}
