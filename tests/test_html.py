"""Saved web pages: only the article is scanned, with its metadata and lines in the page."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.documents import InputError, read_document
from factcheck.extract import extract_claims
from factcheck.html_input import MISSING_EXTRA, map_to_page_lines
from factcheck.scan import scan

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "html"
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))["files"]
FIGURES = [(page["file"], f) for page in EXPECTED for f in page["figures"] if f["type"] != "date"]
BOILERPLATE = [(page["file"], text) for page in EXPECTED for text in page["must_not_extract"]]


def _flat(text: str) -> str:
    return " ".join(html.unescape(text).split())


@pytest.fixture(scope="module")
def pages():
    return {page["file"]: read_document(str(PAGES / page["file"])) for page in EXPECTED}


@pytest.fixture(scope="module")
def page_claims(pages, rules):
    return {name: extract_claims(doc, rules) for name, doc in pages.items()}


@pytest.mark.parametrize("page", EXPECTED, ids=lambda p: p["file"])
def test_metadata(pages, page):
    doc = pages[page["file"]]
    assert doc.metadata["title"] == page["title"]  # the <title>'s " | site" suffix is dropped
    assert doc.metadata["author"] == page["author"]
    assert doc.source.name == page["site_name"]
    assert (doc.pub_date, doc.pub_date_origin) == (page["pub_date"], "html")


@pytest.mark.parametrize("name, text", BOILERPLATE, ids=[f"{n}:{t[:30]}" for n, t in BOILERPLATE])
def test_boilerplate_is_not_scanned(pages, name, text):
    """Menus, sidebars, ads, comments, footers, scripts and styles never reach the scanned text."""
    assert _flat(text) not in _flat(pages[name].scan_text)


def test_related_sidebar_yields_no_claim(page_claims):
    for name, claims in page_claims.items():
        assert all(c.value != 4e12 for c in claims), name  # "Related: Nvidia's $4 trillion milestone"
        assert all(c.value not in (80_000, 100_000) for c in claims), name  # reader comments


@pytest.mark.parametrize("name, figure", FIGURES, ids=[f"{n}:{f['text']}" for n, f in FIGURES])
def test_article_figures(page_claims, name, figure):
    claims = [c for c in page_claims[name] if c.text.startswith(figure["text"])]
    if "context" in figure:
        claims = [c for c in claims if figure["context"] in c.quote]
    got = [(c.type, c.subject, c.value, c.unit, c.qualifier) for c in claims]
    assert got == [(figure["type"], figure["subject"], figure["value"], figure["unit"], figure["qualifier"])]


@pytest.mark.parametrize("name", [page["file"] for page in EXPECTED])
def test_every_claim_points_at_its_line_in_the_page(pages, page_claims, name):
    lines = (PAGES / name).read_text(encoding="utf-8").splitlines()
    doc = pages[name]
    assert page_claims[name]
    for claim in page_claims[name]:
        assert doc.text.splitlines()[claim.line - 1][claim.column - 1:].startswith(claim.text)
        page_line = _flat(lines[claim.extra["file_line"] - 1])
        number = claim.text.split()[-1] if claim.text[0].isalpha() else claim.text.split()[0]
        assert number.split("-")[0] in page_line, (claim.text, page_line)


def test_headline_points_at_the_h1_not_the_title_tag(pages, page_claims):
    page = (PAGES / "outlet_a.html").read_text(encoding="utf-8").splitlines()
    h1 = next(i for i, line in enumerate(page, 1) if "<h1" in line)
    assert pages["outlet_a.html"].source_line(0) in range(h1, h1 + 3)


def test_line_map_places_reworded_text():
    page = "<html><body>\n<ul>\n<li>First &amp; second</li>\n<li>Third item</li>\n</ul>\n</body></html>\n"
    text = "- First & second\n- Third item\n"
    lines = map_to_page_lines(text, page)
    assert lines[text.index("First")] == 3 and lines[text.index("Third")] == 4


def test_show_text_prints_what_was_scanned():
    result = CliRunner().invoke(app, ["extract", "--show-text", str(PAGES / "outlet_a.html")])
    assert result.exit_code == 0
    assert "more than 260,000 of its graphics processors" in result.stdout
    assert "$4 trillion" not in result.stdout and "<p>" not in result.stdout


def test_json_reports_both_lines():
    result = CliRunner().invoke(app, ["extract", "-f", "json", str(PAGES / "outlet_b.html")])
    assert result.exit_code == 0
    import json

    claims = json.loads(result.stdout)["claims"]
    assert claims and all(c["line"] >= 1 and c["file_line"] > c["line"] for c in claims)


def test_folders_include_web_pages(rules):
    result = scan([str(PAGES)], rules)
    assert sorted(Path(s.path).name for s in result.sources) == ["outlet_a.html", "outlet_b.html", "outlet_c.htm"]
    samsung = [g for g in result.groups if g.subject == "Samsung Electronics"]
    assert [g.verdict for g in samsung] == ["agreed"]


def test_pages_join_the_seeds(rules):
    result = scan([str(ROOT / "seeds"), str(PAGES)], rules)
    (group,) = [g for g in result.groups if g.subject == "NAVER Cloud"]
    assert group.verdict == "agreed" and len(group.sources) == 5


def test_legacy_korean_encoding_is_decoded(tmp_path, rules):
    body = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=euc-kr'>"
            "<title>엔비디아 GPU 공급</title></head><body><nav>홈 | 경제 | 증권 10만 장</nav><article>"
            "<h1>엔비디아, 한국에 GPU 26만 장 공급</h1>"
            + "<p>엔비디아가 한국에 그래픽처리장치(GPU) 26만 장을 공급한다. 삼성전자는 GPU 5만 장을 들여와 "
              "반도체 공장 전반을 AI로 관리하는 시설을 짓는다. 업계는 이번 협력이 한국 AI 산업의 전환점이 될 것으로 본다.</p>"
            * 2 + "</article></body></html>")
    page = tmp_path / "기사.html"
    page.write_bytes(body.encode("cp949"))
    doc = read_document(str(page))
    assert "26만 장" in doc.text and not doc.warnings
    assert {(c.text, c.subject) for c in extract_claims(doc, rules)} >= {("26만 장", "South Korea"),
                                                                        ("5만 장", "Samsung Electronics")}


def test_standard_input_page_is_recognised(rules):
    data = (PAGES / "outlet_c.htm").read_bytes()
    result = CliRunner().invoke(app, ["extract", "--show-text", "-"], input=data)
    assert result.exit_code == 0 and "260,000-plus GPUs" in result.stdout and "<html" not in result.stdout.lower()


def test_a_page_saved_under_another_suffix_is_recognised(tmp_path):
    saved = tmp_path / "article.php"
    saved.write_bytes((PAGES / "outlet_b.html").read_bytes())
    doc = read_document(str(saved))
    assert doc.metadata["format"] == "html" and "<" not in doc.text


def test_page_without_article_is_a_warning_not_an_input_error(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>Loading</title></head><body><script>load(1000)</script></body></html>",
                     encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(empty), str(ROOT / "seeds" / "003_ef4a831ec945dd86.txt")])
    assert result.exit_code == 0
    assert f"factcheck: warning: {empty}: no article text found" in result.stderr
    assert "over 260,000 GPUs" in result.stdout  # the other input is still reported


def test_missing_library_is_one_clear_line(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if the html extra were not installed
    with pytest.raises(InputError, match="install the html extra"):
        read_document(str(PAGES / "outlet_a.html"))
    result = CliRunner().invoke(app, ["extract", str(PAGES / "outlet_a.html")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"factcheck: error: {PAGES / 'outlet_a.html'}: {MISSING_EXTRA}"


def test_html_library_is_imported_only_for_a_page():
    code = ("import sys; from factcheck.scan import scan; scan([sys.argv[1]]); "
            "assert 'trafilatura' not in sys.modules, 'imported for plain text'; "
            "scan([sys.argv[2]]); assert 'trafilatura' in sys.modules")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds"), str(PAGES / "outlet_a.html")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
