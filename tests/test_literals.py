"""Required words: a sentence is skipped only when a pattern could not have matched in it."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import read_document
from factcheck.literals import FoldedText, required_literals

from .cli_helpers import ROOT, SEEDS
from .generated import KINDS, patterns


def _texts() -> list[str]:
    paths = [p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md")]
    paths += [p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".txt", ".md")]
    return [read_document(str(p)).scan_text for p in sorted(paths)]


def _patterns(rules) -> list[tuple[regex.Pattern, frozenset | None]]:
    """Every pattern of the rules with the words the engine requires of it."""
    found = []
    for rule in rules.rules:
        found += rule.patterns_with_needs() + [(c.match, c.needs) for c in rule.cues + rule.time_cues]
        if rule.trigger is not None:
            found.append((rule.trigger, rule.trigger_needs))
    return found


def test_no_packaged_pattern_loses_a_match_to_its_required_words(rules):
    """Over every line of the seeds and fixtures: where a rule pattern matches, its words are there."""
    patterns = _patterns(rules)
    skipped = 0
    for text in _texts():
        folded = FoldedText(text)
        for line_start, line in _lines(text):
            for pattern, needs in patterns:
                if folded.may_match(needs, line_start, line_start + len(line)):
                    continue
                skipped += 1
                assert pattern.search(text, line_start, line_start + len(line)) is None, (pattern.pattern[:80], line)
    assert skipped > 1000  # the prefilter does skip work on real coverage


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line
        start += len(line)


def test_rules_have_required_words(rules):
    """Most patterns of the packaged rules can be skipped in a sentence without their words."""
    analysed = [required_literals(p.pattern, p.flags) for r in rules.rules for p in r.patterns]
    assert sum(a is not None for a in analysed) >= 0.8 * len(analysed)


def test_what_is_required():
    assert required_literals(r"(?P<n>\d+)(?=\s+(?i:a|per)\s+share\b)") == {"share"}  # the longest word wins
    assert required_literals(r"\d+\s+(?:GPUs|chips)") == {"gpus", "chips"}
    assert required_literals(r"price\s+target") == {"target"}
    assert required_literals(r"price target of \d+") == {"price target of "}
    assert required_literals(r"(?:per )?share") == {"share"}


def test_nothing_is_claimed_where_nothing_is_certain():
    assert required_literals(r"(?:stake)?\d+") is None  # optional
    assert required_literals(r"(?<=stake\s)\d+") is None  # a lookbehind may look before the sentence
    assert required_literals(r"(?!stake)\d+") is None  # negative
    assert required_literals(r"\d+|stake") is None  # one branch needs nothing
    assert required_literals(r"[a-z]+") is None
    assert required_literals(r"(unclosed") is None  # what cannot be parsed is simply run


def test_case_is_folded():
    needs = required_literals(r"(?i:Target)")
    assert FoldedText("PRICE TARGET").may_match(needs, 0, 12)
    assert FoldedText("Straße").may_match(required_literals("(?i:STRASSE)"), 0, 6)  # folding lengthens "ß"
    assert not FoldedText("price goal").may_match(needs, 0, 10)


def test_only_the_stretch_asked_about_counts():
    needs = required_literals("share")
    text = FoldedText("one share. two units.")
    assert text.may_match(needs, 0, 10)
    assert not text.may_match(needs, 11, 21)


# --------------------------------------------------------------------------- generated patterns

_ATOMS = ["a", "b", "ab", "ba", "A", r"\d", "[ab]", ".", r"\s", r"\b", "x"]


@settings(max_examples=400, deadline=None)
@given(patterns(_ATOMS, tuple(k for k in KINDS if k != "not_behind")), st.text(alphabet="abAB x1 .", max_size=12),
       st.integers(0, 4), st.integers(0, 4))
def test_a_pattern_that_matches_always_has_its_words(pattern, text, cut_start, cut_end):
    """Generated patterns over a small alphabet: whenever one matches in a stretch, the stretch has its words."""
    compiled = regex.compile(pattern)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    if compiled.search(text, start, end) is not None:
        assert FoldedText(text).may_match(required_literals(pattern), start, end), (pattern, text, start, end)


def test_many_forms_of_few_words_still_give_required_words():
    """Sixty forms of twelve verbs: the sentences without any of the twelve are skipped, not all read."""
    stems = ["announc", "unveil", "launch", "deploy", "deliver", "complet", "commenc", "finaliz", "approv", "acquir",
             "licens", "restructur"]
    forms = [stem + ending for stem in stems for ending in ("e", "es", "ed", "ing", "ement")]
    found = required_literals(r"\b(?:" + "|".join(forms) + r")\b")
    assert found is not None and len(found) <= 2 * len(stems)
    assert FoldedText("Nothing happened here.").may_match(found, 0, 22) is False
    assert FoldedText("They announced it.").may_match(found, 0, 18) is True
