"""Where two coders disagree: clusters of overlapping codings that are not the same.

Per document, the two coders' codings are grouped into clusters of overlapping spans (a
connected run of overlaps). A cluster where both coders applied exactly the same codes to
exactly the same spans is agreement; any other cluster is one disagreement of one of four
kinds, which is what a consensus meeting walks through.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.analysis.agreement import CodedSpan

ONLY_FIRST = "only first"
ONLY_SECOND = "only second"
DIFFERENT_CODES = "different codes"
DIFFERENT_EXTENTS = "different extents"


@dataclass(frozen=True)
class Disagreement:
    document_id: int
    start: int  # the cluster's extent: from the first start to the last end
    end: int
    kind: str
    first: tuple[CodedSpan, ...]  # the first coder's codings in the cluster
    second: tuple[CodedSpan, ...]

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.document_id, self.start, self.end)


def disagreements(spans: Sequence[CodedSpan], first: str, second: str) -> list[Disagreement]:
    """Every disagreement between ``first`` and ``second``, in document and text order."""
    by_doc: dict[int, list[CodedSpan]] = defaultdict(list)
    for span in spans:
        if span.coder in (first, second):
            by_doc[span.document_id].append(span)
    found: list[Disagreement] = []
    for doc_id in sorted(by_doc):
        for cluster in _clusters(by_doc[doc_id]):
            mine = tuple(s for s in cluster if s.coder == first)
            theirs = tuple(s for s in cluster if s.coder == second)
            kind = _kind(mine, theirs)
            if kind is not None:
                found.append(Disagreement(doc_id, min(s.start for s in cluster),
                                          max(s.end for s in cluster), kind, mine, theirs))
    return found


def _clusters(spans: list[CodedSpan]) -> list[list[CodedSpan]]:
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.code_id, s.coder))
    clusters: list[list[CodedSpan]] = []
    reach = -1
    for span in ordered:
        if clusters and span.start < reach:
            clusters[-1].append(span)
            reach = max(reach, span.end)
        else:
            clusters.append([span])
            reach = span.end
    return clusters


def _kind(mine: tuple[CodedSpan, ...], theirs: tuple[CodedSpan, ...]) -> str | None:
    if not theirs:
        return ONLY_FIRST
    if not mine:
        return ONLY_SECOND
    if {(s.code_id, s.start, s.end) for s in mine} == {(s.code_id, s.start, s.end)
                                                       for s in theirs}:
        return None
    if {s.code_id for s in mine} != {s.code_id for s in theirs}:
        return DIFFERENT_CODES
    return DIFFERENT_EXTENTS
