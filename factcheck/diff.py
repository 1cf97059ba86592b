"""Figure differences between two versions of an article, or two outlets' articles.

``diff_claims`` is the pure core.  Within each key (type, subject, attribute,
unit), figures stated identically in both versions pair up first, one to
one, so a figure that is repeated or moved is unchanged; the rest are paired
by the evidence ``scan`` aligns with (compare/evidence.py: cue words,
parties, values …), so a figure whose subject or cue word changed between
versions is still one changed figure; an aligned pair is a changed figure
while a figure left alone is only in A or only in B.  Quotes and roles pair by
person, nearest first.
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .claims import Claim, Problem, Source
from .compare import align, block_of, distance, same_value, weigh
from .compare.evidence import Context
from .compare.text import text_kind
from .rules import RuleSet, load_rules

_SIDE_A, _SIDE_B = "\x00a", "\x00b"


@dataclass
class FileDiff:
    """The figure differences between one file of A and its counterpart in B."""

    a: str | None  # path in A (None: the file is only in B)
    b: str | None
    changed: list[tuple[Claim, Claim]] = field(default_factory=list)
    only_a: list[Claim] = field(default_factory=list)
    only_b: list[Claim] = field(default_factory=list)
    unchanged: list[tuple[Claim, Claim]] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return bool(self.changed or self.only_a or self.only_b)


@dataclass
class DiffResult:
    files: list[FileDiff]
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return any(f.differs for f in self.files)

    @property
    def failed_inputs(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]


def same_figure(a: Claim, b: Claim, tol: float) -> bool:
    """Stated the same way: same hedge and the same value and interval (within the rule's tolerance).

    A number that is not one (NaN: a date whose year is unknown) is the same as another NaN, and an
    open end (±inf) the same as the same open end: a figure is always the same as itself.
    """
    return a.qualifier == b.qualifier and \
        all(_same_number(x, y, tol) for x, y in ((a.value, b.value), (a.low, b.low), (a.high, b.high))) and \
        (a.low_closed, a.high_closed) == (b.low_closed, b.high_closed)


def _same_number(x: float, y: float, tol: float) -> bool:
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if math.isinf(x) or math.isinf(y):
        return x == y
    return same_value(x, y, tol)


def diff_claims(a_claims: Iterable[Claim], b_claims: Iterable[Claim], rules: RuleSet | None = None,
                a: str | None = None, b: str | None = None) -> FileDiff:
    """Pair the figures of two versions: changed, only in A, only in B, unchanged."""
    tolerance = rules.tolerance if rules is not None else (lambda _t: 0.0)
    keyed: dict[tuple, tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
    for claim in a_claims:
        keyed[claim.key][0].append(claim)
    for claim in b_claims:
        keyed[claim.key][1].append(claim)
    result = FileDiff(a, b)
    rest_a: list[Claim] = []
    rest_b: list[Claim] = []
    for key, (left, right) in keyed.items():
        tol = tolerance(key[0])
        right = list(right)
        unpaired: list[Claim] = []
        for claim in left:
            twin = next((c for c in right if same_figure(claim, c, 0.0)), None)
            if twin is None:
                unpaired.append(claim)
            else:
                right.remove(twin)
                result.unchanged.append((claim, twin))
        if text_kind(key_claim(left, right)):
            _pair_nearest(unpaired, right, tol, result)  # quotes and roles: by person, as scan groups them
        else:
            rest_a.extend(unpaired)
            rest_b.extend(right)
    _pair_by_evidence(rest_a, rest_b, rules, result)
    order = lambda c: c.offset  # noqa: E731
    result.changed.sort(key=lambda p: order(p[1]))
    result.only_a.sort(key=order)
    result.only_b.sort(key=order)
    result.unchanged.sort(key=lambda p: order(p[1]))
    return result


def key_claim(left: list[Claim], right: list[Claim]) -> Claim:
    return left[0] if left else right[0]


def _pair_by_evidence(left: list[Claim], right: list[Claim], rules: RuleSet | None, result: FileDiff) -> None:
    """Changed figures: the figures left on each side paired one to one by the evidence ``scan`` aligns with
    (compare/evidence.py), strongest first and nearest value next, whatever key each version gave them."""
    dimensions = rules.dimensions if rules is not None else {}
    by_block: dict[tuple, tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
    for side, claims in ((0, left), (1, right)):
        for claim in claims:
            by_block[block_of(claim, dimensions)][side].append(claim)
    for block in sorted(by_block):
        a_side, b_side = by_block[block]
        context = Context.of([dataclasses.replace(c, source=_SIDE_A) for c in a_side]
                             + [dataclasses.replace(c, source=_SIDE_B) for c in b_side], rules)
        scored = []
        for i, x in enumerate(a_side):
            for j, y in enumerate(b_side):
                evidence = weigh(x, y, context)
                if evidence.aligned:
                    near = distance(x.value, y.value) if x.value == x.value and y.value == y.value else 1.0
                    scored.append((-evidence.score, near, i, j))
        scored.sort()
        used_a: set[int] = set()
        used_b: set[int] = set()
        for _, _, i, j in scored:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            result.changed.append((a_side[i], b_side[j]))
        result.only_a.extend(c for i, c in enumerate(a_side) if i not in used_a)
        result.only_b.extend(c for j, c in enumerate(b_side) if j not in used_b)


def _pair_nearest(left: list[Claim], right: list[Claim], tol: float, result: FileDiff) -> None:
    """Changed figures: align what is left of each side by nearest value, tagging the sides as two sources."""
    if not left or not right:
        result.only_a.extend(left)
        result.only_b.extend(right)
        return
    original: dict[int, Claim] = {}
    tagged = []
    for side, claims in ((_SIDE_A, left), (_SIDE_B, right)):
        for claim in claims:
            copy = dataclasses.replace(claim, source=side)
            original[id(copy)] = claim
            tagged.append(copy)
    for cluster in align(tagged, tol):
        a_side = [original[id(c)] for c in cluster if c.source == _SIDE_A]
        b_side = [original[id(c)] for c in cluster if c.source == _SIDE_B]
        for x, y in zip(a_side, b_side):
            result.changed.append((x, y))
        result.only_a.extend(a_side[len(b_side):])
        result.only_b.extend(b_side[len(a_side):])


def diff_paths(a: str, b: str, rules: RuleSet | None = None, **read_options) -> DiffResult:
    """Diff two files, or two folders with files paired by their relative name."""
    from .scan import extract_documents, read_sources

    rules = rules or load_rules()
    problems: list[Problem] = []
    if os.path.isdir(a) != os.path.isdir(b) and os.path.exists(a) and os.path.exists(b):
        return DiffResult([], [], [Problem(f"{a} {b}", "cannot compare a folder with a file")])
    docs_a, prob_a = read_sources([a], **read_options)
    docs_b, prob_b = read_sources([b], **read_options)
    problems.extend(prob_a + prob_b)
    if os.path.isdir(a):
        by_name_a = {_relative(d.path, a): d for d in docs_a}
        by_name_b = {_relative(d.path, b): d for d in docs_b}
        names = sorted(set(by_name_a) | set(by_name_b))
        pairs = [(by_name_a.get(n), by_name_b.get(n)) for n in names]
    else:
        pairs = [(docs_a[0] if docs_a else None, docs_b[0] if docs_b else None)] if docs_a or docs_b else []
        if not (docs_a and docs_b):
            pairs = []
    files = []
    for doc_a, doc_b in pairs:
        claims_a = extract_documents([doc_a], rules, problems) if doc_a else []
        claims_b = extract_documents([doc_b], rules, problems) if doc_b else []
        files.append(diff_claims(claims_a, claims_b, rules, doc_a.path if doc_a else None,
                                 doc_b.path if doc_b else None))
    sources = [d.source for d in docs_a + docs_b]
    return DiffResult(files, sources, problems)


def _relative(path: str, root: str) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
