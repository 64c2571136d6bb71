"""noxfile.py: every session says what it does, and `uv sync` is skipped when nothing it depends
on changed since the last successful sync into the same virtualenv (the stamp in the venv)."""

import importlib.util
import os
import shutil
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def noxfile(monkeypatch, tmp_path):
    """noxfile.py as a module, its project root a copy of uv.lock and pyproject.toml in tmp_path.
    The test environment has no nox: a stand-in gives what the noxfile uses at import."""
    try:
        import nox  # noqa: F401
    except ImportError:
        stub = types.ModuleType("nox")
        stub.options = types.SimpleNamespace()
        stub.session = lambda func=None, **_: func if func else (lambda f: f)
        stub.Session = object
        monkeypatch.setitem(sys.modules, "nox", stub)
    spec = importlib.util.spec_from_file_location("noxfile_under_test", ROOT / "noxfile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    project = tmp_path / "project"
    project.mkdir()
    for name in ("uv.lock", "pyproject.toml"):
        shutil.copy(ROOT / name, project / name)
    monkeypatch.setattr(module, "ROOT", project)
    return module


def make_venv(path: Path, python: str = sys.executable) -> Path:
    (path / "bin").mkdir(parents=True)
    (path / "pyvenv.cfg").write_text("home = /usr/bin\nversion_info = 3.11.7\n")
    (path / "bin" / "python").symlink_to(python)
    return path


class Session:
    """What install() uses of a nox session; counts the syncs."""

    def __init__(self, venv: Path, fail: bool = False, no_install: bool = False):
        self.virtualenv = types.SimpleNamespace(location=str(venv))
        self.fail, self.no_install, self.syncs, self.logs = fail, no_install, [], []

    def run_install(self, *args, env):
        assert env == {"UV_PROJECT_ENVIRONMENT": self.virtualenv.location}
        self.syncs.append(args)
        if self.fail:
            raise RuntimeError("uv sync failed")
        return None if self.no_install else True

    def log(self, message):
        self.logs.append(message)


def syncs(noxfile, venv: Path, *groups: str, **kwargs) -> int:
    session = Session(venv, **kwargs)
    noxfile.install(session, *groups)
    return len(session.syncs)


def test_every_session_has_a_one_line_description(noxfile):
    sessions = ["report", "dataset", "evaluate", "bench", "tests", "lab"]
    for name in sessions:
        doc = getattr(noxfile, name).__doc__
        assert doc and doc.strip().splitlines()[0].strip(), name


def test_an_unchanged_venv_is_not_synced_again(noxfile, tmp_path):
    venv = make_venv(tmp_path / "venv")
    assert syncs(noxfile, venv) == 1  # new: no stamp
    assert (venv / noxfile.STAMP).is_file()
    assert syncs(noxfile, venv) == 0
    assert syncs(noxfile, venv) == 0


@pytest.mark.parametrize("name", ["uv.lock", "pyproject.toml"])
def test_a_changed_lock_or_project_file_syncs(noxfile, tmp_path, name):
    venv = make_venv(tmp_path / "venv")
    assert syncs(noxfile, venv) == 1
    with open(noxfile.ROOT / name, "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    assert syncs(noxfile, venv) == 1
    assert syncs(noxfile, venv) == 0


def test_other_groups_sync(noxfile, tmp_path):
    venv = make_venv(tmp_path / "venv")
    assert syncs(noxfile, venv) == 1
    assert syncs(noxfile, venv, "test") == 1
    assert syncs(noxfile, venv, "test") == 0
    assert syncs(noxfile, venv) == 1


def test_a_new_venv_or_another_interpreter_syncs(noxfile, tmp_path):
    venv = make_venv(tmp_path / "venv")
    assert syncs(noxfile, venv) == 1
    cfg = venv / "pyvenv.cfg"
    os.utime(cfg, ns=(cfg.stat().st_atime_ns, cfg.stat().st_mtime_ns + 10**9))  # made again, same text
    assert syncs(noxfile, venv) == 1
    other = tmp_path / "python3.99"
    other.write_text("#!/bin/sh\n")
    (venv / "bin" / "python").unlink()
    (venv / "bin" / "python").symlink_to(other)
    assert syncs(noxfile, venv) == 1
    assert syncs(noxfile, venv) == 0
    assert syncs(noxfile, make_venv(tmp_path / "fresh")) == 1  # no stamp of its own


def test_no_stamp_unless_the_sync_ran_and_succeeded(noxfile, tmp_path):
    venv = make_venv(tmp_path / "venv")
    with pytest.raises(RuntimeError):
        syncs(noxfile, venv, fail=True)
    assert not (venv / noxfile.STAMP).exists()
    assert syncs(noxfile, venv, no_install=True) == 1  # nox --no-install: run_install did nothing
    assert not (venv / noxfile.STAMP).exists()
    assert syncs(noxfile, venv) == 1
    assert syncs(noxfile, venv) == 0


def test_the_stamp_is_taken_before_the_sync(noxfile, tmp_path):
    """A lock file edited while uv syncs is synced next time, not recorded as synced."""
    venv = make_venv(tmp_path / "venv")
    session = Session(venv)
    sync = session.run_install

    def edit_meanwhile(*args, env):
        (noxfile.ROOT / "uv.lock").write_text("edited during the sync\n")
        return sync(*args, env=env)

    session.run_install = edit_meanwhile
    noxfile.install(session)
    assert syncs(noxfile, venv) == 1
