"""The suggesters' terms cache (table ``parse_terms``, migration 0013): per text and pipeline,
the packed terms of its parse, so a corpus is read without going over every token again.

A cache beside the parse cache: rows are written without an entry in the event log (nothing a
user did, nothing to undo) and may be dropped at any time; they are made again from
``parse_cache``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping

from qualcode.store.repository import batches, marks
from qualcode.store.store import Store


def iter_cached_terms(store: Store, keys: Iterable[str], model: str, version: str,
                      form: str) -> Iterator[tuple[str, bytes]]:
    """(text key, packed terms) of each of ``keys`` found, a few hundred rows at a time."""
    for batch in batches(keys):
        yield from store.conn.execute(
            "SELECT text_sha256, data FROM parse_terms WHERE model = ? AND model_version = ? "
            f"AND form = ? AND text_sha256 IN ({marks(batch)})",
            (model, version, form, *batch)).fetchall()


def cache_terms(store: Store, terms: Mapping[str, bytes], model: str, version: str,
                form: str) -> None:
    """Remember packed terms (text key -> bytes), in a transaction of their own; a row there
    already (one that could not be read) is replaced."""
    if not terms or store.read_only:
        return
    rows = [(key, model, version, form, data) for key, data in terms.items()]
    insert = ("INSERT OR REPLACE INTO parse_terms (text_sha256, model, model_version, form, "
              "data) VALUES (?, ?, ?, ?, ?)")
    if store.conn.in_transaction:  # inside a caller's action: part of it
        store.conn.executemany(insert, rows)
        return
    try:
        with store.conn:  # sqlite3's own transaction: a cache, not an action in the event log
            store.conn.execute("BEGIN IMMEDIATE")
            store.conn.executemany(insert, rows)
    except sqlite3.OperationalError:  # locked or read-only: made again next time
        pass
