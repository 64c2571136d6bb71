"""Builds killed with SIGKILL (a real `python -m analysis report` in a subprocess): afterwards
the previous outputs are whole and match their manifest, the next build neither waits nor
hangs, and nothing of the killed build is left running or in the temporary folder."""

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from analysis.bench.corpus import generate
from analysis.speed import engine, kernels

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL, /proc and fork: Linux")
BUILD_TIMEOUT = 90  # seconds: a build that takes longer is waiting on a lock


def command(out: Path, seeds: Path, title: str) -> list[str]:
    return [sys.executable, "-m", "analysis", "report", "--out", str(out), "-p", "seeds_dir", str(seeds),
            "-p", "title", title]


def start(out: Path, seeds: Path = SEEDS, title: str = "Report") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command(out, seeds, title), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(out: Path, seeds: Path = SEEDS, title: str = "Report") -> str:
    """A build that must end by itself, in time, with the report."""
    done = start(out, seeds, title)
    stdout, stderr = done.communicate(timeout=BUILD_TIMEOUT)
    assert done.returncode == 0, stderr
    return stdout


def kill(build: subprocess.Popen) -> list[psutil.Process]:
    """SIGKILL the builder alone (as `kill -9` would); its child processes, found just before
    (none if it has already finished)."""
    children = psutil.Process(build.pid).children(recursive=True) if build.poll() is None else []
    build.send_signal(signal.SIGKILL)  # nothing, if it has finished
    build.wait()
    build.stdout.close()  # not read to the end: a child left alive would hold the pipe open
    build.stderr.close()
    return children


def assert_none_left(children: list[psutil.Process], within: float = 10.0) -> None:
    """Workers die with the builder at once; kernels notice within a second that it is gone."""
    _, alive = psutil.wait_procs(children, timeout=within)
    for process in alive:  # not left behind by a failing test either
        process.kill()
    assert not alive, [p.pid for p in alive]


def assert_whole(out: Path) -> dict:
    """The outputs in place are one build's, each file with the hash its manifest records."""
    recorded = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "report.html" in recorded["outputs"] and any(n.startswith("data/") for n in recorded["outputs"])
    for name, digest in recorded["outputs"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    assert ({p.relative_to(out).as_posix() for p in (out / "data").rglob("*") if p.is_file()}
            == {n for n in recorded["outputs"] if n.startswith("data/")})
    return recorded


def runtime_folders(pid: int) -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"{kernels.RUNTIME_PREFIX}{pid}-*"))


def wait_for(condition, timeout: float = 60.0, step: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the build never reached the point to kill it at"
        time.sleep(step)


def new_folder(out: Path) -> Path | None:
    """The folder a build under way writes into, if any."""
    current = os.readlink(out / ".current").split("/")[-1]
    return next((p for p in (out / ".builds").iterdir() if p.name != current), None)


STAGES = {  # in the order a build reaches them; the last three come within milliseconds of the switch
    "kernels starting": lambda new: True,
    "notebooks running": lambda new: (new / "executed").is_dir(),
    "data written": lambda new: (new / "data").is_dir(),
    "report written": lambda new: (new / "report.html").exists(),
}


def test_killed_at_each_stage(tmp_path):
    """A build that must execute (a new title each time) killed at each stage, a seeded random
    moment after it is seen (where the kill lands among the last stages depends on the machine); after each kill the outputs in place are the previous build's or,
    if the switch came first, the whole new one's, and nothing is left running. The next build
    starts at once and finishes, and removes what the killed ones left."""
    out = tmp_path / "reports"
    finish(out)
    before = assert_whole(out)
    rng = random.Random(14)
    killed = []
    for stage, reached in STAGES.items():
        build = start(out, title=stage)

        def seen(build=build, reached=reached) -> bool:
            new = new_folder(out)
            return build.poll() is not None or (new is not None and reached(new))

        wait_for(seen, step=0.001)
        time.sleep(rng.uniform(0, 0.002))  # the last stages last milliseconds
        killed.append(build.pid)
        children = kill(build)
        after = assert_whole(out)
        assert after == before or after["parameters"]["title"] == stage, stage  # the old build, or the new one
        before = after
        assert_none_left(children)
    finish(out, title="Final")
    assert assert_whole(out)["parameters"]["title"] == "Final"
    assert [p.name for p in (out / ".builds").iterdir()] == [os.readlink(out / ".current").split("/")[-1]]
    assert not [folder for pid in killed for folder in runtime_folders(pid)]  # removed by the next build


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the articles are read in worker processes from two cores")
def test_killed_while_workers_read_the_articles(tmp_path):
    """The case that blocked every later build: the builder killed while its Dask workers read a
    folder just above the parallel threshold. The workers die with it and do not keep the lock:
    the next build into the folder finishes."""
    seeds = tmp_path / "seeds"
    generate(SEEDS, seeds, engine.PARALLEL_FROM + 20)
    out = tmp_path / "reports"
    build = start(out, seeds)

    def workers() -> list[psutil.Process]:
        found = []
        for child in psutil.Process(build.pid).children():
            try:
                if "multiprocessing" in " ".join(child.cmdline()):  # a worker process the local cluster spawned
                    found.append(child)
            except psutil.NoSuchProcess:
                pass
        return found

    wait_for(lambda: len(workers()) >= 2)
    children = kill(build)
    assert_none_left(children)
    assert "report.html" in finish(out)  # the 5 seeds: the lock is free
    assert_whole(out)
