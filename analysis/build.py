"""Build the report: check parameters and inputs, skip the work when nothing changed,
otherwise execute and render the notebooks and write the data and the manifest.

Nothing in the output folder is replaced unless every step succeeded: a failing notebook
leaves the previous report and data as they were, and keeps the executed notebook for
inspection. Heavy libraries are imported only when something has to run, so an unchanged
rebuild finishes in about a second."""

from __future__ import annotations

import fcntl
from pathlib import Path

from analysis import datacache, manifest
from analysis.files import atomic_write
from analysis.params import check_names, validate


def build_report(overrides: dict, out_dir: Path) -> tuple[Path, bool]:
    """Build `out_dir/report.html`; returns its path and whether anything was executed.
    Builds into the same folder take turns: a second one waits for the first, then finds the
    report up to date or builds its own, never a mix of both."""
    out_dir = Path(out_dir).resolve()  # the kernels run in the notebooks' folder, not here
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(overrides, out_dir)


def _build(overrides: dict, out_dir: Path) -> tuple[Path, bool]:
    paths = manifest.notebook_paths()
    params = validate(overrides)
    params["seeds_dir"] = str(Path(params["seeds_dir"]).resolve())
    current = manifest.fingerprint(params, paths)
    target = out_dir / "report.html"
    if manifest.is_up_to_date(out_dir, current):
        return target, False

    from analysis import kernels  # first, so the kernels start up while the dataset is prepared

    running = kernels.start(kernels.plan(paths), datacache.kernel_env(out_dir, params["seeds_dir"]))
    try:
        prepared = datacache.prepare(out_dir, current, params["seeds_dir"])  # bad input stops here
        check_names(params, prepared.names)
        from analysis.report import execute_all, merge, render

        executed_dir = out_dir / "executed"
        executed_dir.mkdir(parents=True, exist_ok=True)
        results = execute_all(running, params, executed_dir)
    except BaseException:
        kernels.stop(running)
        raise
    stopping = kernels.stop_in_background(running)  # the page renders meanwhile
    try:
        page = render(merge([(p.stem, results[p][0]) for p in paths], params["title"]), params["show_code"])
    finally:
        stopping.join()
    outputs = _data_files(out_dir, current, prepared)
    atomic_write(target, page.encode("utf-8"))
    seconds = {p.stem: results[p][1] for p in paths}
    atomic_write(out_dir / manifest.MANIFEST, manifest.document(current, [*outputs, target], out_dir, seconds))
    return target, True


def _data_files(out_dir: Path, current: dict, prepared: datacache.Prepared) -> list[Path]:
    """The dataset's files in `out_dir/data`: the previous build's, when they are intact and
    made from the same inputs (a parameter change does not change the data), else written anew."""
    previous = manifest.read(out_dir) or {}
    data = {name: digest for name, digest in previous.get("outputs", {}).items() if name.startswith("data/")}
    if (prepared.built is None and data and datacache.key(previous) == datacache.key(current)
            and manifest.outputs_intact(out_dir, {"outputs": data})):
        return sorted(out_dir / name for name in data)
    from analysis.export import write_dataset

    return write_dataset(prepared.dataset(), out_dir / "data")
