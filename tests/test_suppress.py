"""Suppression comments in drafts: ignore (next line, by type, with a reason), off/on blocks, stale ones."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from factcheck.check import check
from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SUPPRESSED = ROOT / "tests" / "fixtures" / "drafts" / "suppressed.md"


def test_suppressions_silence_findings_and_keep_their_reason(rules):
    result = check([str(SUPPRESSED)], [str(SEEDS)], rules)
    silenced = {f.claim.text: f.suppressed for f in result.suppressed}
    assert silenced == {"70,000 GPUs": "confirmed with Samsung's press office",
                        "$5 billion": "quoted from the 2024 interview, $9 billion as said"}
    assert all(f.status == "contradicted" for f in result.suppressed)
    assert not result.failing("contradicted")
    # the unsupported Kakao figure is not covered by anything
    assert [f.claim.subject for f in result.failing("unsupported")] == ["Kakao"]


def test_a_figure_inside_a_directive_is_not_a_claim(rules):
    result = check([str(SUPPRESSED)], [str(SEEDS)], rules)
    assert all("9 billion" not in f.claim.text for f in result.findings)


def test_stale_suppression_is_reported_with_its_line(rules):
    result = check([str(SUPPRESSED)], [str(SEEDS)], rules)
    # ignore[money] sits over a GPU count the sources support: it silences nothing
    assert [(p.line, p.fatal) for p in result.stale_suppressions] == [(10, False)]
    assert "ignore[money]" in result.stale_suppressions[0].message


def test_type_filter_and_block_end(tmp_path, rules):
    draft = tmp_path / "d.md"
    draft.write_text(
        "<!-- factcheck: ignore[money] -->\n"
        "Samsung will receive 70,000 GPUs.\n"          # wrong type named: still reported
        "<!-- factcheck: off -->\n"
        "Hyundai Motor Group will make a $5 billion investment.\n"
        "<!-- factcheck: on -->\n"
        "Hyundai Motor Group will make a $6 billion investment.\n"  # after the block: reported
        "<!-- factcheck: shush -->\n", encoding="utf-8")
    result = check([str(draft)], [str(SEEDS)], rules)
    failing = sorted(f.claim.text for f in result.failing())
    assert failing == ["$6 billion", "70,000 GPUs"]
    assert [f.claim.text for f in result.suppressed] == ["$5 billion"]
    assert len(result.stale_suppressions) == 1  # the ignore[money]
    assert any(p.line == 7 and "unknown factcheck comment" in p.message for p in result.problems)


def test_summary_counts_suppressed_and_unused():
    out = CliRunner().invoke(app, ["check", str(SUPPRESSED), "--against", str(SEEDS), "--fail-on", "contradicted"])
    assert out.exit_code == 0
    text = " ".join(out.stdout.split())
    assert "2 suppressed" in text and "1 unused suppression" in text
