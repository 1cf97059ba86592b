"""Entities: the catalogue of canonical names and where a document mentions them.

A mention is either an alias ("Nvidia", "MSIT") or a descriptor that refers
back to an entity named earlier ("the automaker", "the company", "the
nation"); descriptors are resolved here, in document order, to the most
recent entity they fit.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import regex

#: Generic nouns that refer back to the most recent entity of a kind.
GENERIC_DESCRIPTORS = {
    "company": "company", "firm": "company", "group": "company", "business": "company",
    "corporation": "company", "startup": "company", "start-up": "company",
    "government": "government", "administration": "government", "ministry": "government",
    "nation": "country", "country": "country",
}

#: How far back (in characters) a descriptor may look for its entity.
DESCRIPTOR_REACH = 3000


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str = "company"
    aliases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    country: str | None = None
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Mention:
    """Where a document names (or refers back to) an entity."""

    start: int
    end: int
    entity: Entity
    via: str = "alias"  # alias | descriptor

    @property
    def possessive_end(self) -> int:
        return self.end


@dataclass
class Catalogue:
    entities: list[Entity]
    by_name: dict[str, Entity] = field(default_factory=dict)
    _alias_pattern: regex.Pattern | None = None
    _alias_map: dict[str, Entity] = field(default_factory=dict)
    _descriptor_pattern: regex.Pattern | None = None

    def __post_init__(self) -> None:
        self.by_name = {e.name: e for e in self.entities}
        alias_map: dict[str, Entity] = {}
        for entity in self.entities:
            for alias in (entity.name, *entity.aliases):
                for variant in _variants(alias):
                    alias_map.setdefault(variant, entity)
        self._alias_map = alias_map
        if alias_map:
            parts = []
            for alias in sorted(alias_map, key=len, reverse=True):
                esc = "['’]".join(regex.escape(part) for part in alias.split("'"))
                tail = r"(?![\w-])" if alias[-1].isascii() else ""
                head = r"(?<![\w-])" if alias[0].isascii() else r"(?<![\p{Hangul}])"
                parts.append(head + esc + tail)
            self._alias_pattern = regex.compile("|".join(parts))
        words = set(GENERIC_DESCRIPTORS)
        for entity in self.entities:
            words.update(d.lower() for d in entity.descriptors)
        alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        self._descriptor_pattern = regex.compile(
            rf"\b(?i:the|its|this|that)\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?P<d>(?i:{alternation}))(?:s\b)?(?![\w-])"
        )

    def get(self, name: str) -> Entity | None:
        return self.by_name.get(name)

    def mentions(self, text: str) -> list[Mention]:
        """All mentions in ``text``, in order, descriptors resolved against earlier mentions."""
        found: list[Mention] = []
        if self._alias_pattern is not None:
            for m in self._alias_pattern.finditer(text):
                entity = self._alias_map.get(_norm_quote(m.group()))
                if entity is not None:
                    found.append(Mention(m.start(), m.end(), entity))
        # Alias matches do not overlap and are in text order, so their ends are sorted too:
        # the first alias ending after a descriptor starts is the only one that can overlap it.
        taken_starts, taken_ends = [m.start for m in found], [m.end for m in found]
        descriptors = []
        for m in self._descriptor_pattern.finditer(text):
            i = bisect.bisect_right(taken_ends, m.start())
            if i < len(found) and taken_starts[i] < m.end():
                continue
            descriptors.append((m.start(), m.end(), m.group("d").lower()))
        if not descriptors:
            return found
        merged = sorted(found + [Mention(s, e, _PENDING, "descriptor:" + word) for s, e, word in descriptors],
                        key=lambda x: x.start)
        resolved: list[Mention] = []
        for mention in merged:
            if mention.entity is not _PENDING:
                resolved.append(mention)
                continue
            entity = self._resolve(mention.via.split(":", 1)[1], mention.start, resolved)
            if entity is not None:
                resolved.append(Mention(mention.start, mention.end, entity, "descriptor"))
        return resolved

    def _resolve(self, word: str, at: int, before: list[Mention]) -> Entity | None:
        kind = GENERIC_DESCRIPTORS.get(word)
        for mention in reversed(before):
            if at - mention.end > DESCRIPTOR_REACH:
                break
            entity = mention.entity
            if word in (d.lower() for d in entity.descriptors):
                return entity
            if kind and entity.kind == kind:
                return entity
            if kind == "country" and entity.country and entity.country in self.by_name:
                return self.by_name[entity.country]
        return None


_PENDING = Entity("<pending>")


def _norm_quote(text: str) -> str:
    return text.replace("’", "'")


def _variants(alias: str) -> set[str]:
    """The alias and its case variant: "NVIDIA" is also written "Nvidia"."""
    alias = _norm_quote(alias)
    out = {alias}
    if alias.isupper() and len(alias) >= 4 and alias.isalpha():
        out.add(alias.capitalize())
    return out


def load_catalogue(paths: Iterable[Path], read: Callable[[Path], dict[str, Any]]) -> Catalogue:
    """Merge entity files in order; a later entry with the same name replaces an earlier one."""
    entities: dict[str, Entity] = {}
    for path in paths:
        data = read(path)
        for item in data.get("entities") or data.get("people") or []:
            known = {"name", "kind", "aliases", "descriptors", "roles", "country"}
            entity = Entity(
                name=str(item["name"]),
                kind=str(item.get("kind", "person" if path.stem == "people" else "company")),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                descriptors=tuple(str(d) for d in item.get("descriptors") or ()),
                roles=tuple(str(r) for r in item.get("roles") or ()),
                country=item.get("country"),
                extra=tuple((k, v) for k, v in item.items() if k not in known),
            )
            entities[entity.name] = entity
    return Catalogue(list(entities.values()))
