"""Roles: a person's title or office → claims of type ``role``.

A title phrase ("CEO", "Deputy Prime Minister and Minister of Science and
ICT", "45th president of the United States") becomes a role claim when a
person stands next to it:

* before the name: "Nvidia CEO Jensen Huang", "President Lee Jae Myung";
* after it, set off by a comma: "Jensen Huang, founder and CEO of Nvidia,";
* after a linking verb whose subject is the person: "Lee Jae-myung … has been
  serving as Governor of Gyeonggi Province", "he served as Mayor of Seongnam".

The tense comes from the verb ("served as": past), a modifier ("former
President") or a closed period in the sentence ("from 2017 to 2021"); a past
role never conflicts with a current one.  Titles, their classes, verbs and
markers are data (``rules/roles.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .claims import Claim, Problem
from .documents import Document
from .people import PeopleCache, PersonMention, name_at, name_before, paragraph_of, pronouns, resolve_pronoun


@dataclass(frozen=True)
class Title:
    name: str
    match: regex.Pattern
    cls: str | None = None  # titles of one class are exclusive: one person holds one of them


@dataclass
class RoleRule:
    """The compiled ``kind: role`` rule file."""

    type: str
    path: str
    titles: list[Title]
    phrase: regex.Pattern  # a title phrase: titles joined by "and"/",", with "of …"
    past_modifier: regex.Pattern
    linking_verb: regex.Pattern  # ends right before a title phrase: groups "current" / "past"
    past_marker: regex.Pattern | None
    organisations: dict[str, str] = field(default_factory=dict)  # as written → canonical
    kind: str = "role"
    description: str = ""
    examples: list[dict[str, Any]] = field(default_factory=list)
    people: PeopleCache = field(default_factory=PeopleCache, repr=False, compare=False)

    def extract(self, document: Document, rules, problems: list[Problem] | None = None,
                mentions=None) -> list[Claim]:
        return extract_roles(document, rules, self, mentions)

    def titles_in(self, phrase: str) -> list[Title]:
        """The titles a phrase names, in order ("founder and CEO" → Founder, CEO)."""
        found: list[Title] = []
        pos = 0
        while pos < len(phrase):
            for title in self.titles:
                m = title.match.match(phrase, pos)
                if m and (m.end() == len(phrase) or not phrase[m.end()].isalpha()):
                    if title not in found:
                        found.append(title)
                    pos = m.end()
                    break
            else:
                nxt = regex.search(r"(?<![\p{L}])\p{L}", phrase[pos + 1:])
                if nxt is None:
                    break
                pos += 1 + nxt.start()
        return found


#: A word of an organisation's name; a full stop belongs to it only in an initialism or abbreviation ("U.S.", "Inc.").
_ORG_WORD = (r"(?:\p{Lu}[\p{L}\d&'’-]*(?:\.(?=\p{L})[\p{L}\d&'’-]*)*"
             r"(?:\.(?<=(?:\b\p{Lu}|Inc|Corp|Co|Ltd|Jr|Bros)\.))?|\d+\p{L}*)")


def compile_rule(data: dict[str, Any], path: Path, compiled: Any = None) -> RoleRule:
    from .rules import RuleError
    from .rules import _compile as compile_one

    def _compile(pattern: str, where: str):
        return compile_one(pattern, where, compiled)

    where = str(path)
    titles = []
    for item in data.get("titles") or []:
        try:
            alternatives = "|".join(f"(?:{m})" for m in item["match"])
            titles.append(Title(str(item["name"]), _compile(f"(?i:{alternatives})", where), item.get("class")))
        except (KeyError, TypeError):
            raise RuleError(f"{where}: each title needs a name and a match list") from None
    if not titles:
        raise RuleError(f"{where}: a role rule needs titles")
    title = "(?:" + "|".join(f"(?:{m})" for item in data["titles"] for m in item["match"]) + ")"
    joined = rf"(?i:{title}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){title})*)(?![\p{{L}}])"
    of = rf"(?:\s+(?i:of|at|for)\s+(?P<of>(?:the\s+)?{_ORG_WORD}(?:\s+(?:{_ORG_WORD}|and|of|the|for)(?=\s|\Z|[,.;:)]))*))?"
    phrase = _compile(rf"(?<![\p{{L}}\d-])(?P<titles>{joined}){of}", where)
    modifiers = [str(m) for m in data.get("past_modifiers") or []]
    mod = "|".join(regex.escape(m) + ("" if m.endswith("-") else r"\s+") for m in modifiers) or "(?!)"
    verbs = data.get("verbs") or {}
    current = "|".join(verbs.get("current") or ["is"])
    past = "|".join(verbs.get("past") or ["was"])
    linking = rf"(?<![\p{{L}}])(?i:(?P<past>{past})|(?P<current>{current}))\s+(?:(?i:the|a|an)\s+)?(?P<ordinal>\d+(?:st|nd|rd|th)\s+)?\Z"
    markers = [str(m) for m in data.get("past_markers") or []]
    organisations: dict[str, str] = {}
    for canonical, aliases in (data.get("organisations") or {}).items():
        for alias in [canonical, *(aliases or [])]:
            organisations[str(alias)] = str(canonical)
    return RoleRule(
        type=str(data.get("type") or path.stem),
        path=where,
        titles=titles,
        phrase=phrase,
        past_modifier=_compile(rf"(?i:(?:{mod}))\Z", where),
        linking_verb=_compile(linking, where),
        past_marker=_compile("(?i:" + "|".join(markers) + ")", where) if markers else None,
        organisations=organisations,
        description=str(data.get("description", "")).strip(),
        examples=list(data.get("examples") or []),
    )


# --------------------------------------------------------------------------- extraction

_SPACE = regex.compile(r"[ \t\u00a0]+")
_APPOSITIVE = regex.compile(  # ", the startup's " before a title
    r",\s+(?:(?i:the|a|an|its|their|his|her)\s+)?(?:(?P<org>(?:[\p{L}\d&.-]+\s+){0,3}?[\p{L}\d&.-]+)['’]s\s+)?\Z")
_POSSESSIVE = regex.compile(r"(?:['’]s)?\s+")
_ORG_BEFORE = regex.compile(rf"(?<![\p{{L}}\d])(?P<org>{_ORG_WORD})(?:['’]s)?\s+\Z")
_THE = regex.compile(r"^(?i:the)\s+")


@dataclass
class _Role:
    person: str
    person_written: str
    start: int  # where the role phrase (with its organisation) is written
    end: int
    titles: list[Title]
    org: str
    tense: str
    form: str
    reason: str


def extract_roles(document: Document, rules, rule: RoleRule | None = None, mentions=None) -> list[Claim]:
    """Role claims of one document: every title phrase with a person next to it."""
    rule = rule or rules.text_rule("role")
    text = document.scan_text
    people = rule.people.of(rules.catalogue)
    persons = people.mentions(text)
    organisations = mentions if mentions is not None else rules.catalogue.mentions(text)
    found: list[_Role] = []
    for s, e in document.sentences:
        for m in rule.phrase.finditer(text, s, e):
            if m.group("of"):  # "… Minister of Science and ICT Bae Kyung-hoon": the name is not the ministry's
                inside = [p.start for p in persons if m.start("of") < p.start < m.end()]
                if inside:
                    m = rule.phrase.match(text, m.start(), inside[0]) or m
            role = (_before_name(text, m, rule, people, persons, organisations)
                    or _after_name(text, m, s, rule, people, persons, organisations)
                    or _after_verb(document, text, m, s, e, rule, persons, organisations))
            if role is not None:
                found.append(role)
    return [_claim(document, rule, role) for role in found]


def _titles(m: regex.Match, rule: RoleRule) -> list[Title]:
    return rule.titles_in(m.group("titles"))


def _before_name(text, m, rule, people, persons, organisations) -> _Role | None:
    """'Nvidia CEO Jensen Huang', 'US President Donald Trump', 'former President Moon'."""
    gap = _SPACE.match(text, m.end(), m.end() + 3)
    if not gap:
        return None
    name_start = gap.end()
    person = next((p for p in persons if p.start == name_start), None)
    if person is not None:
        name, written = person.name, text[person.start:person.end]
    else:
        if not m.group("titles")[0].isupper():
            return None  # "… the chief executive said": a lowercase title names no one after it
        named = name_at(text, name_start)
        if named is None or any(o.start == name_start for o in organisations):
            return None
        name, written = people.canonical(named[2]), named[2]
    start, org = _organisation_before(text, m.start(), rule, organisations)
    if m.group("of"):
        org = _organisation(text, m.start("of"), m.end("of"), rule, organisations)
    tense = "past" if rule.past_modifier.search(text, max(0, start - 20), start) or \
        rule.past_modifier.search(text, max(0, m.start() - 20), m.start()) else "current"
    return _Role(name, written, start, m.end(), _titles(m, rule), org, tense, "before the name", "title before the name")


def _after_name(text, m, sentence_start, rule, people, persons, organisations) -> _Role | None:
    """'Jensen Huang, founder and CEO of Nvidia,' / 'Kim Min-jun, the startup's chief executive'."""
    pre = _APPOSITIVE.search(text, max(sentence_start, m.start() - 60), m.start())
    if pre is None:
        return None
    comma = pre.start()
    person = next((p for p in persons if p.end == comma), None)
    if person is not None:
        name, written = person.name, text[person.start:person.end]
    else:
        named = name_before(text, comma, sentence_start)
        if named is None or any(o.end == comma for o in organisations):
            return None
        name, written = people.canonical(named[2]), named[2]
    org = ""
    if pre.group("org"):
        org = _organisation(text, pre.start("org"), pre.end("org"), rule, organisations)
    if m.group("of"):
        org = _organisation(text, m.start("of"), m.end("of"), rule, organisations)
    start = pre.start("org") if pre.group("org") else m.start()
    tense = "past" if rule.past_modifier.search(text, max(0, m.start() - 20), m.start()) else "current"
    return _Role(name, written, start, m.end(), _titles(m, rule), org, tense, "after the name", "title after the name")


def _after_verb(document, text, m, s, e, rule, persons, organisations) -> _Role | None:
    """'… who has been serving as Governor of Gyeonggi Province', 'he served as Mayor of Seongnam'."""
    verb = rule.linking_verb.search(text, s, m.start())
    if verb is None:
        return None
    candidates = [p for p in persons if s <= p.start and p.end <= verb.start()]
    candidates += [PersonMention(a, b, "", "pronoun") for a, b in pronouns(text, s, verb.start())]
    if not candidates:
        return None
    subject = min(candidates, key=lambda p: p.start)  # the sentence's subject, not a name inside its clauses
    written = text[subject.start:subject.end]
    if subject.via == "pronoun":
        resolved = resolve_pronoun(subject.start, persons, paragraph_of(document.paragraphs, subject.start))
        if resolved is None:
            return None
        name, reason = resolved.name, f"'{written}' resolved to the nearest person named before it"
    else:
        name, reason = subject.name, "subject of the linking verb"
    org = _organisation(text, m.start("of"), m.end("of"), rule, organisations) if m.group("of") else ""
    past = bool(verb.group("past")) or bool(rule.past_marker and rule.past_marker.search(text, m.end(), e))
    start = verb.start("ordinal") if verb.group("ordinal") else m.start()  # "the 45th president of …"
    return _Role(name, written, start, m.end(), _titles(m, rule), org, "past" if past else "current",
                 "after a verb", reason)


def _organisation_before(text, pos, rule, organisations) -> tuple[int, str]:
    """The organisation written right before a title ('Nvidia's', 'US', 'SK hynix'): (start, canonical)."""
    for mention in organisations:
        if mention.end <= pos and _POSSESSIVE.fullmatch(text, mention.end, pos):
            return mention.start, mention.entity.name
    m = _ORG_BEFORE.search(text, max(0, pos - 40), pos)
    if m and m.group("org") in rule.organisations:
        return m.start(), rule.organisations[m.group("org")]
    return pos, ""


def _organisation(text, start, end, rule, organisations) -> str:
    """An organisation as written, made canonical through the catalogue or the rule's list."""
    for mention in organisations:
        if mention.start < end and start < mention.end:
            return mention.entity.name
    written = " ".join(text[start:end].split())
    bare = _THE.sub("", written)
    return rule.organisations.get(written) or rule.organisations.get(bare) or bare


def _claim(document: Document, rule: RoleRule, role: _Role) -> Claim:
    text = document.text
    s, e = next(((a, b) for a, b in document.sentences if a <= role.start < b), (role.start, role.end))
    quote = " ".join(text[s:e].split())
    before = " ".join(text[s:role.start].split())
    span_start = len(before) + (1 if before and text[role.start - 1].isspace() else 0)
    written = " ".join(text[role.start:role.end].split())
    line, column = document.position(role.start)
    return Claim(
        source=document.path,
        type=rule.type,
        subject=role.person,
        attribute="office",
        text=written,
        qualifier="exact",
        value=0.0,
        low=0.0,
        high=0.0,
        unit="role",
        line=line,
        column=column,
        quote=quote,
        offset=role.start,
        rule=rule.type,
        subject_reason=role.reason,
        quote_span=(span_start, min(len(quote), span_start + len(written))),
        extra={"kind": "role", "titles": [t.name for t in role.titles],
               "classes": [t.cls or "" for t in role.titles], "org": role.org, "tense": role.tense,
               "form": role.form, "person": role.person_written},
    )
