"""The articles folder: which entries are articles, and the annotations file beside them.

One definition serves the loader and the build's fingerprint, so the two never disagree and
nothing but a regular file is ever opened: a FIFO named `pipe.txt` would block a reader forever.
An entry whose name ends in .txt, .md, .html or .htm but is no article (a directory, a FIFO, a socket, a
device, a broken symlink) is skipped, and the reason goes to the report's Data quality section.

Symlinks: a link to a regular file inside the folder is followed (the article's id is the
link's name). A link leading out of the folder is skipped unread: whoever can drop a link in
the folder must not be able to publish /etc/passwd as an article."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from analysis.common.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")  # a saved web page is read by ingest.html
ANNOTATIONS_FILE = "annotations.yaml"
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


@dataclass(frozen=True)
class Skipped:
    """A folder entry named like an article that is not read, and why."""

    name: str
    reason: str


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def why_skipped(path: Path, inside: Path) -> str | None:
    """None when `path` is a regular file, or a link to one inside `inside`; else the reason."""
    try:
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode):
            return None if stat.S_ISREG(mode) else f"{_kind(mode)}, not a file"
        target = path.resolve(strict=True)
    except RuntimeError:  # Python before 3.13 reports a symlink loop so
        return "a symlink loop"
    except OSError as exc:
        return "a dangling symlink" if isinstance(exc, FileNotFoundError) else f"a symlink that fails ({exc.strerror})"
    if not target.is_relative_to(inside):
        return "a symlink to a file outside the articles folder (not read)"
    mode = target.stat().st_mode
    return None if stat.S_ISREG(mode) else f"a symlink to {_kind(mode)}"


def scan_folder(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """The article files of a folder in file-name order, and the entries named like articles
    that are skipped. Each file's name (less its ending) is the article's id, so two files
    with one name are an error."""
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"{folder}: the articles folder does not exist.")
    if not folder.is_dir():
        raise InputError(f"{folder}: expected a folder of articles, got a file.")
    inside = folder.resolve()
    paths, skipped = [], []
    for entry in sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES):
        reason = why_skipped(entry, inside)
        if reason:
            skipped.append(Skipped(entry.name, reason))
        else:
            paths.append(entry)
    if not paths:
        raise InputError(f"{folder}: no articles found (expected *.txt, *.md or saved web pages, *.html).")
    return paths, skipped


def article_id(path: Path) -> str:
    """An article's id: its file name without the extension; when another article file shares
    that name (the same article saved as text and as a web page), the one whose extension comes
    first in ARTICLE_SUFFIXES keeps it (so annotations naming the text still find it), and the
    others are named by their whole file name."""
    own = path.suffix.lower()
    earlier = ARTICLE_SUFFIXES[:ARTICLE_SUFFIXES.index(own)] if own in ARTICLE_SUFFIXES else ()
    return path.name if any(os.path.lexists(path.with_suffix(suffix)) for suffix in earlier) else path.stem


def article_paths(folder: Path) -> list[Path]:
    """The article files of a folder (see `scan_folder`)."""
    return scan_folder(folder)[0]


def annotations_path(folder: Path) -> Path | None:
    """The folder's annotations file; None when there is none; an error when the name is taken
    by something that is not a file (a directory, a FIFO, a link out of the folder)."""
    path = Path(folder) / ANNOTATIONS_FILE
    if not os.path.lexists(path):
        return None
    reason = why_skipped(path, Path(folder).resolve())
    if reason:
        raise InputError(f"{path}: is {reason}; the annotations must be a YAML file.")
    return path


def read_file(path: Path) -> bytes:
    """The bytes of a regular file. Opened without blocking and checked once open, so an entry
    that became a FIFO or a directory since the folder was scanned gives an error, not a hang."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: is {_kind(mode)}, not a file.")
        try:
            return handle.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
