"""The HTML report: what an editor sees, what a hostile article cannot do, and how it looks in a real browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.report import html
from factcheck.scan import scan

from .browser import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

HOSTILE_TITLE = '<script>alert("title")</script> Samsung deal "><b>bold</b>'
HOSTILE_NAME = 'a"><img src=x onerror=alert(3)>.txt'
HOSTILE_ARTICLE = f"""---
title: {HOSTILE_TITLE}
pub_date: 2025-11-01
---
Samsung Electronics is building an AI factory with over 50,000 GPUs <script>alert("x")</script> to lead.

NAVER Cloud will deploy <img src=x onerror=alert(1)> over 60,000 GPUs "><svg onload=alert(2)> for AI.
"""
HOSTILE_OTHER = ("Samsung Electronics is building an AI factory with 40,000 GPUs, \u202esays "
                 "</textarea><iframe src=\"javascript:alert(4)\"></iframe><style>*{display:none}</style>.\n")


@pytest.fixture(scope="module")
def seeds_result():
    with pytest.MonkeyPatch.context() as patch:  # paths as a user types them: "seeds/…"
        patch.chdir(ROOT)
        return scan(["seeds"])


@pytest.fixture(scope="module")
def seeds_page(seeds_result):
    return BeautifulSoup(html.render_scan(seeds_result), "html.parser")


@pytest.fixture
def hostile_dir(tmp_path):
    (tmp_path / HOSTILE_NAME).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HOSTILE_OTHER, encoding="utf-8")
    return tmp_path


def rows(page):
    return page.select("table.matrix tbody tr")


# --- the matrix ----------------------------------------------------------------------------------------------


def test_matrix_has_a_row_per_group_and_a_column_per_source(seeds_result, seeds_page):
    header = seeds_page.select("table.matrix thead th")
    assert len(header) == 1 + len(seeds_result.sources)
    for th, source in zip(header[1:], seeds_result.sources):
        assert th["title"] == source.name
    assert len(rows(seeds_page)) == len(seeds_result.groups)


def test_each_cell_is_the_figure_as_its_source_wrote_it_and_empty_when_silent(seeds_result, seeds_page):
    paths = [s.path for s in seeds_result.sources]
    for tr, group in zip(rows(seeds_page), seeds_result.groups):
        cells = tr.find_all("td")
        assert len(cells) == len(paths)
        for td, path in zip(cells, paths):
            said = [c.text for c in group.claims if c.source == path]
            shown = [t.get_text(" ", strip=True) for t in td.select("button .text")]
            if not said:
                assert "silent" in td["class"] and not td.select("button")
            else:
                assert all(any(s.endswith(text) for s in shown) for text in said), (shown, said)


def test_rows_show_the_verdict_as_a_word_and_an_icon_not_only_a_colour(seeds_result, seeds_page):
    for tr, group in zip(rows(seeds_page), seeds_result.groups):
        assert f"v-{group.verdict}" in tr["class"]
        assert group.verdict in tr.select_one("th .badge").get_text()
        for text in tr.select("td button .text"):
            assert text.select_one(".icon").get_text() == html.ICONS[group.verdict]
    legend = seeds_page.select_one(".legend").get_text(" ")
    for verdict in html.VERDICTS:
        assert verdict in legend and html.MEANINGS[verdict] in legend


def test_a_cell_quotes_each_sentence_with_the_figure_highlighted_and_its_file_and_line(seeds_result, seeds_page):
    paths = [s.path for s in seeds_result.sources]
    checked = 0
    for tr, group in zip(rows(seeds_page), seeds_result.groups):
        for td, path in zip(tr.find_all("td"), paths):
            for claim in (c for c in group.claims if c.source == path):
                tip = td.select_one(".tip")
                assert tip["id"] == td.button["aria-describedby"]
                marks = [m.get_text() for m in tip.select("q.quote mark")]
                assert claim.quote[claim.quote_span[0]:claim.quote_span[1]] in marks  # a long quote: its first part
                assert f"{claim.source}:{claim.line}" in tip.get_text()
                checked += 1
    assert checked == sum(len(g.claims) for g in seeds_result.groups)


def test_conflicting_cells_are_flagged_in_words(seeds_result, seeds_page):
    disputed = [(tr, g) for tr, g in zip(rows(seeds_page), seeds_result.groups) if g.verdict == "disputed"]
    assert disputed, "the seeds have a disputed figure"
    paths = [s.path for s in seeds_result.sources]
    for tr, group in disputed:
        in_conflict = {group.claims[i].source for pair in group.conflicts for i in pair}
        for td, path in zip(tr.find_all("td"), paths):
            flagged = "conflicts" in td.get_text()
            assert flagged == (path in in_conflict)


# --- disputed groups in full ---------------------------------------------------------------------------------


def test_disputed_groups_are_shown_in_full_with_every_source_quoted(seeds_result, seeds_page):
    articles = seeds_page.select("#disputed article.dispute")
    disputed = [g for g in seeds_result.groups if g.verdict == "disputed"]
    assert len(articles) == len(disputed) > 0
    for article, group in zip(articles, disputed):
        assert group.subject in article.h3.get_text()
        sides = article.select(".sides .side")
        assert len(sides) == len(group.sources)
        text = article.get_text(" ")
        for claim in group.claims:
            assert claim.text in [m.get_text() for m in article.select("mark")]
            assert f"{claim.source}:{claim.line}" in text
        assert len(article.select(".conflicts li")) == len(group.conflicts)


def test_without_disputes_the_page_says_so(seeds_result):
    calm = html.render_scan(type(seeds_result)(seeds_result.sources, seeds_result.claims,
                                               [g for g in seeds_result.groups if g.verdict != "disputed"]))
    page = BeautifulSoup(calm, "html.parser")
    assert not page.select("#disputed article")
    assert "No source contradicts another" in page.select_one("#disputed").get_text()


def test_input_problems_are_listed(tmp_path):
    (tmp_path / "ok.txt").write_text("Samsung Electronics is building an AI factory with over 50,000 GPUs.\n")
    result = scan([str(tmp_path / "ok.txt"), str(tmp_path / "missing.txt")])
    page = BeautifulSoup(html.render_scan(result), "html.parser")
    assert "missing.txt" in page.select_one("#problems").get_text()


# --- self-contained and safe ---------------------------------------------------------------------------------


def test_the_page_is_self_contained(seeds_page):
    assert not seeds_page.find_all(["link", "script", "iframe", "img", "object", "embed"])
    assert all(a["href"].startswith("#") for a in seeds_page.find_all(href=True))
    assert not seeds_page.find_all(src=True)
    style = seeds_page.style.get_text()
    assert "@import" not in style and "url(" not in style
    csp = seeds_page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "script-src" not in csp


def test_hostile_article_cannot_inject_markup_or_script(hostile_dir):
    result = scan([str(hostile_dir)])
    quotes = " ".join(c.quote for c in result.claims)
    assert "<script>" in quotes and "onerror" in quotes and "<iframe" in quotes  # the attack reaches the report
    document = html.render_scan(result)
    page = BeautifulSoup(document, "html.parser")
    assert not page.find_all(["script", "img", "svg", "iframe"])
    assert not [b for b in page.find_all("b") if b.get_text() == "bold"]
    assert len(page.find_all("style")) == 1
    assert not [(tag.name, attr) for tag in page.find_all(True) for attr in tag.attrs if attr.startswith("on")]
    text = page.get_text()
    assert HOSTILE_TITLE in text and '<script>alert("x")</script>' in text and "<img src=x onerror=alert(1)>" in text
    assert HOSTILE_NAME in text  # the file name too, as text
    assert "\u202e" not in document and "\\u202e" in text  # a bidi override is shown, not obeyed
    for th in page.select("table.matrix thead th[title]"):  # attributes keep their quotes closed
        assert th["title"] in (HOSTILE_TITLE, "b.txt")


# --- accessible colours --------------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("verdict", html.VERDICTS)
def test_verdict_colours_have_enough_contrast(verdict):
    colours = html.PALETTE[verdict]
    assert contrast(colours.text, colours.background) >= 7  # WCAG AAA for the figures in cells
    assert contrast("#1b1f24", colours.background) >= 7  # body text on a tint
    assert contrast(colours.accent, "#ffffff") >= 3  # borders and swatches (WCAG non-text contrast)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# --- the command ---------------------------------------------------------------------------------------------


def test_cli_writes_an_html_file(tmp_path, seeds_result):
    out = tmp_path / "report.html"
    run = CliRunner().invoke(app, ["scan", str(SEEDS), "--format", "html", "-o", str(out)])
    assert run.exit_code == 0, run.output
    page = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert len(rows(page)) == len(seeds_result.groups)


def test_cli_writes_html_to_stdout_and_applies_filters():
    run = CliRunner().invoke(app, ["scan", str(SEEDS), "-f", "html", "--only", "disputed"])
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("<!DOCTYPE html>")
    page = BeautifulSoup(run.stdout, "html.parser")
    assert rows(page) and all("v-disputed" in tr["class"] for tr in rows(page))


def test_cli_rejects_an_unknown_format():
    run = CliRunner().invoke(app, ["scan", str(SEEDS), "-f", "pdf"])
    assert run.exit_code == 2 and "html" in run.output


# --- in a real browser ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install 'factcheck[browser]')")
    executable = chromium_path()
    if not executable:
        pytest.skip("no Chromium installed (apt-get install chromium), so the report is not tested in a browser")
    # A launched (not persistent) context: Playwright gives Chromium a new, empty profile directory.
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class Visit:
    """A page opened from a file, with everything the browser complained about or tried to fetch."""

    def __init__(self, browser, path: Path, width: int, height: int):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def overflow(self) -> int:
        """How far the page is wider than the screen (0: no sideways scrolling)."""
        return self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")

    def screenshot(self, tmp_path: Path, name: str) -> Path:
        path = tmp_path / name
        self.page.screenshot(path=str(path))
        return path


def write_report(result, path: Path) -> Path:
    path.write_text(html.render_scan(result), encoding="utf-8")
    return path


def assert_clean_visit(visit: Visit) -> None:
    assert visit.errors == []
    assert visit.dialogs == []
    assert visit.requests == [visit.url]  # nothing but the file itself


def test_browser_desktop_shows_the_matrix_first_and_quotes_on_hover(browser, seeds_result, tmp_path):
    visit = Visit(browser, write_report(seeds_result, tmp_path / "report.html"), 1280, 900)
    page = visit.page
    matrix = page.locator("table.matrix")
    assert matrix.is_visible()
    box = matrix.bounding_box()
    assert box["y"] < 450 and box["width"] <= 1280  # at the top, within the window
    assert visit.overflow() <= 0
    assert page.locator("table.matrix tbody tr").count() == len(seeds_result.groups)

    group = next(g for g in seeds_result.groups if g.verdict == "disputed")
    claim = group.claims[-1]
    column = [s.path for s in seeds_result.sources].index(claim.source) + 2
    cell = page.locator(f"table.matrix tbody tr:nth-child({seeds_result.groups.index(group) + 1}) "
                        f"td:nth-child({column})")
    tip = cell.locator(".tip")
    assert not tip.is_visible()
    cell.locator("button").hover()
    assert tip.is_visible()
    assert claim.text in tip.locator("mark").all_inner_texts()
    tip_box = tip.bounding_box()
    assert tip_box["x"] >= 0 and tip_box["x"] + tip_box["width"] <= 1280  # not cut off at the window's edge

    shot = visit.screenshot(tmp_path, "report.png")
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    assert_clean_visit(visit)


def test_browser_click_keeps_the_quote_open(browser, seeds_result, tmp_path):
    visit = Visit(browser, write_report(seeds_result, tmp_path / "report.html"), 1280, 900)
    cell = visit.page.locator("table.matrix tbody tr:first-child td.cell").first
    cell.locator("button").click()
    visit.page.mouse.move(5, 5)  # the pointer leaves; the selected cell keeps its quote open
    assert cell.locator(".tip").is_visible()
    visit.page.keyboard.press("Tab")  # and moving on closes it
    assert not cell.locator(".tip").is_visible()
    visit.page.emulate_media(media="print")  # on paper the disputed figures stand in for the quotes
    cell.locator("button").click()
    assert not cell.locator(".tip").is_visible() and visit.page.locator("#disputed article").first.is_visible()
    assert_clean_visit(visit)


def test_browser_phone_width_has_no_sideways_scrolling(browser, seeds_result, tmp_path):
    visit = Visit(browser, write_report(seeds_result, tmp_path / "report.html"), 390, 844)
    page = visit.page
    assert visit.overflow() <= 0
    first = page.locator("table.matrix tbody tr").first
    assert first.is_visible() and first.bounding_box()["width"] <= 390
    assert page.locator("table.matrix td.silent").first.is_hidden()  # cards list only the sources that speak
    visit.screenshot(tmp_path, "report-phone.png")
    cell = first.locator("td.cell").first
    cell.locator("button").click()
    assert cell.locator(".tip").is_visible()
    assert cell.locator(".tip").bounding_box()["width"] <= 390
    assert_clean_visit(visit)


def test_browser_hostile_article_runs_nothing(browser, hostile_dir, tmp_path):
    visit = Visit(browser, write_report(scan([str(hostile_dir)]), tmp_path / "hostile.html"), 1280, 900)
    page = visit.page
    assert page.evaluate("document.querySelectorAll('script, img, svg, iframe').length") == 0
    assert '<script>alert("x")</script>' in page.locator("#disputed").inner_text()
    assert page.locator("table.matrix").is_visible()  # the injected <style> did not hide the page
    assert_clean_visit(visit)
