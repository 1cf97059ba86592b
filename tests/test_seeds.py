"""End to end on the five bundled seed articles: what an editor must see."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factcheck.scan import scan

from .conftest import SEEDS


@pytest.fixture(scope="module")
def result(rules):
    return scan([str(SEEDS)], rules)


def stem(path: str) -> str:
    return path.rsplit("/", 1)[-1][:3]


def claims_for(result, claim_type, subject, attribute=None):
    return [c for c in result.claims
            if c.type == claim_type and c.subject == subject and (attribute is None or c.attribute == attribute)]


def by_source(claims):
    out: dict[str, set[tuple[str, float]]] = {}
    for c in claims:
        out.setdefault(stem(c.source), set()).add((c.qualifier, c.value))
    return out


def group_for(result, claim_type, subject, attribute, value):
    for g in result.groups:
        if (g.type, g.subject, g.attribute) == (claim_type, subject, attribute) and any(c.value == value for c in g.claims):
            return g
    raise AssertionError(f"no group for {subject} {attribute} {value}")


def test_publication_dates(result):
    dates = {stem(s.path): s.pub_date for s in result.sources}
    assert dates == {"000": "2025-11-01", "001": "2025-11-01", "002": None, "003": None, "004": None}


def test_company_gpu_figures(result):
    assert by_source(claims_for(result, "hardware_units", "Samsung Electronics", "total")) == {
        "000": {("over", 50000)}, "001": {("exact", 50000)}, "002": {("over", 50000)}, "004": {("over", 50000)}}
    assert by_source(claims_for(result, "hardware_units", "SK Group", "total")) == {
        "000": {("over", 50000)}, "001": {("up_to", 60000)}, "002": {("exact", 50000)}, "004": {("over", 50000)}}
    assert by_source(claims_for(result, "hardware_units", "Hyundai Motor Group", "total")) == {
        "000": {("exact", 50000)}, "001": {("exact", 50000)}, "002": {("exact", 50000)}, "004": {("exact", 50000)}}
    assert by_source(claims_for(result, "hardware_units", "NAVER Cloud", "total")) == {
        "000": {("over", 60000)}, "001": {("over", 60000)}, "004": {("over", 60000)}}
    assert by_source(claims_for(result, "hardware_units", "SK Telecom")) == {"004": {("over", 2000)}}


def test_government_figures_and_initial_deployment(result):
    assert by_source(claims_for(result, "hardware_units", "South Korean government", "total")) == {
        "000": {("over", 50000)}, "001": {("about", 50000)}, "002": {("exact", 50000)}, "004": {("up_to", 50000)}}
    assert by_source(claims_for(result, "hardware_units", "South Korean government", "initial")) == {
        "001": {("exact", 13000)}, "002": {("exact", 13000)}, "004": {("exact", 13000)}}


def test_deal_total_is_attributed_to_the_country(result):
    total = claims_for(result, "hardware_units", "South Korea", "total")
    assert by_source(total) == {"000": {("over", 250000)}, "001": {("over", 260000)}, "002": {("over", 250000)},
                                "003": {("over", 260000)}, "004": {("exact", 260000), ("over", 260000)}}
    assert any(c.text.startswith("250K+") for c in total)
    assert any("quarter-million" in c.text for c in total)


def test_money_and_market_value(result):
    assert by_source(claims_for(result, "money", "Hyundai Motor Group", "investment")) == {
        "000": {("about", 3e9)}, "002": {("about", 3e9)}, "004": {("about", 3e9)}}
    assert by_source(claims_for(result, "market_value", "NVIDIA")) == {
        "000": {("exact", 5e12), ("exact", 4e12)}, "001": {("exact", 5e12)}, "003": {("exact", 5e12)}}
    assert by_source(claims_for(result, "money", "NVIDIA", "orders")) == {"000": {("over", 500e9)}}
    assert by_source(claims_for(result, "money", "NVIDIA", "revenue forecast")) == {"000": {("over", 20e9)}}
    assert ("exact", 95) in by_source(claims_for(result, "percent", "NVIDIA", "market share"))["001"]


def test_numbers_that_are_not_figures(result):
    for c in result.claims:
        assert c.value not in (6000, 6, 2026, 2025, 45), c
        assert "sixth" not in c.text


def test_positions_point_at_the_figure(result):
    for c in result.claims:
        lines = (SEEDS / c.source.rsplit("/", 1)[-1]).read_text(encoding="utf-8").splitlines()
        first_part = c.text.split(" … ")[0]  # a quote its attribution interrupts starts with its first part
        assert lines[c.line - 1][c.column - 1:].startswith(first_part), c


def test_verdicts(result):
    gov = group_for(result, "hardware_units", "South Korean government", "total", 50000)
    assert gov.verdict == "disputed"
    named = {frozenset((gov.claims[i].qualifier, gov.claims[j].qualifier)) for i, j in gov.conflicts}
    assert frozenset(("over", "up_to")) in named
    assert group_for(result, "hardware_units", "South Korea", "total", 260000).verdict == "compatible"
    assert group_for(result, "hardware_units", "SK Group", "total", 60000).verdict == "compatible"
    for subject, attribute, value in [("Samsung Electronics", "total", 50000), ("Hyundai Motor Group", "total", 50000),
                                      ("NAVER Cloud", "total", 60000), ("South Korean government", "initial", 13000)]:
        assert group_for(result, "hardware_units", subject, attribute, value).verdict == "agreed", subject
    assert group_for(result, "money", "Hyundai Motor Group", "investment", 3e9).verdict == "agreed"
    five = group_for(result, "market_value", "NVIDIA", "market value", 5e12)
    assert five.verdict == "agreed" and {stem(s) for s in five.sources} == {"000", "001", "003"}
    four = group_for(result, "market_value", "NVIDIA", "market value", 4e12)
    assert four.verdict == "single"
    announced = next(g for g in result.groups if g.type == "date" and g.attribute == "announcement")
    assert announced.verdict == "disputed" and {stem(s) for s in announced.sources} == {"001", "004"}
    disputed = [g for g in result.groups if g.verdict == "disputed" and g.unit not in ("quote", "role")]
    assert sorted(disputed, key=id) == sorted([gov, announced], key=id)


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, env=env)


def test_scan_json_is_the_documented_contract():
    proc = run_cli("scan", str(SEEDS), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["factcheck"] == 1
    assert set(data["sources"][0]) >= {"path", "name", "pub_date"}
    fields = {"source", "type", "subject", "attribute", "text", "qualifier", "value", "low", "high", "unit", "line",
              "column", "quote"}
    assert all(fields <= set(c) for c in data["claims"])
    group = next(g for g in data["groups"] if g["verdict"] == "disputed" and g["type"] == "hardware_units")
    assert {"type", "subject", "attribute", "unit", "verdict", "conflicts", "claims"} <= set(group)
    i, j = group["conflicts"][0]
    assert {group["claims"][i]["qualifier"], group["claims"][j]["qualifier"]} == {"over", "up_to"}
    over = next(c for c in data["claims"] if c["qualifier"] == "over")
    assert over["high"] is None and over["low"] == over["value"]


def test_scan_table_fits_120_columns_and_keeps_figures_whole():
    env = {"COLUMNS": "120", "PATH": "", "PYTHONIOENCODING": "utf-8"}
    proc = run_cli("scan", str(SEEDS), env=env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert max(len(line) for line in lines) <= 120
    assert "\x1b[" not in proc.stdout  # no colour codes into a pipe
    assert lines.index(next(l for l in lines if "disputed" in l)) < lines.index(next(l for l in lines if "agreed" in l))
    for figure in ("over 50,000", "up to 50,000", "more than 260,000", "approximately $3 billion", "250K+"):
        assert figure in proc.stdout
    assert "groups: 2 disputed, 2 compatible" in proc.stdout


def test_scan_filters_and_fail_on():
    proc = run_cli("scan", str(SEEDS), "--only", "disputed", "--format", "json")
    assert {g["verdict"] for g in json.loads(proc.stdout)["groups"]} == {"disputed"}
    proc = run_cli("scan", str(SEEDS), "--type", "money", "--format", "json")
    assert {g["type"] for g in json.loads(proc.stdout)["groups"]} == {"money"}
    assert run_cli("scan", str(SEEDS), "--fail-on", "disputed").returncode == 1
    assert run_cli("scan", str(SEEDS), "--only", "bogus").returncode == 2
    assert run_cli("scan", "does/not/exist").returncode == 2
