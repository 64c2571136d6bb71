"""Does a change of code leave the outputs as they were? Builds the dataset CSVs and the report
for three corpora (the seeds, a folder such as ../shared/dev-articles/articles, and generated
articles) and writes one SHA-256 per output file, so that two runs, before and after a
restructure, can be compared with `diff`:

    python benchmarks/same_output.py WORK_DIR --dev ../shared/dev-articles/articles > before.txt
    ... change the code ...
    python benchmarks/same_output.py WORK_DIR --dev ../shared/dev-articles/articles > after.txt
    diff before.txt after.txt

The report's "How this was built" section lists the hash of every code file and the build's
cache key, which a change of code changes by design; it is masked before hashing (and only it).
Generated articles are made once in WORK_DIR and reused, so both runs read the same files."""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_INFO = re.compile(r'(<h2 id="How-this-was-built">).*?(</main>|</body>)', re.S)


def _generate(folder: Path, n: int) -> None:
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == n:
        return
    sys.path.insert(0, str(ROOT))
    try:
        from analysis.bench.corpus import generate
    except ImportError:  # the layout before the stages had packages of their own
        from analysis.scaled import generate
    generate(ROOT / "seeds", folder, n)


def _digest(path: Path) -> str:
    data = path.read_bytes()
    if path.name == "report.html":
        data = BUILD_INFO.sub(rb"\1[build information masked]\2".decode(), data.decode("utf-8")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def snapshot(name: str, corpus: Path, work: Path) -> list[str]:
    out = work / f"out-{name}"
    shutil.rmtree(out, ignore_errors=True)  # a fresh build, never a no-op on an earlier one
    subprocess.run([sys.executable, "-m", "analysis", "dataset", str(corpus), "--out", str(out / "dataset")],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "analysis", "report", "--out", str(out / "report"),
                    "-p", "seeds_dir", str(corpus.resolve())], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    files = sorted((out / "dataset").glob("*")) + [out / "report" / "report.html"]
    files += sorted((out / "report" / "data").glob("*"))
    return [f"{name} {p.relative_to(out).as_posix()} {_digest(p)}" for p in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work", type=Path, help="scratch folder (generated corpus and outputs)")
    parser.add_argument("--dev", type=Path, help="a second folder of articles, e.g. the dev set")
    parser.add_argument("--generated", type=int, default=1000, help="how many generated articles")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    corpora = {"seeds": ROOT / "seeds"}
    if args.dev:
        corpora["dev"] = args.dev
    if args.generated:
        corpora[f"generated{args.generated}"] = args.work / f"corpus{args.generated}"
        _generate(corpora[f"generated{args.generated}"], args.generated)
    for name, corpus in corpora.items():
        print("\n".join(snapshot(name, corpus, args.work)), flush=True)


if __name__ == "__main__":
    main()
