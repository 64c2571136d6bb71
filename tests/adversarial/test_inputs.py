"""Hostile and broken input files (issue 14): each gives a correct result, with a note in Data
quality for what was skipped or repaired, or one `error:` line naming the file, never a hang or
a traceback."""

import os
import signal
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest

from analysis.__main__ import main
from analysis.build import manifest
from analysis.dataset.build import build_dataset
from analysis.extract.numbers import MAX_VALUE, find_numbers

from conftest import write_article

ARTICLE = ("Thursday, June 20, 2024\n\n"
           "SEOUL (Reuters) - North Korea sent 1,000 troops to Russia on Monday, officials said.\n")


@contextmanager
def deadline(seconds: int = 20):
    """Fail, rather than hang the suite, when what runs inside blocks (a FIFO opened for reading)."""
    def stop(*_):
        raise TimeoutError(f"blocked for more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def folder(tmp_path):
    write_article(tmp_path / "seeds", "a.txt", ARTICLE)
    return tmp_path / "seeds"


def error_line(folder: Path, tmp_path: Path, capsys) -> str:
    """The one line `python -m analysis dataset` prints for a bad folder (exit status 1)."""
    capsys.readouterr()
    with deadline():
        assert main(["dataset", str(folder), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    return err


def notes(ds, kind: str) -> dict[str, str]:
    rows = ds.conflicts[ds.conflicts["kind"] == kind]
    return dict(zip(rows["article_id"], rows["detail"]))


# --- 2. folder entries: only regular files are articles; the loader and the fingerprint agree


def hostile_entries(folder: Path, outside: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "sock.txt"))
    (folder / "sub.txt").mkdir()
    (folder / "inner").mkdir()
    (folder / "dir.txt").symlink_to(folder / "inner", target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    write_article(outside, "secret.txt", ARTICLE.replace("troops", "secret troops"))
    (folder / "outside.md").symlink_to(outside / "secret.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")  # inside the folder: followed


def test_only_regular_files_and_links_inside_the_folder_are_articles(folder, tmp_path):
    hostile_entries(folder, tmp_path / "outside")
    with deadline():
        ds = build_dataset(folder)
    assert sorted(ds.articles["id"]) == ["a", "b"]
    skipped = notes(ds, "folder entry skipped")
    assert skipped == {
        "dangling.txt": "a dangling symlink", "dir.txt": "a symlink to a directory", "loop.txt": "a symlink loop",
        "outside.md": "a symlink to a file outside the articles folder (not read)",
        "passwd.txt": "a symlink to a file outside the articles folder (not read)",
        "pipe.txt": "a FIFO (named pipe), not a file", "sock.txt": "a socket, not a file",
        "sub.txt": "a directory, not a file"}
    assert not any("root:" in body for body in ds.articles.get("body", []))


def test_the_fingerprint_hashes_the_loaders_articles_and_never_opens_a_fifo(folder, tmp_path):
    hostile_entries(folder, tmp_path / "outside")
    with deadline():
        inputs = manifest.fingerprint({"seeds_dir": str(folder)}, [])["inputs"]
    assert sorted(k for k in inputs if k.startswith("seeds/")) == ["seeds/a.txt", "seeds/b.txt"]  # a link by its name


def test_skipped_entries_are_listed_in_data_quality(folder):
    from analysis.sections.quality import quality_html

    os.mkfifo(folder / "pipe.txt")
    html = str(quality_html(build_dataset(folder)))
    assert "Skipped or repaired on reading (1)" in html and "pipe.txt" in html and "FIFO" in html


# --- 3. annotations.yaml that is not a file


@pytest.mark.parametrize("make, why", [
    (lambda p: p.mkdir(), "is a directory, not a file"),
    (lambda p: os.mkfifo(p), "is a FIFO (named pipe), not a file"),
    (lambda p: p.symlink_to("/etc/passwd"), "is a symlink to a file outside the articles folder"),
])
def test_annotations_that_are_not_a_file_give_one_line(folder, tmp_path, capsys, make, why):
    make(folder / "annotations.yaml")
    assert f"annotations.yaml: {why}" in error_line(folder, tmp_path, capsys)
    with pytest.raises(Exception, match="annotations.yaml"), deadline():
        manifest.fingerprint({"seeds_dir": str(folder)}, [])


def test_annotations_that_are_not_utf8_give_one_line(folder, tmp_path, capsys):
    (folder / "annotations.yaml").write_bytes(b"events: []\n# caf\xe9\n")
    assert "annotations.yaml: not UTF-8 (byte 0xE9 at offset 16); save it as UTF-8." in error_line(folder, tmp_path, capsys)


def test_unreadable_annotations_give_one_line(folder, tmp_path, capsys):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = folder / "annotations.yaml"
    path.write_text("events: []\n")
    path.chmod(0)
    assert "annotations.yaml: cannot be read (Permission denied)" in error_line(folder, tmp_path, capsys)


# --- 4. YAML bombs, deep nesting and huge YAML, in front matter and annotations.yaml

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n"
DEEP = "events: " + "[" * 20_000 + "]" * 20_000 + "\n"


@pytest.mark.parametrize("yaml_text, why", [
    (BOMB, "YAML aliases (*name) are not allowed (line 2)"),
    ("events:\n  - &e {id: x}\n  - *e\n", "YAML aliases (*name) are not allowed (line 3)"),
    (DEEP, "YAML nested more than 20 levels deep (line 1)"),
    ("events: [1, 2\n", "not valid YAML: expected ',' or ']', but got '<stream end>' (line 2)"),
])
def test_annotations_yaml_within_limits(folder, tmp_path, capsys, yaml_text, why):
    (folder / "annotations.yaml").write_text(yaml_text)
    assert error_line(folder, tmp_path, capsys).endswith(f"annotations.yaml: {why}.\n")


@pytest.mark.parametrize("front, why", [
    (BOMB.replace("c:", "headline:"), "front matter: YAML aliases (*name) are not allowed (line 3)"),
    ("headline: " + "[" * 20_000 + "]" * 20_000, "front matter: YAML nested more than 20 levels deep (line 2)"),
    ("headline: '" + "x" * 200_000 + "'", "front matter: YAML of 200,012 characters; at most 100,000 are read"),
])
def test_front_matter_within_limits(folder, tmp_path, capsys, front, why):
    write_article(folder, "z.txt", f"---\n{front}\n---\n{ARTICLE}")
    assert error_line(folder, tmp_path, capsys) == f"error: {folder / 'z.txt'}: {why}.\n"


def test_a_long_value_is_cut_short_in_an_annotation_error(folder, tmp_path, capsys):
    (folder / "annotations.yaml").write_text(f"figures:\n  - {'x' * 100_000}\n")
    assert len(error_line(folder, tmp_path, capsys)) < 200


# --- 6 and 7: dates, numbers, encodings, front matter forms


@pytest.mark.parametrize("published", ["0001-01-01", "2262-05-01", "9999-12-31", "June 20, 1850"])
def test_a_published_date_out_of_range_gives_one_line(folder, tmp_path, capsys, published):
    write_article(folder, "z.txt", f"---\npublished: {published}\n---\n{ARTICLE}")
    line = error_line(folder, tmp_path, capsys)
    assert f"{folder / 'z.txt'}: front matter 'published:" in line
    assert "use a year from 1900 to 2099" in line or "is not a date" in line


@pytest.mark.parametrize("line", ["Published: June 20, 2262", "2262-06-20", "1 January 0001", "June 20, 2100"])
def test_a_page_date_out_of_range_is_no_page_date(folder, line):
    write_article(folder, "z.txt", f"{line}\n\nMOSCOW - North Korea sent 1,000 troops on Monday, officials said.\n")
    ds = build_dataset(folder)
    assert ds.articles.set_index("id")["page_date"].isna()["z"]


def test_a_number_beyond_two_to_the_63_is_noted_not_read(folder):
    huge = str(2**64)
    write_article(folder, "z.txt", ARTICLE.replace("1,000", huge) + f"\nAnother {'9' * 400} troops arrived.\n")
    ds = build_dataset(folder)
    assert (ds.figures["value"].dropna() <= MAX_VALUE).all()
    too_large = ds.conflicts[ds.conflicts["kind"] == "number too large"]
    assert too_large["detail"].str.startswith(f"'{huge}' at character").any()
    assert too_large["detail"].str.contains("(400 characters)", regex=False).any()
    assert find_numbers("a trillion trillion troops") == []


def test_leading_minus_signs_are_not_counts(folder, tmp_path, capsys):
    write_article(folder, "z.txt", ARTICLE.replace("1,000", "-1,500").replace("on Monday", "at −20 degrees"))
    ds = build_dataset(folder)
    assert not ds.figures[ds.figures["article_id"] == "z"]["value"].isin([1500, 20]).any()
    assert sorted(notes_of(ds, "negative number", "z")) == ["'-1,500' at character", "'−20' at character"]
    assert [n.value for n in find_numbers("10-12 troops, COVID-19, (-5) and 3 -4")] == [10, 19, 3]
    (folder / "annotations.yaml").write_text(
        "figures:\n  - {article: a, quote: 'sent 1,000 troops', value: -1000, category: troops, what: troops,"
        " stance: asserts}\n")
    assert "annotations.yaml: figures[0].value: -1000 is not a count (0 to 9,007,199,254,740,992)." in error_line(
        folder, tmp_path, capsys)


def notes_of(ds, kind: str, article: str) -> list[str]:
    rows = ds.conflicts[(ds.conflicts["kind"] == kind) & (ds.conflicts["article_id"] == article)]
    return [detail.split(" at character")[0] + " at character" for detail in rows["detail"]]


def test_front_matter_with_crlf_line_endings(folder):
    text = f"---\npublished: 2024-06-21\noutlet: Reuters\n---\n{ARTICLE}".replace("\n", "\r\n")
    (folder / "z.txt").write_bytes(text.encode())
    row = build_dataset(folder).articles.set_index("id").loc["z"]
    assert str(row["published"].date()) == "2024-06-21" and row["outlet"] == "Reuters"


def test_a_bad_byte_in_utf8_is_replaced_and_noted_with_its_offset(folder):
    # ” is E2 80 9D: 0x9D has no Windows-1252 character, so the error used to name that valid byte
    data = "MOSCOW (Reuters) - Moscow’s envoy said 1,000 troops arrived. A ”bad ".encode() + b"\xff byte.\n"
    (folder / "z.txt").write_bytes(data)
    ds = build_dataset(folder)
    body = ds.corpus["z"].body
    assert "Moscow’s" in body and "”bad \ufffd byte" in body and "â€" not in body
    offset = data.index(b"\xff")
    assert notes(ds, "bad bytes replaced")["z"] == f"byte 0xFF at offset {offset} is not UTF-8; replaced by \ufffd"


def test_windows_1252_files_are_still_read(folder, tmp_path, capsys):
    (folder / "z.txt").write_bytes("MOSCOW - Moscow’s envoy said 1,000 troops arrived.\n".encode("cp1252"))
    assert "Moscow’s" in build_dataset(folder).corpus["z"].body
    (folder / "z.txt").write_bytes(b"MOSCOW - the envoy said 1,000 troops \x81 arrived.\n")
    assert "(byte 0x81 at offset 37)" in error_line(folder, tmp_path, capsys)


@pytest.mark.parametrize("outlet, shown", [
    ("[Reuters, AP]", "Reuters, AP"), ("[Reuters]", "Reuters"), ("1843", "1843")])
def test_front_matter_outlet_list_is_joined(folder, outlet, shown):
    write_article(folder, "z.txt", f"---\noutlet: {outlet}\n---\n{ARTICLE}")
    assert build_dataset(folder).articles.set_index("id").loc["z", "outlet"] == shown


@pytest.mark.parametrize("front, why", [
    ("outlet: {name: Reuters}", "front matter 'outlet' must be text, got a mapping"),
    ("headline: [a, b]", "front matter 'headline' must be text, got a list"),
    ("url: yes", "front matter 'url' must be text, got true/false"),
    ("outlet: [[Reuters]]", "front matter 'outlet' must be text, got a list"),
])
def test_front_matter_values_of_the_wrong_shape_give_one_line(folder, tmp_path, capsys, front, why):
    write_article(folder, "z.txt", f"---\n{front}\n---\n{ARTICLE}")
    assert error_line(folder, tmp_path, capsys) == f"error: {folder / 'z.txt'}: {why}.\n"


def test_a_stretch_without_sentence_punctuation_is_read_in_pieces_with_a_note(tmp_path):
    """A page without punctuation is cut into pieces a sentence can be (work stays linear), and
    the cut is recorded, not silent."""
    from analysis.extract.sentences import MAX_SENTENCE, long_runs

    body = "A headline\n" + "word " * 1000 + "and 1,500 troops were sent. Short sentence.\n"
    notes = long_runs(body)
    assert len(notes) == 1 and notes[0][0] == "long run cut" and f"at most {MAX_SENTENCE:,}" in notes[0][1]
    assert long_runs("Short. Sentences. Only.\n" * 500) == []
    write_article(tmp_path, "long.txt", "Troops counted\nOctober 1, 2024\n" + body)
    ds = build_dataset(tmp_path)
    assert "long run cut" in set(ds.conflicts["kind"])
    assert ds.figures["value"].dropna().astype(int).tolist() == [1500]
