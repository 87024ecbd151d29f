"""Resolving disagreements between two coders into a consensus coder's codings.

Each decision is one undoable action: the consensus codings it makes (ordinary codings by the
consensus coder, origin ``consensus:<decision>``) and a record of the decision, so a cluster
settled with "neither" is not offered again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.analysis.agreement import CodedSpan
from qualcode.analysis.disagreements import Disagreement, disagreements
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Coding
from qualcode.store import Store
from qualcode.store.resolutions import Resolution, add_resolution, resolutions

CONSENSUS = "consensus"
DECISIONS = ("first", "second", "both", "neither", "edit")


@dataclass(frozen=True)
class Progress:
    total: int  # disagreements found between the two coders
    resolved: int

    @property
    def open(self) -> int:
        return self.total - self.resolved


def coder_pair(store: Store, requested: Sequence[str] = (),
               consensus: str = CONSENSUS) -> tuple[str, str]:
    """The two coders to compare: as asked, else the first two (not consensus) who coded."""
    active = {c.coder for c in store.codings.all()}
    coded = [c for c in store.coders.names() if c != consensus and c in active]
    chosen = list(requested) or coded[:2]
    for name in chosen:
        if name not in store.coders.names():
            raise QualcodeError(f"no coder {name!r} in the project "
                                f"(coders: {', '.join(store.coders.names()) or 'none'})")
    if len(chosen) != 2 or chosen[0] == chosen[1]:
        raise QualcodeError("disagreements are between two coders; the project has "
                            f"{len(coded)} with codings ({', '.join(coded) or 'none'})")
    return chosen[0], chosen[1]


def _spans(store: Store, coders: Sequence[str]) -> list[CodedSpan]:
    return [CodedSpan(c.document_id, c.code_id, c.coder, c.start, c.end)
            for c in store.codings.all() if c.coder in coders]


def all_disagreements(store: Store, first: str, second: str) -> list[Disagreement]:
    """Every disagreement, resolved or not, in document and text order."""
    return disagreements(_spans(store, (first, second)), first, second)


def open_disagreements(store: Store, first: str, second: str) -> list[Disagreement]:
    """The disagreements nobody has resolved yet, in document and text order."""
    done = {(r.document_id, r.start, r.end) for r in resolutions(store, first, second)}
    return [d for d in all_disagreements(store, first, second) if d.key not in done]


def progress(store: Store, first: str, second: str) -> Progress:
    found = all_disagreements(store, first, second)
    done = {(r.document_id, r.start, r.end) for r in resolutions(store, first, second)}
    return Progress(len(found), sum(1 for d in found if d.key in done))


def resolve(store: Store, item: Disagreement, decision: str, *, first: str, second: str,
            coder: str, consensus: str = CONSENSUS,
            edited: Sequence[tuple[int, int, int]] = ()) -> int:
    """Settle one disagreement; returns how many consensus codings it made.

    ``edited`` holds (code id, start, end) triples for the decision "edit".
    """
    if decision not in DECISIONS:
        raise QualcodeError(f"unknown decision {decision!r} (choose from "
                            f"{', '.join(DECISIONS)})")
    if consensus in (first, second):
        raise QualcodeError(f"the consensus coder must not be {consensus!r}, one of the two "
                            "coders compared")
    chosen = _chosen(item, decision, edited)
    doc = store.documents.get(item.document_id)
    present = {(c.code_id, c.start, c.end) for c in store.codings.all(document_id=doc.id)
               if c.coder == consensus}
    made = 0
    with store.action("resolve", detail=f"{item.kind} in {doc.name} "
                                        f"{item.start}-{item.end}: {decision}", coder=coder):
        for code_id, start, end in sorted(chosen - present):
            if not 0 <= start < end <= len(doc.text):
                raise QualcodeError(f"span {start}:{end} is not inside {doc.name}")
            store.codings.add(Coding(document_id=doc.id or 0, code_id=code_id, start=start,
                                     end=end, text=doc.text[start:end], coder=consensus,
                                     origin=f"consensus:{decision}"))
            made += 1
        add_resolution(store, Resolution(item.document_id, item.start, item.end, first,
                                         second, consensus, decision), coder=coder)
    return made


def _chosen(item: Disagreement, decision: str,
            edited: Sequence[tuple[int, int, int]]) -> set[tuple[int, int, int]]:
    first = {(s.code_id, s.start, s.end) for s in item.first}
    second = {(s.code_id, s.start, s.end) for s in item.second}
    if decision == "edit" and not edited:
        raise QualcodeError("an edited resolution needs at least one code and span")
    return {"first": first, "second": second, "both": first | second, "neither": set(),
            "edit": set(edited)}[decision]
