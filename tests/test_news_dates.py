"""Dates as news stories write them: weekdays, "last week", the article's own date line, a term's end."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.compare import group_claims
from factcheck.dates import iso
from factcheck.documents import document_from_text
from factcheck.extract import extract_claims
from factcheck.report import json as json_report


def dated(text: str, pub: str | None = "2025-03-12") -> str:
    """An article with front matter (2025-03-12 is a Wednesday), or none."""
    return f"---\npub_date: {pub}\n---\n{text}\n" if pub else text + "\n"


def dates_of(claims):
    return [(c.subject, c.attribute, c.text, iso(c.value)) for c in claims if c.unit == "date"]


def scan_texts(rules, **texts):
    claims = []
    for name, text in texts.items():
        claims += extract_claims(document_from_text(f"{name}.txt", text), rules)
    return [g for g in group_claims(claims, rules) if g.unit == "date"]


# --------------------------------------------------------------------------- weekdays and relative days


def test_a_weekday_is_the_latest_such_day_on_or_before_the_article_date(extract):
    got = dates_of(extract(dated("Brightwave Labs announced the purchase on Monday. Kestrel Systems unveiled its chip "
                                 "Wednesday morning. Orvale Networks will open the plant on Friday.")))
    assert got == [("Brightwave Labs", "announcement", "Monday", "2025-03-10"),
                   ("Kestrel Systems", "announcement", "Wednesday morning", "2025-03-12"),  # the day of the paper itself
                   ("Orvale Networks", "opening", "Friday", "2025-03-14")]  # to come: the first Friday on or after it


def test_the_event_word_near_a_weekday_names_what_it_dates(extract):
    text = dated("Shares of Kestrel Systems jumped 9% on Tuesday after the deal was announced. "
                 "Tessera Cloud will buy $4 billion of capacity, the companies said on Tuesday. "
                 "Brightwave Labs on Monday said it had agreed to the terms.")
    got = {(c.subject, c.attribute, iso(c.value)) for c in extract(text) if c.unit == "date"}
    assert got == {("Kestrel Systems", "share move", "2025-03-11"),  # not the announcement: "after" stands between
                   ("Tessera Cloud", "announcement", "2025-03-11"),  # a verb of saying: the day the story reports on
                   ("Brightwave Labs", "announcement", "2025-03-10")}


def test_relative_days_and_weeks_resolve_against_the_article_date(extract):
    text = dated("Orvale Networks announced the plan last week. Tessera Cloud signed the lease earlier this month. "
                 "Kestrel Systems said yesterday it would start shipping. Brightwave Labs today announced a fund.")
    got = {c.text: (iso(c.low), iso(c.high)) for c in extract(text) if c.unit == "date"}
    assert got == {"last week": ("2025-03-03", "2025-03-09"), "earlier this month": ("2025-03-01", "2025-03-11"),
                   "yesterday": ("2025-03-11", "2025-03-11"), "today": ("2025-03-12", "2025-03-12")}


def test_without_an_article_date_a_weekday_is_a_claim_kept_as_written(extract):
    (claim,) = [c for c in extract(dated("Brightwave Labs announced the purchase on Tuesday afternoon.", None))
                if c.unit == "date"]
    assert (claim.attribute, claim.text, claim.extra["as_written"]) == ("announcement", "Tuesday afternoon", "Tuesday")
    assert math.isnan(claim.value)
    data = json_report.claim_dict(claim)
    assert (data["value"], data["low"], data["high"], data["as_written"]) == (None, None, None, "Tuesday")


def test_two_undated_sources_saying_the_same_weekday_agree(rules):
    groups = scan_texts(rules, a=dated("Brightwave Labs announced the deal on Monday.", None),
                        b=dated("Brightwave Labs on Monday said it had agreed to the deal.", None),
                        c=dated("Brightwave Labs shares rose 4% Tuesday morning.", None),
                        d=dated("Brightwave Labs shares climbed 3% on Tuesday.", None))
    verdicts = {(g.attribute, g.verdict, len(g.claims)) for g in groups}
    assert verdicts == {("announcement", "agreed", 2), ("share move", "agreed", 2)}


def test_two_undated_sources_saying_different_weekdays_are_not_called_a_dispute(rules):
    groups = scan_texts(rules, a=dated("Brightwave Labs announced the deal on Monday.", None),
                        b=dated("Brightwave Labs announced the deal on Tuesday.", None))
    assert sorted(g.verdict for g in groups) == ["single", "single"]


@pytest.mark.parametrize("other, verdict", [("March 3, 2025", "agreed"), ("March 4, 2025", "disputed")])
def test_an_undated_weekday_is_placed_by_the_days_other_sources_give(rules, other, verdict):
    # 3 March 2025 is a Monday
    groups = scan_texts(rules, a=dated("Brightwave Labs announced the deal on Monday.", None),
                        b=dated(f"Brightwave Labs announced the deal on {other}.", "2025-03-05"))
    (group,) = groups
    assert group.verdict == verdict
    (placed,) = [c for c in group.claims if c.text == "Monday"]
    assert iso(placed.value) == "2025-03-03" and placed.extra["year"].startswith("assumed")


def test_the_seed_announcement_dates_stay_disputed_beside_an_undated_last_week(rules):
    groups = scan_texts(rules, a=dated("NVIDIA unveiled the deal on October 31, 2025.", "2025-11-01"),
                        b=dated("Last week's flurry of announcements by NVIDIA was large. NVIDIA unveiled the "
                                "deal on October 30.", None))
    by_text = {tuple(sorted(c.text for c in g.claims)): g.verdict for g in groups}
    assert by_text == {("October 30", "October 31, 2025"): "disputed", ("Last week",): "single"}


@pytest.mark.parametrize("draft, status", [("Monday, March 3, 2025", "supported"),
                                           ("Tuesday, March 4, 2025", "contradicted")])
def test_a_drafts_full_date_is_checked_against_resolved_weekdays(tmp_path, rules, draft, status):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.md").write_text(dated("Brightwave Labs announced the deal on Monday.", "2025-03-04"))
    (sources / "b.md").write_text(dated("Brightwave Labs announced the deal on Monday.", "2025-03-05"))
    (tmp_path / "draft.md").write_text(f"Brightwave Labs announced the deal on {draft}.\n")
    result = check([str(tmp_path / "draft.md")], [str(sources)], rules)
    assert [f.status for f in result.findings if f.claim.unit == "date"] == [status]


def test_a_source_weekday_without_a_date_supports_no_dated_draft(tmp_path, rules):
    (tmp_path / "a.txt").write_text(dated("Brightwave Labs announced the deal on Tuesday.", None))
    (tmp_path / "draft.md").write_text("Brightwave Labs announced the deal on May 27.\n")
    result = check([str(tmp_path / "draft.md")], [str(tmp_path / "a.txt")], rules)
    assert [f.status for f in result.findings if f.claim.unit == "date"] == ["unsupported"]


# --------------------------------------------------------------------------- the article's own date


@pytest.mark.parametrize("text, pub, origin", [
    ("2025-03-14 (Agency) - Brightwave Labs said it would sign.", "2025-03-14", "dateline"),
    ("Headline\n\nUpdated: Mar 3, 2025, 9:15 AM ET\n\nBrightwave Labs said it would sign.", "2025-03-03", "dateline"),
    ("Published: March 3, 2025\nBrightwave Labs said it would sign.", "2025-03-03", "dateline"),
    ("Today : Nov 01, 2025\nBrightwave Labs said it would sign.", "2025-11-01", "dateline"),
    ("By Jane Roe, Mar 3, 2025\nBrightwave Labs said it would sign.", "2025-03-03", "dateline"),
    ("Jane Roe | March 3, 2025\nBrightwave Labs said it would sign.", "2025-03-03", "dateline"),
    ("Headline\nMonday, Jun 9, 2025 2:29 am ET · 3 min read\nBrightwave Labs said it would sign.", "2025-06-09",
     "dateline"),
    ("Date: 2025-11-19 Brightwave Labs said it would sign.", "2025-11-19", "dateline"),
    ("AUSTIN, Texas, March 3, 2025, Brightwave Labs said it would sign.", "2025-03-03", "dateline"),
    ("---\nurl: https://news.example.com/2025/03/14/brightwave-deal\n---\nBrightwave Labs said.", "2025-03-14", "url"),
    ("---\nurl: https://news.example.com/markets/20250314-brightwave\n---\nBrightwave Labs said.", "2025-03-14", "url"),
    ("---\nurl: https://news.example.com/us/September-08-2025/brightwave\n---\nBrightwave Labs said.", "2025-09-08", "url"),
    ("---\nurl: https://news.example.com/2025/ai/brightwave\n---\nBrightwave Labs said.", None, None),  # a year only
])
def test_shapes_of_the_article_date(text, pub, origin):
    doc = document_from_text("a.txt", text)
    assert (doc.pub_date, doc.pub_date_origin) == (pub, origin)


def test_the_dateline_dates_the_article_and_is_no_event(extract):
    got = dates_of(extract("SEATTLE, March 12, 2025, Brightwave Labs announced on Monday that it signed the lease.\n"))
    assert got == [("Brightwave Labs", "announcement", "Monday", "2025-03-10")]
    assert dates_of(extract("Updated: Mar 12, 2025, 9:15 AM ET\n\nBrightwave Labs announced the lease.\n")) == []


def test_front_matter_outranks_the_address(tmp_path):
    doc = document_from_text("a.md", "---\npub_date: 2025-03-15\nurl: https://x.example/2025/03/14/a\n---\nText.\n")
    assert (doc.pub_date, doc.pub_date_origin) == ("2025-03-15", "front matter")


# --------------------------------------------------------------------------- a term's end, deadlines, founding


def test_a_terms_end_and_an_options_end(extract):
    text = ("Tessera Cloud signed a contract with Orvale Networks running through December 2031, with options extending to "
            "2032. The lease goes through to 2031 with an option to extend into 2033.")
    got = [(c.attribute, c.text, iso(c.low), iso(c.high)) for c in extract(text) if c.unit == "date"]
    assert got == [("end", "through December 2031", "2031-12-31", "2031-12-31"),  # runs to its last day
                   ("extension", "2032", "2032-01-01", "2032-12-31"),
                   ("end", "2031", "2031-01-01", "2031-12-31"),
                   ("extension", "2033", "2033-01-01", "2033-12-31")]


@pytest.mark.parametrize("other, verdict", [("runs through 2031", "agreed"), ("runs through 2030", "disputed"),
                                           ("ends in 2031", "compatible")])
def test_what_runs_through_a_period_ends_on_its_last_day(rules, other, verdict):
    (group,) = scan_texts(rules, a="Tessera Cloud has a contract with Orvale Networks through December 2031.\n",
                          b=f"Tessera Cloud's contract with Orvale Networks {other}.\n")
    assert (group.attribute, group.verdict) == ("end", verdict)


def test_a_deadline_for_full_capacity(extract):
    text = ("Orvale Networks said full capacity will roll out by end-2026. All planned capacity is to be delivered by late "
            "2026.")
    got = [(c.attribute, c.qualifier, iso(c.high)) for c in extract(text) if c.unit == "date"]
    assert got == [("full capacity", "up_to", "2026-12-31"), ("full capacity", "up_to", "2026-12-31")]


def test_founding_and_listing_years(extract):
    text = ("Founded in 2019 by former Kestrel Systems engineers, Brightwave Labs makes lasers. Brightwave Labs floated in 2021 "
            "at 300 pence a share.")
    assert dates_of(extract(text)) == [("Brightwave Labs", "founding", "2019", "2019-07-02"),
                                       ("Brightwave Labs", "listing", "2021", "2021-07-02")]


def test_a_merger_agreement_dated_and_an_outside_date(extract):
    text = ("Orvale Networks entered into an Agreement and Plan of Merger, dated 26-May-2025, with Tessera Cloud. "
            "The merger must close by 26-May-2026.")
    assert [(c.attribute, c.qualifier, iso(c.value)) for c in extract(text) if c.unit == "date"] == [
        ("signing", "exact", "2025-05-26"), ("closing", "up_to", "2026-05-26")]


def test_market_moves_are_not_events_of_a_deal(extract):
    text = dated("Brightwave Labs rose as the markets opened on Monday, closing on Tuesday with a market value of $3 "
                 "billion. The offer is a 30% premium to the closing share price on March 7.")
    assert [(c.attribute, c.text) for c in extract(text) if c.unit == "date"] == [("share price", "March 7")]
