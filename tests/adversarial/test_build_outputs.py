"""The output folder under attack: a full disk at each write, a file or folder in the way, a
read-only folder, a manifest of the wrong shape, plain files from an older version, kernel
folders left by a killed build. Each ends in a correct build or one `error:` line naming the
path, and the previous outputs stay whole. Most builds here skip the notebooks (`quick`): what
is tested is how outputs are written and switched in, not what they hold."""

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from analysis.__main__ import main
from analysis.build import datacache, lock, manifest, outputs, report
from analysis.build.report import build_report
from analysis.common.files import atomic_write
from analysis.dataset import export
from analysis.speed import kernels

from conftest import SEEDS

ARGS = ["-p", "seeds_dir", str(SEEDS)]
REAL_WRITE = atomic_write


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A real build of the seeds, copied by each test that changes it."""
    out = tmp_path_factory.mktemp("base") / "reports"
    assert main(["report", "--out", str(out), *ARGS]) == 0
    return out


def copy_of(base: Path, tmp_path: Path) -> Path:
    out = tmp_path / "reports"
    shutil.copytree(base, out, symlinks=True)
    return out


@pytest.fixture
def quick(monkeypatch, seeds_dataset):
    """Builds that write a small page and the seeds' dataset instead of running the notebooks."""
    def run(paths, params, current, out_dir, executed_dir):
        executed_dir.mkdir(parents=True)
        prepared = datacache.Prepared(Path("not used"), {}, built=seeds_dataset)
        return f"<p>{params['title']}</p>", {p: (None, 0.0) for p in paths}, prepared

    monkeypatch.setattr(report, "_run_fast", run)


def whole(out: Path) -> dict:
    """The manifest in place, after checking every output it lists against its hash."""
    recorded = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in recorded["outputs"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    return recorded


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def to_dev_full(fd, mode):
    os.close(fd)
    return open("/dev/full", mode)  # every write fails with ENOSPC


def count_writes(monkeypatch, fail_at: int | None = None) -> list[Path]:
    """Route the build's writes through a counter; the write numbered `fail_at` meets a full disk."""
    seen = []

    def write(path, data):
        seen.append(Path(path))
        if len(seen) - 1 == fail_at:
            with pytest.MonkeyPatch.context() as full:
                full.setattr(os, "fdopen", to_dev_full)
                REAL_WRITE(path, data)
        else:
            REAL_WRITE(path, data)

    monkeypatch.setattr(export, "atomic_write", write)
    monkeypatch.setattr(report, "atomic_write", write)
    return seen


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_at_each_write_leaves_the_previous_outputs_whole(base, tmp_path, monkeypatch, capsys, quick):
    writes = count_writes(monkeypatch)
    assert main(["report", "--out", str(tmp_path / "count"), *ARGS]) == 0
    assert len(writes) >= 12  # each table, the data package, the report and the manifest
    before = whole(base)
    for k, path in enumerate(writes):
        out = copy_of(base, tmp_path / str(k))
        count_writes(monkeypatch, fail_at=k)
        assert main(["report", "--out", str(out), *ARGS, "-p", "title", "New"]) == 1
        err = one_error_line(capsys)
        assert err.startswith("error: no space left on device while writing ") and err.rstrip().endswith(path.name), k
        assert whole(out) == before, k
        assert len(list((out / ".builds").iterdir())) == 1, k  # the failed build's folder is gone


def test_a_full_disk_at_the_switch(base, tmp_path, monkeypatch, capsys, quick):
    out = copy_of(base, tmp_path)

    def no_space(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[-1]))

    monkeypatch.setattr(outputs.os, "symlink", no_space)
    assert main(["report", "--out", str(out), *ARGS, "-p", "title", "New"]) == 1
    assert "no space left on device while writing" in one_error_line(capsys)
    assert whole(out) == whole(base)


def test_a_write_error_names_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fdopen", to_dev_full)
    with pytest.raises(OSError) as failed:
        atomic_write(tmp_path / "report.html", b"page")
    assert failed.value.errno == errno.ENOSPC and failed.value.filename == str(tmp_path / "report.html")
    assert list(tmp_path.iterdir()) == []  # no temporary file left


def test_the_output_folder_is_a_file(tmp_path, capsys):
    out = tmp_path / "reports"
    out.write_text("not a folder", encoding="utf-8")
    assert main(["report", "--out", str(out), *ARGS]) == 1
    assert f"the output folder {out} is a file" in one_error_line(capsys)
    assert out.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("name, make", [("report.html", Path.mkdir), ("manifest.json", Path.mkdir),
                                        ("data", Path.touch), ("executed", Path.touch)])
def test_a_file_or_folder_in_the_way_stops_before_any_work(tmp_path, capsys, name, make):
    out = tmp_path / "reports"
    out.mkdir()
    make(out / name)
    assert main(["report", "--out", str(out), *ARGS]) == 1
    assert str(out / name) in one_error_line(capsys)
    assert sorted(p.name for p in out.iterdir()) == [name]  # nothing written: no data beside it


def test_a_read_only_output_folder(base, tmp_path, monkeypatch, capsys):
    """As if not root (CI runs as root, where permissions do not stop writes): an up-to-date
    report is fine, anything else one line."""
    out = copy_of(base, tmp_path)
    monkeypatch.setattr(report.os, "access", lambda path, mode: False)
    assert main(["report", "--out", str(out), *ARGS]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert main(["report", "--out", str(out), *ARGS, "-p", "title", "New"]) == 1
    assert f"cannot write to the output folder {out}" in one_error_line(capsys)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_really_read_only_output_folder(base, tmp_path, capsys):
    out = copy_of(base, tmp_path)
    out.chmod(0o555)
    try:
        assert main(["report", "--out", str(out), *ARGS]) == 0
        assert main(["report", "--out", str(out), *ARGS, "-p", "title", "New"]) == 1
        assert str(out) in one_error_line(capsys)
    finally:
        out.chmod(0o755)


@pytest.mark.parametrize("content", [
    "[]", '"a string"', "42", "{}",
    '{"cache_key": "x", "inputs": {}, "versions": {}}',  # no outputs
    '{"cache_key": 1, "inputs": {}, "versions": {}, "outputs": {}}',
    '{"cache_key": "x", "inputs": [], "versions": {}, "outputs": {}}',
    '{"cache_key": "x", "inputs": {}, "versions": {}, "outputs": {"report.html": 3}}',
    '{"cache_key": "x", "inputs": {}, "versions": {}, "outputs": {"../../etc/passwd": "0"}}',
])
def test_a_manifest_of_the_wrong_shape_means_rebuild(base, tmp_path, capsys, quick, content):
    out = copy_of(base, tmp_path)
    (out / "manifest.json").write_text(content, encoding="utf-8")  # the current build's copy
    assert manifest.read(out) is None
    assert main(["report", "--out", str(out), *ARGS]) == 0
    assert capsys.readouterr().out.strip() == str(out / "report.html")  # rebuilt, not "up to date"
    assert whole(out)["parameters"]["seeds_dir"] == "seeds"


def test_a_cache_record_of_the_wrong_shape_means_rebuild(tmp_path, seeds_dataset):
    fingerprint = {"inputs": {}, "versions": {}}
    (tmp_path / datacache.FOLDER).mkdir()
    for content in ("[1]", '"text"', '{"key": "x", "names": []}'):
        (tmp_path / datacache.FOLDER / "dataset.json").write_text(content, encoding="utf-8")
        assert datacache.prepare(tmp_path, fingerprint, str(SEEDS), lambda folder: seeds_dataset).built is not None


def test_plain_files_of_an_older_version_are_replaced(tmp_path, capsys, quick):
    out = tmp_path / "reports"
    for name in ("data/articles.csv", "data/stale.csv", "executed/01_story.ipynb", "report.html", "manifest.json"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("old", encoding="utf-8")
    assert main(["report", "--out", str(out), *ARGS]) == 0
    for name in outputs.FILES + outputs.FOLDERS:
        assert os.readlink(out / name) == f"{outputs.CURRENT}/{name}"
    assert not (out / "data" / "stale.csv").exists() and whole(out)
    assert len(list((out / ".builds").iterdir())) == 1  # the old files are gone


def test_an_unchanged_rebuild_is_a_no_op_through_the_links(base, tmp_path):
    out = copy_of(base, tmp_path)
    page = (out / "report.html").read_bytes()
    target, executed = build_report({"seeds_dir": str(SEEDS)}, out)
    assert not executed and target.read_bytes() == page


def test_kernel_folders_of_a_dead_builder_are_removed_by_the_next(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                           check=True)
    dead = Path(tempfile.mkdtemp(prefix=f"{kernels.RUNTIME_PREFIX}{ended.stdout.strip()}-"))
    (dead / "kernel.json").write_text("{}", encoding="utf-8")
    mine = kernels.runtime_folder()
    try:
        assert not dead.exists() and mine.name.startswith(f"{kernels.RUNTIME_PREFIX}{os.getpid()}-")
        assert kernels.runtime_folder() != mine and mine.exists()  # a running builder's are left alone
    finally:
        for folder in Path(tempfile.gettempdir()).glob(f"{kernels.RUNTIME_PREFIX}{os.getpid()}-*"):
            shutil.rmtree(folder)


def test_a_forked_child_does_not_hold_the_build_lock(tmp_path):
    """Once the builder lets go, the lock is free even while a child it forked lives on."""
    import fcntl

    path = tmp_path / ".build.lock"
    started, ready = os.pipe()
    with lock.exclusive(path):
        child = os.fork()
        if child == 0:
            try:
                os.write(ready, b"!")  # the at-fork hooks have run
                time.sleep(30)
            finally:
                os._exit(0)
    os.read(started, 1)
    try:
        with open(path, "a") as other:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError if the child held it
    finally:
        os.kill(child, 9)
        os.waitpid(child, 0)
