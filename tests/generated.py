"""Generated regular expressions, for tests of what an analysis of a pattern may promise (literals, openings)."""

from __future__ import annotations

from hypothesis import strategies as st

#: How a generated pattern may be built from smaller ones.
KINDS = ("atom", "seq", "alt", "opt", "plus", "star", "ahead", "behind", "not_behind", "not", "ci")


@st.composite
def patterns(draw, atoms: list[str], kinds: tuple[str, ...] = KINDS, widest: int = 3, depth: int = 0) -> str:
    """A pattern of up to three levels over ``atoms``: sequences, alternations of up to ``widest`` branches,
    repeats, lookarounds and case-insensitive groups (those of ``kinds``)."""
    if depth > 2:
        return draw(st.sampled_from(atoms))
    kind = draw(st.sampled_from(kinds))
    inner = lambda: draw(patterns(atoms, kinds, widest, depth + 1))  # noqa: E731
    if kind == "atom":
        return draw(st.sampled_from(atoms))
    if kind == "seq":
        return "".join(inner() for _ in range(draw(st.integers(2, 3))))
    if kind == "alt":
        return "(?:" + "|".join(inner() for _ in range(draw(st.integers(2, widest)))) + ")"
    if kind in ("opt", "plus", "star"):
        return "(?:" + inner() + ")" + {"opt": "?", "plus": "+", "star": "*"}[kind]
    if kind == "ahead":
        return "(?=" + inner() + ")"
    if kind == "behind":
        return "(?<=" + inner() + ")"
    if kind == "not_behind":
        return "(?<!" + inner() + ")"
    if kind == "not":
        return "(?!" + inner() + ")"
    return "(?i:" + inner() + ")"
