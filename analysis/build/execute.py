"""Execute the notebooks with papermill: plainly (papermill starts a kernel per notebook, the
reference path) or in kernels started early (`analysis.speed.kernels`), with the same result."""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

import jupytext
import nbformat
import papermill

from analysis.common.errors import InputError
from analysis.speed.kernels import Kernel, fresh_namespace

Executed = dict[Path, tuple[nbformat.NotebookNode, float]]


def _for_papermill(params: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}


def execute(path: Path, params: dict, executed_dir: Path, kernel=None) -> tuple[nbformat.NotebookNode, float]:
    """Run one notebook, in a running kernel's manager if given, else in a kernel papermill
    starts in the notebook's folder; keep the executed copy and say how long it took."""
    started = time.perf_counter()
    nb = jupytext.read(path)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    out = executed_dir / f"{path.stem}.ipynb"
    try:
        executed = papermill.execute_notebook(
            nb, str(out), parameters=_for_papermill(params), kernel_name="python3", progress_bar=False, km=kernel,
            cwd=None if kernel else str(path.parent),
            request_save_on_cell_execute=False)  # written once when done (or on failure), not after every cell
    except papermill.PapermillExecutionError as exc:
        first_line = exc.source.strip().splitlines()[0] if exc.source.strip() else ""
        raise InputError(
            f"notebook {path.name} failed in cell {exc.cell_index} ({first_line!r}): {exc.ename}: "
            f"{' '.join(str(exc.evalue).split())}; the executed notebook, with the traceback, is kept at {out}; "
            "the previous report was left as it was."
        ) from None
    return executed, time.perf_counter() - started


@contextmanager
def reporting(total: int) -> Iterator[Callable[[Path, float], None]]:
    """Gives a function to call as each notebook is done: on stderr, when it is a terminal, a bar
    of the notebooks executed and a line `executed 01_story in 1.42 s` for each (tqdm's
    `disable=None`); elsewhere nothing, and tqdm is not imported."""
    if not sys.stderr.isatty():
        yield lambda path, seconds: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc="executing notebooks", unit="notebook", disable=None, file=sys.stderr) as bar:
        def done(path: Path, seconds: float) -> None:  # called from the kernels' threads: tqdm locks
            bar.write(f"executed {path.stem} in {seconds:.2f} s", file=sys.stderr)
            bar.update()

        yield done


def execute_plainly(paths: list[Path], params: dict, executed_dir: Path) -> Executed:
    """One notebook after another, each in a kernel of its own."""
    executed = {}
    with reporting(len(paths)) as done:
        for path in paths:
            executed[path] = execute(path, params, executed_dir)
            done(path, executed[path][1])
    return executed


def execute_in_kernels(kernels: list[Kernel], params: dict, executed_dir: Path, meanwhile: Callable[[], object]) -> Executed:
    """The notebooks are independent: the kernels run side by side, each its notebooks one
    after another. Each kernel is its own process, so threads that wait on them are enough;
    this thread runs `meanwhile` as they work."""

    def run(kernel: Kernel, report: Callable[[Path, float], None]) -> Executed:
        done = {}
        for i, path in enumerate(kernel.notebooks):
            if i:
                fresh_namespace(kernel, path)
            done[path] = execute(path, params, executed_dir, kernel.manager)
            report(path, done[path][1])
        return done

    with reporting(sum(len(kernel.notebooks) for kernel in kernels)) as report, \
            ThreadPoolExecutor(max_workers=len(kernels)) as pool:
        running = [pool.submit(run, kernel, report) for kernel in kernels]
        meanwhile()
        return {path: result for done in running for path, result in done.result().items()}
