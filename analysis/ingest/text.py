"""An article file as text: decoded (UTF-8, else Windows-1252), and its optional YAML front
matter, which overrides what is detected on the page.

A file with any valid UTF-8 beyond ASCII is UTF-8: a stray bad byte in it is replaced by U+FFFD
and reported with its offset (read as Windows-1252 instead, every other non-ASCII character
would turn to mojibake, "Moscowâ€™s"). A file with no valid UTF-8 sequence but bytes that are
not ASCII is an older Windows file, read as Windows-1252."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from analysis.common.errors import InputError
from analysis.common.safe_yaml import load_yaml
from analysis.ingest.page_dates import PAGE_YEARS, parse_page_date

FRONT_MATTER_KEYS = {"published", "url", "outlet", "agency", "headline"}
LISTABLE_KEYS = {"outlet", "agency"}  # "outlet: [Reuters, AP]" is read as "Reuters, AP"
MAX_FRONT_MATTER = 100_000  # characters
_REPLACED = "\ufffd"
_VALID_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")  # a character that only valid UTF-8 beyond ASCII gives


def decode(path: Path, data: bytes) -> tuple[str, str, str | None]:
    """The text with Unix line endings, the name of its encoding, and a note of the bad bytes
    replaced, if any."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty; add the article text or remove the file.")
    if b"\x00" in data:
        raise InputError(f"{path}: this is a binary file, not article text; remove it from the folder.")
    try:
        return _unix(data.decode("utf-8-sig")), "utf-8", None
    except UnicodeDecodeError as exc:
        first = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count(_REPLACED) - data.count(_REPLACED.encode())
    if _VALID_NON_ASCII.search(text):
        more = f" (and {bad - 1} more bad sequences)" if bad > 1 else ""
        note = f"byte 0x{data[first]:02X} at offset {first} is not UTF-8{more}; replaced by {_REPLACED}"
        return _unix(text), "utf-8", note
    try:
        return _unix(data.decode("cp1252")), "cp1252", None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 and not Windows-1252 text (byte 0x{data[exc.start]:02X} at offset {exc.start}); "
            "save it as UTF-8.") from None


def _unix(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _text_value(path: Path, key: str, value):
    """A front matter value as text: a string or number; for an outlet or agency, a list of them joined."""
    if isinstance(value, list) and key in LISTABLE_KEYS and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v).strip() for v in value if str(v).strip()) or None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        kind = {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), type(value).__name__)
        raise InputError(f"{path}: front matter '{key}' must be text, got {kind}.")
    return str(value)


def front_matter(path: Path, text: str) -> tuple[dict, str]:
    """An optional YAML block between '---' lines at the top overrides what is detected."""
    if not text.startswith("---"):
        return {}, text
    match = re.match(r"---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", text, re.S)
    if not match:
        raise InputError(f"{path}: front matter starts with '---' but has no closing '---' line.")
    meta = load_yaml(match.group(1), f"{path}: front matter", first_line=2, max_chars=MAX_FRONT_MATTER) or {}
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter must be 'key: value' lines ({sorted(FRONT_MATTER_KEYS)}).")
    unknown = set(meta) - FRONT_MATTER_KEYS
    if unknown:
        shown = sorted(str(k)[:40] for k in unknown)[:5]
        raise InputError(f"{path}: unknown front matter key(s) {shown}; known: {sorted(FRONT_MATTER_KEYS)}.")
    meta.update({k: _text_value(path, k, v) for k, v in meta.items() if k != "published" and v is not None})
    published = meta.get("published")
    if isinstance(published, datetime):
        meta["published"] = published.date()
    elif published is not None and not isinstance(published, date):
        parsed = parse_page_date(str(published))
        if parsed is None:
            raise InputError(f"{path}: front matter 'published: {str(published)[:40]}' is not a date (use YYYY-MM-DD).")
        meta["published"] = parsed
    if meta.get("published") and meta["published"].year not in PAGE_YEARS:
        raise InputError(f"{path}: front matter 'published: {meta['published']}' is out of range; "
                         f"use a year from {PAGE_YEARS[0]} to {PAGE_YEARS[-1]}.")
    return meta, text[match.end():]
