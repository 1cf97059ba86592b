"""Counted things: the noun phrase after a count → the unit the count is in.

A rule with ``unit_from: noun`` counts whatever its pattern captures as ``unit``
("800 million weekly users", "12 data centres").  The unit of such a count is
the counted thing named in one way, so that two outlets' counts of one thing
meet and counts of different things never do:

* the head noun in the singular ("users" → "user", "companies" → "company",
  "people" → "person"), the words before it kept ("weekly user");
* words that rank the things rather than name them dropped ("all three *major*
  cloud providers" counts cloud providers);
* case folded except in acronyms ("GPU", "US"), and "U.S." written "US";
* British spellings written one way ("centre" → "center");
* synonyms named by their first name ("data centre", "datacenter" → "data center").

A phrase whose head is a unit another rule owns ("five years", "40 million
shares") or that names no particular thing ("the two companies") gives no
unit, hence no claim.  The vocabulary is the rule file's ``nouns:`` mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

#: Plurals that do not end in "s", and words whose plural is themselves.
IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "staff": "staff",
             "personnel": "personnel", "data": "data", "media": "media", "mice": "mouse", "feet": "foot",
             "teeth": "tooth", "geese": "goose", "criteria": "criterion", "phenomena": "phenomenon"}

_ACRONYM_DOTS = regex.compile(r"^(?:\p{Lu}\.){2,}$")  # "U.S.", "U.K."
_ACRONYM_PLURAL = regex.compile(r"^\p{Lu}[\p{Lu}\d]+s$")  # "GPUs", "LLMs"


def singular(word: str) -> str:
    """The singular of an English plural noun, by its ending ("centres" → "centre", "campuses" → "campus")."""
    low = word.lower()
    if low in IRREGULAR:
        return _like(word, IRREGULAR[low])
    if _ACRONYM_PLURAL.match(word):
        return word[:-1]
    if "-" in word:  # "sub-units", "co-founders": the last part is the noun
        head, _, last = word.rpartition("-")
        return f"{head}-{singular(last)}"
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if low.endswith("uses") and not low.endswith("ouses"):  # campuses, bonuses; not houses
        return word[:-2]
    if low.endswith("s") and not low.endswith("ss"):
        return word[:-1]
    return word


def _like(written: str, word: str) -> str:
    return word.capitalize() if written[:1].isupper() else word


def _key(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


@dataclass
class CountedNouns:
    """A rule's vocabulary of counted things (``nouns:`` in the rule file)."""

    drop: frozenset[str] = frozenset()
    not_counted: frozenset[str] = frozenset()  # heads, in the singular: units other rules own
    too_vague: frozenset[str] = frozenset()  # whole units that name no particular thing
    spellings: dict[str, str] = field(default_factory=dict)
    synonyms: dict[str, str] = field(default_factory=dict)  # case-folded phrase → the name reported
    _longest: int = 1

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> "CountedNouns":
        data = data or {}
        synonyms: dict[str, str] = {}
        longest = 1
        spellings = {_key(k): str(v) for k, v in (data.get("spellings") or {}).items()}
        nouns = cls(spellings=spellings)
        for names in data.get("synonyms") or []:
            names = [str(n) for n in names]
            for name in names:
                # a synonym is looked up as the unit would be written: singular, spelt one way
                synonyms[_key(nouns._spelt(name))] = names[0]
                longest = max(longest, len(name.split()))
        return cls(
            drop=frozenset(_key(w) for w in data.get("drop") or ()),
            not_counted=frozenset(_key(w) for w in data.get("not_counted") or ()),
            too_vague=frozenset(_key(w) for w in data.get("too_vague") or ()),
            spellings=spellings,
            synonyms=synonyms,
            _longest=longest,
        )

    def _spelt(self, phrase: str) -> str:
        return " ".join(self.spellings.get(_key(w), w) for w in phrase.split())

    def unit(self, phrase: str | None) -> str | None:
        """The unit of a count of ``phrase`` (as written, plural), or None when it counts no thing."""
        unit, _ = self.reading(phrase)
        return unit

    def reading(self, phrase: str | None) -> tuple[str | None, str]:
        """The unit, or None and why not."""
        words = (phrase or "").split()
        if not words:
            return None, "no counted thing"
        head = singular(words[-1])
        if _key(head) in self.not_counted or _key(self.spellings.get(_key(head), head)) in self.not_counted:
            return None, f"{words[-1]!r} is a unit another rule reads, or counts no thing"
        kept = []
        for word in words[:-1]:
            if _key(word) in self.drop:
                continue
            kept.append(word)
        kept.append(head)
        normal = []
        for word in kept:
            if _ACRONYM_DOTS.match(word):
                word = word.replace(".", "")
            elif not regex.search(r"\p{Lu}.*\p{Lu}", word):  # not an acronym: case does not matter
                word = word.lower()
            normal.append(self.spellings.get(_key(word), word))
        unit = " ".join(normal)
        if _key(unit) in self.too_vague:
            return None, f"{unit!r} names no particular thing"
        return self._synonym(normal), ""

    def _synonym(self, words: list[str]) -> str:
        """The phrase with its longest known synonyms (whole words) replaced by their first names."""
        out: list[str] = []
        i = 0
        while i < len(words):
            for n in range(min(self._longest, len(words) - i), 0, -1):
                name = self.synonyms.get(_key(" ".join(words[i:i + n])))
                if name is not None:
                    out.append(name)
                    i += n
                    break
            else:
                out.append(words[i])
                i += 1
        return " ".join(out)
