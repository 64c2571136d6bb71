"""Where the articles are and where the work runs (issue 16), given wrongly or with hostile
entries: each gives the articles it should, with what was passed over noted, or one `error:`
line naming the location, the flag or the variable; never a traceback, a hang or a file read
from outside the collection."""

import re

import pytest

from analysis.__main__ import main
from analysis.common.errors import InputError
from analysis.ingest.sources import scan
from analysis.speed import engine

from conftest import SEEDS

SEED = sorted(SEEDS.glob("*.txt"))[0]


@pytest.fixture
def collection(tmp_path):
    """Two articles, a link to one of them, a link out of the folder and a folder named like an article."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "b.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[1].read_bytes())
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "outside.txt").symlink_to("/etc/passwd")
    (folder / "dir.txt").mkdir()
    return folder


def test_a_glob_reads_as_the_folder_does(collection):
    found, skipped = scan(str(collection / "*.txt"))
    assert [s.id for s in found] == ["a", "b", "inside"]
    assert {s.name: s.reason for s in skipped} == {
        "dir.txt": "a directory, not a file", "outside.txt": "a symlink to a file outside the articles folder (not read)"}


def test_a_url_follows_no_symlink(collection):
    found, skipped = scan(f"file://{collection}/")
    assert [s.id for s in found] == ["a", "b"]
    assert {s.name for s in skipped} == {"dir.txt", "inside.txt", "outside.txt"}
    assert all("not a file" in s.reason or "symlink" in s.reason for s in skipped)


@pytest.mark.parametrize("location, message", [
    ("foo://bucket/news/", r"foo://bucket/news/: cannot list the articles \(Protocol not known: foo\)"),
    ("file:///no/such/folder/", r"file:///no/such/folder/: cannot list the articles"),
    ("{tmp}/nothing-*.txt", r"nothing-\*\.txt: no articles found"),
    ("file://{tmp}/", r"no articles found"),
])
def test_a_location_without_articles_is_one_error_line(tmp_path, capsys, location, message):
    location = location.format(tmp=tmp_path)
    assert main(["dataset", location, "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert re.search(message, err)
    assert not (tmp_path / "out").exists()


def test_a_text_and_its_twin_at_a_url_are_named_as_in_a_folder(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "a.md").write_bytes(SEED.read_bytes())  # the .md is then named a.md: no clash
    assert [s.id for s in scan(f"file://{tmp_path}/")[0]] == ["a.md", "a"]  # in file-name order, as a folder


@pytest.mark.parametrize("address, where", [("nonsense", "--scheduler 'nonsense'"),
                                            ("tcp://127.0.0.1:1", "--scheduler 'tcp://127.0.0.1:1'")])
def test_a_scheduler_that_cannot_be_reached_is_one_error(monkeypatch, address, where):
    monkeypatch.setattr(engine, "CONNECT_SECONDS", 1)
    with pytest.raises(InputError, match=f"^{where}: cannot reach a Dask scheduler there .*tcp://HOST:PORT"):
        engine.build_dataset(SEEDS, address=address)


def test_the_scheduler_variable_is_named_when_it_is_wrong(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(engine.SCHEDULER_ENV, "nonsense")
    assert main(["dataset", str(SEEDS), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {engine.SCHEDULER_ENV} 'nonsense': cannot reach") and err.count("\n") == 1


@pytest.mark.parametrize("workers", ["0", "-1", "two", "1.5"])
def test_a_number_of_workers_that_is_not_one_or_more_is_refused(tmp_path, capsys, workers):
    with pytest.raises(SystemExit) as stop:
        main(["dataset", str(SEEDS), "--out", str(tmp_path / "out"), "--workers", workers])
    assert stop.value.code == 2 and "is not a number of workers (1 or more)" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
