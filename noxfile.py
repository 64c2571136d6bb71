"""Sessions: `nox -s report` builds reports/report.html, `nox -s tests` runs the tests.

Each session installs exactly the versions in uv.lock into its own virtual environment."""

import shutil
import subprocess

import nox

nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]


def install(session: nox.Session, *groups: str) -> None:
    session.run_install(
        "uv", "sync", "--frozen", "--quiet", *(f"--group={g}" for g in groups),
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )


def ensure_chromium(session: nox.Session) -> None:
    """The browser test needs Debian's chromium; install it when running as root (as CI does)."""
    if shutil.which("chromium"):
        return
    if shutil.which("apt-get") and subprocess.run(["id", "-u"], capture_output=True, text=True).stdout.strip() == "0":
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", "chromium", external=True,
                    env={"DEBIAN_FRONTEND": "noninteractive"})
    else:
        session.warn("chromium is not installed: the browser test will be skipped (apt-get install chromium).")


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
def tests(session: nox.Session) -> None:
    install(session, "test")
    ensure_chromium(session)
    session.run("pytest", *session.posargs)
