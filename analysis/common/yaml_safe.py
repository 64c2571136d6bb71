"""YAML from untrusted files, loaded with limits: an alias bomb ("billion laughs") or a deeply
nested document would exhaust memory or the stack in `yaml.safe_load`. Here aliases are refused,
nesting and size are capped, and every problem is one line saying where and why, so that the
caller can name its file in one error line."""

from __future__ import annotations

import yaml

MAX_DEPTH = 100  # far beyond any parameters file, front matter or annotations file
MAX_CHARS = 10_000_000
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class YAMLProblem(yaml.YAMLError):
    """A document refused or not YAML; the message is one line (where and why)."""


class _Limited(yaml.SafeLoader):
    """SafeLoader that refuses aliases and nesting deeper than MAX_DEPTH while composing the
    document, before anything is built from it."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise YAMLProblem(f"YAML aliases (*name) are not allowed ({_where(self.peek_event().start_mark)})")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YAMLProblem(f"YAML nested more than {MAX_DEPTH} levels deep ({_where(self.peek_event().start_mark)})")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _DatesAsText(_Limited):
    """Also leaves dates and times as the text written, for a caller that checks them itself."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _where(mark) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else "position unknown"


def _one_line(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return f"{exc.problem or exc.context} ({_where(mark)})"
    if isinstance(exc, yaml.reader.ReaderError):
        return f"character #x{exc.character:04x} is not allowed in YAML (offset {exc.position})"
    return " ".join(str(exc).split())


def load(text: str, dates_as_text: bool = False, max_chars: int = MAX_CHARS):
    """The document in `text` (None when empty), as `yaml.safe_load` would give it; raises
    YAMLProblem for a refused or invalid document. With `dates_as_text`, `2024-10-01` stays a str."""
    if len(text) > max_chars:
        raise YAMLProblem(f"YAML text of {len(text):,} characters; at most {max_chars:,} are read")
    loader = None
    try:
        loader = (_DatesAsText if dates_as_text else _Limited)(text)  # checks the characters first
        return loader.get_single_data()
    except YAMLProblem:
        raise
    except yaml.YAMLError as exc:
        raise YAMLProblem(_one_line(exc)) from None
    except (ValueError, OverflowError) as exc:  # a value YAML reads but Python cannot hold: 2024-02-30
        raise YAMLProblem(f"not a valid value: {' '.join(str(exc).split())}") from None
    finally:
        if loader is not None:
            loader.dispose()
