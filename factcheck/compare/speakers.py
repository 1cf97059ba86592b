"""Who said it: the same words given to different speakers by different sources.

Quotes are grouped by speaker (compare_text.py), so "the largest contract in
our history", Safra Catz's in one outlet and Larry Ellison's in another, made
two groups that each looked fine.  A fact-checker wants that flagged.

Before grouping, the speakers whose quotes share their words across sources
are joined: two quotes by different people, from different sources, are the
same words when they are equal, when one holds the other, or when the last
words of one are how the other begins, in each case over at least
:data:`MIN_WORDS` words (a shared "this is just the beginning" proves nothing).
Within the joined speakers' quotes, only versions of the same words meet
across speakers (compare_text.py): the group is ``disputed``, "attributed to
different speakers".  Organisations as speakers ("Oracle said") are left out: a
company's statement quoted as its chief executive's is not a wrong speaker.

A :class:`SpeakerIndex` holds the quotes' words, so it is kept only while a
scan has at most :data:`MOST_QUOTES` quotes: the check is for the coverage of
a story, not an archive of them (where the same count decides, whether the
claims are held in memory or on disk).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from ..claims import UNATTRIBUTED, Claim
from ..people import person_key

#: Words two speakers' quotes must share to be the same words.
MIN_WORDS = 6
#: Beyond this many quotes in a scan, speakers are not joined.
MOST_QUOTES = 20_000


def quote_words(claim: Claim) -> tuple[str, ...]:
    from ..quotes import words

    stored = claim.extra.get("words")
    return tuple(stored) if stored else tuple(words(claim.text))


def is_speaker_quote(claim: Claim) -> bool:
    """A quote given to a named person (not to an organisation, not unattributed)."""
    return (claim.extra.get("kind") == "quote" and claim.subject != UNATTRIBUTED
            and claim.extra.get("speaker_kind") != "organisation")


@dataclass
class SpeakerIndex:
    """Every person's distinct wordings in a scan, with the sources that print them (None past MOST_QUOTES)."""

    wordings: dict[tuple[tuple[str, ...], str], set[str]] | None = field(default_factory=dict)
    quotes: Counter[str] = field(default_factory=Counter)  # quotes per person key
    count: int = 0

    def add(self, claim: Claim) -> None:
        if not is_speaker_quote(claim):
            return
        self.count += 1
        key = person_key(claim.subject)
        self.quotes[key] += 1
        if self.wordings is None or self.count > MOST_QUOTES:
            self.wordings = None
            return
        found = quote_words(claim)
        if len(found) >= MIN_WORDS:
            self.wordings.setdefault((found, key), set()).add(claim.source)

    def update(self, other: SpeakerIndex) -> None:
        self.count += other.count
        self.quotes.update(other.quotes)
        if self.wordings is None or other.wordings is None or self.count > MOST_QUOTES:
            self.wordings = None
            return
        for key, sources in other.wordings.items():
            self.wordings.setdefault(key, set()).update(sources)

    def joins(self) -> dict[str, str]:
        """Each person key joined to another's, to the key its quotes are grouped under."""
        if not self.wordings:
            return {}
        entries = sorted(self.wordings)  # (words, person): a fixed order, whatever the order of the scan
        parent: dict[str, str] = {}

        def root(key: str) -> str:
            while key in parent:
                key = parent[key]
            return key

        def joined(i: int, j: int) -> bool:  # already one speaker, or only one source prints both
            return (root(entries[i][1]) == root(entries[j][1])
                    or len(self.wordings[entries[i]] | self.wordings[entries[j]]) < 2)

        for i, j in matching_wordings(entries, joined):
            ri, rj = root(entries[i][1]), root(entries[j][1])
            keep, join = sorted((ri, rj), key=lambda k: (-self.quotes[k], k))
            parent[join] = keep
        return {key: root(key) for key in parent}


def matching_wordings(wordings: Sequence[tuple[tuple[str, ...], str]],
                      skip: Callable[[int, int], bool] = lambda i, j: False) -> Iterator[tuple[int, int]]:
    """Pairs (i, j) of wordings (words, speaker) of different speakers that are the same words.

    Any two same words share a sequence of MIN_WORDS words, so only wordings
    that share one are tested, each pair once, and not when ``skip`` says the
    pair no longer matters (already joined).
    """
    by_gram: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (found, _) in enumerate(wordings):
        for gram in {found[k:k + MIN_WORDS] for k in range(len(found) - MIN_WORDS + 1)}:
            by_gram[gram].append(i)
    tested: set[tuple[int, int]] = set()
    for members in by_gram.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if wordings[i][1] == wordings[j][1] or (i, j) in tested or skip(i, j):
                    continue
                tested.add((i, j))
                if same_words(wordings[i][0], wordings[j][0]):
                    yield i, j


def same_words(a: Iterable[str], b: Iterable[str]) -> bool:
    """Equal, one inside the other, or the end of one the start of the other, over at least MIN_WORDS words."""
    a, b = tuple(a), tuple(b)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= MIN_WORDS and any(long_[k:k + len(short)] == short for k in range(len(long_) - len(short) + 1)):
        return True
    return overlap(a, b) >= MIN_WORDS


def overlap(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words end one quote and begin the other: two outlets' excerpts of one statement, one running on
    past the other ("… its teams have seen" / "its teams have seen with TPUs for several years")."""
    best = 0
    for x, y in ((a, b), (b, a)):
        for k in range(min(len(x), len(y)) - 1, best, -1):  # shorter than both: equal or contained are not excerpts
            if x[-k:] == y[:k]:
                best = k
                break
    return best


def speaker_index(claims: Iterable[Claim]) -> SpeakerIndex:
    index = SpeakerIndex()
    for claim in claims:
        index.add(claim)
    return index
