"""Hostile and broken parameters (issue 14): each gives exactly one `error:` line naming the
parameter or the file, exit status 1, and no kernel is started; several-line messages are joined."""

import subprocess
import sys

import papermill
import pytest

import analysis.speed.kernels
from analysis.__main__ import MAX_MESSAGE, main
from analysis.build import execute, manifest, params
from analysis.build.params import FIRST_DAY, LAST_DAY
from analysis.common.safe_yaml import load_yaml
from analysis.common.errors import InputError

from conftest import ROOT


@pytest.fixture
def no_kernels(monkeypatch):
    """Fails the test if a build gets as far as starting kernels."""
    def refuse(*args, **kwargs):
        raise AssertionError("a kernel was started for a bad parameter")

    monkeypatch.setattr(analysis.speed.kernels, "start", refuse)


def one_error(capsys, argv) -> str:
    """Runs the command line; asserts exit 1 and one line on stderr starting with "error:"."""
    assert main(argv) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("value, says", [
    ("2024-02-30", "parameter start_date: '2024-02-30' is not a day in the calendar (day is out of range for month)."),
    ("2024-13-01", "parameter start_date: '2024-13-01' is not a day in the calendar (month must be in 1..12)."),
    ("2024-10-01T12:00", "parameter start_date: '2024-10-01T12:00' has a time of day; give the day alone as YYYY-MM-DD."),
    ("2024-10-01 12:00:00", "parameter start_date: '2024-10-01 12:00:00' has a time of day;"),
    ("2024-10-01T12:00:00Z", "parameter start_date: '2024-10-01T12:00:00Z' has a time of day;"),
    ("0001-01-01", f"parameter start_date: 0001-01-01 is outside the days the report can hold ({FIRST_DAY} to "),
    ("9999-12-31", "parameter start_date: 9999-12-31 is outside the days the report can hold"),
    ("20241001", "parameter start_date: 20241001 is not a date; use YYYY-MM-DD."),
    ("2024-W40-1", "parameter start_date: '2024-W40-1' is not a date; use YYYY-MM-DD."),
])
def test_a_bad_date_parameter_is_one_line_before_any_kernel(tmp_path, capsys, no_kernels, value, says):
    assert one_error(capsys, ["report", "--out", str(tmp_path), "-p", "start_date", value]).startswith(f"error: {says}")


@pytest.mark.parametrize("text, says", [
    ("start_date: 2024-02-30\n", "parameter start_date: '2024-02-30' is not a day in the calendar"),
    ("end_date: 2024-13-01\n", "parameter end_date: '2024-13-01' is not a day in the calendar"),
    ("start_date: 2024-10-01 12:00:00\n", "parameter start_date: '2024-10-01 12:00:00' has a time of day"),
    ("start_date: 2024-10-01t12:00:00.5+02:00\n", "parameter start_date: '2024-10-01t12:00:00.5+02:00' has a time"),
    ("start_date: 1600-01-01\n", "parameter start_date: 1600-01-01 is outside the days the report can hold"),
])
def test_a_bad_date_in_a_parameters_file_is_one_line(tmp_path, capsys, no_kernels, text, says):
    given = tmp_path / "params.yaml"
    given.write_text(text, encoding="utf-8")
    assert one_error(capsys, ["report", "--out", str(tmp_path / "out"), "-f", str(given)]).startswith(f"error: {says}")


def test_the_days_pandas_can_hold_are_the_bounds():
    pd = pytest.importorskip("pandas")
    assert (FIRST_DAY, LAST_DAY) == (pd.Timestamp.min.ceil("D").date(), pd.Timestamp.max.floor("D").date())
    assert params.validate({"start_date": str(FIRST_DAY), "end_date": LAST_DAY})["end_date"] == LAST_DAY


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("content, says", [
    (bytes(range(256)) * 4, "a binary file, not YAML parameters ('name: value' lines)."),
    ("start_date: 2024-10-01\ntitle: Caf\xe9\n".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 33); save it as UTF-8."),
    (b"- seeds_dir\n- title\n", "expected 'name: value' lines."),
    (b"just some words\n", "expected 'name: value' lines."),
    (BILLION_LAUGHS.encode(), "cannot read parameters: YAML aliases (*name) are not allowed (line 2)."),
    (b"title: " + b"[" * 20000 + b"\n", "cannot read parameters: YAML nested more than 20 levels deep (line 1)."),
    (b"title: [a, b\n", "cannot read parameters: not valid YAML: expected ',' or ']', but got '<stream end>' (line 2)."),
    (b"title: \x07bell\n", "cannot read parameters: not valid YAML: unacceptable character #x0007: special characters"),
    (b"# padding\n" * 200_000, "larger than 1,048,576 bytes; a parameters file is 'name: value' lines."),
])
def test_a_broken_parameters_file_is_one_line_naming_it(tmp_path, capsys, no_kernels, content, says):
    given = tmp_path / "params.yaml"
    given.write_bytes(content)
    assert one_error(capsys, ["report", "--out", str(tmp_path / "out"), "-f", str(given)]).startswith(f"error: {given}: {says}")


def test_a_parameters_file_that_is_a_folder_or_missing(tmp_path, capsys, no_kernels):
    out = ["report", "--out", str(tmp_path / "out")]
    assert one_error(capsys, [*out, "-f", str(tmp_path)]) == f"error: {tmp_path}: cannot read parameters: Is a directory."
    missing = tmp_path / "missing.yaml"
    assert one_error(capsys, [*out, "-f", str(missing)]) == (f"error: {missing}: cannot read parameters: "
                                                             "No such file or directory.")


def test_a_huge_value_is_shown_by_its_start(tmp_path, capsys, no_kernels):
    line = one_error(capsys, ["report", "--out", str(tmp_path), "-p", "figure_format", "x" * 1_000_000])
    assert line.startswith("error: parameter figure_format: 'xxxx") and len(line) < 200


def test_dates_stay_text_in_other_parameters_and_good_ones_pass():
    given = params.from_command_line([("title", "2024-10-01"), ("start_date", "2024-10-01")], [])
    assert given["title"] == "2024-10-01"
    assert str(params.validate(given)["start_date"]) == "2024-10-01"
    assert params.from_command_line([("title", "*not an alias")], [])["title"] == "*not an alias"  # not YAML: text


def test_the_safe_loader_reads_what_safe_load_reads():
    text = (ROOT / "seeds" / "annotations.yaml").read_text(encoding="utf-8")
    import yaml

    assert load_yaml(text, "a.yaml") == yaml.safe_load(text)
    assert load_yaml("", "a.yaml") is None
    assert load_yaml("day: 2024-10-01", "a.yaml", dates_as_text=True) == {"day": "2024-10-01"}
    with pytest.raises(InputError, match="at most 10 are read"):
        load_yaml("a: 12345678", "a.yaml", max_chars=10)
    with pytest.raises(InputError, match=r"^a.yaml: not valid YAML: day is out of range for month.$"):
        load_yaml("day: 2024-02-30", "a.yaml")


def test_several_lines_become_one_and_a_long_one_is_cut(monkeypatch, capsys):
    def fail(*args):
        raise InputError("first part\n  second part\n\nthird " + "x" * 5000)

    monkeypatch.setattr(params, "from_command_line", fail)
    line = one_error(capsys, ["report"])
    assert line.startswith("error: first part; second part; third xxx") and line.endswith("more characters)")
    assert len(line) < MAX_MESSAGE + 50


def test_a_system_error_is_one_line_naming_the_file(monkeypatch, capsys):
    def fail(*args):
        raise PermissionError(13, "Permission denied", "/some/params.yaml")

    monkeypatch.setattr(params, "from_command_line", fail)
    assert one_error(capsys, ["report"]) == "error: /some/params.yaml: Permission denied"


def test_a_failing_notebook_is_one_line_naming_the_kept_notebook(tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise papermill.PapermillExecutionError(3, 1, "x = f()\ny = 2", "ValueError", "bad value\nover two lines",
                                                ["Traceback ...", "ValueError: bad value"])

    monkeypatch.setattr(papermill, "execute_notebook", fail)
    with pytest.raises(InputError) as caught:
        execute.execute(manifest.notebook_paths()[0], {}, tmp_path)
    message = str(caught.value)
    assert "\n" not in message and "failed in cell 3 ('x = f()'): ValueError: bad value over two lines;" in message
    assert f"kept at {tmp_path / manifest.notebook_paths()[0].stem}.ipynb" in message


@pytest.mark.parametrize("args", [["-p", "start_date", "2024-02-30"], ["-f", "/dev/null/none.yaml"]])
def test_the_command_prints_one_line_and_exits_1(tmp_path, args):
    """The real command, in its own process: nothing else reaches stderr (no warning, no traceback)."""
    done = subprocess.run([sys.executable, "-m", "analysis", "report", "--out", str(tmp_path), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1 and done.stderr.startswith("error: ")
    assert not (tmp_path / "report.html").exists()
