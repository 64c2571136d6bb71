"""The articles folder: which files are articles, and the name of the annotations file beside them."""

from __future__ import annotations

from pathlib import Path

from analysis.common.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md")
ANNOTATIONS_FILE = "annotations.yaml"


def article_paths(folder: Path) -> list[Path]:
    """The article files of a folder in file-name order; each file's name (less its ending) is
    the article's id, so two files with one name are an error."""
    if not folder.exists():
        raise InputError(f"{folder}: the articles folder does not exist.")
    if not folder.is_dir():
        raise InputError(f"{folder}: expected a folder of articles, got a file.")
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
    if not paths:
        raise InputError(f"{folder}: no articles found (expected *.txt or *.md files).")
    seen: dict[str, Path] = {}
    for p in paths:
        if p.stem in seen:
            raise InputError(f"{p}: same article id '{p.stem}' as {seen[p.stem]}; rename one of them.")
        seen[p.stem] = p
    return paths
