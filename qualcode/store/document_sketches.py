"""Per-document sketches for finding the same interview imported twice (see ingest/duplicates).

Written with the document, inside its import action (imports are not undoable, so the row is
not copied into the change log)."""

from __future__ import annotations

import json

from qualcode.store.store import Store


def save_sketch(store: Store, doc_id: int, sketch: list[int]) -> None:
    store.log.insert_unlogged("document_sketches", [
        {"document_id": doc_id, "sketch": json.dumps(sketch)}], on_conflict="replace")


def sketches(store: Store) -> list[tuple[str, list[int]]]:
    """(document name, sketch) of every document that has one."""
    rows = store.conn.execute(
        "SELECT d.name, s.sketch FROM document_sketches s JOIN documents d "
        "ON d.id = s.document_id ORDER BY d.id")
    return [(r["name"], json.loads(r["sketch"])) for r in rows]


def unsketched(store: Store) -> list[tuple[int, str]]:
    """(id, text) of documents imported before sketches existed."""
    rows = store.conn.execute(
        "SELECT id, text FROM documents WHERE id NOT IN (SELECT document_id FROM "
        "document_sketches) ORDER BY id")
    return [(r["id"], r["text"]) for r in rows]
