"""Curated annotations: facts a person confirmed, each resting on a verbatim quote.

The file is edited by hand, so every field is checked and a problem is reported with its
place in the file (``annotations.yaml: figures[3].stance``) and what is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis.common.errors import InputError
from analysis.extract.claimants import STANCES
from analysis.extract.figures import CATEGORIES, Figure
from analysis.ingest.folder import ANNOTATIONS_FILE


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


def _get(item: dict, key: str, where: str, kind: type | tuple, required: bool = False):
    value = item.get(key)
    if value is None:
        if required:
            raise InputError(f"{where}.{key}: missing; this field is required.")
        return None
    if isinstance(value, bool) or not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise InputError(f"{where}.{key}: expected {names}, got {value!r}.")
    if isinstance(value, str) and not value.strip():
        raise InputError(f"{where}.{key}: is empty.")
    return value


def _check_keys(item, allowed: set[str], where: str) -> None:
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected a mapping of fields, got {item!r}.")
    unknown = set(item) - allowed
    if unknown:
        raise InputError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(allowed)}.")


def _mention(item: dict, where: str) -> Mention:
    return Mention(
        where=where,
        article=str(_get(item, "article", where, (str, int), required=True)),
        quote=_get(item, "quote", where, str, required=True),
        date_phrase=_get(item, "date_phrase", where, str),
        date_quote=_get(item, "date_quote", where, str),
    )


MENTION_KEYS = {"article", "quote", "date_phrase", "date_quote"}
FIGURE_KEYS = MENTION_KEYS | {"value", "value_max", "qualifier", "category", "what", "claimant", "stance"}


def _figure(item: dict, where: str) -> FigureNote:
    _check_keys(item, FIGURE_KEYS, where)
    stance = _get(item, "stance", where, str, required=True)
    if stance not in STANCES:
        raise InputError(f"{where}.stance: {stance!r} is not one of {list(STANCES)}.")
    category = _get(item, "category", where, str, required=True)
    if category not in CATEGORIES:
        raise InputError(f"{where}.category: {category!r} is not one of {list(CATEGORIES)}.")
    value = _get(item, "value", where, int)
    value_max = _get(item, "value_max", where, int)
    if value_max is not None and (value is None or value_max < value):
        raise InputError(f"{where}.value_max: must be at least value ({value}).")
    if value is None and stance == "asserts" and category != "troops":
        raise InputError(f"{where}.value: an asserted {category} figure needs a value.")
    figure = Figure(value=value, value_max=value_max, qualifier=_get(item, "qualifier", where, str),
                    category=category, what=_get(item, "what", where, str, required=True),
                    claimant=_get(item, "claimant", where, str), stance=stance)
    return FigureNote(mention=_mention(item, where), figure=figure)


def _event(item: dict, where: str) -> EventNote:
    _check_keys(item, {"id", "label", "evidence"}, where)
    evidence = _get(item, "evidence", where, list, required=True)
    if not evidence:
        raise InputError(f"{where}.evidence: an event needs at least one quote.")
    mentions = []
    for j, ev in enumerate(evidence):
        _check_keys(ev, MENTION_KEYS, f"{where}.evidence[{j}]")
        mentions.append(_mention(ev, f"{where}.evidence[{j}]"))
    return EventNote(
        id=str(_get(item, "id", where, (str, int), required=True)),
        label=_get(item, "label", where, str, required=True),
        evidence=tuple(mentions),
    )


def load_annotations(folder: Path) -> Annotations:
    """The folder's annotations file, or no annotations when there is none."""
    path = Path(folder) / ANNOTATIONS_FILE
    if not path.exists():
        return Annotations()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc
    _check_keys(data, {"events", "figures"}, str(path))
    events, figures = data.get("events") or [], data.get("figures") or []
    for key, value in (("events", events), ("figures", figures)):
        if not isinstance(value, list):
            raise InputError(f"{path}: {key}: expected a list.")
    parsed_events = tuple(_event(e, f"{path.name}: events[{i}]") for i, e in enumerate(events))
    ids = [e.id for e in parsed_events]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise InputError(f"{path}: event id(s) used twice: {duplicated}.")
    return Annotations(
        events=parsed_events,
        figures=tuple(_figure(f, f"{path.name}: figures[{i}]") for i, f in enumerate(figures)),
    )
