"""Rules: YAML files → compiled claim rules and the entity catalogue.

One file per claim type (``rules/*.yaml``); ``pieces.yaml`` holds shared
pattern pieces and ``entities.yaml`` the entity catalogue.  The engine knows
nothing of particular rules: everything a claim type needs is in its file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import regex
import yaml

from .entities import Catalogue, load_catalogue
from .numbers import PIECES

#: Files in a rules folder that are not claim rules.
SPECIAL_FILES = {"pieces", "entities", "people"}

#: Named groups the engine reads from a pattern match.
ENGINE_GROUPS = ("qualifier", "number", "number2", "scale", "scale2", "unit", "currency", "currency_word",
                 "vague", "suffix", "figure", "negative")

#: Default per-call regex timeout (seconds): bounds a pattern that backtracks.
PATTERN_TIMEOUT = 1.0

#: Put before every rule pattern: a match never starts inside a word ("moreover 5" is no hedge "over").
#: It also lets the regex engine give up at most positions of a sentence at once, which halves matching time.
MATCH_START = r"(?!(?<=\w)\w)"

_PIECE_REF = regex.compile(r"(?<!\\[pPN])\{([A-Za-z_][A-Za-z0-9_]*)\}")


class RuleError(Exception):
    """A rule file that cannot be used; the message starts with file:line."""


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
    within: str = "clause"  # clause | sentence


@dataclass
class Rule:
    """A claim type: how to find its figures and how to read them."""

    type: str
    path: str
    patterns: list[regex.Pattern]
    pattern_sources: list[str]
    units: list[Unit] = field(default_factory=list)
    unit_from: str | None = None  # "currency": the unit is the currency captured
    default_unit: str = ""
    default_attribute: str = "amount"
    cues: list[Cue] = field(default_factory=list)
    time_cues: list[Cue] = field(default_factory=list)
    avoid_roles: tuple[str, ...] = ()
    subject_from_figure: bool = False  # an entity named inside the figure ("120 million AMD shares") is its subject
    tolerance: float = 0.0  # relative difference under which central values are the same
    about: float = 0.10  # the ± an "about" hedge gives
    priority: int = 0
    description: str = ""
    examples: list[dict[str, Any]] = field(default_factory=list)
    trigger: regex.Pattern | None = None  # cheap test: can this rule match in a sentence at all?

    def unit_of(self, text: str | None) -> Unit | None:
        if not text:
            return None
        for unit in self.units:
            if unit.match.fullmatch(text):
                return unit
        return None


@dataclass
class RuleSet:
    """Everything extraction needs: the rules, the pieces and the entity catalogue."""

    rules: list[Rule]
    catalogue: Catalogue
    folders: list[str] = field(default_factory=list)

    def by_type(self, claim_type: str) -> Rule | None:
        for rule in self.rules:
            if rule.type == claim_type:
                return rule
        return None

    def tolerance(self, claim_type: str) -> float:
        rule = self.by_type(claim_type)
        return rule.tolerance if rule else 0.0


def packaged_rules_dir() -> Path:
    """The folder of rules shipped with the package (``rules/`` in a source checkout)."""
    installed = Path(__file__).with_name("default_rules")
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "rules"


def load_rules(extra_dirs: Iterable[str | Path] = (), include_packaged: bool = True) -> RuleSet:
    """Load the packaged rules and any extra folders; a later file with the same type replaces an earlier one."""
    folders = ([packaged_rules_dir()] if include_packaged else []) + [Path(d) for d in extra_dirs]
    return _load(tuple(str(f) for f in folders))


@functools.lru_cache(maxsize=8)
def _load(folders: tuple[str, ...]) -> RuleSet:
    pieces: dict[str, str] = dict(PIECES)
    entity_files: list[Path] = []
    rule_files: dict[str, Path] = {}
    for folder in map(Path, folders):
        if not folder.is_dir():
            raise RuleError(f"{folder}: rules folder not found")
        for path in sorted(folder.glob("*.y*ml")):
            if path.stem == "pieces":
                data = read_yaml(path)
                pieces.update({k: str(v) for k, v in (data.get("pieces") or {}).items()})
            elif path.stem in ("entities", "people"):
                entity_files.append(path)
            else:
                rule_files[path.stem] = path
    rules: dict[str, Rule] = {}
    for path in rule_files.values():
        rule = compile_rule(read_yaml(path), path, pieces)
        rules[rule.type] = rule
    catalogue = load_catalogue(entity_files, read_yaml)
    ordered = sorted(rules.values(), key=lambda r: (-r.priority, r.type))
    return RuleSet(ordered, catalogue, list(folders))


#: libyaml's safe loader when PyYAML was built with it: ten times faster, and rule loading is most of start-up.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> dict[str, Any]:
    """Load a YAML mapping safely; errors name the file and line."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise RuleError(f"{where}: invalid YAML: {exc.problem}") from None
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1:1: expected a mapping at the top of the file")
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


def compile_rule(data: dict[str, Any], path: Path, pieces: dict[str, str]) -> Rule:
    where = str(path)
    claim_type = data.get("type") or path.stem
    units = []
    for u in data.get("units") or []:
        alternatives = "|".join(f"(?:{m})" for m in u.get("match") or [])
        units.append(Unit(str(u["name"]), _compile(alternatives, where), float(u.get("multiplier", 1))))
    local = dict(pieces)
    local.update({str(k): str(v) for k, v in (data.get("pieces") or {}).items()})  # pieces of this rule only
    if units:
        local["unit"] = "(?P<unit>" + "|".join(f"(?:{m})" for u in data.get("units") for m in u.get("match")) + ")"
    patterns, sources = [], []
    for i, raw in enumerate(data.get("patterns") or []):
        expanded = expand_pieces(str(raw), local, f"{where}: patterns[{i}]")
        patterns.append(_compile(_guarded(expanded), f"{where}: patterns[{i}]"))
        sources.append(str(raw))
    if not patterns:
        raise RuleError(f"{where}: a rule needs at least one pattern")
    attributes = data.get("attributes") or {}
    cues = [Cue(str(c["attribute"]), _compile("|".join(f"(?:{m})" for m in c["match"]), where),
                c.get("within", "clause")) for c in attributes.get("cues") or []]
    time_cues = [Cue(str(c["time"]), _compile("|".join(f"(?:{m})" for m in c["match"]), where),
                     c.get("within", "clause")) for c in data.get("times") or []]
    subject = data.get("subject") or {}
    trigger = None
    if data.get("trigger"):
        trigger = _compile(expand_pieces(str(data["trigger"]), local, f"{where}: trigger"), where)
    elif units:
        trigger = _compile("|".join(f"(?:{m})" for u in data["units"] for m in u["match"]), where)
    return Rule(
        type=str(claim_type),
        path=where,
        patterns=patterns,
        pattern_sources=sources,
        units=units,
        unit_from=data.get("unit_from"),
        default_unit=str(data.get("unit", units[0].name if units else "")),
        default_attribute=str(attributes.get("default", "amount")),
        cues=cues,
        time_cues=time_cues,
        avoid_roles=tuple(subject.get("avoid_roles") or ()),
        subject_from_figure=bool(subject.get("from_figure", False)),
        tolerance=float(data.get("tolerance", 0.0)),
        about=float(data.get("about", 0.10)),
        priority=int(data.get("priority", 0)),
        description=str(data.get("description", "")).strip(),
        examples=list(data.get("examples") or []),
        trigger=trigger,
    )


_GLOBAL_FLAGS = regex.compile(r"\A\(\?[a-zA-Z]+\)")


def _guarded(pattern: str) -> str:
    """The pattern with :data:`MATCH_START` in front (after any global flags such as ``(?i)``)."""
    flags = _GLOBAL_FLAGS.match(pattern)
    head = flags.group() if flags else ""
    return head + MATCH_START + "(?:" + pattern[len(head):] + ")"


def _compile(pattern: str, where: str) -> regex.Pattern:
    try:
        return regex.compile(pattern, regex.V0)
    except regex.error as exc:
        pos = f" at position {exc.pos}" if getattr(exc, "pos", None) is not None else ""
        raise RuleError(f"{where}: invalid regex{pos}: {exc.msg if hasattr(exc, 'msg') else exc}") from None
