"""Rule-file validation: JSON Schema for the shape, regex checks for the patterns.

Every problem is an :class:`Issue` that names the file, the line and column of
the offending YAML node, the rule and the path inside it, so a rule author can
jump straight to it: ``rules/money.yaml:14:5: money: patterns[2]: unknown group
'amout' (…)``.  The YAML is *composed* (``yaml.compose``) to keep the node
marks, and each schema error's path is walked down the node tree.

``jsonschema`` is imported here only, and this module is imported only when a
rule folder is validated (``factcheck rules validate``, extra ``--rules``
folders, or a packaged rule that fails to compile), so plain loading stays fast.
"""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import regex
import yaml

from .dates import PIECES as DATE_PIECES
from .numbers import PIECES as NUMBER_PIECES

PIECES = {**NUMBER_PIECES, **DATE_PIECES}
from .rules import ENGINE_GROUPS, SPECIAL_FILES, _PIECE_REF, expand_pieces, RuleError

SCHEMA_FILE = Path(__file__).with_name("rule.schema.json")


@dataclass(frozen=True)
class Issue:
    """One problem in a rule file, at a line and column (1-based)."""

    path: str
    line: int
    column: int
    message: str
    rule: str = ""
    where: str = ""  # path inside the file: "patterns[2]", "attributes.cues[0].match[1]"

    def __str__(self) -> str:
        parts = [f"{self.path}:{self.line}:{self.column}"]
        if self.rule:
            parts.append(self.rule)
        if self.where:
            parts.append(self.where)
        parts.append(self.message)
        return ": ".join(parts)


@functools.lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    with open(SCHEMA_FILE, encoding="utf-8") as handle:
        return json.load(handle)


@functools.lru_cache(maxsize=2)
def _validator(kind: str):
    import jsonschema  # lazily: only validation needs it

    schema = _schema()
    root = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{kind}"}
    return jsonschema.Draft202012Validator(root)


# --------------------------------------------------------------------------- YAML nodes


def _compose(path: Path) -> tuple[yaml.Node | None, Any, list[Issue]]:
    """The node tree and the data of a YAML file, or the issue that stops reading it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, None, [Issue(str(path), 1, 1, f"cannot read rule file: {exc}")]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, None, [Issue(str(path), line, column, f"invalid YAML: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, None, [Issue(str(path), 1, 1, f"invalid YAML: {exc}")]
    return node, data, []


def _child(node: yaml.Node, key: Any, want_key: bool = False) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key or (isinstance(key, str) and str(k.value) == key):
                return k if want_key else v
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def node_at(root: yaml.Node | None, path: Sequence[Any], key: bool = False) -> yaml.Node | None:
    """The deepest node along ``path`` (a jsonschema error path); ``key``: the last step's key node."""
    node = root
    for i, step in enumerate(path):
        if node is None:
            break
        nxt = _child(node, step, want_key=key and i == len(path) - 1)
        if nxt is None:
            break
        node = nxt
    return node


def path_label(path: Iterable[Any]) -> str:
    """``["attributes", "cues", 0, "match"]`` → ``attributes.cues[0].match``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _describe(value: Any) -> str:
    kind = {dict: "a mapping", list: "a list", str: "a string", bool: "true/false", int: "a number",
            float: "a number", type(None): "nothing"}.get(type(value), type(value).__name__)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return f"{kind} ({value!r})" if len(repr(value)) < 40 else kind
    return kind


_TYPE_WORDS = {"string": "a string", "number": "a number", "integer": "a whole number", "array": "a list",
               "object": "a mapping", "boolean": "true or false"}


# --------------------------------------------------------------------------- checking


class _Checker:
    """Collects the issues of one file."""

    def __init__(self, path: Path, root: yaml.Node | None, rule: str) -> None:
        self.path, self.root, self.rule = path, root, rule
        self.issues: list[Issue] = []

    def add(self, where: Sequence[Any], message: str, key: bool = False, offset: int | None = None) -> None:
        node = node_at(self.root, where, key=key)
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 1)
        if offset is not None and node is not None and isinstance(node, yaml.ScalarNode):
            column += _column_offset(node, offset)
        self.issues.append(Issue(str(self.path), line, column, message, self.rule, path_label(where)))

    def schema_errors(self, data: Any, kind: str) -> None:
        for error in sorted(_validator(kind).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
            self._schema_error(error)

    def _schema_error(self, error) -> None:
        where = list(error.absolute_path)
        v, value = error.validator, error.validator_value
        if v == "additionalProperties" and isinstance(error.instance, dict):
            allowed = sorted(error.schema.get("properties", {}))
            for name in error.instance:
                if name not in allowed:
                    hint = difflib.get_close_matches(str(name), allowed, n=1)
                    tip = f"; did you mean {hint[0]!r}?" if hint else ""
                    self.add(where + [name], f"unknown key {name!r} (expected one of: {', '.join(allowed)}){tip}",
                             key=True)
        elif "propertyNames" in error.absolute_schema_path:
            if v == "enum":
                message = (f"key {error.instance!r} is not allowed in a rule that extends another "
                           f"(allowed: {', '.join(value)})")
            else:
                message = f"{error.instance!r} is not a valid piece name (letters, digits and _)"
            self.add(where + [error.instance], message, key=True)
        elif v == "required":
            missing = [name for name in value if not isinstance(error.instance, dict) or name not in error.instance]
            for name in missing:
                if name == "examples":
                    message = ("missing required key 'examples': a rule needs at least one example sentence "
                               "with the claims expected from it")
                else:
                    message = f"missing required key {name!r}"
                self.add(where, message)
        elif v == "type":
            want = value if isinstance(value, str) else " or ".join(value)
            self.add(where, f"expected {_TYPE_WORDS.get(want, want)}, got {_describe(error.instance)}")
        elif v == "enum":
            self.add(where, f"expected one of {', '.join(map(repr, value))}, got {_describe(error.instance)}")
        elif v == "minItems":
            what = "example" if where and where[-1] == "examples" else "item"
            self.add(where, f"needs at least {value} {what}{'s' if value != 1 else ''}")
        elif v == "minLength":
            self.add(where, "must not be empty")
        elif v == "pattern":
            self.add(where, f"{error.instance!r} is not a valid name (lower-case letters, digits and _, "
                            f"starting with a letter)")
        else:
            self.add(where, error.message)


def _column_offset(node: yaml.ScalarNode, pos: int) -> int:
    """Columns from a scalar's start mark to character ``pos`` of its value, where that is knowable."""
    if node.start_mark.line != node.end_mark.line:
        return 0
    if node.style is None:
        return pos
    if node.style == "'":
        return 1 + pos + node.value[:pos].count("'")
    if node.style == '"' and "\\" not in node.value[:pos] and '"' not in node.value[:pos]:
        return 1 + pos
    return 0


def check_regex(checker: _Checker, where: list[Any], raw: str, pieces: dict[str, str] | None) -> None:
    """A pattern: known pieces, compiles (error at its position), only groups the engine reads."""
    if pieces is None:
        try:
            regex.compile(raw, regex.V0)
        except regex.error as exc:
            checker.add(where, _regex_message(exc), offset=getattr(exc, "pos", None))
        return
    # Replace each {piece} by an empty group, keeping a map back to the written pattern.
    placeholder, spans, last, unknown = [], [], 0, False
    for m in _PIECE_REF.finditer(raw):
        placeholder.append(raw[last:m.start()])
        name = m.group(1)
        if name not in pieces:
            unknown = True
            hint = difflib.get_close_matches(name, list(pieces), n=1)
            tip = f"; did you mean {{{hint[0]}}}?" if hint else ""
            checker.add(where, f"unknown piece {{{name}}} (known: {', '.join(sorted(pieces))}){tip}",
                        offset=m.start())
        spans.append((sum(map(len, placeholder)), m.start(), m.end()))
        placeholder.append("(?:)")
        last = m.end()
    placeholder.append(raw[last:])
    skeleton = "".join(placeholder)
    try:
        compiled = regex.compile(skeleton, regex.V0)
    except regex.error as exc:
        pos = getattr(exc, "pos", None)
        raw_pos = None
        if pos is not None:
            raw_pos, shift = pos, 0
            for at, start, end in spans:
                if at + 4 <= pos:
                    shift += (end - start) - 4
                elif at <= pos:
                    shift = start - at  # inside a placeholder: point at the reference
                    pos = at
                    break
            raw_pos = pos + shift
        checker.add(where, _regex_message(exc, raw_pos), offset=raw_pos)
        return
    for name in compiled.groupindex:
        if name not in ENGINE_GROUPS:
            hint = difflib.get_close_matches(name, ENGINE_GROUPS, n=1)
            tip = f"; did you mean {hint[0]!r}?" if hint else ""
            checker.add(where, f"unknown group {name!r} (groups used by the engine: {', '.join(ENGINE_GROUPS)}){tip}",
                        offset=raw.find(f"<{name}>"))
    if unknown:
        return
    try:
        regex.compile(expand_pieces(raw, pieces), regex.V0)
    except RuleError as exc:
        checker.add(where, str(exc).lstrip(": "))
    except regex.error as exc:
        checker.add(where, "after expanding its pieces: " + _regex_message(exc, None))


def _regex_message(exc: regex.error, pos: int | None = -1) -> str:
    msg = getattr(exc, "msg", None) or str(exc)
    if pos == -1:
        pos = getattr(exc, "pos", None)
    return f"invalid regex: {msg}" + (f" at position {pos}" if pos is not None else "")


def check_rule_data(path: Path, root: yaml.Node | None, data: Any, pieces: dict[str, str],
                    known_types: set[str] | None = None) -> list[Issue]:
    """All issues of one rule file's data (``root`` gives the locations)."""
    name = path.stem
    if isinstance(data, dict):
        name = str(data.get("type") or data.get("extends") or path.stem)
    checker = _Checker(path, root, name)
    if not isinstance(data, dict):
        checker.add([], f"a rule file must be a mapping of keys (type, patterns, examples …), got {_describe(data)}")
        return checker.issues
    _duplicate_keys(checker, root)
    checker.schema_errors(data, "rule")
    local = dict(pieces)
    if isinstance(data.get("pieces"), dict):  # pieces of this rule only
        local.update({str(k): str(v) for k, v in data["pieces"].items()})
    units = data.get("units")
    if isinstance(units, list) and units:
        local["unit"] = "(?P<unit>)"
        for i, unit in enumerate(units):
            if isinstance(unit, dict):
                _check_list(checker, ["units", i, "match"], unit.get("match"), None)
    for i, raw in enumerate(data.get("patterns") or [] if isinstance(data.get("patterns"), list) else []):
        if isinstance(raw, str):
            check_regex(checker, ["patterns", i], raw, local)
    for key in ("trigger", "candidates"):
        if isinstance(data.get(key), str):
            check_regex(checker, [key], data[key], local)
    attributes = data.get("attributes")
    if isinstance(attributes, dict) and isinstance(attributes.get("cues"), list):
        for i, cue in enumerate(attributes["cues"]):
            if isinstance(cue, dict):
                _check_list(checker, ["attributes", "cues", i, "match"], cue.get("match"), local)
    if isinstance(data.get("times"), list):
        for i, cue in enumerate(data["times"]):
            if isinstance(cue, dict):
                _check_list(checker, ["times", i, "match"], cue.get("match"), local)
    base = data.get("extends")
    if known_types is not None and isinstance(base, str) and base not in known_types:
        checker.add(["extends"], f"no rule of type {base!r} to extend (rules: {', '.join(sorted(known_types))})")
    return sorted(checker.issues, key=lambda i: (i.line, i.column))


def _check_list(checker: _Checker, where: list[Any], items: Any, pieces: dict[str, str] | None) -> None:
    if isinstance(items, list):
        for j, raw in enumerate(items):
            if isinstance(raw, str):
                check_regex(checker, where + [j], raw, pieces)


def _duplicate_keys(checker: _Checker, node: yaml.Node | None, where: list[Any] | None = None) -> None:
    """YAML keeps the last of two equal keys silently: a typo's twin would hide the first."""
    where = where or []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for k, v in node.value:
            key = str(k.value)
            if key in seen:
                line, column = k.start_mark.line + 1, k.start_mark.column + 1
                checker.issues.append(Issue(str(checker.path), line, column,
                                            f"duplicate key {key!r} (only the last one would count)", checker.rule,
                                            path_label(where)))
            seen.add(key)
            _duplicate_keys(checker, v, where + [key])
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _duplicate_keys(checker, item, where + [i])


def check_pieces_data(path: Path, root: yaml.Node | None, data: Any, pieces: dict[str, str]) -> list[Issue]:
    checker = _Checker(path, root, "pieces")
    if not isinstance(data, dict):
        checker.add([], f"a pieces file must be a mapping with a 'pieces' key, got {_describe(data)}")
        return checker.issues
    _duplicate_keys(checker, root)
    checker.schema_errors(data, "pieces")
    if isinstance(data.get("pieces"), dict):
        for name, raw in data["pieces"].items():
            if isinstance(raw, str):
                check_regex(checker, ["pieces", name], raw, pieces)
    return checker.issues


def read_pieces(path: Path) -> dict[str, str]:
    _, data, issues = _compose(path)
    if issues or not isinstance(data, dict) or not isinstance(data.get("pieces"), dict):
        return {}
    return {str(k): str(v) for k, v in data["pieces"].items()}


def check_folders(folders: Sequence[str | Path], context: Sequence[str | Path] = ()) -> list[Issue]:
    """Validate every rule file in ``folders``.

    ``context`` folders (usually the packaged rules) are loaded before them and
    not reported on: their pieces and claim types can be used and extended.
    """
    pieces = dict(PIECES)
    known: set[str] = set()
    for folder in map(Path, context):
        if (folder / "pieces.yaml").is_file():
            pieces.update(read_pieces(folder / "pieces.yaml"))
        for path in sorted(folder.glob("*.y*ml")):
            if path.stem not in SPECIAL_FILES:
                _, data, _ = _compose(path)
                if isinstance(data, dict) and not data.get("extends"):
                    known.add(str(data.get("type") or path.stem))
    issues: list[Issue] = []
    for folder in map(Path, folders):
        if not folder.is_dir():
            issues.append(Issue(str(folder), 1, 1, "rules folder not found"))
            continue
        files = sorted(folder.glob("*.y*ml"))
        if not files:
            issues.append(Issue(str(folder), 1, 1, "no rule files (*.yaml) in this folder"))
        for path in files:
            if path.stem == "pieces":
                root, data, problems = _compose(path)
                issues.extend(problems or check_pieces_data(path, root, data, pieces))
                pieces.update(read_pieces(path))
        parsed = []
        for path in files:
            if path.stem in SPECIAL_FILES:
                continue
            root, data, problems = _compose(path)
            issues.extend(problems)
            if not problems:
                parsed.append((path, root, data))
                if isinstance(data, dict) and not data.get("extends"):
                    known.add(str(data.get("type") or path.stem))
        for path, root, data in parsed:
            if isinstance(data, dict) and data.get("kind", "figure") != "figure":
                continue  # quote, role and lint rules are checked by the module of their kind when loaded
            issues.extend(check_rule_data(path, root, data, pieces, known))
    return issues


def check_file(path: str | Path, pieces: dict[str, str] | None = None, known_types: set[str] | None = None) -> list[Issue]:
    """Validate one rule (or pieces) file on its own."""
    path = Path(path)
    root, data, problems = _compose(path)
    if problems:
        return problems
    if path.stem == "pieces":
        return check_pieces_data(path, root, data, pieces or dict(PIECES))
    return check_rule_data(path, root, data, pieces or dict(PIECES), known_types)
