"""The outputs of one build appear together or not at all.

Each build writes a complete folder `.builds/<id>/` (report.html, data/, executed/,
manifest.json), then switches to it in one step: `.current`, a symlink to that folder, is
replaced by rename(2). `report.html`, `data`, `executed` and `manifest.json` in the output
folder are fixed relative symlinks through `.current`, so a reader sees one whole build, the
old one or the new, whatever happens meanwhile (a kill, a full disk), and the report's
relative links to data/ keep working. Folders of older, failed or killed builds are
removed after the switch and before the next build. The first build into a folder of plain
files from an older version moves them aside (the one moment a reader could miss them)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from analysis.common.errors import InputError

BUILDS = ".builds"
CURRENT = ".current"
FILES = ("report.html", "manifest.json")
FOLDERS = ("data", "executed")


def current(out_dir: Path) -> Path | None:
    """The folder of the build in place, read once (a later switch does not mix two builds), or None."""
    try:
        target = os.readlink(Path(out_dir) / CURRENT)
    except OSError:
        return None
    folder = Path(out_dir) / target
    return folder if folder.parent.name == BUILDS and folder.is_dir() else None


def check(out_dir: Path) -> None:
    """A folder where the report's file belongs, or a file where its folder belongs, is not ours
    to remove: stop before any work, naming it."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"the output folder {out_dir} is a file; remove it or choose another --out")
    for name in FILES + FOLDERS:
        path = out_dir / name
        if path.is_symlink() or not path.exists():
            continue
        if path.is_dir() and name in FILES:
            raise InputError(f"{path} is a folder where the report's file belongs; remove it or choose another --out")
        if not path.is_dir() and name in FOLDERS:
            raise InputError(f"{path} is a file where the report's folder belongs; remove it or choose another --out")


def new_folder(out_dir: Path) -> Path:
    (out_dir / BUILDS).mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=out_dir / BUILDS, prefix=""))
    folder.chmod(0o755)  # readable as the plain folders were, not private as mkdtemp makes it
    return folder


def switch(out_dir: Path, folder: Path) -> None:
    """Put the build in `folder` in place in one step, then remove the others."""
    _link(out_dir / CURRENT, f"{BUILDS}/{folder.name}")
    for name in FILES + FOLDERS:
        path, wanted = out_dir / name, f"{CURRENT}/{name}"
        if path.is_symlink() and os.readlink(path) == wanted:
            continue
        if path.is_dir() and not path.is_symlink():  # a plain folder from an older version: moved aside, then removed
            path.rename(Path(tempfile.mkdtemp(dir=out_dir / BUILDS, prefix="old-")) / name)
        _link(path, wanted)
    sweep(out_dir, keep=folder)


def sweep(out_dir: Path, keep: Path | None) -> None:
    """Remove every build folder but `keep`: older builds, and those of failed or killed ones."""
    builds = out_dir / BUILDS
    if builds.is_dir():
        for folder in builds.iterdir():
            if keep is None or folder.name != keep.name:
                shutil.rmtree(folder, ignore_errors=True)


def _link(path: Path, target: str) -> None:
    """Make `path` a symlink to `target`, replacing what is there in one rename."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
