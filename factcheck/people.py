"""People: where a document names a person, and who a pronoun or a surname means.

Quotes and roles are claims about people, so both need the same answers: the
catalogue's people (``rules/people.yaml``, kind ``person``) found under any
spelling an article uses, names the catalogue does not know picked up where
an attribution or a title puts them, and "he"/"she" resolved to the nearest
person named before it in the paragraph.

Romanised Korean names are written many ways ("Lee Jae-myung", "Lee Jae
Myung", "LEE JAE-MYUNG"); every catalogue name and alias matches with any
hyphen, space or case between its parts, so only real alternatives
("Jen-Hsun Huang") need listing.  Names found outside the catalogue are
compared by :func:`person_key`, which ignores the same differences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from . import pattern_cache
from .entities import Catalogue, Entity

#: What separates the parts of a name: a space, a hyphen, or nothing ("Jaemyung").
_PART_GAP = r"(?:[\s\u00a0]+|\s*[-‐‑]\s*)?"
#: A capitalised name word; a hyphenated given name ("Min-jun", "Kyung-hoon") is one word.
NAME_WORD = r"\p{Lu}[\p{Ll}'’]+(?:[-‐‑]\p{L}[\p{Ll}]*)?"
#: Two or three name words: a person named where the grammar says a person stands.
NAME = _NAME = regex.compile(rf"(?<![\p{{L}}\d-])(?:{NAME_WORD}|\p{{Lu}}\.)(?:\s+(?:{NAME_WORD}|\p{{Lu}}\.)){{1,2}}(?![\p{{L}}\d])")

PRONOUNS = frozenset({"he", "she"})
#: Words of an office written before a name ("Executive Vice President Forrest Norrod said"): never the
#: first word of the name itself, so "President Forrest Norrod" is read as Forrest Norrod.
OFFICE_WORDS = frozenset("""President Vice Executive Chief Senior Deputy Prime Minister Secretary Governor Mayor
    Chancellor Premier Chairman Chairwoman Chairperson Chair Founder Co-founder Cofounder Director Officer Senator
    Ambassador Commissioner Spokesperson Spokesman Spokeswoman Analyst Professor Treasurer Managing Partner General
    Counsel Head""".split())


@dataclass(frozen=True)
class PersonMention:
    """A person named (or referred to) at ``start:end``: ``name`` is canonical."""

    start: int
    end: int
    name: str
    via: str = "name"  # name | alias | discovered | pronoun

    @property
    def named(self) -> bool:
        return self.via != "pronoun"


_NOT_LETTER = regex.compile(r"[^\p{L}\d]")


def person_key(name: str) -> str:
    """What two spellings of one name share: letters only, lower case ("leejaemyung")."""
    return _NOT_LETTER.sub("", name).casefold()


class PeopleCache:
    """The :class:`People` index of a catalogue, built once per catalogue (a rule keeps one)."""

    def __init__(self) -> None:
        self._catalogue: Catalogue | None = None
        self._people: People | None = None

    def of(self, catalogue: Catalogue) -> "People":
        if self._people is None or self._catalogue is not catalogue:
            self._catalogue, self._people = catalogue, People(catalogue)
        return self._people


class People:
    """The catalogue's people, matched under hyphen, space and case variants of their names."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.people = [e for e in catalogue.entities if e.kind == "person"]
        self._by_key: dict[str, list[Entity]] = {}
        for person in self.people:
            for alias in (person.name, *person.aliases):
                self._by_key.setdefault(person_key(alias), [])
                if person not in self._by_key[person_key(alias)]:
                    self._by_key[person_key(alias)].append(person)
        aliases = sorted({a for p in self.people for a in (p.name, *p.aliases)}, key=lambda a: (-len(a), a))
        self._pattern = pattern_cache.compile("|".join(_flexible(a) for a in aliases)) if aliases else None

    def get(self, name: str) -> Entity | None:
        found = self._by_key.get(person_key(name))
        return found[0] if found else None

    def mentions(self, text: str) -> list[PersonMention]:
        """Catalogue people named in ``text``, in order; a shared short alias means the last one named in full."""
        if self._pattern is None:
            return []
        found: list[PersonMention] = []
        last_full: dict[str, int] = {}
        for m in self._pattern.finditer(text):
            candidates = self._by_key.get(person_key(m.group()), [])
            if not candidates:
                continue
            if len(candidates) == 1:
                person = candidates[0]
            else:
                person = max(candidates, key=lambda p: (last_full.get(p.name, -1), -self.people.index(p)))
            via = "name" if person_key(m.group()) == person_key(person.name) else "alias"
            if via == "name" or len(candidates) == 1:
                last_full[person.name] = m.start()
            found.append(PersonMention(m.start(), m.end(), person.name, via))
        return found

    def canonical(self, written: str) -> str:
        """The catalogue's name for a name as written, or the written name tidied."""
        person = self.get(written)
        return person.name if person else " ".join(written.split())


def _flexible(alias: str) -> str:
    """A pattern for an alias under any hyphen/space/case variant; its first letter stays capital."""
    parts = [p for p in regex.split(r"[\s\u00a0‐‑-]+", alias.strip()) if p]
    body = _PART_GAP.join(regex.escape(p).replace("'", "['’]") for p in parts)
    tail = r"(?![\p{L}\d])" if alias[-1].isascii() else ""  # Korean particles follow a name directly: 이재명은
    return rf"(?<![\p{{L}}\d-])(?=\p{{Lu}}|\p{{Lo}})(?i:{body}){tail}"


def name_at(text: str, pos: int, end: int | None = None) -> tuple[int, int, str] | None:
    """A capitalised two- or three-word name starting at ``pos`` (after spaces), if there is one."""
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    m = _NAME.match(text, pos, end if end is not None else len(text))
    if not m:
        return None
    words = m.group().split()
    if words[0] in OFFICE_WORDS:  # "President Lee Jae-myung": the name starts after the office
        rest = name_at(text, m.start() + m.group().index(words[1], len(words[0])), end)
        if rest is not None:  # "President Trump" alone keeps its title rather than lose its speaker
            return rest
    return m.start(), m.end(), " ".join(words)


def name_before(text: str, pos: int, start: int = 0) -> tuple[int, int, str] | None:
    """A capitalised two- or three-word name ending at ``pos`` (before spaces), if there is one."""
    while pos > start and text[pos - 1] in " \t\u00a0":
        pos -= 1
    titled = None
    for m in _NAME.finditer(text, max(start, pos - 60), pos, overlapped=True):
        if m.end() != pos:
            continue
        words = m.group().split()
        if words[0] not in OFFICE_WORDS:  # longest first; "President Forrest Norrod" is Forrest Norrod
            return m.start(), m.end(), " ".join(words)
        titled = titled or (m.start(), m.end(), " ".join(words))
    return titled  # "President Trump" alone keeps its title rather than lose its speaker


_PRONOUN = regex.compile(r"(?<![\p{L}])(?i:he|she)(?![\p{L}'’])")


def pronouns(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _PRONOUN.finditer(text, start, end)]


def resolve_pronoun(at: int, mentions: Iterable[PersonMention], paragraph: tuple[int, int]) -> PersonMention | None:
    """The nearest person named before ``at`` in its paragraph (what "he"/"she" refers to)."""
    best = None
    for mention in mentions:
        if mention.named and paragraph[0] <= mention.start and mention.end <= at:
            best = mention
    return best


def paragraph_of(paragraphs: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in paragraphs:
        if a <= pos < b:
            return a, b
    return pos, pos
