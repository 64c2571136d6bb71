"""Sessions: `nox -s report` builds reports/report.html, `nox -s tests` runs the tests.

Each session installs exactly the versions in uv.lock into its own virtual environment."""

import nox

nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]


def install(session: nox.Session, *groups: str) -> None:
    session.run_install(
        "uv", "sync", "--frozen", "--quiet", *(f"--group={g}" for g in groups),
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )


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
def tests(session: nox.Session) -> None:
    install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session
def lab(session: nox.Session) -> None:
    """Open the notebooks in JupyterLab (jupytext opens the .py files as notebooks)."""
    install(session, "explore")
    session.run("jupyter", "lab", "notebooks", *session.posargs)
