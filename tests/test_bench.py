"""The benchmark's measurements (the full `nox -s bench` takes minutes; these check its parts)."""

import sys

from analysis.bench import __main__ as bench


def test_a_measurement_has_its_own_peak_memory():
    _, small = bench._measured([sys.executable, "-c", "pass"])
    seconds, large = bench._measured([sys.executable, "-c", "data = b'x' * (300 * 2**20)"])
    assert seconds > 0 and large >= 300 > small


def test_extraction_is_timed_on_a_generated_corpus(tmp_path):
    seconds, rate, peak = bench.extraction(15, tmp_path)
    assert len(list((tmp_path / "corpus15").glob("*.txt"))) == 15
    assert (tmp_path / "data15" / "figures.csv").exists()
    assert rate == 15 / seconds and peak > 0


def test_machine_names_cores_and_python():
    assert "cores" in bench.machine() and "Python 3." in bench.machine()
