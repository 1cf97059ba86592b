"""Conformance of the figure grammar against Recognizers-Text's English specs.

``python -m factcheck.conformance [DIR]`` reads ``number_en.json``,
``percent_en.json`` and ``currency_en.json`` (format: DIR/README.md; by default
``shared/conformance/recognizers-text`` beside the repository) and runs three
recognizers built from the normaliser's own pieces (numbers.PIECES):

* number:   ``{number}`` with an optional ``{scale}``;
* percent:  ``{number}`` (with scale) followed by ``%``, ``percent``, ``per cent`` or ``pct``;
* currency: the ``{money}`` piece of the packaged ``pieces.yaml``, its span cut to the
  amount (a hedge such as "about" is not part of the amount upstream).

A case passes when the set of (span, value) found equals the expected set.
Cases outside what a news-figure reader should do are set aside with a reason
(:func:`out_of_scope`), counted and listed, never silently dropped.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import regex

from .numbers import NumberError, PIECES, Reading, UNITS, TENS, figure_from
from .rules import expand_pieces, packaged_rules_dir, read_yaml

FILES = ("number_en.json", "percent_en.json", "currency_en.json")
PERCENT_SIGN = r"\s?(?:%|percent|per\s+cent|pct)(?!\w)"

Found = tuple[int, int, float]


@dataclass
class CaseResult:
    input: str
    source: str
    expected: list[Found]
    found: list[Found]
    scope: str  # "" when in scope, else the reason it is not

    @property
    def passed(self) -> bool:
        return _same_set(self.expected, self.found)


@dataclass
class FileResult:
    name: str
    cases: list[CaseResult] = field(default_factory=list)

    @property
    def in_scope(self) -> list[CaseResult]:
        return [c for c in self.cases if not c.scope]

    @property
    def passed(self) -> int:
        return sum(1 for c in self.in_scope if c.passed)

    @property
    def rate(self) -> float:
        return self.passed / len(self.in_scope) if self.in_scope else 1.0


def default_dir(start: Path | None = None) -> Path | None:
    """``shared/conformance/recognizers-text`` in the repository's parent folder (or further up).

    The repository is the one holding ``start`` (a file in it; default this module, which in an
    installed package is not in a checkout), else the current directory's.
    """
    repo = (start or Path(__file__)).resolve().parent.parent
    for base in (repo, Path.cwd().resolve()):
        for folder in [base.parent, *base.parent.parents]:
            candidate = folder / "shared" / "conformance" / "recognizers-text"
            if candidate.is_dir():
                return candidate
    return None


# --------------------------------------------------------------------------- recognizers


def _pieces() -> dict[str, str]:
    pieces = dict(PIECES)
    path = packaged_rules_dir() / "pieces.yaml"
    if path.is_file():
        pieces.update({k: str(v) for k, v in (read_yaml(path).get("pieces") or {}).items()})
    return pieces


def _compile(pattern: str) -> regex.Pattern:
    return regex.compile(expand_pieces(pattern, _pieces()), regex.V0)


def _value(m: regex.Match) -> float | None:
    groups = m.groupdict()
    try:
        return figure_from(Reading(number=groups.get("number") or "", scale=groups.get("scale"))).value
    except (NumberError, KeyError, ValueError, ZeroDivisionError):
        return None


def _amount_span(m: regex.Match, names: tuple[str, ...]) -> tuple[int, int]:
    spans = [m.span(n) for n in names if n in m.re.groupindex and m.group(n)]
    return min(s for s, _ in spans), max(e for _, e in spans)


def recognizer(kind: str) -> Callable[[str], list[Found]]:
    """A function text → [(start, end, value)] for ``number``, ``percentage`` or ``currency``."""
    if kind == "number":
        pattern = _compile(r"{number}(?:\s?{scale})?")
        names = ("number", "scale")
    elif kind == "percentage":
        pattern = _compile(r"{number}(?:\s?{scale})?" + PERCENT_SIGN)
        names = ()
    else:
        pattern = _compile(r"{money}")
        names = ("currency", "number", "scale", "currency_word")

    def find(text: str) -> list[Found]:
        out = []
        for m in pattern.finditer(text):
            value = _value(m)
            if value is None:
                continue
            start, end = _amount_span(m, names) if names else m.span()
            out.append((start, end, value))
        return out

    return find


# --------------------------------------------------------------------------- scope

_NUMBER_WORDS = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))

#: (file prefix, test on the case and its results, reason).  First match wins.
SCOPE: list[tuple[str, Callable[[dict[str, Any]], bool], str]] = []


def _rule(prefix: str, reason: str):
    def add(test: Callable[[dict[str, Any]], bool]):
        SCOPE.append((prefix, test, reason))
        return test
    return add


def _texts(case: dict[str, Any]) -> list[str]:
    return [str(r["text"]).lower() for r in case["results"]]


def _any_text(case: dict[str, Any], pattern: str) -> bool:
    return any(regex.search(pattern, t) for t in _texts(case))


_rule("", "negative numbers: a news figure is a magnitude, its direction is a word ('fell 5%')")(
    lambda c: any(r["value"] is not None and str(r["value"]).lstrip().startswith("-") for r in c["results"]))
_rule("number", "spoken decimals ('two hundred point five', 'nought'): not written news style")(
    lambda c: bool(regex.search(r"(?i)\bpoint\b|\bn[ao]ught\b", c["input"])))
_rule("number", "digits mixed with number words ('3 hundred and 21', '6 crore and two hundred')")(
    lambda c: _any_text(c, rf"\d.*\b(?:{_NUMBER_WORDS})\b|\b(?:{_NUMBER_WORDS})\b.*\d")
    or _any_text(c, r"\d\s+(?:hundred|thousand|crore)\s+\S"))
_rule("number", "spoken fractions of a scale word ('3 million and a half', 'two thirds of a million')")(
    lambda c: _any_text(c, r"(?:thousand|million|billion)\s+and\s+.*\b(?:half|quarters?|thirds?|fifths?|ninths?)\b"
                           r"|thirds?\s+of\s+a\b"))
_rule("number", "digits inside dates, IP addresses, phone numbers and product codes are not figures (by design)")(
    lambda c: bool(regex.search(r"\d+\.\d+\.\d+|\d+/\d+/\d+|\+\d+-\d|[A-Z]{2,}-\d", c["input"])))
_rule("number", "decimal commas and irregular digit groups ('5,00', '1,3', '22,24,26,31'): English news groups thousands")(
    lambda c: bool(regex.search(r"\d,\d{1,2}(?!\d)", c["input"])))
_rule("number", "a decimal without its leading zero ('.08'): read as a version or list mark")(
    lambda c: _any_text(c, r"^\.\d"))
_rule("number", "'dozens' with a count and its abbreviations ('3 dozens', '5 dozs'): not news usage")(
    lambda c: _any_text(c, r"\b(?:dozens|dzs|dozs)\b"))
_rule("number", "G as a scale ('10G'): in tech news it is a generation or gigabit, never a billion")(
    lambda c: _any_text(c, r"\d\s?g$"))
_rule("number", "'1m' is one million in news style ('£1m'); upstream refuses it")(
    lambda c: bool(regex.match(r"1m isn't", c["input"])))
_rule("percent", "'N percentage' / 'percents' / 'percent of N': not English news usage "
                 "('percentage points' is another unit)")(
    lambda c: bool(regex.search(r"(?i)percentages?\b|percents\b|per\s?cents?\s+of\b", c["input"])))
_rule("currency", "dollars and cents in words ('3 dollars 50 cents', 'thirteen dollars forty five'): "
                  "spoken prices, not how news writes a figure")(
    lambda c: _any_text(c, r"dollars?\s+(?:and\s+)?(?:\w+[\s-])*?(?:one|two|five|forty|fifty|\d+)\b"
                           r"|\band\s+fifty$|\bmao\b|-cent\b"))
_rule("currency", "currencies outside the engine's list (obsolete or minor: markka, peseta, guilder, "
                  "₡, ₾, ₭, ரூ, 元, sen); a rule can add them")(
    lambda c: _any_text(c, r"markka|peseta|guilder|[₡₾₭元]|ரூ|^sen\b"))
_rule("currency", "one-letter currency prefix in lower case from tokenised text ('c $ 16.4 million'): "
                  "reading it would turn 'a $5 billion deal' into Australian dollars")(
    lambda c: _any_text(c, r"^[cas] \$"))
_rule("currency", "lower-case 'us $' from tokenised text: in prose ('paid us $5 million') 'us' is a pronoun")(
    lambda c: _any_text(c, r"^us \$") and "us $" in c["input"])
_rule("currency", "amount written as an adjective ('one-yen bid')")(
    lambda c: _any_text(c, r"^\w+-(?:yen|dollar|euro)$"))
_rule("currency", "a currency word alone, no amount")(
    lambda c: c["results"] != [] and all(r["value"] is None for r in c["results"]))


def out_of_scope(kind: str, case: dict[str, Any]) -> str:
    """The reason a case is outside what a news-figure reader should do, or ''."""
    for prefix, test, reason in SCOPE:
        if (not prefix or kind.startswith(prefix)) and test(case):
            return reason
    return ""


# --------------------------------------------------------------------------- scoring


def _expected(case: dict[str, Any]) -> list[Found]:
    out = []
    for r in case["results"]:
        if r["value"] is None:  # a bare currency word: no figure to read
            continue
        value = float(Decimal(str(r["value"]).rstrip("%")))
        out.append((int(r["start"]), int(r["end"]), value))
    return out


def _same_set(expected: list[Found], found: list[Found]) -> bool:
    if len(expected) != len(found):
        return False
    remaining = list(found)
    for s, e, v in expected:
        hit = next((f for f in remaining if f[0] == s and f[1] == e and math.isclose(f[2], v, rel_tol=1e-9)), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return True


def run_file(path: Path) -> FileResult:
    kind = path.stem.split("_")[0]
    kind = {"percent": "percentage"}.get(kind, kind)
    find = recognizer(kind)
    result = FileResult(path.name)
    for case in json.loads(path.read_text(encoding="utf-8")):
        result.cases.append(CaseResult(case["input"], case.get("source", ""), _expected(case), find(case["input"]),
                                       out_of_scope(path.stem, case)))
    return result


def run(folder: Path) -> list[FileResult]:
    return [run_file(folder / name) for name in FILES if (folder / name).is_file()]


def _show(found: list[Found], text: str) -> str:
    return ", ".join(f"{text[s:e]!r}={v:g}" for s, e, v in found) or "nothing"


def report(results: list[FileResult], out=None, verbose: bool = False) -> None:
    out = out or sys.stdout
    for r in results:
        every = sum(1 for c in r.cases if c.passed)
        print(f"{r.name}: {r.passed}/{len(r.in_scope)} in-scope cases pass ({100 * r.rate:.1f} %); "
              f"{len(r.cases) - len(r.in_scope)} out of scope; all cases {every}/{len(r.cases)} "
              f"({100 * every / max(len(r.cases), 1):.1f} %)", file=out)
    total = sum(len(r.in_scope) for r in results)
    passed = sum(r.passed for r in results)
    print(f"all: {passed}/{total} ({100 * passed / max(total, 1):.1f} %)", file=out)
    for r in results:
        failures = [c for c in r.in_scope if not c.passed]
        if failures:
            print(f"\n{r.name}: failures", file=out)
        for c in failures:
            print(f"  {c.source}: {c.input!r}\n    expected {_show(c.expected, c.input)}; found {_show(c.found, c.input)}",
                  file=out)
        if verbose:
            reasons: dict[str, list[CaseResult]] = {}
            for c in r.cases:
                if c.scope:
                    reasons.setdefault(c.scope, []).append(c)
            if reasons:
                print(f"\n{r.name}: out of scope", file=out)
            for reason, cases in reasons.items():
                print(f"  {len(cases)} × {reason}", file=out)
                for c in cases:
                    print(f"      {c.input[:90]!r}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factcheck.conformance", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="folder with number_en.json, percent_en.json, currency_en.json")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list the cases set aside as out of scope")
    args = parser.parse_args(argv)
    folder = Path(args.folder) if args.folder else default_dir()
    if folder is None or not folder.is_dir():
        print("factcheck.conformance: error: no conformance folder (give DIR, or put "
              "shared/conformance/recognizers-text beside the repository)", file=sys.stderr)
        return 2
    results = run(folder)
    if not results:
        print(f"factcheck.conformance: error: {folder}: none of {', '.join(FILES)} found", file=sys.stderr)
        return 2
    report(results, verbose=args.verbose)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
