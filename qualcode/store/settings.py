"""Project settings (a key -> JSON value table) and the coders who worked on the project."""

from __future__ import annotations

import json
from typing import Any

from qualcode.store.repository import Repository


class Settings(Repository):
    """Settings are project configuration, not user data: the event log does not copy them."""

    def get(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row["value"])

    def set(self, key: str, value: Any) -> None:
        """Within the current action."""
        self.log.upsert_unlogged(
            "settings", {"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key")


class Coders(Repository):
    def id_for(self, name: str) -> int:
        """The id of coder ``name``, adding the coder within the current action if new."""
        return self._coder_id(name)

    def names(self) -> list[str]:
        return [r["name"] for r in self.conn.execute("SELECT name FROM coders ORDER BY id")]
