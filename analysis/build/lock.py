"""The lock that makes builds into one folder take turns, held by the builder process alone.

An flock belongs to an open file, and a forked worker holds a copy of the builder's: a builder
killed while its workers read articles left them holding the lock, and every later build
waited forever. Here a forked child closes its copy at once (an at-fork hook), so the lock is
free as soon as the builder is gone, however it ended. (POSIX record locks are not inherited,
but one process's threads share them: two builds in one process would not take turns.)"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator

_HELD: set[int] = set()


def _close_in_child() -> None:
    for fd in _HELD:
        os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold `path` locked: another holder makes this wait; raises OSError if the file cannot be opened."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    _HELD.add(fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock
