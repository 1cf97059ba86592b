"""Extraction: a document and the rules → claims.

``extract_claims`` is a pure function of one document and the rule set, so a
scan can run it in a process pool or on a cluster unchanged.

For each sentence that can hold a figure (a cheap prefilter of digits and
number words), only the rules whose trigger words occur in it are run.  Each
match is normalised (numbers.py), given an attribute from cue words and a
subject from the entities mentioned around it (``attribute_subject``).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .claims import INF, UNATTRIBUTED, Claim, Problem
from .documents import Document
from .entities import Entity, Mention, is_former
from .numbers import CURRENCY_SIGNS, CURRENCY_SUBUNITS, CURRENCY_WORDS, NumberError, Reading, currency_code, figure_from
from .literals import FoldedText
from .people import NAME as PERSON_NAME, OFFICE_WORDS, PeopleCache, pronouns
from .rules import PATTERN_TIMEOUT, Rule, RuleSet


#: Clause boundaries inside a sentence; the delimiter opens the next clause.
#: Where a clause ends.  Not the comma between a term and a sum that both qualify one noun ("a five-year,
#: $9.7bn contract", "a $9.7 billion, five-year deal"): the clause's subject is the whole phrase's.
_CLAUSE_BREAK = regex.compile(r"(?<!-(?i:year|month|week|day)),\s(?![\p{L}\d]+-(?i:year|month|week|day)\b)"
                              r"|;\s*|:\s|\s[—–-]\s|—|\(|\)|\s(?=(?:but|while|whereas|although|though)\s)")
#: Words that make the mention after them an object, not the clause's subject.
_PREPOSITION_BEFORE = regex.compile(
    r"(?i:\b(?:with|between|to|for|from|on|of|by|at|across|among|against|than|into|in|about|like|including"
    r"|via|through|alongside|over|under|toward|towards|behind|after|before|beyond|within|without|as)"
    r"(?:\s+(?:the|a|an|its|their))?\s*)$"
)
#: A mention after these is a channel or an example, never the subject.
_CHANNEL_BEFORE = regex.compile(
    r"(?i:\b(?:through|via|including|like|such\s+as|with\s+support\s+from|partners\s+including|among\s+them"
    r"|according\s+to|reported\s+by|reporting\s+from|powered\s+by|built\s+on|using)"
    r"(?:\s+(?:the|a|an|leading|major|other)){0,2})\s+(?:(?:\p{Lu}[\p{L}\d.&’'-]*|and|the|of)[\s,]+){0,8}$"
)
_DESTINATION_BEFORE = regex.compile(r"(?i:\b(?:across|to|for|powering|into|in|at|toward)\s+(?:the\s+)?)$")
#: A mention that names whose product follows ("access to Nvidia GB300 GPUs", "to Nvidia's chips") is no recipient.
_PRODUCT_AFTER = regex.compile(r"(?:['’]s)?\s+(?:\p{Lu}{1,4}\d+\w*\b|(?i:gpus?|chips?|accelerators?|processors?|superchips?"
                               r"|servers?|hardware|software|systems?|platforms?|technology|technologies)\b)")
_POSSESSIVE_AFTER = regex.compile(r"['’]s?\b|의(?!\p{Hangul})")  # "Nvidia's", Korean "엔비디아의"
_GROUP_NOUN_AFTER = regex.compile(
    r"\s+(?:and|&)\s+(?:(?:some|many|several|other|its|their|the|major|leading|local|industrial|tech|technology"
    r"|largest|biggest|of|big|domestic|private|key|national)\s+){0,5}"
    r"(?:companies|firms|titans|conglomerates|industry|industries|giants|partners|businesses|chaebols"
    r"|corporations|players|enterprises|sector|groups)\b"
    # "four of its biggest companies"
    r"|\s+(?:and|&)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+handful)\s+of\s+(?:its|their|the)\s+"
    r"(?:\w+\s+){0,2}(?:companies|firms|conglomerates|groups|businesses|chaebols)\b"
    # Korean: "한국 정부와 국내 대기업", "삼성전자, SK그룹 등"
    r"|(?:와|과|및)\s*(?:(?:국내|주요|한국|대형|여러|민간)\s*)*(?:대기업|기업|업계|산업계|재계|그룹)"
    r"|\s*등(?!\p{Hangul})"
)
_LIST_JOIN = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?$|(?:와|과|\s*및|\s*·|,)\s*$")
#: Korean marks a clause's subject or topic with a particle after the noun: "삼성전자는", "엔비디아가".
_TOPIC_AFTER = regex.compile(r"(?:은|는|이|가|도)(?!\p{Hangul})")
#: Korean channels come before "를 통해" (through): "네이버클라우드와 NHN클라우드, 카카오를 통해".
_CHANNEL_AFTER = regex.compile(
    r"(?:(?:와|과|,|\s및)\s*[\p{L}\p{N}]+(?:\s[\p{L}\p{N}]+){0,2}){0,6}?(?:을|를)\s*(?:통해|통하여|거쳐)")
#: The entity kind of news organisations: they report figures and are never their subject (rules/entities.yaml).
PUBLISHER = "publisher"
#: "Bloomberg reported the company had secured …", "Reuters reported that …": whoever reports a figure is its
#: channel, not its subject; "Nvidia reported revenue of …" is not this shape.
_REPORTER_AFTER = regex.compile(
    r"(?:\s+(?:first|earlier|exclusively))?\s+(?:reported|reports|has\s+reported|had\s+reported)"
    r"(?:\s+(?:on\s+\p{Lu}\p{L}*|earlier|last\s+\w+|this\s+\w+))?"
    r"(?:\s*,|\s+that\b|\s+(?:the\s+\p{Ll}+|it|they|its\s+\p{Ll}+|\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*)*)"
    r"\s+(?:had|has|have|was|is|will|would|could|signed|secured|agreed|plans|planned|struck|won|landed)\b)")
_EACH_AFTER = regex.compile(r"\s*(?:will|would|are|have|each|both|plan|plans|to|is)?\s*(?:each|both)\b")
_MODEL_PREFIX = regex.compile(r"(?<![\p{L}])(?P<w>\p{Lu}{2,}|\p{Lu}+\d+\p{Lu}*)\s+$")
_CURRENCY_BEFORE = regex.compile(r"(?:[$€£¥₩]|\b(?:USD|EUR|GBP|KRW|JPY|US\$))\s?$")
#: A number written with Korean units or followed by a counter or currency word is a count or a sum.
_KOREAN_COUNT = regex.compile(r"[\d,.]*\d(?:\s?\d|\s?[십백천만억조])*\s?(?:[십백천만억조]|여|장|개|대|원|달러)")
_OWNER_BREAK = regex.compile(r"[,;:.!?\"“”]|(?i:\b(?:with|of|for|to|in|on|by|at|from|across|and)\b)")
_YEAR_CONTEXT = regex.compile(r"(?i:\b(?:in|since|by|from|until|through|year|fiscal|FY|of|before|after|during|early|late|mid)\s+)$")


@dataclass
class _Match:
    rule: Rule
    pattern: int
    m: regex.Match
    start: int  # of the figure as written
    end: int


def extract_claims(document: Document, rules: RuleSet, problems: list[Problem] | None = None) -> list[Claim]:
    """All claims the rules find in one document, in text order."""
    text = document.scan_text
    mentions = rules.catalogue.mentions(text)
    starts = [mm.start for mm in mentions]
    claims: list[Claim] = []
    sentences = document.sentences
    disabled: set[str] = set()
    candidates = rules.candidate_tests
    non_numeric = any(rule.value != "number" for rule in rules.rules)
    shared: dict = {}
    folded = FoldedText(text)
    for index, (s, e) in enumerate(sentences):
        # the prefilter only holds for number rules
        numeric = any(folded.may_match(needs, s, e) and pattern.search(text, s, e) is not None
                      for pattern, needs in candidates)
        if not numeric and not non_numeric:
            continue
        found: list[_Match] = []
        for rule in rules.rules:
            if rule.type in disabled or (rule.value == "number" and not numeric):
                continue
            try:  # every pattern a rule file supplies runs under the timeout: trigger, patterns, cues
                if rule.trigger is not None and not (
                        folded.may_match(rule.trigger_needs, s, e)
                        and next(_finditer(rule.trigger, rule.trigger_starts, folded, s, e), None) is not None):
                    continue
                for i, (pattern, needs, opening) in enumerate(rule.patterns_to_run()):
                    if not folded.may_match(needs, s, e):  # cheap: words the pattern cannot match without
                        continue
                    for m in _finditer(pattern, opening, folded, s, e):
                        start, end = _trim(text, *figure_span(m))
                        if end > start and _is_figure(text, m, rule):
                            found.append(_Match(rule, i, m, start, end))
            except TimeoutError:
                _timed_out(rule, document, disabled, problems)
        if not found:
            continue
        sentence = _Sentence(document, index, s, e, mentions, shared, folded)
        for match in _resolve_overlaps(found):
            if match.rule.type in disabled:
                continue
            try:
                claims.extend(_claims_from(match, sentence, rules))
            except TimeoutError:
                _timed_out(match.rule, document, disabled, problems)
    for text_rule in rules.text_rules:  # quotes, roles: claims that are not figures
        for claim in text_rule.extract(document, rules, problems, mentions):
            file_line = document.source_line(claim.offset)  # the HTML line, for extracted text
            if file_line and "file_line" not in claim.extra:
                claim.extra["file_line"] = file_line
            claims.append(claim)
    claims.sort(key=lambda c: c.offset)  # stable: "Samsung and SK Hynix will each …" keeps its order
    _attributes_from_restatements(claims, rules)
    quotes: dict[str, str] = {}
    for claim in claims:  # claims of one sentence hold one copy of it (an archive's claims stay in memory)
        claim.quote = quotes.setdefault(claim.quote, claim.quote)
    return claims


def _finditer(pattern: regex.Pattern, opening: re.Pattern | None, folded: FoldedText, s: int, e: int
              ) -> Iterator[regex.Match]:
    """``pattern.finditer(text, s, e)``, trying the pattern only where a match can start (starts.py).

    The same matches in the same order: after a match the search goes on from its end; after an empty one, the
    engine's own ``finditer`` takes over from there (it alone knows not to find that empty match again).
    """
    text = folded.text
    positions = folded.starts(opening, s, e) if opening is not None else None
    if positions is None:
        yield from pattern.finditer(text, s, e, timeout=PATTERN_TIMEOUT)
        return
    after = s
    for at in positions:
        if at < after:
            continue
        m = pattern.match(text, at, e, timeout=PATTERN_TIMEOUT)
        if m is None:
            continue
        yield m
        if m.end() == at:
            rest = pattern.finditer(text, at, e, timeout=PATTERN_TIMEOUT)
            again = next(rest, None)
            if again is not None and again.span() != (at, at):
                yield again
            yield from rest
            return
        after = m.end()


def _attributes_from_restatements(claims: list[Claim], rules: RuleSet) -> None:
    """A figure without a cue takes the attribute its document gives the same figure where it has one.

    A headline is terse ("BlackRock, Microsoft launch $30 billion AI fund"); the body says what the sum is
    ("… a fund to invest more than $30 billion"), and the headline's figure is that one, not a bare amount
    to be compared with another outlet's bare amount.  Only where the document gives that figure of that
    subject one attribute; the claim notes where it came from.
    """
    defaults = {rule.type: rule.default_attribute for rule in rules.rules}
    given: dict[tuple, dict[str, Claim]] = defaultdict(dict)
    for claim in claims:
        if claim.type in defaults and claim.attribute != defaults[claim.type]:
            given[(claim.type, claim.subject.casefold(), claim.unit, claim.value)].setdefault(claim.attribute, claim)
    if not given:
        return
    for claim in claims:
        if claim.type in defaults and claim.attribute == defaults[claim.type]:
            found = given.get((claim.type, claim.subject.casefold(), claim.unit, claim.value))
            if found and len(found) == 1:
                (attribute, where), = found.items()
                claim.attribute = attribute
                claim.extra["attribute_from"] = where.line


def _timed_out(rule: Rule, document: Document, disabled: set[str], problems: list[Problem] | None) -> None:
    """A rule whose pattern ran past the timeout is skipped for the rest of the document, with a warning."""
    disabled.add(rule.type)
    if problems is not None:
        problems.append(Problem(document.path, f"rule {rule.type} ({rule.path}) timed out: skipped for this document",
                                fatal=False))


def figure_span(m: regex.Match) -> tuple[int, int]:
    """Where the figure a match found is written: its ``figure`` group, else the match.

    A hedge read behind the match ("more than" before "150,000 customers", which lets a pattern start at a
    digit and so run only where there is one) is part of the figure as written.
    """
    groups = m.re.groupindex
    start, end = m.span("figure") if "figure" in groups and m.group("figure") else m.span()
    if "qualifier" in groups and 0 <= m.start("qualifier") < start:
        start = m.start("qualifier")
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _resolve_overlaps(found: list[_Match]) -> list[_Match]:
    """One claim per figure: where matches overlap, the higher-priority, longer one wins."""
    ranked = sorted(found, key=lambda f: (-f.rule.priority, -(f.end - f.start), f.start, f.pattern))
    kept: list[_Match] = []
    for f in ranked:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


# --------------------------------------------------------------------------- one sentence


class _Sentence:
    """A sentence with its clauses and the entity mentions that fall in it."""

    def __init__(self, document: Document, index: int, start: int, end: int, mentions: list[Mention],
                 shared: dict | None = None, folded: FoldedText | None = None) -> None:
        self.document = document
        self.text = document.scan_text
        self.folded = folded or FoldedText(self.text)  # for the cues' word prefilter
        self.index = index
        self.start, self.end = start, end
        self.all_mentions = mentions  # sorted by start
        self.shared = shared if shared is not None else {}  # what one extraction works out once per document
        first = bisect.bisect_left(mentions, start, key=_mention_start)
        last = bisect.bisect_left(mentions, end, lo=first, key=_mention_start)
        self.mentions = [m for m in mentions[first:last] if m.end <= end]
        self._candidates: list[Mention] | None = None
        self._objects: dict[tuple[int, ...], set[Mention]] = {}
        bounds = [start] + [b.start() for b in _CLAUSE_BREAK.finditer(self.text, start, end)] + [end]
        self.clauses = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]

    def clause_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.start, self.end

    def candidates(self, ms: int, me: int) -> list[Mention]:
        """Mentions that can be a subject of a figure matched at [ms, me): not in the match, not a channel or modifier.

        The channel and modifier tests are made once per sentence, not once per figure.
        """
        if self._candidates is None:
            self._candidates = [mm for mm in self.mentions if not _is_channel(self.text, self, mm)
                                and not _is_modifier(self.text, mm, self.mentions)
                                and not is_former(self.text, mm)]
        return [mm for mm in self._candidates if not (ms <= mm.start < me)]

    def objects(self, usable: list[Mention]) -> set[Mention]:
        """``_object_mentions`` of these mentions, remembered for the sentence's other figures."""
        key = tuple(mm.start for mm in usable)
        if key not in self._objects:
            self._objects[key] = _object_mentions(self.text, self, usable)
        return self._objects[key]


def _claims_from(match: _Match, sentence: _Sentence, rules: RuleSet) -> list[Claim]:
    rule, m, text = match.rule, match.m, sentence.text
    unit_name, multiplier = _unit(rule, m)
    if unit_name is None:
        return []
    if rule.value != "number":
        return _claims_with_values(match, sentence, rules, unit_name)
    reading = Reading(
        number=_group(m, "number") or "",  # a vague amount ("several GPUs") has no number group
        scale=_group(m, "scale"),
        hedge=_group(m, "qualifier"),
        suffix=_group(m, "suffix"),
        number2=_group(m, "number2"),
        scale2=_group(m, "scale2"),
        vague=_group(m, "vague"),
        multiplier=multiplier,
        negative=bool(_group(m, "negative")),
    )
    try:
        figure = figure_from(reading, tolerance=rule.about)
    except (NumberError, KeyError, ValueError, ZeroDivisionError):
        return []
    subjects = attribute_subject(sentence, match.start, match.end, m.start(), m.end(), rule, rules)
    return _claims_for(match, sentence, unit_name, [(subject, reason, figure) for subject, reason in subjects])


def _claims_with_values(match: _Match, sentence: _Sentence, rules: RuleSet, unit_name: str) -> list[Claim]:
    """Claims of a rule whose figures are not numbers (``value: date``): read per subject.

    A date may depend on its subject (a fiscal year follows the company's
    fiscal calendar), so the subject is found first.
    """
    from .dates import date_figure

    rule, m = match.rule, match.m
    phrase = _group(m, "date") or sentence.text[match.start:match.end]
    start = m.start("date") if _group(m, "date") else match.start
    subjects = attribute_subject(sentence, match.start, match.end, m.start(), m.end(), rule, rules)
    # the time cues are a hint to the reader here ("past", "future"); it records them where it used them
    when = _cue(rule.time_cues, sentence, sentence.clause_of(match.start), match)
    readings = []
    for subject, reason in subjects:
        figure = date_figure(phrase, sentence.document, start, rules.catalogue.get(subject), rules.catalogue,
                             rule.languages, tense=when)
        if figure is not None:
            readings.append((subject, reason, figure))
    return _claims_for(match, sentence, unit_name, readings, time="")


def _claims_for(match: _Match, sentence: _Sentence, unit_name: str, readings, time: str | None = None) -> list[Claim]:
    """One claim per (subject, reason, figure) reading of a match."""
    rule, text = match.rule, sentence.text
    clause = sentence.clause_of(match.start)
    attribute = _cue(rule.cues, sentence, clause, match) or rule.default_attribute
    when = _cue(rule.time_cues, sentence, clause, match) or "" if time is None else time
    line, column = sentence.document.position(match.start)
    file_line = sentence.document.source_line(match.start)  # the HTML line, for extracted text
    quote, quote_span = _quote(text, sentence.start, sentence.end, match.start, match.end)
    claims = []
    parties = counterparties(sentence, clause, match, {subject for subject, _, _ in readings})
    vendor = _vendor(sentence, match, {subject for subject, _, _ in readings})
    for subject, reason, figure in readings:
        iv = figure.interval
        claims.append(Claim(
            source=sentence.document.path,
            type=rule.type,
            subject=subject,
            attribute=attribute,
            text=sentence.document.text[match.start:match.end],
            qualifier=figure.qualifier,
            value=figure.value,
            low=iv.low,
            high=iv.high,
            unit=unit_name,
            line=line,
            column=column,
            quote=quote,
            low_closed=iv.low_closed,
            high_closed=iv.high_closed,
            offset=match.start,
            rule=rule.type,
            pattern=match.pattern,
            subject_reason=reason,
            time=when,
            quote_span=quote_span,
            extra={**dict(getattr(figure, "notes", ())), **({"counterparties": parties} if parties else {}),
                   **({"vendor": vendor} if vendor else {}),
                   **({"cap": [figure.value - figure.precision, figure.value + figure.precision]}
                      if figure.qualifier == "up_to" and figure.precision else {}),
                   **({"file_line": file_line} if file_line else {})},
        ))
    return claims


def counterparties(sentence: _Sentence, clause: tuple[int, int], match: _Match, subjects: set[str]) -> list[str]:
    """The other parties named in the figure's clause ("… invest $100 billion in OpenAI").

    Two figures for one subject whose counterparties differ are two deals, not
    a dispute (compare/ keeps them apart).  Names inside the figure ("50,000
    NVIDIA GPUs") and channels ("through NAVER Cloud") are not counterparties.
    """
    text = sentence.text
    names: list[str] = []
    for mm in sentence.mentions:
        if not (clause[0] <= mm.start and mm.end <= clause[1]) or match.start <= mm.start < match.end:
            continue
        name = mm.entity.name
        if (name in subjects or name in names or mm.entity.kind == "country" or _is_channel(text, sentence, mm)
                or is_former(text, mm)):
            continue
        names.append(name)
    return sorted(names)


def _vendor(sentence: _Sentence, match: _Match, subjects: set[str]) -> str | None:
    """The company named inside the figure, other than its subject: whose product it counts ("1 million Google
    TPUs").  Not a counterparty (a count of NVIDIA GPUs is not a deal with NVIDIA for comparison's sake), but it
    tells that the figure speaks of the subject's deal with that company (compare/evidence.py)."""
    for mm in sentence.mentions:
        if match.start <= mm.start < match.end and mm.entity.kind == "company" and mm.entity.name not in subjects:
            return mm.entity.name
    return None


def _group(m: regex.Match, name: str) -> str | None:
    try:
        value = m.group(name)
    except IndexError:
        return None
    return value if value else None


def _is_figure(text: str, m: regex.Match, rule: Rule) -> bool:
    """Drop numbers that are not this rule's figures: model numbers ("RTX PRO 6000"), bare years,
    and sums of money read by a rule that counts something else ("$16.5 billion of chips")."""
    number = _group(m, "number")
    if not number or not number[0].isdigit():
        return True
    start = m.start("number")
    before = text[max(0, start - 30):start]
    if rule.unit_from != "currency" and _CURRENCY_BEFORE.search(before):
        return False
    model = _MODEL_PREFIX.search(before)
    counted = _KOREAN_COUNT.match(text, start, m.end("number") + 8)  # "GPU 26만 장": a count, not "RTX 6000"
    if model and model.group("w") not in CURRENCY_SIGNS and not _group(m, "currency") and not counted:
        return False
    plain = number.replace(",", "")
    if (len(plain) == 4 and plain.isdigit() and 1900 <= int(plain) <= 2099 and not _group(m, "scale")
            and not _group(m, "currency") and _YEAR_CONTEXT.search(before)):
        return False
    return True


def _unit(rule: Rule, m: regex.Match) -> tuple[str | None, float]:
    if rule.unit_from == "currency":
        sign = _group(m, "currency")
        if sign:
            return currency_code(sign), 1.0
        word = _group(m, "currency_word")
        if word:
            code = CURRENCY_WORDS.get(word.lower(), CURRENCY_WORDS.get(word, word.upper()))
            return code, CURRENCY_SUBUNITS.get(word.lower(), 1.0)
        return (rule.default_unit or None), 1.0
    if rule.unit_from == "noun":  # a count of whatever it names: "12 data centres" is in data centers
        return (rule.nouns.unit(_group(m, "unit")) if rule.nouns else None), 1.0
    captured = _group(m, "unit")
    unit = rule.unit_of(captured)
    if unit is not None:
        return unit.name, unit.multiplier
    if captured and rule.units:
        return None, 1.0
    return rule.default_unit, 1.0


def _cue(cues, sentence: _Sentence, clause: tuple[int, int], match: _Match) -> str | None:
    """The first cue whose words occur in the figure's clause (or sentence).

    Cues ``within: match`` are looked for in the rule's whole match and come
    first; among them the one nearest the figure wins (list order breaks ties),
    so "signed a deal to open a plant in 2027" reads the opening, not the signing.
    """
    nearest: tuple[int, int, str] | None = None
    region = _match_region(match.m)
    for order, cue in enumerate(cues):
        if cue.within != "match" or not sentence.folded.may_match(cue.needs, *region):
            continue
        for hit in cue.match.finditer(sentence.text, *region):
            if hit.end() <= match.start:
                gap = match.start - hit.end()
            elif hit.start() >= match.end:
                gap = hit.start() - match.end
            else:
                continue
            if nearest is None or (gap, order) < nearest[:2]:
                nearest = (gap, order, " ".join(hit.group().lower().split()) if cue.value == "matched" else cue.value)
    if nearest is not None:
        return nearest[2]
    for cue in cues:
        if cue.within == "match":
            continue
        if cue.within == "before":  # the figure's clause, or anywhere earlier in its sentence
            a, b = sentence.start, clause[1]
        elif cue.within == "near":  # a few words before the figure, a word or two after it
            a, b = max(sentence.start, match.start - 60), min(sentence.end, match.end + 15)
        else:
            a, b = clause if cue.within == "clause" else (sentence.start, sentence.end)
        if not sentence.folded.may_match(cue.needs, a, b):
            continue
        for hit in cue.match.finditer(sentence.text, a, b, timeout=PATTERN_TIMEOUT):
            if hit.end() <= match.start or hit.start() >= match.end:
                return " ".join(hit.group().lower().split()) if cue.value == "matched" else cue.value
    return None


def _match_region(m: regex.Match) -> tuple[int, int]:
    """The text a match looked at: its span and what its lookarounds captured ("(?<=(?P<event>…))")."""
    spans = [m.span()] + [m.span(i) for i in range(1, len(m.groups()) + 1)]
    spans = [s for s in spans if s[0] >= 0]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _quote(text: str, s: int, e: int, fs: int, fe: int, width: int = 200) -> tuple[str, tuple[int, int]]:
    """The sentence, trimmed to about ``width`` characters around the figure, on one line."""
    if e - s > width:
        room = max(0, width - (fe - fs))
        a = max(s, fs - room // 2)
        b = min(e, a + width)
        a = max(s, min(a, b - width))
        if a > s:
            space = text.find(" ", a, fs)
            a = space + 1 if space != -1 else a
        if b < e:
            space = text.rfind(" ", fe, b)
            b = space if space != -1 else b
        prefix, suffix = ("…" if a > s else ""), ("…" if b < e else "")
    else:
        a, b, prefix, suffix = s, e, "", ""
    body = " ".join(text[a:fs].split())
    figure = " ".join(text[fs:fe].split())
    tail = " ".join(text[fe:b].split())
    left = prefix + body + (" " if body and text[fs - 1].isspace() else "")
    right = (" " if tail and fe < len(text) and text[fe].isspace() else "") + tail + suffix
    return left + figure + right, (len(left), len(left) + len(figure))


# --------------------------------------------------------------------------- subjects


def attribute_subject(
    sentence: _Sentence, fs: int, fe: int, ms: int, me: int, rule: Rule, rules: RuleSet
) -> list[tuple[str, str]]:
    """Who a figure is about, and why: a list of (canonical name, reason).

    In order: the owner named in a possessive right before the figure
    ("Nvidia's $5 trillion"); the subject of the figure's clause; the recipient
    after it ("… GPUs across the nation's …"); the subject of the sentence; the
    nearest other mention; the subject after an opening phrase that holds the
    figure ("On October 29, 2025, Nvidia …"); the subject of one of the three
    previous sentences.
    Vendors of what a rule counts are passed over while anyone else is named.
    A list of parties resolves to each of them ("Samsung and SK Hynix will
    each …") or, when the figure is spread across them, to their country.
    """
    text = sentence.text
    avoid = set(rule.avoid_roles)
    clause = sentence.clause_of(fs)
    usable = sentence.candidates(fs, fe)

    def avoided(mm: Mention) -> bool:
        return (bool(avoid.intersection(mm.entity.roles)) or mm.entity.kind in rule.avoid_kinds
                or mm.entity.kind == PUBLISHER)

    if rule.subject_person:
        return _person_subject(sentence, fs, fe, rules)
    if rule.subject_from_figure:
        inside = [mm for mm in sentence.mentions if ms <= mm.start and mm.end <= me]
        if inside:
            return [(inside[0].entity.name, "named in the figure")]
    objects = sentence.objects(usable)
    in_clause = [mm for mm in usable if clause[0] <= mm.start and mm.end <= clause[1]]
    before_clause = [mm for mm in in_clause if mm.end <= fs]
    before_sentence = [mm for mm in usable if mm.end <= fs]
    after_clause = [mm for mm in in_clause if mm.start >= fe]

    steps: list[tuple[str, list[Mention]]] = [
        ("possessive before the figure", [mm for mm in before_sentence if _owns(text, mm, fs) and not avoided(mm)]),
        ("subject of the sentence (Korean particle)", _topic(text, usable, fs, avoided)),
        ("subject of the clause", [mm for mm in before_clause if mm not in objects and not avoided(mm)][:1]),
        ("recipient after the figure", [mm for mm in after_clause if _DESTINATION_BEFORE.search(text, max(0, mm.start - 30), mm.start) and not avoided(mm) and not _PRODUCT_AFTER.match(text, mm.end)][:1]),
        ("subject of the sentence", [mm for mm in before_sentence if mm not in objects and not avoided(mm)][:1]),
        ("nearest mention in the clause", [mm for mm in reversed(before_clause) if not avoided(mm)][:1]),
        ("nearest mention in the sentence", [mm for mm in reversed(before_sentence) if not avoided(mm)][:1]),
        ("mention after the figure", [mm for mm in after_clause if not avoided(mm)][:1]),
        ("subject after an opening phrase", [mm for mm in usable if mm.start >= fe and not avoided(mm)
                                             and mm not in objects][:1] if clause[0] == sentence.start else []),
        ("only party named", [mm for mm in before_sentence + after_clause if avoided(mm)][:1]),
    ]
    for reason, chosen in steps:
        if chosen:
            return _coordinated(text, chosen[-1] if reason.startswith("possessive") else chosen[0], usable, reason,
                                rule, rules)
    carried = None if _is_heading(text, sentence.start, sentence.end) else _previous_subject(sentence, rule)
    if carried is not None:
        return [(carried.name, "subject of a previous sentence")]
    return [(UNATTRIBUTED, "no entity named nearby")]


_PEOPLE = PeopleCache()
#: Capitalised words that start a sentence or a phrase, never a person's name.
_NOT_NAME_WORDS = frozenset("""The A An In On At For And But Its Their His Her This That These Those It We They He She
    Our As After Before When While With From By Of To Now Then Also""".split())


def _person_subject(sentence: _Sentence, fs: int, fe: int, rules: RuleSet) -> list[tuple[str, str]]:
    """The person a figure is about (an age): the one named nearest before it in its sentence, else the one
    named after it ("the 31-year-old founder, Jane Moreau"), else, where "he" or "she" stands before the
    figure, the last person named in the sentences before it."""
    people = _PEOPLE.of(rules.catalogue)
    names = _people_named(sentence, people, sentence.start, sentence.end)
    before = [n for n in names if n[1] <= fs]
    if before:
        return [(before[-1][2], "person named before the figure")]
    after = [n for n in names if n[0] >= fe]
    if after:
        return [(after[0][2], "person named after the figure")]
    text = sentence.text
    if pronouns(text, sentence.start, fs):
        doc = sentence.document
        for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
            s, e = doc.sentences[index]
            earlier = _people_named(sentence, people, s, e)
            if earlier:
                return [(earlier[-1][2], "person a pronoun before the figure refers to")]
    return [(UNATTRIBUTED, "no person named nearby")]


def _people_named(sentence: _Sentence, people, start: int, end: int) -> list[tuple[int, int, str]]:
    """People named in ``text[start:end]``: the catalogue's, and capitalised names that are no organisation."""
    text = sentence.text
    found = [(pm.start + start, pm.end + start, pm.name) for pm in people.mentions(text[start:end])]
    taken = [(mm.start, mm.end) for mm in sentence.all_mentions if start <= mm.start < end]
    for m in PERSON_NAME.finditer(text, start, end):
        words = m.group().split()
        at = m.start()
        while words and (words[0] in _NOT_NAME_WORDS or words[0] in OFFICE_WORDS):
            at = text.index(words[1], at + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        if len(words) < 2:
            continue
        span = (at, m.end())
        if any(a < span[1] and span[0] < b for a, b, _ in found) or any(a < span[1] and span[0] < b for a, b in taken):
            continue
        found.append((span[0], span[1], people.canonical(" ".join(words))))
    return sorted(found)


def _is_channel(text: str, sentence: _Sentence, mm: Mention) -> bool:
    return bool(_CHANNEL_BEFORE.search(text, max(sentence.start, mm.start - 80), mm.start)
                or _CHANNEL_AFTER.match(text, mm.end, min(sentence.end, mm.end + 120))
                or _REPORTER_AFTER.match(text, mm.end, min(sentence.end, mm.end + 80)))


def _topic(text: str, mentions: list[Mention], fs: int, avoided) -> list[Mention]:
    """The Korean topic or subject before a figure (nearest first), from the start of its list.

    "현대차그룹과 엔비디아가 … 약 30억 달러": the particle marks 엔비디아, the
    list it closes starts with 현대차그룹, which is the subject.
    """
    before = [mm for mm in mentions if mm.end <= fs]
    for i in range(len(before) - 1, -1, -1):
        mm = before[i]
        if not _TOPIC_AFTER.match(text, mm.end) or avoided(mm):
            continue
        j = i
        while j > 0 and _LIST_JOIN.fullmatch(text, before[j - 1].end, before[j].start):
            j -= 1
        return [next(m for m in before[j:i + 1] if not avoided(m))]
    return []


def _is_modifier(text: str, mm: Mention, mentions: list[Mention]) -> bool:
    """"Korea's Ministry …": a possessive directly before another mention only modifies it."""
    after = _POSSESSIVE_AFTER.match(text, mm.end)
    if not after:
        return False
    nxt = after.end()
    while nxt < len(text) and text[nxt] == " ":
        nxt += 1
    return any(other.start == nxt for other in mentions)


def _owns(text: str, mm: Mention, fs: int) -> bool:
    """"Nvidia's $5 trillion", "Nvidia's market cap surpassing $5 trillion": a possessive that owns the figure."""
    after = _POSSESSIVE_AFTER.match(text, mm.end)
    if not after:
        return False
    gap = text[after.end():fs]
    return len(gap.split()) <= 3 and not _OWNER_BREAK.search(gap)


def _object_mentions(text: str, sentence: _Sentence, mentions: list[Mention]) -> set[Mention]:
    """Mentions after a preposition, and those listed with them ("with Nvidia and the government")."""
    objects: set[Mention] = set()
    previous: Mention | None = None
    for mm in mentions:
        before = text[max(sentence.start, mm.start - 40):mm.start]
        if _PREPOSITION_BEFORE.search(before):
            objects.add(mm)
        elif previous in objects and _LIST_JOIN.fullmatch(text, previous.end, mm.start) and not (
                mm.via == "descriptor" and text[previous.end:mm.start].strip() == ","):
            objects.add(mm)  # but "Together with Nvidia, the group is …": the phrase ends at the comma
        previous = mm
    return objects


def _coordinated(
    text: str, chosen: Mention, usable: list[Mention], reason: str, rule: Rule, rules: RuleSet
) -> list[tuple[str, str]]:
    """Expand a list of parties: each of them, or their country when the figure is spread across them."""
    listed = [chosen]
    position = chosen.end
    for mm in usable:
        if mm.start < position or mm is chosen:
            continue
        if _LIST_JOIN.fullmatch(text, position, mm.start):
            listed.append(mm)
            position = mm.end
        else:
            break
    group_noun = bool(_GROUP_NOUN_AFTER.match(text, position))
    if len(listed) > 1 and _EACH_AFTER.match(text, position):
        names = []
        for mm in listed:
            if mm.entity.name not in names:
                names.append(mm.entity.name)
        return [(name, f"{reason}: each of a list") for name in names]
    spread = (len({mm.entity.name for mm in listed}) > 1 and not reason.startswith("subject")) or group_noun
    if spread:
        countries = {mm.entity.country or (mm.entity.name if mm.entity.kind == "country" else None) for mm in listed}
        if len(countries) == 1:
            country = countries.pop()
            if country and rules.catalogue.get(country):
                return [(country, f"{reason}: spread across parties of {country}")]
    return [(chosen.entity.name, reason)]


def _previous_subject(sentence: _Sentence, rule: Rule, reach: int = 3) -> Entity | None:
    """The subject of one of the previous sentences (nearest first), for figures whose sentence names no one."""
    doc = sentence.document
    avoid = set(rule.avoid_roles)
    for index in range(sentence.index - 1, max(-1, sentence.index - 1 - reach), -1):
        s, e = doc.sentences[index]
        if _is_heading(doc.scan_text, s, e):
            break
        key = ("subjects", index)
        if key not in sentence.shared:  # the same earlier sentence serves every figure after it
            earlier = _Sentence(doc, index, s, e, sentence.all_mentions, sentence.shared, sentence.folded)
            usable = [mm for mm in earlier.mentions if not _is_channel(doc.scan_text, earlier, mm)
                      and not _is_modifier(doc.scan_text, mm, earlier.mentions)]
            objects = _object_mentions(doc.scan_text, earlier, usable)
            sentence.shared[key] = [mm for mm in usable if mm not in objects]
        for mm in sentence.shared[key]:
            if (not avoid.intersection(mm.entity.roles) and mm.entity.kind not in rule.avoid_kinds
                    and mm.entity.kind != PUBLISHER):
                return mm.entity
    return None


def _mention_start(mention: Mention) -> int:
    return mention.start


def _is_heading(text: str, s: int, e: int) -> bool:
    line = text[s:e].strip()
    return line.startswith("#") or (len(line) < 60 and line[-1:] not in ".!?\"”")


def claim_sort_key(claim: Claim) -> tuple:
    return (claim.source, claim.offset, claim.type, claim.subject)


__all__ = ["extract_claims", "attribute_subject", "UNATTRIBUTED", "INF"]
