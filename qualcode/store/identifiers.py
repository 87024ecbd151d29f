"""The identifier register (tables ``identifiers`` and ``identifier_occurrences``).

Writes go through the change log inside the caller's action, so scans and decisions are
undoable like any other change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qualcode.store.repository import Filters
from qualcode.store.store import Store, now


@dataclass(frozen=True)
class Identifier:
    kind: str
    text: str
    key: str
    source: str
    pseudonym: str
    decision: str | None = None  # replace, generalise, keep; None = not reviewed
    replacement: str = ""  # the generalisation ("a town in Moldova"), when generalised
    occurrences: int = 0
    documents: int = 0
    id: int | None = None


def identifiers(store: Store) -> list[Identifier]:
    rows = store.conn.execute("""
        SELECT identifiers.*, count(o.id) AS occurrences,
               count(DISTINCT o.document_id) AS documents
        FROM identifiers LEFT JOIN identifier_occurrences o ON o.identifier_id = identifiers.id
        GROUP BY identifiers.id ORDER BY identifiers.kind, identifiers.id""").fetchall()
    return [Identifier(r["kind"], r["text"], r["key"], r["source"], r["pseudonym"],
                       r["decision"], r["replacement"], r["occurrences"], r["documents"],
                       r["id"]) for r in rows]


def add_identifier(store: Store, item: Identifier) -> int:
    return store.log.insert("identifiers", {
        "kind": item.kind, "text": item.text, "key": item.key, "source": item.source,
        "decision": item.decision, "replacement": item.replacement,
        "pseudonym": item.pseudonym, "created_at": now()})


def decide(store: Store, identifier_id: int, decision: str | None, replacement: str = "") -> None:
    store.log.update("identifiers", identifier_id, {
        "decision": decision, "replacement": replacement, "decided_at": now()})


def occurrences(store: Store, identifier_id: int | None = None,
                document_id: int | None = None) -> list[tuple[int, int, int, int]]:
    """(identifier id, document id, start, end) in document order."""
    filters = Filters()
    filters.add("identifier_id = ?", identifier_id)
    filters.add("document_id = ?", document_id)
    sql = ('SELECT identifier_id, document_id, start, "end" FROM identifier_occurrences'
           + filters.clause() + " ORDER BY document_id, start")
    return [(r[0], r[1], r[2], r[3]) for r in store.conn.execute(sql, filters.args)]


def add_occurrences(store: Store, rows: Iterable[tuple[int, int, int, int]]) -> int:
    """Occurrences not yet recorded; returns how many were new."""
    known = {(r[0], r[1], r[2]) for r in occurrences(store)}
    added = 0
    for identifier_id, document_id, start, end in rows:
        if (identifier_id, document_id, start) in known:
            continue
        store.log.insert("identifier_occurrences", {
            "identifier_id": identifier_id, "document_id": document_id, "start": start,
            "end": end})
        known.add((identifier_id, document_id, start))
        added += 1
    return added
