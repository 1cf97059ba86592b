"""What a figure commits to, seen through `factcheck scan` of two small files.

Round figures claim their written precision but never more than ±5 %; caps name their number; a rule's
tolerance never makes two precisely written figures agree.  Each row is one pair of sentences an editor
could meet in two outlets, and the verdict a fact-checker gives them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.compare import group_claims

runner = CliRunner()

PAIRS = [
    # precision: a rounded headline is compatible with the precise figure; a different round figure is not
    ("CoreWeave signed a $14 billion deal with Meta.", "CoreWeave signed a $14.2 billion deal with Meta.", "compatible"),
    ("AMD shares rose 70% this year.", "AMD shares rose 71% this year.", "compatible"),
    ("AMD shares rose 1% on Monday.", "AMD shares rose 1.4% on Monday.", "compatible"),
    ("AMD shares rose 10% on Monday.", "AMD shares rose 14% on Monday.", "disputed"),
    ("OpenAI will deploy 20 GW of AMD chips.", "OpenAI will deploy 24 GW of AMD chips.", "disputed"),
    ("CoreWeave signed a $6.4 billion deal with Meta.", "CoreWeave signed a $6.5 billion deal with Meta.", "disputed"),
    # a tolerance never overrides what is written
    ("CoreWeave signed a $14.2 billion deal with Meta.", "CoreWeave signed a $14.4 billion deal with Meta.", "disputed"),
    # caps name their number
    ("Samsung will receive up to 60,000 GPUs.", "Samsung will receive over 50,000 GPUs.", "compatible"),
    ("OpenAI could own up to 10% of AMD.", "OpenAI could own 9% of AMD.", "compatible"),
    ("OpenAI could own as much as 9% of AMD.", "OpenAI could own 10% of AMD.", "disputed"),
    ("Samsung will receive up to 50,000 GPUs.", "Samsung will receive over 50,000 GPUs.", "disputed"),
    ("OpenAI could own up to 10% of AMD.", "OpenAI could own as much as 9% of AMD.", "disputed"),
    ("Nebius signed a deal with Microsoft worth up to $20bn.",
     "Nebius signed a deal with Microsoft worth up to $19.4 billion.", "compatible"),
    # two "about"s ±10 % that only touch do not meet
    ("CoreWeave has a market value of about $45 billion.", "CoreWeave has a market value of about $55 billion.", "disputed"),
    ("CoreWeave has a market value of about $50 billion.", "CoreWeave has a market value of $54 billion.", "compatible"),
    # hedges that name the same number agree
    ("OpenAI will deploy at least 10 GW of AMD chips.", "OpenAI will deploy 10 GW of AMD chips.", "agreed"),
    ("Samsung will receive over 50,000 GPUs.", "Samsung will receive 50,000 GPUs.", "agreed"),
]


def scan_pair(tmp_path: Path, a: str, b: str) -> list[dict]:
    (tmp_path / "a.txt").write_text(a + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(b + "\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [g for g in json.loads(result.stdout)["groups"] if len(g["claims"]) >= 2 and g["type"] != "date"]


@pytest.mark.parametrize("a, b, verdict", PAIRS)
def test_two_outlets_get_the_verdict_a_fact_checker_gives(tmp_path, a, b, verdict):
    groups = scan_pair(tmp_path, a, b)
    assert [g["verdict"] for g in groups] == [verdict], groups


@pytest.mark.parametrize("a, b, verdict", PAIRS[:4])
def test_the_verdict_does_not_depend_on_which_outlet_says_what(tmp_path, a, b, verdict):
    assert [g["verdict"] for g in scan_pair(tmp_path, b, a)] == [verdict]


def test_json_says_what_a_cap_names(tmp_path):
    groups = scan_pair(tmp_path, "OpenAI could own up to 10% of AMD.", "OpenAI could own as much as 9% of AMD.")
    caps = sorted((c["qualifier"], c["low"], c["high"], c["cap"]) for c in groups[0]["claims"])
    assert caps == [("up_to", 0, 9, [8.5, 9.5]), ("up_to", 0, 10, [9.5, 10.5])]


HEDGES = st.sampled_from(["", "about ", "over ", "at least ", "up to ", "nearly ", "as much as ", "more than "])
NUMBERS = st.sampled_from(["10", "9", "14", "9.5", "10.5", "20", "24", "1", "1.4", "70", "71", "100", "6.4", "6.5"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(HEDGES, NUMBERS, HEDGES, NUMBERS)
def test_any_two_figures_get_one_verdict_whatever_their_order(extract, rules, h1, n1, h2, n2):
    # ``extract`` keeps no state between calls, so sharing it across examples is safe
    a = extract(f"OpenAI could own {h1}{n1}% of AMD.", path="a.txt")
    b = extract(f"OpenAI could own {h2}{n2}% of AMD.", path="b.txt")
    forward = [g.verdict for g in group_claims(a + b, rules)]
    backward = [g.verdict for g in group_claims(b + a, rules)]
    # the same figures stated by the other source give the same verdict too
    swapped = [g.verdict for g in group_claims(
        extract(f"OpenAI could own {h2}{n2}% of AMD.", path="a.txt")
        + extract(f"OpenAI could own {h1}{n1}% of AMD.", path="b.txt"), rules)]
    assert forward == backward == swapped
