"""How the dataset build scales: `python -m analysis dataset` on a large generated corpus with one
local Dask worker and with two, timed, with the peak memory of each process (the builder, and
the largest worker), sampled from the process tree while it runs. And, on paper, what a far
larger build would need, projected from the measured cost per article."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

SAMPLE_SECONDS = 0.2
MIB = 1024 * 1024


@dataclass(frozen=True)
class Run:
    articles: int
    workers: int
    seconds: float
    builder_mib: float  # peak resident memory of the process that runs the command
    worker_mib: float  # the largest peak among the processes it starts


def _sample(root: psutil.Process, peaks: dict[int, int], stop: threading.Event) -> None:
    while not stop.is_set():
        for process in [root, *root.children(recursive=True)]:
            try:
                peaks[process.pid] = max(peaks.get(process.pid, 0), process.memory_info().rss)
            except psutil.Error:
                pass
        stop.wait(SAMPLE_SECONDS)


def measured(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Seconds of a command, and the peak memory (MiB) of its own process and of its largest child."""
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    stop = threading.Event()
    sampler = threading.Thread(target=_sample, args=(psutil.Process(child.pid), peaks, stop), daemon=True)
    sampler.start()
    _, stderr = child.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if child.returncode:
        raise RuntimeError(f"{' '.join(args)} failed: {stderr.strip()[-2000:]}")
    others = [peak for pid, peak in peaks.items() if pid != child.pid]
    return seconds, peaks.get(child.pid, 0) / MIB, max(others, default=0) / MIB


def dataset_run(corpus: Path, n: int, workers: int, out: Path, cwd: Path) -> Run:
    seconds, builder, worker = measured([sys.executable, "-m", "analysis", "dataset", str(corpus), "--out", str(out),
                                         "--workers", str(workers)], cwd)
    return Run(n, workers, seconds, builder, worker)


def projection(runs: list[Run], target: int = 10_000_000, worker_memory_gib: float = 4.0) -> list[str]:
    """What `target` articles would need, from the largest two-worker run: markdown lines, assumptions
    stated. The builder's memory per article is the slope from the smallest run (its imports, its
    client), not its whole peak divided by the articles."""
    run = max(runs, key=lambda r: (r.articles, r.workers))
    base = min(runs, key=lambda r: (r.articles, -r.workers))
    per_article = run.seconds * run.workers / run.articles  # worker-seconds per article, overheads included
    lines = ["| workers | hours (if the per-article cost holds) |", "| ---: | ---: |"]
    for workers in (10, 50, 200):
        lines.append(f"| {workers} | {target * per_article / workers / 3600:.1f} |")
    builder_per_article = (run.builder_mib - base.builder_mib) / (run.articles - base.articles)
    return [
        f"Projection to {target:,} articles, from the {run.articles:,}-article run with {run.workers} workers: "
        f"{per_article * 1000:.1f} ms of one core per article (reading, extraction, the 8-gram joins and the "
        f"builder's own steps, counted as if they were spread over the workers).", "",
        *lines, "",
        f"Assumptions: the cost per article stays as measured (the 8-gram joins grow with the corpus, not with its "
        f"pairs, unless one story has thousands of copies); workers of {worker_memory_gib:.0f} GiB each read from a "
        f"bucket at the speed of a local disk. Memory: each worker holds one partition at a time and its share of "
        f"the 8-grams ({run.worker_mib:.0f} MiB peak per worker here). The builder still gathers the articles' rows "
        f"and metadata: {builder_per_article * 1024:.1f} KiB per article measured here (its peak over that of the "
        f"{base.articles:,}-article run, {base.builder_mib:.0f} MiB), so "
        f"{base.builder_mib / 1024 + builder_per_article * target / 1024:.0f} GiB for {target:,} articles, "
        "the part not yet streamed.",
    ]


def table(runs: list[Run]) -> list[str]:
    return ["| generated articles | local workers | seconds | articles/s | builder peak (MiB) | "
            "largest worker peak (MiB) |", "| ---: | ---: | ---: | ---: | ---: | ---: |",
            *[f"| {r.articles:,} | {r.workers} | {r.seconds:.0f} | {r.articles / r.seconds:.0f} | {r.builder_mib:.0f} "
              f"| {r.worker_mib:.0f} |" for r in runs]]
