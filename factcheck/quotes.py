"""Quotes: quoted speech and its speaker → claims of type ``quote``.

Quotation marks are paired per paragraph (curly or straight; a quote may run
over several sentences, and over paragraphs when the next one opens with a
mark again, as newspapers write long quotes).  A quotation is speech when an
attribution stands next to it:

* after it: ``"…," Huang said`` / ``"…," said Kim Min-jun, the startup's chief executive``;
* before it: ``Huang declared, "…"`` / ``Su told analysts: "…"``;
* around it: ``"…," Huang said, "…"`` and ``"…," Huang said. "…"`` are one quote;
* in its sentence, for quotes of a few words or more: ``Bae framed the investment
  as Korea's bid to become "one of the top three …"`` (shorter ones are scare quotes).

A quotation that names something is a term, not speech: one right after a naming word
(``what officials are calling "…"``, ``so-called "…"``, ``known as "…"``), and a few
words with no verb in them (``an "AI megafactory"``) unless a speech verb is attached
(``"A dream come true," she said``).

Reported speech ("he added that he would like to …") is a claim too, with
the attribute ``paraphrase`` and the qualifier ``about``.  The speaker is a
person of the catalogue, a name the attribution gives, or "he"/"she"
resolved to the nearest person named before it in the paragraph.

Every word list and pattern comes from the rule file (``rules/quotes.yaml``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .claims import UNATTRIBUTED, Claim, Problem
from .documents import Document
from .people import PRONOUNS, PeopleCache, PersonMention, name_at, name_before, paragraph_of, pronouns, resolve_pronoun


OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
STRAIGHT = '"'


# --------------------------------------------------------------------------- quotation marks


@dataclass(frozen=True)
class Quotation:
    """A pair of quotation marks: ``open`` and ``close`` are the offsets of the marks."""

    open: int
    close: int  # the closing mark, or the paragraph end when the quote runs on into the next paragraph
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


@dataclass(frozen=True)
class MarkProblem:
    """A quotation mark that does not pair up: where, and what is wrong."""

    offset: int
    message: str


def quotations(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quotation], list[MarkProblem]]:
    """Pair the quotation marks of each paragraph; marks that do not pair become problems."""
    found: list[Quotation] = []
    problems: list[MarkProblem] = []
    for index, (a, b) in enumerate(paragraphs):
        open_at: int | None = None
        for i in range(a, b):
            ch = text[i]
            if ch in OPENING_MARKS:
                if open_at is not None:
                    problems.append(MarkProblem(open_at, "quotation opened again before it was closed"))
                open_at = i
            elif ch in CLOSING_MARKS:
                if open_at is None:
                    problems.append(MarkProblem(i, "closing quotation mark without an opening one"))
                else:
                    found.append(Quotation(open_at, i))
                    open_at = None
            elif ch == STRAIGHT:
                if open_at is None:
                    if i > a and text[i - 1].isdigit():
                        continue  # an inch mark: 27"
                    open_at = i
                else:
                    found.append(Quotation(open_at, i))
                    open_at = None
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following and text[following[0]] in OPENING_MARKS + STRAIGHT:
                found.append(Quotation(open_at, b, closed=False))  # continued in the next paragraph
            else:
                problems.append(MarkProblem(open_at, "quotation not closed in its paragraph"))
    return found, problems


# --------------------------------------------------------------------------- words


_WORD = regex.compile(r"\d+(?:[.,]\d+)*|\p{L}+(?:['’]\p{L}+)*|%")


#: British spellings and their American forms.  Applied to both versions of a quote, they are a key for
#: comparison, not a correction: a British and an American outlet print one statement ("mobilising …
#: data centres" / "mobilizing … data centers") without changing a word of it.
_SPELLINGS = [(regex.compile(pattern), american) for pattern, american in (
    (r"(?<=\p{L}{2})is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"),  # realise, organisation, mobilising
    (r"(?<=\p{L}{2})ys(e|es|ed|ing|er|ers)$", r"yz\1"),  # analyse, catalysed
    (r"(?<=\p{L}{2})our(s|ed|ing|able|ite|ites|er|ers)?$", r"or\1"),  # colour, labour, favourite
    (r"(?<=\p{L}{2})tre(s|d)?$", r"ter\1"),  # centre, metres, theatre
    (r"(?<=\p{L}{2})ogue(s)?$", r"og\1"),  # catalogue, dialogue
    (r"^(travel|cancel|model|label|fuel|signal|level|channel|total|counsel|dial|marshal|equal|tunnel|jewel)l"
     r"(ed|ing|er|ers)$", r"\1\2"),  # travelled, modelling, fuelled
    (r"^(defen|offen|licen|preten)ce(s)?$", r"\1se\2"),
    (r"^programme(s)?$", r"program\1"),
    (r"^ageing$", "aging"),
    (r"^judgement(s)?$", r"judgment\1"),
    (r"^aluminium$", "aluminum"),
)]


#: Any word one of the _SPELLINGS may change: most words are tested with this alone.
_MAY_BE_BRITISH = regex.compile(r"(?:is|ys|our|tre|ogue|ll|ce|programme|ageing|judgement|aluminium)\p{L}{0,7}$")


def words(text: str) -> list[str]:
    """A quote's words for comparison: case, punctuation, quote marks and British or American spelling ignored."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group().casefold().replace("’", "'")
        if len(word) >= 6 and _MAY_BE_BRITISH.search(word):
            for pattern, american in _SPELLINGS:
                word = pattern.sub(american, word, count=1)
        out.append("percent" if word == "%" else word)
    return out


def spelled_out(tokens: list[str], contractions: dict[str, str]) -> list[str]:
    """Words with their contractions written out, as quotes are compared: "don't" → do not, "we're" → we are.

    ``contractions`` maps a whole word ("won't", "cannot") or an ending ("n't",
    "'re") to the words it stands for; whole words are looked up first.
    Contractions that can stand for several words ("'s": is, has, or a
    possessive) are left as written: the comparison tries each reading.
    """
    if not contractions:
        return tokens
    endings = [(k, v.split()) for k, v in contractions.items() if k[:1] == "'" or k.startswith("n'")]
    out: list[str] = []
    for word in tokens:
        whole = contractions.get(word)
        if whole is not None:
            out.extend(whole.split())
            continue
        if "'" in word:
            for ending, full in endings:
                if word.endswith(ending) and len(word) > len(ending):
                    out.append(word[:-len(ending)])
                    out.extend(full)
                    break
            else:
                out.append(word)
            continue
        out.append(word)
    return out


# --------------------------------------------------------------------------- the rule


@dataclass
class QuoteRule:
    """The compiled ``kind: quote`` rule file."""

    type: str
    path: str
    kind: str = "quote"
    description: str = ""
    verb: regex.Pattern = None  # type: ignore[assignment]
    verb_before_quote: regex.Pattern = None  # type: ignore[assignment]
    verb_in_sentence: regex.Pattern = None  # type: ignore[assignment]
    speaker_then_verb: regex.Pattern = None  # type: ignore[assignment]
    verb_then_speaker: regex.Pattern = None  # type: ignore[assignment]
    reported: list[regex.Pattern] = field(default_factory=list)
    name_cue: regex.Pattern | None = None
    min_words_partial: int = 3
    min_words_before: int = 2
    min_words_reported: int = 4
    term_cue: regex.Pattern | None = None
    term_max_words: int = 0
    clause_words: frozenset[str] = frozenset()
    fragment_openers: frozenset[str] = frozenset()
    compare: dict[str, Any] = field(default_factory=dict)
    examples: list[dict[str, Any]] = field(default_factory=list)
    people: PeopleCache = field(default_factory=PeopleCache, repr=False, compare=False)

    def extract(self, document: Document, rules, problems: list[Problem] | None = None,
                mentions=None) -> list[Claim]:
        return extract_quotes(document, rules, self, mentions)

    def compared_words(self, text: str) -> list[str]:
        """The words of a quote as versions of it are compared: :func:`words`, contractions spelled out."""
        return spelled_out(words(text), self.compare.get("contractions") or {})


#: A verb starts a word: "so-called" is not "called".
_START = r"(?<![\p{L}\d-])"


def compile_rule(data: dict[str, Any], path: Path, compiled: Any = None) -> QuoteRule:
    from .rules import RuleError
    from .rules import _compile as compile_one

    def _compile(pattern: str, where: str):
        return compile_one(pattern, where, compiled)

    where = str(path)
    verbs = [str(v) for v in data.get("speech_verbs") or []]
    if not verbs:
        raise RuleError(f"{where}: a quote rule needs speech_verbs")
    verb = "(?:" + "|".join(verbs) + ")"
    adverb = "(?:(?:" + "|".join(str(a) for a in data.get("adverbs") or ["also"]) + r")\s+)?"
    return QuoteRule(
        type=str(data.get("type") or path.stem),
        path=where,
        description=str(data.get("description", "")).strip(),
        verb=_compile(rf"(?i:{_START}{adverb}{verb}\b)", where),
        # 'Huang declared, "…"', 'he added that "…"', 'Su told analysts: "…"'
        verb_before_quote=_compile(rf"(?i:{_START}{adverb}(?P<verb>{verb})(?:\s+that)?)"
                                   rf"(?:(?:\s+[\p{{Ll}}’'-]+){{1,3}}(?=\s*[,:]))?\s*[,:]?\s*\Z", where),
        verb_in_sentence=_compile(rf"(?i:{_START}(?P<verb>{verb})\b)", where),
        speaker_then_verb=_compile(rf"[\s,]*(?P<who>[^,.;:!?“”\"\n]{{1,80}}?)\s+(?i:{adverb}(?P<verb>{verb}))\b", where),
        verb_then_speaker=_compile(rf"[\s,]*(?i:{adverb}(?P<verb>{verb}))\s+(?P<who>\S)", where),
        reported=[_compile(f"(?i:{r})", where) for r in data.get("reported") or []],
        name_cue=_compile(rf"{_START}(?:{'|'.join(str(c) for c in data['name_cues'])})\s", where)
        if data.get("name_cues") else None,
        min_words_partial=int(data.get("min_words_partial", 3)),
        min_words_before=int(data.get("min_words_before", 2)),
        min_words_reported=int(data.get("min_words_reported", 4)),
        term_cue=_compile(rf"(?i:{_START}(?:{'|'.join(str(c) for c in data['term_cues'])})\s*\Z)", where)
        if data.get("term_cues") else None,
        term_max_words=int(data.get("term_max_words", 0)),
        clause_words=frozenset(words(" ".join(str(w) for w in data.get("clause_words") or []))),
        fragment_openers=frozenset(words(" ".join(str(w) for w in data.get("fragment_openers") or []))),
        compare=dict(data.get("compare") or {}),
        examples=list(data.get("examples") or []),
    )


# --------------------------------------------------------------------------- extraction

_UNNAMED = regex.compile(r"(?i:a|an|the|one|another|some)\s")  # "a Broadcom spokesperson"
_STOP_AFTER = regex.compile(r"\s*[.,]")
_GAP_WORDS = regex.compile(r"(?:\s+(?i:also|later|further|then|previously|again|has|had|have|repeatedly))*\s*\Z")
_AFTER_CLOSING = regex.compile(r"[”\"]\s*,?\s*\Z")
_PUNCTUATION_ONLY = regex.compile(r"[\s,.;:]*")
_ONE_SENTENCE = regex.compile(r"[^.!?“”\"]*[.!?]\s*")
_UNTIL_PUNCTUATION = regex.compile(r"[^,.;:!?“”\"\n]*")
_CLAUSE_STOP = regex.compile(r",\s*(?:arguing|adding|saying|noting|explaining)\b|[,:]\s*[“\"]|;")
_ATTACHED = regex.compile(r"(?:[,:]|\bthat)\s*\Z")
_CLOSING_MARK = regex.compile(r"[”\"][\s,]*")
_APPOSITION_BEFORE = regex.compile(r",\s+(?:(?i:the|a|an|its|their)\s+)?(?:(?:[\p{L}\d&.-]+\s+){0,3}?[\p{L}\d&.-]+['’]s\s+)?\Z")


@dataclass
class _Speaker:
    name: str  # canonical, or UNATTRIBUTED
    written: str
    reason: str


@dataclass
class _Found:
    parts: list[tuple[int, int]]  # inner spans of the quotation marks joined into this quote
    speaker: _Speaker
    form: str
    attribution: tuple[int, int]  # where the attribution is written
    open: int


def extract_quotes(document: Document, rules, rule: QuoteRule | None = None, mentions=None) -> list[Claim]:
    """Quote and paraphrase claims of one document, with canonical speakers.

    ``mentions`` are the catalogue's mentions in the document when the caller
    has them already (``extract_claims`` does).
    """
    rule = rule or rules.text_rule("quote")
    text = document.scan_text
    people = rule.people.of(rules.catalogue)
    persons = people.mentions(text)
    organisations = mentions if mentions is not None else rules.catalogue.mentions(text)
    context = _Context(document, text, people, persons, organisations, rule)
    spans, _ = quotations(text, document.paragraphs)
    found: list[_Found] = []
    for quotation in spans:
        a, b = quotation.inner
        if not words(text[a:b]) or context.named_term(quotation):
            continue
        previous = found[-1] if found else None
        if previous and _continues(text, previous, quotation, context):
            previous.parts.append((a, b))
            previous.form = "inside" if text[previous.attribution[1]:quotation.open].strip() == "," else "continued"
            continue
        attributed = context.attribution(quotation)
        if attributed is not None:
            found.append(attributed)
    claims = [context.quote_claim(f) for f in found]
    claims.extend(context.reported_speech(spans, {f.open for f in found}))
    return claims


class _Context:
    """One document's text, people and sentences, and the rule: what attribution needs."""

    def __init__(self, document, text, people, persons, organisations, rule: QuoteRule) -> None:
        self.document, self.text, self.people, self.rule = document, text, people, rule
        self.organisations = organisations
        discovered = []
        taken = [(m.start, m.end) for m in persons] + [(m.start, m.end) for m in organisations]
        for s, e, name in _discovered_speakers(text, rule):
            if not any(ts < e and s < te for ts, te in taken):
                discovered.append(PersonMention(s, e, people.canonical(name), "discovered"))
        self.persons = sorted(persons + discovered, key=lambda m: m.start)
        self.pronouns = [PersonMention(s, e, "", "pronoun") for s, e in pronouns(text, 0, len(text))]

    # ----------------------------------------------------------------- speakers

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.document.sentences:
            if a <= pos < b:
                return a, b
        return paragraph_of(self.document.paragraphs, pos)

    def speaker_at(self, start: int, end: int) -> _Speaker | None:
        """Who the words at ``start:end`` (an attribution's subject) name."""
        written = " ".join(self.text[start:end].split())
        for mention in self.persons:
            if start <= mention.start < end:
                return _Speaker(mention.name, written, "named in the attribution")
        for s, e in pronouns(self.text, start, end):
            if self.text[start:end].strip().lower() in PRONOUNS:
                return self.resolve(s, written)
        for mention in self.organisations:
            if start <= mention.start < end:
                return _Speaker(mention.entity.name, written, "organisation named in the attribution")
        if len(written.split()) <= 6 and _UNNAMED.match(written):
            return _Speaker(UNATTRIBUTED, written, "speaker not named")  # "a Broadcom spokesperson said"
        return None

    def resolve(self, at: int, written: str) -> _Speaker:
        paragraph = paragraph_of(self.document.paragraphs, at)
        person = resolve_pronoun(at, self.persons, paragraph)
        if person is None:
            return _Speaker(UNATTRIBUTED, written, "pronoun with no person named before it in the paragraph")
        return _Speaker(person.name, written, f"'{written}' resolved to the nearest person named before it")

    def speaker_before(self, start: int, end: int) -> _Speaker | None:
        """The speaker of a verb at ``end``: the nearest person (or pronoun) before it in the sentence."""
        candidates = [m for m in self.persons + self.pronouns if start <= m.start and m.end <= end]
        if not candidates:
            orgs = [m for m in self.organisations if start <= m.start and m.end <= end]
            if orgs:
                return _Speaker(orgs[-1].entity.name, self.text[orgs[-1].start:orgs[-1].end],
                                "organisation before the verb")
            return None
        nearest = max(candidates, key=lambda m: m.start)
        written = self.text[nearest.start:nearest.end]
        if nearest.via == "pronoun":
            return self.resolve(nearest.start, written)
        return _Speaker(nearest.name, written, "named before the verb")

    def speaker_after(self, start: int, end: int) -> _Speaker | None:
        """The person named right after a verb ('according to Nvidia CEO Jensen Huang, "…"')."""
        named = [m for m in self.persons if start <= m.start and m.end <= end]
        if not named or self.text[start:named[0].start].count(",") or len(self.text[start:named[0].start]) > 40:
            return None
        return _Speaker(named[0].name, self.text[named[0].start:named[0].end], "named after the verb")

    # ----------------------------------------------------------------- terms

    def named_term(self, quotation: Quotation) -> bool:
        """A quotation right after a naming word ('what officials are calling "…"', 'so-called "…"'): a term."""
        cue = self.rule.term_cue
        return cue is not None and cue.search(self.text, max(0, quotation.open - 40), quotation.open) is not None

    def noun_phrase(self, quoted: list[str]) -> bool:
        """A few words with no verb in them ("AI megafactory"): a term if nothing attaches it.

        Not when an article or adverb opens them inside the marks ("a pleasant surprise"): that is clipped speech.
        """
        rule = self.rule
        return (0 < len(quoted) <= rule.term_max_words and quoted[0] not in rule.fragment_openers
                and not rule.clause_words.intersection(quoted))

    def term(self, quotation: Quotation) -> bool:
        """Is the quotation a term ('so-called "…"', "AI megafactory") rather than a piece of speech?"""
        return self.named_term(quotation) or self.noun_phrase(words(self.text[quotation.open + 1:quotation.close]))

    # ----------------------------------------------------------------- attribution forms

    def attribution(self, quotation: Quotation) -> _Found | None:
        text, rule = self.text, self.rule
        a, b = quotation.inner
        quoted = words(text[a:b])
        count = len(quoted)
        paragraph = paragraph_of(self.document.paragraphs, quotation.open)
        after = quotation.close + 1 if quotation.closed else quotation.close
        # after the quote: '"…," said Huang' / '"…," Huang said'; the quote ends as an attributed one does
        ends = quotation.closed and (text[b - 1:b] in ",?!…—–-" or text[after:after + 1] == ",")
        full_stop = quotation.closed and text[b - 1:b] == "."  # '"… ." Huang said.' but not '"… ." According to …'
        m = rule.verb_then_speaker.match(text, after, paragraph[1])
        if m and ends:
            who_start = m.start("who")
            who_end = _speaker_end(text, who_start, paragraph[1])
            speaker = self.speaker_at(who_start, who_end)
            if speaker is not None:
                return _Found([(a, b)], speaker, "after", (m.start("verb"), who_end), quotation.open)
        m = rule.speaker_then_verb.match(text, after, paragraph[1])
        if m and (ends or (full_stop and _STOP_AFTER.match(text, m.end()))):
            speaker = self.speaker_at(m.start("who"), m.end("who"))
            if speaker is not None:
                return _Found([(a, b)], speaker, "after", (m.start("who"), m.end("verb")), quotation.open)
        # before the quote: 'Huang declared, "…"' / 'what Huang calls "…"'
        sentence = self.sentence_of(quotation.open)
        start = self.introduction(quotation, paragraph) if quotation.open == paragraph[0] else None
        if start is None:
            start = min(sentence[0], quotation.open)
        m = rule.verb_before_quote.search(text, start, quotation.open)
        attached = m is not None and _ATTACHED.search(m.group()) is not None  # 'said: "…"', 'added that "…"'
        if m and count >= rule.min_words_before and (attached or not self.noun_phrase(quoted)):
            speaker = self.speaker_before(start, m.start("verb"))
            if speaker is not None:
                return _Found([(a, b)], speaker, "before", (m.start(), m.end()), quotation.open)
        # a few words or more, with a speaker and a speech verb elsewhere in the sentence
        if count >= rule.min_words_partial and not self.noun_phrase(quoted):
            verbs = list(rule.verb_in_sentence.finditer(text, start, quotation.open))
            for verb in reversed(verbs):
                speaker = self.speaker_before(start, verb.start())
                if speaker is None or speaker.name == UNATTRIBUTED:
                    speaker = self.speaker_after(verb.end(), quotation.open)  # 'According to Huang, "…"'
                if speaker is not None and speaker.name != UNATTRIBUTED:
                    form = "before" if start < paragraph[0] else "partial"  # 'According to Huang:' above the quote
                    return _Found([(a, b)], speaker, form, (verb.start(), verb.end()), quotation.open)
        return None

    def introduction(self, quotation: Quotation, paragraph: tuple[int, int]) -> int | None:
        """Where the sentence introducing a quote that opens its paragraph starts, when the paragraph before
        ends with a colon: 'According to Huang:' / 'Huang told analysts:' and the quote below it."""
        paragraphs = self.document.paragraphs
        index = bisect.bisect_left(paragraphs, paragraph)
        if not 0 < index < len(paragraphs) or paragraphs[index] != paragraph:
            return None
        before = paragraphs[index - 1]
        if self.text[before[1] - 1:before[1]] != ":":
            return None
        return max(before[0], self.sentence_of(before[1] - 1)[0])

    def reported_speech(self, spans: list[Quotation], quoted: set[int]) -> list[Claim]:
        """'He added that he would like to …': what a speaker said, in the article's words.

        Not around a quotation of its own: a quote claim (``quoted``: where those open) or speech whose
        speaker is not found; a term inside the clause ('what it calls "…"') is part of the paraphrase.
        """
        text, claims = self.text, []
        for s, e in self.document.sentences:
            for pattern in self.rule.reported:
                for m in pattern.finditer(text, s, e):
                    speaker_mention = self._subject_right_before(s, m.start())
                    if speaker_mention is None:
                        continue
                    clause_end = _clause_end(text, m.end(), e)
                    clause = text[m.end():clause_end]
                    if (len(words(clause)) < self.rule.min_words_reported
                            or any(q.open <= m.start() < q.close for q in spans)
                            or any(m.end() <= q.open < clause_end and self._speech(q, quoted) for q in spans)):
                        continue  # too short, inside a quotation, or around a quote that is its own claim
                    written = text[speaker_mention.start:speaker_mention.end]
                    if speaker_mention.via == "pronoun":
                        speaker = self.resolve(speaker_mention.start, written)
                    else:
                        speaker = _Speaker(speaker_mention.name, written, "named before the verb")
                    found = _Found([(m.end(), clause_end)], speaker, "reported",
                                   (speaker_mention.start, m.end()), m.end())
                    claims.append(self.quote_claim(found))
                    break
        return claims

    def _speech(self, quotation: Quotation, quoted: set[int]) -> bool:
        """A quote claim, or quoted words long enough to be speech that are no term."""
        return quotation.open in quoted or (
            len(words(self.text[quotation.open + 1:quotation.close])) >= self.rule.min_words_partial
            and not self.term(quotation))

    def _subject_right_before(self, sentence_start: int, verb_start: int) -> PersonMention | None:
        """A person or pronoun directly before the verb (an adverb may stand between): 'Huang also said'."""
        for mention in self.persons + self.pronouns:
            if sentence_start <= mention.start and mention.end <= verb_start:
                if _GAP_WORDS.match(self.text, mention.end, verb_start):
                    before = self.text[max(sentence_start, mention.start - 3):mention.start]
                    if _AFTER_CLOSING.search(before):
                        return None  # the subject of an attribution after a quote, not reported speech
                    return mention
        return None

    # ----------------------------------------------------------------- claims

    def quote_claim(self, found: _Found) -> Claim:
        doc = self.document
        raw_parts = [" ".join(doc.text[a:b].split()) for a, b in found.parts]
        said = " … ".join(p for p in raw_parts if p)  # the parts of a quote its attribution interrupts
        first = found.parts[0][0]
        last = found.parts[-1][1]
        s = self.sentence_of(min(first, found.attribution[0], found.open))[0]
        e = self.sentence_of(max(last - 1, found.attribution[1] - 1))[1]
        quote = " ".join(doc.text[s:e].split())
        opening = " ".join(doc.text[s:first].split())
        span_start = len(opening) + (1 if opening and doc.text[first - 1].isspace() else 0)
        line, column = doc.position(first)  # the first quoted word, as a figure's position is its first character
        reported = found.form == "reported"
        return Claim(
            source=doc.path,
            type=self.rule.type,
            subject=found.speaker.name,
            attribute="paraphrase" if reported else "said",
            text=said,
            qualifier="about" if reported else "exact",
            value=0.0,
            low=0.0,
            high=0.0,
            unit="quote",
            line=line,
            column=column,
            quote=quote,
            offset=first,
            rule=self.rule.type,
            subject_reason=found.speaker.reason,
            quote_span=(span_start, min(len(quote), span_start + len(" ".join(raw_parts[:1])))),
            extra={"kind": "quote", "words": self.rule.compared_words(said), "form": found.form, "speaker": found.speaker.written,
                   **({"speaker_kind": "organisation"} if found.speaker.reason.startswith("organisation") else {})},
        )


def _continues(text: str, previous: _Found, quotation: Quotation, context: _Context) -> bool:
    """'"…," Huang said, "…"' or '"…," Huang said. "…"': the next quotation goes on with the same speech."""
    if previous.form not in ("after", "inside", "continued"):
        return False
    gap = text[previous.attribution[1]:quotation.open]
    if _PUNCTUATION_ONLY.fullmatch(gap) is None:
        gap_sentence = _ONE_SENTENCE.fullmatch(gap)  # '"…," Huang told leaders at the summit. "…"'
        if gap_sentence is None:
            return False
    own = context.attribution(quotation)
    if own is None:
        return True
    # '"…," Huang said, "…"': the attribution found before the second part is the one already read
    return own.speaker.name == previous.speaker.name and own.attribution[0] < quotation.open and own.form != "after"


def _speaker_end(text: str, start: int, limit: int) -> int:
    """Where the subject of '"…," said Kim Min-jun, the startup's chief executive' ends: at the first comma or stop."""
    m = _UNTIL_PUNCTUATION.match(text, start, limit)
    end = m.end() if m else start
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _clause_end(text: str, start: int, end: int) -> int:
    """Reported speech runs to the end of its sentence, or to a quotation it introduces."""
    m = _CLAUSE_STOP.search(text, start, end)
    stop = m.start() if m else end
    while stop > start and text[stop - 1] in " .,;:":
        stop -= 1
    return stop


def _discovered_speakers(text: str, rule: QuoteRule) -> list[tuple[int, int, str]]:
    """Names the catalogue does not know, where an attribution puts a speaker.

    A full name after a closing quote and a speech verb ('said Dana Okafor'),
    before a speech verb ('Kim Min-jun said') or after a word that marks a
    person ('analyst Dylan Patel', rule ``name_cues``); then the same person's surname
    used alone ('Okafor said'), taken as the first or last word of the name.
    """
    found: list[tuple[int, int, str]] = []
    if rule.name_cue is not None:
        for cue in rule.name_cue.finditer(text):
            named = name_at(text, cue.end())  # "analyst Dylan Patel", "Former Intel CEO Pat Gelsinger"
            if named and named[0] - cue.end() <= 1:
                found.append(named)
            comma = _APPOSITION_BEFORE.search(text, max(0, cue.start() - 60), cue.start())
            if comma:  # "Gabriel Castellano, chief executive of …", "Hiroshi Kowalski, Helix's CEO"
                named = name_before(text, comma.start(), max(0, comma.start() - 60))
                if named:
                    found.append(named)
    for m in _CLOSING_MARK.finditer(text):
        verb = rule.verb.match(text, m.end())
        if verb:
            named = name_at(text, verb.end())
            if named:
                found.append(named)
    for verb in rule.verb.finditer(text):
        named = name_before(text, verb.start())
        if named:
            found.append(named)
    surnames: dict[str, str] = {}
    for _, _, name in found:
        parts = name.split()
        for part in (parts[0], parts[-1]):
            surnames.setdefault(part, name)
    if surnames:
        # a new pattern for every document: the standard library compiles it many times faster than regex
        # ([^\W_] is a letter or digit)
        alone = re.compile(r"(?<![^\W_])(?<!-)(?:" + "|".join(map(re.escape, surnames)) + r")(?![^\W_]|-)")
        taken = [(s, e) for s, e, _ in found]
        for m in alone.finditer(text):
            if not any(s <= m.start() < e for s, e in taken) and any(s < m.start() for s, _ in taken):
                found.append((m.start(), m.end(), surnames[m.group()]))
    return sorted(set(found))
