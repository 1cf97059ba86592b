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

import unicodedata

import regex

from . import pattern_cache

#: Generic nouns that refer back to the most recent entity of a kind.
GENERIC_DESCRIPTORS = {
    "company": "company", "firm": "company", "group": "company", "business": "company",
    "corporation": "company", "startup": "company", "start-up": "company",
    "government": "government", "administration": "government", "ministry": "government",
    "nation": "country", "country": "country",
}

#: Korean particles that attach to a name ("삼성전자는", "엔비디아와의", "정부에서도").
KOREAN_PARTICLES = (
    "은 는 이 가 을 를 의 에 께 와 과 도 로 만 나 며 랑 란 측 등 들 에서 에게 으로 까지 부터 보다 처럼 같이 마저 조차 하고 "
    "이나 이며 이랑 이란 라는 이라는 라고 이라고 으로서 로서 으로써 로써 에도 에서도 과도 와도 과의 와의 에의 로의 으로의 "
    "에는 에서는 과는 와는 으로는 로는 만의 이다 였다 이었다 이자 로부터 으로부터 에게서 한테 보다도 까지도 뿐"
).split()
_PARTICLE_TAIL = "(?=(?:" + "|".join(sorted(KOREAN_PARTICLES, key=len, reverse=True)) + r")?(?!\p{Hangul}))"

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
    places: frozenset[str] = frozenset()
    by_name: dict[str, Entity] = field(default_factory=dict)
    _alias_pattern: regex.Pattern | None = None
    _alias_map: dict[str, Entity] = field(default_factory=dict)
    _descriptor_pattern: regex.Pattern | None = None

    def __post_init__(self) -> None:
        self.by_name = {e.name: e for e in self.entities}
        alias_map: dict[str, Entity] = {}
        for entity in self.entities:
            if entity.kind == "person":  # people are found by factcheck.people, never as subjects of figures
                continue
            for alias in (entity.name, *entity.aliases):
                for variant in _variants(alias):
                    alias_map.setdefault(variant, entity)
        self._alias_map = alias_map
        if alias_map:
            # one alternation per kind of first letter, the word-start test in front of it, so the regex
            # engine gives up inside a word at once; aliases that could match at one place share a branch
            by_head: dict[str, list[str]] = {r"(?<![\w-])": [], r"(?<![\p{Hangul}])": []}
            for alias in sorted(alias_map, key=lambda a: (-len(a), a)):  # the same pattern text in every run
                esc = "['’]".join(regex.escape(part) for part in alias.split("'"))
                # a Korean particle may follow any alias ("SK는", "NVIDIA가", "삼성전자와의"), a longer
                # Korean word may not ("메타버스" is not Meta, "한국형" not South Korea)
                tail = r"(?![^\W\p{Hangul}]|-)" if alias[-1].isascii() else ""
                head = r"(?<![\w-])" if alias[0].isascii() else r"(?<![\p{Hangul}])"
                by_head[head].append(esc + tail)
            self._alias_pattern = pattern_cache.compile(
                "(?:" + "|".join(f"{head}(?:{'|'.join(parts)})" for head, parts in by_head.items() if parts) + ")"
                + _PARTICLE_TAIL)
        words = set(GENERIC_DESCRIPTORS)
        for entity in self.entities:
            words.update(d.lower() for d in entity.descriptors)
        alternation = "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
        self._descriptor_pattern = pattern_cache.compile(
            rf"\b(?i:the|its|this|that)\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?P<d>(?i:{alternation}))(?:s\b)?(?![\w-])"
        )

    def get(self, name: str) -> Entity | None:
        return self.by_name.get(name)

    def mentions(self, text: str) -> list[Mention]:
        """All mentions in ``text``, in order, descriptors resolved against earlier mentions.

        Organisations missing from the catalogue are found too (see
        :func:`discover_organisations`), so an unfamiliar deal is still attributed.
        """
        found: list[Mention] = []
        if self._alias_pattern is not None:
            for m in self._alias_pattern.finditer(text):
                entity = self._alias_map.get(_norm_quote(m.group()))
                if entity is not None:
                    found.append(Mention(m.start(), m.end(), entity))
        # Alias matches do not overlap and are in text order, so their ends are sorted too:
        # the first alias ending after a span starts is the only one that can overlap it.
        starts, ends = [m.start for m in found], [m.end for m in found]

        def free(start: int, end: int) -> bool:
            i = bisect.bisect_right(ends, start)
            return not (i < len(starts) and starts[i] < end)

        discovered = [Mention(s, e, Entity(name, "company"), "discovered")
                      for s, e, name in discover_organisations(text, self.places) if free(s, e)]
        if discovered:
            found = sorted(found + discovered, key=lambda mm: mm.start)
        taken_starts, taken_ends = [m.start for m in found], [m.end for m in found]
        descriptors = []
        for m in self._descriptor_pattern.finditer(text):
            i = bisect.bisect_right(taken_ends, m.start())
            if i < len(found) and taken_starts[i] < m.end():
                continue
            if m.end() > m.end("d"):  # a plural ("its largest industrial groups") names no single entity
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
            entity = self._resolve(mention.via.split(":", 1)[1], mention.start,
                                   [mm for mm in resolved if not is_former(text, mm)])
            if entity is not None:
                resolved.append(Mention(mention.start, mention.end, entity, "descriptor"))
        return resolved

    def _resolve(self, word: str, at: int, before: list[Mention]) -> Entity | None:
        kind = GENERIC_DESCRIPTORS.get(word)
        for mention in reversed(before):  # "the group" is first of all a recent "… Group"
            if at - mention.end > DESCRIPTOR_REACH:
                break
            if kind and mention.entity.kind == kind and word in mention.entity.name.lower().split():
                return mention.entity
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

#: "founded by former OpenAI researchers": a former employer describes people; "the company" after it is not it,
#: nor is it who does anything in the sentence.
_FORMER_BEFORE = regex.compile(r"(?i:\b(?:former|ex-))\s*$")


def is_former(text: str, mention: Mention) -> bool:
    """Is the mention the former employer of the people named ("former OpenAI researchers", "ex-Google staff")?"""
    return bool(_FORMER_BEFORE.search(text, max(0, mention.start - 12), mention.start))


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
    places: set[str] = set()
    for path in paths:
        data = read(path)
        places.update(str(p) for p in data.get("places") or ())
        for item in data.get("entities") or data.get("people") or []:
            known = {"name", "kind", "aliases", "descriptors", "roles", "country"}
            entity = Entity(
                name=str(item["name"]),
                kind=str(item.get("kind", "person" if path.stem == "people" else "company")),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                descriptors=tuple(str(d) for d in item.get("descriptors") or ()),
                roles=tuple(str(r) for r in item.get("roles") or ()),
                country=item.get("country"),
                extra=tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in item.items() if k not in known),
            )
            entities[entity.name] = entity
    return Catalogue(list(entities.values()), frozenset(places))


# --------------------------------------------------------------------------- organisations not in the catalogue

#: Words that end an organisation's name ("Halcyra AI", "Sablewood Systems").
ORG_SUFFIXES = (
    "AI|Systems|Labs?|Technologies|Technology|Compute|Computing|Cloud|Networks|Capital|Partners|Ventures"
    "|Semiconductors?|Robotics|Energy|Holdings|Inc\\.?|Corp\\.?|Corporation|Ltd\\.?|Software|Dynamics|Industries"
    "|Therapeutics|Motors|Electronics|Telecom|Communications|Analytics|Intelligence|Microsystems|Devices"
    "|Solutions|Platforms|Data|Power|Foundry|Quantum|Photonics|Silicon|Bank|Group"
)
_NAME_WORD = r"\p{Lu}[\p{L}\d&'’-]*"
_SUFFIXED_ORG = regex.compile(
    rf"(?<![\p{{L}}\d])(?:{_NAME_WORD}\s+){{1,2}}(?:{ORG_SUFFIXES})(?![\p{{L}}\d])"
)
#: A capitalised word that acts like a company: it owns things, has shares, says or does things.
_ORG_CONTEXT = regex.compile(
    rf"(?<![\p{{L}}\d.’'-])(?P<name>\p{{Lu}}[\p{{Ll}}\d]+(?:\p{{Lu}}[\p{{Ll}}\d]*)*|\p{{Lu}}{{3,6}}(?![\p{{L}}\d]))"
    rf"(?=['’]s\b|\s+(?:shares|stock|said|says"
    rf"|will|has|had|is|was|plans|agreed|announced|raised|signed|reported|expects|declined|confirmed|shareholders"
    rf"|investors|customers)\b)"
    rf"|(?<=\b(?:shares\s+of|stake\s+in|acquire|acquiring|acquisition\s+of|buy|buying|invest(?:ed|ing)?\s+in)\s+)"
    rf"(?P<name2>\p{{Lu}}[\p{{Ll}}\d]+|\p{{Lu}}{{3,6}})(?![\p{{L}}])"
)
#: A word with a capital inside it ("BlackRock", "CoreWeave", "SoftBank") is a company's name wherever it stands
#: -- but not a surname with a prefix ("McCarthy", "DeSantis", "LeBron", "VanDyke").
_CAMEL_CASE = regex.compile(r"(?<![\p{L}\d.’'-])\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+(?![\p{L}\d])")
_SURNAME_PREFIX = regex.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)\p{Lu}")
#: What only a company does: a name followed by these is one even at the start of a sentence.
_STRONG_ORG_AFTER = regex.compile(r"['’]s\s+(?:shares|stock|valuation|revenue)\b|\s+(?:shares|stock|raised|shareholders|agreed\s+to\s+(?:buy|acquire))\b")
_PERSON = regex.compile(
    r"(?P<first>\p{Lu}\p{Ll}+)\s+(?P<last>\p{Lu}[\p{Ll}'’-]+)(?=,\s+(?:the\s+|its\s+|a\s+)?(?:[\p{L}-]+\s+){0,3}?"
    r"(?:chief|CEO|president|founder|co-founder|chair|chairman|chairwoman|director|analyst|head|partner|minister"
    r"|spokesperson|spokesman|spokeswoman|secretary|executive|officer|professor|economist|vice)\b|\s+(?:said|says|told|added|wrote)\b)"
    r"|(?<=\b(?:CEO|chief\s+executive|President|Mr\.|Ms\.|Mrs\.|Dr\.|analyst|founder|said|according\s+to)\s+)"
    r"(?P<first2>\p{Lu}\p{Ll}+)\s+(?P<last2>\p{Lu}[\p{Ll}'’-]+)"
)
#: Capitalised words that are never organisations on their own.
_NOT_NAMES = frozenset(
    """The This That These Those It Its In On At By For From With As An A And But Or If When While After Before
    Since During Under Over Up Down Out Now Then Today Tomorrow Yesterday Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November December
    He She They We You I His Her Their Our Your Analysts Investors Shares Officials Executives Sources Meanwhile
    However Also Still Yet Both Each Every All Some Many Most Such Why What Who How Where Here There Bottom Start
    Look Then Read Note Update Editor Reporting About Launch Historic Inside Breaking Chief President CEO Mr Ms Dr Deputy Minister Prime Governor""".split()
) | frozenset(  # capitals that are not a company: offices, chips, units, currencies, bodies of rules
    """CFO CTO COO CIO CEOS GPU GPUS CPU CPUS TPU TPUS NPU HBM DRAM NAND SSD LLM LLMS API APIS IPO IPOS ETF
    USD EUR GBP JPY KRW CNY RMB INR CHF GDP CAGR EBITDA EPS YOY QOQ FY AI AGI EV EVS IT ICT RND SEC FTC DOJ FCC
    NYSE APEC OPEC NATO WTO IMF GW MW KW TW GWH MWH KWH TWH PC PCS TV USA UAE FAQ PDF URL CEST EST PST GMT UTC
    BREAKING UPDATE NOTE EXCLUSIVE ANALYSIS OPINION NEWS""".split()
)


_LOWER_WORD = regex.compile(r"(?<![\p{L}])\p{Ll}[\p{Ll}-]+")
_POSSESSIVE_OR_HYPHEN = regex.compile(r"['’]s$|-")
_POSSESSIVE_END = regex.compile(r"['’]s$")


def discover_organisations(text: str, places: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Organisations an article names that the catalogue does not know: (start, end, name).

    A name ending in an organisation word ("Halcyra AI", "Sablewood Systems"),
    a capitalised word that behaves like a company at least once ("Cerebras
    said", "shares of Groq", "Lambda's"), or a word with a capital inside it
    ("BlackRock").  Names of people (a first and last
    name next to a title or "said") and places (the catalogue's ``places``) are
    not organisations.
    """
    people: set[str] = set()
    for m in _PERSON.finditer(text):
        first, last = m.group("first") or m.group("first2"), m.group("last") or m.group("last2")
        people.update((first, last, f"{first} {last}"))
    lowered = set(_LOWER_WORD.findall(text))

    def common(word: str) -> bool:  # "Physical AI", "Sovereign AI": ordinary words, capitalised
        return word.lower() in lowered or word in _NOT_NAMES

    names: set[str] = set()
    for m in _SUFFIXED_ORG.finditer(text):
        words = m.group().split()
        while words and (words[0] in _NOT_NAMES or _POSSESSIVE_OR_HYPHEN.search(words[0])):
            words = words[1:]
        if any(_POSSESSIVE_END.search(w) for w in words):
            continue
        name = " ".join(words)
        if (len(words) >= 2 and name not in places and not (set(words) & people)
                and not any(common(w) for w in words[:-1])):
            names.add(name)
    judged: dict[str, bool] = {}  # a name is judged once, however often it occurs
    for m in _ORG_CONTEXT.finditer(text):
        name = m.group("name") or m.group("name2")
        if name in judged:
            continue
        if not name or len(name) <= 2 or common(name) or name in places or name in people:
            judged[name] = False
            continue
        at_list = list(_occurrences(text, name, letters_after=True))
        before = [_word_before(text, at) for at in at_list]
        # rejected: part of a longer name ("Meridian Cloud"), or only ever capitalised because it starts a
        # sentence -- unless it does what only a company does ("Cerebras raised", "Nebius shares")
        judged[name] = (not any(kind == "capitalised" for kind in before)
                        and (any(kind == "lower" for kind in before)
                             or any(_STRONG_ORG_AFTER.match(text, at + len(name)) for at in at_list)))
    for m in _CAMEL_CASE.finditer(text):
        name = m.group()
        if name not in judged:
            judged[name] = not (common(name) or name in places or name in people or _SURNAME_PREFIX.match(name))
    names.update(name for name, kept in judged.items() if kept)
    if not names:
        return []
    found = sorted(((at, -len(name), name) for name in names for at in _occurrences(text, name)))
    spans: list[tuple[int, int, str]] = []
    for at, negative_length, name in found:  # leftmost first, the longest name at a place wins
        if not spans or at >= spans[-1][1]:
            spans.append((at, at - negative_length, name))
    return spans


def _occurrences(text: str, name: str, letters_after: bool = False):
    """Where ``name`` occurs as a whole word (not inside a longer word or number).

    With ``letters_after`` only a following letter ends the check, as the
    capitalisation tests need; otherwise a digit on either side rules it out too.
    """
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        after = text[end] if end < len(text) else ""
        if letters_after:
            if not (after and after.isalpha()):
                yield at
        elif not (after and (after.isalpha() or after.isdecimal())):
            prev = text[at - 1] if at else ""
            if not (prev and (prev.isalpha() or prev.isdecimal())):
                yield at
        at = text.find(name, at + 1)


def _word_before(text: str, at: int) -> str:
    """What precedes a name across white space: "capitalised" (a word with a capital), "lower" (a lower-case
    letter, a digit or a comma), or "" (nothing usable)."""
    space = at
    while space > 0 and text[space - 1].isspace():
        space -= 1
    if space == at or space == 0:
        return ""
    last = text[space - 1]
    if last == "," or last.isdecimal():
        return "lower"
    if last in ".!?":  # the end of a sentence: the name starts the next one
        return ""
    start = space
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    run = text[start:space]
    if any(unicodedata.category(ch) == "Lu" for ch in run):
        return "capitalised"
    return "lower" if unicodedata.category(last) == "Ll" else ""
