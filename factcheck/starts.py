"""Where a match can start: the places in a text worth handing to a big pattern.

A figure pattern such as money's opens with an alternation of sixty hedges,
twenty currency signs, digits and number words.  The regex engine tries that
alternation, branch by branch, at every word start of every sentence it is
given, and most of extraction's time goes there.  Yet a match can only start
where one of a few strings starts ("about", "$", "us$", a digit, "a half"):
this module reads, from the pattern itself, a small expression that finds
those places, to be run with the standard library's engine over the
case-folded text (literals.py folds it once per document).  The pattern is
then tried only there (``pattern.match`` at each place, as ``finditer``
would have found it: extract.py).

The analysis is conservative like literals.py's: every place where the
pattern can match is a place the expression finds (on case-folded text, so
case never hides one); wherever it is unsure (classes it cannot render, back
references, conditionals, ``\\G``) it gives ``None`` and the pattern runs as
before.  The pattern is read with the ``regex`` package's own parser.
"""

from __future__ import annotations

import functools
import re

#: The analysis' version, part of what remembers its results (pattern_cache.py).
ANALYSIS = 3
#: An expression of more alternatives than this is no cheaper to look for than the pattern.
MOST_ALTERNATIVES = 400
#: Below this many alternatives the engine rejects a start quickly on its own; the pattern runs as it is.
FEWEST_ALTERNATIVES = 8
#: How long (in characters of expression) an opening may grow by what follows it.
MOST_TAIL = 400


class _Unsure(Exception):
    """A node the analysis cannot vouch for."""


def match_starts(pattern: str, flags: int = 0, fewest: int = FEWEST_ALTERNATIVES) -> str | None:
    """An expression (for ``re``, over case-folded text) that matches at every position where ``pattern`` can
    start a match, or ``None`` where that cannot be told or where looking for it would not pay (fewer than
    ``fewest`` openings: the engine rejects such a start quickly on its own)."""
    from .literals import _parse

    try:
        openings, nullable = _starts(_parse(pattern, flags))
    except Exception:  # an unknown node or a changed parser: the pattern runs unaided
        return None
    if nullable or not fewest <= len(openings) <= MOST_ALTERNATIVES:
        return None
    alternatives = sorted({source for source, _ in openings}, key=lambda a: (-len(a), a))
    if any(not a for a in alternatives):
        return None
    from .rules import _GLOBAL_FLAGS, MATCH_START  # rules.py compiles through the cache that calls this module

    flags_set = _GLOBAL_FLAGS.match(pattern)
    guarded = pattern[flags_set.end() if flags_set else 0:].startswith(MATCH_START)
    # a match never starts inside a word (rules.MATCH_START): not where a letter or digit follows another one
    guard = r"(?:(?<![a-z0-9_])|(?![a-z0-9]))" if guarded else ""
    source = "(?=" + guard + "(?:" + _factored(alternatives) + "))"
    try:
        re.compile(source)
    except re.error:
        return None
    return source



def _factored(alternatives: list[str]) -> str:
    """The alternatives, those that open with the same character or escape grouped under it ("a(?:bout|t least)"):
    the engine then tries a handful of branches at each place instead of every one."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        head = _HEAD.match(alternative)
        key = head.group() if head else ""
        groups.setdefault(key, []).append(alternative[len(key):])
    parts = []
    for head, rests in groups.items():
        if not head or len(rests) == 1:
            parts.extend(head + rest for rest in rests)
        else:
            parts.append(head + "(?:" + "|".join(sorted(rests, key=lambda r: (-len(r), r))) + ")")
    return "|".join(parts)


#: The first character of an expression, where it is a literal or an escape (not a group, set or repeat).
_HEAD = re.compile(r"(?:\\.|[^\\()\[\]|?*+{}.^$])(?![?*+{])")

#: An opening: an expression, and whether it covers all its node matches (so what follows the node may be added).
Opening = tuple[str, bool]


def _starts(node) -> tuple[frozenset[Opening], bool]:
    """The openings one of which starts every non-empty match of the node, and whether it can match empty."""
    from regex import _regex_core as core

    kind = type(node)
    if kind is core.Branch:
        out: set[Opening] = set()
        nullable = False
        for branch in node.branches:
            openings, empty = _starts(branch)
            out |= openings
            nullable = nullable or empty
        return frozenset(out), nullable
    if kind in (core.Group, core.Atomic):
        return _starts(node.subpattern)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        openings, empty = _starts(node.subpattern)
        complete = node.min_count == node.max_count == 1
        return frozenset((source, whole and complete) for source, whole in openings), empty or node.min_count == 0
    if kind is core.Sequence:
        return _sequence(node.items)
    if kind is core.SearchAnchor:  # \G: where the search started, not a place in the text
        raise _Unsure(kind.__name__)
    if kind is core.LookAround or isinstance(node, core.ZeroWidthBase) or getattr(node, "zerowidth", False):
        return frozenset(), True
    rendered = _render(node)
    if rendered is None:
        raise _Unsure(kind.__name__)
    return frozenset({(rendered, True)}), False


def _sequence(items: list) -> tuple[frozenset[Opening], bool]:
    """What opens a sequence: its nullable items' openings, then the first item that cannot be empty, lengthened
    by the items after it that can be written out; a leading lookahead (a cheap test the rule's author put first)
    wins when it has fewer openings."""
    from regex import _regex_core as core

    out: set[Opening] = set()
    ahead: frozenset[Opening] | None = None
    before = ""  # what may not stand before the opening, where a lookbehind at the very start says so
    for i, item in enumerate(items):
        if type(item) is core.LookAround and item.behind and not item.positive and not out and ahead is None:
            before += _excluded_before(item.subpattern)
            continue
        if type(item) is core.LookAround and item.positive and not item.behind:
            if ahead is None and not out:  # often a cheap test the rule's author put first
                try:
                    openings, empty = _starts(item.subpattern)
                except _Unsure:  # a constraint the analysis cannot use; what follows still tells
                    continue
                if not empty and openings:
                    ahead = frozenset((source, False) for source, _ in openings)
            continue
        try:
            openings, empty = _starts(item)
        except _Unsure:
            if ahead is not None and not out:
                return ahead, False
            raise
        if not empty:
            out |= {(before + source, whole) for source, whole in _lengthened(openings, items[i + 1:])}
            if ahead is not None and len(ahead) <= len(out):
                return ahead, False
            return frozenset(out), False
        out |= {(before + source, False) for source, _ in openings}  # what follows a nullable item may not
        before = ""
    if ahead is not None:
        return ahead, False
    return frozenset(out), True


def _lengthened(openings: frozenset[Opening], rest: list) -> set[Opening]:
    """Each complete opening followed by the items after it that can be written out, while they can: "a" +
    "[\\s-]+" + "(?:hundred|thousand)" rather than "a", which opens every other word.  An opening that took
    in all of them is complete in its turn."""
    tail = []
    for item in rest:
        rendered = _render(item, loose=True)
        if rendered is None or sum(map(len, tail)) + len(rendered) > MOST_TAIL:
            break
        tail.append(rendered)
    joined, complete = "".join(tail), len(tail) == len(rest)
    return {(source + joined, complete) if whole else (source, False) for source, whole in openings}


def _render(node, loose: bool = False) -> str | None:
    """The node as a ``re`` expression over case-folded text that matches at least what it matches, or None.

    Literal characters and strings (folded), the classes ``\\d`` and ``\\s``, sets of those and of characters,
    and groups, alternations, sequences and repeats of such nodes.  ``loose`` (for what follows an opening) also
    drops lookarounds and reads any other class as any character: both only widen what is matched.
    """
    from regex import _regex_core as core

    kind = type(node)
    if kind is core.Character and node.positive and not node.zerowidth:
        return _escape(chr(node.value))
    if kind in (core.String, core.Literal):
        return "".join(_escape(chr(c)) for c in node.characters)
    if kind is core.Property and node.positive and not node.zerowidth and node.value in _spelled():
        return _spelled()[node.value]
    if kind is core.Range and node.positive and not node.zerowidth and 48 <= node.lower <= node.upper <= 57:
        return f"[{chr(node.lower)}-{chr(node.upper)}]"
    if kind is core.SetUnion and node.positive and not node.zerowidth:
        members = [_render(item) for item in node.items]
        if all(m is not None and not m.startswith("(?:") for m in members):
            return "[" + "".join(m[1:-1] if m.startswith("[") else m for m in members) + "]"
    if kind is core.Branch:
        branches = [_render(b, loose) for b in node.branches]
        if any(b is None for b in branches) or len(branches) > MOST_ALTERNATIVES:
            return None
        return "(?:" + "|".join(branches) + ")"
    if kind is core.Sequence:
        parts = [_render(item, loose) for item in node.items]
        if any(p is None for p in parts):
            return None
        return "".join(parts)
    if kind in (core.Group, core.Atomic):
        inner = _render(node.subpattern, loose)
        return None if inner is None else "(?:" + inner + ")"
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        inner = _render(node.subpattern, loose)
        if inner is None or (loose and not _SINGLE.fullmatch(inner)) or inner == _ANY:
            return None  # a repeat of a repeat, or of anything, would make the expression backtrack
        high = "" if node.max_count is None else str(node.max_count)
        return f"(?:{inner}){{{node.min_count},{high}}}"
    if not loose or kind in (core.RefGroup, core.CallGroup, core.Conditional, core.LookAroundConditional,
                             core.SearchAnchor, core.Fuzzy):
        return None
    if kind is core.LookAround or isinstance(node, core.ZeroWidthBase) or getattr(node, "zerowidth", False):
        return ""
    if isinstance(node, (core.SetBase, core.Property, core.Range, core.Character, core.Any)):
        return _ANY  # one character, whichever
    return None


def _excluded_before(node) -> str:
    """A lookbehind at a sequence's start that excludes single characters, as far as it can be said for sure on
    folded text: the ASCII digits and punctuation among them (no letters: folding may have made one)."""
    from regex import _regex_core as core

    members = node.items if type(node) is core.SetUnion and node.positive and not node.zerowidth else [node]
    chars = []
    for item in members:
        if type(item) is core.Character and item.positive and not item.zerowidth:
            char = chr(item.value)
            if char.isascii() and not char.isalpha() and not char.isspace():
                chars.append(re.escape(char))
        elif type(item) is core.Property and item.positive and item.value == _property_value(r"\d"):
            chars.append("0-9")
        elif type(item) is core.Property and item.positive and item.value == _property_value(r"\w"):
            chars.append("0-9_")
    return "(?<![" + "".join(chars) + "])" if chars else ""


def _escape(char: str) -> str:
    folded = char.casefold()
    if len(folded) != 1:  # "ß" folds to "ss": text that holds it is not folded in place (literals.FoldedText)
        return "(?:" + re.escape(folded) + "|" + re.escape(char) + ")"
    return re.escape(folded)


#: One character, whichever (what a class the analysis cannot spell out becomes, in loose rendering).
_ANY = r"[\s\S]"
#: An expression of one character: a literal, an escape or a set.
_SINGLE = re.compile(r"(?:\\.|[^\\()\[\]|?*+{}]|\[(?:\\.|[^\]\\])*\])")


@functools.cache
def _property_value(source: str) -> int:
    """The property value the regex package parses a class escape such as ``\\d`` into."""
    from .literals import _parse

    node = _parse(source, 0)
    while hasattr(node, "items"):
        node = node.items[0]
    return node.value


@functools.cache
def _spelled() -> dict[int, str]:
    """The property values of ``\\d`` and ``\\s`` and their ``re`` spelling (both engines mean the Unicode
    decimal digits and white space by them)."""
    return {_property_value(source): source for source in (r"\d", r"\s")}
