"""Where a collection's articles are: a local folder (the usual case, read as `ingest.folder`
says), a glob of files ("archive/2024-*/*.html"), or an fsspec URL ("s3://bucket/prefix/",
"gs://...", "file:///data/news/") that workers on other machines can read as well.

A source is named by a plain string, so it travels to a worker process or another machine as
it is, and the worker reads its bytes there: the builder never holds the collection's text."""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from analysis.common.errors import InputError
from analysis.ingest.folder import (ANNOTATIONS_FILE, ARTICLE_SUFFIXES, Skipped, annotations_path, article_id,
                                    read_file, scan_folder, why_skipped)

GLOB_CHARACTERS = "*?["


class Location(str):
    """A file's path or URL where the reader expects a path: its name, stem and suffix, and the
    whole string in messages (so an error names "s3://bucket/a.txt", not a mangled path)."""

    @property
    def name(self) -> str:
        return PurePosixPath(self.replace(os.sep, "/")).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem


@dataclass(frozen=True)
class Source:
    """One article file: where it is and the article's id (fixed when the collection is listed,
    since the id of a twin depends on its siblings)."""

    location: str
    id: str

    @property
    def is_url(self) -> bool:
        return is_url(self.location)


def is_url(location: str) -> bool:
    return "://" in location


def is_glob(location: str) -> bool:
    return any(c in location for c in GLOB_CHARACTERS)


def _ids(names: list[str]) -> list[str]:
    """`ingest.folder.article_id` for a listing of paths or URLs: the stem, or the whole file name
    when a twin with an earlier suffix is listed in the same folder."""
    listed = {tuple(n.rsplit("/", 1)) for n in names}

    def twin_before(name: str) -> bool:
        folder, file = name.rsplit("/", 1)
        suffix = PurePosixPath(file).suffix.lower()
        earlier = ARTICLE_SUFFIXES[:ARTICLE_SUFFIXES.index(suffix)] if suffix in ARTICLE_SUFFIXES else ()
        return any((folder, PurePosixPath(file).stem + s) in listed for s in earlier)

    return [PurePosixPath(n).name if twin_before(n) else PurePosixPath(n).stem for n in names]


def _checked_ids(sources: list[Source], where: str) -> list[Source]:
    seen: dict[str, str] = {}
    for s in sources:
        if s.id in seen:
            raise InputError(f"{where}: two articles have the id '{s.id}' ({seen[s.id]} and {s.location}); "
                             "rename one of them.")
        seen[s.id] = s.location
    return sources


def _listed(location: str) -> tuple[list[str], list[Skipped]]:
    """Files named like articles at an fsspec URL or matching a glob, in name order; entries that are
    not files are skipped with the reason. Listed afresh: fsspec shares one filesystem object per
    process, and s3fs's keeps every listing, so a later build in the same process would see the
    first one's objects (and call a changed article unchanged)."""
    import fsspec

    with _reaching(location, "cannot list the articles"):
        fs, root = fsspec.core.url_to_fs(location)
        fs.invalidate_cache()
        entries = fs.glob(root, detail=True) if is_glob(root) else fs.ls(root, detail=True)
    if isinstance(entries, dict):
        entries = list(entries.values())
    files, skipped = [], []
    for entry in sorted(entries, key=lambda e: e["name"]):
        name = entry["name"]
        if PurePosixPath(name).suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if entry.get("islink"):  # a link at a URL is not followed: it could lead anywhere on that machine
            skipped.append(Skipped(PurePosixPath(name).name, "a symlink (not followed at a URL)"))
        elif entry.get("type") != "file":
            skipped.append(Skipped(PurePosixPath(name).name, f"{entry.get('type', 'not a file')}, not a file"))
        else:
            files.append(fs.unstrip_protocol(name))
    return files, skipped


@contextmanager
def _reaching(location: str, failing: str) -> Iterator[None]:
    """Calls into an fsspec filesystem: whatever its backend raises (botocore's NoCredentialsError,
    for one, is no OSError; a missing backend is an ImportError) ends as one line naming the location."""
    try:
        yield
    except (InputError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 (each backend has errors of its own, all about this location)
        raise InputError(f"{location}: {failing} ({_reason(exc, location)}).") from None


def _reason(exc: Exception, location: str) -> str:
    """Why a location could not be listed or read, in words: an error that gives only the path
    (s3fs's, for a prefix with no object under it) says that nothing is there; a system error its
    reason, without the path that the message names already."""
    text = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
    return "nothing is there" if text.strip("/") and location.rstrip("/").endswith(text.strip("/")) else text


def _globbed(pattern: str) -> tuple[list[str], list[Skipped]]:
    """Files matching a local glob, as `ingest.folder` reads a folder: regular files, or symlinks to
    files under the glob's fixed part (the folders before its first wildcard); else skipped."""
    parts = Path(pattern).parts
    fixed = Path(*parts[:next(i for i, part in enumerate(parts) if is_glob(part))]).resolve()
    files, skipped = [], []
    for match in sorted(glob.glob(pattern)):
        if Path(match).suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        reason = why_skipped(Path(match), fixed)
        if reason:
            skipped.append(Skipped(Path(match).name, reason))
        else:
            files.append(match)
    return files, skipped


def scan(location: str | Path) -> tuple[list[Source], list[Skipped]]:
    """The articles of a collection, in name order, and what was passed over. A plain local folder
    is read exactly as `ingest.folder.scan_folder` reads it (symlinks out of it are never followed)."""
    text = str(location)
    if not is_url(text) and not is_glob(text):
        paths, skipped = scan_folder(Path(text))
        return [Source(str(p), article_id(p)) for p in paths], skipped
    if not is_url(text):
        text = os.path.abspath(text)
        files, skipped = _globbed(text)
    else:
        files, skipped = _listed(text)
    if not files:
        raise InputError(f"{location}: no articles found (expected *.txt, *.md or saved web pages, *.html).")
    return _checked_ids([Source(f, i) for f, i in zip(files, _ids(files))], text), skipped


def read_bytes(source: Source) -> bytes:
    """The bytes of one article, read where this runs (a worker, for a cluster)."""
    if not source.is_url:
        return read_file(Path(source.location))
    import fsspec

    with _reaching(source.location, "cannot be read"), fsspec.open(source.location, "rb") as handle:
        return handle.read()


def annotations_of(location: str | Path) -> tuple[str, bytes] | None:
    """The collection's annotations file (name and bytes), if it has one: beside the articles of a
    folder or URL prefix; a glob has none."""
    text = str(location)
    if is_glob(text):
        return None
    if not is_url(text):
        path = annotations_path(Path(text))
        return (Location(path), read_file(path)) if path else None
    import fsspec

    url = text.rstrip("/") + "/" + ANNOTATIONS_FILE
    with _reaching(url, "cannot be read"):
        fs, root = fsspec.core.url_to_fs(url)
        if not fs.exists(root):
            return None
        if not fs.isfile(root):
            raise InputError(f"{url}: is not a file; the annotations must be a YAML file.")
        return Location(url), fs.cat_file(root)


def canonical(location: str | Path) -> str:
    """One spelling per collection, for comparing and caching: a URL as given, a glob made
    absolute, a folder resolved."""
    text = str(location)
    if is_url(text):
        return text
    return os.path.abspath(text) if is_glob(text) else str(Path(text).resolve())


def listing_digests(location: str) -> dict[str, str]:
    """What a build's fingerprint records of a glob's or a URL's articles and annotations, by file
    name: the SHA-256 of a local file's bytes; for a file at a URL, fsspec's checksum of its listing
    (size, and modification time or ETag), so that checking a bucket does not download it."""
    found = {}
    for source in scan(location)[0]:
        if source.is_url:
            import fsspec

            fs, path = fsspec.core.url_to_fs(source.location)
            found[source.location] = f"listing {fs.checksum(path):x}"
        else:
            found[source.location] = hashlib.sha256(read_file(Path(source.location))).hexdigest()
    notes = annotations_of(location)
    if notes:
        found[str(notes[0])] = hashlib.sha256(notes[1]).hexdigest()
    return found
