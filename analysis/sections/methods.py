"""The Methods and data section's links: every data file the build writes beside the report,
with what it holds, and the Frictionless descriptor that types its columns."""

from __future__ import annotations

from markupsafe import Markup

from analysis.dataset.files import DESCRIPTIONS, PACKAGE
from analysis.sections.html import render


def data_links() -> Markup:
    """Links relative to the report: the build writes the tables to `data/` beside it."""
    files = [(f"data/{name}.csv", f"{name}.csv", description) for name, description in DESCRIPTIONS.items()]
    return render("data_links.html.j2", files=files, package=f"data/{PACKAGE}")
