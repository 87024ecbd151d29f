"""GUIDs kept from other tools, and sets (migration 0007).

Writes go through the change log inside the caller's ``store.action``; reads are plain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qualcode.store.store import Store, now


def guids(store: Store, kind: str) -> dict[int, str]:
    """{row id: guid} remembered for ``kind`` (document, case, memo, coding, coder ...)."""
    return {r["row_id"]: r["guid"] for r in store.conn.execute(
        "SELECT row_id, guid FROM exchange_guids WHERE kind = ?", (kind,))}


def row_for_guid(store: Store, kind: str, guid: str) -> int | None:
    row = store.conn.execute("SELECT row_id FROM exchange_guids WHERE kind = ? AND guid = ?",
                             (kind, guid)).fetchone()
    return None if row is None else int(row["row_id"])


def remember_guid(store: Store, kind: str, row_id: int, guid: str) -> None:
    """Keep ``guid`` for a row unless the row or the guid already has one."""
    taken = store.conn.execute(
        "SELECT 1 FROM exchange_guids WHERE kind = ? AND (row_id = ? OR guid = ?)",
        (kind, row_id, guid)).fetchone()
    if taken is None:
        store.log.insert("exchange_guids", {"kind": kind, "row_id": row_id, "guid": guid})


@dataclass(frozen=True)
class CodeSet:
    guid: str
    name: str
    description: str = ""
    members: dict[str, list[int]] = field(default_factory=dict)  # kind -> ids
    id: int | None = None


def sets(store: Store) -> list[CodeSet]:
    members: dict[int, dict[str, list[int]]] = {}
    for r in store.conn.execute("SELECT * FROM set_members ORDER BY id"):
        members.setdefault(r["set_id"], {}).setdefault(r["kind"], []).append(r["member_id"])
    return [CodeSet(guid=r["guid"], name=r["name"], description=r["description"],
                    members=members.get(r["id"], {}), id=r["id"])
            for r in store.conn.execute("SELECT * FROM sets ORDER BY id")]


def add_set(store: Store, guid: str, name: str, description: str) -> int:
    row = store.conn.execute("SELECT id FROM sets WHERE guid = ?", (guid,)).fetchone()
    if row is not None:
        return int(row["id"])
    return store.log.insert("sets", {"guid": guid, "name": name, "description": description})


def add_set_member(store: Store, set_id: int, kind: str, member_id: int) -> None:
    row = store.conn.execute(
        "SELECT 1 FROM set_members WHERE set_id = ? AND kind = ? AND member_id = ?",
        (set_id, kind, member_id)).fetchone()
    if row is None:
        store.log.insert("set_members", {"set_id": set_id, "kind": kind, "member_id": member_id})


def find_memo(store: Store, target: str, target_id: int | None, text: str) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM memos WHERE target = ? AND target_id IS ? AND text = ? LIMIT 1",
        (target, target_id, text)).fetchone()
    return None if row is None else int(row["id"])


def add_memo_dated(store: Store, target: str, target_id: int | None, text: str, *,
                   coder: str, title: str = "", created: str = "") -> int:
    """A memo keeping the date another tool gave it (``store.memos.add`` stamps now)."""
    stamp = created or now()
    return store.log.insert("memos", {
        "target": target, "target_id": target_id, "title": title, "text": text,
        "coder_id": store.coders.id_for(coder) if coder else None, "created_at": stamp,
        "updated_at": stamp})


def coder_ids(store: Store) -> dict[str, int]:
    return {r["name"]: int(r["id"]) for r in store.conn.execute("SELECT id, name FROM coders")}


def attribute_ids(store: Store) -> dict[str, int]:
    return {r["name"]: int(r["id"]) for r in store.conn.execute("SELECT id, name FROM attributes")}


def coding_keys(store: Store) -> set[tuple[int, int, int, int, int]]:
    """(document, code, start, end, coder id) of every coding, to skip duplicates in bulk."""
    return {(r[0], r[1], r[2], r[3], r[4]) for r in store.conn.execute(
        'SELECT document_id, code_id, start, "end", coder_id FROM codings')}


def coding_ids(store: Store) -> dict[tuple[int, int, int, int, int], int]:
    """{(document, code, start, end, coder id): coding id} for every coding."""
    return {(r[1], r[2], r[3], r[4], r[5]): r[0] for r in store.conn.execute(
        'SELECT id, document_id, code_id, start, "end", coder_id FROM codings')}


def insert_many(store: Store, table: str, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in bulk inside the current action (see ``ChangeLog.insert_many``)."""
    return store.log.insert_many(table, rows)
