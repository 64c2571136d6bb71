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
