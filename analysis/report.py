"""Execute the notebooks with papermill and render them with nbconvert into one offline,
reproducible HTML page (the heavy half of the build; `analysis.build` decides when to run it)."""

from __future__ import annotations

import html
import re
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import jupytext
import nbformat
import papermill
from nbconvert import HTMLExporter

from analysis.errors import InputError
from analysis.kernels import Kernel, fresh_namespace

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUBTITLE = ("The Comprehensive Strategic Partnership Treaty, its ratification and the reported deployment "
            "of North Korean troops, as told by the articles in the corpus.")
_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


def _for_papermill(params: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}


def execute(path: Path, params: dict, executed_dir: Path, kernel) -> tuple[nbformat.NotebookNode, float]:
    """Run one notebook in a running kernel (see `analysis.kernels`), keep the executed copy,
    and say how long it took."""
    started = time.perf_counter()
    nb = jupytext.read(path)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    out = executed_dir / f"{path.stem}.ipynb"
    try:
        executed = papermill.execute_notebook(
            nb, str(out), parameters=_for_papermill(params), kernel_name="python3", progress_bar=False, km=kernel,
            request_save_on_cell_execute=False)  # written once when done (or on failure), not after every cell
    except papermill.PapermillExecutionError as exc:
        first_line = exc.source.strip().splitlines()[0] if exc.source.strip() else ""
        raise InputError(
            f"notebook {path.name} failed in cell {exc.cell_index} ({first_line!r}): {exc.ename}: {exc.evalue}\n"
            f"the executed notebook is kept at {out}; the previous report was left as it was."
        ) from None
    return executed, time.perf_counter() - started


def execute_all(kernels: list[Kernel], params: dict, executed_dir: Path) -> dict[Path, tuple[nbformat.NotebookNode, float]]:
    """The notebooks are independent: the kernels run side by side, each its notebooks one
    after another. Each kernel is its own process, so threads that wait on them are enough."""

    def run(kernel: Kernel) -> dict[Path, tuple[nbformat.NotebookNode, float]]:
        done = {}
        for i, path in enumerate(kernel.notebooks):
            if i:
                fresh_namespace(kernel, path)
            done[path] = execute(path, params, executed_dir, kernel.manager)
        return done

    with ThreadPoolExecutor(max_workers=len(kernels)) as pool:
        running = [pool.submit(run, kernel) for kernel in kernels]
        # Meanwhile this thread is idle: a first render loads and compiles the page templates,
        # which the real render would otherwise do after the kernels finish.
        render(nbformat.v4.new_notebook(metadata={"title": ""}))
        return {path: result for done in running for path, result in done.result().items()}


def merge(notebooks: list[tuple[str, nbformat.NotebookNode]], title: str) -> nbformat.NotebookNode:
    """One notebook of all sections, without what differs from run to run: cell ids become
    their position, and execution timings and papermill's bookkeeping are dropped."""
    merged = nbformat.v4.new_notebook()
    merged.metadata.update({"title": title, "subtitle": SUBTITLE})
    for name, nb in notebooks:
        for i, cell in enumerate(nb.cells):
            cell.id = f"{name}-{i}"
            cell.metadata = {k: v for k, v in cell.metadata.items() if k in ("tags",)}
            if cell.cell_type == "code":
                cell.execution_count = None
                for output in cell.outputs:
                    if "execution_count" in output:
                        output["execution_count"] = None
            merged.cells.append(cell)
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


