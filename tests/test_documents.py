"""Documents: front matter, datelines, positions and sentences."""

from __future__ import annotations

import pytest

from factcheck.documents import document_from_text, split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_and_decimals_do_not_split():
    text = "Nvidia Corp. sold 2.5 million chips to U.S. firms. Dr. Kim said No. 1 was Inc. magazine. It grew."
    assert sentences(text) == ["Nvidia Corp. sold 2.5 million chips to U.S. firms.",
                               "Dr. Kim said No. 1 was Inc. magazine.", "It grew."]


def test_korean_sentence_endings_split():
    assert sentences("엔비디아는 26만 장을 공급한다. 삼성전자는 5만 장을 받는다.") == [
        "엔비디아는 26만 장을 공급한다.", "삼성전자는 5만 장을 받는다."]


def test_headline_lines_are_sentences_and_wrapped_lines_are_not():
    text = "Nvidia bets big on Korea\nThe chip giant will ship\nover 50,000 GPUs to Samsung.\n"
    assert sentences(text) == ["Nvidia bets big on Korea", "The chip giant will ship\nover 50,000 GPUs to Samsung."]


def test_front_matter_is_metadata_but_headlines_are_scanned():
    text = "---\ntitle: Korea's $3 Billion Bet\nsource: Daily Chip\npub_date: 2025-11-01\nauthor: X\n---\nBody 5 text.\n"
    doc = document_from_text("a.md", text)
    assert doc.metadata["source"] == "Daily Chip" and doc.name == "Daily Chip"
    assert doc.pub_date == "2025-11-01" and doc.pub_date_origin == "front matter"
    assert len(doc.scan_text) == len(text)
    assert "Korea's $3 Billion Bet" in doc.scan_text
    assert "Daily Chip" not in doc.scan_text and "2025-11-01" not in doc.scan_text


def test_dateline_gives_the_publication_date():
    doc = document_from_text("b.txt", "Today : Nov 01, 2025\nTechnology\n31 October 2025\n\nStory.")
    assert doc.pub_date == "2025-11-01" and doc.pub_date_origin == "dateline"
    assert document_from_text("c.txt", "No date here.\nJust text.").pub_date is None


@pytest.mark.parametrize("lead,date", [
    ("July 2, 2025 — OpenAI has agreed to rent more capacity.", "2025-07-02"),
    ("SEOUL, Oct. 31, 2025 (Reuters) - Samsung said it would buy 50,000 GPUs.", "2025-10-31"),
    ("SAN FRANCISCO, Sept. 4, 2025 -- Nvidia said on Thursday it would invest $5 billion.", "2025-09-04"),
    ("NEW YORK, 12 May 2025 (AP) — Shares rose 4%.", "2025-05-12"),
    ("SAN FRANCISCO, Sept 2, 2025 (Reuters) - Anthropic said it had raised $13 billion.", "2025-09-02"),
    ("_September 3, 2025_", "2025-09-03"),  # a dateline in Markdown emphasis
    ("**Published:** Oct. 31, 2025", "2025-10-31"),
    ("Published September 23, 2025", "2025-09-23"),
    ("Updated on Oct. 31, 2025", "2025-10-31"),
    ("**By Tech Reporter · September 5, 2025**", "2025-09-05"),
    ("By Jane Doe | Oct. 31, 2025", "2025-10-31"),
    ("2025년 7월 28일", "2025-07-28"),
    ("Updated 3:42 p.m. ET, July 1, 2025", "2025-07-01"),
])
def test_a_lead_paragraph_that_opens_with_its_dateline_gives_the_publication_date(lead, date):
    doc = document_from_text("lead.txt", f"Headline of the story\n\n{lead}\n\nMore text.\n")
    assert (doc.pub_date, doc.pub_date_origin) == (date, "dateline")


def test_a_lead_dateline_dates_the_article_not_its_events(extract):
    text = "CoreWeave lands a Meta contract\n\nNEW YORK, Sept 30, 2025 (Reuters) - CoreWeave said it had signed a deal.\n"
    doc = document_from_text("wire.txt", text)
    assert doc.pub_date == "2025-09-30" and len(doc.scan_text) == len(text)
    assert "Sept 30" not in doc.scan_text and "CoreWeave said it had signed a deal." in doc.scan_text
    assert [c for c in extract(text) if c.type == "date"] == []  # the dateline is no signing date


@pytest.mark.parametrize("lead", [
    "Shares rose — after the 2025 deal was signed.",
    "October 30 — Nvidia said it would supply the chips.",  # no year: no publication date
    "Nvidia — the chip giant — said on Oct. 31, 2025 that it would sell more.",
])
def test_a_dash_in_a_lead_sentence_is_no_dateline(lead):
    assert document_from_text("lead.txt", f"Headline\n\n{lead}\n").pub_date is None


def test_positions_with_crlf_and_cr():
    text = "one\r\ntwo\rthree 50,000\n"
    doc = document_from_text("d.txt", text)
    assert doc.position(text.index("50,000")) == (3, 7)


def test_name_falls_back_to_file_name():
    assert document_from_text("dir/x.txt", "text").name == "x.txt"


def test_a_document_can_be_named_by_a_path_or_a_string(tmp_path):
    from factcheck.documents import read_document

    page = tmp_path / "a.txt"
    page.write_text("Nvidia will supply 50,000 GPUs to Samsung.\n")
    by_path, by_name = read_document(page), read_document(str(page))
    assert by_path.path == by_name.path == str(page) and by_path.text == by_name.text


@pytest.mark.parametrize("correction", [
    "Correction: An earlier version of this story said xAI raised $12 billion. It raised $10 billion in July.",
    "(Corrects paragraph 1 to say $10 billion, not $12 billion) xAI raised $10 billion in July.",
])
def test_the_figure_a_correction_retracts_is_no_claim(extract, correction):
    texts = {c.text for c in extract(f"xAI raised $10 billion in July.\n\n{correction}\n") if c.type == "money"}
    assert texts == {"$10 billion"}
