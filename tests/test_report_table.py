"""The scan table is written as it is built: batches of rows that read as one table, groups read lazily."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from factcheck.compare.text import text_kind
from factcheck.report import table
from factcheck.scan import scan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def result(rules):
    return scan([str(ROOT / "seeds"), str(ROOT / "tests" / "fixtures" / "deals")], rules)


def printed(result, batch: int, monkeypatch, **console) -> str:
    monkeypatch.setattr(table, "BATCH_ROWS", batch)
    out = io.StringIO()
    table.write_scan(result, Console(file=out, markup=False, emoji=False, highlight=False, **console))
    return out.getvalue()


@pytest.mark.parametrize("console", [
    {"width": 120},
    {"width": 64},
    {"width": 100, "force_terminal": True, "color_system": "truecolor"},  # styles around the box lines
    {"width": 90, "safe_box": True, "legacy_windows": True},  # another box
], ids=["wide", "narrow", "colour", "legacy"])
def test_a_table_printed_in_batches_is_the_table_printed_whole(result, console, monkeypatch):
    figures = [g for g in result.groups if not text_kind(g.claims[0])]
    statements = [g for g in result.groups if text_kind(g.claims[0])]
    assert len(figures) > 20 and len(statements) > 3
    whole = printed(result, 10_000, monkeypatch, **console)
    for batch in (1, 2, 7):
        assert printed(result, batch, monkeypatch, **console) == whole
    lines = whole.splitlines()
    assert sum("Figures across sources" in line for line in lines) == 1
    titles = sum(any(t in line for t in ("across sources", "Editorial lints")) for line in lines)
    assert sum(line.lstrip("\x1b[0123456789;m").startswith(("┏", "┌", "+")) for line in lines) == titles  # no seams
    assert f"{len(figures)} groups" in whole and f"{len(statements)} quote and role groups" in whole


def test_rows_are_written_before_the_later_groups_are_read(result, monkeypatch):
    """An archive's groups are read from disk one at a time: the table must not wait for all of them."""
    monkeypatch.setattr(table, "BATCH_ROWS", 5)
    figures = [g for g in result.groups if not text_kind(g.claims[0])]
    out = io.StringIO()
    written_when_read: list[int] = []

    def groups():
        for group in figures:
            written_when_read.append(len(out.getvalue()))
            yield group

    table.render_groups(Console(file=out, width=100), result.sources, groups())
    assert written_when_read[0] == 0 and written_when_read[-1] > 0
    assert written_when_read[4] == 0 < written_when_read[5]  # five rows are out before the sixth group is read
    assert f"{len(figures)} groups" in out.getvalue()


def test_a_scan_without_figures_still_shows_the_empty_table(monkeypatch, result):
    from dataclasses import replace

    empty = replace(result, groups=[], claims=[])
    text = printed(empty, 3, monkeypatch, width=80)
    assert "Figures across sources" in text and "0 groups" in text and "quote and role" not in text


def test_extract_prints_each_source_before_reading_the_next_ones_claims(result):
    out = io.StringIO()
    written_when_read: list[int] = []

    def claims():
        for claim in result.claims:
            written_when_read.append(len(out.getvalue()))
            yield claim

    table.render_claims(Console(file=out, width=120), result.sources, claims())
    text = out.getvalue()
    firsts = [i for i, c in enumerate(result.claims) if i == 0 or c.source != result.claims[i - 1].source]
    # a source's claims end where the next source's first claim is read: then its table is printed
    assert len(firsts) > 3 and written_when_read[firsts[1]] == 0 < written_when_read[firsts[2]]
    assert f"{len(result.sources)} sources · {len(result.claims)} claims" in text
    quiet = [s for s in result.sources if not any(c.source == s.path for c in result.claims)]
    assert text.count("no claims found") == len(quiet)
