"""Claims of a scan too large for memory: kept on disk by partition, grouped one partition at a time.

An archive scan (hundreds of thousands of articles, millions of claims) must
not hold every claim until it is grouped and written.  Grouping is a reduce
by key (:func:`compare.reduce_key`): claims of different keys never meet.
So each chunk of extracted claims is pickled by partition (a stable hash of
the key) where it was extracted, and the bytes are appended to one file per
partition, in input order, without being read again.  Then:

* **joins**: figures are stored by unit, so every claim that may be aligned
  with another is in its partition (compare/candidates.py); speakers given
  the same words are grouped as one (compare/speakers.py): each chunk also
  brings its small speaker index, and before grouping the quotes of a
  speaker joined to one of another partition are copied there (``moved-*``
  files), with their places; the parties that figures name are gathered too,
  so every partition knows the sides of a deal (compare/evidence.py);
* **groups**: each partition is loaded and grouped on its own, and its groups
  are written back sorted; the report reads the partitions' groups merged in
  report order (:func:`compare.group_sort_key` is a total order);
* **claims**: the partitions are merged back into input order by each claim's
  position (chunk number, place in the chunk).

Memory holds one partition's claims while grouping, and one chunk record and
one group per partition while the report is written.  The groups and claims
are those of grouping everything in memory, in the same order
(``tests/test_spill.py``).  The files live in a temporary folder that is
removed when the result is dropped or the process ends.
"""

from __future__ import annotations

import heapq
import os
import pickle
import shutil
import tempfile
import weakref
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from .claims import Claim, Group
from .compare import Joins, group_claims, group_sort_key, reduce_key
from .compare.evidence import naming_of
from .compare.speakers import SpeakerIndex, speaker_index

#: Claims per partition aimed at: small enough that grouping one partition takes little memory.
CLAIMS_PER_PARTITION = 20_000
#: Files per partition expected at about 48 claims per file.
FILES_PER_PARTITION = CLAIMS_PER_PARTITION // 48


def partitions_for(files: int) -> int:
    """How many partitions a scan of this many files uses: 8 to 256 (each is an open file while writing)."""
    return max(8, min(256, files // FILES_PER_PARTITION + 1))


def partition_of(claim: Claim, partitions: int, joins: Joins | None = None) -> int:
    """The partition of a claim: a hash of its reduce key that is the same in every process.

    With ``joins`` (speakers.py), the partition where the claim is grouped, which may not be where it was stored.
    """
    return partition_of_key(reduce_key(claim, joins), partitions)


def partition_of_key(key: tuple, partitions: int) -> int:
    """The partition of a reduce key (for a subject's figures, its claim key)."""
    return zlib.crc32(repr(key).encode("utf-8", "surrogatepass")) % partitions


@dataclass
class PackedClaims:
    """One chunk's claims, pickled by partition where they were extracted: partition → (places, claims)."""

    count: int = 0
    parts: dict[int, bytes] = field(default_factory=dict)
    speakers: SpeakerIndex = field(default_factory=SpeakerIndex)
    naming: set[tuple[str, str]] = field(default_factory=set)  # parties figures name (compare/evidence.py)


def pack(claims: Sequence[Claim], partitions: int) -> PackedClaims:
    """Pickle a chunk's claims by partition, each with its place in the chunk, and index its quotes (speakers.py)."""
    places: dict[int, list[int]] = {}
    members: dict[int, list[Claim]] = {}
    for i, claim in enumerate(claims):
        p = partition_of(claim, partitions)
        places.setdefault(p, []).append(i)
        members.setdefault(p, []).append(claim)
    return PackedClaims(len(claims), {p: pickle.dumps((places[p], members[p]), pickle.HIGHEST_PROTOCOL)
                                      for p in members}, speaker_index(claims), naming_of(claims))


class Spill:
    """The partition files of one scan.  ``add`` chunks in input order, then ``claims()`` and ``group()``."""

    def __init__(self, partitions: int, directory: str | None = None) -> None:
        self.partitions = partitions
        self.folder = tempfile.mkdtemp(prefix="factcheck-scan-", dir=directory)
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.folder, True)
        self._files = [open(self._path("claims", p), "wb") for p in range(partitions)]
        self._chunks = 0
        self.count = 0
        self.speakers = SpeakerIndex()
        self.naming: set[tuple[str, str]] = set()
        self._joins: Joins | None = None  # worked out from the indexes when grouping starts

    def _path(self, kind: str, partition: int) -> str:
        return os.path.join(self.folder, f"{kind}-{partition:04d}.pickle")

    def add(self, packed: PackedClaims) -> None:
        """Append one chunk's packed claims (chunks must come in input order)."""
        header = pickle.dumps(self._chunks, pickle.HIGHEST_PROTOCOL)
        for p, data in packed.parts.items():
            self._files[p].write(header)
            self._files[p].write(data)
        self._chunks += 1
        self.count += packed.count
        self.speakers.update(packed.speakers)
        self.naming |= packed.naming

    def add_claims(self, claims: Sequence[Claim]) -> None:
        self.add(pack(claims, self.partitions))

    def close(self) -> None:
        """Finish writing; the claims can then be read and grouped."""
        for f in self._files:
            f.close()

    def remove(self) -> None:
        """Delete the files now rather than when the result is dropped."""
        self.close()
        self._cleanup()

    def _records(self, partition: int) -> Iterator[tuple[int, list[int], list[Claim]]]:
        items = _read_all(self._path("claims", partition))
        for chunk in items:  # each record: its chunk number, then (places, claims)
            places, claims = next(items)
            yield chunk, places, claims

    def _placed(self, partition: int) -> Iterator[tuple[tuple[int, int], Claim]]:
        for chunk, places, claims in self._records(partition):
            for place, claim in zip(places, claims):
                yield (chunk, place), claim

    def partition_claims(self, partition: int) -> list[Claim]:
        """One partition's claims, in input order."""
        return [claim for _, _, claims in self._records(partition) for claim in claims]

    def _move_joined_keys(self) -> None:
        """Copy the quotes of each speaker joined to one of another partition there, with their places.

        Only the partitions that can hold such claims are read.  A partition's
        own claims grouped elsewhere are left out when it is grouped
        (:meth:`_grouped_claims`).
        """
        joins = Joins.of(self.speakers, self.naming)
        self._joins = joins
        # quotes are stored by speaker: any partition may hold a joined speaker's
        sources = set(range(self.partitions)) if joins.speakers else set()
        moved: dict[int, list[tuple[tuple[int, int], Claim]]] = {}
        for p in sorted(sources):
            for place, claim in self._placed(p):
                q = partition_of(claim, self.partitions, joins)
                if q != p:
                    moved.setdefault(q, []).append((place, claim))
        for q, placed in moved.items():
            placed.sort(key=lambda pc: pc[0])  # in input order, whichever partitions they came from
            with open(self._path("moved", q), "wb") as f:
                pickle.dump(placed, f, pickle.HIGHEST_PROTOCOL)

    def _grouped_claims(self, partition: int) -> list[Claim]:
        """The claims grouped in a partition: its own, less those grouped elsewhere, and those moved in."""
        joins = self._joins
        own = self._placed(partition)
        if joins is not None and joins.speakers:
            own = ((place, claim) for place, claim in own if partition_of(claim, self.partitions, joins) == partition)
        path = self._path("moved", partition)
        if not os.path.exists(path):
            return [claim for _, claim in own]
        with open(path, "rb") as f:
            moved = _Reader(f).load()
        return [claim for _, claim in heapq.merge(own, moved, key=lambda pc: pc[0])]

    def claims(self) -> SpilledClaims:
        self.close()
        return SpilledClaims(self)

    def group(self, rules=None, jobs: int = 1) -> SpilledGroups:
        """Group every partition on its own and keep its sorted groups on disk.

        With ``jobs`` > 1 the partitions are grouped in a process pool, the
        largest first; each process reads and writes its own partitions' files.
        """
        self.close()
        self._move_joined_keys()
        counts: Counter[tuple[str, str]] = Counter()
        if jobs > 1 and self.partitions > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from .executors import rule_spec

            largest_first = sorted(range(self.partitions), key=lambda p: -os.path.getsize(self._path("claims", p)))
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            spec = rule_spec(rules) if rules is not None else None
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                for part in pool.map(_group_partition, [self] * self.partitions, largest_first,
                                     [spec] * self.partitions):
                    counts.update(part)
        else:
            for p in range(self.partitions):
                counts.update(self.group_partition(p, rules))
        return SpilledGroups(self, counts)

    def group_partition(self, partition: int, rules=None) -> Counter[tuple[str, str]]:
        """Group one partition's claims and write its groups, sorted; the groups per (type, verdict)."""
        counts: Counter[tuple[str, str]] = Counter()
        with open(self._path("groups", partition), "wb") as f:
            for group in group_claims(self._grouped_claims(partition), rules,
                                      joins=self._joins or Joins()):
                pickle.dump(group, f, pickle.HIGHEST_PROTOCOL)
                counts[(group.type, group.verdict)] += 1
        return counts

    def __getstate__(self) -> dict:
        """Sent to a grouping process: the folder and the partition count, not open files or the finalizer."""
        return {"partitions": self.partitions, "folder": self.folder, "count": self.count,
                "_joins": self._joins}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._files = []

    def _groups(self, partition: int) -> Iterator[Group]:
        return _read_all(self._path("groups", partition))


def _group_partition(store: Spill, partition: int, spec) -> Counter[tuple[str, str]]:
    """A pool process's share of the reduce: one partition, with the rules of ``spec`` (executors.rule_spec)."""
    from .executors import rules_from

    return store.group_partition(partition, rules_from(spec) if spec is not None else None)


class _Reader(pickle.Unpickler):
    """Reads back only what this module writes: claims and groups in plain containers.

    The files are this process's own, in a folder only its user can open;
    refusing every other class still keeps a tampered file from running code.
    """

    ALLOWED = {("factcheck.claims", "Claim"): Claim, ("factcheck.claims", "Group"): Group}

    def find_class(self, module: str, name: str):
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"spill files hold claims and groups only, not {module}.{name}") from None


def _read_all(path: str) -> Iterator:
    """Every object pickled one after another into a file, read back by :class:`_Reader`."""
    with open(path, "rb") as f:
        while True:
            try:
                yield _Reader(f).load()
            except EOFError:
                return


class SpilledClaims:
    """A scan's claims in input order, read back from disk each time they are iterated."""

    def __init__(self, spill: Spill) -> None:
        self._spill = spill

    def __len__(self) -> int:
        return self._spill.count

    def __iter__(self) -> Iterator[Claim]:
        streams = [self._spill._placed(p) for p in range(self._spill.partitions)]
        return (claim for _, claim in heapq.merge(*streams, key=lambda item: item[0]))


class SpilledGroups:
    """A scan's groups in report order, merged from the partitions each time they are iterated."""

    def __init__(self, spill: Spill, counts: Counter[tuple[str, str]]) -> None:
        self._spill = spill
        #: groups per (type, verdict), known without reading the groups back
        self.counts = counts

    def __len__(self) -> int:
        return sum(self.counts.values())

    def __iter__(self) -> Iterator[Group]:
        streams = [self._spill._groups(p) for p in range(self._spill.partitions)]
        return heapq.merge(*streams, key=group_sort_key)


class Selection:
    """The items of a spilled collection that ``keep`` accepts, read lazily each time (never all in memory)."""

    def __init__(self, items: Iterable, keep) -> None:
        self._items = items
        self._keep = keep

    def __iter__(self) -> Iterator:
        return (item for item in self._items if self._keep(item))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def select(items: Iterable, keep) -> list | Selection:
    """``[x for x in items if keep(x)]`` for a list; a lazy selection for claims or groups kept on disk."""
    if isinstance(items, list):
        return [item for item in items if keep(item)]
    return Selection(items, keep)
