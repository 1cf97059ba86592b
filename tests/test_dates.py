"""Dates: the phrase forms, publication dates, date claims in scans, and their verdicts."""

from __future__ import annotations

import datetime as dt
import json
import math
import textwrap
from pathlib import Path

import pytest
import regex
import time_machine
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.compare import group_claims
from factcheck.dates import PIECES, date_figure, iso, parse_date_phrase, parse_pub_date_override
from factcheck.documents import document_from_text
from factcheck.extract import extract_claims
from factcheck.report import json as json_report
from factcheck.rules import RuleError, load_rules
from factcheck.scan import scan

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

PUB = dt.date(2025, 11, 1)  # a Saturday


def span(text, pub=PUB, **kw):
    """(low, high, qualifier) of a phrase as ISO strings (None for an open end)."""
    f = parse_date_phrase(text, pub, **kw)
    assert f is not None, text
    return iso(f.interval.low), iso(f.interval.high), f.qualifier


# --------------------------------------------------------------------------- the forms of point 3

FORMS = [
    # a day: the closed interval [d, d]
    ("October 31, 2025", ("2025-10-31", "2025-10-31", "exact")),
    ("31 October 2025", ("2025-10-31", "2025-10-31", "exact")),
    ("Oct. 31, 2025", ("2025-10-31", "2025-10-31", "exact")),
    ("2025-10-31", ("2025-10-31", "2025-10-31", "exact")),
    ("Monday, June 8, 2026", ("2026-06-08", "2026-06-08", "exact")),
    # a month
    ("October 2025", ("2025-10-01", "2025-10-31", "exact")),
    ("February 2028", ("2028-02-01", "2028-02-29", "exact")),
    # quarters
    ("Q3 2026", ("2026-07-01", "2026-09-30", "exact")),
    ("the fourth quarter of 2026", ("2026-10-01", "2026-12-31", "exact")),
    ("the third quarter", ("2025-07-01", "2025-09-30", "exact")),  # year from the publication date
    # halves
    ("the second half of 2026", ("2026-07-01", "2026-12-31", "exact")),
    ("H2 2026", ("2026-07-01", "2026-12-31", "exact")),
    ("first half of 2027", ("2027-01-01", "2027-06-30", "exact")),
    # documented thirds of a year, and of a month
    ("early 2027", ("2027-01-01", "2027-04-30", "exact")),
    ("mid-2027", ("2027-05-01", "2027-08-31", "exact")),
    ("late 2027", ("2027-09-01", "2027-12-31", "exact")),
    ("the end of 2027", ("2027-09-01", "2027-12-31", "exact")),
    ("late October 2025", ("2025-10-21", "2025-10-31", "exact")),
    ("early February 2026", ("2026-02-01", "2026-02-10", "exact")),
    # a year
    ("2027", ("2027-01-01", "2027-12-31", "exact")),
    # ranges; an end without a year takes the other's
    ("between March and June 2026", ("2026-03-01", "2026-06-30", "range")),
    ("2026-2028", ("2026-01-01", "2028-12-31", "range")),
    ("from 2026 to 2028", ("2026-01-01", "2028-12-31", "range")),
    ("Q3-Q4 2026", ("2026-07-01", "2026-12-31", "range")),
    ("December to March 2026", ("2025-12-01", "2026-03-31", "range")),
    # bounds
    ("by late 2027", (None, "2027-12-31", "up_to")),
    ("by the end of 2027", (None, "2027-12-31", "up_to")),
    ("before 2027", (None, "2027-01-01", "under")),
    ("since March 2024", ("2024-03-01", None, "at_least")),
    ("after 2026", ("2026-12-31", None, "over")),
    # relative to the publication date (Saturday 1 November 2025)
    ("last week", ("2025-10-20", "2025-10-26", "exact")),
    ("Monday", ("2025-10-27", "2025-10-27", "exact")),
    ("Saturday", ("2025-11-01", "2025-11-01", "exact")),  # the day of publication itself
    ("yesterday", ("2025-10-31", "2025-10-31", "exact")),
    ("next year", ("2026-01-01", "2026-12-31", "exact")),
    ("late next year", ("2026-09-01", "2026-12-31", "exact")),
    ("last month", ("2025-10-01", "2025-10-31", "exact")),
    ("three months ago", ("2025-08-01", "2025-08-31", "exact")),
    ("later this year", ("2025-11-02", "2025-12-31", "exact")),
    ("next quarter", ("2026-01-01", "2026-03-31", "exact")),
    ("last quarter", ("2025-07-01", "2025-09-30", "exact")),
    ("the last quarter of 2026", ("2026-10-01", "2026-12-31", "exact")),
    ("this week", ("2025-10-27", "2025-11-02", "exact")),
    ("earlier this week", ("2025-10-27", "2025-10-31", "exact")),
    ("two years ago", ("2023-01-01", "2023-12-31", "exact")),
]


@pytest.mark.parametrize("phrase, expected", FORMS, ids=[f[0] for f in FORMS])
def test_date_forms(phrase, expected):
    assert span(phrase) == expected


def test_a_day_value_is_the_day_and_a_period_value_its_middle():
    day = parse_date_phrase("October 31, 2025")
    assert day.value == day.interval.low == day.interval.high == dt.date(2025, 10, 31).toordinal()
    year = parse_date_phrase("2026")
    assert iso(year.value) == "2026-07-02"
    bound = parse_date_phrase("by late 2027")
    assert iso(bound.value) == "2027-12-31" and math.isinf(bound.interval.low)


def test_a_date_without_a_year_takes_the_nearest_year_not_far_after_publication():
    assert span("December 30", dt.date(2026, 1, 5))[0] == "2025-12-30"
    assert span("January 3", dt.date(2025, 12, 20))[0] == "2026-01-03"
    assert span("October 30", PUB)[0] == "2025-10-30"
    assert span("late October", PUB)[:2] == ("2025-10-21", "2025-10-31")
    # nearer, but far after publication: the year before
    assert span("March 3", dt.date(2025, 9, 20))[0] == "2025-03-03"
    # unless the words around it say it is to come, or that it is past
    assert span("March 3", dt.date(2025, 9, 20), tense="future")[0] == "2026-03-03"
    assert span("October 15", dt.date(2025, 9, 20), tense="past")[0] == "2024-10-15"


def test_tense_comes_from_the_words_around_the_date(extract):
    text = ("---\npub_date: 2025-09-20\n---\nOracle signed the contract on 3 March. The plant will be completed "
            "on March 3. OpenAI, which was valued at $500 billion in October, plans to open an office in December.\n")
    got = {(c.attribute, c.extra["tense"]): iso(c.low) for c in extract(text) if c.unit == "date"}
    assert got == {("signing", "past"): "2025-03-03", ("completion", "future"): "2026-03-03",
                   ("valuation", "past"): "2024-10-01", ("opening", "future"): "2025-12-01"}


def test_without_a_publication_date_relative_dates_are_kept_as_written_and_years_unknown():
    for phrase, written in [("last week", "last week"), ("next year", "next year"), ("Monday", "Monday"),
                            ("Tuesday morning", "Tuesday"), ("late Friday", "Friday"), ("by Friday", "by Friday")]:
        kept = parse_date_phrase(phrase)
        assert math.isnan(kept.value) and math.isinf(kept.interval.low) and math.isinf(kept.interval.high), phrase
        assert dict(kept.notes)["as_written"] == written and dict(kept.notes)["year"] == "unknown"
    undated = parse_date_phrase("October 30")
    assert math.isnan(undated.value) and dict(undated.notes)["year"] == "unknown"
    placed = parse_date_phrase("October 30", context_date=dt.date(2024, 12, 1))
    assert iso(placed.value) == "2024-10-30" and dict(placed.notes)["year"] == "earlier date in the text"
    assert span("October 2025", None)[:2] == ("2025-10-01", "2025-10-31")  # a stated year needs nothing


def test_dates_relative_to_another_event_stay_unresolved(extract):
    assert parse_date_phrase("a week on", PUB) is None
    assert parse_date_phrase("three months after", PUB) is None
    text = ("---\npub_date: 2025-11-01\n---\nA week on, Samsung announced more. Nvidia reached the milestone "
            "three months after becoming the first to be valued at $4 trillion.\n")
    assert [c for c in extract(text) if c.unit == "date"] == []


def test_fiscal_years_follow_the_entity_catalogue(rules):
    nvidia = rules.catalogue.get("NVIDIA")
    doc = document_from_text("n.txt", "NVIDIA's fiscal year 2026 revenue.\n")
    fy = date_figure("fiscal year 2026", doc, doc.text.index("fiscal"), None, rules.catalogue)
    assert (iso(fy.interval.low), iso(fy.interval.high)) == ("2025-02-01", "2026-01-31")  # ends late January 2026
    q3 = parse_date_phrase("Q3 FY2026", fiscal_year_end="January")
    assert (iso(q3.interval.low), iso(q3.interval.high)) == ("2025-08-01", "2025-10-31")
    assert dict(nvidia.extra)["fiscal_year_end"] == "January"
    # a company without a known calendar: every fiscal year named 2027 fits in the interval
    unknown = parse_date_phrase("fiscal 2027")
    assert (iso(unknown.interval.low), iso(unknown.interval.high)) == ("2026-02-01", "2027-12-31")
    assert "unknown" in dict(unknown.notes)["fiscal_calendar"]
    calendar_q = parse_date_phrase("Q3 2026")
    assert iso(calendar_q.interval.low) == "2026-07-01"


@pytest.mark.parametrize("today", [dt.datetime(2031, 3, 14, 12, 0), dt.datetime(1999, 12, 31, 23, 0)])
def test_results_do_not_depend_on_todays_date(today):
    phrases = [p for p, _ in FORMS] + ["December 30", "October 30", "fiscal 2027"]
    no_pub = [repr(parse_date_phrase(p)) for p in phrases]  # repr: NaN values compare unequal
    with time_machine.travel(today, tick=False):
        assert dt.date.today().year == today.year
        for phrase, expected in FORMS:
            assert span(phrase) == expected, phrase
        assert [repr(parse_date_phrase(p)) for p in phrases] == no_pub
        result = scan([str(SEEDS)])
    (group,) = [g for g in result.groups if g.unit == "date" and g.attribute == "announcement"
                and any(c.text == "October 31, 2025" for c in g.claims)]
    assert group.verdict == "disputed"
    assert {iso(c.value) for c in group.claims} == {"2025-10-30", "2025-10-31"}


@settings(max_examples=200, deadline=None)
@given(day=st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), pub=st.dates(dt.date(1950, 6, 1), dt.date(2090, 6, 1)))
def test_written_days_read_back(day, pub):
    month = day.strftime("%B")
    full = parse_date_phrase(f"{month} {day.day}, {day.year}", pub)
    assert full.interval.low == full.interval.high == full.value == day.toordinal()
    yearless = parse_date_phrase(f"{day.day} {month}", pub)
    if yearless is not None:  # None only for 29 February in years around pub that have none
        got = dt.date.fromordinal(int(yearless.value))
        assert (got.month, got.day) == (day.month, day.day)
        if (day.month, day.day) != (2, 29):  # a leap day may have to come from a further year
            assert -274 <= (got - pub).days <= 92  # the nearest such day not far after publication


_WORDS = ["by", "late", "early", "2027", "2026", "Q3", "H2", "FY26", "fiscal", "October", "30", "31,", "the", "second",
          "half", "of", "quarter", "last", "next", "week", "year", "Monday", "between", "and", "to", "-", "March", "May",
          "29", "February", "since", "after", "today", "ago", "three", "months", "end", "2,000", "95%"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7), st.sampled_from([None, PUB, dt.date(2024, 2, 29)]))
def test_any_phrase_reads_as_a_date_or_none(words, pub):
    figure = parse_date_phrase(" ".join(words), pub)
    if figure is not None and math.isfinite(figure.value):
        iv = figure.interval
        assert iv.low <= figure.value <= iv.high


def test_the_date_piece_finds_nothing_in_numbers_that_are_not_dates():
    piece = regex.compile(PIECES["date"])
    for text in ("95%", "6000", "2,000", "6G", "sixth-generation", "$2025", "2025%", "RTX PRO 6000", "1.2025",
                 "in 2000 racks", "v2026", "3Q", "H2O", "May I"):
        assert piece.search(text) is None, text


# --------------------------------------------------------------------------- publication dates


def test_publication_dates_of_the_seeds():
    result = scan([str(SEEDS)], group=False)
    dates = {Path(s.path).name[:3]: (s.pub_date, s.pub_date_origin) for s in result.sources}
    assert dates == {"000": ("2025-11-01", "front matter"), "001": ("2025-11-01", "dateline"),
                     "002": (None, None), "003": (None, None), "004": (None, None)}


def test_dateline_with_a_weekday():
    doc = document_from_text("w.txt", "Markets note\n\nTuesday, March 10, 2026\n\nShares rose.\n")
    assert (doc.pub_date, doc.pub_date_origin) == ("2026-03-10", "dateline")


def test_pub_date_override_resolves_relative_dates(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Samsung announced the plan last week.\n")
    (kept,) = scan([str(article)], group=False).claims  # no publication date: kept as written, no date
    assert kept.extra["as_written"] == "last week" and math.isnan(kept.value)
    result = scan([str(article)], group=False, pub_dates={"a.txt": "2025-11-06"})
    assert result.sources[0].pub_date_origin == "option"
    (claim,) = result.claims
    assert (iso(claim.low), iso(claim.high)) == ("2025-10-27", "2025-11-02")
    assert scan([str(article)], pub_dates={"b.txt": "2025-11-06"}).failed_inputs


def test_pub_date_override_syntax():
    assert parse_pub_date_override("seeds/004.txt=2025-11-06") == ("seeds/004.txt", "2025-11-06")
    for bad in ("2025-11-06", "a.txt=2025-13-01", "a.txt=yesterday"):
        with pytest.raises(ValueError, match="--pub-date"):
            parse_pub_date_override(bad)


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_scan():
    return scan([str(SEEDS)])


def _date_claims(result):
    return [c for c in result.claims if c.unit == "date"]


def test_the_announcement_date_is_disputed_and_both_are_quoted(seed_scan):
    (group,) = [g for g in seed_scan.groups if g.unit == "date" and g.attribute == "announcement"
                and any(c.text == "October 31, 2025" for c in g.claims)]
    assert group.verdict == "disputed"
    quoted = {Path(c.source).name[:3]: c for c in group.claims}
    assert quoted["001"].text == "October 31, 2025" and "unveiled on October 31, 2025" in quoted["001"].quote
    assert quoted["004"].text == "October 30" and "APEC Summit on October 30" in quoted["004"].quote
    # 004 has no publication date and no full date: the year is assumed from the other source, and says so
    assert quoted["004"].extra["year"] == "assumed 2025 from other sources"
    assert group.conflicts


def test_the_five_trillion_valuation_date_and_the_late_2027_completion(seed_scan):
    claims = _date_claims(seed_scan)
    (valuation,) = [c for c in claims if c.text == "October 29, 2025"]
    assert (valuation.subject, valuation.attribute, iso(valuation.value)) == ("NVIDIA", "valuation", "2025-10-29")
    late = [c for c in claims if c.subject == "SK Group" and c.text == "late 2027"]
    assert late and late[0].attribute == "completion"
    assert (iso(late[0].low), iso(late[0].high)) == ("2027-09-01", "2027-12-31")
    by_late = [c for c in claims if c.subject == "SK Group" and c.text == "by late 2027"]
    assert by_late and by_late[0].qualifier == "up_to" and iso(by_late[0].high) == "2027-12-31"


def test_year_unknown_claims_say_so_in_the_claim_list(seed_scan):
    (undated,) = [c for c in _date_claims(seed_scan) if c.text == "October 30"]
    assert undated.extra["year"] == "unknown"
    data = json_report.claim_dict(undated)
    assert data["value"] is None and data["low"] is None and data["high"] is None


def test_no_date_claims_from_numbers_that_are_not_dates(extract):
    text = ("Nvidia announced that it used to have 95% share. It launched 6000 units and will deliver 2,000 racks. "
            "The company unveiled 6G plans and a sixth-generation chip, opening in 2,000 sites.")
    assert [c for c in extract(text) if c.unit == "date"] == []


# --------------------------------------------------------------------------- verdicts


def _group_of(texts, rules, pub="2025-11-01"):
    docs = [document_from_text(f"s{i}.md", f"---\npub_date: {pub}\n---\n{t}\n") for i, t in enumerate(texts)]
    claims = [c for d in docs for c in extract_claims(d, rules) if c.unit == "date"]
    groups = group_claims(claims, rules)
    assert len(groups) == 1, [(g.subject, g.attribute, [c.text for c in g.claims]) for g in groups]
    return groups[0]


@pytest.mark.parametrize("first, second, verdict", [
    ("Samsung will complete the plant in late 2027.", "Samsung will complete the plant by the end of 2027.",
     "compatible"),
    ("Samsung unveiled the plan on October 12, 2025.", "Samsung unveiled the plan in October 2025.", "compatible"),
    ("Samsung unveiled the plan on October 30.", "Samsung unveiled the plan on October 31, 2025.", "disputed"),
    ("Samsung signed the deal on October 30, 2025.", "Samsung signed the deal on Oct. 30, 2025.", "agreed"),
    ("Samsung will open the plant in Q3 2026.", "Samsung will open the plant in the second half of 2026.",
     "compatible"),
    ("Samsung will open the plant in Q1 2026.", "Samsung will open the plant in the second half of 2026.",
     "disputed"),
])
def test_date_verdicts(rules, first, second, verdict):
    assert _group_of([first, second], rules).verdict == verdict


def test_an_undated_claim_with_nothing_to_go_by_is_kept_apart(rules):
    docs = [document_from_text(f"s{i}.txt", t) for i, t in enumerate(
        ["Samsung unveiled the plan on October 30.", "Samsung unveiled the plan on October 31."])]
    claims = [c for d in docs for c in extract_claims(d, rules) if c.unit == "date"]
    groups = group_claims(claims, rules)
    assert [g.verdict for g in groups] == ["single", "single"]


def test_events_name_the_attribute(extract):
    cases = {
        "Kestrel Compute will begin delivering capacity to Meta on July 1, 2027.": "start of deliveries",
        "Broadcom expects the deal to close in fiscal 2027.": "closing",
        "Samsung signed a deal to open a plant in 2027.": "opening",
        "On May 5, 2026, OpenAI launched the model.": "launch",
        "Samsung deliveries are expected to begin in Q2 2026.": "start of deliveries",
        "Nvidia on Monday unveiled the chip.": "announcement",
        "The 2027 opening of the plant was confirmed by Samsung.": "opening",
    }
    for text, attribute in cases.items():
        (claim,) = [c for c in extract("---\npub_date: 2026-01-10\n---\n" + text) if c.unit == "date"]
        assert claim.attribute == attribute, text


def test_a_range_is_one_claim(extract):
    text = "---\npub_date: 2025-11-01\n---\nSamsung will deliver the chips between March and June 2026.\n"
    (claim,) = [c for c in extract(text) if c.unit == "date"]
    assert (claim.text, claim.qualifier, iso(claim.low), iso(claim.high)) == (
        "between March and June 2026", "range", "2026-03-01", "2026-06-30")


def test_a_date_related_to_an_event_is_not_the_events_date(extract):
    text = ("---\npub_date: 2026-06-08\n---\nThe offer is a 38% premium to the closing price on June 5, 2026, "
            "the last trading day before the announcement.\n")
    # the day of the closing price, not of the announcement (nor of a closing)
    assert [(c.attribute, iso(c.value)) for c in extract(text) if c.unit == "date"] == [("share price", "2026-06-05")]


def test_fixture_start_of_deliveries_disputed(tmp_path):
    (tmp_path / "entities.yaml").write_text("entities:\n  - {name: Kestrel Compute, kind: company}\n")
    rules = load_rules([tmp_path])
    result = scan([str(ROOT / "tests/fixtures/deals/cloud_contract")], rules)
    (group,) = [g for g in result.groups if g.unit == "date" and g.attribute == "start of deliveries"]
    assert group.subject == "Kestrel Compute" and group.verdict == "disputed"
    assert sorted(c.text for c in group.claims) == ["August 1, 2027", "July 1, 2027"]


def test_fixture_fiscal_closing_agrees(rules):
    result = scan([str(ROOT / "tests/fixtures/deals/acquisition")], rules)
    (group,) = [g for g in result.groups if g.unit == "date" and g.attribute == "closing"]
    assert group.verdict == "agreed" and group.subject == "Broadcom"
    assert (iso(group.claims[0].low), iso(group.claims[0].high)) == ("2026-11-01", "2027-10-31")


def test_rule_examples():
    data = yaml.safe_load((ROOT / "rules/dates.yaml").read_text())
    rules = load_rules()
    for example in data["examples"]:
        claims = [c for c in extract_claims(document_from_text("e.txt", "---\npub_date: 2025-11-01\n---\n"
                                                                + example["text"]), rules) if c.unit == "date"]
        assert len(claims) == len(example["expect"]), example["text"]
        for claim, expect in zip(claims, example["expect"]):
            got = json_report.claim_dict(claim)
            assert {k: got[k] for k in expect} == expect, example["text"]


# --------------------------------------------------------------------------- engine and reports


def test_unknown_value_kind_is_a_rule_error(tmp_path):
    (tmp_path / "when.yaml").write_text("type: when\nvalue: time\npatterns: ['{date}']\n")
    with pytest.raises(RuleError, match=r"when.yaml:2:8: when: value: expected one of 'number', 'date'"):
        load_rules([tmp_path])


def test_json_and_table_show_iso_dates(tmp_path):
    runner = CliRunner()
    out = runner.invoke(app, ["scan", str(SEEDS), "--type", "date", "--format", "json"])
    assert out.exit_code == 0
    data = json.loads(out.stdout)
    values = [(c["text"], c["value"], c["low"], c["high"]) for g in data["groups"] for c in g["claims"]]
    assert ("October 31, 2025", "2025-10-31", "2025-10-31", "2025-10-31") in values
    assert ("by late 2027", "2027-12-31", None, "2027-12-31") in values
    assert {s["path"][-8:]: s["pub_date_origin"] for s in data["sources"]}["86bc.txt"] == "dateline"
    table = runner.invoke(app, ["scan", str(SEEDS), "--type", "date"], env={"COLUMNS": "200"})
    assert table.exit_code == 0
    assert "2025-10-30 (year assumed)" in table.stdout and "≤ 2027-12-31" in table.stdout
    assert "publication date unknown (3)" in table.stdout


def test_cli_pub_date_errors_are_one_line():
    runner = CliRunner()
    bad = runner.invoke(app, ["scan", str(SEEDS), "--pub-date", "004.txt=2025-13-40"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "--pub-date" in bad.output and len(bad.output.strip().splitlines()) == 1
    missing = runner.invoke(app, ["scan", str(SEEDS), "--pub-date", "nope.txt=2025-11-01", "--type", "date"])
    assert missing.exit_code == 2 and "nope.txt: --pub-date: no input file has this name" in missing.output
    ok = runner.invoke(app, ["extract", str(SEEDS / "004_43398e0a31d86906.txt"), "--format", "json",
                             "--pub-date", "004_43398e0a31d86906.txt=2025-11-06"])
    assert ok.exit_code == 0
    data = json.loads(ok.stdout)
    assert data["sources"][0]["pub_date"] == "2025-11-06"
    assert {c["text"]: c["value"] for c in data["claims"] if c["unit"] == "date"}["October 30"] == "2025-10-30"


def test_dateparser_is_imported_only_for_date_claims():
    import subprocess
    import sys

    code = textwrap.dedent("""
        import sys
        from factcheck.documents import document_from_text
        from factcheck.extract import extract_claims
        from factcheck.rules import load_rules
        rules = load_rules()
        text = "Samsung launched a plant with 50,000 GPUs in total. It will open in the second half of 2026."
        claims = extract_claims(document_from_text("x", text), rules)
        print("dateparser" in sys.modules, len(claims))
        extract_claims(document_from_text("y", "Samsung opened the plant on May 4, 2026."), rules)
        print("dateparser" in sys.modules)
        text = "---\\npub_date: 2026-05-10\\n---\\nSamsung opened the plant last Tuesday.\\n"
        extract_claims(document_from_text("z", text), rules)
        print("dateparser" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # a quarter, a half or a date written out needs no dateparser; a relative date does
    assert out.stdout.split() == ["False", "2", "False", "True"]


def test_dates_written_out_read_as_dateparser_reads_them():
    """Full English dates are read without dateparser (it is slow to start); the readings are the same."""
    from factcheck import dates

    phrases = []
    for month in ["October", "Oct.", "Sept.", "February", "May", "December"]:
        for day in ["1", "9", "29", "30", "31", "3rd", "21st"]:
            for year in ["", " 2025", ", 2024", " 1999"]:
                phrases += [f"{month} {day}{year}", f"{day} {month}{year}", f"{day} of {month}{year}",
                            f"Monday, {month} {day}{year}"]
        phrases += [f"{month}{year}" for year in [" 2025", ", 2026", " of 2024", ""]]
    phrases += ["2025-10-31", "2024-02-29"]
    compared = 0
    for phrase in phrases:
        fast = dates._explicit_date(phrase)
        data = dates._dateparser(("en",), dates._NO_BASE).get_date_data(phrase)
        slow = (data.date_obj.date(), data.period or "day") if data and data.date_obj else None
        if fast is None:
            assert slow is None or slow[0].day != int("".join(c for c in phrase.split()[1] if c.isdigit()) or 0), phrase
            continue
        compared += 1
        if any(y in phrase for y in ("1999", "2024", "2025", "2026")):
            assert fast == slow, phrase
        else:  # without a year only the month and day are used
            assert (fast[0].month, fast[0].day, fast[1]) == (slow[0].month, slow[0].day, slow[1]), phrase
    assert compared > 500
