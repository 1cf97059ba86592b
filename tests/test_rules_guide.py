"""docs/rules.md's worked example, followed as written, adds a working claim type."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def guide_file(name: str) -> str:
    """The ```yaml block of the guide that starts with ``# NAME``."""
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    (block,) = [b for b in blocks if b.startswith(f"# {name}\n")]
    return block


def guide_commands() -> list[list[str]]:
    """The factcheck commands of the guide's ```sh blocks, as argument lists."""
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    return [re.findall(r'"[^"]*"|\S+', line)[1:] for b in blocks for line in b.splitlines()
            if line.startswith("factcheck ")]


def test_worked_example_adds_a_workforce_claim_type(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("my-rules").mkdir()
    Path("my-rules/workforce.yaml").write_text(guide_file("my-rules/workforce.yaml"), encoding="utf-8")
    Path("articles").mkdir()
    Path("articles/a.txt").write_text("Microsoft has a workforce of roughly 228,000.\n\n"
                                      "Samsung laid off 2,000 workers last year.\n", encoding="utf-8")
    Path("articles/b.txt").write_text("Microsoft employs about 221,000 people.\n", encoding="utf-8")
    commands = guide_commands()
    assert [c[:2] for c in commands][:2] == [["rules", "validate"], ["rules", "test"]]
    runner = CliRunner()
    outputs = {}
    for args in commands:
        args = [a.strip('"') for a in args]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        outputs[" ".join(args[:2])] = result.stdout
    assert outputs["rules validate"].startswith("ok: 1 file valid")
    assert "5 examples passed, 0 failed" in outputs["rules test"]
    assert "workforce patterns[1]" in outputs["rules explain"]
    assert "subject:   Microsoft" in outputs["rules explain"]
    result = runner.invoke(app, ["extract", "--format", "json", "--rules", "my-rules", "articles"])
    assert result.exit_code == 0
    import json

    claims = [(c["subject"], c["attribute"], c["value"], c["qualifier"], c["unit"])
              for c in json.loads(result.stdout)["claims"] if c["type"] == "workforce"]
    assert ("Microsoft", "employees", 228000, "about", "people") in claims
    assert ("Samsung Electronics", "job cuts", 2000, "exact", "people") in claims
    assert ("Microsoft", "employees", 221000, "about", "people") in claims
