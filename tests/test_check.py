"""`factcheck check`: draft figures against the seed articles, statuses and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.check import STATUSES, at_or_above, check, check_claims
from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

DRAFTS = ROOT / "tests" / "fixtures" / "drafts"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def by_status(result):
    out: dict[str, list] = {s: [] for s in STATUSES}
    for f in result.findings:
        out[f.status].append(f)
    return out


def test_wrong_draft_lists_supported_contradicted_and_unsupported(rules):
    result = check([str(DRAFTS / "wrong.md")], [str(SEEDS)], rules)
    found = by_status(result)
    assert len(found["supported"]) == 3
    assert len(found["contradicted"]) == 2
    assert len(found["unsupported"]) == 1
    samsung, hyundai = found["contradicted"]
    assert (samsung.claim.subject, samsung.claim.text) == ("Samsung Electronics", "70,000 GPUs")
    assert (samsung.claim.line, samsung.claim.column) == (13, 22)
    # the source that excludes 70,000 is named with its own figure and sentence
    assert [c.source.endswith("001_76c2137ffe3b86bc.txt") for c in samsung.against] == [True]
    assert "will each receive 50,000 GPUs" in samsung.against[0].quote
    assert hyundai.claim.attribute == "investment" and hyundai.claim.text == "$5 billion"
    assert {c.text for c in hyundai.against} == {"approximately $3 billion"}
    assert found["unsupported"][0].claim.subject == "Kakao"


def test_fixed_draft_has_no_contradiction(rules):
    result = check([str(DRAFTS / "fixed.md")], [str(SEEDS)], rules)
    assert not result.failing("contradicted")
    assert result.counts()["supported"] == 5


def test_cli_exit_codes_for_wrong_and_fixed_drafts():
    wrong = run("check", DRAFTS / "wrong.md", "--against", SEEDS)
    assert wrong.exit_code == 1, wrong.output
    assert "2 contradicted" in wrong.output and "1 unsupported" in wrong.output and "3 supported" in wrong.output
    assert run("check", DRAFTS / "fixed.md", "--against", SEEDS).exit_code == 0


def test_fail_on_threshold_and_exit_zero():
    assert run("check", DRAFTS / "fixed.md", "--against", SEEDS, "--fail-on", "unsupported").exit_code == 1
    assert run("check", DRAFTS / "fixed.md", "--against", SEEDS, "--fail-on", "disputed-sources").exit_code == 0
    assert run("check", DRAFTS / "wrong.md", "--against", SEEDS, "--exit-zero").exit_code == 0
    assert at_or_above("contradicted", "unsupported") and not at_or_above("unsupported", "contradicted")


@pytest.mark.parametrize("args", [
    ["--fail-on", "supported"],
    ["--fail-on", "bogus"],
    ["--format", "xml"],
])
def test_usage_errors_exit_2(args):
    result = run("check", DRAFTS / "wrong.md", "--against", SEEDS, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_missing_inputs_exit_2_even_with_exit_zero(tmp_path):
    assert run("check", tmp_path / "nope.md", "--against", SEEDS, "--exit-zero").exit_code == 2
    assert run("check", DRAFTS / "wrong.md", "--against", tmp_path / "nope").exit_code == 2
    no_sources = run("check", DRAFTS / "wrong.md")
    assert no_sources.exit_code == 2 and "--against" in no_sources.output


def test_disputed_sources_show_both_sides(extract, rules):
    # The seeds disagree on the government's GPUs: "over 50,000" against "up to 50,000".
    sources = [c for p in sorted(SEEDS.iterdir()) for c in extract(p.read_text(encoding="utf-8"), str(p))]
    draft = extract("The South Korean government will deploy over 50,000 GPUs.", "draft.md")
    [finding] = check_claims(draft, sources, rules=rules)
    assert finding.status == "disputed-sources"
    sides = {finding.evidence[i].text for pair in finding.conflicts for i in pair}
    assert any(t.startswith("over 50,000") for t in sides) and any(t.startswith("up to 50,000") for t in sides)
    # excluded by every source: a contradiction, even though the sources also disagree among themselves
    two = extract("SK Group will receive 50,000 GPUs.", "a.md") + extract("SK Group will receive 60,000 GPUs.", "b.md")
    [far] = check_claims(extract("SK Group will receive 90,000 GPUs.", "draft.md"), two, rules=rules)
    assert far.status == "contradicted" and len(far.against) == 2


def test_a_key_with_several_facts_is_matched_to_the_nearest(extract, rules):
    sources = extract("Nvidia hit a $4 trillion market value in July. By October Nvidia's market value was "
                      "$5 trillion.", "a.md") + extract("Nvidia's market value reached $5 trillion.", "b.md")
    [near4] = check_claims(extract("Nvidia's market value was $4 trillion in July.", "d.md"), sources, rules=rules)
    assert near4.status == "supported", [c.text for c in near4.evidence]


def test_a_draft_given_as_a_source_does_not_confirm_itself(rules):
    result = check([str(DRAFTS / "wrong.md")], [str(DRAFTS / "wrong.md"), str(SEEDS)], rules)
    assert by_status(result)["unsupported"][0].claim.subject == "Kakao"
    assert all(not s.path.endswith("wrong.md") for s in result.sources)


def test_json_findings_extend_the_contract():
    result = run("check", DRAFTS / "wrong.md", "--against", SEEDS, "--format", "json")
    data = json.loads(result.stdout)
    assert data["factcheck"] == 1
    assert {"sources", "claims", "findings"} <= set(data)
    statuses = [f["status"] for f in data["findings"]]
    assert statuses.count("contradicted") == 2
    bad = next(f for f in data["findings"] if f["claim"]["text"] == "70,000 GPUs")
    assert {"status", "claim", "evidence"} <= set(bad)
    assert bad["claim"]["line"] == 13 and bad["claim"]["column"] == 22
    excluded = [bad["evidence"][i] for i in bad["against"]]
    assert [e["text"] for e in excluded] == ["50,000 GPUs"]
    paths = {s["path"] for s in data["sources"]}
    assert all(e["source"] in paths for f in data["findings"] for e in f["evidence"])


def test_every_path_after_against_is_a_source():
    result = run("check", DRAFTS / "wrong.md", "--against", SEEDS, ROOT / "tests" / "fixtures" / "hostile_sources",
                 "--format", "json")
    data = json.loads(result.stdout)
    assert data["drafts"] == [str(DRAFTS / "wrong.md")]
    assert len(data["sources"]) == 1 + 5 + 1
    # "=" takes one path, so names appended after it (as pre-commit does) stay drafts
    appended = run("check", f"--against={SEEDS}", DRAFTS / "fixed.md", DRAFTS / "wrong.md", "--format", "json")
    assert len(json.loads(appended.stdout)["drafts"]) == 2 and appended.exit_code == 1
    assert run("check", DRAFTS / "wrong.md", "--against").exit_code == 2
