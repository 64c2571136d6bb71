"""An article file as text: decoded (UTF-8, else Windows-1252), and its optional YAML front
matter, which overrides what is detected on the page."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import yaml

from analysis.common.errors import InputError
from analysis.ingest.page_dates import parse_page_date

FRONT_MATTER_KEYS = {"published", "url", "outlet", "agency", "headline"}


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty; add the article text or remove the file.")
    if b"\x00" in data:
        raise InputError(f"{path}: this is a binary file, not article text; remove it from the folder.")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 and not Windows-1252 text (byte {exc.start}); save it as UTF-8."
        ) from exc


def front_matter(path: Path, text: str) -> tuple[dict, str]:
    """An optional YAML block between '---' lines at the top overrides what is detected."""
    if not text.startswith("---"):
        return {}, text
    match = re.match(r"---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", text, re.S)
    if not match:
        raise InputError(f"{path}: front matter starts with '---' but has no closing '---' line.")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter must be 'key: value' lines ({sorted(FRONT_MATTER_KEYS)}).")
    unknown = set(meta) - FRONT_MATTER_KEYS
    if unknown:
        raise InputError(f"{path}: unknown front matter key(s) {sorted(unknown)}; known: {sorted(FRONT_MATTER_KEYS)}.")
    published = meta.get("published")
    if isinstance(published, datetime):
        meta["published"] = published.date()
    elif published is not None and not isinstance(published, date):
        parsed = parse_page_date(str(published))
        if parsed is None:
            raise InputError(f"{path}: front matter 'published: {published}' is not a date (use YYYY-MM-DD).")
        meta["published"] = parsed
    return meta, text[match.end():]
