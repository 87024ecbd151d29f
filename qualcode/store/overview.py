"""Reads across the whole project: full-text search over turns, counts, and a snapshot of
every user-data table (for tests and checks that nothing changed)."""

from __future__ import annotations

import sqlite3
from typing import Any

from qualcode.core.views import ProjectStats, SearchHit
from qualcode.store.repository import Repository

SEARCH_SQL = """
    SELECT turns.id, turns.document_id, turns.idx, turns.text_start, turns.text_end,
           documents.name AS document_name, speakers.name AS speaker,
           snippet(turns_fts, 0, '[', ']', '…', 16) AS snippet
    FROM turns_fts JOIN turns ON turns.id = turns_fts.rowid
    JOIN documents ON documents.id = turns.document_id
    LEFT JOIN speakers ON speakers.id = turns.speaker_id
    WHERE turns_fts MATCH ? ORDER BY rank LIMIT ?"""


class Overview(Repository):
    def search(self, query: str, limit: int = 100) -> list[SearchHit]:
        """Turns matching ``query`` (FTS5 syntax; anything else: the words as typed)."""
        try:
            rows = self.conn.execute(SEARCH_SQL, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS syntax: search for the words as typed.
            words = " ".join(query.replace('"', " ").split())
            if not words:
                return []
            rows = self.conn.execute(SEARCH_SQL, (self.log.db.quote_fts(words),
                                                  limit)).fetchall()
        return [SearchHit(
            document_id=r["document_id"], document_name=r["document_name"], turn_id=r["id"],
            turn_index=r["idx"], speaker=r["speaker"], start=r["text_start"], end=r["text_end"],
            snippet=r["snippet"]) for r in rows]

    def stats(self) -> ProjectStats:
        words = int(self.conn.execute(
            "SELECT coalesce(sum(words), 0) FROM documents").fetchone()[0])
        return ProjectStats(
            documents=self._count("documents"), cases=self._count("cases"), words=words,
            turns=self._count("turns"), speakers=self._count("speakers"),
            codes=self._count("codes"), codings=self._count("codings"),
            memos=self._count("memos"), coders=self._count("coders"),
        )

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every user-data table's rows (all but the event log, caches and SQLite's own)."""
        skip = {"actions", "events", "parse_cache", "parse_terms", "document_terms",
                "sqlite_sequence"}
        tables = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%' AND name NOT LIKE 'turns_fts%' ORDER BY name")
            if r[0] not in skip]
        return {t: [tuple(r) for r in self.conn.execute(f'SELECT * FROM "{t}" ORDER BY 1')]
                for t in tables}

    def _count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
