"""Rules: YAML files → compiled claim rules and the entity catalogue.

One file per claim type (``rules/*.yaml``); ``pieces.yaml`` holds shared
pattern pieces and ``entities.yaml`` the entity catalogue.  The engine knows
nothing of particular rules: everything a claim type needs is in its file.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import regex
import yaml

from .dates import PIECES as DATE_PIECES
from .currency import parse_rates
from .entities import Catalogue, load_catalogue
from .literals import Literals, required_literals
from .pattern_cache import CompiledPatterns
from .nouns import CountedNouns
from .numbers import PIECES

#: Files in a rules folder that are not claim rules.
SPECIAL_FILES = {"pieces", "entities", "people"}

#: Named groups the engine reads from a pattern match.
ENGINE_GROUPS = ("qualifier", "number", "number2", "scale", "scale2", "unit", "currency", "currency_word",
                 "vague", "suffix", "figure", "negative", "subject", "time", "date",
                 "event_before", "event_after")  # the event words a date rule's cues look at

#: How a rule's figures are read: ``number`` (numbers.py) or ``date`` (dates.py, day ordinals).
VALUE_KINDS = ("number", "date")

#: Rule kinds that are not figures: ``kind:`` in a rule file → the module that compiles and runs it.
#: Such a module has ``compile_rule(data, path, compiled) -> rule`` (``compiled``: the pattern cache to compile
#: through, pattern_cache.py) and the rule
#: ``extract(document, rules, problems, mentions)`` (``mentions``: the catalogue's, already found).
TEXT_KINDS = {"quote": "factcheck.quotes", "role": "factcheck.roles", "lint": "factcheck.lints"}

#: Default per-call regex timeout (seconds): bounds a pattern that backtracks.
PATTERN_TIMEOUT = 1.0

#: A sentence without any of these (or a rule's own ``candidates``) cannot hold a figure.
CANDIDATE = (
    r"\d|(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter|third"
    r"|fifth|tenth|tens|several|a\s+few|scores)\b)|수\s?[십백천만억조]"  # Korean vague amounts: 수십만, 수조
)

#: Put before every rule pattern: a match never starts inside a word ("moreover 5" is no hedge "over").
#: It also lets the regex engine give up at most positions of a sentence at once, which halves matching time.
MATCH_START = r"(?!(?<=\w)\w)"

_PIECE_REF = regex.compile(r"(?<!\\[pPN])\{([A-Za-z_][A-Za-z0-9_]*)\}")


class RuleError(Exception):
    """A rule file that cannot be used; the message starts with file:line.

    ``issues`` holds every problem found when the folder was validated (one
    :class:`factcheck.schema.Issue` each), the message lists them one a line.
    """

    def __init__(self, message: str, issues: list | None = None) -> None:
        super().__init__(message)
        self.issues = list(issues or [])


@dataclass(frozen=True)
class Unit:
    name: str
    match: regex.Pattern
    multiplier: float = 1.0


@dataclass(frozen=True)
class Cue:
    """Words near a figure that choose its attribute (or the time it was measured)."""

    value: str
    match: regex.Pattern
    within: str = "clause"  # clause | sentence | match (the rule's whole match; the cue nearest the figure wins)
    needs: Literals | None = None  # words without which it cannot match (literals.py); None: always try it


@dataclass
class Rule:
    """A claim type: how to find its figures and how to read them."""

    type: str
    path: str
    patterns: list[regex.Pattern]
    pattern_sources: list[str]
    units: list[Unit] = field(default_factory=list)
    unit_from: str | None = None  # "currency": the unit is the currency captured; "noun": the thing counted
    nouns: CountedNouns | None = None  # how a counted thing becomes a unit (``unit_from: noun``)
    default_unit: str = ""
    default_attribute: str = "amount"
    #: attributes whose figures belong to a deal between the subject and its counterparty (a contract's value,
    #: not a share price): either party may be written as their subject, and two of them may be one sum called by
    #: two names ("commitment", "deal"): evidence for alignment (compare/evidence.py)
    deal_attributes: frozenset[str] = frozenset()
    #: attributes that say nothing of what is measured ("amount": a sum with no cue): such a figure is aligned
    #: with others only by other evidence, and never disputes one on its value alone (compare/evidence.py)
    generic_attributes: frozenset[str] = frozenset()
    #: what the figures measure, for aligning claims of different types ("money": a deal's value and a
    #: company's valuation are both sums); by default the claim type
    dimension: str = ""
    cues: list[Cue] = field(default_factory=list)
    time_cues: list[Cue] = field(default_factory=list)
    avoid_roles: tuple[str, ...] = ()
    subject_from_figure: bool = False  # an entity named inside the figure ("120 million AMD shares") is its subject
    subject_person: bool = False  # the subject is the person named nearest the figure (an age)
    avoid_kinds: tuple[str, ...] = ()  # entity kinds passed over like avoided roles ("country" for dates)
    tolerance: float = 0.0  # relative difference under which central values are the same
    about: float = 0.10  # the ± an "about" hedge gives
    priority: int = 0
    description: str = ""
    examples: list[dict[str, Any]] = field(default_factory=list)
    trigger: regex.Pattern | None = None  # cheap test: can this rule match in a sentence at all?
    candidates: str | None = None  # figures without a digit or number word this rule can read ("a gigawatt")
    pattern_files: list[str] = field(default_factory=list)  # file of each pattern (a rule may be extended)
    extended_by: list[str] = field(default_factory=list)  # files that added to this rule (``extends:``)
    value: str = "number"  # one of VALUE_KINDS
    languages: tuple[str, ...] = ("en",)  # for value parsers that need them (dates)
    exchange_rates: list = field(default_factory=list)  # currency.ExchangeRate: compare won with dollars
    # words without which each pattern (and the trigger) cannot match (literals.py): a sentence lacking them is
    # skipped without running the pattern; None (or no list) means the pattern is always run
    pattern_needs: list[Literals | None] = field(default_factory=list)
    trigger_needs: Literals | None = None
    # where each pattern can start a match (starts.py): the pattern is tried only there; None runs it everywhere
    pattern_starts: list[re.Pattern | None] = field(default_factory=list)
    trigger_starts: re.Pattern | None = None

    def patterns_with_needs(self) -> list[tuple[regex.Pattern, Literals | None]]:
        return [(pattern, needs) for pattern, needs, _ in self.patterns_to_run()]

    def patterns_to_run(self) -> list[tuple[regex.Pattern, Literals | None, re.Pattern | None]]:
        """Each pattern with the words it needs and where it can start (both optional)."""
        n = len(self.patterns)
        needs = self.pattern_needs if len(self.pattern_needs) == n else [None] * n
        starts = self.pattern_starts if len(self.pattern_starts) == n else [None] * n
        return list(zip(self.patterns, needs, starts))

    def unit_of(self, text: str | None) -> Unit | None:
        if not text:
            return None
        for unit in self.units:
            if unit.match.fullmatch(text, timeout=PATTERN_TIMEOUT):
                return unit
        return None


@dataclass
class RuleSet:
    """Everything extraction needs: the rules, the pieces and the entity catalogue."""

    rules: list[Rule]
    catalogue: Catalogue
    folders: list[str] = field(default_factory=list)
    text_rules: list[Any] = field(default_factory=list)  # kind: quote, role, lint (see TEXT_KINDS)

    @property
    def types(self) -> list[str]:
        """Every claim type the rules can produce, figures and text claims."""
        return [r.type for r in self.rules] + [r.type for r in self.text_rules if getattr(r, "produces_claims", True)]

    def text_rule(self, kind: str) -> Any | None:
        for rule in self.text_rules:
            if rule.kind == kind:
                return rule
        return None

    @functools.cached_property
    def candidate_pattern(self) -> regex.Pattern:
        """Sentences that can hold a figure: digits, number words, or what a rule adds."""
        extra = [r.candidates for r in self.rules if r.candidates]
        return regex.compile("|".join([CANDIDATE] + extra))

    @functools.cached_property
    def candidate_tests(self) -> list[tuple[regex.Pattern, Literals | None]]:
        """``candidate_pattern`` as separate tests, each rule's with the words it needs: a sentence is read
        when one test matches, and a rule's test is run only where its words are (literals.py)."""
        tests = [(regex.compile(CANDIDATE), None)]
        for rule in self.rules:
            if rule.candidates:
                pattern = regex.compile(rule.candidates)
                tests.append((pattern, required_literals(pattern.pattern, pattern.flags)))
        return tests

    def by_type(self, claim_type: str) -> Rule | None:
        for rule in self.rules:
            if rule.type == claim_type:
                return rule
        return None

    def exchange_rates(self, claim_type: str) -> list:
        rule = self.by_type(claim_type)
        return rule.exchange_rates if rule else []

    def tolerance(self, claim_type: str) -> float:
        rule = self.by_type(claim_type)
        return rule.tolerance if rule else 0.0

    @functools.cached_property
    def deal_attributes(self) -> frozenset[tuple[str, str]]:
        """(type, attribute) of every figure that belongs to a deal between two parties (``attributes: deal:``)."""
        return frozenset((rule.type, attribute) for rule in self.rules for attribute in rule.deal_attributes)

    @functools.cached_property
    def generic_attributes(self) -> frozenset[tuple[str, str]]:
        """(type, attribute) of figures whose attribute names nothing measured (``attributes: generic:``)."""
        return frozenset((rule.type, attribute) for rule in self.rules for attribute in rule.generic_attributes)

    @functools.cached_property
    def dimensions(self) -> dict[str, str]:
        """Claim type → what its figures measure (``dimension:``; by default the type itself)."""
        return {rule.type: rule.dimension or rule.type for rule in self.rules}


def packaged_rules_dir() -> Path:
    """The folder of rules shipped with the package (``rules/`` in a source checkout)."""
    installed = Path(__file__).with_name("default_rules")
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "rules"


def load_rules(extra_dirs: Iterable[str | Path] = (), include_packaged: bool = True) -> RuleSet:
    """Load the packaged rules and any extra folders.

    A later file with the same claim type replaces an earlier one; a file with
    ``extends: TYPE`` adds its patterns, cues, units and examples to that rule.
    Extra folders are validated against the rule schema first (packaged rules
    are validated by the test suite), so a typo in a user's rule is an error
    with its file, line and column instead of a key silently ignored.
    """
    folders = tuple(str(f) for f in ([packaged_rules_dir()] if include_packaged else []) + [Path(d) for d in extra_dirs])
    _check_folders(folders, 1 if include_packaged else 0)
    return _load(folders)


@functools.lru_cache(maxsize=8)
def _check_folders(folders: tuple[str, ...], validate_from: int = 0) -> None:
    """Every folder exists, and those from ``validate_from`` on pass the schema (once per process)."""
    for folder in folders:
        if not Path(folder).is_dir():
            raise RuleError(f"{folder}: rules folder not found")
    if validate_from < len(folders):
        _validate(folders[validate_from:], folders[:validate_from])


#: Keys of an ``extends:`` file whose lists are added to the base rule's.
_EXTENDABLE = ("patterns", "units", "times", "examples")


@functools.lru_cache(maxsize=8)
def _load(folders: tuple[str, ...]) -> RuleSet:
    """The rule set of these folders, compiled once per process (workers load it by folder names too)."""
    for folder in folders:
        if not Path(folder).is_dir():
            raise RuleError(f"{folder}: rules folder not found")
    pieces: dict[str, str] = {**PIECES, **DATE_PIECES}
    compiled = CompiledPatterns.shared()  # patterns compiled by an earlier run are read back, not compiled
    entity_files: list[Path] = []
    datas: dict[str, tuple[dict[str, Any], Path, list[str], list[str]]] = {}  # type → data, file, pattern files, extenders
    for folder in map(Path, folders):
        bases, extensions = [], []
        for path in sorted(folder.glob("*.y*ml")):
            if path.stem == "pieces":
                data = read_yaml(path)
                pieces.update({k: str(v) for k, v in (data.get("pieces") or {}).items()})
            elif path.stem in ("entities", "people"):
                entity_files.append(path)
            else:
                data = read_yaml(path)
                (extensions if data.get("extends") else bases).append((data, path))
        for data, path in bases:
            claim_type = str(data.get("type") or path.stem)
            datas[claim_type] = (data, path, [str(path)] * len(data.get("patterns") or []), [])
        for data, path in extensions:
            base = str(data["extends"])
            if base not in datas:
                raise RuleError(f"{path}: extends: no rule of type {base!r} to extend "
                                f"(rules: {', '.join(sorted(datas))})")
            merged, base_path, files, extenders = datas[base]
            merged = extend_rule(merged, data)
            files = files + [str(path)] * len(data.get("patterns") or [])
            datas[base] = (merged, base_path, files, extenders + [str(path)])
    rules: dict[str, Rule] = {}
    text_rules: dict[str, Any] = {}
    for claim_type, (data, path, files, extenders) in datas.items():
        if data.get("kind", "figure") != "figure":  # quotes, roles, lints: compiled by their own module
            text_rule = compile_text_rule(data, path, compiled)
            text_rules[text_rule.type] = text_rule
            continue
        try:
            rule = compile_rule(data, path, pieces, files, compiled)
        except RuleError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # A shape compile_rule does not expect: let the validator say where.
            at = next((i for i, f in enumerate(folders) if Path(f).resolve() == path.parent.resolve()), 0)
            _validate(folders[at:at + 1], folders[:at])
            raise RuleError(f"{path}: invalid rule: {type(exc).__name__}: {exc}") from None
        rule.extended_by = extenders
        rules[rule.type] = rule
    try:
        catalogue = load_catalogue(entity_files, read_yaml)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        names = ", ".join(str(p) for p in entity_files)
        raise RuleError(f"{names}: invalid entity entry: {type(exc).__name__}: {exc}") from None
    compiled.save()
    ordered = sorted(rules.values(), key=lambda r: (-r.priority, r.type))
    return RuleSet(ordered, catalogue, list(folders), sorted(text_rules.values(), key=lambda r: r.type))


def compile_text_rule(data: dict[str, Any], path: Path, compiled: CompiledPatterns | None = None) -> Any:
    """A rule file with ``kind: quote`` (or another text kind): compiled by the module of its kind."""
    kind = str(data.get("kind"))
    if kind not in TEXT_KINDS:
        raise RuleError(f"{path}: unknown rule kind {kind!r} (known: figure, {', '.join(sorted(TEXT_KINDS))})")
    return importlib.import_module(TEXT_KINDS[kind]).compile_rule(data, path, compiled)


def extend_rule(base: dict[str, Any], extension: dict[str, Any]) -> dict[str, Any]:
    """A rule's data with an ``extends:`` file's patterns, units, times, cues and examples added."""
    merged = dict(base)
    for key in _EXTENDABLE:
        if extension.get(key):
            merged[key] = list(base.get(key) or []) + list(extension[key])
    cues = (extension.get("attributes") or {}).get("cues")
    if cues:
        attributes = dict(base.get("attributes") or {})
        attributes["cues"] = list(attributes.get("cues") or []) + list(cues)
        merged["attributes"] = attributes
    return merged


def _validate(folders: Sequence[str], context: Sequence[str]) -> None:
    """Raise a RuleError listing every schema and regex issue in ``folders``."""
    from .schema import check_folders  # lazily: jsonschema is needed only here

    issues = check_folders(folders, context)
    if issues:
        lines = "\n".join(str(i) for i in issues)
        raise RuleError(f"{len(issues)} problem{'s' if len(issues) != 1 else ''} in rule files:\n{lines}", issues)


#: libyaml's safe loader when PyYAML was built with it: ten times faster, and rule loading is most of start-up.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, error: type[Exception] = RuleError, what: str = "rule file") -> dict[str, Any]:
    """Load a YAML mapping safely; errors (of class ``error``) name the file and line."""
    try:
        with open(path, encoding="utf-8") as handle:
            loader = _SAFE_LOADER(handle)
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise error(f"{where}: invalid YAML: {exc.problem}") from None
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read {what}: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise error(f"{path}:1:1: expected a mapping at the top of the file")
    return data


def expand_pieces(pattern: str, pieces: dict[str, str], where: str = "", _depth: int = 0) -> str:
    """Replace ``{name}`` references by their pieces (recursively); ``{2,3}`` quantifiers are kept."""
    if _depth > 10:
        raise RuleError(f"{where}: pattern pieces refer to each other in a loop")

    def sub(m: regex.Match) -> str:
        name = m.group(1)
        if name not in pieces:
            raise RuleError(f"{where}: unknown piece {{{name}}} (known: {', '.join(sorted(pieces))})")
        return "(?:" + expand_pieces(pieces[name], pieces, where, _depth + 1) + ")"

    return _PIECE_REF.sub(sub, pattern)


def compile_rule(data: dict[str, Any], path: Path, pieces: dict[str, str],
                 pattern_files: list[str] | None = None, compiled: CompiledPatterns | None = None) -> Rule:
    where = str(path)
    compiled = compiled or CompiledPatterns(None)
    compile_one = functools.partial(_compile, compiled=compiled)

    pattern_files = pattern_files or [where] * len(data.get("patterns") or [])
    claim_type = data.get("type") or path.stem
    units = []
    for u in data.get("units") or []:
        alternatives = "|".join(f"(?:{m})" for m in u.get("match") or [])
        units.append(Unit(str(u["name"]), compile_one(alternatives, where), float(u.get("multiplier", 1))))
    local = dict(pieces)
    local.update({str(k): str(v) for k, v in (data.get("pieces") or {}).items()})  # pieces of this rule only
    if units:
        local["unit"] = "(?P<unit>" + "|".join(f"(?:{m})" for u in data.get("units") for m in u.get("match")) + ")"
    patterns, sources = [], []
    for i, raw in enumerate(data.get("patterns") or []):
        origin = pattern_files[i] if i < len(pattern_files) else where
        expanded = expand_pieces(str(raw), local, f"{origin}: patterns[{i}]")
        patterns.append(compile_one(_guarded(expanded), f"{origin}: patterns[{i}]"))
        sources.append(str(raw))
    if not patterns:
        raise RuleError(f"{where}: a rule needs at least one pattern")
    attributes = data.get("attributes") or {}
    def cue_pattern(c: dict, what: str) -> regex.Pattern:  # cues may use pieces, as patterns do
        return compile_one(expand_pieces("|".join(f"(?:{m})" for m in c["match"]), local, f"{where}: {what}"), where)

    cues = [_cue(str(c["attribute"]), cue_pattern(c, "cues"), c.get("within", "clause"), compiled)
            for c in attributes.get("cues") or []]
    time_cues = [_cue(str(c["time"]), cue_pattern(c, "times"), c.get("within", "clause"), compiled)
                 for c in data.get("times") or []]
    subject = data.get("subject") or {}
    trigger = None
    if data.get("trigger"):
        trigger = compile_one(expand_pieces(str(data["trigger"]), local, f"{where}: trigger"), where)
    elif units:
        trigger = compile_one("|".join(f"(?:{m})" for u in data["units"] for m in u["match"]), where)
    value = str(data.get("value", "number"))
    if value not in VALUE_KINDS:
        raise RuleError(f"{where}: unknown value {value!r} (choose from: {', '.join(VALUE_KINDS)})")
    return Rule(
        type=str(claim_type),
        path=where,
        patterns=patterns,
        pattern_sources=sources,
        units=units,
        unit_from=data.get("unit_from"),
        nouns=CountedNouns.from_data(data.get("nouns")) if data.get("unit_from") == "noun" else None,
        default_unit=str(data.get("unit", units[0].name if units else "")),
        default_attribute=str(attributes.get("default", "amount")),
        deal_attributes=frozenset(str(a) for a in attributes.get("deal") or ()),
        generic_attributes=frozenset(str(a) for a in attributes.get("generic") or ()),
        dimension=str(data.get("dimension") or claim_type),
        cues=cues,
        time_cues=time_cues,
        avoid_roles=tuple(subject.get("avoid_roles") or ()),
        subject_from_figure=bool(subject.get("from_figure", False)),
        subject_person=bool(subject.get("person", False)),
        avoid_kinds=tuple(subject.get("avoid_kinds") or ()),
        tolerance=float(data.get("tolerance", 0.0)),
        about=float(data.get("about", 0.10)),
        priority=int(data.get("priority", 0)),
        description=str(data.get("description", "")).strip(),
        examples=list(data.get("examples") or []),
        trigger=trigger,
        candidates=str(data["candidates"]) if data.get("candidates") else None,
        pattern_files=list(pattern_files),
        value=value,
        languages=tuple(str(x) for x in (data.get("languages") or ("en",))),
        exchange_rates=parse_rates(data.get("exchange_rates"), where),
        pattern_needs=[compiled.literals(p) for p in patterns],
        pattern_starts=[compiled.starts(p) for p in patterns],
        trigger_starts=compiled.starts(trigger) if trigger is not None else None,
        trigger_needs=compiled.literals(trigger) if trigger is not None else None,
    )


def _cue(value: str, match: regex.Pattern, within: str, compiled: CompiledPatterns) -> Cue:
    return Cue(value, match, within, compiled.literals(match))


_GLOBAL_FLAGS = regex.compile(r"\A\(\?[a-zA-Z]+\)")


def _guarded(pattern: str) -> str:
    """The pattern with :data:`MATCH_START` in front (after any global flags such as ``(?i)``)."""
    flags = _GLOBAL_FLAGS.match(pattern)
    head = flags.group() if flags else ""
    return head + MATCH_START + "(?:" + pattern[len(head):] + ")"


def _compile(pattern: str, where: str, compiled: CompiledPatterns | None = None) -> regex.Pattern:
    """Compile a pattern from a rule file (through the cache, if given); errors name the file."""
    try:
        return (compiled or CompiledPatterns(None)).compile(pattern, regex.V0)
    except regex.error as exc:
        pos = f" at position {exc.pos}" if getattr(exc, "pos", None) is not None else ""
        raise RuleError(f"{where}: invalid regex{pos}: {exc.msg if hasattr(exc, 'msg') else exc}") from None
