"""The GitHub Actions job and pre-commit hooks documented in docs/ci.md run as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
PATHS = {"drafts/": str(ROOT / "tests" / "fixtures" / "drafts"), "sources/": str(ROOT / "seeds"),
         "facts.yaml": str(ROOT / "tests" / "fixtures" / "ledger" / "facts.yaml")}


def workflow() -> dict:
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", DOC, re.S) if "runs-on:" in b)
    return yaml.safe_load(block)


def test_workflow_commands_run_with_the_documented_outcomes(tmp_path):
    steps = workflow()["jobs"]["factcheck"]["steps"]
    commands = [line.strip() for step in steps for line in step.get("run", "").splitlines()
                if line.strip().startswith("factcheck ")]
    assert len(commands) == 3
    runner = CliRunner()
    codes = []
    for command in commands:
        args = shlex.split(command.split(">>")[0])[1:]
        args = [PATHS.get(a, str(tmp_path / a) if a.endswith(".sarif") else a) for a in args]
        codes.append(runner.invoke(app, args).exit_code)
    assert codes == [0, 0, 1]  # reports never fail; the gate fails on the contradicted fixture drafts
    assert (tmp_path / "factcheck.sarif").read_text(encoding="utf-8").lstrip().startswith("{")
    uploads = [s for s in workflow()["jobs"]["factcheck"]["steps"] if "upload-sarif" in s.get("uses", "")]
    assert uploads and uploads[0]["with"]["sarif_file"] == "factcheck.sarif"


def test_pre_commit_hooks_name_real_commands():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    runner = CliRunner()
    for hook in hooks:
        args = shlex.split(hook["entry"])[1:] + ["--help"]
        assert runner.invoke(app, args).exit_code == 0, hook["id"]
