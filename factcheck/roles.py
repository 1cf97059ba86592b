"""Roles: a person's title or office → claims of type ``role``.

A title phrase ("CEO", "Deputy Prime Minister and Minister of Science and
ICT", "45th president of the United States") becomes a role claim when a
person stands next to it:

* before the name: "Nvidia CEO Jensen Huang", "President Lee Jae Myung";
* after it, set off by a comma: "Jensen Huang, founder and CEO of Nvidia,";
* after a linking verb whose subject is the person: "Lee Jae-myung … has been
  serving as Governor of Gyeonggi Province", "he served as Mayor of Seongnam".

The tense comes from the verb ("served as": past, "will take over as":
future), a modifier ("former President", "formerly head of product",
"incoming CEO", "President-elect") or a closed period in the sentence ("from
2017 to 2021"); past and future roles never conflict with current ones.  A
title written without its organisation ("CEO Sam Altman") carries the
organisation the article links the person to (``linked_org``), so that it
agrees with the title written in full.  Titles, their classes, verbs, markers
and the people's organisations are data (``rules/roles.yaml``,
``rules/people.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import regex

from .claims import Claim, Problem
from .documents import Document
from .people import (PeopleCache, PersonMention, name_at, name_before, paragraph_of, person_key, pronouns,
                     resolve_pronoun)


@dataclass(frozen=True)
class Title:
    name: str
    match: regex.Pattern
    cls: str | None = None  # titles of one class are exclusive: one person holds one of them
    as_written: bool = False  # the office is the words matched ("head of product"), not one name for all


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
    appositive: regex.Pattern  # ", the startup's " / ", formerly " between a name and a title after it
    qualifier: regex.Pattern  # "interim " / "incoming " right before a title
    future_suffix: regex.Pattern  # "-elect" right after a title
    organisations: dict[str, str] = field(default_factory=dict)  # as written → canonical
    future_qualifiers: frozenset[str] = frozenset()  # "incoming CEO": a title not yet held
    company_classes: frozenset[str] = frozenset()  # classes of titles a company gives (CEO: executive)
    not_organisations: frozenset[str] = frozenset()  # capitalised words before a title that name no company
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
                    if title.as_written:  # "head of product": the office is what it heads
                        words = " ".join(m.group().split())
                        title = replace(title, name=words[:1].upper() + words[1:])
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
            titles.append(Title(str(item["name"]), _compile(f"(?i:{alternatives})", where), item.get("class"),
                                bool(item.get("as_written"))))
        except (KeyError, TypeError):
            raise RuleError(f"{where}: each title needs a name and a match list") from None
    if not titles:
        raise RuleError(f"{where}: a role rule needs titles")
    title = "(?:" + "|".join(f"(?:{m})" for item in data["titles"] for m in item["match"]) + ")"
    joined = rf"(?i:{title}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){title})*)(?![\p{{L}}])"
    of = rf"(?:\s+(?i:of|at|for)\s+(?P<of>(?:the\s+)?{_ORG_WORD}(?:\s+(?:{_ORG_WORD}|and|of|the|for)(?=\s|\Z|[,.;:)]))*))?"
    qualifiers = data.get("qualifiers") or {}
    current_qualifiers = [str(q) for q in qualifiers.get("current") or []]
    future_qualifiers = [str(q) for q in qualifiers.get("future") or []]
    qualifier = "|".join(regex.escape(q) for q in current_qualifiers + future_qualifiers) or "(?!)"
    suffix = "|".join(regex.escape(q) for q in data.get("future_suffixes") or []) or "(?!)"
    # qualifiers and suffixes are looked for around a phrase found, not in it: an optional group before the
    # titles would slow the search for them at every position of the text
    phrase = _compile(rf"(?<![\p{{L}}\d-])(?P<titles>{joined}){of}", where)
    modifiers = [str(m) for m in data.get("past_modifiers") or []]
    mod = "|".join(regex.escape(m) + ("" if m.endswith("-") else r"\s+") for m in modifiers) or "(?!)"
    verbs = data.get("verbs") or {}
    current = "|".join(verbs.get("current") or ["is"])
    past = "|".join(verbs.get("past") or ["was"])
    future = "|".join(verbs.get("future") or ["(?!)"])
    linking = (rf"(?<![\p{{L}}])(?i:(?P<future>{future})|(?P<past>{past})|(?P<current>{current}))\s+"
               rf"(?:(?i:{mod}))?(?:(?i:the|a|an)\s+)?(?P<ordinal>\d+(?:st|nd|rd|th)\s+)?\Z")
    appositive = (rf",\s+(?:(?i:the|a|an|its|their|his|her)\s+)?"
                  rf"(?:(?P<org>(?:[\p{{L}}\d&.-]+\s+){{0,3}}?[\p{{L}}\d&.-]+)['’]s\s+)?(?:(?i:{mod}))?\Z")
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
        appositive=_compile(appositive, where),
        qualifier=_compile(rf"(?<![\p{{L}}\d-])(?i:{qualifier})\s+\Z", where),
        future_suffix=_compile(rf"(?i:{suffix})(?![\p{{L}}])", where),
        organisations=organisations,
        future_qualifiers=frozenset(q.casefold() for q in future_qualifiers),
        company_classes=frozenset(str(c) for c in data.get("company_classes") or []),
        not_organisations=frozenset(str(w) for w in data.get("not_organisations") or []),
        description=str(data.get("description", "")).strip(),
        examples=list(data.get("examples") or []),
    )


# --------------------------------------------------------------------------- extraction

_SPACE = regex.compile(r"[ \t\u00a0]+")
_POSSESSIVE = regex.compile(r"(?:['’]s)?\s+")
#: Up to three capitalised words and a possessive right before a title: "Nebius", "Helix Compute's".
_ORG_BEFORE = regex.compile(rf"(?<![\p{{L}}\d])(?P<org>{_ORG_WORD}(?:\s+{_ORG_WORD}){{0,2}})(?P<s>['’]s)?\s+\Z")
#: An organisation written after a title and a comma ("CFO, Helix Compute"), up to the punctuation after it.
_COMMA = regex.compile(r",[ \t\u00a0]*")
_ORG_WORDS = regex.compile(rf"{_ORG_WORD}(?:[ \t\u00a0]+{_ORG_WORD}){{0,3}}")
_ORG_ENDS = regex.compile(r"\s*(?:[,.;:)]|\Z)")
_THE = regex.compile(r"^(?i:the)\s+")
_POSSESSIVE_END = regex.compile(r"['’]s?\Z")
_SENTENCE_START = regex.compile(r"(?:\A|[.!?:;\"“”\n])\s*\Z")
#: What may stand between the subject of a linking verb and the verb: ", who" / "—who".
_WHO = regex.compile(r"\s*(?:[,—–-]\s*who\s*)?\Z")


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
    qualifier: str = ""  # "interim", "acting": part of the office as written
    linked_org: str = ""  # for a title written without an organisation: the one the article links the person to


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
            qualifier = rule.qualifier.search(text, max(s, m.start() - 20), m.start())
            suffix = rule.future_suffix.match(text, m.end()) if not m.group("of") else None
            at = qualifier.start() if qualifier else m.start()  # "interim CEO": the phrase as written
            end = suffix.end() if suffix else m.end()  # "President-elect"
            role = (_before_name(text, m, at, end, rule, people, persons, organisations)
                    or _after_name(text, m, at, end, s, rule, people, persons, organisations)
                    or _after_verb(document, text, m, at, end, s, e, rule, people, persons, organisations))
            if role is not None:
                role.qualifier = qualifier.group().strip().casefold() if qualifier else ""
                if role.tense == "current" and (role.qualifier in rule.future_qualifiers or suffix):
                    role.tense = "future"  # "incoming CEO", "President-elect"
                found.append(role)
    _link_organisations(found, rule, people, organisations)
    return [_claim(document, rule, role) for role in found]


def _titles(m: regex.Match, rule: RoleRule) -> list[Title]:
    return rule.titles_in(m.group("titles"))


def _before_name(text, m, at, end, rule, people, persons, organisations) -> _Role | None:
    """'Nvidia CEO Jensen Huang', 'US President Donald Trump', 'former President Moon', 'Helix's chief
    executive Marta Lindqvist'."""
    gap = _SPACE.match(text, end, end + 3)
    if not gap:
        return None
    name_start = gap.end()
    person = next((p for p in persons if p.start == name_start), None)
    if person is not None:
        name, written = person.name, text[person.start:person.end]
    else:
        named = name_at(text, name_start)
        if named is None or any(o.start <= name_start < o.end for o in organisations):
            return None
        name, written = people.canonical(named[2]), named[2]
    titles = _titles(m, rule)
    start, org = _organisation_before(text, at, rule, organisations, titles)
    if person is None and not org and not m.group("titles")[0].isupper():
        return None  # "the founder Helix Compute hired": a lowercase title names someone only after a company
    if m.group("of"):
        org = _organisation(text, m.start("of"), m.end("of"), rule, organisations)
    tense = "past" if rule.past_modifier.search(text, max(0, start - 20), start) or \
        rule.past_modifier.search(text, max(0, at - 20), at) else "current"
    return _Role(name, written, start, end, titles, org, tense, "before the name", "title before the name")


def _after_name(text, m, at, end, sentence_start, rule, people, persons, organisations) -> _Role | None:
    """'Jensen Huang, founder and CEO of Nvidia,' / 'Kim Min-jun, the startup's chief executive' /
    'Priya Raman, executive vice president and CFO, Helix Compute'."""
    pre = rule.appositive.search(text, max(sentence_start, at - 60), at)
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
    elif not org:
        after = _organisation_after_comma(text, end, rule, persons, organisations)
        if after is not None:
            org, end = after
    start = pre.start("org") if pre.group("org") else at
    tense = "past" if rule.past_modifier.search(text, max(0, at - 20), at) else "current"
    return _Role(name, written, start, end, _titles(m, rule), org, tense, "after the name", "title after the name")


def _organisation_after_comma(text, pos, rule, persons, organisations) -> tuple[str, int] | None:
    """'…, executive vice president and CFO, Helix Compute': the organisation and where it ends.  Not the next
    person of a list ('Dana Okafor, CEO, Priya Raman, CFO')."""
    comma = _COMMA.match(text, pos)
    if comma is None:
        return None
    at = comma.end()
    mention = next((o for o in organisations if o.start == at), None)
    if mention is not None:
        end = mention.end
        org = mention.entity.name
    else:
        m = _ORG_WORDS.match(text, at)
        if m is None or any(at <= p.start < m.end() for p in persons):
            return None
        if any(w in rule.not_organisations for w in m.group().split()):
            return None
        end, org = m.end(), rule.organisations.get(m.group(), m.group())
    follows = _COMMA.match(text, end)
    if follows is not None and rule.phrase.match(text, follows.end()):
        return None  # a list of people and their titles
    if not _ORG_ENDS.match(text, end):
        return None
    return org, end


def _after_verb(document, text, m, at, end, s, e, rule, people, persons, organisations) -> _Role | None:
    """'… who has been serving as Governor of Gyeonggi Province', 'he served as Mayor of Seongnam',
    'Ravi Sandoval will take over as interim CEO'."""
    verb = rule.linking_verb.search(text, s, at)
    if verb is None:
        return None
    candidates = [p for p in persons if s <= p.start and p.end <= verb.start()]
    candidates += [PersonMention(a, b, "", "pronoun") for a, b in pronouns(text, s, verb.start())]
    if not candidates:  # a name the catalogue does not know, right before the verb: 'Ravi Sandoval will …'
        who = _WHO.search(text, s, verb.start())
        named = name_before(text, who.start(), s) if who else None
        if named is None or any(o.start < named[1] and named[0] < o.end for o in organisations):
            return None
        candidates = [PersonMention(named[0], named[1], people.canonical(named[2]), "discovered")]
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
    if verb.group("future"):
        tense = "future"
    elif (verb.group("past") or rule.past_modifier.search(text, verb.start(), at)
          or (rule.past_marker and rule.past_marker.search(text, end, e))):
        tense = "past"
    else:
        tense = "current"
    start = verb.start("ordinal") if verb.group("ordinal") else at  # "the 45th president of …"
    return _Role(name, written, start, end, _titles(m, rule), org, tense, "after a verb", reason)


def _organisation_before(text, pos, rule, organisations, titles=()) -> tuple[int, str]:
    """The organisation written right before a title ('Nvidia's', 'US', 'SK hynix', 'Nebius'): (start, canonical).

    Capitalised words the catalogue does not know are taken before a title a company gives (CEO, founder),
    unless one is a word the rule lists as none ("The", "Former") or a word the article also writes in
    lower case ('Nebius CEO Arkady Volozh', not 'Finance Minister'); opening a sentence, the name must be
    possessive or written inside a sentence elsewhere ('Later CEO Dana Okafor' names no company).
    """
    modifier = rule.past_modifier.search(text, max(0, pos - 20), pos)
    if modifier:  # "Helix's former CEO"
        pos = modifier.start()
    for mention in organisations:
        if mention.end <= pos and _POSSESSIVE.fullmatch(text, mention.end, pos):
            return mention.start, mention.entity.name
    m = _ORG_BEFORE.search(text, max(0, pos - 60), pos)
    if m is None:
        return pos, ""
    words = m.group("org").split()
    possessive = bool(m.group("s") or _POSSESSIVE_END.search(words[-1]))
    words[-1] = _POSSESSIVE_END.sub("", words[-1])  # "Novara's"
    if m.group("org") in rule.organisations:
        return m.start(), rule.organisations[m.group("org")]
    if words[-1] in rule.organisations:
        return m.start("org") + m.group("org").rindex(words[-1]), rule.organisations[words[-1]]
    if not titles or not all(t.cls is None or t.cls in rule.company_classes for t in titles):
        return pos, ""
    kept: list[str] = []
    for word in reversed(words):  # "On Monday Helix CEO": the words of the name end at the title
        if word in rule.not_organisations or _written_in_lower_case(text, word):
            break
        kept.insert(0, word)
    if not kept:
        return pos, ""
    org = " ".join(kept)
    start = m.start("org") + m.group("org").rfind(org)
    if not possessive and _SENTENCE_START.search(text[max(0, start - 3):start]) and not _mid_sentence(text, kept[0]):
        return pos, ""  # "Later CEO Dana Okafor …": a capitalised word opening a sentence is no name by itself
    return start, org


def _mid_sentence(text: str, word: str) -> bool:
    """Is a word written capitalised inside a sentence somewhere in the article: a name ("… with Nebius")?"""
    return regex.search(rf"(?<=[\p{{Ll}}\d,;]\s+){regex.escape(word)}(?![\p{{L}}])", text) is not None


def _written_in_lower_case(text: str, word: str) -> bool:
    """Is a capitalised word an ordinary one, written in lower case elsewhere in the article ("finance")?"""
    lower = word.lower()
    if lower == word:
        return True
    return regex.search(rf"(?<![\p{{L}}]){regex.escape(lower)}(?![\p{{L}}])", text) is not None


def _organisation(text, start, end, rule, organisations) -> str:
    """An organisation as written, made canonical through the catalogue or the rule's list."""
    for mention in organisations:
        if mention.start < end and start < mention.end:
            return mention.entity.name
    written = " ".join(text[start:end].split())
    bare = _THE.sub("", written)
    return rule.organisations.get(written) or rule.organisations.get(bare) or bare


def _link_organisations(found: list[_Role], rule: RoleRule, people, organisations) -> None:
    """For each title written without an organisation: the organisation the article links the person to.

    That is the organisation the article itself gives the person with the same title elsewhere ("CEO of
    OpenAI"), or else, for a title a company gives, the person's organisation in the people catalogue when
    the article names it.  None when the article points to several.
    """
    given: dict[str, list[tuple[set[str], str]]] = {}
    for role in found:
        if role.org and role.tense == "current":
            given.setdefault(person_key(role.person), []).append(({t.name for t in role.titles}, role.org))
    named: set[str] | None = None
    for role in found:
        if role.org or not role.titles:
            continue
        titles = {t.name for t in role.titles}
        orgs = {org for others, org in given.get(person_key(role.person), ()) if titles & others}
        if not orgs and all(t.cls is None or t.cls in rule.company_classes for t in role.titles):
            entity = people.get(role.person)
            known = [str(o) for o in (dict(entity.extra).get("organisations") or ())] if entity else []
            if known:
                named = named if named is not None else {m.entity.name for m in organisations}
                orgs = {o for o in known if o in named}
        if orgs and all(same_organisation(o, next(iter(orgs))) for o in orgs):
            role.linked_org = min(orgs, key=len)


def same_organisation(a: str, b: str) -> bool:
    """"Helix" and "Helix Compute", "NOVARA" and "Novara": one organisation named more or less fully."""
    words_a, words_b = a.casefold().split(), b.casefold().split()
    short, long_ = (words_a, words_b) if len(words_a) <= len(words_b) else (words_b, words_a)
    return long_[:len(short)] == short


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
               "form": role.form, "person": role.person_written,
               **({"linked_org": role.linked_org} if role.linked_org else {}),
               **({"held_as": role.qualifier} if role.qualifier else {})},
    )
