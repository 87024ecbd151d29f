"""Document texts by size: candidates when looking for the same interview imported twice."""

from __future__ import annotations

from qualcode.store.store import Store


def texts_with_words_between(store: Store, low: int, high: int) -> list[tuple[str, str]]:
    """(name, text) of documents whose word count lies in [low, high]."""
    rows = store.conn.execute(
        "SELECT name, text FROM documents WHERE words BETWEEN ? AND ? ORDER BY id", (low, high))
    return [(r["name"], r["text"]) for r in rows]
