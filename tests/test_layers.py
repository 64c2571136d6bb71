"""The tree reads as the pipeline: each stage of `analysis/` imports only from the stages below
it (ingest -> extract -> dataset -> sections -> build), `speed` sits beside the stages it makes
faster, no module imports itself back through another, and modules stay small."""

import ast
import graphlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "analysis"
# A stage may import its own modules and those of lower rank; two stages of one rank never
# import each other (the plain pipeline does not need the speed machinery, and vice versa).
RANK = {"common": 0, "ingest": 1, "extract": 2, "dataset": 3, "sections": 4, "speed": 4, "build": 5, "bench": 6,
        "__main__": 7}
MAX_LINES = 260


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, known: set[str]) -> set[str]:
    """The analysis modules a source imports, at module level or inside functions
    (`from analysis.sections import quality` imports the module analysis.sections.quality)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("analysis")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analysis"):
            for alias in node.names:
                found.add(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module)
    return found


def stage(module: str) -> str:
    return module.split(".")[1] if module.count(".") else "__main__"


def violations(sources: dict[str, str]) -> list[str]:
    """Each import of a module from a higher stage, or from a stage of the same rank."""
    known = set(sources)
    bad = []
    for module, source in sources.items():
        own = stage(module)
        for target in imported_modules(source, known):
            other = stage(target) if target != "analysis" else "__main__"
            if other != own and RANK[other] >= RANK[own]:
                bad.append(f"{module} ({own}) imports {target} ({other})")
    return bad


def package_sources() -> dict[str, str]:
    return {module_name(p): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_stage_is_known():
    assert {stage(m) for m in package_sources() if m != "analysis"} <= set(RANK)


def test_stages_import_only_from_below():
    assert violations(package_sources()) == []


def test_the_check_catches_an_upward_import():
    sources = {"analysis.extract.figures": "from analysis.build.params import validate\n",
               "analysis.build.params": "", "analysis.speed.kernels": "from analysis.sections import charts\n",
               "analysis.sections.charts": "", "analysis.sections.common": "from analysis.dataset.model import Dataset\n",
               "analysis.dataset.model": ""}
    assert violations(sources) == ["analysis.extract.figures (extract) imports analysis.build.params (build)",
                                   "analysis.speed.kernels (speed) imports analysis.sections.charts (sections)"]


def test_no_import_cycle():
    sources = package_sources()
    graph = {module: imported_modules(source, set(sources)) - {module} for module, source in sources.items()}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


def test_modules_are_small():
    long = {module: len(source.splitlines()) for module, source in package_sources().items()
            if len(source.splitlines()) > MAX_LINES}
    assert long == {}
