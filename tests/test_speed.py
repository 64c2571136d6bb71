"""The speed machinery changes nothing but time: the plain path (articles read one after another,
papermill running each notebook in a kernel of its own) is the reference, and the fast path
(worker processes, early kernels, the dataset handed to them) must give the same bytes."""

from analysis.bench.corpus import generate
from analysis.build.report import build_report
from analysis.dataset import build
from analysis.dataset.export import csv_bytes
from analysis.speed import engine

from conftest import SEEDS
from test_report import DEFAULTS

TABLES = ("articles", "figures", "events", "removals", "conflicts", "copies", "claims", "quoted", "renderings")


def test_reading_in_worker_processes_gives_the_same_dataset(tmp_path, monkeypatch):
    """The engine's own local cluster (test_engine runs one made by hand) gives the plain tables."""
    monkeypatch.setattr(engine, "PARALLEL_FROM", 70)  # two partitions: enough to use the workers
    generate(SEEDS, tmp_path, 90)
    plain, fast = build.build_dataset(tmp_path), engine.build_dataset(tmp_path)
    for name in TABLES:
        assert csv_bytes(getattr(fast, name)) == csv_bytes(getattr(plain, name)), name


def test_the_fast_build_gives_the_plain_report(tmp_path):
    fast_target, fast_ran = build_report(dict(DEFAULTS), tmp_path / "fast")
    plain_target, plain_ran = build_report(dict(DEFAULTS), tmp_path / "plain", fast=False)
    assert fast_ran and plain_ran
    assert fast_target.read_bytes() == plain_target.read_bytes()
    plain = tmp_path / "plain" / "data"
    for table in sorted(p for p in plain.rglob("*") if p.is_file()):
        name = table.relative_to(plain)
        assert (tmp_path / "fast" / "data" / name).read_bytes() == table.read_bytes(), name
