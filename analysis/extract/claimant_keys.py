"""Keys under which differently written names of one claimant meet: a surname with its
transliteration folded, an organisation's country and initials. Shared by the article's list
of who is quoted and by the corpus-wide canonical names."""

from __future__ import annotations

import re
import unicodedata

from analysis.extract.claimant_names import COUNTRY_OF, is_proper, plain

ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,7}$")


def ascii_lower(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def surname_key(word: str) -> str:
    """A surname with its transliteration endings, y/i and doubled letters folded: Zelensky,
    Zelenskiy and Zelenskyy give one key."""
    key = re.sub(r"(?:iy|yy|ij|ii|yi|y|i)$", "i", ascii_lower(word).strip(".’'")).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", key)


def country_split(words: list[str]) -> tuple[str, list[str]]:
    """A leading country, capital or demonym ("Seoul's", "South Korean") and the words after it."""
    if words and words[0].lower() == "the":
        words = words[1:]
    for n in (3, 2, 1):
        phrase = " ".join(ascii_lower(plain(w)) for w in words[:n])
        if len(words) >= n and phrase in COUNTRY_OF:
            return COUNTRY_OF[phrase], words[n:]
    return "", words


def initials(name: str) -> str:
    """The acronym an organisation's name would have, its country words left out."""
    words = [w for w in country_split(name.split())[1] if is_proper(w) and w.lower() not in ("of", "for", "and")]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""
