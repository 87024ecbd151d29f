"""Turning codings into reliability data: what a unit is, and what each coder said of it.

Units are chosen by the user, as the tools people compare us with do:

- ``character``: every character of the document (NVivo, QualCoder), counted as runs on which
  every coder's codes are constant;
- ``sentence``, ``turn``: the sentences or the said part of each speaker turn; a coder applied
  a code to a unit when any of their codings with it overlaps the unit;
- ``document``: the whole document (MAXQDA's "code existence in the document");
- ``segment``: each coded segment, matched with the other coder's segments of the same code
  whose overlap (intersection over union) reaches a threshold (MAXQDA's segment comparison).

Values are 1/0 per code ("applied" / "not applied"), or, for a group of mutually exclusive
codes (a rating scale, say), the code applied. A coder gives no value (missing) for documents
outside their scope: by default every compared document is in every coder's scope, so "not
coded" means "not applied"; with ``scope="coded"`` only documents the coder coded at all.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from qualcode.analysis.reliability import (
    Unit,
    brennan_prediger_kappa,
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from qualcode.core.spans import Span, sentences

UNITS = ("character", "sentence", "turn", "document", "segment")
SCOPES = ("all", "coded")


@dataclass(frozen=True)
class DocumentUnits:
    """The unit boundaries of one document."""

    document_id: int
    length: int
    said: tuple[Span, ...]  # each turn's said span, in order
    sentence_spans: tuple[Span, ...]

    @classmethod
    def of(cls, document_id: int, text: str, said: Iterable[Span]) -> DocumentUnits:
        spans = tuple(s for s in said if s[1] > s[0])
        found = tuple(sentence for s, e in spans for sentence in sentences(text, s, e))
        return cls(document_id, len(text), spans, found)

    def fixed_units(self, unit: str) -> tuple[Span, ...]:
        if unit == "sentence":
            return self.sentence_spans
        if unit == "turn":
            return self.said
        return ((0, self.length),)


@dataclass(frozen=True)
class CodedSpan:
    document_id: int
    code_id: int
    coder: str
    start: int
    end: int


@dataclass(frozen=True)
class Agreement:
    """The figures for one code (``code_id``) or all of them pooled (``code_id=None``)."""

    code_id: int | None
    units: int  # units (characters, sentences ...) with values from at least two coders
    percent: float | None
    kappa: float | None  # Cohen's (two coders) or Brennan-Prediger's (segments)
    alpha: float | None  # Krippendorff's
    counts: dict[str, int] = field(default_factory=dict)


# -- which codes each coder applied to each unit ----------------------------------------------

def _unit_codes(doc: DocumentUnits, unit: str, spans: Sequence[CodedSpan],
                coders: Sequence[str]) -> list[tuple[int, list[frozenset[int]]]]:
    """(weight, codes applied by each coder) per unit of one document."""
    if unit == "character":
        cuts = sorted({0, doc.length, *(p for s in spans for p in (s.start, s.end))})
        units = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    else:
        units = list(doc.fixed_units(unit))
    starts = [u[0] for u in units]
    ends = [u[1] for u in units]
    applied: list[list[set[int]]] = [[set() for _ in coders] for _ in units]
    column = {coder: i for i, coder in enumerate(coders)}
    for span in spans:
        if span.coder not in column:
            continue
        first, last = bisect_right(ends, span.start), bisect_left(starts, span.end)
        for index in range(first, last):
            applied[index][column[span.coder]].add(span.code_id)
    weights = [(b - a) if unit == "character" else 1 for a, b in units]
    return [(w, [frozenset(s) for s in sets]) for w, sets in zip(weights, applied, strict=True)]


def _scopes(spans: Sequence[CodedSpan], coders: Sequence[str], documents: Iterable[int],
            scope: str) -> dict[str, set[int]]:
    documents = set(documents)
    if scope == "all":
        return {coder: documents for coder in coders}
    coded: dict[str, set[int]] = defaultdict(set)
    for span in spans:
        coded[span.coder].add(span.document_id)
    return {coder: coded[coder] & documents for coder in coders}


def reliability_data(docs: Sequence[DocumentUnits], spans: Sequence[CodedSpan],
                     coders: Sequence[str], unit: str, value_of: Mapping[int, Hashable] | None,
                     code_ids: Sequence[int], *, scope: str = "all") -> (
        tuple[dict[int, list[Unit]], list[Unit], int]):
    """Per-code binary data for ``code_ids``, and (with ``value_of``) one nominal variable.

    ``value_of`` maps the codes of a group to their values; a unit where a coder applied two
    of them is ambiguous: left out for that coder, and counted.
    """
    if unit not in UNITS or unit == "segment":
        raise ValueError(f"unit must be one of {', '.join(u for u in UNITS if u != 'segment')}")
    in_scope = _scopes(spans, coders, (d.document_id for d in docs), scope)
    by_doc: dict[int, list[CodedSpan]] = defaultdict(list)
    for span in spans:
        by_doc[span.document_id].append(span)
    patterns: dict[int, Counter[tuple[int | None, ...]]] = {c: Counter() for c in code_ids}
    grouped: Counter[tuple[Hashable | None, ...]] = Counter()
    ambiguous = 0
    for doc in docs:
        present = [doc.document_id in in_scope[c] for c in coders]
        for weight, sets in _unit_codes(doc, unit, by_doc[doc.document_id], coders):
            for code_id in code_ids:
                key = tuple((1 if code_id in s else 0) if ok else None
                            for s, ok in zip(sets, present, strict=True))
                patterns[code_id][key] += weight
            if value_of is None:
                continue
            values: list[Hashable | None] = []
            for s, ok in zip(sets, present, strict=True):
                found = {value_of[c] for c in s if c in value_of} if ok else set()
                ambiguous += weight if len(found) > 1 else 0
                values.append(found.pop() if len(found) == 1 else None)
            grouped[tuple(values)] += weight
    per_code = {c: [Unit(k, w) for k, w in patterns[c].items()] for c in code_ids}
    return per_code, [Unit(k, w) for k, w in grouped.items()], ambiguous


def figures(code_id: int | None, units: Sequence[Unit], coders: Sequence[str],
            level: str = "nominal") -> Agreement:
    """Percent agreement, kappa (two coders) and alpha of one variable, with its counts."""
    pairable = sum(u.weight for u in units if len(u.present()) >= 2)
    counts: dict[str, int] = {}
    if len(coders) == 2:
        if all({v for v in u.values if v is not None} <= {0, 1} for u in units):
            counts = dict.fromkeys(("both", "first only", "second only", "neither"), 0)
        for u in units:
            a, b = u.values
            if a is None or b is None:
                continue
            key = ("both" if a and b else "first only" if a else "second only" if b
                   else "neither") if {a, b} <= {0, 1} else ("same" if a == b else "different")
            counts[key] = counts.get(key, 0) + u.weight
    return Agreement(code_id, pairable, percent_agreement(units),
                     cohen_kappa(units) if len(coders) == 2 else None,
                     krippendorff_alpha(units, level), counts)


# -- segments compared by overlap (MAXQDA) -----------------------------------------------------

def overlap_ratio(a: CodedSpan, b: CodedSpan) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    union = max(a.end, b.end) - min(a.start, b.start)
    return max(inter, 0) / union if union else 0.0


def segment_agreement(spans: Sequence[CodedSpan], coders: Sequence[str], code_ids: Sequence[int],
                      threshold: float) -> tuple[dict[int, Agreement], Agreement]:
    """Each coder's segments found (or not) in the other's, per code and pooled."""
    if len(coders) != 2:
        raise ValueError("segment comparison takes exactly two coders")
    by_key: dict[tuple[str, int, int], list[CodedSpan]] = defaultdict(list)
    for span in spans:
        by_key[(span.coder, span.code_id, span.document_id)].append(span)
    results: dict[int, Agreement] = {}
    pooled = Counter[str]()
    for code_id in code_ids:
        tally = Counter[str]()
        for own, other in (coders, coders[::-1]):
            for (coder, code, doc), mine in by_key.items():
                if coder != own or code != code_id:
                    continue
                theirs = by_key.get((other, code_id, doc), [])
                for span in mine:
                    hit = any(overlap_ratio(span, t) >= threshold for t in theirs)
                    tally["agree" if hit else "disagree"] += 1
        pooled.update(tally)
        results[code_id] = _segment_figures(code_id, tally, len(code_ids))
    return results, _segment_figures(None, pooled, len(code_ids))


def _segment_figures(code_id: int | None, tally: Counter[str], categories: int) -> Agreement:
    total = tally["agree"] + tally["disagree"]
    percent = tally["agree"] / total if total else None
    return Agreement(code_id, total, percent, brennan_prediger_kappa(percent, categories), None,
                     {"agree": tally["agree"], "disagree": tally["disagree"]})
