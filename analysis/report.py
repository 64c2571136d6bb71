"""Build the report: check inputs and parameters, execute the notebooks with papermill,
render them with nbconvert into one offline HTML file, and write the data beside it.

Nothing in `reports/` is replaced unless every step succeeded: a failing notebook leaves
the previous report and data as they were, and keeps the executed notebook for inspection.
"""

from __future__ import annotations

import ast
import html
import re
from datetime import date
from pathlib import Path

import jupytext
import nbformat
import papermill
from nbconvert import HTMLExporter

from analysis.dataset import build_dataset
from analysis.errors import InputError
from analysis.export import atomic_write, write_dataset
from analysis.params import validate

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "templates"
TITLE = "How the news reported the 2024 Russia–North Korea treaty"
SUBTITLE = ("The Comprehensive Strategic Partnership Treaty, its ratification and the reported deployment "
            "of North Korean troops, as told by the articles in the corpus.")
_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.py"))


def default_parameters(paths: list[Path]) -> dict:
    """Names and defaults of the notebooks' `parameters` cells (literal values only)."""
    defaults: dict = {}
    for path in paths:
        nb = jupytext.read(path)
        cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        if not cells:
            raise InputError(f"{path}: no cell tagged 'parameters'.")
        for node in ast.parse(cells[0].source).body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                defaults[node.targets[0].id] = ast.literal_eval(node.value)
    return defaults


def _for_papermill(params: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}


def execute(path: Path, params: dict, executed_dir: Path) -> nbformat.NotebookNode:
    """Run one notebook in its own folder (as Jupyter would) and keep the executed copy."""
    nb = jupytext.read(path)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    out = executed_dir / f"{path.stem}.ipynb"
    try:
        return papermill.execute_notebook(
            nb, str(out), parameters=_for_papermill(params), kernel_name="python3",
            cwd=str(path.parent), progress_bar=False,
        )
    except papermill.PapermillExecutionError as exc:
        first_line = exc.source.strip().splitlines()[0] if exc.source.strip() else ""
        raise InputError(
            f"notebook {path.name} failed in cell {exc.cell_index} ({first_line!r}): {exc.ename}: {exc.evalue}\n"
            f"the executed notebook is kept at {out}; the previous report was left as it was."
        ) from None


def merge(notebooks: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    merged = nbformat.v4.new_notebook()
    merged.metadata.update({"title": TITLE, "subtitle": SUBTITLE})
    for nb in notebooks:
        merged.cells.extend(nb.cells)
    return merged


def add_table_of_contents(page: str) -> str:
    items = "".join(
        f'<li><a href="#{anchor}">{re.sub(r"<[^>]+>", "", text).strip()}</a></li>'
        for anchor, text in _HEADING.findall(page)
    )
    nav = f'<nav id="toc" aria-label="Contents"><strong>Contents</strong><ol>{items}</ol></nav>'
    return page.replace("<!-- table-of-contents -->", nav, 1)


def render(nb: nbformat.NotebookNode) -> str:
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    page, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": html.escape(TITLE)}})
    return add_table_of_contents(page)


def build_report(overrides: dict, out_dir: Path) -> Path:
    paths = notebook_paths()
    params = validate(overrides)
    seeds = Path(params["seeds_dir"]).resolve()
    params["seeds_dir"] = str(seeds)
    dataset = build_dataset(seeds)  # bad input stops here, before any notebook runs
    executed_dir = out_dir / "executed"
    executed_dir.mkdir(parents=True, exist_ok=True)
    executed = [execute(path, params, executed_dir) for path in paths]
    page = render(merge(executed))
    write_dataset(dataset, out_dir / "data")
    target = out_dir / "report.html"
    atomic_write(target, page.encode("utf-8"))
    return target
