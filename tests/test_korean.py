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


# --------------------------------------------------------------------------- dates

PUB = dt.date(2025, 11, 1)  # a Saturday


def _span(phrase, pub=PUB, **kw):
    figure = parse_date_phrase(phrase, pub, **kw)
    assert figure is not None, phrase
    return iso(figure.interval.low), iso(figure.interval.high), figure.qualifier


KOREAN_DATES = [
    # a day, a month, a year, with the precision written
    ("2025년 10월 31일", ("2025-10-31", "2025-10-31", "exact"), "day"),
    ("10월 30일", ("2025-10-30", "2025-10-30", "exact"), "day"),  # the year from the publication date
    ("2025년 10월", ("2025-10-01", "2025-10-31", "exact"), "month"),
    ("2027년", ("2027-01-01", "2027-12-31", "exact"), "year"),
    # the thirds of a year and of a month, as early/mid/late in English
    ("2027년 말", ("2027-09-01", "2027-12-31", "exact"), "late year"),
    ("2026년 초", ("2026-01-01", "2026-04-30", "exact"), "early year"),
    ("2026년 중반", ("2026-05-01", "2026-08-31", "exact"), "mid year"),
    ("2025년 10월 말", ("2025-10-21", "2025-10-31", "exact"), "late month"),
    ("10월 중순", ("2025-10-11", "2025-10-20", "exact"), "mid month"),
    # halves and quarters
    ("2026년 상반기", ("2026-01-01", "2026-06-30", "exact"), "half"),
    ("2026년 하반기", ("2026-07-01", "2026-12-31", "exact"), "half"),
    ("2026년 1분기", ("2026-01-01", "2026-03-31", "exact"), "quarter"),
    ("2026년 4분기", ("2026-10-01", "2026-12-31", "exact"), "quarter"),
    # relative to the publication date
    ("내년", ("2026-01-01", "2026-12-31", "exact"), "year"),
    ("올해", ("2025-01-01", "2025-12-31", "exact"), "year"),
    ("작년", ("2024-01-01", "2024-12-31", "exact"), "year"),
    ("지난해", ("2024-01-01", "2024-12-31", "exact"), "year"),
    ("내년 상반기", ("2026-01-01", "2026-06-30", "exact"), "half"),
    ("내년 하반기", ("2026-07-01", "2026-12-31", "exact"), "half"),
    ("내년 말", ("2026-09-01", "2026-12-31", "exact"), "late year"),
    ("올해 초", ("2025-01-01", "2025-04-30", "exact"), "early year"),
    ("올 하반기", ("2025-07-01", "2025-12-31", "exact"), "half"),
    ("작년 말", ("2024-09-01", "2024-12-31", "exact"), "late year"),
    ("내년 1분기", ("2026-01-01", "2026-03-31", "exact"), "quarter"),
    ("내년 3월", ("2026-03-01", "2026-03-31", "exact"), "month"),
    ("연말", ("2025-09-01", "2025-12-31", "exact"), "late year"),
    ("지난달", ("2025-10-01", "2025-10-31", "exact"), "month"),
    ("이달 말", ("2025-11-21", "2025-11-30", "exact"), "late month"),
    ("어제", ("2025-10-31", "2025-10-31", "exact"), "day"),
    ("31일", ("2025-10-31", "2025-10-31", "exact"), "day"),  # the day of the publication month, or the one before
    # hedges after the date
    ("2027년 말까지", (None, "2027-12-31", "up_to"), "late year"),
    ("내년 하반기까지", (None, "2026-12-31", "up_to"), "half"),
    ("연내", (None, "2025-12-31", "up_to"), "year"),
    ("2026년부터", ("2026-01-01", None, "at_least"), "year"),
    ("2027년 이후", ("2027-01-01", None, "at_least"), "year"),
    ("2026년 10월 31일 이전", (None, "2026-10-31", "up_to"), "day"),
    # "around" keeps the period
    ("2027년경", ("2027-01-01", "2027-12-31", "exact"), "year"),
]


@pytest.mark.parametrize("phrase, expected, precision", KOREAN_DATES, ids=[d[0] for d in KOREAN_DATES])
def test_korean_date_phrases_read_as_intervals(phrase, expected, precision):
    assert _span(phrase) == expected
    assert dict(parse_date_phrase(phrase, PUB).notes)["precision"] == precision


@pytest.mark.parametrize("korean, english", [
    ("2025년 10월 31일", "October 31, 2025"), ("2027년 말", "late 2027"), ("2027년 말까지", "by late 2027"),
    ("2026년 하반기", "the second half of 2026"), ("2026년 3분기", "Q3 2026"), ("내년 하반기", "the second half of next year"),
    ("내년", "next year"), ("지난해", "last year"), ("2026년부터", "from 2026"), ("10월 30일", "October 30"),
])
def test_a_korean_date_is_the_same_interval_as_its_english_phrase(korean, english):
    assert _span(korean) == _span(english)
    assert _span(korean, pub=dt.date(2026, 1, 5)) == _span(english, pub=dt.date(2026, 1, 5))


def test_relative_korean_dates_say_so_and_stay_unresolved_without_a_publication_date():
    notes = dict(parse_date_phrase("내년 하반기", PUB).notes)
    assert notes["relative"] is True and notes["year"] == "publication date"
    for phrase in ("내년", "올해", "지난해", "내년 하반기", "연말", "지난달", "어제", "31일"):
        assert parse_date_phrase(phrase, None) is None, phrase
    undated = parse_date_phrase("10월 30일", None)
    assert dict(undated.notes)["year"] == "unknown" and math.isnan(undated.value)
    assert iso(parse_date_phrase("10월 30일", None, year=2025).value) == "2025-10-30"


def test_a_korean_date_without_a_year_takes_the_tense():
    pub = dt.date(2025, 9, 20)
    assert _span("3월 3일", pub)[0] == "2025-03-03"
    assert _span("3월 3일", pub, tense="future")[0] == "2026-03-03"
    assert _span("오는 3월 3일", pub)[0] == "2026-03-03"  # 오는: coming
    assert _span("지난 10월 15일", pub)[0] == "2024-10-15"  # 지난: this past


@pytest.mark.parametrize("phrase", [
    "1단계", "세계 3대", "30세", "30대", "1990년생", "10년", "10년 만에", "2000년대", "3개월", "2025년 3분기 실적",
    "2026년 매출", "월요일", "오늘날", "13월 5일", "2월 30일",
])
def test_korean_words_that_are_no_dates(phrase):
    assert parse_date_phrase(phrase, PUB) is None


def _dates(extract, text, pub="2025-11-01"):
    front = f"---\npub_date: {pub}\n---\n" if pub else ""
    return [(c.text, c.subject, c.attribute, c.qualifier, iso(c.low), iso(c.high))
            for c in extract(front + text) if c.unit == "date"]


@pytest.mark.parametrize("sentence, attribute", [
    ("엔비디아는 2025년 10월 31일 경주에서 GPU 공급 계획을 발표했다.", "announcement"),
    ("엔비디아는 2025년 10월 31일 신형 GPU를 공개했다.", "announcement"),
    ("엔비디아는 2025년 10월 31일 신형 GPU를 선보였다.", "announcement"),
    ("오라클은 2025년 9월 오픈AI와 클라우드 계약을 체결했다.", "signing"),
    ("오라클은 2025년 9월 오픈AI와 계약서에 서명했다.", "signing"),
    ("SK그룹은 2027년 말 1단계를 완공할 예정이다.", "completion"),
    ("SK그룹의 울산 공장은 2027년 준공된다.", "completion"),
    ("SK그룹 AI 팩토리의 1단계 공사는 2027년 말까지 마무리될 예정이다.", "completion"),
    ("현대차그룹은 2026년 상반기 공장 가동에 들어간다.", "opening"),
    ("엔비디아는 2026년 서울에 연구소 문을 연다.", "opening"),
    ("삼성전자는 2026년 1분기 신제품을 출시한다.", "launch"),
    ("네이버클라우드는 2026년 서비스를 시작한다.", "start"),
    ("정부는 2026년 3월 사업에 착수한다.", "start"),
    ("엔비디아는 2026년 GPU를 공급한다.", "delivery"),
    ("엔비디아는 2026년 GPU를 납품한다.", "delivery"),
    ("삼성전자는 2026년 하반기부터 GPU 공급을 시작한다.", "start of deliveries"),
    ("과기정통부는 2026년 GPU를 국가AI컴퓨팅센터에 배치한다.", "deployment"),
    ("브로드컴은 2026년 10월 인수를 완료할 예정이다.", "closing"),
    ("삼성전자는 2026년 출시 계획을 밝혔다.", "launch"),  # the date right before the event noun of a plan
    ("SK그룹의 완공 목표는 2027년 말이다.", "completion"),  # the event, then its date
    ("2025년 10월 31일 경주에서 열린 행사에서 엔비디아는 협력 방안을 공개했다.", "announcement"),
])
def test_korean_event_words_name_the_english_attributes(extract, sentence, attribute):
    (claim,) = _dates(extract, sentence)
    assert claim[2] == attribute


def test_korean_date_claims_have_subjects_from_particles(extract):
    assert _dates(extract, "엔비디아는 10월 30일 이 같은 협력 방안을 발표했다.") == [
        ("10월 30일", "NVIDIA", "announcement", "exact", "2025-10-30", "2025-10-30")]
    assert _dates(extract, "SK그룹 AI 팩토리의 1단계 공사는 2027년 말까지 마무리될 예정이다.") == [
        ("2027년 말까지", "SK Group", "completion", "up_to", None, "2027-12-31")]
    assert _dates(extract, "현대차그룹은 내년 하반기 공장을 가동한다.") == [
        ("내년 하반기", "Hyundai Motor Group", "opening", "exact", "2026-07-01", "2026-12-31")]


@pytest.mark.parametrize("sentence", [
    "엔비디아는 2025년 10월 31일 경주를 찾았다.",  # no event word
    "SK그룹은 2027년 말 AI 팩토리의 규모를 키운다.",
    "삼성전자는 2025년 3분기 실적을 발표했다.",  # a reporting period
    "2022년 설립된 이 회사는 신제품을 출시했다.",  # the date of another verb
    "2022년 세워진 이 회사는 신제품을 출시했다.",  # a past verb describing the topic
    "이 회사는 10년 만에 신제품을 출시했다.",  # a duration
    "SK그룹은 1단계 공사를 완공했다.",  # a phase
    "정부는 한국을 세계 3대 AI 강국으로 만드는 계획을 발표했다.",  # a ranking
    "30세 이하 창업자 30명이 2000년대 이후 출시된 제품을 썼다.",  # ages, a decade
    "엔비디아는 올해 가동률을 높였다.",  # 가동률 is a rate, not an opening
    "삼성전자는 2026년 신제품 출시 계획을 발표했다.",  # neither the launch nor the announcement for sure
    "엔비디아는 2025년 10월 31일 시가총액 5조 달러를 기록한 직후 새 계획을 발표했다.",  # 직후: after another event
])
def test_korean_dates_without_their_event_are_no_claims(extract, sentence):
    assert _dates(extract, sentence) == []


def test_without_a_publication_date_korean_relative_dates_make_no_claim_and_years_stay_open(extract):
    assert _dates(extract, "현대차그룹은 내년 하반기 공장을 가동한다.", pub=None) == []
    (claim,) = [c for c in extract("엔비디아는 10월 30일 협력 방안을 발표했다.") if c.unit == "date"]
    assert claim.extra["year"] == "unknown" and math.isnan(claim.value)


def test_an_earlier_korean_full_date_gives_the_year(extract):
    text = "엔비디아는 2024년 11월 5일 신형 GPU를 공개했다. 삼성전자는 10월 30일 GPU 공급 계약을 체결했다."
    claims = [c for c in extract(text) if c.unit == "date"]
    assert [(c.text, iso(c.value), c.extra["year"]) for c in claims] == [
        ("2024년 11월 5일", "2024-11-05", "stated"), ("10월 30일", "2024-10-30", "earlier date in the text")]


def test_korean_tense_chooses_the_year_of_a_year_less_date(extract):
    past = _dates(extract, "오라클은 3월 3일 계약을 체결했다.", pub="2025-09-20")
    future = _dates(extract, "SK그룹은 3월 3일 공장을 완공할 예정이다.", pub="2025-09-20")
    assert past[0][4] == "2025-03-03" and future[0][4] == "2026-03-03"


def test_korean_and_english_announcement_dates_are_judged_together(rules):
    english = extract_claims(document_from_text("en.txt", "Nvidia announced the partnership on October 31, 2025."),
                             rules)
    korean = extract_claims(document_from_text("ko.txt", "엔비디아는 10월 30일 협력 방안을 발표했다."), rules)
    (group,) = group_claims(english + korean, rules)
    assert (group.type, group.subject, group.attribute) == ("date", "NVIDIA", "announcement")
    assert group.verdict == "disputed"
    same_day = extract_claims(document_from_text("ko2.txt", "엔비디아는 2025년 10월 31일 협력 방안을 발표했다."), rules)
    (group,) = group_claims(english + same_day, rules)
    assert group.verdict == "agreed"


def test_korean_by_late_2027_agrees_with_english_late_2027(rules):
    english = extract_claims(document_from_text("en.txt", "SK Group plans completion of the first phase by late 2027."),
                             rules)
    korean = extract_claims(document_from_text("ko.txt", "SK그룹은 2027년 말까지 1단계를 완공한다."), rules)
    (group,) = group_claims(english + korean, rules)
    assert (group.subject, group.attribute, group.verdict) == ("SK Group", "completion", "agreed")


def test_the_korean_announcement_dates_join_the_seeds(with_seeds):
    agree = _group_of(with_seeds, "ko_agree.txt", "2025년 10월 31일")
    dispute = _group_of(with_seeds, "ko_dispute.txt", "10월 30일")
    assert agree is dispute and (agree.subject, agree.attribute, agree.unit) == ("NVIDIA", "announcement", "date")
    texts = {c.text for c in agree.claims}
    assert {"October 31, 2025", "October 30", "2025년 10월 31일", "10월 30일"} <= texts
    assert agree.verdict == "disputed"
    pairs = {frozenset((agree.claims[i].text, agree.claims[j].text)) for i, j in agree.conflicts}
    assert frozenset(("10월 30일", "October 31, 2025")) in pairs or frozenset(("10월 30일", "2025년 10월 31일")) in pairs
