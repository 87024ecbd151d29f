"""Synthesis tables (findings, quote picks, framework matrices): the only SQL touching them.

Writes go through ``store.log`` inside the caller's ``store.action`` so undo and redo cover
them like every other change. Reads skip rows whose code, coding or case no longer exists
(see migration 0003: those ids are not foreign keys, so undoing a deletion restores them).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from qualcode.core.synthesis import Finding, Matrix, MatrixCell, QuotePick
from qualcode.store.changes import now
from qualcode.store.repository import Repository, marks

_FINDING_SELECT = """
SELECT findings.*, coders.name AS coder FROM findings
LEFT JOIN coders ON coders.id = findings.coder_id
WHERE findings.code_id IN (SELECT id FROM codes)
"""

_PICK_SELECT = """
SELECT quote_picks.*, coders.name AS coder FROM quote_picks
LEFT JOIN coders ON coders.id = quote_picks.coder_id
WHERE quote_picks.coding_id IN (SELECT id FROM codings)
"""

_CELL_SELECT = """
SELECT matrix_cells.*, coders.name AS coder FROM matrix_cells
LEFT JOIN coders ON coders.id = matrix_cells.coder_id
WHERE matrix_cells.matrix_id = ? AND matrix_cells.case_id IN (SELECT id FROM cases)
  AND matrix_cells.code_id IN (SELECT id FROM codes)
  AND matrix_cells.code_id IN (SELECT code_id FROM matrix_columns
                               WHERE matrix_columns.matrix_id = matrix_cells.matrix_id)
"""


class Synthesis(Repository):
    """Findings, key-quote picks and framework matrices."""

    # -- findings -------------------------------------------------------------------------
    def findings(self) -> dict[int, Finding]:
        return {r["code_id"]: _finding(r) for r in self.conn.execute(_FINDING_SELECT)}

    def finding(self, code_id: int) -> Finding | None:
        row = self.conn.execute(_FINDING_SELECT + " AND findings.code_id = ?",
                                (code_id,)).fetchone()
        return None if row is None else _finding(row)

    def set_finding(self, code_id: int, text: str, coder: str) -> None:
        """The finding of a code; empty text removes it (inside the caller's action)."""
        row = self.conn.execute("SELECT id, text FROM findings WHERE code_id = ?",
                                (code_id,)).fetchone()
        if not text:
            if row is not None:
                self.log.delete("findings", row["id"])
            return
        values = {"text": text, "coder_id": self._coder_id(coder), "updated_at": now()}
        if row is None:
            self.log.insert("findings", {"code_id": code_id, **values})
        elif row["text"] != text:
            self.log.update("findings", row["id"], values)


    # -- key-quote picks ------------------------------------------------------------------
    def picks(self) -> dict[int, QuotePick]:
        return {r["coding_id"]: _pick(r) for r in self.conn.execute(_PICK_SELECT)}

    def add_pick(self, coding_id: int, coder: str) -> bool:
        """Pick a coding as a key quote; False if it was picked already."""
        if self.conn.execute("SELECT 1 FROM quote_picks WHERE coding_id = ?",
                             (coding_id,)).fetchone():
            return False
        self.log.insert("quote_picks", {"coding_id": coding_id, "coder_id": self._coder_id(coder),
                                        "created_at": now()})
        return True

    def remove_pick(self, coding_id: int) -> bool:
        row = self.conn.execute("SELECT id FROM quote_picks WHERE coding_id = ?",
                                (coding_id,)).fetchone()
        if row is None:
            return False
        self.log.delete("quote_picks", row["id"])
        return True


    # -- framework matrices ---------------------------------------------------------------
    def matrix(self, name: str) -> Matrix | None:
        row = self.conn.execute("SELECT * FROM matrices WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        code_ids = tuple(r["code_id"] for r in self.conn.execute(
            "SELECT code_id FROM matrix_columns WHERE matrix_id = ? "
            "AND code_id IN (SELECT id FROM codes) ORDER BY position, id", (row["id"],)))
        return Matrix(name=row["name"], code_ids=code_ids, scale=tuple(json.loads(row["scale"])),
                      id=row["id"])

    def save_matrix(self, name: str, code_ids: Sequence[int], scale: Sequence[str]) -> int:
        """Create or redefine a matrix: its columns in order and its scale. Cells are kept."""
        row = self.conn.execute("SELECT id FROM matrices WHERE name = ?", (name,)).fetchone()
        scale_json = json.dumps(list(scale), ensure_ascii=False)
        if row is None:
            matrix_id = self.log.insert("matrices", {"name": name, "scale": scale_json})
        else:
            matrix_id = int(row["id"])
            self.log.update("matrices", matrix_id, {"scale": scale_json})
        columns = {r["code_id"]: r["id"] for r in self.conn.execute(
            "SELECT id, code_id FROM matrix_columns WHERE matrix_id = ?", (matrix_id,))}
        for code_id, column_id in columns.items():
            if code_id not in code_ids:
                self.log.delete("matrix_columns", column_id)
        for position, code_id in enumerate(code_ids):
            if code_id in columns:
                self.log.update("matrix_columns", columns[code_id], {"position": position})
            else:
                self.log.insert("matrix_columns", {"matrix_id": matrix_id, "code_id": code_id,
                                                   "position": position})
        return matrix_id

    def ratings_in_use(self, matrix_id: int, code_ids: Sequence[int]) -> set[str]:
        """Ratings in the matrix's cells of these columns (shown or not)."""
        return {r["rating"] for r in self.conn.execute(
            "SELECT DISTINCT rating FROM matrix_cells WHERE matrix_id = ? AND rating != '' "
            f"AND code_id IN ({marks(code_ids)})", (matrix_id, *code_ids))}

    def cells(self, matrix_id: int) -> dict[tuple[int, int], MatrixCell]:
        """The cells of the matrix's current columns, by (case id, code id)."""
        return {(r["case_id"], r["code_id"]): _cell(r)
                for r in self.conn.execute(_CELL_SELECT + " ORDER BY matrix_cells.id",
                                           (matrix_id,))}

    def set_cell(self, matrix_id: int, case_id: int, code_id: int, summary: str,
                 rating: str, coder: str) -> None:
        """Write one cell; an empty summary and rating remove it (inside the caller's action)."""
        row = self.conn.execute(
            "SELECT * FROM matrix_cells WHERE matrix_id = ? AND case_id = ? AND code_id = ?",
            (matrix_id, case_id, code_id)).fetchone()
        if not summary and not rating:
            if row is not None:
                self.log.delete("matrix_cells", row["id"])
            return
        if row is not None and row["summary"] == summary and row["rating"] == rating:
            return
        values = {"summary": summary, "rating": rating, "coder_id": self._coder_id(coder),
                  "updated_at": now()}
        if row is None:
            self.log.insert("matrix_cells", {"matrix_id": matrix_id, "case_id": case_id,
                                             "code_id": code_id, **values})
        else:
            self.log.update("matrix_cells", row["id"], values)


    # -- rows to objects ------------------------------------------------------------------

def _finding(row: sqlite3.Row) -> Finding:
    return Finding(code_id=row["code_id"], text=row["text"], coder=row["coder"] or "",
                   updated_at=row["updated_at"], id=row["id"])


def _pick(row: sqlite3.Row) -> QuotePick:
    return QuotePick(coding_id=row["coding_id"], coder=row["coder"] or "",
                     created_at=row["created_at"], id=row["id"])


def _cell(row: sqlite3.Row) -> MatrixCell:
    return MatrixCell(case_id=row["case_id"], code_id=row["code_id"], summary=row["summary"],
                      rating=row["rating"], coder=row["coder"] or "",
                      updated_at=row["updated_at"], id=row["id"])
