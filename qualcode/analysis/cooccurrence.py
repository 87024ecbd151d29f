"""Code co-occurrence: codes applied to overlapping text, or within the same speaker turn.

Pure functions over domain objects; pairs are keyed ``(a, b)`` with ``a < b``.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from qualcode.core.model import Coding, Turn

Pair = tuple[int, int]


@dataclass(frozen=True)
class CodePair:
    a: int
    b: int
    count: int


def _by_document(codings: Iterable[Coding]) -> dict[int, list[Coding]]:
    grouped: dict[int, list[Coding]] = defaultdict(list)
    for coding in codings:
        grouped[coding.document_id].append(coding)
    return grouped


def overlap_counts(codings: Iterable[Coding]) -> dict[Pair, int]:
    """How many pairs of codings of two different codes share some text."""
    counts: dict[Pair, int] = defaultdict(int)
    for doc_codings in _by_document(codings).values():
        doc_codings.sort(key=lambda c: (c.start, c.end))
        open_: list[Coding] = []  # codings that may still overlap the next one
        for coding in doc_codings:
            open_ = [o for o in open_ if o.end > coding.start]
            for other in open_:
                if other.code_id != coding.code_id:
                    counts[_key(other.code_id, coding.code_id)] += 1
            open_.append(coding)
    return dict(counts)


def same_turn_counts(codings: Iterable[Coding], turns: Iterable[Turn]) -> dict[Pair, int]:
    """In how many speaker turns both codes were applied (to any part of the turn)."""
    turns_of: dict[int, list[Turn]] = defaultdict(list)
    for turn in turns:
        turns_of[turn.document_id or 0].append(turn)
    counts: dict[Pair, int] = defaultdict(int)
    for doc_id, doc_codings in _by_document(codings).items():
        doc_turns = sorted(turns_of.get(doc_id, []), key=lambda t: t.start)
        starts = [t.start for t in doc_turns]
        codes_in_turn: dict[int, set[int]] = defaultdict(set)
        for coding in doc_codings:
            first = max(bisect.bisect_right(starts, coding.start) - 1, 0)
            for index in range(first, len(doc_turns)):
                turn = doc_turns[index]
                if turn.start >= coding.end:
                    break
                if turn.end > coding.start:
                    codes_in_turn[index].add(coding.code_id)
        for codes in codes_in_turn.values():
            for a, b in combinations(sorted(codes), 2):
                counts[(a, b)] += 1
    return dict(counts)


def ranked_pairs(counts: dict[Pair, int], *, minimum: int = 1,
                 limit: int | None = None) -> list[CodePair]:
    """Pairs by count, most frequent first (ties by code ids, so the order is stable)."""
    pairs = sorted((CodePair(a, b, n) for (a, b), n in counts.items() if n >= minimum),
                   key=lambda p: (-p.count, p.a, p.b))
    return pairs if limit is None else pairs[:limit]


def matrix(counts: dict[Pair, int], code_ids: Sequence[int]) -> list[list[int]]:
    """A square, symmetric table of the counts in ``code_ids`` order (zero diagonal)."""
    return [[0 if a == b else counts.get(_key(a, b), 0) for b in code_ids] for a in code_ids]


def _key(a: int, b: int) -> Pair:
    return (a, b) if a < b else (b, a)
