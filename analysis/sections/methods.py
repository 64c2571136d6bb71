"""The Methods and data section's links: every data file the build writes beside the report,
with what it holds, and the Frictionless descriptor that types its columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from analysis.dataset.files import DESCRIPTIONS, PACKAGE, parquet_paths, writes_csv
from analysis.sections.html import render

if TYPE_CHECKING:
    from analysis.dataset.model import Dataset


def data_links(ds: Dataset) -> Markup:
    """Links relative to the report: the build writes the tables of the whole dataset `ds` (before
    any filter) to `data/` beside it, as Parquet parts, and as CSV for a small collection."""
    with_csv = writes_csv(len(ds.articles))
    tables = [(name, f"data/{name}.csv" if with_csv else None,
               [f"data/{path}" for path in parquet_paths(name, len(getattr(ds, name)))], description)
              for name, description in DESCRIPTIONS.items()]
    return render("data_links.html.j2", tables=tables, with_csv=with_csv, package=f"data/{PACKAGE}")
