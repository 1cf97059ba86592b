"""The ledger: verified figures outrank sources; validated on load with line numbers; `ledger add`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.check import check, check_claims
from factcheck.cli import app
from factcheck.ledger import LedgerError, load_ledger, parse_ledger

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FACTS = ROOT / "tests" / "fixtures" / "ledger" / "facts.yaml"
DRAFTS = ROOT / "tests" / "fixtures" / "drafts"
runner = CliRunner()


def test_ledger_loads_as_claims(rules):
    hyundai, samsung, kakao = load_ledger(FACTS, rules)
    assert (hyundai.subject, hyundai.value, hyundai.unit, hyundai.line) == ("Hyundai Motor Group", 3e9, "USD", 3)
    assert samsung.subject == "Samsung Electronics" and samsung.low == 50000 and samsung.high == float("inf")
    assert kakao.value == 2e9 and kakao.extra["checked"] == "2025-11-04"


def test_ledger_decides_over_sources(rules):
    ledger = load_ledger(FACTS, rules)
    result = check([str(DRAFTS / "wrong.md")], [str(SEEDS)], rules, ledger)
    status = {f.claim.text: (f.status, f.ledger) for f in result.findings}
    assert status["$5 billion"] == ("contradicted", True)
    assert status["$2 billion"] == ("supported", True)  # no source states it, the ledger does
    assert status["70,000 GPUs"] == ("supported", True)  # a source says 50,000, the ledger "at least 50,000"
    assert status["more than 60,000 GPUs"] == ("supported", False)
    finding = next(f for f in result.findings if f.claim.text == "$5 billion")
    assert finding.against[0].source == str(FACTS) and finding.against[0].quote.startswith("NVIDIA press release")


def test_ledger_contradicts_what_sources_support(extract, rules):
    ledger = parse_ledger("facts:\n  - {subject: NAVER Cloud, type: hardware_units, attribute: total, "
                          "value: 40000}\n", "facts.yaml", rules)
    sources = extract("NAVER Cloud will deploy over 60,000 GPUs.", "wire.md")
    [finding] = check_claims(extract("NAVER Cloud will deploy over 60,000 GPUs.", "d.md"), sources, ledger, rules)
    assert finding.status == "contradicted" and finding.against[0].source == "facts.yaml"


@pytest.mark.parametrize("text,where,words", [
    ("facts:\n  - subject: Samsnug Electronics\n    type: money\n    value: 1\n    unit: USD\n", 2,
     "did you mean 'Samsung Electronics'"),
    ("facts:\n  - subject: Kakao\n    type: money\n    value: 1\n", 2, "currency code"),
    ("facts:\n  - subject: Kakao\n    type: money\n    unit: USD\n    value: lots\n", 5, "expected a number"),
    ("facts:\n  - subject: Kakao\n    type: mony\n    value: 1\n", 3, "unknown type 'mony'"),
    ("facts:\n  - subject: Kakao\n    type: money\n    unit: USD\n    value: 1\n    colour: red\n", 6, "unknown field"),
    ("facts:\n  - subject: Kakao\n    type: money\n    unit: USD\n    attribute: profit\n    value: 1\n", 5,
     "unknown attribute 'profit'"),
    ("facts:\n  - subject: Kakao\n    type: money\n    unit: USD\n    interval: [5, 1]\n", 5, "low ≤ high"),
    ("facts:\n  - subject: Kakao\n    type: money\n    unit: USD\n    value: 1\n    interval: [1, 2]\n", 2,
     "exactly one of"),
    ("facts:\n  - subject: Kakao\n    type: money\n    unit: USD\n    value: 1\n    checked: last week\n", 6,
     "checked must be a date"),
    ("facts:\n  - subject: Kakao\n    type: [money\n", 4, "invalid YAML"),
    ("- just a list\n", 1, "one key, 'facts'"),
])
def test_invalid_ledgers_name_the_line(rules, text, where, words):
    with pytest.raises(LedgerError) as err:
        parse_ledger(text, "facts.yaml", rules)
    message = str(err.value)
    assert message.startswith(f"facts.yaml:{where}:"), message
    assert words in message


def test_cli_reports_a_bad_ledger_as_a_usage_error(tmp_path):
    bad = tmp_path / "facts.yaml"
    bad.write_text("facts:\n  - subject: Hyundai Motr Group\n    type: money\n    value: 1\n    unit: USD\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(DRAFTS / "wrong.md"), "--against", str(SEEDS), "--ledger", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:2: unknown subject 'Hyundai Motr Group'" in result.output and "Traceback" not in result.output


def test_ledger_add_from_a_sentence_and_from_fields(tmp_path, rules):
    path = tmp_path / "facts.yaml"
    added = runner.invoke(app, ["ledger", "add", str(path), "--from", "Hyundai will invest approximately $3 billion.",
                                "--source", "press release", "--checked", "2025-11-03"])
    assert added.exit_code == 0, added.output
    fields = runner.invoke(app, ["ledger", "add", str(path), "--subject", "SK Group", "--type", "hardware_units",
                                 "--low", "50000", "--checked", "2025-11-03"])
    assert fields.exit_code == 0, fields.output
    entries = load_ledger(path, rules)
    assert [(e.subject, e.attribute, e.unit) for e in entries] == [("Hyundai Motor Group", "investment", "USD"),
                                                                    ("SK Group", "total", "accelerators")]
    assert entries[0].low < 3e9 < entries[0].high  # "approximately" kept as an interval
    assert entries[1].low == 50000 and entries[1].high == float("inf")
    assert "press release" in path.read_text(encoding="utf-8")
    assert runner.invoke(app, ["ledger", "check", str(path)]).exit_code == 0
    wrong = runner.invoke(app, ["ledger", "add", str(path), "--subject", "Nobody", "--type", "money", "--value", "1"])
    assert wrong.exit_code == 2 and len(load_ledger(path, rules)) == 2  # nothing appended


def test_a_company_missing_from_the_catalogue_is_a_valid_subject(rules, tmp_path):
    ledger = tmp_path / "facts.yaml"
    ledger.write_text("facts:\n  - subject: Halcyra AI\n    type: power\n    value: 3000000000\n    unit: W\n",
                      encoding="utf-8")
    assert [e.subject for e in load_ledger(ledger, rules)] == ["Halcyra AI"]
