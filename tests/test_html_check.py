"""`check --format html`: the draft with each checked figure highlighted by status, its evidence beside it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from typer.testing import CliRunner

from factcheck.check import check
from factcheck.cli import app
from factcheck.report.html import render_check

from .conftest import ROOT, SEEDS

DRAFTS = ROOT / "tests" / "fixtures" / "drafts"


def page(result):
    return BeautifulSoup(render_check(result), "html.parser")


def test_every_checked_figure_is_highlighted_in_the_draft_with_its_status(rules):
    result = check([str(DRAFTS / "wrong.md")], [str(SEEDS)], rules)
    soup = page(result)
    marks = soup.select(".draft-text a.checked")
    assert [m["title"] for m in marks] == [f.status for f in sorted(result.findings, key=lambda f: f.claim.offset)]
    assert {m["title"] for m in marks} == {"supported", "contradicted", "unsupported"}
    samsung = next(m for m in marks if "70,000" in m.get_text())
    assert samsung["title"] == "contradicted" and "v-disputed" in samsung["class"]
    entry = soup.select_one(samsung["href"])  # the mark links to its finding
    assert "contradicted" in entry.get_text() and entry.select(".evidence li.against")
    assert "50,000" in entry.select_one(".evidence li.against mark").get_text()


def test_the_draft_keeps_its_lines_and_hostile_text_stays_text(rules, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text('<script>alert(1)</script>\n\nSamsung will receive <img src=x onerror=alert(2)> 70,000 GPUs.\n',
                     encoding="utf-8")
    html = render_check(check([str(draft)], [str(SEEDS)], rules))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    text = soup.select_one(".draft-text").get_text()
    assert "<script>alert(1)</script>\n\nSamsung" in text


def test_cli_writes_the_page(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["check", str(DRAFTS / "fixed.md"), "--against", str(SEEDS), "-f", "html",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert Path(out).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
