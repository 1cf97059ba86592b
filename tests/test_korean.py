"""Korean coverage: figures with 만/억/조, Korean hedges, particles, dates, and grouping with English sources."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import regex
import yaml

from factcheck.compare import group_claims
from factcheck.dates import iso, parse_date_phrase
from factcheck.documents import document_from_text, split_sentences
from factcheck.extract import extract_claims
from factcheck.numbers import parse_korean_number, parse_number
from factcheck.ruletest import differences
from factcheck.scan import scan

ROOT = Path(__file__).resolve().parent.parent
KO = ROOT / "tests" / "fixtures" / "ko"
EXPECTED = yaml.safe_load((KO / "expected.yaml").read_text(encoding="utf-8"))
FIGURES = EXPECTED["figures"]


@pytest.mark.parametrize("text, value", [
    ("26만", 260_000), ("5만", 50_000), ("4조 3천억", 4.3e12), ("1만3천", 13_000), ("1만 3000", 13_000),
    ("1,000억", 1e11), ("2.5조", 2.5e12), ("30억", 3e9), ("2천", 2000),
])
def test_korean_numbers(text, value):
    assert parse_korean_number(text) == value
    assert parse_number(text) == value


@pytest.mark.parametrize("sentence, text, value, unit, qualifier", [
    ("삼성전자는 GPU 26만 개를 들여온다.", "26만 개", 260_000, "accelerators", "exact"),
    ("엔비디아가 한국에 GPU 26만여 장을 공급한다.", "26만여 장", 260_000, "accelerators", "over"),
    ("SK그룹은 5만 장의 GPU를 확보한다.", "5만 장", 50_000, "accelerators", "exact"),
    ("정부는 3조 원을 투입한다.", "3조 원", 3e12, "KRW", "exact"),
    ("현대차그룹은 약 4조 3천억 원을 투자한다.", "약 4조 3천억 원", 4.3e12, "KRW", "about"),
    ("엔비디아는 시가총액 5조 달러를 기록했다.", "5조 달러", 5e12, "USD", "exact"),
    ("네이버클라우드는 6만 장 이상의 GPU를 확보한다.", "6만 장 이상", 60_000, "accelerators", "at_least"),
    ("과기정통부는 최대 5만 장의 GPU를 도입한다.", "최대 5만 장", 50_000, "accelerators", "up_to"),
    ("삼성전자는 GPU 5만 장이 넘는 규모의 공장을 짓는다.", "5만 장이 넘는", 50_000, "accelerators", "over"),
    ("삼성전자는 GPU 5만 장가량을 들여온다.", "5만 장가량", 50_000, "accelerators", "about"),
    ("삼성전자는 GPU 5만 장 미만을 들여온다.", "5만 장 미만", 50_000, "accelerators", "under"),
    ("삼성전자는 30억 달러가량을 투자한다.", "30억 달러가량", 3e9, "USD", "about"),
    ("AMD는 오픈AI에 6기가와트(GW) 규모의 GPU를 공급한다.", "6기가와트(GW)", 6e9, "W", "exact"),
    ("SK그룹의 데이터센터 전력은 1GW 이상이다.", "1GW 이상", 1e9, "W", "at_least"),
])
def test_korean_figures(extract, sentence, text, value, unit, qualifier):
    claims = extract(sentence)
    assert [(c.text, c.value, c.unit, c.qualifier) for c in claims] == [(text, value, unit, qualifier)]


@pytest.mark.parametrize("sentence, text, low, high, unit", [
    ("엔비디아는 한국에 GPU 수십만 장을 공급한다.", "수십만 장", 1e5, 1e6, "accelerators"),
    ("정부는 수조 원을 투입한다.", "수조 원", 1e12, 1e13, "KRW"),
    ("삼성전자는 수천억 원을 투자한다.", "수천억 원", 1e11, 1e12, "KRW"),
])
def test_korean_vague_amounts(extract, sentence, text, low, high, unit):
    (claim,) = extract(sentence)
    assert (claim.text, claim.low, claim.high, claim.unit, claim.qualifier) == (text, low, high, unit, "vague")


def test_words_starting_like_vague_amounts_are_not_figures(extract):
    assert extract("수출이 늘고 수요가 커졌다. 수조에 물을 채웠다.") == []


def test_korean_hedges_shape_the_interval(extract):
    (exact,) = extract("삼성전자는 GPU 5만 장을 들여온다.")
    assert (exact.low, exact.high) == (45_000, 55_000)  # precision of the last written digit, as in "50,000"
    (over,) = extract("삼성전자는 GPU 5만여 장을 들여온다.")
    assert over.low == 50_000 and not over.low_closed and over.high == float("inf")


@pytest.mark.parametrize("sentence", [
    "엔비디아는 2025년 10월 31일 경주에서 GPU 공급 계획을 발표했다.",
    "발표는 10월 30일 GPU 공급 협약 체결 직후에 나왔다.",
    "SK그룹 AI 팩토리의 1단계 공사는 2027년 말까지 마무리될 예정이다.",
    "GPU 추가 도입은 내년 하반기에 이뤄진다.",
    "SK텔레콤은 RTX PRO 6000 블랙웰 GPU로 클라우드를 연다.",
    "한국을 세계 3대 AI 강국으로 끌어올린다.",
    "삼성전자가 '최대 수혜'를 입는다.",
])
def test_dates_and_ranks_are_not_counts_or_sums(extract, sentence):
    """년, 월, 일 are no counters: a Korean date is at most a date claim, never a number of things."""
    assert [c for c in extract(sentence) if c.unit != "date"] == []


def test_korean_sentences_end_at_da_and_keep_numbers_with_commas():
    text = "과기정통부는 1,000억 원을 배정했다. 삼성전자는 5만 장. SK그룹은 5만 장 이상을 들여온다.다음 문장이다."
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == ["과기정통부는 1,000억 원을 배정했다.", "삼성전자는 5만 장.", "SK그룹은 5만 장 이상을 들여온다.",
                     "다음 문장이다."]


@pytest.mark.parametrize("alias, canonical", [
    ("엔비디아", "NVIDIA"), ("삼성전자", "Samsung Electronics"), ("SK그룹", "SK Group"), ("SK하이닉스", "SK hynix"),
    ("SK텔레콤", "SK Telecom"), ("현대자동차그룹", "Hyundai Motor Group"), ("네이버클라우드", "NAVER Cloud"),
    ("과학기술정보통신부", "South Korean government"), ("정부", "South Korean government"), ("SK", "SK Group"),
])
@pytest.mark.parametrize("particle", ["는", "가", "의", "와", ""])
def test_korean_names_with_particles_are_the_canonical_entities(rules, alias, canonical, particle):
    text = f"이번 발표에서 {alias}{particle} 언급됐다."
    names = [m.entity.name for m in rules.catalogue.mentions(text)]
    assert names == [canonical]


@pytest.mark.parametrize("alias, canonical", [("이재명 대통령", "Lee Jae-myung"), ("젠슨 황", "Jensen Huang")])
@pytest.mark.parametrize("particle", ["는", "가", "의", "와", ""])
def test_korean_names_of_people_with_particles(rules, alias, canonical, particle):
    from factcheck.people import People

    text = f"이번 발표에서 {alias}{particle} 언급됐다."
    assert [m.name for m in People(rules.catalogue).mentions(text)] == [canonical]
    assert rules.catalogue.mentions(text) == []  # people are never subjects of figures


def test_topic_particle_chooses_the_subject_and_a_list_starts_at_its_first_member(extract):
    (claim,) = extract("엔비디아는 삼성전자에 GPU 5만 장을 공급하고 현대차그룹은 별도로 투자한다.")
    assert claim.subject == "Samsung Electronics"  # the vendor is passed over, as in English
    (usd, krw) = extract("현대차그룹과 엔비디아가 투입하는 금액은 약 30억 달러(약 4조 3천억 원)에 이른다.")
    assert usd.subject == krw.subject == "Hyundai Motor Group"
    assert usd.attribute == krw.attribute == "investment"


def test_korean_channels_are_not_subjects(extract):
    claims = extract("과학기술정보통신부는 최대 5만 장의 GPU를 확보한다. 초기 물량은 블랙웰 GPU 1만 3000장으로, "
                     "네이버클라우드와 NHN클라우드, 카카오를 통해 공급된다.")
    assert [(c.text, c.subject, c.attribute) for c in claims] == [
        ("최대 5만 장", "South Korean government", "total"),
        ("1만 3000장", "South Korean government", "initial"),
    ]


def test_people_are_not_the_subject_of_a_figure(extract):
    (claim,) = extract("젠슨 황 CEO는 삼성전자가 GPU 5만 장을 들여온다고 말했다.")
    assert claim.subject == "Samsung Electronics"


# --------------------------------------------------------------------------- the fixtures


@pytest.fixture(scope="module")
def fixture_claims(rules):
    return {path.name: extract_claims(document_from_text(path.name, path.read_text(encoding="utf-8")), rules)
            for path in sorted(KO.glob("*.txt"))}


def _value(claim):
    """A claim's value as expected.yaml writes it: ISO strings for dates, None for a year not known."""
    if claim.unit != "date":
        return claim.value
    return iso(claim.value) if math.isfinite(claim.value) else None


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f"{f['file']}:{f['text']}")
def test_fixture_figures(fixture_claims, figure):
    claims = [c for c in fixture_claims[figure["file"]] if c.text == figure["text"]]
    if "context" in figure:
        claims = [c for c in claims if figure["context"] in c.quote]
    got = [(c.type, c.subject, _value(c), c.unit, c.qualifier) for c in claims]
    value = None if figure.get("year") == "unknown" else figure["value"]
    assert got == [(figure["type"], figure["subject"], value, figure["unit"], figure["qualifier"])]
    if "attribute" in figure:
        assert claims[0].attribute == figure["attribute"]


@pytest.mark.parametrize("name", ["ko_agree.txt", "ko_dispute.txt"])
def test_fixtures_yield_no_other_claims(fixture_claims, name):
    expected = sorted(f["text"] for f in FIGURES if f["file"] == name)
    assert sorted(c.text for c in fixture_claims[name]) == expected


@pytest.fixture(scope="module")
def with_seeds(rules):
    return scan([str(ROOT / "seeds"), str(KO)], rules)


def _group_of(result, name, text, context=None):
    for group in result.groups:
        for claim in group.claims:
            if claim.source.endswith(name) and claim.text == text and (context is None or context in claim.quote):
                return group
    raise AssertionError(f"{name}: {text} in no group")


@pytest.fixture(scope="module")
def each_with_seeds(rules):
    return {name: scan([str(ROOT / "seeds"), str(KO / name)], rules) for name in ("ko_agree.txt", "ko_dispute.txt")}


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f"{f['file']}:{f['text']}")
def test_verdicts_with_the_english_seeds(each_with_seeds, figure):
    """Each Korean article compared with the five English seeds."""
    group = _group_of(each_with_seeds[figure["file"]], figure["file"], figure["text"], figure.get("context"))
    assert group.verdict == figure["expect_with_seeds"]
    if figure["type"] == "date":  # compared with the seeds, a date without a year has one
        (claim,) = [c for c in group.claims if c.source.endswith(figure["file"]) and c.text == figure["text"]]
        assert _value(claim) == figure["value"]


def test_korean_total_joins_the_english_total(with_seeds):
    group = _group_of(with_seeds, "ko_dispute.txt", "26만 장")
    assert (group.subject, group.attribute, group.unit) == ("South Korea", "total", "accelerators")
    english = [c for c in group.claims if c.source.startswith(str(ROOT / "seeds"))]
    assert any(c.value == 260_000 for c in english) and len({c.source for c in english}) == 5


def test_planted_dispute_is_against_the_english_sources(with_seeds):
    group = _group_of(with_seeds, "ko_dispute.txt", "7만 장")
    assert group.subject == "Samsung Electronics" and group.verdict == "disputed"
    pairs = {frozenset((group.claims[i].source, group.claims[j].source)) for i, j in group.conflicts}
    assert any(str(KO / "ko_dispute.txt") in pair and any("/seeds/" in s for s in pair) for pair in pairs)


def test_won_and_dollars_are_never_one_group(with_seeds):
    for group in with_seeds.groups:
        assert len({c.unit for c in group.claims}) == 1
    krw = _group_of(with_seeds, "ko_dispute.txt", "약 4조 3천억 원")
    assert krw.unit == "KRW" and krw.verdict == "single"


def test_korean_rule_examples_hold(rules):
    """The Korean examples written in the rule files are what the rules find."""
    checked = 0
    for rule in rules.rules:
        for example in rule.examples:
            if not regex.search(r"\p{Hangul}", example["text"]):
                continue
            claims = [c for c in extract_claims(document_from_text("x.txt", example["text"]), rules)
                      if c.type == rule.type]
            assert len(claims) == len(example["expect"]), example["text"]
            for claim, expect in zip(claims, example["expect"]):
                assert differences(expect, claim) == [], example["text"]  # dates compared as ISO strings
            checked += 1
    assert checked >= 5


def test_group_claims_keeps_korean_and_english_together(rules):
    english = extract_claims(document_from_text("en.txt", "Samsung Electronics will receive 50,000 GPUs."), rules)
    korean = extract_claims(document_from_text("ko.txt", "삼성전자는 GPU 5만 장을 들여온다."), rules)
    (group,) = group_claims(english + korean, rules)
    assert group.verdict == "agreed" and group.sources == ["en.txt", "ko.txt"]


# --------------------------------------------------------------------------- won and dollars


def _rules_with_rate(tmp_path, rate_lines: str):
    from factcheck.rules import load_rules, packaged_rules_dir

    folder = tmp_path / "rules"
    folder.mkdir()
    money = (packaged_rules_dir() / "money.yaml").read_text(encoding="utf-8")
    (folder / "money.yaml").write_text(money + "\nexchange_rates:\n" + rate_lines, encoding="utf-8")
    return load_rules([folder])


def test_a_stated_exchange_rate_compares_won_with_dollars_and_says_so(tmp_path):
    rules = _rules_with_rate(tmp_path, "  - {pair: USD/KRW, rate: 1431.5, date: 2025-10-31}\n")
    result = scan([str(ROOT / "seeds"), str(KO / "ko_dispute.txt")], rules)
    group = _group_of(result, "ko_dispute.txt", "약 4조 3천억 원")
    assert (group.subject, group.unit, group.verdict) == ("Hyundai Motor Group", "USD", "agreed")
    assert any(c.text == "approximately $3 billion" for c in group.claims)
    assert "KRW figures converted at USD/KRW 1,431.5 of 2025-10-31" in group.note
    (won,) = [c for c in group.claims if c.text == "약 4조 3천억 원"]
    assert won.extra["converted_from"]["unit"] == "KRW" and won.value == pytest.approx(4.3e12 / 1431.5)
    assert [c.unit for c in result.claims if c.text == "약 4조 3천억 원"] == ["KRW"]  # extraction is unchanged


def test_a_different_rate_can_make_a_dispute(tmp_path):
    rules = _rules_with_rate(tmp_path, "  - {pair: USD/KRW, rate: 1000, date: 2020-01-01}\n")
    article = tmp_path / "won.txt"
    article.write_text("현대자동차그룹은 피지컬 AI에 약 4조 3천억 원을 투자한다.\n", encoding="utf-8")
    result = scan([str(ROOT / "seeds"), str(article)], rules)
    group = _group_of(result, "won.txt", "약 4조 3천억 원")
    assert group.verdict == "disputed" and "of 2020-01-01" in group.note


def test_an_exchange_rate_needs_its_date(tmp_path):
    from factcheck.rules import RuleError

    with pytest.raises(RuleError, match=r"money\.yaml: exchange_rates\[0\]: an exchange rate needs the date"):
        _rules_with_rate(tmp_path, "  - {pair: USD/KRW, rate: 1431.5}\n")


def test_a_vendor_first_in_the_subject_list_is_passed_over(extract):
    (claim,) = extract("엔비디아와 삼성전자가 GPU 5만 장 규모의 공장을 짓는다.")
    assert claim.subject == "Samsung Electronics"


@pytest.mark.parametrize("text, names", [
    ("오픈AI와의 계약", ["OpenAI"]),
    ("마이크로소프트에서도 구글과 아마존을 언급했다", ["Microsoft", "Google", "Amazon"]),
    ("메타버스와 한국형 AI, 정부청사", []),  # longer words that start like a name
    ("SK이노베이션", []),
    ("정부에서는", ["South Korean government"]),
])
def test_korean_particles_attach_but_longer_words_do_not_match(rules, text, names):
    assert [m.entity.name for m in rules.catalogue.mentions(text)] == names


def test_korean_deal_with_another_catalogue_company(extract):
    (claim,) = extract("엔비디아는 오픈AI에 최대 1000억 달러를 투자한다.")
    assert (claim.subject, claim.value, claim.unit, claim.qualifier, claim.attribute) == (
        "NVIDIA", 1e11, "USD", "up_to", "investment")


@pytest.mark.parametrize("sentence, attribute", [
    ("삼성전자는 올해 설비투자에 50조 원을 쓴다.", "spending"),
    ("삼성전자는 50조 원을 투자한다.", "investment"),
    ("SK하이닉스는 올해 매출 100조 원을 돌파했다.", "revenue"),
    ("오라클은 오픈AI와 3000억 달러 규모의 클라우드 계약을 체결했다.", "contract value"),
    ("오픈AI는 내년 하반기 1GW 규모의 GPU를 처음 도입한다.", "initial"),
])
def test_korean_attribute_cues(extract, sentence, attribute):
    (claim,) = extract(sentence)
    assert claim.attribute == attribute
