"""Comparison of claims that are not figures: quotes and roles.

Quotes: a speaker's quotes that share their opening words or most of their
text form a group.  Two sources' versions of a quote are

* ``agreed`` when their words are the same (punctuation, case and quote marks ignored);
* ``compatible`` when one is a fragment of the other, when one runs on past
  the other (two excerpts of one statement: the end of one is how the other
  begins), when they continue
  differently after a shared opening, or when only minor words differ;
* ``disputed`` when the same quote has materially different words: a changed
  number, a negation added or dropped, or a key word replaced.

Roles: every role claim about one person is a group.  Two sources that give
the person different current titles of one class (President / Governor), or
one title of different organisations, dispute the office; past roles never
conflict.  Similarity is measured with rapidfuzz, the word lists come from
the rule files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..claims import EVERY_PAIR_UP_TO, MOST_CONFLICTS, UNATTRIBUTED, Claim, Group
from ..people import person_key
from ..quotes import spelled_out, words as quote_words
from ..roles import same_organisation
from .speakers import is_speaker_quote, matching_wordings, overlap


#: Defaults when no rule file says otherwise (the packaged quotes.yaml sets them all).
_QUOTE_DEFAULTS: dict[str, Any] = {
    "opening_words": 5, "similar_ratio": 70, "fragment_ratio": 95, "fragment_min_words": 3, "diverge_ratio": 60,
    "overlap_words": 6,
    "minor_words": [], "negations": ["not", "no", "never", "n't", "without"], "number_words": [],
    "contractions": {}, "ambiguous_contractions": {},
}


def text_kind(claim: Claim) -> str | None:
    """'quote' or 'role' for claims that are not figures, else None."""
    kind = claim.extra.get("kind") if claim.extra else None
    return kind if kind in JUDGES else None


def group_text_claims(claims: Iterable[Claim], rules=None, speakers: dict[str, str] | None = None) -> list[Group]:
    """Groups and verdicts for quote and role claims, each kind by its own judge.

    ``speakers``: person keys whose quotes are grouped with another speaker's (speakers.py).
    """
    by_kind: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        kind = text_kind(claim)
        if kind:
            by_kind[kind].append(claim)
    groups: list[Group] = []
    for kind, members in by_kind.items():
        if kind == "quote":
            groups.extend(judge_quotes(members, rules, speakers))
        else:
            groups.extend(JUDGES[kind](members, rules))
    return groups


def _by_person(claims: Iterable[Claim], speakers: dict[str, str] | None = None
               ) -> dict[tuple[str, str, str], list[Claim]]:
    """Claims per (type, person, attribute); spellings of one name ("Kim Min-jun", "Kim Min Jun") are one person,
    and so are the speakers joined by ``speakers`` (speakers.py)."""
    out: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = person_key(claim.subject)
        if speakers and is_speaker_quote(claim):
            key = speakers.get(key, key)
        out[(claim.type, key, claim.attribute)].append(claim)
    return out


def _settings(rules, kind: str) -> dict[str, Any]:
    if rules is None:
        from ..rules import load_rules

        rules = load_rules()
    rule = rules.text_rule(kind) if hasattr(rules, "text_rule") else None
    settings = dict(_QUOTE_DEFAULTS)
    if rule is not None:
        settings.update(getattr(rule, "compare", {}) or {})
    return settings


# --------------------------------------------------------------------------- quotes


@dataclass(frozen=True)
class Comparison:
    """How two versions of a quote relate: a verdict and why."""

    verdict: str  # agreed | compatible | disputed
    reason: str


def compare_quotes(a: list[str], b: list[str], settings: dict[str, Any] | None = None) -> Comparison:
    """Compare two quotes' words (see :func:`factcheck.quotes.words`); settings default to the packaged rules'."""
    if settings is None:
        from ..rules import load_rules

        settings = _settings(load_rules(), "quote")
    if a == b:
        return Comparison("agreed", "same words")
    blocks = _blocks(a, b)
    if all(_typographic(old, new, settings) for old, new in blocks):
        shown = "; ".join(f"'{' '.join(x)}' / '{' '.join(y)}'" for x, y in blocks[:3])
        return Comparison("agreed", f"same words, written differently: {shown}")
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if _contains(long_, short):
        return Comparison("compatible", f"fragment: one quotes {len(short)} of the other's {len(long_)} words")
    run_on = overlap(a, b)
    if run_on >= settings["overlap_words"]:
        return Comparison("compatible", f"overlapping excerpts: the last {run_on} words of one are how the other begins")
    shared = _common_prefix(a, b)
    tail_a, tail_b = a[shared:], b[shared:]
    if (shared >= min(settings["opening_words"], len(short)) and len(tail_a) >= 3 and len(tail_b) >= 3
            and fuzz.ratio(" ".join(tail_a), " ".join(tail_b)) < settings["diverge_ratio"]):
        return Comparison("compatible", f"shared opening of {shared} words, then they continue differently")
    changes = [c for old, new in _changes(a, b) if (c := _untypeset(old, new, settings))[0] or c[1]]
    material = _material(changes, settings)
    if material:
        return Comparison("disputed", material)
    if not changes:  # one starts or ends earlier, and their common words differ only in how they are written
        return Comparison("compatible", f"fragment: one quotes {len(short)} of the other's {len(long_)} words")
    shown = "; ".join(f"'{' '.join(x) or '—'}' / '{' '.join(y) or '—'}'" for x, y in changes[:3])
    return Comparison("compatible", f"minor wording differs: {shown}")


def related(a: list[str], b: list[str], settings: dict[str, Any]) -> bool:
    """Are two quotes of one speaker versions of the same quote (one group)?"""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    opening = settings["opening_words"]
    if len(short) >= min(opening, 3) and short[:opening] == long_[:min(opening, len(short))]:
        return True
    if len(short) >= settings["fragment_min_words"] and (
            _contains(long_, short) or fuzz.partial_ratio(" ".join(short), " ".join(long_)) >= settings["fragment_ratio"]):
        return True
    if overlap(a, b) >= settings["overlap_words"]:
        return True
    return fuzz.ratio(" ".join(a), " ".join(b)) >= settings["similar_ratio"]


def judge_quotes(claims: list[Claim], rules=None, speakers: dict[str, str] | None = None) -> list[Group]:
    """Group each speaker's quotes into versions of one quote, and judge each group.

    Speakers joined by ``speakers`` are grouped together, each speaker's quotes
    clustered on their own; two clusters of different speakers become one
    group, disputed, where a quote of each is the same words (speakers.py).
    """
    settings = _settings(rules, "quote")
    groups: list[Group] = []
    for (claim_type, _, attribute), members in _by_person(claims, speakers).items():
        if members[0].subject == UNATTRIBUTED:
            groups.extend(Group(claim_type, c.subject, attribute, c.unit, "single", [c]) for c in members)
            continue
        if len({person_key(c.subject) for c in members}) > 1:
            groups.extend(_judge_speakers(members, settings))
        else:
            groups.extend(_speaker_groups(members, settings))
    return groups


def _speaker_groups(members: list[Claim], settings: dict[str, Any]) -> list[Group]:
    """One speaker's quotes clustered into versions of one quote, each cluster judged."""
    tokens = [_tokens(c, settings) for c in members]
    # One quote is often printed word for word by many outlets: relate each distinct wording once,
    # then every claim joins its wording's cluster (an archive may hold a speaker's quote thousands of times).
    wordings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        wordings[tuple(t)].append(i)
    distinct = list(wordings)
    cluster_of = quote_clusters([list(w) for w in distinct], settings)
    clusters: dict[int, list[int]] = defaultdict(list)
    for w, wording in enumerate(distinct):
        same = wordings[wording]
        if len(same) > 1 and not related(list(wording), list(wording), settings):
            for i in same:  # a wording not even related to itself (no words): each claim on its own
                clusters[-1 - i].append(i)
            continue
        clusters[cluster_of[w]].extend(same)
    groups = []
    for indices in clusters.values():
        indices.sort(key=lambda i: (members[i].source, members[i].offset))
        groups.append(_judge_quote_group([members[i] for i in indices], [tokens[i] for i in indices], settings))
    return groups


#: Up to this many distinct wordings of one speaker, every pair is tested; beyond, only pairs that can relate.
EVERY_WORDING_PAIR_UP_TO = 60


def quote_clusters(distinct: list[list[str]], settings: dict[str, Any]) -> list[int]:
    """The cluster of each wording: wordings joined, directly or through others, by :func:`related`.

    A few dozen wordings are tested pair by pair.  A speaker quoted across an
    archive has thousands, so there the same clusters are found without a
    Python test per pair: the shared-opening test is a lookup by opening words,
    the similarity test runs in rapidfuzz's batch loop, the fragment test only
    where one wording holds a piece of the other that survives its threshold,
    and pairs already in one cluster are never tested.
    """
    parent = list(range(len(distinct)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    if len(distinct) <= EVERY_WORDING_PAIR_UP_TO or settings["opening_words"] < 1:
        for i in range(len(distinct)):
            for j in range(i + 1, len(distinct)):
                if related(distinct[i], distinct[j], settings):
                    join(i, j)
    else:
        _join_related(distinct, settings, find, join)
    return [find(i) for i in range(len(distinct))]


def _join_related(distinct: list[list[str]], settings: dict[str, Any], find: Callable[[int], int],
                  join: Callable[[int, int], None]) -> None:
    """Join every pair of :func:`related` wordings, as the pair-by-pair loop does, without visiting every pair."""
    opening = settings["opening_words"]
    least = min(opening, 3)  # the fewest words a shared opening may have
    by_opening: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_prefix: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, w in enumerate(distinct):
        if len(w) >= opening:
            by_opening[tuple(w[:opening])].append(i)
        for n in range(least, min(opening - 1, len(w)) + 1):
            by_prefix[tuple(w[:n])].append(i)
    for members in by_opening.values():  # the same first `opening` words
        for i in members[1:]:
            join(members[0], i)
    for i, w in enumerate(distinct):  # a short wording that is how another one begins
        if least <= len(w) < opening:
            for j in by_prefix.get(tuple(w), ()):
                join(i, j)

    joined = [" ".join(w) for w in distinct]
    similar, fragment, fewest = settings["similar_ratio"], settings["fragment_ratio"], settings["fragment_min_words"]
    n = len(distinct)
    # Similar texts: rapidfuzz compares a wording with every later one outside its cluster in one call.
    labels, joins = [find(i) for i in range(n)], 0
    for i in range(n - 1):
        if not distinct[i]:
            continue
        if joins:  # clusters changed: refresh the labels
            labels, joins = [find(k) for k in range(n)], 0
        others = [j for j in range(i + 1, n) if labels[j] != labels[i] and distinct[j]]
        for _, _, k in process.extract(joined[i], [joined[j] for j in others], scorer=fuzz.ratio,
                                       score_cutoff=similar, limit=None):
            join(i, others[k])
            joins += 1
    # Overlapping excerpts: where a wording's last words start, look up the wordings that begin with them.
    overlap = settings["overlap_words"]
    by_start: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, w in enumerate(distinct):
        if len(w) > overlap:
            by_start[tuple(w[:overlap])].append(j)
    for i, w in enumerate(distinct):
        for k in range(1, len(w) - overlap + 1):
            for j in by_start.get(tuple(w[k:k + overlap]), ()):
                if j != i and find(j) != find(i) and related(w, distinct[j], settings):
                    join(i, j)
    # Fragments: the shorter text's pieces (see _pieces) are looked up by their first letters.
    grams: dict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(joined):
        if len(distinct[j]) >= fewest:
            for gram in {text[k:k + _GRAM] for k in range(len(text) - _GRAM + 1)}:
                grams[gram].append(j)
    for i in range(n):
        if len(distinct[i]) < fewest:
            continue
        pieces = _pieces(joined[i], fragment)
        if pieces is None or min(map(len, pieces)) < _GRAM:
            candidates: Iterable[int] = range(n)
        else:
            candidates = set().union(*(grams.get(piece[:_GRAM], ()) for piece in pieces))
        for j in candidates:
            if (j == i or len(joined[j]) < len(joined[i]) or len(distinct[j]) < fewest or find(j) == find(i)
                    or not _may_hold(joined[j], pieces)):
                continue  # not the longer text, already joined, or no piece of this one in it: no fragment
            if related(distinct[i], distinct[j], settings):
                join(i, j)


#: Length of the letter sequences fragments are looked up by.
_GRAM = 6


def _may_hold(text: str, pieces: list[str] | None) -> bool:
    return pieces is None or any(p in text for p in pieces)


def _pieces(text: str, ratio: float) -> list[str] | None:
    """Pieces of ``text`` one of which any text it is a fragment of (partial ratio ≥ ``ratio``) holds unchanged.

    A partial ratio of r aligns ``text`` with a window of the other text in at
    most d = 2·(1 − r/100)·len(text) insertions and deletions; cut into d + 1
    pieces, one piece is untouched by them and so appears as it is.  None when
    the pieces would be single characters (no useful test).
    """
    edits = int(2 * (1 - ratio / 100) * len(text) + 1e-9)
    size = len(text) // (edits + 1)
    if size < 2:
        return None
    cuts = [round(k * len(text) / (edits + 1)) for k in range(edits + 2)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


def _judge_speakers(members: list[Claim], settings: dict[str, Any]) -> list[Group]:
    """The quotes of speakers joined because sources give them the same words: each speaker's own groups, and
    one disputed group wherever a quote of one and a quote of another are the same words."""
    own: list[Group] = []
    for person in sorted({person_key(c.subject) for c in members}):
        own.extend(_speaker_groups([c for c in members if person_key(c.subject) == person], settings))
    wordings, group_of, sources = _distinct_wordings(own)
    parent = list(range(len(own)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def joined(i: int, j: int) -> bool:  # already one group, or only one source prints both
        return find(group_of[i]) == find(group_of[j]) or len(sources[i] | sources[j]) < 2

    for i, j in matching_wordings(wordings, joined):
        parent[find(group_of[i])] = find(group_of[j])
    merged: dict[int, list[int]] = defaultdict(list)
    for i in range(len(own)):
        merged[find(i)].append(i)
    groups: list[Group] = []
    for indices in merged.values():
        if len(indices) == 1:
            groups.append(own[indices[0]])
            continue
        claims = sorted((c for i in indices for c in own[i].claims), key=lambda c: (c.source, c.offset))
        groups.append(_misattributed(claims))
    return groups


def _distinct_wordings(groups: list[Group]) -> tuple[list[tuple[tuple[str, ...], str]], list[int], list[set[str]]]:
    """Each group's distinct (words, speaker), with the group it is in and the sources that print it."""
    index: dict[tuple[tuple[str, ...], str, int], set[str]] = {}
    for g, group in enumerate(groups):
        for claim in group.claims:
            index.setdefault((tuple(_tokens(claim)), person_key(claim.subject), g), set()).add(claim.source)
    keys = list(index)
    return [(w, person) for w, person, _ in keys], [g for _, _, g in keys], [index[k] for k in keys]


def _misattributed(claims: list[Claim]) -> Group:
    """A quote whose words sources give to different speakers: disputed, a pair of claims named per pair of sources
    (at most MOST_CONFLICTS)."""
    first = claims[0]
    group = Group(first.type, _display_name(claims), first.attribute, first.unit, "disputed", claims)
    at: dict[tuple[tuple[str, ...], str], list[int]] = {}
    for i, claim in enumerate(claims):
        at.setdefault((tuple(_tokens(claim)), person_key(claim.subject)), []).append(i)
    wordings = list(at)
    seen: set[tuple[str, str]] = set()
    for a, b in matching_wordings(wordings, lambda a, b: len(group.conflicts) >= MOST_CONFLICTS):
        for i in at[wordings[a]]:
            for j in at[wordings[b]]:
                pair = tuple(sorted((claims[i].source, claims[j].source)))
                if claims[i].source != claims[j].source and pair not in seen and len(group.conflicts) < MOST_CONFLICTS:
                    seen.add(pair)
                    group.conflicts.append((min(i, j), max(i, j)))
    group.conflicts.sort()
    group.parties = sorted({c.subject for c in claims}, key=str.casefold)
    said: dict[str, set[str]] = {}
    for c in claims:
        said.setdefault(c.subject, set()).add(c.source)
    group.note = "the same words attributed to different speakers: " + "; ".join(
        f"{name} ({', '.join(sorted(said[name]))})" for name in group.parties)
    return group


def _judge_quote_group(claims: list[Claim], tokens: list[list[str]], settings: dict[str, Any]) -> Group:
    first = claims[0]
    group = Group(first.type, _display_name(claims), first.attribute, first.unit, "single", claims)
    if len({c.source for c in claims}) < 2:
        return group
    verdicts: list[str] = []
    reasons: list[str] = []
    named_all = len(claims) <= EVERY_PAIR_UP_TO
    for i, j, result in _compared_pairs(claims, tokens, settings):
        verdicts.append(result.verdict)
        if result.verdict == "disputed" and (named_all or len(group.conflicts) < MOST_CONFLICTS):
            group.conflicts.append((i, j))
        if result.reason not in reasons and result.verdict != "agreed":
            reasons.append(result.reason)
        if not named_all and len(group.conflicts) >= MOST_CONFLICTS and len(reasons) >= 3:
            break  # disputed, every conflict it names and its note found: no further pair can change them
    if "disputed" in verdicts:
        group.verdict = "disputed"
    elif verdicts and all(v == "agreed" for v in verdicts):
        group.verdict = "agreed"
    else:
        group.verdict = "compatible"
    group.note = "; ".join(reasons[:3])
    return group


def _compared_pairs(claims: list[Claim], tokens: list[list[str]], settings: dict[str, Any]):
    """(i, j, comparison) for the related pairs of claims from different sources.

    A small group gives every such pair.  In a large one (the same quote printed
    by hundreds of sources), each pair of wordings is compared once and named by
    one pair of claims per pair of sources, at most :data:`MOST_CONFLICTS` of
    them when the wordings conflict: listing every pair would be quadratic.
    """
    if len(claims) <= EVERY_PAIR_UP_TO:
        for i in range(len(claims)):
            for j in range(i + 1, len(claims)):
                if claims[i].source != claims[j].source and related(tokens[i], tokens[j], settings):
                    yield i, j, compare_quotes(tokens[i], tokens[j], settings)
        return
    wordings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        wordings[tuple(t)].append(i)
    distinct = list(wordings)
    named = 0
    for a in range(len(distinct)):
        for b in range(a, len(distinct)):
            first, second = wordings[distinct[a]], wordings[distinct[b]]
            pair = _cross_source_pair(claims, first, second)
            if pair is None or not related(tokens[first[0]], tokens[second[0]], settings):
                continue
            result = compare_quotes(tokens[first[0]], tokens[second[0]], settings)
            if result.verdict != "disputed":
                yield pair[0], pair[1], result
                continue
            if named >= MOST_CONFLICTS:  # the list of conflicts is full; the verdict still counts
                yield pair[0], pair[1], result
                continue
            seen: set[tuple[str, str]] = set()
            for i in first:
                for j in second:
                    key = tuple(sorted((claims[i].source, claims[j].source)))
                    if claims[i].source == claims[j].source or key in seen or named >= MOST_CONFLICTS:
                        continue
                    seen.add(key)
                    named += 1
                    yield min(i, j), max(i, j), result


def _cross_source_pair(claims: list[Claim], first: list[int], second: list[int]) -> tuple[int, int] | None:
    """A pair of claims, one from each list, from two different sources (the first found), or None."""
    for i in first:
        for j in second:
            if i != j and claims[i].source != claims[j].source:
                return min(i, j), max(i, j)
    return None


def _tokens(claim: Claim, settings: dict[str, Any] | None = None) -> list[str]:
    stored = claim.extra.get("words") if claim.extra else None
    if stored:
        return list(stored)
    return spelled_out(quote_words(claim.text), (settings or {}).get("contractions") or {})


def _contains(long_: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _changes(a: list[str], b: list[str]) -> list[tuple[list[str], list[str]]]:
    """Words replaced, added or dropped between two versions, leaving out where one simply starts or ends earlier."""
    ops = [op for op in Levenshtein.opcodes(a, b)]
    while ops and ops[0].tag in ("insert", "delete"):
        ops.pop(0)
    while ops and ops[-1].tag in ("insert", "delete"):
        ops.pop()
    return _merged(a, b, ops)


def _blocks(a: list[str], b: list[str]) -> list[tuple[list[str], list[str]]]:
    """Every stretch of words in which two versions differ, their ends included."""
    return _merged(a, b, list(Levenshtein.opcodes(a, b)))


def _merged(a: list[str], b: list[str], ops) -> list[tuple[list[str], list[str]]]:
    """The (old, new) words of each run of edits between two equal stretches: "long term" / "longterm" is one."""
    out: list[tuple[list[str], list[str]]] = []
    run = None
    for op in ops:
        if op.tag == "equal":
            run = None
            continue
        if run is None:
            run = [op.src_start, op.src_end, op.dest_start, op.dest_end]
            out.append(run)
        else:
            run[1], run[3] = op.src_end, op.dest_end
    return [(a[s:e], b[ds:de]) for s, e, ds, de in out]


#: The most readings of a stretch of words tried (each "'s" may be a possessive, "is" or "has").
_MOST_READINGS = 64


def _typographic(old: list[str], new: list[str], settings: dict[str, Any]) -> bool:
    """Do two stretches of words differ only in how they are written?

    "long-term" / "longterm" / "long term" (a compound joined or split), "company's" / "companys" (an
    apostrophe dropped), "it's" / "it is" (a contraction that may stand for several words).  Numbers,
    negations and other words differ in their letters and are never typography.
    """
    if not old or not new:
        return False
    return bool(_readings(old, settings) & _readings(new, settings))


def _untypeset(old: list[str], new: list[str], settings: dict[str, Any]) -> tuple[list[str], list[str]]:
    """A change without the words at its start or end that differ only in how they are written:
    "long term partner" / "longterm rival" is "partner" / "rival"."""
    if _typographic(old, new, settings):
        return [], []
    for at_start in (True, False):
        trimmed = True
        while trimmed and old and new:
            trimmed = False
            for i in range(1, min(3, len(old)) + 1):
                for j in range(1, min(3, len(new)) + 1):
                    if (i, j) == (len(old), len(new)):
                        continue
                    x, y = (old[:i], new[:j]) if at_start else (old[-i:], new[-j:])
                    if _typographic(x, y, settings):
                        old, new = (old[i:], new[j:]) if at_start else (old[:-i], new[:-j])
                        trimmed = True
                        break
                if trimmed:
                    break
    return old, new


def _readings(stretch: list[str], settings: dict[str, Any]) -> set[str]:
    """The letters a stretch of words may stand for, spaces and apostrophes left out."""
    ambiguous = settings.get("ambiguous_contractions") or {}
    readings = {""}
    for word in stretch:
        forms = {word.replace("'", "")}
        if "'" in word:
            for ending, meanings in ambiguous.items():
                if word.endswith(ending) and len(word) > len(ending):
                    forms.update(word[:-len(ending)] + m for m in meanings)
        readings = {r + f for r in readings for f in forms}
        if len(readings) > _MOST_READINGS:
            return {"".join(w.replace("'", "") for w in stretch)}
    return readings


def _material(changes: list[tuple[list[str], list[str]]], settings: dict[str, Any]) -> str:
    """Why a change alters what was said ('a number: 95 / 90'), or '' when it does not."""
    minor = set(settings.get("minor_words") or ())
    negations = set(settings.get("negations") or ())
    numbers = set(settings.get("number_words") or ())

    def is_number(word: str) -> bool:
        return any(ch.isdigit() for ch in word) or word in numbers

    def is_negation(word: str) -> bool:
        return word in negations or any(word.endswith(n) for n in negations if n.startswith("n'"))

    for old, new in changes:
        shown = f"'{' '.join(old) or '—'}' / '{' '.join(new) or '—'}'"
        if sorted(w for w in old if is_number(w)) != sorted(w for w in new if is_number(w)):
            return f"a number differs: {shown}"
        if sum(map(is_negation, old)) != sum(map(is_negation, new)):
            return f"a negation differs: {shown}"
    for old, new in changes:
        key = [w for w in old + new if w not in minor]
        if key:
            return f"a key word differs: '{' '.join(old) or '—'}' / '{' '.join(new) or '—'}'"
    return ""


def _display_name(claims: list[Claim]) -> str:
    """The most used spelling of the speaker's name in a group."""
    counts: dict[str, int] = defaultdict(int)
    for claim in claims:
        counts[claim.subject] += 1
    return max(counts, key=lambda name: (counts[name], name))


# --------------------------------------------------------------------------- roles


def judge_roles(claims: list[Claim], rules=None) -> list[Group]:
    """One group per person: current offices compared across sources, past and future roles noted."""
    groups: list[Group] = []
    for (claim_type, _, attribute), members in _by_person(claims).items():
        members.sort(key=lambda c: (c.source, c.offset))
        group = Group(claim_type, _display_name(members), attribute, members[0].unit, "single", members)
        groups.append(group)
        if len({c.source for c in members}) < 2:
            continue
        current = [i for i, c in enumerate(members) if _tense(c) == "current"]
        group.conflicts = _role_conflicts(members, current)
        past = [c for c in members if _tense(c) == "past"]
        future = [c for c in members if _tense(c) == "future"]
        notes = []
        if group.conflicts:
            group.verdict = "disputed"
            i, j = group.conflicts[0]
            notes.append(f"different current offices: {role_conflict(members[i], members[j])}")
        elif len({_tense(c) for c in members}) == 1 and _one_office(members):
            group.verdict = "agreed"
        else:
            group.verdict = "compatible"
            offices = sorted({c.text for c in members if _tense(c) == "current"})
            if len(offices) > 1:
                notes.append("titles that can be held together: " + "; ".join(offices))
        if past and group.verdict != "agreed":
            notes.append("past role" + ("s" if len(past) > 1 else "") + ", not compared with current ones: "
                         + "; ".join(sorted({c.text for c in past})))
        if future and group.verdict != "agreed":
            notes.append("future role" + ("s" if len(future) > 1 else "") + ", not compared with current ones: "
                         + "; ".join(sorted({c.text for c in future})))
        group.note = "; ".join(notes)
    return groups


def _tense(claim: Claim) -> str:
    return claim.extra.get("tense") or "current"


def _one_office(members: list[Claim]) -> bool:
    """Do all claims name one office: the same titles (CEO, chief executive officer), held alike (interim or
    not), of one organisation -- written, or the one the article links the person to ("CEO Sam Altman" in an
    article that links him to OpenAI is OpenAI's CEO)?  A title with no organisation beside one with an
    organisation is not known to be the same office."""
    first = members[0]
    titles = _title_names(first)
    held = first.extra.get("held_as") or ""
    orgs = [c.extra.get("org") or c.extra.get("linked_org") or "" for c in members]
    if any(_title_names(c) != titles or (c.extra.get("held_as") or "") != held for c in members):
        return False
    if all(not o for o in orgs):
        return True
    return all(orgs) and all(same_organisation(o, orgs[0]) for o in orgs)


def _title_names(claim: Claim) -> tuple[str, ...]:
    return tuple(sorted(t.casefold() for t in claim.extra.get("titles") or ()))


def _role_conflicts(members: list[Claim], current: list[int]) -> list[tuple[int, int]]:
    """Pairs of current roles from different sources that cannot both be true, one per pair of wordings.

    A large group (a person titled in hundreds of sources) compares each pair of
    distinct roles once instead of every pair of claims, and names at most
    :data:`MOST_CONFLICTS` pairs.
    """
    conflicts: list[tuple[int, int]] = []
    seen: set[tuple[str, str]] = set()
    if len(current) <= EVERY_PAIR_UP_TO:
        for x, i in enumerate(current):
            for j in current[x + 1:]:
                a, b = members[i], members[j]
                if a.source == b.source:
                    continue
                pair = (a.text.casefold(), b.text.casefold())
                if pair not in seen and role_conflict(a, b):
                    seen.add(pair)
                    conflicts.append((i, j))
        return conflicts
    by_role: dict[tuple, list[int]] = defaultdict(list)
    for i in current:
        c = members[i]
        by_role[(c.text, *_office(c), tuple(c.extra.get("classes") or ()))].append(i)
    roles = list(by_role.values())
    for x, first in enumerate(roles):
        for second in roles[x + 1:]:
            if len(conflicts) >= MOST_CONFLICTS or not role_conflict(members[first[0]], members[second[0]]):
                continue
            pair = next(((min(i, j), max(i, j)) for i in first for j in second
                         if members[i].source != members[j].source), None)
            if pair is None:
                continue
            key = (members[pair[0]].text.casefold(), members[pair[1]].text.casefold())
            if key not in seen:
                seen.add(key)
                conflicts.append(pair)
    return sorted(conflicts)


def role_conflict(a: Claim, b: Claim) -> str:
    """Why two current roles cannot both be true ('President' vs 'Governor'), or '' if they can."""
    classes_a = _titles_by_class(a)
    classes_b = _titles_by_class(b)
    for cls in classes_a.keys() & classes_b.keys():
        if not classes_a[cls] & classes_b[cls]:
            return f"{a.text} vs {b.text}"
        org_a, org_b = a.extra.get("org") or "", b.extra.get("org") or ""
        if org_a and org_b and not same_organisation(org_a, org_b):
            return f"{a.text} ({org_a}) vs {b.text} ({org_b})"
    return ""


def _titles_by_class(claim: Claim) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for title, cls in zip(claim.extra.get("titles") or (), claim.extra.get("classes") or ()):
        if cls:
            out[cls].add(title)
    return out


def _office(claim: Claim) -> tuple:
    return (tuple(sorted(claim.extra.get("titles") or ())), claim.extra.get("org") or "")


#: The judge of each kind of text claim.
JUDGES: dict[str, Callable[[list[Claim], Any], list[Group]]] = {"quote": judge_quotes, "role": judge_roles}
