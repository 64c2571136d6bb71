"""Progress (articles read, notebooks executed) goes to stderr only when it is a terminal: a
command whose stderr is a pipe or a file prints what it always did and nothing else."""

import io
import subprocess
import sys
from pathlib import Path

from analysis.build.execute import reporting
from analysis.dataset.build import progress

ROOT = Path(__file__).resolve().parent.parent


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_dataset_command_prints_only_the_written_paths(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "analysis", "dataset", "seeds", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines and all(Path(line).is_file() and Path(line).is_relative_to(out) for line in lines)


def test_reading_in_worker_processes_is_silent_off_a_terminal(tmp_path):
    """The local Dask cluster (forced on the seeds) wraps the workers' results; still nothing on
    stderr, even when Dask's usual port (8787) is taken by another cluster."""
    import socket

    code = ("import analysis.speed.engine as p; p.PARALLEL_FROM = 1; "
            "ds = p.build_dataset('seeds'); print(len(ds.articles))")
    with socket.socket() as busy:
        try:
            busy.bind(("127.0.0.1", 8787))
            busy.listen()
        except OSError:
            pass  # taken already: the case itself
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stderr == ""
    assert int(done.stdout) > 0


def test_off_a_terminal_progress_changes_nothing(monkeypatch):
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    items = iter([1, 2, 3])
    assert progress(items, 3) is items
    with reporting(2) as done:
        done(Path("notebooks/01_story.py"), 1.4242)
    assert stderr.getvalue() == ""


def test_on_a_terminal_progress_is_shown_on_stderr(monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(progress(iter([1, 2, 3]), 3)) == [1, 2, 3]
    with reporting(2) as done:
        done(Path("notebooks/01_story.py"), 1.4242)
        done(Path("notebooks/02_details.py"), 0.5)
    shown = terminal.getvalue()
    assert "reading articles" in shown and "3/3" in shown
    assert "executed 01_story in 1.42 s" in shown and "executed 02_details in 0.50 s" in shown
    assert "2/2" in shown
    assert capsys.readouterr().out == ""
