"""Sessions: `nox -s report` builds reports/report.html, `nox -s tests` runs the tests.

Each session installs exactly the versions in uv.lock into its own virtual environment."""

import os
import shutil

import nox

nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]


def install(session: nox.Session, *groups: str) -> None:
    """The locked versions, compiled to bytecode once here: where PYTHONDONTWRITEBYTECODE is set
    (as on CI machines) Python would otherwise recompile pandas and matplotlib on every start,
    which measured as half of a build's time."""
    session.run_install(
        "uv", "sync", "--frozen", "--quiet", "--compile-bytecode", *(f"--group={g}" for g in groups),
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )


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
    """Grade automatic extraction: `nox -s evaluate -- GOLD.yaml`."""
    install(session)
    session.run("python", "-m", "analysis", "evaluate", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Time the build against the naive pipeline, and extraction at scale: benchmarks/RESULTS.md."""
    install(session)
    session.run("python", "-m", "analysis.bench")


@nox.session
def tests(session: nox.Session) -> None:
    install(session, "test")
    ensure_chromium(session)
    session.run("pytest", *session.posargs)


@nox.session
def lab(session: nox.Session) -> None:
    """Open the notebooks in JupyterLab (jupytext opens the .py files as notebooks)."""
    install(session, "explore")
    session.run("jupyter", "lab", "notebooks", *session.posargs)
