"""Codings: a code applied by a coder to a span of a document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qualcode.core.errors import NotFound
from qualcode.core.model import Coding, MemoTarget
from qualcode.store import convert
from qualcode.store.changes import now
from qualcode.store.memos import Memos
from qualcode.store.repository import Filters, Repository

CODING_SELECT = """
SELECT codings.*, coders.name AS coder,
       (SELECT text FROM memos WHERE memos.target = 'coding' AND memos.target_id = codings.id
        ORDER BY memos.id LIMIT 1) AS memo
FROM codings JOIN coders ON coders.id = codings.coder_id
"""


class Codings(Repository):
    def add(self, coding: Coding) -> int:
        return self.log.insert("codings", {
            "document_id": coding.document_id, "code_id": coding.code_id,
            "start": coding.start, "end": coding.end, "text": coding.text,
            "coder_id": self._coder_id(coding.coder), "important": int(coding.important),
            "origin": coding.origin, "created_at": coding.created_at or now(),
        })

    def find(self, document_id: int, code_id: int, start: int, end: int,
             coder: str | None = None) -> Coding | None:
        """The coding of exactly this span with this code (by ``coder``; by anyone when
        None): two coders may code the same span."""
        sql = CODING_SELECT + ' WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ?'
        args: list[Any] = [document_id, code_id, start, end]
        if coder is not None:
            sql, args = sql + " AND coders.name = ?", [*args, coder]
        row = self.conn.execute(sql + " ORDER BY codings.id LIMIT 1", args).fetchone()
        return None if row is None else convert.coding(row)

    def get(self, coding_id: int) -> Coding:
        row = self.conn.execute(CODING_SELECT + " WHERE codings.id = ?",
                                (coding_id,)).fetchone()
        if row is None:
            raise NotFound(f"no coding with id {coding_id}")
        return convert.coding(row)

    def all(self, *, document_id: int | None = None, code_ids: Iterable[int] | None = None,
            case_ids: Iterable[int] | None = None,
            important: bool | None = None) -> list[Coding]:
        """Codings (of a document, of some codes, of some cases' documents, important or
        not) in document order."""
        filters = Filters()
        filters.add("codings.document_id = ?", document_id)
        filters.add_in("codings.code_id IN ({marks})", code_ids)
        filters.add_in("codings.document_id IN (SELECT id FROM documents WHERE case_id IN "
                       "({marks}))", case_ids)
        filters.add("codings.important = ?", None if important is None else int(important))
        sql = (CODING_SELECT + filters.clause()
               + " ORDER BY codings.document_id, codings.start, codings.id")
        return [convert.coding(r) for r in self.conn.execute(sql, filters.args)]

    def count_by_code(self) -> dict[int, int]:
        """How many codings each code has (codes without any are absent)."""
        return {r["code_id"]: r["n"] for r in self.conn.execute(
            "SELECT code_id, count(*) AS n FROM codings GROUP BY code_id")}

    def update(self, coding_id: int, **changes: Any) -> None:
        self.log.update("codings", coding_id, changes)

    def delete(self, coding_id: int) -> None:
        """Delete a coding with its memo and its key-quote pick (undo brings them back)."""
        for memo_id in Memos(self.conn, self.log).ids(MemoTarget.CODING, coding_id):
            self.log.delete("memos", memo_id)
        for row in self.conn.execute("SELECT id FROM quote_picks WHERE coding_id = ?",
                                     (coding_id,)).fetchall():
            self.log.delete("quote_picks", row["id"])
        self.log.delete("codings", coding_id)
