"""Quotes: every attribution form finds its speaker, and versions of a quote get the right verdict."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.compare import group_claims
from factcheck.compare.text import compare_quotes
from factcheck.quotes import words
from factcheck.scan import scan

from .conftest import SEEDS


def quotes(extract, text, path="t.txt"):
    return [c for c in extract(text, path=path) if c.type == "quote"]


def only(claims):
    assert len(claims) == 1, [(c.subject, c.text, c.extra.get("form")) for c in claims]
    return claims[0]


def quote_groups(extract, rules, **texts):
    claims = []
    for name, text in texts.items():
        claims.extend(quotes(extract, text, path=f"{name}.txt"))
    return [g for g in group_claims(claims, rules) if g.type == "quote"]


# --------------------------------------------------------------------------- attribution forms


def test_attribution_after_speaker_then_verb(extract):
    c = only(quotes(extract, '"We are at 0% share of the AI business in China," Huang said in Gyeongju.'))
    assert (c.subject, c.attribute, c.qualifier, c.extra["form"]) == ("Jensen Huang", "said", "exact", "after")
    assert c.text == "We are at 0% share of the AI business in China,"
    assert (c.line, c.column) == (1, 2)


def test_attribution_after_verb_then_unknown_speaker_with_title(extract):
    text = "“We will double the team next year,” said Kim Min-jun, the startup's chief executive."
    c = only(quotes(extract, text))
    assert c.subject == "Kim Min-jun" and c.extra["form"] == "after"


@pytest.mark.parametrize("attribution", [
    "AMD Executive Vice President Forrest Norrod told Reuters.",
    "said AMD Executive Vice President Forrest Norrod.",
    "Senior Vice President Forrest Norrod said.",
    "said President Forrest Norrod of AMD.",
])
def test_an_office_written_before_an_unknown_speaker_is_not_part_of_the_name(extract, rules, attribution):
    c = only(quotes(extract, f"“We view this deal as transformative,” {attribution}"))
    assert c.subject == "Forrest Norrod"
    groups = quote_groups(extract, rules, a=f"“We view this deal as transformative,” {attribution}",
                          b="“We view this deal as transformative,” Forrest Norrod said.")
    assert [(g.subject, g.verdict) for g in groups] == [("Forrest Norrod", "agreed")]  # one speaker, one quote


@pytest.mark.parametrize("attribution", ["said President Harlow.", "President Harlow said."])
def test_a_speaker_known_only_by_office_and_surname_keeps_the_title(extract, attribution):
    c = only(quotes(extract, f"“We will double the team next year,” {attribution}"))
    assert c.subject == "President Harlow"


def test_attribution_before_the_quote(extract):
    c = only(quotes(extract, "Speaking to a packed audience, Huang declared, “It’s vital that we build the ecosystem.”"))
    assert c.subject == "Jensen Huang" and c.extra["form"] == "before"
    assert c.text == "It’s vital that we build the ecosystem."


def test_attribution_inside_an_interrupted_quote_joins_its_parts(extract):
    c = only(quotes(extract, '"The first thing is compute," Huang said, "and the second is power."'))
    assert c.extra["form"] == "inside" and c.subject == "Jensen Huang"
    assert words(c.text) == words("The first thing is compute, and the second is power.")


def test_quote_continued_in_the_next_sentence_is_one_quote(extract):
    text = ('"Korea can lead the AI industrial revolution," Jensen Huang told leaders at the summit. '
            '"The nation can now produce intelligence as a new export."')
    c = only(quotes(extract, text))
    assert c.extra["form"] == "continued"
    assert words(c.text)[-3:] == ["a", "new", "export"] and words(c.text)[0] == "korea"


def test_quote_spanning_sentences_is_kept_whole(extract):
    c = only(quotes(extract, "“We used to have 95% share. Now we’re at 0% share. And I’m disappointed by that,” Huang said."))
    assert c.text.startswith("We used to have 95% share.") and c.text.endswith("disappointed by that,")


def test_straight_and_curly_quotes_read_the_same(extract):
    curly = only(quotes(extract, "“We are ready to ship,” Huang said."))
    straight = only(quotes(extract, '"We are ready to ship," Huang said.'))
    assert curly.extra["words"] == straight.extra["words"] and curly.subject == straight.subject


def test_pronoun_speaker_is_the_nearest_person_named_before_it_in_the_paragraph(extract):
    text = ("Bae Kyung-hoon spoke first. Then Jensen Huang took the stage. "
            '"We will build it together," he said.')
    assert only(quotes(extract, text)).subject == "Jensen Huang"


def test_pronoun_with_no_person_in_its_paragraph_is_unattributed(extract):
    text = 'Jensen Huang spoke first.\n\nThe crowd listened. "We will build it together," he said.'
    assert only(quotes(extract, text)).subject == "unattributed"


def test_reported_speech_is_a_paraphrase(extract):
    text = "Huang spoke in Seoul. He added that he would like to sell the newest chips to China."
    c = only(quotes(extract, text))
    assert (c.subject, c.attribute, c.qualifier) == ("Jensen Huang", "paraphrase", "about")
    assert c.text == "he would like to sell the newest chips to China"


def test_a_quote_below_a_paragraph_that_introduces_it_with_a_colon(extract):
    text = ("Brightline signed the lease on Monday.\n\nAccording to Tavi Moreno, CEO of Brightline:\n\n"
            "“As Brightline keeps pushing what’s possible, the new halls will serve as its backbone.”\n")
    c = only(quotes(extract, text))
    assert (c.subject, c.extra["form"]) == ("Tavi Moreno", "before")
    assert c.text.startswith("As Brightline keeps pushing")
    assert (c.line, c.column) == (5, 2)


def test_an_attribution_with_stating_before_the_quote(extract):
    text = ("Brightline Chief Executive Tavi Moreno echoed the view, stating,\n"
            "“The new halls will serve as the backbone of our cloud.”")
    c = only(quotes(extract, text))
    assert (c.subject, c.extra["form"]) == ("Tavi Moreno", "before")


def test_partial_quote_inside_a_sentence_names_its_speaker(extract):
    text = 'Deputy Prime Minister Bae Kyung-hoon framed the investment as a bid to become "one of the top three AI powers."'
    c = only(quotes(extract, text))
    assert c.subject == "Bae Kyung-hoon" and c.extra["form"] == "partial"


def test_according_to_a_speaker_before_the_quote(extract):
    c = only(quotes(extract, 'According to Nvidia CEO Jensen Huang, "the demand for Blackwell is incredible."'))
    assert c.subject == "Jensen Huang"


def test_verb_with_an_object_before_the_quote(extract):
    c = only(quotes(extract, 'Lisa Su, AMD\'s chair and CEO, told analysts: "Demand is exceptional."'))
    assert (c.subject, c.extra["form"]) == ("Lisa Su", "before")


def test_unknown_speaker_named_after_a_title_word(extract):
    text = 'Former Intel CEO Pat Gelsinger called the deal "a turning point for American chipmaking."'
    assert only(quotes(extract, text)).subject == "Pat Gelsinger"


def test_unknown_speaker_with_a_title_after_the_name_is_not_their_company(extract):
    text = ("Gabriel Castellano, chief executive of Hanseong Motor Group, said in a statement: "
            "“We looked at every option, and this was the fastest path.”")
    assert only(quotes(extract, text)).subject == "Gabriel Castellano"


def test_reported_speech_with_a_phrase_before_that(extract):
    c = only(quotes(extract, "Sam Altman said in a blog post that the company would spend heavily on compute."))
    assert (c.subject, c.attribute, c.text) == ("Sam Altman", "paraphrase", "the company would spend heavily on compute")


def test_scare_quotes_are_not_speech(extract):
    text = 'Samsung will build so-called "digital twins" and Trump said the US would act as a "referee" of sorts.'
    assert [c for c in quotes(extract, text) if c.attribute == "said"] == []


@pytest.mark.parametrize("sentence", [  # five words or more: only the naming word makes them terms
    "Velmont chief executive Dana Ruiz said the company will sell what it calls “adaptive fabric.”",
    "Dana Ruiz, chief executive of Velmont, said the chips power what she and her board are calling “ambient AI.”",
    "Dana Ruiz, chief executive of Velmont, said the plant makes a chip called “the Velmont Lattice Core Mark Two.”",
    "Dana Ruiz, chief executive of Velmont, said she expects a plan dubbed “Project Heron for the North Coast” to grow.",
    "Dana Ruiz, chief executive of Velmont, said so-called “edge racks for the rural power grid” keep selling.",
    "Dana Ruiz, chief executive of Velmont, said firms known as “the Open Silicon Supply Alliance” will buy them.",
    "Dana Ruiz, chief executive of Velmont, said the chips feed what analysts have termed “the age of cheap tokens.”",
    "Dana Ruiz, chief executive of Velmont, said it would ship servers branded “Velmont Forge for the Enterprise” soon.",
])
def test_a_term_named_in_quotation_marks_is_not_speech(extract, sentence):
    assert [c.text for c in quotes(extract, sentence) if c.attribute == "said"] == []


def test_a_term_inside_reported_speech_leaves_the_paraphrase(extract):
    text = "Dana Ruiz said that the chips will feed what analysts have termed “the age of cheap tokens.”"
    c = only(quotes(extract, text))
    assert (c.subject, c.attribute) == ("Dana Ruiz", "paraphrase") and "the age of cheap tokens" in c.text


def test_a_few_quoted_words_with_no_verb_are_a_term(extract):
    text = "Dana Ruiz, chief executive of Velmont, said the new plant will anchor a “regional compute corridor” there."
    assert [c.text for c in quotes(extract, text) if c.attribute == "said"] == []


@pytest.mark.parametrize("sentence, said", [
    ("“A dream come true,” said Dana Ruiz, chief executive of Velmont.", "A dream come true,"),
    ("Dana Ruiz, chief executive of Velmont, told reporters: “Full speed ahead.”", "Full speed ahead."),
    ("Velmont chief executive Dana Ruiz called the merger “a dream come true” for both firms.", "a dream come true"),
    ("Velmont chief executive Dana Ruiz said the merger means “we win together.”", "we win together."),
    ("Velmont chief executive Dana Ruiz called the results “a pleasant surprise.”", "a pleasant surprise."),
])
def test_short_speech_with_a_speech_verb_or_a_verb_of_its_own_stays_a_quote(extract, sentence, said):
    c = only(quotes(extract, sentence))
    assert (c.subject, c.text) == ("Dana Ruiz", said)


def test_korean_name_variants_are_one_person(extract):
    for spelling in ("Lee Jae-myung", "Lee Jae Myung", "LEE JAE-MYUNG", "Lee Jaemyung"):
        c = only(quotes(extract, f'"Korea will be an AI leader," {spelling} said.'))
        assert c.subject == "Lee Jae-myung", spelling


def test_shared_surname_means_the_person_named_last_in_full(extract):
    text = ("Samsung chairman Lee Jae-yong met the delegation. "
            '"Memory is the heart of AI," Lee said.')
    assert only(quotes(extract, text)).subject == "Lee Jae-yong"


# --------------------------------------------------------------------------- verdicts


def test_same_words_agree_whatever_the_punctuation_case_and_marks(extract, rules):
    groups = quote_groups(extract, rules, a='"It\'s vital that we build the ecosystem," Huang said.',
                          b="Huang said: “it’s vital that we build the ecosystem!”")
    assert [g.verdict for g in groups] == ["agreed"]


def test_fragment_is_compatible(extract, rules):
    groups = quote_groups(
        extract, rules,
        a='"It is vital that we build the ecosystem, not just the AI infrastructure, of Korea," Huang said.',
        b='Huang said the aim was to "build the ecosystem, not just the AI infrastructure."')
    assert [g.verdict for g in groups] == ["compatible"]
    assert "fragment" in groups[0].note


def test_british_and_american_spellings_of_one_statement_agree(extract, rules):
    """A British and an American outlet print the same words: no key word differs."""
    groups = quote_groups(
        extract, rules,
        a='"Mobilising private capital to build AI infrastructure like data centres will unlock a multi-trillion-'
          'dollar opportunity for our organisation," Larry Fink said.',
        b='"Mobilizing private capital to build AI infrastructure like data centers will unlock a multi-trillion-'
          'dollar opportunity for our organization," Larry Fink said.')
    assert [g.verdict for g in groups] == ["agreed"]


def test_versions_that_differ_only_in_typography_agree(extract, rules):
    """Compound written apart, apostrophe dropped, straight marks, a comma for a dash, "..." for "…", a lower-case
    first word and a full stop inside the marks: the same words, as an outlet's style guide wrote them."""
    groups = quote_groups(
        extract, rules,
        a="“Orlen’s long-term plan is to run the plant — and the company’s grid link — by 2030…,” Mirela Dusk said.",
        b='"orlens longterm plan is to run the plant, and the companys grid-link - by 2030...." Mirela Dusk said.')
    assert [(g.verdict, len(g.claims)) for g in groups] == [("agreed", 2)]


@pytest.mark.parametrize("a, b", [
    ("a long-term supplier for the next decade", "a longterm supplier for the next decade"),
    ("a long term supplier for the next decade", "a longterm supplier for the next decade"),
    ("the companys biggest order for the next decade", "the company's biggest order for the next decade"),
    ("we're going to be customers of each other", "we are going to be customers of each other"),
    ("we don't see a slowdown in orders this year", "we do not see a slowdown in orders this year"),
    ("it's the biggest order in our history so far", "it is the biggest order in our history so far"),
])
def test_compounds_apostrophes_and_contractions_are_not_key_words(extract, rules, a, b):
    groups = quote_groups(extract, rules, one=f'"{a.capitalize()}," Mirela Dusk said.',
                          two=f'"{b.capitalize()}," Mirela Dusk said.')
    assert [g.verdict for g in groups] == ["agreed"], groups[0].note


def test_a_real_change_beside_typography_is_disputed_for_the_real_change(extract, rules):
    groups = quote_groups(extract, rules, a='"We see Orlen as a long-term partner in the region," Mirela Dusk said.',
                          b='"We see Orlen as a longterm rival in the region," Mirela Dusk said.')
    assert [g.verdict for g in groups] == ["disputed"]
    assert groups[0].note == "a key word differs: 'partner' / 'rival'"


def test_a_fragment_written_with_other_typography_is_a_fragment_not_a_dispute(extract, rules):
    groups = quote_groups(
        extract, rules,
        a='"We will keep investing for the long-term growth of the grid business," Mirela Dusk said.',
        b='Mirela Dusk said the firm was investing "for the longterm growth of the grid business."')
    assert [g.verdict for g in groups] == ["compatible"]
    assert groups[0].note.startswith("fragment")


def test_excerpts_where_one_runs_on_past_the_other_are_one_quote_and_compatible(extract, rules):
    """One outlet quotes the start of a statement, the other picks it up midway and goes on past its end."""
    groups = quote_groups(
        extract, rules,
        a='"Anthropic\'s choice to significantly expand its usage of TPUs reflects the strong price-performance '
          'and efficiency its teams have seen," said Thomas Kurian.',
        b='Thomas Kurian said Anthropic\'s choice "reflects the strong price-performance and efficiency its teams '
          'have seen with TPUs for several years."')
    assert [g.verdict for g in groups] == ["compatible"]
    assert "overlapping excerpts" in groups[0].note


def test_overlapping_excerpts_are_clustered_alike_for_a_few_and_for_hundreds_of_wordings(rules):
    """The archive path (more than EVERY_WORDING_PAIR_UP_TO wordings) finds the same overlap as every pair."""
    from factcheck.compare.text import EVERY_WORDING_PAIR_UP_TO, _settings, quote_clusters

    settings = {**_settings(rules, "quote"), "fragment_ratio": 100}  # the fragment test alone would not find them
    start = "our customers have told us again and again".split()
    shared = "that capacity is the one thing they cannot buy".split()
    end = "anywhere else at this scale or this price today".split()
    a, b = start + shared, shared + end
    import random

    rng = random.Random(7)  # unrelated wordings: random words, so that no two are alike
    others = [["".join(rng.choices("bcdfghjklmnpqrstvwxz", k=7)) for _ in range(5)]
              for _ in range(EVERY_WORDING_PAIR_UP_TO + 5)]
    for distinct in ([a, b], [a, *others, b]):
        clusters = quote_clusters(distinct, settings)
        assert clusters[0] == clusters[-1]
        assert len(set(clusters)) == len(distinct) - 1


def test_different_continuations_after_a_shared_opening_are_compatible(extract, rules):
    groups = quote_groups(
        extract, rules,
        a='"Korea\'s leadership in technology and manufacturing positions it at the heart of the revolution, '
          'and the nation can export intelligence," Huang said.',
        b='"Korea\'s leadership in technology and manufacturing positions it at the heart of the revolution, '
          'where computing becomes as vital as power grids," said Jensen Huang.')
    assert [g.verdict for g in groups] == ["compatible"]
    assert "shared opening" in groups[0].note and "continue differently" in groups[0].note


@pytest.mark.parametrize("a, b, why", [
    ("We used to have 95% share of the AI business in China", "We used to have 90% share of the AI business in China",
     "number"),
    ("We are disappointed by the export rules for China", "We are not disappointed by the export rules for China",
     "negation"),
    ("We are deeply disappointed by the export rules for China", "We are deeply delighted by the export rules for China",
     "key word"),
])
def test_changed_number_negation_or_key_word_is_disputed(extract, rules, a, b, why):
    groups = quote_groups(extract, rules, a=f'"{a}," Huang said.', b=f'"{b}," Huang said.')
    assert [g.verdict for g in groups] == ["disputed"]
    assert why in groups[0].note
    assert groups[0].conflicts == [(0, 1)]


def test_minor_word_change_is_compatible_not_disputed():
    result = compare_quotes(words("We will build the ecosystem in Korea together"),
                            words("We will build an ecosystem in Korea together"))
    assert result.verdict == "compatible" and "minor" in result.reason


def test_different_quotes_are_not_grouped_and_the_same_words_of_two_speakers_are_disputed(extract, rules):
    """Two sources give the same words to Huang and to Lee: who said it is disputed; Huang's other quote stays apart."""
    groups = quote_groups(extract, rules,
                          a='"We will build the ecosystem in Korea," Huang said.',
                          b='"We will build the ecosystem in Korea," Lee Jae-myung said.',
                          c='"Export rules hurt our customers far more than us," Huang said.')
    assert sorted((len(g.claims), g.verdict) for g in groups) == [(1, "single"), (2, "disputed")]
    [disputed] = [g for g in groups if g.verdict == "disputed"]
    assert disputed.parties == ["Jensen Huang", "Lee Jae-myung"] and disputed.conflicts == [(0, 1)]
    assert "attributed to different speakers" in disputed.note


def test_one_source_giving_two_speakers_the_same_words_is_no_dispute(extract, rules):
    """A source that quotes two people alike (a joint statement) contradicts no one."""
    groups = quote_groups(extract, rules,
                          a='"We will build the ecosystem in Korea," Huang said. "We will build the ecosystem in '
                            'Korea," Lee Jae-myung said.')
    assert sorted(g.verdict for g in groups) == ["single", "single"]


def test_a_short_phrase_shared_by_two_speakers_is_not_the_same_quote(extract, rules):
    groups = quote_groups(extract, rules, a='"This is only the beginning," Huang said.',
                          b='"This is only the beginning," Lee Jae-myung said.')
    assert sorted(g.verdict for g in groups) == ["single", "single"]


def test_a_company_quoted_as_its_chief_executive_is_not_a_wrong_speaker(extract, rules):
    groups = quote_groups(extract, rules,
                          a='"We will build the AI ecosystem in Korea with our partners," Nvidia said in a statement.',
                          b='"We will build the AI ecosystem in Korea with our partners," Huang said.')
    assert sorted(g.verdict for g in groups) == ["single", "single"]


def test_spellings_of_an_unknown_speaker_are_grouped(extract, rules):
    groups = quote_groups(extract, rules,
                          a='"We will double the team next year," said Kim Min-jun, the chief executive.',
                          b='"We will double the team next year," said Kim Min Jun, the chief executive.')
    assert [g.verdict for g in groups] == ["agreed"]


# --------------------------------------------------------------------------- the seeds


def test_seed_huang_quote_in_002_and_004_is_one_compatible_group(rules):
    result = scan([str(SEEDS)], rules)
    group = next(g for g in result.groups if g.type == "quote" and g.subject == "Jensen Huang"
                 and any(c.text.startswith("Korea's leadership in technology") for c in g.claims))
    assert group.verdict == "compatible"
    assert "shared opening" in group.note and "continue differently" in group.note
    quoted = {c.source.rsplit("/", 1)[-1][:3]: c for c in group.claims if c.text.startswith("Korea's leadership")}
    assert set(quoted) == {"002", "004"}
    assert "where accelerated computing infrastructure" in quoted["004"].text
    assert "intelligence as a new export" in quoted["002"].text
    assert all(c.quote and c.line for c in quoted.values())


# --------------------------------------------------------------------------- rule files


def test_text_rule_examples_hold(rules, extract):
    for rule in rules.text_rules:
        for example in getattr(rule, "examples", []):
            claims = [c for c in extract(example["text"]) if c.type == rule.type]
            if example.get("expect") == []:  # nothing may be found
                assert claims == [], (rule.path, example)
            for expected in example.get("expect", []):
                assert any(all(getattr(c, k) == v for k, v in expected.items()) for c in claims), (rule.path, example)


def test_people_from_an_extra_rules_folder_are_speakers(tmp_path):
    from factcheck.documents import document_from_text
    from factcheck.extract import extract_claims
    from factcheck.rules import load_rules

    (tmp_path / "people.yaml").write_text("people:\n  - {name: Choi Soo-yeon, aliases: [Choi]}\n", encoding="utf-8")
    rules = load_rules([tmp_path])
    claims = extract_claims(document_from_text("t.txt", '"The chips arrive in May," CHOI SOO YEON said.'), rules)
    assert [c.subject for c in claims if c.type == "quote"] == ["Choi Soo-yeon"]


def test_unknown_rule_kind_is_a_one_line_error_naming_the_file(tmp_path):
    from factcheck.rules import RuleError, load_rules

    (tmp_path / "odd.yaml").write_text("type: odd\nkind: gossip\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"odd\.yaml: unknown rule kind 'gossip'"):
        load_rules([tmp_path])


def test_scan_type_filter_knows_quote_and_role():
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "factcheck", "scan", str(SEEDS), "--type", "role", "--format", "json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert {g["type"] for g in json.loads(proc.stdout)["groups"]} == {"role"}


def test_a_quote_printed_by_hundreds_of_sources_is_judged_without_comparing_every_pair(extract, rules):
    """An archive holds the same quote many times: one verdict, and its conflicts named once per pair of sources."""
    from factcheck.claims import MOST_CONFLICTS

    right = extract('"We used to have 95% share of the AI business in China," Huang said.')
    wrong = extract('"We used to have 90% share of the AI business in China," Huang said.')
    other = extract('"Export rules hurt our customers far more than us," Huang said.')
    quotes = []
    for i in range(400):  # 400 sources, one of them with the changed number; every one also quotes the other line
        (q,) = [c for c in (wrong if i == 7 else right) if c.type == "quote"]
        (o,) = [c for c in other if c.type == "quote"]
        quotes += [q.__class__(**{**q.__dict__, "source": f"s{i:03}.txt"}),
                   o.__class__(**{**o.__dict__, "source": f"s{i:03}.txt", "offset": 500})]
    groups = [g for g in group_claims(quotes, rules) if g.type == "quote"]
    assert sorted((len(g.claims), g.verdict) for g in groups) == [(400, "agreed"), (400, "disputed")]
    (disputed,) = [g for g in groups if g.verdict == "disputed"]
    assert 0 < len(disputed.conflicts) <= MOST_CONFLICTS
    for i, j in disputed.conflicts:  # each names the changed version against a right one, from different sources
        a, b = disputed.claims[i], disputed.claims[j]
        assert a.source != b.source and "s007.txt" in (a.source, b.source)
    assert "number" in disputed.note


def _partition(labels):
    """Clusters as sets of indices, whatever label each cluster carries."""
    out: dict = {}
    for i, label in enumerate(labels):
        out.setdefault(label, set()).add(i)
    return sorted(map(sorted, out.values()))


@pytest.mark.parametrize("seed", range(6))
def test_a_speaker_quoted_in_hundreds_of_wordings_is_clustered_as_pair_by_pair(rules, seed):
    """An archive holds thousands of a speaker's wordings: the clusters are those of testing every pair."""
    import random

    from factcheck.compare.text import EVERY_WORDING_PAIR_UP_TO, _settings, quote_clusters, related

    settings = _settings(rules, "quote")
    rng = random.Random(seed)
    vocab = ("we are not slowing down this is a landmark partnership for us and the industry gpus chips 50,000 "
             "260 k only start beginning demand keeps rising it takes u.s. build").split()
    templates = [[rng.choice(vocab) for _ in range(rng.randint(0, 18))] for _ in range(rng.randint(3, 12))]
    wordings: set[tuple[str, ...]] = set()
    while len(wordings) < 3 * EVERY_WORDING_PAIR_UP_TO:  # versions: words changed, dropped, added, cut, run on, misspelt
        w = list(rng.choice(templates))
        for _ in range(rng.randint(0, 4)):
            op = rng.random()
            if op < 0.3 and w:
                w[rng.randrange(len(w))] = rng.choice(vocab)
            elif op < 0.5 and w:
                del w[rng.randrange(len(w))]
            elif op < 0.7:
                w.insert(rng.randrange(len(w) + 1), rng.choice(vocab))
            elif op < 0.8 and len(w) > 3:
                start = rng.randrange(len(w))
                w = w[start:start + rng.randint(3, 10)]
            elif op < 0.88 and len(w) > 7:  # an excerpt that runs on past the template's end
                w = w[rng.randrange(1, len(w) // 2):] + [rng.choice(vocab) for _ in range(rng.randint(2, 6))]
            elif w:
                k = rng.randrange(len(w))
                w[k] = w[k][:-1] or "x"
        wordings.add(tuple(w))
    distinct = [list(w) for w in sorted(wordings)]
    rng.shuffle(distinct)

    expected = list(range(len(distinct)))  # the oracle: every pair tested, joined transitively

    def root(i):
        while expected[i] != i:
            i = expected[i]
        return i

    for i in range(len(distinct)):
        for j in range(i + 1, len(distinct)):
            if related(distinct[i], distinct[j], settings):
                expected[root(i)] = root(j)
    assert _partition(quote_clusters(distinct, settings)) == _partition([root(i) for i in range(len(distinct))])


@given(st.text(alphabet="abcde fg", min_size=1, max_size=120), st.integers(0, 119), st.integers(1, 120),
       st.lists(st.tuples(st.integers(0, 2), st.integers(0, 200), st.sampled_from("abcde fg")), max_size=6),
       st.sampled_from([80, 90, 95, 100]))
@settings(max_examples=400, deadline=None)
def test_a_fragment_always_holds_one_piece_of_the_other_text(text, start, size, edits, ratio):
    """The fragment lookup never misses a pair rapidfuzz's partial ratio puts over the bar."""
    from rapidfuzz import fuzz

    from factcheck.compare.text import _may_hold, _pieces

    fragment = list(text[start:start + size])
    for op, at, char in edits:  # a fragment with letters changed, dropped and added
        if op == 0 and fragment:
            fragment[at % len(fragment)] = char
        elif op == 1 and fragment:
            del fragment[at % len(fragment)]
        else:
            fragment.insert(at % (len(fragment) + 1), char)
    short, long_ = "".join(fragment), text
    if not short or fuzz.partial_ratio(short, long_) < ratio:
        return
    found = (len(short) <= len(long_) and _may_hold(long_, _pieces(short, ratio))) or (
        len(long_) <= len(short) and _may_hold(short, _pieces(long_, ratio)))
    assert found
