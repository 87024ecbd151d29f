"""The suggesters' terms caches: per text and pipeline, the packed terms of its parse (table
``parse_terms``, migration 0013), so a corpus is read without going over every token again;
and per document, its turns' terms laid end to end (``document_terms``, 0014), so a corpus is
read in a row per document.

A cache beside the parse cache: rows are written without an entry in the event log (nothing a
user did, nothing to undo) and may be dropped at any time; they are made again from
``parse_cache`` (triggers drop them with the parses they came from).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping

from qualcode.store.repository import batches, marks
from qualcode.store.store import Store


def iter_cached_terms(store: Store, keys: Iterable[str], model: str, version: str,
                      form: str) -> Iterator[tuple[str, bytes]]:
    """(text key, packed terms) of each of ``keys`` found, a few hundred rows at a time."""
    return _rows(store, "parse_terms", "text_sha256", keys, model, version, form)


def iter_document_terms(store: Store, keys: Iterable[str], model: str, version: str,
                        form: str) -> Iterator[tuple[str, bytes]]:
    """(document key, packed document terms) of each of ``keys`` found (migration 0014)."""
    return _rows(store, "document_terms", "document_key", keys, model, version, form)


def cache_terms(store: Store, terms: Mapping[str, bytes], model: str, version: str,
                form: str) -> None:
    """Remember packed terms (text key -> bytes), in a transaction of their own; a row there
    already (one that could not be read) is replaced."""
    _remember(store, "parse_terms", "text_sha256", terms, model, version, form)


def cache_document_terms(store: Store, terms: Mapping[str, bytes], model: str, version: str,
                         form: str) -> None:
    """Remember packed document terms (document key -> bytes), as ``cache_terms``."""
    _remember(store, "document_terms", "document_key", terms, model, version, form)


def _rows(store: Store, table: str, key: str, keys: Iterable[str], model: str, version: str,
          form: str) -> Iterator[tuple[str, bytes]]:
    for batch in batches(keys):
        yield from store.conn.execute(
            f"SELECT {key}, data FROM {table} WHERE model = ? AND model_version = ? "
            f"AND form = ? AND {key} IN ({marks(batch)})",
            (model, version, form, *batch)).fetchall()


def _remember(store: Store, table: str, key: str, terms: Mapping[str, bytes], model: str,
              version: str, form: str) -> None:
    if not terms or store.read_only:
        return
    rows = [(k, model, version, form, data) for k, data in terms.items()]
    insert = (f"INSERT OR REPLACE INTO {table} ({key}, model, model_version, form, data) "
              "VALUES (?, ?, ?, ?, ?)")
    if store.conn.in_transaction:  # inside a caller's action: part of it
        store.conn.executemany(insert, rows)
        return
    try:
        with store.conn:  # sqlite3's own transaction: a cache, not an action in the event log
            store.conn.execute("BEGIN IMMEDIATE")
            store.conn.executemany(insert, rows)
    except sqlite3.OperationalError:  # locked or read-only: made again next time
        pass
