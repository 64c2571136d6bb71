"""Report parameters: one definition, checked before any notebook runs.

The names and defaults are those of the notebooks' `parameters` cells (papermill reads them),
so a parameter is added in a notebook and validated here.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import yaml

from analysis.common.errors import InputError

FIGURE_FORMATS = ("svg", "png")
NAMES = ("seeds_dir", "start_date", "end_date", "sources", "claimants", "figure_format", "show_code", "title")


def _as_date(name: str, value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"parameter {name}: {value!r} is not a date; use YYYY-MM-DD.") from None


def validate(params: dict) -> dict:
    """Check types and ranges; return the parameters with dates as `date` objects."""
    out = dict(params)
    out["start_date"] = _as_date("start_date", params.get("start_date"))
    out["end_date"] = _as_date("end_date", params.get("end_date"))
    if out["start_date"] and out["end_date"] and out["end_date"] < out["start_date"]:
        raise InputError(f"parameter end_date ({out['end_date']}) is before start_date ({out['start_date']}).")
    if out.get("figure_format") not in FIGURE_FORMATS:
        raise InputError(f"parameter figure_format: {params.get('figure_format')!r} is not one of {list(FIGURE_FORMATS)}.")
    if not isinstance(params.get("seeds_dir"), str):
        raise InputError(f"parameter seeds_dir: expected a folder path, got {params.get('seeds_dir')!r}.")
    for name in ("sources", "claimants"):
        out[name] = _as_list(name, params.get(name))
    if not isinstance(params.get("show_code", False), bool):
        raise InputError(f"parameter show_code: expected true or false, got {params.get('show_code')!r}.")
    title = params.get("title", "")
    if not isinstance(title, str) or not title.strip():
        raise InputError(f"parameter title: expected a non-empty text, got {title!r}.")
    return out


def _as_list(name: str, value) -> list[str] | None:
    """None (no filter), one name, or a list of names: `-p claimants '["Zelenskiy"]'`."""
    if value is None or value == []:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and str(v).strip() for v in value):
        raise InputError(f"parameter {name}: expected a name or a list of names, got {value!r}.")
    return [str(v) for v in value]


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
            raise InputError(f"parameter sources: {name!r} is neither an article id nor an outlet; "
                             f"known: {known['sources']}.")
    for name in params.get("claimants") or []:
        if not any(name.lower() in c.lower() for c in known["claimants"]):
            raise InputError(f"parameter claimants: no claimant matches {name!r}; known: {known['claimants']}.")


def parse_overrides(pairs: list[tuple[str, str]], files: list[Path], known: dict) -> dict:
    """Parameters from `-f file.yaml` and `-p name value` (values read as YAML, as papermill
    does); an unknown name is an error that lists the known ones."""
    given: dict = {}
    for path in files:
        try:
            loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(f"{path}: cannot read parameters: {exc}") from exc
        if not isinstance(loaded, dict):
            raise InputError(f"{path}: expected 'name: value' lines.")
        given.update({str(k): v for k, v in loaded.items()})
    for name, raw in pairs:
        try:
            given[name] = yaml.safe_load(raw)
        except yaml.YAMLError:
            given[name] = raw
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise InputError(f"unknown parameter(s) {unknown}; known parameters: {sorted(known)}.")
    return {**known, **given}


_PARAMETERS_CELL = re.compile(r'^# %%.*tags=\[[^\]]*"parameters"[^\]]*\].*\n((?:(?!# %%).*\n?)*)', re.M)


def notebook_defaults(paths: list[Path]) -> dict:
    """Names and defaults of the notebooks' `parameters` cells (literal values), read from the
    percent-format text. All notebooks share one parameter set, so a name with two different
    defaults is an error."""
    defaults: dict = {}
    for path in paths:
        cell = _PARAMETERS_CELL.search(Path(path).read_text(encoding="utf-8"))
        if not cell:
            raise InputError(f"{path}: no cell tagged 'parameters'.")
        for node in ast.parse(cell.group(1)).body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                name, value = node.targets[0].id, ast.literal_eval(node.value)
                if name in defaults and defaults[name] != value:
                    raise InputError(f"{path}: parameter {name} defaults to {value!r} here but {defaults[name]!r} "
                                     "in another notebook; notebooks share one parameter set.")
                defaults[name] = value
    return defaults
