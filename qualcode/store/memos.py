"""Memos: free notes, and the one memo each document, code or coding may carry."""

from __future__ import annotations

from qualcode.core.model import Memo, MemoTarget
from qualcode.store import convert
from qualcode.store.changes import now
from qualcode.store.repository import Filters, Repository


class Memos(Repository):
    def all(self, target: MemoTarget | None = None, target_id: int | None = None) -> list[Memo]:
        """Memos (of one kind of target, of one target), oldest first."""
        filters = Filters()
        filters.add("memos.target = ?", None if target is None else target.value)
        filters.add("memos.target_id = ?", target_id)
        sql = ("SELECT memos.*, coders.name AS coder FROM memos "
               "LEFT JOIN coders ON coders.id = memos.coder_id" + filters.clause())
        return [convert.memo(r) for r in self.conn.execute(sql + " ORDER BY memos.id",
                                                            filters.args)]

    def ids(self, target: MemoTarget, target_id: int | None) -> list[int]:
        """The ids of a target's memos, oldest first."""
        return [r["id"] for r in self.conn.execute(
            "SELECT id FROM memos WHERE target = ? AND target_id IS ? ORDER BY id",
            (target.value, target_id))]

    def set(self, target: MemoTarget, target_id: int | None, text: str, coder: str,
            title: str = "") -> int | None:
        """The memo of a document, code or coding (one each); empty text removes it."""
        ids = self.ids(target, target_id)
        if not text:
            for memo_id in ids:
                self.log.delete("memos", memo_id)
            return None
        if ids:
            self.log.update("memos", ids[0], {"text": text, "title": title,
                                              "coder_id": self._coder_id(coder),
                                              "updated_at": now()})
            return ids[0]
        return self.add(target, target_id, text, coder, title)

    def add(self, target: MemoTarget, target_id: int | None, text: str, coder: str,
            title: str = "") -> int:
        stamp = now()
        return self.log.insert("memos", {
            "target": target.value, "target_id": target_id, "title": title, "text": text,
            "coder_id": self._coder_id(coder), "created_at": stamp, "updated_at": stamp})

    def delete(self, memo_id: int) -> None:
        self.log.delete("memos", memo_id)
