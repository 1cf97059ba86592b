"""Counts of any thing, multiples and ages; and numbers that are no figure at all."""

from __future__ import annotations

import pytest

from factcheck.compare import group_claims
from factcheck.nouns import singular


def of_type(claims, claim_type):
    return [c for c in claims if c.type == claim_type]


def groups_of(extract, rules, **texts):
    claims = []
    for name, text in texts.items():
        claims.extend(extract(text, path=f"{name}.txt"))
    return [g for g in group_claims(claims, rules) if g.type == "count"]


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize("text, value, unit", [
    ("Pellucid Cloud now has 800 million weekly users.", 800e6, "weekly user"),
    ("Pellucid Cloud serves more than 150,000 enterprise customers.", 150e3, "enterprise customer"),
    ("Pellucid Cloud runs 12 data centres.", 12, "data center"),
    ("Pellucid Cloud runs 45 datacenters.", 45, "data center"),
    ("Pellucid Cloud could power 25 million U.S. homes.", 25e6, "US home"),
    ("Pellucid Cloud will buy power from three nuclear reactors.", 3, "nuclear reactor"),
    ("Pellucid Cloud hired about 40 engineers.", 40, "engineer"),
    ("Pellucid Cloud is sold by all three of the biggest cloud platforms.", 3, "cloud provider"),
    ("Pellucid Cloud opened 14 new campuses.", 14, "new campus"),
])
def test_a_count_is_in_the_thing_it_counts(extract, text, value, unit):
    (claim,) = of_type(extract(text), "count")
    assert (claim.value, claim.unit, claim.subject) == (value, unit, "Pellucid Cloud")


def test_the_same_thing_counted_differently_is_disputed_across_spellings(extract, rules):
    (group,) = groups_of(extract, rules, a="Pellucid Cloud operates 12 data centres in Europe.",
                         b="Pellucid Cloud operates 45 data centers in Europe.")
    assert group.verdict == "disputed" and group.unit == "data center"


def test_synonyms_meet_and_ranking_words_do_not_matter(extract, rules):
    (group,) = groups_of(extract, rules, a="Pellucid Cloud's model runs on all three major cloud providers.",
                         b="Pellucid Cloud's model runs on all three of the largest cloud platforms.")
    assert group.verdict == "agreed" and len(group.claims) == 2


def test_counts_of_different_things_are_never_compared(extract, rules):
    groups = groups_of(extract, rules, a="Pellucid Cloud will restart three nuclear reactors.",
                       b="Pellucid Cloud will restart 25 million homes.")
    assert sorted(g.verdict for g in groups) == ["single", "single"]


def test_other_rules_keep_their_figures(extract):
    claims = extract("Pellucid Cloud signed a deal over five years for 10,000 graphics processing units, "
                     "issued 40 million shares, has 4,500 workers and runs 12 data centres.")
    assert [c.type for c in claims] == ["duration", "hardware_units", "shares", "headcount", "count"]


@pytest.mark.parametrize("text", [
    "Pellucid Cloud is one of the most valuable startups, and the one that runs 12 data centres.",
    "Pellucid Cloud held one-on-one meetings about its 12 data centres with one of the largest banks.",
    "Pellucid Cloud raised a Series F round for the first phase of its 12 data centres.",
    "Pellucid Cloud will deploy GB300 systems and MI450 chips in its 12 data centres.",
    "Pellucid Cloud shipped its Sonnet 4.5 models and Windows 11 devices to 12 data centres.",
    "Pellucid Cloud ranks among the top three model makers and posted 2025 results from 12 data centres.",
    "The two companies named four key drivers of growth at Pellucid Cloud's 12 data centres.",
])
def test_numbers_that_are_no_figure_give_no_claim(extract, text):
    """Only the count of data centres is a figure in these sentences."""
    assert [(c.type, c.text) for c in extract(text)] == [("count", "12 data centres")]


def test_the_first_gigawatt_is_one_gigawatt_the_first_phase_is_no_figure(extract):
    (claim,) = extract("For Pellucid Cloud, the first gigawatt comes online before the first phase ends.")
    assert (claim.type, claim.value, claim.attribute) == ("power", 1e9, "initial")


@pytest.mark.parametrize("text, value", [
    ("Pellucid Cloud will rent 5,000 tensor processing units.", 5000),
    ("Pellucid Cloud will deploy 20,000 custom AI chips.", 20000),
    ("Pellucid Cloud will install 30,000 of its in-house accelerators.", 30000),
    ("Pellucid Cloud will get 8,000 of the latest-generation graphics processing units.", 8000),
])
def test_spelled_out_accelerators_are_hardware(extract, text, value):
    (claim,) = extract(text)
    assert (claim.type, claim.value, claim.unit) == ("hardware_units", value, "accelerators")


@pytest.mark.parametrize("plural, one", [
    ("users", "user"), ("companies", "company"), ("campuses", "campus"), ("warehouses", "warehouse"),
    ("branches", "branch"), ("GPUs", "GPU"), ("people", "person"), ("co-founders", "co-founder"),
])
def test_singular(plural, one):
    assert singular(plural) == one


# --------------------------------------------------------------------------- multiples and ages


@pytest.mark.parametrize("text, value, qualifier, attribute", [
    ("Early investors in Pellucid Cloud made an eightfold return.", 8, "exact", "return"),
    ("Pellucid Cloud's revenue grew fivefold.", 5, "exact", "revenue"),
    ("Pellucid Cloud reported a 2.5x jump in bookings.", 2.5, "exact", "multiple"),
    ("Pellucid Cloud's users nearly tripled.", 3, "under", "users"),
    ("Pellucid Cloud doubled its capacity.", 2, "exact", "capacity"),
])
def test_multiples(extract, text, value, qualifier, attribute):
    (claim,) = extract(text)
    assert (claim.type, claim.value, claim.qualifier, claim.attribute, claim.unit) == (
        "multiple", value, qualifier, attribute, "times")


def test_no_multiple_in_idioms(extract):
    assert of_type(extract("Pellucid Cloud doubled down on double-digit growth in x86 servers."), "multiple") == []


@pytest.mark.parametrize("text, value", [
    ("Mara Quennell, the 31-year-old founder of Pellucid Cloud, spoke first.", 31),
    ("The 31-year-old founder, Mara Quennell, spoke first.", 31),
    ("Mara Quennell, now 45, still runs Pellucid Cloud.", 45),
    ("Mara Quennell left Pellucid Cloud aged 60.", 60),
    ("Mara Quennell, 52, runs Pellucid Cloud.", 52),
])
def test_the_age_of_the_person_named(extract, text, value):
    (claim,) = of_type(extract(text), "age")
    assert (claim.subject, claim.value, claim.unit) == ("Mara Quennell", value, "years")


def test_no_age_of_a_thing(extract):
    assert of_type(extract("Pellucid Cloud is a 10-year-old company, now 45 employees strong."), "age") == []
