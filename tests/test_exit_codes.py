"""`scan --fail-on` follows the same convention as `check`: at or above the threshold, --exit-zero, 2 on errors."""

from __future__ import annotations

from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def scan(*args) -> int:
    return runner.invoke(app, ["scan", *map(str, args), "--format", "json"]).exit_code


def test_scan_fail_on_is_a_threshold(tmp_path):
    (tmp_path / "a.md").write_text("Samsung will receive over 50,000 GPUs.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Samsung will receive 52,000 GPUs.\n", encoding="utf-8")  # compatible, not disputed
    assert scan(tmp_path, "--fail-on", "disputed") == 0
    assert scan(tmp_path, "--fail-on", "compatible") == 1
    (tmp_path / "c.md").write_text("Samsung will receive 20,000 GPUs.\n", encoding="utf-8")  # now disputed
    assert scan(tmp_path, "--fail-on", "compatible") == 1
    assert scan(tmp_path, "--fail-on", "disputed") == 1
    assert scan(tmp_path, "--fail-on", "disputed", "--exit-zero") == 0
    assert scan(tmp_path / "missing", "--exit-zero") == 2
    assert scan(tmp_path, "--fail-on", "wrong") == 2
