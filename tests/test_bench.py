"""The benchmark's measurements (the full `nox -s bench` takes minutes; these check its parts)."""

import os
import platform
import sys

import pandas as pd

from analysis.bench import __main__ as bench


def test_a_measurement_has_its_own_peak_memory():
    _, small = bench._measured([sys.executable, "-c", "pass"])
    seconds, large = bench._measured([sys.executable, "-c", "data = b'x' * (300 * 2**20)"])
    assert seconds > 0 and large >= 300 > small


def test_extraction_is_timed_on_a_generated_corpus(tmp_path):
    seconds, rate, peak = bench.extraction(15, tmp_path)
    assert len(list((tmp_path / "corpus15").glob("*.txt"))) == 15
    articles = pd.read_csv(tmp_path / "data15" / "articles.csv")
    assert len(articles) == 15 and len(pd.read_csv(tmp_path / "data15" / "figures.csv")) > 15
    assert 0 < seconds < 60 and rate > 0
    assert peak > 40  # the extracting process itself (it imports pandas), not this test's interpreter


def test_machine_names_cores_and_python():
    described = bench.machine()
    assert described.startswith(f"{os.cpu_count()} cores") and f"Python {platform.python_version()}" in described


def test_the_timing_guard_makes_its_cases_and_a_reference_of_the_same_bytes(tmp_path):
    """Small sizes, not timed: the cases have the shape named, and a table row comes out."""
    from analysis.bench import guard
    from analysis.extract.numbers import find_numbers

    line = guard.no_punctuation(20_000).rsplit("\n\n", 1)[1]
    assert len(line.encode("utf-8")) >= 20_000 and not any(mark in line for mark in ".!?;:")
    sentence = guard.many_numbers(300).rsplit("\n\n", 1)[1]
    assert sentence.count(".") == 1 and len(find_numbers(sentence)) == 300
    assert len(guard.long_article(50_000).encode("utf-8")) >= 49_000
    rows = guard.guard(tmp_path, {"300 numbers": lambda: guard.many_numbers(300)})
    (name, n, seconds, m, reference, ratio), = rows
    assert name == "300 numbers" and abs(m - n) < n and seconds > 0 and reference > 0 and ratio > 0
    assert guard.table(rows)[2].startswith("| 300 numbers | ")


def test_the_scale_rows_measure_the_builder_and_its_workers_apart(tmp_path):
    """Row (h) on a few hundred articles: the seeds, then one local worker, then two, each with the
    builder's own peak memory and the largest worker's; the projection is computed from the runs,
    the builder's memory per article from the slope between the seeds' run and the largest."""
    from analysis.bench import scale
    from analysis.speed import engine

    n = engine.PARALLEL_FROM + 100  # enough for the local cluster
    runs = bench.scaling(tmp_path, n)
    assert [(r.articles, r.workers) for r in runs] == [(5, 2), (n, 1), (n, 2)] and all(r.seconds > 0 for r in runs)
    assert all(r.builder_mib > 100 and r.worker_mib > 100 for r in runs)  # each imports pandas and the parser
    table, projection = scale.table(runs), scale.projection(runs)
    assert len(table) == 5 and f"| {n} | 2 |" in table[-1]
    per_article = runs[2].seconds * 2 / n * 1000
    assert f"{per_article:.1f} ms of one core per article" in projection[0]
    slope = (runs[2].builder_mib - runs[0].builder_mib) / (n - 5) * 1024
    assert f"{slope:.1f} KiB per article" in projection[-1]


def test_what_dask_costs_the_seeds_is_measured_on_identical_output(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "RUNS", 1)
    light_s, cluster_s, same = bench.dask_cost(tmp_path)
    assert same and light_s > 0 and cluster_s > 0
    assert (tmp_path / "cluster" / "figures.csv").read_bytes() == (tmp_path / "light" / "figures.csv").read_bytes()
