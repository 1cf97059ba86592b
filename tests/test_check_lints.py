"""`check` lists a draft's editorial lints; `--strict` adds figures that name no source."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import SEEDS

DRAFT = """Samsung Electronics will receive 50,000 GPUs, according to Nvidia.

The government plans 13,000 units for its first phase.

Hyundai will invest $3 billion, according to .
"""


def run(tmp_path, *extra):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "--against", str(SEEDS), "-f", "json", *extra])
    assert result.exit_code == 0, result.output
    return [(lint["kind"], lint["line"]) for lint in json.loads(result.stdout)["lints"]]


def test_an_empty_attribution_in_a_draft_is_a_lint(tmp_path):
    assert run(tmp_path) == [("empty-attribution", 5)]


def test_strict_adds_figures_whose_paragraph_names_no_source(tmp_path):
    lints = run(tmp_path, "--strict")
    assert ("unattributed-figure", 3) in lints and ("empty-attribution", 5) in lints
    assert all(line != 1 for _, line in lints)  # "according to Nvidia" attributes the first figure
