"""YAML from untrusted or hand-edited files, loaded within limits.

`yaml.safe_load` builds whatever a document describes: an alias bomb ("billion laughs") of a
few hundred bytes expands to gigabytes, and 20,000 nested brackets end in a RecursionError.
Front matter and annotations need neither aliases nor deep nesting, so aliases are refused,
nesting and size are bounded, and every problem is one line naming the file and the line."""

from __future__ import annotations

import yaml
from yaml.events import AliasEvent

from analysis.common.errors import InputError

MAX_DEPTH = 20  # nested lists and mappings; annotations need four
MAX_CHARS = 10_000_000


class _Refused(Exception):
    def __init__(self, reason: str, mark):
        super().__init__(reason)
        self.reason, self.line = reason, mark.line + 1


class _LimitedLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases and nesting deeper than MAX_DEPTH while composing,
    before anything is built."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            raise _Refused("YAML aliases (*name) are not allowed", self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"YAML nested more than {MAX_DEPTH} levels deep", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _DatesAsText(_LimitedLoader):
    """Also leaves dates and times as the text written, for a caller that checks them itself."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_yaml(text: str, source: str, first_line: int = 1, max_chars: int = MAX_CHARS, dates_as_text: bool = False):
    """The document in `text`; an InputError of one line, "SOURCE: why (line N)", when it is
    too large, uses aliases, nests too deep or is not YAML. `first_line` is the line of the
    file where `text` starts; with `dates_as_text`, `2024-10-01` stays the text written."""
    if len(text) > max_chars:
        raise InputError(f"{source}: YAML of {len(text):,} characters; at most {max_chars:,} are read.")
    try:
        loader = (_DatesAsText if dates_as_text else _LimitedLoader)(text)  # checks the characters first
    except yaml.YAMLError as exc:
        raise InputError(f"{source}: not valid YAML: {' '.join(str(exc).split())[:200]}.") from None
    try:
        return loader.get_single_data()
    except _Refused as exc:
        raise InputError(f"{source}: {exc.reason} (line {exc.line + first_line - 1}).") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" (line {mark.line + first_line})" if mark else ""
        why = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise InputError(f"{source}: not valid YAML: {why}{where}.") from None
    except (ValueError, OverflowError) as exc:  # a timestamp that is no calendar day: "2024-02-30"
        raise InputError(f"{source}: not valid YAML: {' '.join(str(exc).split())[:200]}.") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{source}: not valid YAML: {' '.join(str(exc).split())[:200]}.") from None
    finally:
        loader.dispose()
