"""Build the report: check parameters and inputs, skip the work when nothing changed,
otherwise execute and render the notebooks and write the data and the manifest.

Nothing in the output folder is replaced unless every step succeeded: a failing notebook
leaves the previous report and data as they were, and keeps the executed notebook for
inspection. Heavy libraries are imported only when something has to run, so an unchanged
rebuild finishes well under a second.

The fast path (the default) starts the notebook kernels first, reads a large folder in worker
processes and hands the dataset to the kernels (`analysis.speed`); the plain path reads the
articles one after another and lets papermill run each notebook in a kernel of its own. Both
give the same report."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock

from analysis.build import datacache, manifest
from analysis.build.params import check_names, validate
from analysis.common.files import atomic_write


def build_report(overrides: dict, out_dir: Path, fast: bool = True) -> tuple[Path, bool]:
    """Build `out_dir/report.html`; returns its path and whether anything was executed.
    Builds into the same folder take turns: a second one waits for the first, then finds the
    report up to date or builds its own, never a mix of both."""
    out_dir = Path(out_dir).resolve()  # the kernels run in the notebooks' folder, not here
    out_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(out_dir / ".build.lock"):
        return _build(overrides, out_dir, fast)


def _build(overrides: dict, out_dir: Path, fast: bool) -> tuple[Path, bool]:
    paths = manifest.notebook_paths()
    params = validate(overrides)
    params["seeds_dir"] = str(Path(params["seeds_dir"]).resolve())
    current = manifest.fingerprint(params, paths)
    target = out_dir / "report.html"
    if manifest.is_up_to_date(out_dir, current):
        return target, False
    executed_dir = out_dir / "executed"
    if fast:
        page, results, prepared = _run_fast(paths, params, current, out_dir, executed_dir)
    else:
        page, results, prepared = _run_plainly(paths, params, current, out_dir, executed_dir)
    outputs = _data_files(out_dir, current, prepared)
    atomic_write(target, page.encode("utf-8"))
    seconds = {p.stem: results[p][1] for p in paths}
    atomic_write(out_dir / manifest.MANIFEST, manifest.document(current, [*outputs, target], out_dir, seconds))
    return target, True


def _run_plainly(paths, params, current, out_dir, executed_dir):
    from analysis.build.execute import execute_plainly
    from analysis.build.render import report_page
    from analysis.dataset.build import build_dataset

    prepared = datacache.prepare(out_dir, current, params["seeds_dir"], build_dataset)  # bad input stops here
    check_names(params, prepared.names)
    executed_dir.mkdir(parents=True, exist_ok=True)
    results = execute_plainly(paths, params, executed_dir)
    return report_page(paths, results, params), results, prepared


def _run_fast(paths, params, current, out_dir, executed_dir):
    from analysis.speed import handoff, kernels, parallel  # first, so the kernels start while the dataset is prepared

    running = kernels.start(kernels.plan(paths), handoff.kernel_env(datacache.pickle_path(out_dir), params["seeds_dir"]))
    try:
        prepared = datacache.prepare(out_dir, current, params["seeds_dir"], parallel.build_dataset)
        check_names(params, prepared.names)
        from analysis.build.execute import execute_in_kernels
        from analysis.build.render import report_page, warm_up

        executed_dir.mkdir(parents=True, exist_ok=True)
        results = execute_in_kernels(running, params, executed_dir, meanwhile=warm_up)
    except BaseException:
        kernels.stop(running)
        raise
    stopping = kernels.stop_in_background(running)  # the page renders meanwhile
    try:
        page = report_page(paths, results, params)
    finally:
        stopping.join()
    return page, results, prepared


def _data_files(out_dir: Path, current: dict, prepared: datacache.Prepared) -> list[Path]:
    """The dataset's files in `out_dir/data`: the previous build's, when they are intact and
    made from the same inputs (a parameter change does not change the data), else written anew."""
    previous = manifest.read(out_dir) or {}
    data = {name: digest for name, digest in previous.get("outputs", {}).items() if name.startswith("data/")}
    if (prepared.built is None and data and datacache.key(previous) == datacache.key(current)
            and manifest.outputs_intact(out_dir, {"outputs": data})):
        return sorted(out_dir / name for name in data)
    from analysis.dataset.export import write_dataset

    return write_dataset(prepared.dataset(), out_dir / "data")
