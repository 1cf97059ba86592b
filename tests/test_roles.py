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


@pytest.mark.parametrize("text, person, written, titles, org, tense", [
    ("“We are on track,” said Priya Raman, executive vice president and CFO, Helix Compute.", "Priya Raman",
     "executive vice president and CFO, Helix Compute", ["Executive Vice President", "CFO"], "Helix Compute",
     "current"),
    ("The plan was cheered by Corvane co-founder Arjun Mehta.", "Arjun Mehta", "Corvane co-founder", ["Founder"],
     "Corvane", "current"),
    ("Orsolya Brandt, formerly head of product at Corvane, joined the board.", "Orsolya Brandt",
     "head of product at Corvane", ["Head of product"], "Corvane", "past"),
    ("Ravi Sandoval will take over as interim CEO of Novara next month.", "Ravi Sandoval", "interim CEO of Novara",
     ["CEO"], "Novara", "future"),
    ("Novara's chief executive Marta Lindqvist praised the staff.", "Marta Lindqvist", "Novara's chief executive",
     ["CEO"], "Novara", "current"),
    ("The plant was opened by Quarrelle chief executive Tomasz Wierzba.", "Tomasz Wierzba", "Quarrelle chief executive",
     ["CEO"], "Quarrelle", "current"),
    ("Talks were led by incoming CEO Lindiwe Mokoena.", "Lindiwe Mokoena", "incoming CEO", ["CEO"], "", "future"),
])
def test_title_shapes_of_company_roles(extract, text, person, written, titles, org, tense):
    found = [c for c in roles(extract, text) if c.subject == person]
    assert [(c.text, c.extra["titles"], c.extra["org"], c.extra["tense"]) for c in found] == [
        (written, titles, org, tense)]


def test_a_company_after_a_title_and_a_comma_but_not_the_next_person_of_a_list(extract):
    found = roles(extract, "The keynote was given by Dana Okafor, CEO, Helix Compute. The panel had Ravi Sandoval, "
                           "CTO, Priya Raman, CFO, and two analysts.")
    assert {(c.subject, c.extra["org"]) for c in found} == {
        ("Dana Okafor", "Helix Compute"), ("Ravi Sandoval", ""), ("Priya Raman", "")}


def test_a_title_with_no_person_is_no_claim(extract):
    assert roles(extract, "The decision ultimately lies with the US President. The chief executive declined.") == []
    assert roles(extract, "Investors asked whether the founder Helix Compute hired would stay.") == []


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
    assert [g.verdict for g in groups] == ["agreed"]  # the same office of one organisation


def test_same_office_everywhere_is_agreed(extract, rules):
    groups = role_groups(extract, rules, a="Nvidia CEO Jensen Huang spoke.",
                         b="The crowd cheered Nvidia CEO Jensen Huang.")
    assert [g.verdict for g in groups] == ["agreed"]


def test_ceo_chief_executive_officer_and_chief_executive_of_one_company_are_agreed(extract, rules):
    groups = role_groups(extract, rules, a="Corvane CEO Dana Okafor spoke at the Corvane plant.",
                         b="Shares of Corvane rose as Corvane Chief Executive Officer Dana Okafor spoke.",
                         c="The deal was signed by Dana Okafor, chief executive of Corvane.")
    assert [(g.verdict, len(g.claims)) for g in groups] == [("agreed", 3)]


def test_a_title_without_its_company_agrees_where_the_article_names_the_company_elsewhere(extract, rules):
    groups = role_groups(extract, rules,
                         a="Dana Okafor, chief executive of Corvane, opened the plant. Later CEO Dana Okafor took "
                           "questions.",
                         b="Corvane's chief executive Dana Okafor opened the plant.")
    assert [g.verdict for g in groups] == ["agreed"]
    bare = next(c for c in groups[0].claims if c.text == "CEO")
    assert (bare.extra["org"], bare.extra["linked_org"]) == ("", "Corvane")


@pytest.fixture
def kaldor_rules(tmp_path):
    from factcheck.rules import load_rules

    (tmp_path / "people.yaml").write_text(
        "people:\n  - {name: Ines Kaldor, aliases: [Kaldor], organisations: [Varo Systems]}\n", encoding="utf-8")
    (tmp_path / "entities.yaml").write_text(
        "entities:\n  - {name: Varo Systems, kind: company, aliases: [Varo]}\n", encoding="utf-8")
    return load_rules([tmp_path])


def test_a_title_without_its_company_agrees_with_the_company_the_catalogue_links_the_person_to(kaldor_rules):
    from factcheck.documents import document_from_text
    from factcheck.extract import extract_claims

    def groups(**texts):
        claims = [c for name, text in texts.items()
                  for c in extract_claims(document_from_text(f"{name}.txt", text), kaldor_rules) if c.type == "role"]
        return [g.verdict for g in group_claims(claims, kaldor_rules) if g.type == "role"]

    assert groups(a="CEO Ines Kaldor said Varo would open two plants.", b="Varo CEO Ines Kaldor opened a plant.") \
        == ["agreed"]
    # an article that does not name the company does not say whose CEO she is
    assert groups(a="CEO Ines Kaldor said the plants would open.", b="Varo CEO Ines Kaldor opened a plant.") \
        == ["compatible"]


def test_a_future_role_is_never_disputed_against_a_current_one(extract, rules):
    groups = role_groups(extract, rules, a="Ravi Sandoval will take over as CEO of Novara in May.",
                         b="Helix CEO Ravi Sandoval presented the results.")
    assert [g.verdict for g in groups] == ["compatible"] and not groups[0].conflicts
    assert "future role, not compared with current ones: CEO of Novara" in groups[0].note


def test_a_past_role_written_with_formerly_is_never_disputed(extract, rules):
    groups = role_groups(extract, rules, a="Orsolya Brandt, formerly CEO of Novara, joined the board.",
                         b="Helix CEO Orsolya Brandt presented the results.")
    assert [g.verdict for g in groups] == ["compatible"] and not groups[0].conflicts
    assert "past role" in groups[0].note


def test_an_interim_title_is_not_the_same_office_as_the_title_alone(extract, rules):
    groups = role_groups(extract, rules, a="Novara interim CEO Ravi Sandoval spoke.", b="Novara CEO Ravi Sandoval spoke.")
    assert [g.verdict for g in groups] == ["compatible"] and not groups[0].conflicts


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
