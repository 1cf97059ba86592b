"""`factcheck rules list/test/explain`, rule precedence (replace, extends) and slow patterns."""

from __future__ import annotations

import time
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.documents import document_from_text
from factcheck.explain import explain
from factcheck.extract import extract_claims
from factcheck.rules import load_rules

RUN = CliRunner()

HEADCOUNT = """\
type: headcount
units:
  - name: people
    match: ['people', 'employees']
patterns:
  - '{amount}\\s+{unit}\\b'
examples:
  - text: "Intel employs 4,500 people."
    expect: [{subject: Intel, value: 4500, unit: people}]
  - text: "The 5G network launches soon."
    expect: []
"""


def folder(tmp_path: Path, **files: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_rules_test_passes_on_packaged_rules() -> None:
    result = RUN.invoke(app, ["rules", "test"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.rstrip().splitlines()[-1].endswith(" 0 failed")


def test_rules_test_wrong_example_fails_with_readable_diff(tmp_path: Path) -> None:
    rules = folder(tmp_path, headcount=HEADCOUNT.replace("value: 4500", "value: 5000"))
    result = RUN.invoke(app, ["rules", "test", str(rules)])
    assert result.exit_code == 1
    out = result.stdout
    assert "FAIL " in out and "headcount[0]: 'Intel employs 4,500 people.'" in out
    assert "expected: {subject: 'Intel', value: 5000, unit: 'people'}" in out
    assert "actual:   {text: '4,500 people', subject: 'Intel'" in out
    assert "value: expected 5000, got 4500" in out
    assert "1 examples passed, 1 failed" in out  # only the folder's rule is tested


def test_rules_test_reports_unexpected_and_missing_claims(tmp_path: Path) -> None:
    text = HEADCOUNT.replace("The 5G network launches soon.", "Intel hired 300 employees.")
    rules = folder(tmp_path, headcount=text.replace(
        "expect: [{subject: Intel, value: 4500, unit: people}]", "expect: []"))
    out = RUN.invoke(app, ["rules", "test", str(rules)]).stdout
    assert "unexpected claim: {text: '4,500 people'" in out
    assert "unexpected claim: {text: '300 employees'" in out


def test_xfail_example_is_reported_not_failed(tmp_path: Path) -> None:
    text = HEADCOUNT + '  - text: "Intel employs a twelve-thousand-strong team."\n' \
                       '    expect: [{value: 12000}]\n    xfail: "strength words are not read"\n'
    result = RUN.invoke(app, ["rules", "test", str(folder(tmp_path, headcount=text))])
    assert result.exit_code == 0, result.stdout
    assert "XFAIL" in result.stdout and "known gap: strength words are not read" in result.stdout


def test_same_claim_type_replaces_the_packaged_rule(tmp_path: Path) -> None:
    percent = ("type: percent\nunits: [{name: '%', match: ['percent']}]\npatterns: ['{number}\\s{unit}']\n"
               "examples: [{text: 'Microsoft bought a 10 percent stake.', expect: [{value: 10}]}]\n")
    rules = load_rules([folder(tmp_path, percent=percent)])
    rule = rules.by_type("percent")
    assert rule.path == str(tmp_path / "percent.yaml")
    assert rule.pattern_sources == ["{number}\\s{unit}"]
    listing = RUN.invoke(app, ["rules", "list", "--rules", str(tmp_path)], env={"COLUMNS": "300"}).stdout
    assert "replaces" in listing and "percent.yaml" in listing


def test_extends_adds_patterns_cues_and_examples(tmp_path: Path) -> None:
    fines = ("extends: money\n"
             "attributes:\n  cues:\n    - {attribute: fine, match: ['\\bfined?\\b', '\\bpenalty\\b']}\n"
             "examples:\n  - text: 'Regulators fined Meta $1.3 billion.'\n"
             "    expect: [{subject: Meta, attribute: fine, value: 1300000000}]\n")
    packaged = load_rules().by_type("money")
    rules = load_rules([folder(tmp_path, fines=fines)])
    money = rules.by_type("money")
    assert len(money.cues) == len(packaged.cues) + 1 and len(money.examples) == len(packaged.examples) + 1
    assert money.extended_by == [str(tmp_path / "fines.yaml")]
    claims = extract_claims(document_from_text("t.txt", "Regulators fined Meta $1.3 billion."), rules)
    assert [(c.subject, c.attribute) for c in claims] == [("Meta", "fine")]
    # the packaged rule is untouched without the folder
    assert load_rules().by_type("money").cues == packaged.cues
    result = RUN.invoke(app, ["rules", "test", str(tmp_path)])
    assert result.exit_code == 0, result.stdout  # the extension and every packaged money example


def test_explain_names_rule_pattern_groups_value_and_subject_reason() -> None:
    text = "Anthropic raised $13 billion at a $183 billion post-money valuation."
    result = RUN.invoke(app, ["rules", "explain", text])
    assert result.exit_code == 0
    out = result.stdout
    assert "'$183 billion' ← market_value patterns[0]" in out
    assert "groups:    currency='$', number='183', scale='billion'" in out
    assert "value:     183 billion USD, qualifier exact" in out
    assert "subject:   Anthropic (subject of the clause)" in out
    assert "lost to market_value patterns[0]" in out  # the money rule's match of the same figure


def test_explain_says_why_a_match_gave_no_claim() -> None:
    ex = explain("The RTX PRO 6000 GPUs ship in 2026.", load_rules())
    assert not [c for c in ex.claims if c.type == "hardware_units"]  # "ship in 2026" is a date claim, no count
    (match,) = [m for m in ex.matches if m.rule == "hardware_units"]
    assert match.outcome.startswith("not a figure")


def test_catastrophic_pattern_times_out_is_reported_and_scan_goes_on(tmp_path: Path) -> None:
    # (a+)+$ is optimised away by the regex package; (a|aa)+$ still backtracks exponentially.
    slow = ("type: backtrack\npatterns: ['(?:a|aa)+$']\n"
            "examples: [{text: 'aaa', expect: []}]\n")
    rules = folder(tmp_path / "rules", backtrack=slow)
    article = tmp_path / "a.txt"
    article.write_text("Samsung will receive 50,000 GPUs.\n\n" + "a" * 40 + "b and 5 more.\n\nSK Group adds 2 GW.\n",
                       encoding="utf-8")
    started = time.monotonic()
    result = RUN.invoke(app, ["extract", "--format", "json", "--rules", str(rules), str(article)])
    assert time.monotonic() - started < 30
    assert result.exit_code == 0, result.stderr
    assert "rule backtrack" in result.stderr and "backtrack.yaml" in result.stderr and "timed out" in result.stderr
    assert '"text": "50,000 GPUs"' in result.stdout and '"text": "2 GW"' in result.stdout


def test_cues_may_use_the_rules_pieces(tmp_path: Path) -> None:
    grants = ("extends: money\n"
              "attributes:\n  cues:\n    - {attribute: grant, match: ['{public_body}\\s+(?:grant|award)\\w*']}\n"
              "examples:\n  - text: 'Orvale Networks won a $40 million state grant.'\n"
              "    expect: [{attribute: grant, value: 40000000}]\n")
    pieces = "pieces:\n  public_body: '(?i:state|federal|city|county)'\n"
    rules = load_rules([folder(tmp_path, grants=grants, pieces=pieces)])
    claims = extract_claims(document_from_text("t.txt", "Orvale Networks won a $40 million state grant."), rules)
    assert [c.attribute for c in claims] == ["grant"]
    result = RUN.invoke(app, ["rules", "validate", str(tmp_path)])
    assert result.exit_code == 0, result.stdout
