"""The codebook: codes in a tree (parent, then position among siblings)."""

from __future__ import annotations

from typing import Any

from qualcode.core.errors import NotFound
from qualcode.core.model import Code
from qualcode.store import convert
from qualcode.store.repository import Repository


class Codes(Repository):
    def all(self) -> list[Code]:
        """Every code, parents before children, siblings in their order."""
        rows = self.conn.execute("SELECT * FROM codes ORDER BY position, id").fetchall()
        by_parent: dict[int | None, list[Code]] = {}
        for r in rows:
            c = convert.code(r)
            by_parent.setdefault(c.parent_id, []).append(c)
        ordered: list[Code] = []

        def walk(parent: int | None) -> None:
            for c in by_parent.get(parent, []):
                ordered.append(c)
                walk(c.id)

        walk(None)
        return ordered

    def get(self, code_id: int) -> Code:
        row = self.conn.execute("SELECT * FROM codes WHERE id = ?", (code_id,)).fetchone()
        if row is None:
            raise NotFound(f"no code with id {code_id}")
        return convert.code(row)

    def add(self, code: Code) -> int:
        return self.log.insert("codes", convert.code_row(code))

    def update(self, code_id: int, **changes: Any) -> None:
        self.log.update("codes", code_id, changes)

    def delete(self, code_id: int) -> None:
        """Delete a code; its children, codings and memos must be gone first. Its finding
        goes with it (undo brings both back)."""
        for row in self.conn.execute("SELECT id FROM findings WHERE code_id = ?",
                                     (code_id,)).fetchall():
            self.log.delete("findings", row["id"])
        self.log.delete("codes", code_id)
