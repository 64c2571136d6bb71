"""Build the report: check parameters and inputs, skip the work when nothing changed,
otherwise execute and render the notebooks and write the data and the manifest.

Nothing in the output folder is replaced unless every step succeeded: a failing notebook
leaves the previous report and data as they were, and keeps the executed notebook for
inspection. Heavy libraries are imported only when something has to run, so an unchanged
rebuild finishes in about a second."""

from __future__ import annotations

import fcntl
from pathlib import Path

from analysis import manifest
from analysis.params import validate


def build_report(overrides: dict, out_dir: Path) -> tuple[Path, bool]:
    """Build `out_dir/report.html`; returns its path and whether anything was executed.
    Builds into the same folder take turns: a second one waits for the first, then finds the
    report up to date or builds its own, never a mix of both."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(overrides, out_dir)


def _build(overrides: dict, out_dir: Path) -> tuple[Path, bool]:
    paths = manifest.notebook_paths()
    params = validate(overrides)
    params["seeds_dir"] = str(Path(params["seeds_dir"]).resolve())
    current = manifest.fingerprint(params, paths)
    target = Path(out_dir) / "report.html"
    if manifest.is_up_to_date(out_dir, current):
        return target, False

    from analysis.dataset import build_dataset
    from analysis.export import atomic_write, write_dataset
    from analysis.params import check_against_data
    from analysis.report import execute_all, merge, render

    dataset = build_dataset(Path(params["seeds_dir"]))  # bad input stops here, before any notebook runs
    check_against_data(params, dataset.articles, dataset.figures)
    executed_dir = Path(out_dir) / "executed"
    executed_dir.mkdir(parents=True, exist_ok=True)
    results = execute_all(paths, params, executed_dir)
    page = render(merge([(p.stem, nb) for p, (nb, _) in zip(paths, results)], params["title"]), params["show_code"])
    outputs = write_dataset(dataset, Path(out_dir) / "data")
    atomic_write(target, page.encode("utf-8"))
    seconds = {p.stem: took for p, (_, took) in zip(paths, results)}
    atomic_write(Path(out_dir) / manifest.MANIFEST, manifest.document(current, [*outputs, target], Path(out_dir), seconds))
    return target, True
