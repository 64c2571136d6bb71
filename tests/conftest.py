"""Shared fixtures: the seed corpus and its dataset, built once per test run."""

from pathlib import Path

import pytest

from analysis.dataset.build import build_dataset

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dataset():
    return build_dataset(SEEDS)


def write_article(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
