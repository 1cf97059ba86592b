"""Shared fixtures: the packaged rules and the bundled seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.documents import document_from_text
from factcheck.extract import extract_claims
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture
def extract(rules):
    """Claims from a text written in the test: ``extract("Samsung will get 50,000 GPUs.")``."""

    def run(text: str, path: str = "t.txt"):
        return extract_claims(document_from_text(path, text), rules)

    return run
