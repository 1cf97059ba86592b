"""Required words: the literal text a pattern cannot match without.

Most rule patterns can only match where a particular word occurs: a price
target needs "target", a stake needs "stake", a date needs an event word.
Running a pattern over a sentence that lacks all of those words is wasted
work, and with sixty-odd patterns per sentence it is most of the work.  So
each pattern is analysed once, when the rules are compiled, for a set of
literal strings of which every match must contain at least one (the idea
behind the literal prefilters of RE2, Hyperscan and ripgrep), and a sentence
is tested for them with plain substring search before the pattern is run.

The analysis is conservative: wherever it cannot be sure (classes, optional
parts, lookbehinds, back-references, anything it does not know) it claims
nothing, and the pattern simply runs.  Literals are compared case-folded, so
a case-sensitive literal may let through a sentence that cannot match, never
the other way round.

The pattern is read with the ``regex`` package's own parser, so the analysis
sees exactly the syntax the engine compiles.  That parser is internal to the
package; if it ever changes shape, :func:`required_literals` returns ``None``
and patterns run unfiltered, as correct as before, only slower.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

#: The analysis' version, part of what remembers its results (pattern_cache.py): a change may find other words.
ANALYSIS = 2
#: A set of alternatives longer than this is not worth testing one by one.
MOST_ALTERNATIVES = 128
#: Literal strings a sequence of fixed parts is expanded into, at most ("a|per|each" + " share").
MOST_COMBINATIONS = 64

Literals = frozenset[str]


def required_literals(pattern: str, flags: int = 0) -> Literals | None:
    """Strings (case-folded) of which every match of ``pattern`` contains one, or ``None`` if unknown."""
    try:
        parsed = _parse(pattern, flags)
        found = _required(parsed)
    except Exception:  # an unknown node or a changed parser: claim nothing
        return None
    if not found or any(not s for s in found):
        return None
    found = _shortest(found)
    if len(found) > MOST_ALTERNATIVES:
        return None
    return found


def _shortest(literals: Literals) -> Literals:
    """Without the strings that contain another of the set: a text holding "announced" holds "announce"."""
    return frozenset(s for s in literals if not any(other != s and other in s for other in literals))


# --------------------------------------------------------------------------- analysis


def _parse(pattern: str, flags: int):
    from regex import _regex_core as core

    global_flags = flags
    while True:
        source = core.Source(pattern)
        info = core.Info(global_flags, source.char_type, {})
        try:
            return core._parse_pattern(source, info)
        except core._UnscopedFlagSet:
            global_flags = info.global_flags


def _exact(node) -> Literals | None:
    """The strings a node matches if it matches only a few fixed strings ("a|per|each"), else None."""
    from regex import _regex_core as core

    kind = type(node)
    if kind is core.Character:
        if not node.positive or node.zerowidth:
            return None
        return frozenset({chr(node.value).casefold()})
    if kind in (core.String, core.Literal):
        return frozenset({"".join(chr(c) for c in node.characters).casefold()})
    if kind is core.Branch:
        out: set[str] = set()
        for branch in node.branches:
            e = _exact(branch)
            if e is None:
                return None
            out |= e
        return frozenset(out) if len(out) <= MOST_COMBINATIONS else None
    if kind is core.Sequence:
        return _exact_sequence(node.items)
    if kind in (core.Group, core.Atomic):
        return _exact(node.subpattern)
    return None


def _exact_sequence(items: Iterable) -> Literals | None:
    out: Literals = frozenset({""})
    for item in items:
        e = _exact(item)
        if e is None:
            return None
        out = frozenset(a + b for a in out for b in e)
        if len(out) > MOST_COMBINATIONS:
            return None
    return out


def _required(node) -> Literals | None:
    """Strings one of which every match of the node contains; None when nothing is certain."""
    from regex import _regex_core as core

    exact = _exact(node)
    if exact is not None:
        return exact
    kind = type(node)
    if kind is core.Sequence:
        return _required_sequence(node.items)
    if kind is core.Branch:
        out: set[str] = set()
        for branch in node.branches:
            r = _required(branch)
            if r is None:
                return None
            out |= r
        return frozenset(out)
    if kind in (core.Group, core.Atomic):
        return _required(node.subpattern)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return _required(node.subpattern) if node.min_count >= 1 else None
    if kind is core.LookAround:
        # What a lookahead needs lies after the position, inside the text searched.  A lookbehind may look
        # before the start of the sentence being searched, so it promises nothing about the sentence.
        return _required(node.subpattern) if node.positive and not node.behind else None
    return None


def _required_sequence(items: list) -> Literals | None:
    """Every item of a sequence must match: keep the most selective item's literals.

    Runs of fixed items are first joined into longer strings ("per share" rather than "per").
    """
    candidates: list[Literals] = []
    run: list = []
    for item in items + [None]:
        if item is not None and _exact(item) is not None:
            run.append(item)
            continue
        if run:
            joined = _exact_sequence(run)
            if joined is not None:
                candidates.append(joined)
            run = []
        if item is not None:
            r = _required(item)
            if r is not None:
                candidates.append(r)
    candidates = [c for c in candidates if c and all(c)]
    if not candidates:
        return None
    return max(candidates, key=_selectivity)


def _selectivity(literals: Literals) -> tuple[int, int]:
    """Longer shortest strings are rarer; fewer alternatives are cheaper to test."""
    return (min(len(s.strip()) for s in literals), -len(literals))


class FoldedText:
    """A text case-folded once, for many "does this stretch contain one of these words?" questions."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text.casefold()
        # Folding can change a text's length ("ß" → "ss"); offsets then no longer line up, and each
        # stretch is folded on its own instead.
        self.folded = folded if len(folded) == len(text) else None
        self._starts: dict[tuple[re.Pattern, int, int], list[int]] = {}

    def starts(self, opening: re.Pattern, start: int, end: int) -> list[int] | None:
        """Every position in ``[start, end)`` where ``opening`` (starts.py) matches the folded text, found once per
        stretch (a sentence's rules share them); None where the text could not be folded in place."""
        if self.folded is None:
            return None
        key = (opening, start, end)
        found = self._starts.get(key)
        if found is None:
            found = self._starts[key] = [m.start() for m in opening.finditer(self.folded, start, end)]
        return found

    def may_match(self, literals: Literals | None, start: int, end: int) -> bool:
        """False only when ``text[start:end]`` contains none of the literals (case-folded)."""
        if literals is None:
            return True
        if self.folded is not None:
            return _searcher(literals)(self.folded, start, end) is not None
        return _searcher(literals)(self.text[start:end].casefold()) is not None


@functools.lru_cache(maxsize=4096)
def _searcher(literals: Literals):
    """One compiled alternation per set: the standard library's engine scans for literals fastest."""
    return re.compile("|".join(re.escape(s) for s in sorted(literals, key=lambda s: (-len(s), s)))).search
