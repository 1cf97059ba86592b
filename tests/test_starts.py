"""Openings (starts.py): trying a pattern only where a match can start finds exactly what searching finds."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import document_from_text, read_document
from factcheck.extract import _finditer, extract_claims
from factcheck.literals import FoldedText
from factcheck.report.json import claim_dict
from factcheck.rules import MATCH_START
from factcheck.starts import match_starts

from .cli_helpers import ROOT, SEEDS
from .generated import patterns


def _spans(found) -> list[tuple]:
    return [(m.span(), m.groups()) for m in found]


def _same_as_search(pattern: regex.Pattern, opening: re.Pattern | None, text: str, start: int, end: int) -> None:
    expected = _spans(pattern.finditer(text, start, end))
    assert _spans(_finditer(pattern, opening, FoldedText(text), start, end)) == expected, (pattern.pattern, text)


#: The kinds of test_literals' patterns with negative lookbehinds and without "*", and sequences and alternations
#: drawn twice as often.
_KINDS = ("atom", "seq", "seq", "alt", "alt", "opt", "plus", "ahead", "behind", "not_behind", "not", "ci")
_ATOMS = ["a", "b", "ab", "ba", "A", r"\d", "[ab]", "[a1-]", ".", r"\s", r"\s+", r"\b", "x", "ß", "k", r"\w", "$"]


@settings(max_examples=600, deadline=None)
@given(patterns(_ATOMS, _KINDS, widest=4), st.booleans(), st.text(alphabet="abAB x1-$.ßẞKkK\u0130", max_size=14),
       st.integers(0, 3), st.integers(0, 3))
def test_generated_patterns_find_the_same_matches(body, guarded, text, cut_start, cut_end):
    """Over generated patterns (lookarounds, case-insensitivity, letters that fold to others, empty matches): the
    matches found at the openings are those a search finds, in the same order."""
    source = (MATCH_START + "(?:" + body + ")") if guarded else body
    pattern = regex.compile(source, regex.V0)
    opening = match_starts(source, pattern.flags, fewest=1)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    _same_as_search(pattern, re.compile(opening) if opening else None, text, start, end)


def test_what_opens_a_pattern():
    opening = re.compile(match_starts(MATCH_START + r"(?:(?:about|over|some)\s+)?(?:\$|€)?\d+(?:\s?(?i:bn|billion))?",
                                      fewest=1))
    text = "Moreover, about $5 billion, or 3bn; over there"
    starts = [m.start() for m in opening.finditer(text.casefold())]
    # a hedge, a sign and a number open a match; "over" does at a word start, not inside "Moreover"
    assert [text[i:i + 5] for i in starts] == ["about", "$5 bi", "5 bil", "3bn; ", "over "]
    assert match_starts(r"\Gabc|abd", fewest=1) is None  # where the search started: no place in the text
    assert match_starts(r"(?:a|b)?", fewest=1) is None  # may match empty anywhere
    assert match_starts(r"(?:(?P<x>a)|b)?(?P=x)c", fewest=1) is None  # what a back reference opens is unknown


def test_big_packaged_patterns_have_openings(rules):
    """The patterns that open with a long list of hedges, signs and number words are the ones tried at openings."""
    money = rules.by_type("money")
    assert money.pattern_starts[0] is not None
    assert sum(o is not None for r in rules.rules for o in r.pattern_starts) >= 20


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, start + len(line)
        start += len(line)


def test_every_packaged_pattern_finds_the_same_matches_on_the_seeds_and_fixtures(rules):
    paths = [p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md")]
    paths += [p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".txt", ".md")]
    texts = [read_document(str(p)).scan_text for p in sorted(paths)]
    tried = 0
    for rule in rules.rules:
        for pattern, _, opening in rule.patterns_to_run():
            if opening is None:
                continue
            for text in texts:
                for start, end in _lines(text):
                    _same_as_search(pattern, opening, text, start, end)
                    tried += 1
    assert tried > 1000


def _without_openings(rules):
    plain = [dataclasses.replace(r, pattern_starts=[], trigger_starts=None) for r in rules.rules]
    return dataclasses.replace(rules, rules=plain)


def test_bench_corpus_gives_the_same_claims_with_and_without_openings(rules, tmp_path):
    """The full JSON of every claim of a generated corpus is the same whether patterns run at their openings or
    over whole sentences (the extraction before openings)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    corpus.main(["60", str(tmp_path), "--seed", "3"])
    files = sorted(p for p in tmp_path.iterdir() if p.suffix in (".txt", ".md"))
    assert len(files) == 60
    plain = _without_openings(rules)

    def claims(rule_set) -> list[str]:
        out = []
        for path in files:
            for claim in extract_claims(document_from_text(str(path), path.read_text(encoding="utf-8")), rule_set):
                out.append(json.dumps(claim_dict(claim), sort_keys=True, default=str))
        return out

    new, old = claims(rules), claims(plain)
    assert len(new) > 1000
    assert new == old
