"""Baselines (gate only on new findings, keyed on the claim not its line) and project configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.baseline import BaselineError, load
from factcheck.cli import app
from factcheck.config import ConfigError, load_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WRONG = ROOT / "tests" / "fixtures" / "drafts" / "wrong.md"
runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_baseline_gates_only_on_new_findings(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(WRONG.read_text(encoding="utf-8"), encoding="utf-8")
    base = tmp_path / "baseline.json"
    written = invoke("check", draft, "--against", SEEDS, "--write-baseline", base)
    assert written.exit_code == 0
    recorded = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert sorted(r["status"] for r in recorded) == ["contradicted", "contradicted", "unsupported"]
    assert all("line" not in r for r in recorded)
    assert invoke("check", draft, "--against", SEEDS, "--baseline", base).exit_code == 0
    # editing other paragraphs moves every line: the baseline still holds
    draft.write_text("# A new heading\n\nA new paragraph without figures.\n\n" + draft.read_text(encoding="utf-8"),
                     encoding="utf-8")
    moved = invoke("check", draft, "--against", SEEDS, "--baseline", base, "-f", "json")
    assert moved.exit_code == 0
    assert json.loads(moved.stdout)["summary"]["baselined"] == 3
    # a new wrong figure fails, and only it
    draft.write_text(draft.read_text(encoding="utf-8") + "\nNAVER Cloud will deploy 10,000 GPUs.\n", encoding="utf-8")
    new = invoke("check", draft, "--against", SEEDS, "--baseline", base, "-f", "json")
    assert new.exit_code == 1
    failing = [f["claim"]["text"] for f in json.loads(new.stdout)["findings"]
               if f["status"] == "contradicted" and not f["baselined"]]
    assert failing == ["10,000 GPUs"]


def test_sarif_marks_baseline_state(tmp_path):
    base = tmp_path / "b.json"
    invoke("check", WRONG, "--against", SEEDS, "--write-baseline", base)
    log = json.loads(invoke("check", WRONG, "--against", SEEDS, "--baseline", base, "-f", "sarif").stdout)
    assert {r["baselineState"] for r in log["runs"][0]["results"]} == {"unchanged"}


def test_bad_baseline_is_an_input_error(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(BaselineError):
        load(str(bad))
    result = invoke("check", WRONG, "--against", SEEDS, "--baseline", bad)
    assert result.exit_code == 2 and "b.json:1" in result.output


def test_config_file_supplies_sources_and_gate_and_command_line_wins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".factcheck.yaml").write_text(f"sources: [{SEEDS}]\nfail-on: unsupported\nformat: json\n",
                                              encoding="utf-8")
    result = invoke("check", ROOT / "tests" / "fixtures" / "drafts" / "fixed.md")
    assert result.exit_code == 1  # Kakao is unsupported, and the config gates on unsupported
    assert json.loads(result.stdout)["summary"]["fail_on"] == "unsupported"
    override = invoke("check", ROOT / "tests" / "fixtures" / "drafts" / "fixed.md", "--fail-on", "contradicted",
                      "-f", "github")
    assert override.exit_code == 0 and not override.stdout.lstrip().startswith("{")


def test_pyproject_section_and_errors(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "news/"\nledger = "facts.yaml"\n',
                                             encoding="utf-8")
    config = load_config(tmp_path)
    assert (config.sources, config.ledger) == (["news/"], "facts.yaml")
    (tmp_path / ".factcheck.yaml").write_text("fail_on: contradicted\nsauces: [x]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'sauces'"):
        load_config(tmp_path)
    (tmp_path / ".factcheck.yaml").write_text("rules: [a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.factcheck\.yaml:2"):
        load_config(tmp_path)
    assert load_config(tmp_path / "nowhere").sources == []
