"""Shared fixtures: the embedded gazetteer and the river index are loaded once per test run."""

from pathlib import Path

import pytest

from geo.gazetteer.embedded import load_embedded_gazetteer
from geo.shapes import load_rivers

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_ARTICLE = ROOT.parent / "shared" / "seed" / "000_e5d91137745b3503.txt"


@pytest.fixture(scope="session")
def gazetteer():
    return load_embedded_gazetteer()


@pytest.fixture(scope="session")
def rivers():
    return load_rivers()
