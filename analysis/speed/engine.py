"""The one engine for many articles: Dask. Articles are read and extracted on Dask workers, a
partition at a time, with the same result as the plain path (`analysis.dataset.build`).

Where the work runs:
- a cluster that is already running, when given its scheduler's address (`--scheduler` or the
  environment variable DASK_SCHEDULER_ADDRESS): its workers must be able to read the articles
  (a shared folder, or an fsspec URL such as s3://bucket/prefix/);
- otherwise a `distributed.LocalCluster` on this machine, one worker process per core, started
  and stopped by the build. Its workers end with the builder, even when it is killed (Linux's
  parent-death signal), so no worker is left reading articles for no one.
A small collection (fewer than PARALLEL_FROM articles) is read in the builder itself, unless a
cluster or a number of workers is asked for: starting workers would cost more than they save,
and the output is the same (`tests/test_engine.py`)."""

from __future__ import annotations

import ctypes
import gc
import logging
import math
import os
import signal
from contextlib import contextmanager
from typing import Callable, Iterator

from analysis.common.errors import InputError
from analysis.dataset import build, shingles
from analysis.dataset.model import Dataset
from analysis.ingest.sources import Source

SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
BUILDER_ENV = "ANALYSIS_DASK_BUILDER"  # the pid local workers must die with
PARALLEL_FROM = 300  # articles; below this, starting worker processes costs more than it saves
PARTITION = 64  # articles per task: enough to outweigh a task's overhead, few enough to spread the work
IN_PROCESS_ROWS = 4_000_000  # 8-grams (about 13,000 articles): joined in the builder, in about 650 MB at most
JOIN_ROWS = 1_000_000  # 8-grams per partition of a join on the cluster
PR_SET_PDEATHSIG = 1  # Linux prctl(2)
CONNECT_SECONDS = 10  # to reach a scheduler given by address
WORKER_MEMORY = 1.5 * 2**30  # bytes per local worker: past 70% of it, a worker moves the data it holds to disk


def scheduler_address(given: str | None = None) -> str | None:
    return given or os.environ.get(SCHEDULER_ENV) or None


def dask_setup(worker) -> None:
    """Run by each worker of the local cluster as it starts (this module is its preload): ask
    Linux to end the worker when the builder ends, even killed, and end at once if the builder
    is gone already. Workers of a cluster elsewhere do not load it."""
    builder = int(os.environ.get(BUILDER_ENV, "0"))
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != builder:
        os._exit(1)


@contextmanager
def client(address: str | None = None, workers: int | None = None) -> Iterator[object]:
    """A Dask client: of the cluster at `address` (or DASK_SCHEDULER_ADDRESS), else of a local
    cluster of `workers` processes (default: one per core), stopped on leaving."""
    from distributed import Client, LocalCluster

    given = scheduler_address(address)
    if given:
        where = "--scheduler" if address else SCHEDULER_ENV
        try:
            remote = Client(given, timeout=CONNECT_SECONDS)
        except (OSError, ValueError, TypeError) as exc:
            raise InputError(f"{where} {given!r}: cannot reach a Dask scheduler there ({exc}); give its address "
                             "as tcp://HOST:PORT, or leave it unset to run on this machine") from None
        with remote:
            yield remote
        return
    os.environ[BUILDER_ENV] = str(os.getpid())  # for dask_setup in the workers, which inherit it
    with spilling(), LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # any free port
                      memory_limit=WORKER_MEMORY, silence_logs=logging.ERROR, preload=[__name__]) as cluster, Client(cluster) as local:
        yield local


def spilling():
    """Dask settings for the local workers (their nannies pass them on): past WORKER_MEMORY a worker
    spills what it holds (8-gram partitions, shuffle outputs) to its local disk, and it never pauses
    or is killed for its memory, which Dask would otherwise do at 80% and 95% of the limit: a paused
    sole worker would wait forever, a killed one would be restarted into the same state."""
    import dask

    return dask.config.set({"distributed.worker.memory.pause": False, "distributed.worker.memory.terminate": False})


def read_partition(sources: list[Source]) -> build.Read:
    return build.gathered([build.read_one(s) for s in sources])


def _without_frames(part: build.Read) -> build.Read:
    return part._replace(grams=None, bounds=None)


def submit(dask_client, sources: list[Source]) -> tuple[list, list, list, dict]:
    """One task per partition of the collection, started now (the builder imports pandas and
    pandera meanwhile): futures of what comes back to the builder, and of the partitions' 8-grams
    and sentence bounds, which stay on the cluster; and each partition's number of articles."""
    from operator import attrgetter

    sources = [s if s.is_url else Source(os.path.abspath(s.location), s.id) for s in sources]  # workers' cwd differs
    chunks = [sources[i:i + PARTITION] for i in range(0, len(sources), PARTITION)]
    parts = dask_client.map(read_partition, chunks)
    heads = dask_client.map(_without_frames, parts)
    return (heads, dask_client.map(attrgetter("grams"), parts), dask_client.map(attrgetter("bounds"), parts),
            {head.key: len(chunk) for head, chunk in zip(heads, chunks)})


def gather(submitted: tuple[list, list, list, dict], done: Callable[[int], None]) -> build.Read:
    """The partitions' articles in the collection's order, `done(n)` called as each partition of n
    articles finishes, and their 8-grams and sentence bounds (`frames`). The first bad file stops
    the build with its own message."""
    from distributed import as_completed

    heads, grams, bounds, sizes = submitted
    place = {future.key: i for i, future in enumerate(heads)}
    parts: list = [None] * len(heads)
    for future in as_completed(heads):
        parts[place[future.key]] = future.result()  # a worker's error (the first bad file) is raised here
        future.release()  # the worker may forget it now: it does not hold every partition until the end
        done(sizes[future.key])
    return build.Read({a: x for p in parts for a, x in p.corpus.items()}, [r for p in parts for r in p.events],
                      [r for p in parts for r in p.figures], {a: x for p in parts for a, x in p.appended.items()},
                      {a: x for p in parts for a, x in p.quoted.items()}, *frames(grams, bounds))


def frames(grams: list, bounds: list) -> tuple:
    """The 8-grams and sentence bounds of every partition: one pandas frame each, gathered here,
    when there are at most IN_PROCESS_ROWS 8-grams (the joins are then several times faster in one
    process than spread over a cluster, and the builder's memory stays within that budget); else Dask
    frames left on the cluster, in partitions of about JOIN_ROWS rows."""
    import dask.dataframe as dd
    import pandas as pd
    from distributed import get_client

    client = get_client()
    rows = sum(client.gather(client.map(len, grams)))
    if rows <= IN_PROCESS_ROWS:
        return (pd.concat(client.gather(grams), ignore_index=True),
                pd.concat(client.gather(bounds), ignore_index=True))
    meta_grams, meta_bounds = shingles.gram_rows({})
    partitions = max(1, math.ceil(rows / JOIN_ROWS))
    return (dd.from_delayed(grams, meta=meta_grams, verify_meta=False).repartition(npartitions=partitions),
            dd.from_delayed(bounds, meta=meta_bounds, verify_meta=False).repartition(npartitions=partitions))


def reading(address: str | None = None, workers: int | None = None) -> build.Reading:
    """How `analysis.dataset.build.build_dataset` reads its articles: in the builder for a small
    collection when no cluster and no number of workers is given, else on Dask (the other tasks
    are cancelled when one fails)."""
    @contextmanager
    def read(sources: list[Source]) -> Iterator[Callable[[], build.Read]]:
        if len(sources) < PARALLEL_FROM and not scheduler_address(address) and workers is None:
            with build.read_serially(sources) as serial:
                yield serial
            return
        with client(address, workers) as dask_client:
            submitted = submit(dask_client, sources)
            try:
                with build.progress_bar(len(sources)) as done:
                    yield lambda: gather(submitted, done)
            finally:
                dask_client.cancel([f for futures in submitted[:3] for f in futures])
    return read


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


def build_dataset(location, address: str | None = None, workers: int | None = None) -> Dataset:
    """The dataset of a folder, glob or URL, read on Dask when it is large (same result as
    `analysis.dataset.build.build_dataset`)."""
    with without_cycle_collection():
        return build.build_dataset(location, reading=reading(address, workers))
