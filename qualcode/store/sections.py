"""The report's own sections and shortened quotes: the only SQL touching them (migration 0006).

Writes go through ``store.log`` inside the caller's ``store.action``, so undo covers them.
Reads skip profiles whose case is gone and edits whose coding is gone.
"""

from __future__ import annotations

import sqlite3

from qualcode.core.sections import QuoteEdit, Section
from qualcode.store.store import Store, now

_SECTION_SELECT = """
SELECT report_sections.*, coders.name AS coder FROM report_sections
LEFT JOIN coders ON coders.id = report_sections.coder_id
WHERE (report_sections.case_id = 0 OR report_sections.case_id IN (SELECT id FROM cases))
"""

_EDIT_SELECT = """
SELECT quote_edits.*, coders.name AS coder FROM quote_edits
LEFT JOIN coders ON coders.id = quote_edits.coder_id
WHERE quote_edits.coding_id IN (SELECT id FROM codings)
"""


def sections(store: Store) -> list[Section]:
    """Every section with text, profiles included, in the order they were first written."""
    return [_section(r) for r in store.conn.execute(_SECTION_SELECT + " ORDER BY id")]


def set_section(store: Store, kind: str, text: str, coder: str, *, case_id: int = 0,
                title: str | None = None) -> None:
    """Write one section (inside the caller's action); empty text removes it. ``title``
    None keeps the current one."""
    row = store.conn.execute("SELECT * FROM report_sections WHERE kind = ? AND case_id = ?",
                             (kind, case_id)).fetchone()
    if not text:
        if row is not None:
            store.log.delete("report_sections", row["id"])
        return
    new_title = (row["title"] if row is not None else "") if title is None else title
    if row is not None and row["text"] == text and row["title"] == new_title:
        return
    values = {"text": text, "title": new_title, "coder_id": store.coders.id_for(coder),
              "updated_at": now()}
    if row is None:
        store.log.insert("report_sections", {"kind": kind, "case_id": case_id, **values})
    else:
        store.log.update("report_sections", row["id"], values)


def quote_edits(store: Store) -> dict[int, QuoteEdit]:
    return {r["coding_id"]: _edit(r) for r in store.conn.execute(_EDIT_SELECT)}


def set_quote_edit(store: Store, coding_id: int, text: str, coder: str) -> None:
    """The shortened form of a key quote (inside the caller's action); "" removes it."""
    row = store.conn.execute("SELECT * FROM quote_edits WHERE coding_id = ?",
                             (coding_id,)).fetchone()
    if not text:
        if row is not None:
            store.log.delete("quote_edits", row["id"])
        return
    if row is not None and row["text"] == text:
        return
    values = {"text": text, "coder_id": store.coders.id_for(coder), "updated_at": now()}
    if row is None:
        store.log.insert("quote_edits", {"coding_id": coding_id, **values})
    else:
        store.log.update("quote_edits", row["id"], values)


def _section(row: sqlite3.Row) -> Section:
    return Section(kind=row["kind"], text=row["text"], title=row["title"],
                   case_id=row["case_id"], coder=row["coder"] or "",
                   updated_at=row["updated_at"], id=row["id"])


def _edit(row: sqlite3.Row) -> QuoteEdit:
    return QuoteEdit(coding_id=row["coding_id"], text=row["text"], coder=row["coder"] or "",
                     updated_at=row["updated_at"], id=row["id"])
