"""The Dask engine on a real `distributed.LocalCluster` of two worker processes, as a cluster
elsewhere would run it: the same tables as the plain path, byte for byte; a worker killed in the
middle of the build loses and duplicates nothing; a bad file still stops the build with its name;
and a collection given as a glob or an fsspec URL reads as the folder does."""

import os
import signal

import pytest

from analysis.bench.corpus import generate
from analysis.common.errors import InputError
from analysis.dataset import build
from analysis.dataset.export import csv_bytes
from analysis.speed import engine

from conftest import SEEDS

TABLES = ("articles", "figures", "events", "removals", "conflicts", "copies", "claims", "claimants", "quoted",
          "renderings")
ARTICLES = 150  # three partitions of the engine's size


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local) as client:
        yield local, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    generate(SEEDS, folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def plain(corpus):
    return {name: csv_bytes(getattr(build.build_dataset(corpus), name)) for name in TABLES}


def tables(dataset) -> dict[str, bytes]:
    return {name: csv_bytes(getattr(dataset, name)) for name in TABLES}


@pytest.mark.parametrize("joins", ["in the builder", "on the cluster"])
def test_two_workers_give_the_plain_tables(cluster, corpus, plain, joins, monkeypatch):
    """The 8-gram joins run in the builder for a collection this small, and on the cluster (in
    several partitions, shuffled by key) for a large one: both give the plain tables."""
    local, client = cluster
    assert len(client.scheduler_info()["workers"]) == 2
    if joins == "on the cluster":
        monkeypatch.setattr(engine, "IN_PROCESS_ROWS", 0)
        monkeypatch.setattr(engine, "JOIN_ROWS", 10_000)  # about seven partitions
    assert tables(engine.build_dataset(corpus, address=local.scheduler_address)) == plain


def test_the_address_may_come_from_the_environment(cluster, corpus, plain, monkeypatch):
    local, _ = cluster
    monkeypatch.setenv(engine.SCHEDULER_ENV, local.scheduler_address)
    assert engine.scheduler_address() == local.scheduler_address
    assert tables(engine.build_dataset(corpus)) == plain


@pytest.mark.parametrize("task", ["read_partition", "shuffle"])
def test_a_worker_killed_mid_build_loses_and_duplicates_no_row(cluster, corpus, plain, tmp_path, monkeypatch, task):
    """The first task of a kind to start (reading articles, or shuffling 8-grams for a join on the
    cluster) kills its worker with SIGKILL, as the kernel's OOM killer would; the nanny starts a new
    one and the scheduler runs the lost work again."""
    from distributed import WorkerPlugin

    local, client = cluster
    monkeypatch.setattr(engine, "IN_PROCESS_ROWS", 0)
    monkeypatch.setattr(engine, "JOIN_ROWS", 10_000)
    marker = tmp_path / "killed"

    class KillOnce(WorkerPlugin):
        def transition(self, key, start, finish, **kwargs):
            if finish == "executing" and task in str(key) and not marker.exists():
                marker.write_text(str(os.getpid()))
                os.kill(os.getpid(), signal.SIGKILL)

    before = set(client.run(os.getpid).values())
    client.register_plugin(KillOnce(), name="kill-once")
    try:
        result = tables(engine.build_dataset(corpus, address=local.scheduler_address))
    finally:
        client.unregister_worker_plugin("kill-once")
    assert marker.exists() and int(marker.read_text()) in before
    assert int(marker.read_text()) not in set(client.run(os.getpid).values())
    assert result == plain


def test_a_local_worker_over_its_memory_spills_to_disk_and_gives_the_plain_tables(corpus, plain, monkeypatch):
    """A local worker holds at most WORKER_MEMORY before it moves its data to disk. With a budget
    below what its own imports take, it spills everything it holds, is neither paused nor killed,
    and the tables are the plain ones."""
    from contextlib import contextmanager

    monkeypatch.setattr(engine, "WORKER_MEMORY", 64 * 2**20)
    monkeypatch.setattr(engine, "IN_PROCESS_ROWS", 0)
    monkeypatch.setattr(engine, "JOIN_ROWS", 10_000)
    written: list[float] = []
    started = engine.client

    @contextmanager
    def watched(*args, **kwargs):
        with started(*args, **kwargs) as dask_client:
            yield dask_client
            written.extend(dask_client.run(lambda dask_worker: sum(
                v for (label, unit), v in dask_worker.data.cumulative_metrics.items()
                if label == "disk-write" and unit == "count")).values())

    monkeypatch.setattr(engine, "client", watched)
    assert tables(engine.build_dataset(corpus, workers=1)) == plain
    assert len(written) == 1 and written[0] > 0


def test_a_bad_file_stops_the_build_with_its_name(cluster, tmp_path):
    local, _ = cluster
    generate(SEEDS, tmp_path, 70)
    (tmp_path / "gen_00066.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError, match=r"gen_00066\.txt: this is a binary file"):
        engine.build_dataset(tmp_path, address=local.scheduler_address)


@pytest.mark.parametrize("form", ["glob", "url"])
def test_a_glob_or_an_fsspec_url_reads_as_the_folder(cluster, corpus, plain, form):
    local, _ = cluster
    location = str(corpus / "gen_*.txt") if form == "glob" else f"file://{corpus}/"
    assert tables(engine.build_dataset(location, address=local.scheduler_address)) == plain


def test_the_annotations_beside_articles_at_a_url_are_read(cluster):
    """The seeds at a file:// URL: their annotations.yaml is found beside them, as in the folder."""
    local, _ = cluster
    at_url = tables(engine.build_dataset(f"file://{SEEDS}", address=local.scheduler_address))
    assert at_url == tables(build.build_dataset(SEEDS))


def test_a_report_built_from_a_url_has_the_folders_data(tmp_path):
    """`-p seeds_dir file://...` (as s3://... would be): the same data files as from the folder; the
    manifest records the URL and each article's listing; an unchanged rebuild executes nothing."""
    import json

    from analysis.build.report import build_report

    from test_report import DEFAULTS

    build_report(dict(DEFAULTS), tmp_path / "folder")
    url = f"file://{SEEDS}"
    _, ran = build_report({**DEFAULTS, "seeds_dir": url}, tmp_path / "url")
    assert ran and not build_report({**DEFAULTS, "seeds_dir": url}, tmp_path / "url")[1]
    for table in sorted((tmp_path / "folder" / "data").glob("*.csv")):
        assert (tmp_path / "url" / "data" / table.name).read_bytes() == table.read_bytes(), table.name
    recorded = json.loads((tmp_path / "url" / "manifest.json").read_text())
    assert recorded["parameters"]["seeds_dir"] == url
    assert sum(name.startswith(url) for name in recorded["inputs"]) == len(list(SEEDS.glob("*.txt"))) + 1
