"""The report's parameters are defined once (`analysis.build.params.Parameters`): the notebooks'
`parameters` cells repeat that definition, the command line resolves the default articles
folder, and bad values stop with one line naming the parameter."""

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from analysis.build import manifest
from analysis.build.params import Parameters, from_command_line, validate
from analysis.common.errors import InputError

from conftest import SEEDS

_PARAMETERS_CELL = re.compile(r'^# %%.*tags=\[[^\]]*"parameters"[^\]]*\].*\n((?:(?!# %%).*\n?)*)', re.M)


def notebook_defaults(paths: list[Path]) -> dict:
    """Names and defaults of the notebooks' `parameters` cells, in their order, read from the
    percent-format text; to compare with `Parameters`."""
    defaults: dict = {}
    for path in paths:
        cell = _PARAMETERS_CELL.search(Path(path).read_text(encoding="utf-8"))
        assert cell, f"{path}: no cell tagged 'parameters'"
        for node in ast.parse(cell.group(1)).body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                defaults[node.targets[0].id] = ast.literal_eval(node.value)
    return defaults


DEFINED = list(Parameters().model_dump().items())


@pytest.mark.parametrize("path", manifest.notebook_paths(), ids=lambda p: p.name)
def test_each_notebook_cell_repeats_the_definition(path):
    """Names, order and default values: a notebook that drifts from `Parameters` fails here."""
    assert list(notebook_defaults([path]).items()) == DEFINED


def test_a_drifted_cell_is_caught(tmp_path):
    cell = "".join(f"{name} = {value!r}\n" for name, value in DEFINED)
    drifted = tmp_path / "drifted.py"
    drifted.write_text('# %% tags=["parameters"]\n' + cell.replace("'svg'", "'png'") + "\n# %%\nx = 1\n",
                       encoding="utf-8")
    assert list(notebook_defaults([drifted]).items()) != DEFINED
    reordered = tmp_path / "reordered.py"
    reordered.write_text('# %% tags=["parameters"]\n' + "".join(reversed(cell.splitlines(True))), encoding="utf-8")
    assert list(notebook_defaults([reordered]).items()) != DEFINED


def test_every_parameter_is_described():
    assert all(field.description for field in Parameters.model_fields.values())


def test_defaults_validate_to_themselves():
    assert list(validate({}).items()) == DEFINED


def test_command_line_default_folder_is_the_projects_seeds_wherever_it_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert from_command_line([], [])["seeds_dir"] == str(SEEDS.resolve())
    assert from_command_line([("seeds_dir", "mine")], [])["seeds_dir"] == "mine"  # relative to the working directory
    given = tmp_path / "params.yaml"
    given.write_text("seeds_dir: other\nshow_code: true\n", encoding="utf-8")
    assert from_command_line([], [given]) == {**from_command_line([], []), "seeds_dir": "other", "show_code": True}


def test_values_are_read_into_their_types():
    p = validate({"start_date": "2024-10-01", "end_date": date(2024, 11, 30), "sources": "Reuters",
                  "claimants": ["Zelenskiy", 12], "show_code": True})
    assert (p["start_date"], p["end_date"]) == (date(2024, 10, 1), date(2024, 11, 30))
    assert (p["sources"], p["claimants"]) == (["Reuters"], ["Zelenskiy", "12"])
    assert validate({"start_date": "", "sources": []})["start_date"] is None and validate({"sources": []})["sources"] is None


@pytest.mark.parametrize("given, message", [
    ({"colour": "red", "size": 2}, "unknown parameter(s) ['colour', 'size']; known parameters: ['claimants', "),
    ({"start_date": "yesterday"}, "parameter start_date: 'yesterday' is not a date; use YYYY-MM-DD."),
    ({"end_date": 2024.5}, "parameter end_date: 2024.5 is not a date; use YYYY-MM-DD."),
    ({"start_date": "2024-11-01", "end_date": "2024-10-01"},
     "parameter end_date (2024-10-01) is before start_date (2024-11-01)."),
    ({"figure_format": "gif"}, "parameter figure_format: 'gif' is not one of ['svg', 'png']."),
    ({"seeds_dir": 5}, "parameter seeds_dir: expected a folder, a glob or an fsspec URL, got 5."),
    ({"sources": {"a": 1}}, "parameter sources: expected a name or a list of names, got {'a': 1}."),
    ({"claimants": [" "]}, "parameter claimants: expected a name or a list of names, got [' ']."),
    ({"claimants": [True]}, "parameter claimants: expected a name or a list of names, got [True]."),
    ({"show_code": "true"}, "parameter show_code: expected true or false, got 'true'."),
    ({"show_code": 1}, "parameter show_code: expected true or false, got 1."),
    ({"title": ""}, "parameter title: expected a non-empty text, got ''."),
    ({"title": None}, "parameter title: expected a non-empty text, got None."),
])
def test_bad_values_name_the_parameter(given, message):
    with pytest.raises(InputError) as caught:
        validate(given)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)
