"""Who a figure is about, in sentences from coverage the rules were not written for."""

from __future__ import annotations

import pytest


def subjects(extract, text, claim_type):
    return [(c.subject, c.text) for c in extract(text) if c.type == claim_type]


@pytest.mark.parametrize("text,name", [
    ("IREN shares jumped 25% on Monday. IREN said it will buy $5.8 billion of equipment from Dell.", "IREN"),
    ("Shares of CATL rose 4% after CATL agreed to supply batteries worth $2 billion.", "CATL"),
])
def test_a_company_written_in_capitals_is_found_though_the_catalogue_lacks_it(extract, text, name):
    found = {c.subject for c in extract(text) if c.type in ("stock_move", "money")}
    assert found == {name}


@pytest.mark.parametrize("text", [
    "On Monday the CEO said the order was worth $5 billion.",
    "Last year the IPO raised $2 billion, and the GPU shares a board worth $300.",
])
def test_capitalised_acronyms_are_not_companies(extract, text):
    assert {c.subject for c in extract(text) if c.type == "money"} == {"unattributed"}


@pytest.mark.parametrize("text", [
    "Microsoft has agreed a five-year, $9.7bn contract with data-centre operator Vantrel for access to Nvidia's chips.",
    "Microsoft has agreed a $9.7bn, five-year contract with data-centre operator Vantrel for access to Nvidia GB300 GPUs.",
])
def test_the_comma_between_a_term_and_a_sum_does_not_end_the_clause(extract, text):
    """'a five-year, $9.7bn contract': both qualify one noun, so the clause's subject is the figure's."""
    assert {c.subject for c in extract(text) if c.type in ("money", "duration")} == {"Microsoft"}


def test_a_company_whose_product_follows_is_no_recipient(extract):
    text = "It signed a $9.7 billion deal to give Microsoft access to Nvidia GB300 GPUs."
    assert subjects(extract, text, "money") == [("Microsoft", "$9.7 billion")]
    assert subjects(extract, "It will ship $2 billion of servers to Samsung.", "money") == [("Samsung Electronics",
                                                                                            "$2 billion")]


def test_a_company_written_in_capitals_by_one_outlet_and_not_by_another_is_one_subject(extract, rules):
    from factcheck.compare import group_claims

    claims = (extract("Shares of NOVARA rose. NOVARA will deliver 60,000 accelerators to Hanul.", path="a.txt")
              + extract("Shares of Novara rose. Novara will deliver 60,000 accelerators to Hanul.", path="b.txt")
              + extract("Novara's shares rose. Novara will deliver about 60,000 accelerators to Hanul.", path="c.txt"))
    groups = [g for g in group_claims(claims, rules) if g.type == "hardware_units"]
    assert [(g.subject, g.verdict, len(g.claims)) for g in groups] == [("Novara", "agreed", 3)]


@pytest.mark.parametrize("text,name", [
    ("Shares rose after BlackRock closed its $12.5 billion acquisition of Global Infrastructure Partners.", "BlackRock"),
    ("Under the deal, TeraWulf will deploy 100,000 GPUs in Texas.", "TeraWulf"),
    ("By Staff Reporter\n\nBlackRock closed its $12.5 billion acquisition of Global Infrastructure Partners.",
     "BlackRock"),  # after a byline's capitalised word: not part of a longer name
])
def test_a_name_with_a_capital_inside_is_a_company_though_the_catalogue_lacks_it(extract, text, name):
    assert {c.subject for c in extract(text) if c.type in ("money", "hardware_units")} == {name}


def test_a_surname_with_a_prefix_is_not_a_company(extract):
    text = "Analyst Kevin McCarthy said the order was worth $5 billion to the supplier."
    assert "McCarthy" not in {c.subject for c in extract(text)}


def test_a_headline_figure_takes_the_attribute_its_article_gives_it(extract):
    """The headline says '$100bn'; the body says the sum could grow to $100bn (an option): the headline's figure
    is that option, not a bare amount to set against another outlet's bare amount."""
    text = ("Microsoft and BlackRock team up on $100bn AI push\n\n"
            "Microsoft has joined BlackRock on a partnership that aims to raise $30bn, which could grow to $100bn "
            "once debt is included.\n")
    found = {(c.text, c.attribute) for c in extract(text) if c.type == "money"}
    assert ("$100bn", "option") in found and not any(attribute == "amount" for _, attribute in found)
    [headline] = [c for c in extract(text) if c.line == 1]
    assert headline.extra["attribute_from"] == 3
