"""The dataset a build works from, kept in `<out>/.cache/` between builds.

Only the articles, the annotations, the code and the locked packages change the dataset, so a
build that changes parameters or notebooks reuses the one it has. The builder checks the
parameters against the names recorded beside it (and so does not import pandas at all); the
notebook kernels load the pickle (see `analysis.speed.handoff`).
This module stays light: pandas is imported only when the dataset has to be built."""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from analysis.common.files import atomic_write

FOLDER = ".cache"


@dataclass
class Prepared:
    """The dataset for this build: where its pickle is, the names parameters may use, and the
    dataset itself when this build made it (else it is loaded only if needed)."""

    path: Path
    names: dict[str, list[str]]
    built: object | None = None

    def dataset(self):
        return self.built if self.built is not None else pickle.loads(self.path.read_bytes())


def pickle_path(out_dir: Path) -> Path:
    return Path(out_dir) / FOLDER / "dataset.pickle"


def key(fingerprint: dict) -> str:
    """What the dataset depends on: every input of the build but the notebooks, and the versions."""
    inputs = {name: digest for name, digest in fingerprint["inputs"].items() if not name.startswith("notebooks/")}
    material = json.dumps({"inputs": inputs, "versions": fingerprint["versions"]}, sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()


def prepare(out_dir: Path, fingerprint: dict, seeds_dir: str, build: Callable[[str], object]) -> Prepared:
    """The cached dataset if its inputs are unchanged, else a new one made by `build` (bad input
    stops here)."""
    folder, target = Path(out_dir) / FOLDER, pickle_path(out_dir)
    wanted = key(fingerprint)
    try:
        meta = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = None
    if (isinstance(meta, dict) and meta.get("key") == wanted and meta.get("seeds_dir") == seeds_dir and target.is_file()
            and hashlib.sha256(target.read_bytes()).hexdigest() == meta.get("sha256")
            and isinstance(meta.get("names"), dict)):
        return Prepared(target, meta["names"])

    from analysis.build.params import known_names

    dataset = build(seeds_dir)
    names = known_names(dataset.articles, dataset.figures)
    data = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
    atomic_write(target, data)
    meta = {"key": wanted, "seeds_dir": seeds_dir, "names": names, "sha256": hashlib.sha256(data).hexdigest()}
    atomic_write(folder / "dataset.json", json.dumps(meta, indent=2, sort_keys=True).encode())
    return Prepared(target, names, dataset)
