"""Where rules run: never from inside a word, and only in sentences where their trigger occurs."""

from __future__ import annotations


def test_a_hedge_is_not_found_inside_a_word(extract):
    claims = extract("Moreover 50,000 GPUs will go to Samsung.")
    assert [(c.value, c.qualifier) for c in claims if c.type == "hardware_units"] == [(50000, "exact")]


def test_a_real_hedge_still_counts(extract):
    claims = extract("Samsung will get over 50,000 GPUs.")
    assert [(c.value, c.qualifier) for c in claims if c.type == "hardware_units"] == [(50000, "over")]


def test_money_trigger_keeps_every_currency_notation(extract):
    text = ("Siemens invested €2bn. Samsung pledged 4.3 trillion won. Intel spent US$3 billion. "
            "Analysts expect tens of billions of dollars in spending. Sony paid 5 billion yen.")
    assert {c.unit for c in extract(text) if c.type == "money"} == {"EUR", "KRW", "USD", "JPY"}


def test_no_money_without_a_currency(extract):
    assert not [c for c in extract("Samsung will build 3 billion chips.") if c.type == "money"]


def test_market_value_trigger_keeps_its_patterns(extract):
    claims = extract("Nvidia's market cap surpassing $5 trillion reflects investor confidence. "
                     "Anthropic raised $13 billion at a $183 billion post-money valuation.")
    assert sorted(c.value for c in claims if c.type == "market_value") == [183e9, 5e12]
