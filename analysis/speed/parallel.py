"""A large folder read in worker processes, with the cycle collector off: the same dataset as
`analysis.dataset.build.build_dataset`, sooner."""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from analysis.dataset import build
from analysis.dataset.tables import Dataset

PARALLEL_FROM = 300  # articles; below this, starting worker processes costs more than it saves
PR_SET_PDEATHSIG = 1  # Linux prctl(2)


def die_with(builder: int) -> None:
    """In a worker: end when the builder ends, even killed, so that no worker is left reading
    articles for no one (Linux's parent-death signal; elsewhere nothing is asked)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != builder:  # the builder died before the signal was asked for
        os._exit(1)


@contextmanager
def read_in_parallel(paths: list[Path]) -> Iterator[Callable[[], build.Read]]:
    """Load, extract and fingerprint every article in forked worker processes, started here,
    before the caller imports pandas and pandera (a third of a second it spends while the
    workers read); gives a function that waits for the results. The first bad file still stops
    the build with its message, without waiting for the rest."""
    workers = os.cpu_count() or 1
    if len(paths) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        with build.read_serially(paths) as read:
            yield read
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=die_with, initargs=(os.getpid(),)) as pool:
        pending = pool.map(build.read_one, paths, chunksize=64)
        try:
            yield lambda: build.gathered(list(build.progress(pending, len(paths))))
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


@contextmanager
def without_cycle_collection():
    """Building allocates millions of small objects and no reference cycles that matter; the
    cycle collector, run again and again over the growing heap, took a fifth of a large build.
    Memory is still freed by reference counting; the collector resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_dataset(folder: Path) -> Dataset:
    with without_cycle_collection():
        return build.build_dataset(Path(folder), reading=read_in_parallel)
