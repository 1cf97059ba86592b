"""Verdicts on small texts: agreed, compatible, disputed, single; one source's two facts."""

from __future__ import annotations

from factcheck.compare import group_claims


def scan_texts(extract, rules, **texts):
    claims = []
    for name, text in texts.items():
        claims.extend(extract(text, path=f"{name}.txt"))
    return group_claims(claims, rules)


def only_group(groups, subject):
    found = [g for g in groups if g.subject == subject]
    assert len(found) == 1, found
    return found[0]


def test_over_and_plain_figure_agree(extract, rules):
    g = only_group(scan_texts(extract, rules, a="CoreWeave will deploy over 50,000 GPUs.",
                              b="CoreWeave will deploy 50,000 GPUs."), "CoreWeave")
    assert g.verdict == "agreed"


def test_hedged_money_agrees(extract, rules):
    groups = scan_texts(extract, rules, a="Intel will make a $3 billion investment.",
                        b="Intel will make an approximately $3 billion investment.")
    assert only_group(groups, "Intel").verdict == "agreed"


def test_up_to_and_over_are_disputed_and_the_pair_is_named(extract, rules):
    groups = scan_texts(extract, rules, a="Oracle will receive up to 50,000 GPUs.",
                        b="Oracle will receive over 50,000 GPUs.", c="Oracle will receive 50,000 GPUs.")
    g = only_group(groups, "Oracle")
    assert g.verdict == "disputed"
    pairs = [{g.claims[i].source, g.claims[j].source} for i, j in g.conflicts]
    assert pairs == [{"a.txt", "b.txt"}]


def test_different_round_figures_are_disputed(extract, rules):
    groups = scan_texts(extract, rules, a="Oracle will receive 50,000 GPUs.", b="Oracle will receive 60,000 GPUs.")
    assert only_group(groups, "Oracle").verdict == "disputed"


def test_open_intervals_that_overlap_are_compatible(extract, rules):
    groups = scan_texts(extract, rules, a="Oracle will get over 250,000 GPUs.", b="Oracle will get more than 260,000 GPUs.",
                        c="Oracle will get 50,000 GPUs.".replace("50,000", "260,000"))
    assert only_group(groups, "Oracle").verdict == "compatible"
    groups = scan_texts(extract, rules, a="Meta will get 50,000 GPUs.", b="Meta will get up to 60,000 GPUs.")
    assert only_group(groups, "Meta").verdict == "compatible"


def test_single_source(extract, rules):
    groups = scan_texts(extract, rules, a="Apple will buy 20,000 GPUs.")
    assert only_group(groups, "Apple").verdict == "single"


def test_a_tolerance_never_makes_precise_figures_agree(extract, rules):
    groups = scan_texts(extract, rules, a="AMD will invest $2.00 billion.", b="AMD will invest $2.03 billion.")
    assert only_group(groups, "AMD").verdict == "disputed"
    groups = scan_texts(extract, rules, a="AMD will invest $14 billion.", b="AMD will invest $14.2 billion.")
    assert only_group(groups, "AMD").verdict == "compatible"
    groups = scan_texts(extract, rules, a="AMD will invest $2.00 billion.", b="AMD will invest $2.50 billion.")
    assert only_group(groups, "AMD").verdict == "disputed"


def test_a_sources_older_figure_is_a_separate_fact_not_a_dispute(extract, rules):
    groups = scan_texts(
        extract, rules,
        a="Nvidia reached a $5 trillion market cap, three months after it reached a $4 trillion market cap.",
        b="Nvidia's market cap surpassing $5 trillion reflects confidence.",
        c="Nvidia is now worth $5 trillion.",
    )
    nvidia = [g for g in groups if g.subject == "NVIDIA" and g.type == "market_value"]
    assert sorted((g.verdict, len(g.sources)) for g in nvidia) == [("agreed", 3), ("single", 1)]


def test_unattributed_claims_are_never_compared(extract, rules):
    groups = scan_texts(extract, rules, a="The plan covers 50,000 GPUs.", b="The plan covers 90,000 GPUs.")
    assert all(g.verdict == "single" for g in groups)


def test_attribute_keeps_initial_apart_from_total(extract, rules):
    groups = scan_texts(extract, rules,
                        a="Oracle will deploy 50,000 GPUs, beginning with 13,000 units this year.",
                        b="Oracle will deploy 50,000 GPUs in total.")
    verdicts = {(g.attribute, g.verdict) for g in groups if g.subject == "Oracle" and g.type == "hardware_units"}
    assert verdicts == {("total", "agreed"), ("initial", "single")}


def test_a_large_group_names_its_most_extreme_conflicts():
    from factcheck.claims import Claim
    from factcheck.claims import MOST_CONFLICTS

    def claim(i, value):
        return Claim(f"s{i}.txt", "hardware_units", "Acme", "total", f"{value:,} GPUs", "exact", value,
                     value - 5000, value + 5000, "accelerators", 1, 1, "q", True, False)

    claims = [claim(i, 60000 if i % 3 == 0 else 50000) for i in range(5000)] + [claim(5000, 90000)]
    (group,) = group_claims(claims)  # not every pair: that would be 12.5 million comparisons
    assert group.verdict == "disputed" and 0 < len(group.conflicts) <= MOST_CONFLICTS
    assert any(90000 in (group.claims[i].value, group.claims[j].value) for i, j in group.conflicts)


def test_alignment_of_a_subject_stated_for_many_deals_is_the_same_as_trying_every_anchor(monkeypatch):
    """A key stated by many articles for many deals is aligned by a nearest-anchor search; it must not change a group.

    The reference tries every anchor for every figure (what the search replaces).
    Values of both signs, zeros and exact ties are included: relative distance is
    not monotone across zero, and ties are where a search could pick another anchor.
    """
    import random

    from factcheck.claims import Claim
    from factcheck.compare import candidates as compare

    rng = random.Random(7)
    deals = [("Acme",), ("Borealis",), ("Cygnus",), ("Acme", "Dorado"), ()]
    claims = []
    for source in range(400):
        for figure in range(rng.choice((1, 1, 2, 3, 5))):
            value = rng.choice((rng.randint(1, 60) * 1000, rng.choice((-3.5, -1.0, 0.0, 2.5, 40_000, 50_000))))
            parties = rng.choice(deals)
            claims.append(Claim(f"s{source}.txt", "hardware_units", "Nvidia", "total", f"{value:,}", "exact",
                                value, value, value, "GPUs", 1 + figure, 1, "q", offset=figure,
                                extra={"counterparties": list(parties)} if parties else {}))

    def every_anchor(claim, wanted, anchors, by_value):
        return [ai for ai, anchor in enumerate(anchors) if not anchor.other_deal(claim)]

    def shape(clusters):
        return [[(c.source, c.offset) for c in cluster] for cluster in clusters]

    searched = shape(compare.align(claims, 0.0))
    monkeypatch.setattr(compare, "_nearest_anchors", every_anchor)
    tried_all = shape(compare.align(claims, 0.0))
    assert len(searched) > 20  # many anchors, so the search (not the small-key shortcut) ran
    assert searched == tried_all


def test_moves_measured_at_different_times_are_not_a_dispute_and_the_note_says_why(extract, rules):
    groups = scan_texts(extract, rules, a="Shares of Oracle rose 24% in early trading.",
                        b="Oracle stock jumped more than 34 percent at the close.")
    g = only_group([g for g in groups if g.type == "stock_move"], "Oracle")
    assert g.verdict == "compatible" and not g.conflicts
    assert g.note == "measured at different times (close; early trading): not compared"
    same_time = scan_texts(extract, rules, a="Shares of Oracle rose 24% in early trading.",
                           b="Oracle shares jumped 34% in early trading.")
    g = only_group([g for g in same_time if g.type == "stock_move"], "Oracle")
    assert g.verdict == "disputed" and g.note == ""
    agreeing = scan_texts(extract, rules, a="Shares of Oracle rose 24% in early trading.",
                          b="Oracle stock rose 24% at the close.")
    assert only_group([g for g in agreeing if g.type == "stock_move"], "Oracle").note == ""
