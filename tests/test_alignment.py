"""Alignment by evidence: which claims of different outlets state the same quantity, and when a conflict is a
dispute.  Every text here is invented; each test is a kind of coverage a fact-checker meets."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from factcheck.check import check_claims
from factcheck.cli import app
from factcheck.compare import group_claims
from factcheck.diff import diff_claims

runner = CliRunner()


def groups_of(extract, rules, **texts):
    claims = []
    for name, text in texts.items():
        claims.extend(extract(text, path=f"{name}.txt"))
    return group_claims(claims, rules)


def holding(groups, value, claim_type=None):
    return [g for g in groups if any(c.value == value for c in g.claims) and (claim_type is None or g.type == claim_type)]


def test_one_deal_made_the_subject_by_either_party_is_one_group(extract, rules):
    groups = groups_of(extract, rules,
                       wire="Oracle signed a $21 billion contract with Meta to supply computing capacity.",
                       blog="Meta agreed to rent computing capacity from Oracle in a $21 billion contract.")
    [g] = holding(groups, 21e9)
    assert g.verdict == "agreed" and len(g.sources) == 2
    assert sorted(g.parties) == ["Meta", "Oracle"]
    assert g.alignment["score"] > 0 and any("contract value" in s for s in g.alignment["signals"])


def test_one_sum_called_a_deal_a_commitment_or_spending_is_one_group(extract, rules):
    groups = groups_of(extract, rules,
                       a="Quillon signed a $21 billion deal with Halvard Cloud for computing capacity.",
                       b="Quillon has committed to spend $21 billion on Halvard Cloud's computing capacity.",
                       c="Quillon will pay Halvard Cloud $21 billion under the agreement.")
    [g] = holding(groups, 21e9)
    assert len(g.sources) == 3 and g.verdict == "agreed"


def test_a_figure_without_a_cue_never_disputes_on_its_value_alone(extract, rules):
    groups = groups_of(extract, rules, a="Orrin Labs was worth $4.1 billion, the filing showed.",
                       b="Orrin Labs paid $400 million, the filing showed.")
    assert not [g for g in groups if g.verdict == "disputed"]


def test_a_share_price_and_a_market_value_are_never_one_figure(extract, rules):
    groups = groups_of(extract, rules, a="Orrin Labs shares closed at $41.20 on Friday.",
                       b="Orrin Labs has a market value of $41 billion.")
    assert all(len(g.sources) == 1 for g in groups if g.type in ("share_price", "market_value", "money"))


def test_revenue_and_backlog_are_two_quantities(extract, rules):
    groups = groups_of(extract, rules, a="Halvard Cloud reported revenue of $1.2 billion for the quarter.",
                       b="Halvard Cloud said its backlog of orders reached $30.1 billion.")
    assert not [g for g in groups if len(g.sources) > 1]


def test_figures_far_apart_are_two_quantities_not_a_dispute(extract, rules):
    groups = groups_of(extract, rules, a="Quillon will install cabinets of 36 GPUs supplied by Halvard Cloud.",
                       b="Quillon intends to operate 2.4 million GPUs within two years.")
    assert not [g for g in groups if g.verdict == "disputed"]


def test_each_outlet_states_both_figures_so_each_meets_its_twin(extract, rules):
    """Two outlets state an enlargement and the new total; one gives both to the wrong company.  The totals meet
    the totals, the enlargements the enlargements: no dispute between an enlargement and a total."""
    groups = groups_of(
        extract, rules,
        a="Halvard Cloud enlarged its contract with Quillon by $4.7 billion, lifting the contract to $18.9 billion.",
        b="Last month Brightmoor enlarged its contract with Quillon by $4.7 billion, lifting the contract to "
          "$18.9 billion.")
    assert not [g for g in groups if g.verdict == "disputed"]
    assert [len(g.sources) for g in holding(groups, 4.7e9)] == [2]
    assert [len(g.sources) for g in holding(groups, 18.9e9)] == [2]


def test_one_sentence_giving_two_companies_the_same_count_is_two_figures(extract, rules):
    groups = groups_of(extract, rules, a="Samsung and SK hynix will each receive 40,000 GPUs.",
                       b="Samsung will receive 40,000 GPUs.", c="SK hynix will receive 45,000 GPUs.")
    hynix = [g for g in groups if g.subject == "SK hynix"]
    assert [g.verdict for g in hynix] == ["disputed"]
    samsung = [g for g in groups if g.subject.startswith("Samsung")]
    assert [g.verdict for g in samsung] == ["agreed"]


def test_a_weak_alignment_that_conflicts_is_related_not_disputed(extract, rules):
    """Figures with no cue word, tied only by the words of their sentences, are shown together but not as a dispute."""
    base = "the Vantor campus near Osterby hosts {} under the Kestrel programme"
    groups = groups_of(extract, rules, a="Officials said " + base.format("52,000 GPUs") + ".",
                       b="Officials said " + base.format("61,000 GPUs") + ".",
                       c="Reporters visited the Vantor campus near Osterby.",
                       d="The Kestrel programme was praised.")
    shown = [g for g in groups if len(g.sources) > 1]
    assert all(g.verdict != "disputed" for g in shown)


def test_json_says_why_a_group_was_aligned(tmp_path):
    (tmp_path / "a.txt").write_text("Halvard Cloud signed a $21 billion contract with Quillon.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quillon signed a $21 billion contract with Halvard Cloud.\n", encoding="utf-8")
    out = runner.invoke(app, ["scan", str(tmp_path), "--format", "json"])
    [group] = [g for g in json.loads(out.stdout)["groups"] if len(g["claims"]) == 2]
    assert group["alignment"]["strong"] is True
    assert "same cue 'contract value'" in group["alignment"]["signals"]


def test_the_table_shows_why_in_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("Halvard Cloud signed a $21 billion contract with Quillon.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quillon signed a $22 billion contract with Halvard Cloud.\n", encoding="utf-8")
    out = runner.invoke(app, ["scan", str(tmp_path)], env={"COLUMNS": "200"})
    assert "aligned by: same cue 'contract value'" in out.stdout


def test_check_supports_a_figure_whatever_attribute_word_the_draft_uses(extract, rules):
    sources = (extract("Hyundai Motor Group will make an approximately $3 billion investment in Korea.", path="a.txt")
               + extract("The automaker's partnership represents approximately $3 billion in investment, Hyundai "
                         "Motor Group said.", path="b.txt"))
    draft = extract("Hyundai Motor Group will put roughly $3 billion into physical AI.", path="draft.md")
    [finding] = [f for f in check_claims(draft, sources, rules=rules) if f.claim.type == "money"]
    assert finding.status == "supported" and len(finding.evidence) == 2


def test_check_contradiction_needs_the_same_quantity(extract, rules):
    sources = extract("Quillon signed a $21 billion contract with Halvard Cloud.", path="a.txt")
    wrong = extract("Quillon signed a $25 billion contract with Halvard Cloud.", path="draft.md")
    other = extract("Quillon reported revenue of $25 billion.", path="draft.md")
    assert check_claims(wrong, sources, rules=rules)[0].status == "contradicted"
    assert check_claims(other, sources, rules=rules)[0].status == "unsupported"


def test_diff_pairs_a_figure_whose_subject_changed_between_versions(extract, rules):
    a = extract("Halvard Cloud signed a $21 billion contract with Quillon.", path="a.txt")
    b = extract("Quillon signed a $23 billion contract with Halvard Cloud.", path="b.txt")
    result = diff_claims(a, b, rules)
    assert [(x.value, y.value) for x, y in result.changed] == [(21e9, 23e9)]
    assert not result.only_a and not result.only_b


def test_grouping_does_not_depend_on_the_order_of_the_claims(extract, rules):
    texts = {"a": "Quillon signed a $21 billion contract with Halvard Cloud. Quillon shares rose 4%.",
             "b": "Halvard Cloud signed a $21.4 billion deal with Quillon. Quillon shares rose 6%.",
             "c": "Quillon will spend about $21 billion with Halvard Cloud; its shares rose 5%."}
    claims = [c for name, text in texts.items() for c in extract(text, path=f"{name}.txt")]
    forward = group_claims(claims, rules)
    backward = group_claims(list(reversed(claims)), rules)
    assert repr(forward) == repr(backward)


def test_rules_align_says_why_two_figures_were_or_were_not_aligned():
    out = runner.invoke(app, ["rules", "align", "Oracle signed a $21 billion contract with Meta.",
                              "Meta agreed to rent capacity from Oracle in a $25 billion deal. "
                              "Oracle reported revenue of $25 billion."])
    assert out.exit_code == 0, out.output
    first, second = out.stdout.strip().split("\n\n")[:2]
    assert "outcome:   aligned: a dispute" in first and "shared party" in first
    assert "not aligned" in second and "different cues" in second
