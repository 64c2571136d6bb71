"""Build the report: check parameters and inputs, skip the work when nothing changed,
otherwise execute and render the notebooks and write the data and the manifest.

A build writes all its outputs into a folder of its own and switches them in at once
(`analysis.build.outputs`): a failing notebook, a full disk or a kill leaves the previous
report, data and manifest whole, and a failing notebook's executed copy is kept for
inspection. Builds into one folder take turns under a lock only the builder holds
(`analysis.build.lock`: its forked workers do not keep it), so a killed build never blocks the
next. A problem with the output folder (not a folder, read-only, full) ends with one line
naming the path. Heavy libraries are imported only when something has to run, so an unchanged
rebuild finishes well under a second.

The fast path (the default) starts the notebook kernels first, reads a large folder in worker
processes and hands the dataset to the kernels (`analysis.speed`); the plain path reads the
articles one after another and lets papermill run each notebook in a kernel of its own. Both
give the same report."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from analysis.build import datacache, manifest, outputs
from analysis.build.lock import exclusive
from analysis.build.params import check_names, validate
from analysis.common.errors import InputError
from analysis.common.files import atomic_write
from analysis.ingest.sources import canonical

CANNOT_WRITE = {errno.EACCES, errno.EPERM, errno.EROFS}


def build_report(overrides: dict, out_dir: Path, fast: bool = True) -> tuple[Path, bool]:
    """Build `out_dir/report.html`; returns its path and whether anything was executed.
    Builds into the same folder take turns: a second one waits for the first, then finds the
    report up to date or builds its own, never a mix of both."""
    out_dir = Path(out_dir).resolve()  # the kernels run in the notebooks' folder, not here
    try:
        outputs.check(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        if not os.access(out_dir, os.W_OK):
            return _read_only(overrides, out_dir)
        with exclusive(out_dir / ".build.lock"):
            return _build(overrides, out_dir, fast)
    except OSError as exc:
        raise InputError(_one_line(exc, out_dir)) from None


def _read_only(overrides: dict, out_dir: Path) -> tuple[Path, bool]:
    """An output folder this build cannot write to: fine if the report there is up to date (no
    one else can be writing it either), else one line saying so."""
    params = _checked(overrides)
    folder = outputs.current(out_dir)
    if folder and manifest.is_up_to_date(folder, manifest.fingerprint(params, manifest.notebook_paths())):
        return out_dir / "report.html", False
    raise InputError(f"cannot write to the output folder {out_dir}: not writable; choose another --out")


def _one_line(exc: OSError, out_dir: Path) -> str:
    where = exc.filename or out_dir
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"no space left on device while writing {where}"
    if exc.errno in CANNOT_WRITE:
        return f"cannot write to {where}: {exc.strerror or 'permission denied'}; choose another --out"
    return f"{where}: {exc.strerror or exc}"


def _checked(overrides: dict) -> dict:
    params = validate(overrides)
    params["seeds_dir"] = canonical(params["seeds_dir"])
    return params


def _build(overrides: dict, out_dir: Path, fast: bool) -> tuple[Path, bool]:
    paths = manifest.notebook_paths()
    params = _checked(overrides)
    current = manifest.fingerprint(params, paths)
    target = out_dir / "report.html"
    previous = outputs.current(out_dir)
    if previous and manifest.is_up_to_date(previous, current):
        return target, False
    outputs.sweep(out_dir, keep=previous)  # what failed or killed builds left
    folder = outputs.new_folder(out_dir)
    try:
        run = _run_fast if fast else _run_plainly
        page, results, prepared = run(paths, params, current, out_dir, folder / "executed")
        written = _data_files(previous, folder, current, prepared)
        atomic_write(folder / "report.html", page.encode("utf-8"))
        seconds = {p.stem: results[p][1] for p in paths}
        written.append(folder / "report.html")
        atomic_write(folder / manifest.MANIFEST, manifest.document(current, written, folder, seconds))
        outputs.switch(out_dir, folder)
    except BaseException:
        if not any((folder / "executed").glob("*.ipynb")):  # else kept for inspection, until the next build
            shutil.rmtree(folder, ignore_errors=True)
        raise
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
    from analysis.speed import handoff, kernels  # first, so the kernels start while the dataset is prepared

    running = kernels.start(kernels.plan(paths), handoff.kernel_env(datacache.pickle_path(out_dir), params["seeds_dir"]))
    try:
        prepared = datacache.prepare(out_dir, current, params["seeds_dir"], _built)
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


def _built(seeds_dir: str):
    """The dataset, read from the articles: the extraction rules are imported only when the cached
    dataset cannot be used."""
    from analysis.speed import engine

    return engine.build_dataset(seeds_dir)


def _data_files(previous: Path | None, folder: Path, current: dict, prepared: datacache.Prepared) -> list[Path]:
    """The dataset's files in `folder/data`: the previous build's (linked, not copied), when they
    are intact and made from the same inputs (a parameter change does not change the data), else
    written anew."""
    before = (manifest.read(previous) if previous else None) or {}
    data = {name: digest for name, digest in before.get("outputs", {}).items() if name.startswith("data/")}
    if (prepared.built is None and data and datacache.key(before) == datacache.key(current)
            and manifest.outputs_intact(previous, {"outputs": data})):
        for name in data:
            _link_or_copy(previous / name, folder / name)
        return sorted(folder / name for name in data)
    from analysis.dataset.export import write_dataset

    return write_dataset(prepared.dataset(), folder / "data")


def _link_or_copy(source: Path, target: Path) -> None:
    """Outputs are replaced, never changed in place, so two builds may share a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
