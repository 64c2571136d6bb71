"""Timing guard (issue 14): text made to be slow - a megabyte without sentence punctuation, ten
thousand numbers in one sentence, a 20 MB article - read in about the time the same number of
bytes of ordinary prose takes, so that work stays linear in the text's size.

Each case and its reference are timed in a fresh process, on `analysis.dataset.build.build_dataset`
(the plain reading, one article after another) after a warm-up on the seeds that loads the
models; the reference is articles generated from the seeds (`corpus.generate`) up to the same
bytes. The seeds' sentences recur in the reference (varied, beside its own), so caches keyed by
text may make it, if anything, fast: the ratio errs strict. Not a test: `nox -s bench` runs it
and records the table."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from analysis.bench.corpus import generate
from analysis.build.manifest import ROOT
from analysis.ingest.cleaning import PHOTO_OR_RIGHTS
from analysis.ingest.folder import article_paths

SEEDS = ROOT / "seeds"
# Seconds per byte against ordinary prose: "a small multiple". Ten, not less: the sentence of many
# numbers holds some 250 times the figures per byte of ordinary prose, each a row of the dataset.
MAX_RATIO = 10
HEAD = "Sunday, November 24, 2024\n\nOfficials give their counts in a long statement\n\n"
_TIMED = ("import sys, time; from pathlib import Path; from analysis.dataset.build import build_dataset; "
          "build_dataset(Path(sys.argv[1])); started = time.perf_counter(); build_dataset(Path(sys.argv[2])); "
          "print(time.perf_counter() - started)")


def _prose() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in article_paths(SEEDS))


def no_punctuation(n_bytes: int) -> str:
    """A seed article, then one paragraph of the seeds' words without punctuation. Words a photo
    caption or rights line would hold are left out: a paragraph with them is dropped whole as one."""
    hints = {part for hint in PHOTO_OR_RIGHTS for part in hint.split()}  # "rights reserved": "rights", "reserved"
    words = [w for w in re.sub(r"[^\w\s]", " ", _prose()).split()
             if w.lower() not in hints and not any(hint in w.lower() for hint in PHOTO_OR_RIGHTS)]
    line, size, i = [], 0, 0
    while size < n_bytes:
        line.append(words[i % len(words)])
        size += len(line[-1].encode("utf-8")) + 1
        i += 1
    return article_paths(SEEDS)[0].read_text(encoding="utf-8") + "\n\n" + " ".join(line) + "\n"


def many_numbers(count: int) -> str:
    """One sentence of `count` different figures: "... counted 1,000 troops, 1,007 troops, ..."."""
    return HEAD + "Officials said they counted " + ", ".join(f"{1000 + 7 * i:,} troops" for i in range(count)) + ".\n"


def long_article(n_bytes: int) -> str:
    """The seeds' text repeated to `n_bytes` as one article."""
    prose = _prose()
    return (prose * (n_bytes // len(prose.encode("utf-8")) + 1))[:n_bytes]


CASES = {"1 MB of text with no punctuation": lambda: no_punctuation(1_000_000),
         "10,000 numbers in one sentence": lambda: many_numbers(10_000),
         "a 20 MB article": lambda: long_article(20_000_000)}


def _seconds(folder: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _TIMED, str(SEEDS), str(folder)], cwd=ROOT, check=True,
                         capture_output=True, text=True)
    return float(out.stdout.split()[-1])


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))


def ordinary(folder: Path, n_bytes: int) -> None:
    """Generated articles from the seeds, as many as make `n_bytes`."""
    each = _bytes(SEEDS) / len(article_paths(SEEDS))
    generate(SEEDS, folder, max(1, round(n_bytes / each)))


def guard(work: Path, cases: dict = CASES) -> list[tuple[str, int, float, int, float, float]]:
    """For each case: its bytes and seconds, the reference's bytes and seconds, and the ratio of
    seconds per byte."""
    rows = []
    for k, (name, make) in enumerate(cases.items()):
        case, reference = work / f"guard{k}", work / f"guard{k}_prose"
        case.mkdir(parents=True)
        (case / "case.txt").write_text(make(), encoding="utf-8")
        ordinary(reference, _bytes(case))
        seconds, reference_s = _seconds(case), _seconds(reference)
        ratio = (seconds / _bytes(case)) / (reference_s / _bytes(reference))
        rows.append((name, _bytes(case), seconds, _bytes(reference), reference_s, ratio))
    return rows


def table(rows: list[tuple[str, int, float, int, float, float]]) -> list[str]:
    """The guard's rows as Markdown lines, each marked within MAX_RATIO or not."""
    return [("| timing guard (`build_dataset`) | bytes | seconds | ordinary prose: bytes | seconds | ratio per byte | "
             f"within {MAX_RATIO}x |"), "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
            *[f"| {name} | {n:,} | {s:.2f} | {m:,} | {r:.2f} | {ratio:.2f} | {'yes' if ratio <= MAX_RATIO else 'NO'} |"
              for name, n, s, m, r, ratio in rows]]


if __name__ == "__main__":  # the guard alone: python -m analysis.bench.guard
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(table(guard(Path(tmp)))))
