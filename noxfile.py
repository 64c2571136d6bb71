"""Sessions: `nox -s report` builds reports/report.html, `nox -s tests` runs the tests.

Each session installs exactly the versions in uv.lock into its own virtual environment."""

import hashlib
import os
import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]

ROOT = Path(__file__).resolve().parent
STAMP = "uv-sync.stamp"  # in the session's virtualenv: what its last successful `uv sync` was made from


def sync_command(groups: tuple[str, ...]) -> list[str]:
    """The locked versions, compiled to bytecode once here: where PYTHONDONTWRITEBYTECODE is set
    (as on CI machines) Python would otherwise recompile pandas and matplotlib on every start,
    which measured as half of a build's time."""
    return ["uv", "sync", "--frozen", "--quiet", "--compile-bytecode", *(f"--group={g}" for g in groups)]


def _file_state(path: Path) -> bytes:
    return path.read_bytes() if path.is_file() else b"<missing>"


def _interpreter_state(venv: Path) -> bytes:
    """The interpreter the virtualenv runs on: where its `python` leads, and that file's size and time."""
    for python in (venv / "bin" / "python", venv / "Scripts" / "python.exe"):
        if python.exists():
            real = Path(os.path.realpath(python))
            stat = real.stat()
            return f"{real} {stat.st_size} {stat.st_mtime_ns}".encode()
    return b"<no interpreter>"


def sync_stamp(venv: Path, command: list[str], root: Path = ROOT) -> str:
    """A hash of everything a sync of `venv` depends on: uv.lock, pyproject.toml, the command (so
    the groups), the interpreter, and the virtualenv's pyvenv.cfg with its time, which a new
    virtualenv rewrites."""
    venv = Path(venv)
    cfg = venv / "pyvenv.cfg"
    digest = hashlib.sha256()
    for part in (_file_state(root / "uv.lock"), _file_state(root / "pyproject.toml"), "\0".join(command).encode(),
                 _interpreter_state(venv), _file_state(cfg), str(cfg.stat().st_mtime_ns if cfg.exists() else "").encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def is_synced(venv: Path, command: list[str], root: Path = ROOT) -> bool:
    stamp = Path(venv) / STAMP
    return stamp.is_file() and stamp.read_text(encoding="ascii").strip() == sync_stamp(venv, command, root)


def install(session: nox.Session, *groups: str) -> None:
    """`uv sync` into the session's virtualenv, unless the stamp left by the last successful sync
    shows that uv.lock, pyproject.toml, the groups and the interpreter are as they were (an
    unchanged rebuild then spends no time in uv). A new virtualenv has no stamp and is synced;
    `nox --reuse-venv=no` makes one."""
    venv = getattr(session.virtualenv, "location", None)
    command = sync_command(groups)
    if venv and is_synced(venv, command, ROOT):
        session.log(f"{' '.join(command[:2])} skipped: uv.lock, pyproject.toml, groups and interpreter unchanged")
        return
    stamp = sync_stamp(venv, command, ROOT) if venv else None  # as it was before the sync: a later edit syncs again
    done = session.run_install(*command, env={"UV_PROJECT_ENVIRONMENT": venv})
    if stamp and done is not None:  # None: skipped (--no-install), nothing synced
        (Path(venv) / STAMP).write_text(stamp + "\n", encoding="ascii")


def ensure_chromium(session: nox.Session) -> None:
    """The browser test needs Debian's chromium; as root (as in CI) it is installed with apt-get."""
    if shutil.which("chromium"):
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = {"DEBIAN_FRONTEND": "noninteractive"}
        session.run("apt-get", "update", "-qq", external=True, env=env)
        session.run("apt-get", "install", "-y", "-qq", "chromium", external=True, env=env)
    else:
        session.warn("chromium is missing and this is not root: the browser test will be skipped.")


@nox.session
def report(session: nox.Session) -> None:
    """Build reports/report.html; pass parameters as `-- -p start_date 2024-10-01` or `-- -f params.yaml`."""
    install(session)
    session.run("python", "-m", "analysis", "report", *session.posargs)


@nox.session
def dataset(session: nox.Session) -> None:
    """Write the dataset of a folder as CSV: `nox -s dataset -- SEEDS_DIR --out DIR`."""
    install(session)
    session.run("python", "-m", "analysis", "dataset", *(session.posargs or ["seeds", "--out", "reports/data"]))


@nox.session
def evaluate(session: nox.Session) -> None:
    """Grade automatic extraction: `nox -s evaluate -- GOLD.yaml`, `-- --timeml DIR` (TimeML dates), or both."""
    install(session)
    session.run("python", "-m", "analysis", "evaluate", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Time the build against the naive pipeline, and extraction at scale: benchmarks/RESULTS.md."""
    install(session)
    session.run("python", "-m", "analysis.bench")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the tests with pytest; pass pytest's options after `--`, e.g. `nox -s tests -- -x -k report`."""
    install(session, "test")
    ensure_chromium(session)
    session.run("pytest", *session.posargs)


@nox.session
def lab(session: nox.Session) -> None:
    """Open the notebooks in JupyterLab (jupytext opens the .py files as notebooks)."""
    install(session, "explore")
    session.run("jupyter", "lab", "notebooks", *session.posargs)
