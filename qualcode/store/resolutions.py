"""Resolutions of disagreements between two coders (table ``resolutions``)."""

from __future__ import annotations

from dataclasses import dataclass

from qualcode.store.store import Store, now


@dataclass(frozen=True)
class Resolution:
    document_id: int
    start: int
    end: int
    first_coder: str
    second_coder: str
    consensus_coder: str
    decision: str
    id: int | None = None


def add_resolution(store: Store, resolution: Resolution, *, coder: str) -> int:
    """Record a decision (inside the current action, through the change log: undoable)."""
    return store.log.insert("resolutions", {
        "document_id": resolution.document_id, "start": resolution.start,
        "end": resolution.end, "first_coder": resolution.first_coder,
        "second_coder": resolution.second_coder,
        "consensus_coder": resolution.consensus_coder, "decision": resolution.decision,
        "coder_id": store.coders.id_for(coder), "created_at": now()})


def resolutions(store: Store, first: str, second: str) -> list[Resolution]:
    """Decisions taken on disagreements between ``first`` and ``second`` (either order)."""
    rows = store.conn.execute(
        'SELECT * FROM resolutions WHERE (first_coder = ? AND second_coder = ?) '
        'OR (first_coder = ? AND second_coder = ?) ORDER BY id',
        (first, second, second, first)).fetchall()
    return [Resolution(r["document_id"], r["start"], r["end"], r["first_coder"],
                       r["second_coder"], r["consensus_coder"], r["decision"], r["id"])
            for r in rows]
