"""Render the executed notebooks into one offline, reproducible HTML page with nbconvert."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUBTITLE = ("The Comprehensive Strategic Partnership Treaty, its ratification and the reported deployment "
            "of North Korean troops, as told by the articles in the collection.")
_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


PARAMETER_TAGS = {"parameters", "injected-parameters"}  # listed under "How this was built" instead


def merge(notebooks: list[tuple[str, nbformat.NotebookNode]], title: str) -> nbformat.NotebookNode:
    """One notebook of all sections, without what differs from run to run: cell ids become
    their position, and execution timings and papermill's bookkeeping are dropped. The cells
    that set parameters are left out: papermill's copy holds this machine's absolute paths."""
    merged = nbformat.v4.new_notebook()
    merged.metadata.update({"title": title, "subtitle": SUBTITLE})
    for name, nb in notebooks:
        for i, cell in enumerate(nb.cells):
            if PARAMETER_TAGS & set(cell.metadata.get("tags", [])):
                continue
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
    nav = (f'<nav id="toc" aria-label="Contents"><details><summary>Contents</summary><ol>{items}</ol></details>'
           '</nav>')
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


def report_page(paths: list[Path], executed: dict, params: dict) -> str:
    """The page of the executed notebooks, in the order of `paths`."""
    return render(merge([(p.stem, executed[p][0]) for p in paths], params["title"]), params["show_code"])


def warm_up() -> None:
    """Load and compile the page templates (a first render does), which the real render would
    otherwise do after the notebooks finish."""
    render(nbformat.v4.new_notebook(metadata={"title": ""}))
