"""Roles: titles before, after and with a verb; current and past; offices disputed only when they exclude each other."""

from __future__ import annotations

import pytest

from factcheck.compare import group_claims
from factcheck.scan import scan

from .conftest import SEEDS


def roles(extract, text, path="t.txt"):
    return [c for c in extract(text, path=path) if c.type == "role"]


def role_groups(extract, rules, **texts):
    claims = []
    for name, text in texts.items():
        claims.extend(roles(extract, text, path=f"{name}.txt"))
    return [g for g in group_claims(claims, rules) if g.type == "role"]


@pytest.mark.parametrize("text, person, titles, org", [
    ("Nvidia CEO Jensen Huang spoke in Gyeongju.", "Jensen Huang", ["CEO"], "NVIDIA"),
    ("SK hynix CEO Kwak Noh-jung met the delegation.", "Kwak Noh-jung", ["CEO"], "SK hynix"),
    ("President Lee Jae Myung has made AI a top priority.", "Lee Jae-myung", ["President"], ""),
    ("Deputy Prime Minister and Minister of Science and ICT Bae Kyung-hoon framed the plan.", "Bae Kyung-hoon",
     ["Deputy Prime Minister", "Minister"], "Science and ICT"),
    ("Talks between US President Donald Trump and Chinese President Xi Jinping went on.", "Xi Jinping",
     ["President"], "China"),
])
def test_title_before_the_name(extract, text, person, titles, org):
    found = [c for c in roles(extract, text) if c.subject == person]
    assert len(found) == 1, [(c.subject, c.text) for c in roles(extract, text)]
    c = found[0]
    assert (c.extra["titles"], c.extra["org"], c.extra["tense"]) == (titles, org, "current")
    assert c.unit == "role" and c.qualifier == "exact"


def test_title_after_the_name(extract):
    c = roles(extract, '"We are ready," said Jensen Huang, founder and CEO of Nvidia, during the announcement.')[0]
    assert (c.subject, c.text, c.extra["titles"], c.extra["org"]) == (
        "Jensen Huang", "founder and CEO of Nvidia", ["Founder", "CEO"], "NVIDIA")


def test_unknown_person_with_a_title_after_the_name(extract):
    c = roles(extract, "The plan was set out by Dana Okafor, co-founder and chief executive of Halcyra AI.")[0]
    assert (c.subject, c.extra["titles"], c.extra["org"]) == ("Dana Okafor", ["Founder", "CEO"], "Halcyra AI")


def test_linking_verbs_give_current_and_past_roles(extract):
    text = ("Lee Jae-myung is a South Korean politician who has been serving as Governor of Gyeonggi Province "
            "since 2018. Prior to this, he served as Mayor of Seongnam from 2010 to 2018.")
    found = {c.text: c for c in roles(extract, text)}
    assert found["Governor of Gyeonggi Province"].extra["tense"] == "current"
    assert found["Mayor of Seongnam"].extra["tense"] == "past"
    assert {c.subject for c in found.values()} == {"Lee Jae-myung"}  # "he" resolved


def test_closed_period_and_former_make_a_role_past(extract):
    trump = roles(extract, "Donald John Trump is a businessman who is the 45th president of the United States "
                           "from 2017 to 2021.")[0]
    assert (trump.subject, trump.extra["tense"], trump.extra["org"]) == ("Donald Trump", "past", "United States")
    moon = roles(extract, "Former President Moon Jae-in attended the summit.")[0]
    assert (moon.subject, moon.extra["tense"]) == ("Moon Jae-in", "past")


def test_a_title_with_no_person_is_no_claim(extract):
    assert roles(extract, "The decision ultimately lies with the US President. The chief executive declined.") == []


# --------------------------------------------------------------------------- verdicts


def test_different_current_offices_are_disputed_with_both_quoted(extract, rules):
    groups = role_groups(extract, rules, a="President Lee Jae Myung met the delegation.",
                         b="Lee Jae-myung has been serving as Governor of Gyeonggi Province since 2018.")
    assert [g.verdict for g in groups] == ["disputed"]
    (i, j), = groups[0].conflicts
    assert {groups[0].claims[i].text, groups[0].claims[j].text} == {"President", "Governor of Gyeonggi Province"}
    assert "President vs Governor of Gyeonggi Province" in groups[0].note


def test_past_role_does_not_conflict_with_a_current_one(extract, rules):
    groups = role_groups(extract, rules, a="US President Donald Trump met President Xi Jinping.",
                         b="Donald John Trump served as the 45th president of the United States from 2017 to 2021.")
    trump = next(g for g in groups if g.subject == "Donald Trump")
    assert trump.verdict == "compatible" and not trump.conflicts
    assert "past role" in trump.note


def test_past_office_of_another_class_is_not_a_conflict_either(extract, rules):
    groups = role_groups(extract, rules, a="President Lee Jae Myung met the delegation.",
                         b="Lee Jae-myung served as Governor of Gyeonggi Province from 2018 to 2021.")
    assert [g.verdict for g in groups] == ["compatible"]


def test_titles_held_together_are_compatible(extract, rules):
    groups = role_groups(extract, rules, a="Deputy Prime Minister Bae Kyung-hoon spoke.",
                         b="Deputy Prime Minister and Minister of Science and ICT Bae Kyung-hoon spoke.",
                         c="Nvidia CEO Jensen Huang and founder and CEO Jensen Huang are one man.")
    assert {g.subject: g.verdict for g in groups} == {"Bae Kyung-hoon": "compatible", "Jensen Huang": "single"}


def test_same_title_of_different_organisations_is_disputed(extract, rules):
    groups = role_groups(extract, rules, a="Nvidia CEO Jensen Huang spoke.", b="AMD CEO Jensen Huang spoke.")
    assert [g.verdict for g in groups] == ["disputed"]


def test_an_organisation_named_more_or_less_fully_is_one_organisation(extract, rules):
    groups = role_groups(extract, rules, a="Hiroshi Kowalski, Helix's CEO, spoke.",
                         b="Hiroshi Kowalski, chief executive of Helix Compute, spoke.")
    assert [g.verdict for g in groups] == ["compatible"]


def test_same_office_everywhere_is_agreed(extract, rules):
    groups = role_groups(extract, rules, a="Nvidia CEO Jensen Huang spoke.",
                         b="The crowd cheered Nvidia CEO Jensen Huang.")
    assert [g.verdict for g in groups] == ["agreed"]


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_roles(rules):
    result = scan([str(SEEDS)], rules)
    return {g.subject: g for g in result.groups if g.type == "role"}


def stem(path):
    return path.rsplit("/", 1)[-1][:3]


def test_seed_lee_president_vs_governor_is_disputed(seed_roles):
    lee = seed_roles["Lee Jae-myung"]
    assert lee.verdict == "disputed"
    pairs = {(stem(lee.claims[i].source), lee.claims[i].text, stem(lee.claims[j].source), lee.claims[j].text)
             for i, j in lee.conflicts}
    assert ("001", "President", "003", "Governor of Gyeonggi Province") in pairs
    presidents = {stem(c.source) for c in lee.claims if c.text == "President"}
    assert presidents == {"001", "003"}


def test_seed_trump_past_presidency_is_not_disputed(seed_roles):
    trump = seed_roles["Donald Trump"]
    assert trump.verdict != "disputed" and not trump.conflicts
    past = [c for c in trump.claims if c.extra["tense"] == "past"]
    assert [(stem(c.source), c.text) for c in past] == [("003", "45th president of the United States")]
    assert {stem(c.source) for c in trump.claims if c.extra["tense"] == "current"} == {"001"}


def test_a_person_titled_by_hundreds_of_sources_is_judged_without_comparing_every_pair(extract, rules):
    """An archive: one source of 300 calls the president a governor; the conflict is named, a few times at most."""
    from factcheck.claims import MOST_CONFLICTS

    president = [c for c in extract("President Lee Jae-myung met the delegation.") if c.type == "role"]
    governor = [c for c in extract("Governor of Gyeonggi Province Lee Jae-myung met the delegation.")
                if c.type == "role"]
    claims = []
    for i in range(300):
        (role,) = governor if i == 42 else president
        claims.append(role.__class__(**{**role.__dict__, "source": f"s{i:03}.txt"}))
    (group,) = [g for g in group_claims(claims, rules) if g.type == "role"]
    assert group.verdict == "disputed" and len(group.claims) == 300
    assert 0 < len(group.conflicts) <= MOST_CONFLICTS
    for i, j in group.conflicts:
        assert {group.claims[i].text, group.claims[j].text} == {"President", "Governor of Gyeonggi Province"}
        assert group.claims[i].source != group.claims[j].source
