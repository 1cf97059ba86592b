"""The ledger: figures an editor has verified, which outrank article sources.

A YAML file with a list under ``facts``; each entry names what it is about
(subject, type, attribute, unit — the same key a claim has) and the verified
figure, as a ``value`` (exact) or an ``interval`` ``[low, high]`` (``null``
for an open end)::

    facts:
      - subject: Hyundai Motor Group
        type: money
        attribute: investment
        value: 3 billion          # or 3000000000
        unit: USD
        checked: 2025-11-03
        source: NVIDIA press release, 31 October 2025
      - subject: SK Group
        type: hardware_units
        attribute: total
        interval: [50000, null]   # at least 50,000
        checked: 2025-11-03
        source: SK Group statement

Entries are validated against the loaded rules and entity catalogue, so a
typo in a subject or an attribute is an error with its line, not an entry
that silently never matches.  Each entry becomes a :class:`Claim` whose
``source`` is the ledger file and ``quote`` the source note.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml

from .claims import Claim
from .numbers import SCALES, NumberError, format_value, parse_number
from .rules import RuleSet

FIELDS = ("subject", "type", "attribute", "value", "interval", "unit", "checked", "source")
HEADER = "# Figures verified by the desk; `factcheck check --ledger` treats them as outranking any source.\nfacts:\n"
_SCALED = regex.compile(r"^\s*(?P<number>.*?)\s*(?P<scale>" + "|".join(sorted(map(regex.escape, SCALES), key=len,
                                                                               reverse=True)) + r")?\s*$")


class LedgerError(Exception):
    """A ledger that cannot be used; the message starts with file:line."""


@dataclass
class _Node:
    """A YAML mapping with the line of each of its keys."""

    data: dict[str, Any]
    line: int
    lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    pass


def _mapping_with_lines(loader: _LineLoader, node: yaml.MappingNode) -> _Node:
    data = loader.construct_mapping(node, deep=True)
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return _Node(data, node.start_mark.line + 1, lines)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_lines)


def load_ledger(path: str | Path, rules: RuleSet) -> list[Claim]:
    """Read and validate a ledger file; every entry becomes a claim (``extra["ledger"]`` is true)."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise LedgerError(f"{path}: ledger file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LedgerError(f"{path}: cannot read ledger: {exc}") from None
    return parse_ledger(text, path, rules)


def parse_ledger(text: str, path: str, rules: RuleSet) -> list[Claim]:
    try:
        loader = _LineLoader(text)  # a SafeLoader subclass that records line numbers
        try:
            root = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise LedgerError(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise LedgerError(f"{path}: invalid YAML: {exc}") from None
    if root is None:
        return []
    if not isinstance(root, _Node) or set(root.data) - {"facts"}:
        raise LedgerError(f"{path}:1: a ledger is a mapping with one key, 'facts', holding a list of entries")
    entries = root.data.get("facts") or []
    if not isinstance(entries, list):
        raise LedgerError(f"{path}:{root.lines.get('facts', 1)}: 'facts' must be a list of entries")
    claims = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, _Node):
            raise LedgerError(f"{path}:{root.lines.get('facts', 1)}: facts[{i}] must be a mapping (subject, type, …)")
        claims.append(_entry_claim(entry, path, rules))
    return claims


def _entry_claim(entry: _Node, path: str, rules: RuleSet) -> Claim:
    data = entry.data

    def fail(message: str, key: str | None = None) -> LedgerError:
        return LedgerError(f"{path}:{entry.lines.get(key, entry.line) if key else entry.line}: {message}")

    for key in data:
        if key not in FIELDS:
            raise fail(f"unknown field {key!r} (fields: {', '.join(FIELDS)})", key)
    for key in ("subject", "type"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise fail(f"missing or empty {key!r}", key if key in data else None)
    rule = rules.by_type(data["type"])
    if rule is None:
        raise fail(f"unknown type {data['type']!r} (rules: {', '.join(sorted(r.type for r in rules.rules))})", "type")
    subject = _canonical_subject(data["subject"], rules)
    if subject is None:
        # a company the catalogue does not know is fine (scans attribute figures to such names too),
        # but a near miss of a catalogued name is a typo
        known = [e.name for e in rules.catalogue.entities]
        close = difflib.get_close_matches(data["subject"], known, n=1, cutoff=0.8)
        if close:
            raise fail(f"unknown subject {data['subject']!r} (did you mean {close[0]!r}?)", "subject")
        subject = data["subject"].strip()
    attributes = [rule.default_attribute] + [c.value for c in rule.cues if c.value != rule.default_attribute]
    attribute = str(data.get("attribute", rule.default_attribute))
    if attribute not in attributes:
        raise fail(f"unknown attribute {attribute!r} for {rule.type} (choose from: {', '.join(attributes)})",
                   "attribute")
    unit = data.get("unit")
    if rule.unit_from == "currency":
        if not isinstance(unit, str) or not regex.fullmatch(r"[A-Z]{3}", unit):
            raise fail(f"{rule.type} needs a currency code as unit, e.g. unit: USD", "unit" if "unit" in data else None)
    else:
        names = [u.name for u in rule.units] or [rule.default_unit]
        unit = rule.default_unit if unit is None else str(unit)
        if unit not in names:
            raise fail(f"unknown unit {unit!r} for {rule.type} (choose from: {', '.join(names)})", "unit")
    if ("value" in data) == ("interval" in data):
        raise fail("give exactly one of 'value' (an exact figure) or 'interval' ([low, high], null for an open end)")
    if "value" in data:
        value = _number(data["value"], lambda m: fail(m, "value"))
        low = high = value
        qualifier, written = "exact", format_value(value)
    else:
        bounds = data["interval"]
        if not isinstance(bounds, list) or len(bounds) != 2:
            raise fail("interval must be [low, high] (null for an open end)", "interval")
        low = -math.inf if bounds[0] is None else _number(bounds[0], lambda m: fail(m, "interval"))
        high = math.inf if bounds[1] is None else _number(bounds[1], lambda m: fail(m, "interval"))
        if low > high or (math.isinf(low) and math.isinf(high)):
            raise fail("interval needs low ≤ high and at least one finite end", "interval")
        qualifier = "range"
        value = low if math.isinf(high) else high if math.isinf(low) else (low + high) / 2
        written = f"{format_value(low)} – {format_value(high)}"
    checked = data.get("checked")
    if checked is not None:
        if isinstance(checked, _dt.datetime):
            checked = checked.date()
        if isinstance(checked, str):
            try:
                checked = _dt.date.fromisoformat(checked.strip())
            except ValueError:
                raise fail(f"checked must be a date like 2025-11-03, not {checked!r}", "checked") from None
        if not isinstance(checked, _dt.date):
            raise fail("checked must be a date like 2025-11-03", "checked")
    note = data.get("source")
    if note is not None and not isinstance(note, str):
        raise fail("source must be text (where the figure was verified)", "source")
    return Claim(
        source=path, type=rule.type, subject=subject, attribute=attribute, text=f"{written} {unit}".strip(),
        qualifier=qualifier, value=value, low=low, high=high, unit=unit, line=entry.line, column=1,
        quote=note or "", extra={"ledger": True, "checked": checked.isoformat() if checked else None},
    )


def _canonical_subject(name: str, rules: RuleSet) -> str | None:
    """The catalogue's name for ``name``: itself, or the entity one of its aliases names."""
    if rules.catalogue.get(name):
        return name
    for mention in rules.catalogue.mentions(name):
        if mention.start == 0 and mention.end == len(name) and mention.via == "alias":
            return mention.entity.name
    return None


def _number(raw: Any, fail) -> float:
    """A number as YAML gives it, or text such as "50,000", "3 billion", "2.5bn"."""
    if isinstance(raw, bool):
        raise fail(f"expected a number, not {raw!r}")
    if isinstance(raw, (int, float)):
        return float(raw)
    if isinstance(raw, str):
        try:
            return float(raw.replace("_", "").replace(",", ""))
        except ValueError:
            pass
        m = _SCALED.match(raw.replace("_", ""))
        try:
            number = parse_number(m.group("number")) if m else parse_number(raw)
        except (NumberError, ValueError):
            raise fail(f"expected a number such as 50000 or \"3 billion\", not {raw!r}") from None
        return number * (SCALES[m.group("scale")] if m and m.group("scale") else 1)
    raise fail(f"expected a number, not {type(raw).__name__}")


# --------------------------------------------------------------------------- writing


def entry_from_claim(claim: Claim, checked: str | None = None, source: str | None = None) -> dict[str, Any]:
    """A ledger entry stating what ``claim`` states: exact figures as a value, hedged ones as an interval."""
    entry: dict[str, Any] = {"subject": claim.subject, "type": claim.type, "attribute": claim.attribute}
    if claim.qualifier == "exact":
        entry["value"] = _plain(claim.value)
    else:
        entry["interval"] = [None if math.isinf(claim.low) else _plain(claim.low),
                             None if math.isinf(claim.high) else _plain(claim.high)]
    if claim.unit:
        entry["unit"] = claim.unit
    entry["checked"] = checked or _dt.date.today().isoformat()
    if source:
        entry["source"] = source
    return entry


def _plain(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def append_entries(path: str | Path, entries: list[dict[str, Any]], rules: RuleSet) -> str:
    """Append entries to a ledger (created if missing) after checking the result loads; returns the text added."""
    path = str(path)
    old = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            old = handle.read()
    base = old if old.strip() else HEADER
    if base and not base.endswith("\n"):
        base += "\n"
    block = ""
    for entry in entries:
        dumped = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
        block += "".join("  " + line + "\n" for line in dumped.splitlines())
    before = len(parse_ledger(base, path, rules)) if base.strip() else 0
    after = parse_ledger(base + block, path, rules)
    if len(after) != before + len(entries):
        raise LedgerError(f"{path}: cannot append: 'facts:' must be the last block of the file")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(base + block)
    return block


__all__ = ["load_ledger", "parse_ledger", "append_entries", "entry_from_claim", "LedgerError"]
