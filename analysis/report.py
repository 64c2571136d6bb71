"""Build the report: check inputs and parameters, execute the notebooks with papermill,
render them with nbconvert into one offline HTML file, and write the data beside it.

Nothing in `reports/` is replaced unless every step succeeded: a failing notebook leaves
the previous report and data as they were, and keeps the executed notebook for inspection.
"""

from __future__ import annotations

import ast
import html
import multiprocessing
import os
import re
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import jupytext
from jupyter_client.manager import AsyncKernelManager
from traitlets import CaselessStrEnum, default
import nbformat
import papermill
from nbconvert import HTMLExporter

from analysis.dataset import build_dataset
from analysis.errors import InputError
from analysis.export import atomic_write, write_dataset
from analysis.params import check_against_data, validate

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "templates"
SUBTITLE = ("The Comprehensive Strategic Partnership Treaty, its ratification and the reported deployment "
            "of North Korean troops, as told by the articles in the corpus.")
_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.py"))


def default_parameters(paths: list[Path]) -> dict:
    """Names and defaults of the notebooks' `parameters` cells (literal values only). All
    notebooks share one parameter set, so a name with two different defaults is an error."""
    defaults: dict = {}
    for path in paths:
        nb = jupytext.read(path)
        cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        if not cells:
            raise InputError(f"{path}: no cell tagged 'parameters'.")
        for node in ast.parse(cells[0].source).body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                name, value = node.targets[0].id, ast.literal_eval(node.value)
                if name in defaults and defaults[name] != value:
                    raise InputError(f"{path}: parameter {name} defaults to {value!r} here but {defaults[name]!r} "
                                     "in another notebook; notebooks share one parameter set.")
                defaults[name] = value
    return defaults


def _for_papermill(params: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}


class IPCKernelManager(AsyncKernelManager):
    """Kernels talk over local sockets, not TCP ports: kernels started side by side cannot
    race for a port (jupyter_client picks TCP ports before the kernel binds them)."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _private_socket_path(self) -> str:
        return str(Path(tempfile.mkdtemp(prefix="report-kernel-")) / "ipc")

    def cleanup_resources(self, restart: bool = False) -> None:
        super().cleanup_resources(restart)
        shutil.rmtree(Path(self.ip).parent, ignore_errors=True)


def execute(path: Path, params: dict, executed_dir: Path) -> nbformat.NotebookNode:
    """Run one notebook in its own folder (as Jupyter would) and keep the executed copy."""
    nb = jupytext.read(path)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    out = executed_dir / f"{path.stem}.ipynb"
    try:
        return papermill.execute_notebook(
            nb, str(out), parameters=_for_papermill(params), kernel_name="python3",
            cwd=str(path.parent), progress_bar=False, kernel_manager_class=IPCKernelManager,
        )
    except papermill.PapermillExecutionError as exc:
        first_line = exc.source.strip().splitlines()[0] if exc.source.strip() else ""
        raise InputError(
            f"notebook {path.name} failed in cell {exc.cell_index} ({first_line!r}): {exc.ename}: {exc.evalue}\n"
            f"the executed notebook is kept at {out}; the previous report was left as it was."
        ) from None


def execute_all(paths: list[Path], params: dict, executed_dir: Path) -> list[nbformat.NotebookNode]:
    """The notebooks are independent: run them side by side, one process per core."""
    workers = max(1, min(len(paths), os.cpu_count() or 1))
    if workers == 1:
        return [execute(path, params, executed_dir) for path in paths]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(execute, path, params, executed_dir) for path in paths]
        return [f.result() for f in futures]


def merge(notebooks: list[nbformat.NotebookNode], title: str) -> nbformat.NotebookNode:
    merged = nbformat.v4.new_notebook()
    merged.metadata.update({"title": title, "subtitle": SUBTITLE})
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


def render(nb: nbformat.NotebookNode, show_code: bool = False) -> str:
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    page, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": html.escape(nb.metadata["title"])}})
    return add_table_of_contents(page)


def build_report(overrides: dict, out_dir: Path) -> Path:
    paths = notebook_paths()
    params = validate(overrides)
    seeds = Path(params["seeds_dir"]).resolve()
    params["seeds_dir"] = str(seeds)
    dataset = build_dataset(seeds)  # bad input stops here, before any notebook runs
    check_against_data(params, dataset.articles, dataset.figures)
    executed_dir = out_dir / "executed"
    executed_dir.mkdir(parents=True, exist_ok=True)
    executed = execute_all(paths, params, executed_dir)
    page = render(merge(executed, params["title"]), params["show_code"])
    write_dataset(dataset, out_dir / "data")
    target = out_dir / "report.html"
    atomic_write(target, page.encode("utf-8"))
    return target
