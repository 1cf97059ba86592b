"""A deal written with either party as the subject of its figures is compared as one deal (compare/evidence.py)."""

from __future__ import annotations

from .test_compare import scan_texts as groups_of


def money(groups, value):
    return [g for g in groups if g.type == "money" and any(c.value == value for c in g.claims)]


ORACLE_SIDE = "Oracle signed a cloud contract worth $30 billion a year with OpenAI."
OPENAI_SIDE = "OpenAI agreed to rent data centre capacity from Oracle in a deal worth about $30 billion a year."


def test_one_deal_from_both_sides_is_one_group_with_both_parties(extract, rules):
    groups = groups_of(extract, rules, wire=ORACLE_SIDE, newsletter=OPENAI_SIDE)
    [g] = money(groups, 30e9)
    assert {c.subject for c in g.claims} == {"Oracle", "OpenAI"}
    assert g.verdict == "agreed" and sorted(g.parties) == ["OpenAI", "Oracle"]
    assert "one deal of" in g.note and "gives it as" in g.note


def test_the_sides_are_disputed_when_the_figures_differ(extract, rules):
    groups = groups_of(extract, rules, wire=ORACLE_SIDE,
                       newsletter="OpenAI agreed to rent capacity from Oracle in a deal worth $12 billion a year.")
    [g] = [g for g in groups if g.type == "money" and g.parties]
    assert g.verdict == "disputed"


def test_a_figure_of_the_same_article_without_a_counterparty_joins_the_deal(extract, rules):
    groups = groups_of(extract, rules,
                       wire=ORACLE_SIDE + " The agreement covers about 4.5 gigawatts of capacity, Oracle said.",
                       newsletter="OpenAI will rent 4.5 gigawatts of power from Oracle, in a deal worth $30 billion.")
    [power] = [g for g in groups if g.type == "power"]
    assert power.verdict == "agreed" and len(power.sources) == 2


def test_the_maker_of_what_a_figure_counts_names_the_deal(extract, rules):
    """'1 million Google TPUs' names Google as the other party, though Google is not the figure's counterparty."""
    groups = groups_of(
        extract, rules,
        wire="Anthropic will use up to 1 million Google TPUs. The deal is worth tens of billions of dollars, "
             "Anthropic said.",
        blog="Google will supply Anthropic with up to one million TPUs, in a deal worth tens of billions of dollars.")
    joined = {g.type: g for g in groups if g.parties}
    assert set(joined) == {"hardware_units", "money"}
    assert all(g.verdict == "agreed" and len(g.sources) == 2 for g in joined.values())


def test_parties_that_do_not_name_each_other_stay_apart(extract, rules):
    """Oracle names OpenAI, but no OpenAI figure names Oracle: nothing says the two keys are one deal."""
    groups = groups_of(extract, rules, wire=ORACLE_SIDE,
                       newsletter="OpenAI will spend about $30 billion a year on computing capacity.")
    assert not any(g.parties for g in groups)


def test_a_companys_other_deal_stays_apart(extract, rules):
    """The wire's Oracle figures are of two deals (OpenAI and Meta): the Meta deal's $20 billion is not the OpenAI
    deal's $30 billion, and the OpenAI deal's two sides are still one figure."""
    groups = groups_of(extract, rules, newsletter=OPENAI_SIDE,
                       wire=ORACLE_SIDE + " Oracle signed a cloud contract worth $20 billion with Meta.")
    [meta] = money(groups, 20e9)
    assert meta.sources == ["wire.txt"]
    [openai] = money(groups, 30e9)
    assert openai.verdict == "agreed" and sorted(openai.parties) == ["OpenAI", "Oracle"]
    assert not any(g.verdict == "disputed" for g in groups)


def test_a_figure_that_names_no_other_party_is_never_disputed_with_one_that_does(extract, rules):
    """An article gives Oracle's $25 billion without a word of OpenAI: it may be another deal of Oracle's, so it is
    never called a dispute with the OpenAI deal's $30 billion."""
    groups = groups_of(extract, rules, wire=ORACLE_SIDE, newsletter=OPENAI_SIDE,
                       brief="Oracle signed a cloud contract worth $25 billion.")
    assert not any(g.verdict == "disputed" for g in groups)
    [openai] = [g for g in money(groups, 30e9) if g.parties]
    assert {"wire.txt", "newsletter.txt"} <= set(openai.sources)


def test_figures_of_a_company_itself_are_never_joined(extract, rules):
    """Share moves are not a deal's figures: Oracle's rise is not OpenAI's, though each names the other."""
    groups = groups_of(extract, rules,
                       wire=ORACLE_SIDE + " Oracle shares rose 5% after it signed the deal with OpenAI.",
                       newsletter=OPENAI_SIDE + " OpenAI shares rose 9% after it signed the deal with Oracle.")
    assert [g for g in groups if g.type == "money" and g.parties]  # the deal's figure is joined …
    moves = [g for g in groups if g.type == "stock_move"]
    assert len(moves) == 2 and not any(g.parties for g in moves)  # … a share move is not


def test_a_supplier_of_many_customers_is_not_one_customers_deal(extract, rules):
    """NVIDIA supplies several companies: Samsung's 50,000 GPUs are not NVIDIA's 260,000."""
    groups = groups_of(
        extract, rules,
        a="NVIDIA will supply 260,000 GPUs to Samsung, SK Group and Hyundai.",
        b="Samsung will deploy 50,000 GPUs from NVIDIA. Samsung will deploy 50,000 NVIDIA GPUs in Pyeongtaek.",
        c="NVIDIA will supply 50,000 GPUs to Samsung. NVIDIA will supply 50,000 GPUs to Hyundai.")
    assert not any(g.verdict == "disputed" for g in groups)
