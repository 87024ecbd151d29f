"""Code frequencies and co-occurrence over the whole project (reading only)."""

from __future__ import annotations

from qualcode.analysis.cooccurrence import Pair, overlap_counts, same_turn_counts
from qualcode.analysis.frequencies import (
    AttributeSplit,
    Frequency,
    code_frequencies,
    frequencies_by_attribute,
)
from qualcode.core.attributes import attribute_named
from qualcode.store import Store


def _case_of(store: Store) -> dict[int, int | None]:
    return {d.id or 0: d.case_id for d in store.documents.summaries()}


def frequencies(store: Store, *, rollup: bool = False) -> dict[int, Frequency]:
    """Segments, documents and cases per code, in codebook order."""
    return code_frequencies(store.codings.all(), _case_of(store), store.codes.all(), rollup=rollup)


def attribute_name(store: Store, requested: str) -> str:
    """The case attribute called ``requested`` (ignoring case), as the project spells it."""
    return attribute_named(requested, store.attributes.types())


def frequencies_by(store: Store, attribute: str, *, rollup: bool = False) -> AttributeSplit:
    """Frequencies within each group of cases sharing a value of ``attribute``."""
    name = attribute_name(store, attribute)
    return frequencies_by_attribute(store.codings.all(), _case_of(store), store.cases.all(), name,
                                    store.codes.all(), rollup=rollup)


def cooccurrence(store: Store, *, same_turn: bool = False) -> dict[Pair, int]:
    """Pairs of codes applied to overlapping text or, with ``same_turn``, within one turn."""
    codings = store.codings.all()
    if not same_turn:
        return overlap_counts(codings)
    turns = [t for doc_id in sorted({c.document_id for c in codings})
             for t in store.turns.all(doc_id)]
    return same_turn_counts(codings, turns)
