"""Editorial lints: attributions naming no one, empty and unbalanced quotes, unattributed figures in strict mode."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factcheck.documents import document_from_text
from factcheck.lints import lint_document, lint_documents
from factcheck.scan import scan

from .conftest import SEEDS


def lints(rules, text, strict=False):
    return lint_document(document_from_text("draft.md", text), rules, strict=strict)


@pytest.mark.parametrize("text", [
    'Bae called it a bid to become "a top AI power," according to .',
    "The deal is worth $3 billion, according to , and will close next year.",
    "The figure was confirmed, according to\n\nThe next paragraph starts here.",
    "Nobody knows the final price according to",
])
def test_attribution_with_no_source(rules, text):
    found = lints(rules, text)
    assert [x.kind for x in found] == ["empty-attribution"]
    assert found[0].line == 1 and text[found[0].column - 1:].lower().startswith("according to")


def test_attribution_with_a_source_is_fine(rules):
    assert lints(rules, "The deal is worth $3 billion, according to the BBC. It closes, according to Reuters.") == []
    assert lints(rules, "The deal is worth $3 billion, according to\nReuters, and closes next year.") == []


def test_lint_gives_file_line_and_column(rules):
    found = lints(rules, "First line.\n\nSecond paragraph, according to .")
    assert str(found[0]).startswith("draft.md:3:19: attribution names no source")


def test_empty_quotation(rules):
    found = lints(rules, 'Huang said "" and then “ ” again.')
    assert [x.kind for x in found] == ["empty-quote", "empty-quote"]


def test_unbalanced_quotation(rules):
    found = lints(rules, "Huang said “we will ship it next year.\n\nThe company declined to comment.")
    assert [(x.kind, x.line) for x in found] == [("unbalanced-quote", 1)]
    stray = lints(rules, "The company declined to comment.” Then it left.")
    assert [x.kind for x in stray] == ["unbalanced-quote"]


def test_quote_continued_in_the_next_paragraph_is_balanced(rules):
    text = "“We will ship it next year.\n\n“And we will build more factories after that,” Huang said."
    assert lints(rules, text) == []


def test_inch_marks_are_not_quotes(rules):
    assert lints(rules, 'The panel measures 27" across and costs $500.') == []


def test_unattributed_figure_only_in_strict_mode(rules):
    text = "Samsung will deploy 50,000 GPUs.\n\nSK Group will deploy 60,000 GPUs, the company said."
    assert lints(rules, text) == []
    found = lints(rules, text, strict=True)
    assert [(x.kind, x.line) for x in found] == [("unattributed-figure", 1)]
    assert "50,000 GPUs" in found[0].message


def test_lint_documents_takes_claims_it_is_given(rules, extract):
    doc = document_from_text("draft.md", "Samsung will deploy 50,000 GPUs.")
    assert [x.kind for x in lint_documents([doc], rules, claims=[], strict=True)] == []
    claims = extract("Samsung will deploy 50,000 GPUs.", path="draft.md")
    assert [x.kind for x in lint_documents([doc], rules, claims=claims, strict=True)] == ["unattributed-figure"]


def test_seed_002_empty_attribution_is_reported_at_its_line(rules):
    result = scan([str(SEEDS)], rules)
    found = [x for x in result.lints if x.kind == "empty-attribution"]
    assert [(x.path.rsplit("/", 1)[-1][:3], x.line) for x in found] == [("002", 7)]
    assert "according to ." in found[0].message


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True,
                          env={"COLUMNS": "120", "PATH": "", "PYTHONIOENCODING": "utf-8"})


def test_scan_shows_lints_in_the_table_and_in_json():
    table = run_cli("scan", str(SEEDS))
    assert table.returncode == 0, table.stderr
    assert "Editorial lints" in table.stdout and "002_f7b0ea8d848e503f.txt:7:368" in table.stdout
    assert max(len(line) for line in table.stdout.splitlines()) <= 120
    assert table.stdout.index("Quotes and roles across sources") < table.stdout.index("Editorial lints")
    data = json.loads(run_cli("scan", str(SEEDS), "--format", "json").stdout)
    assert [(x["kind"], x["line"]) for x in data["lints"]] == [("empty-attribution", 7)]
    assert {"path", "line", "column", "kind", "message", "quote"} <= set(data["lints"][0])
