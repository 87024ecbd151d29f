"""Rows of the project file to core objects and back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from qualcode.core.model import (
    AttributeType,
    AttributeValue,
    Code,
    Coding,
    Document,
    Memo,
    MemoTarget,
    Role,
    Speaker,
    Turn,
)


def document(row: sqlite3.Row) -> Document:
    return Document(
        name=row["name"], text=row["text"], format=row["format"], sha256=row["sha256"],
        imported_at=row["imported_at"], encoding=row["encoding"], case_id=row["case_id"],
        id=row["id"],
    )


ROLES = {role.value: role for role in Role}  # a dict lookup: Role(value) costs ten times more


def turn(row: sqlite3.Row) -> Turn:
    return Turn(
        index=row["idx"], start=row["start"], end=row["end"], text_start=row["text_start"],
        text_end=row["text_end"], speaker=row["speaker"], role=ROLES[row["role"]],
        timestamp=row["timestamp"], id=row["id"], document_id=row["document_id"],
    )


def speaker(row: sqlite3.Row) -> Speaker:
    return Speaker(name=row["name"], role=Role(row["role"]), id=row["id"],
                   document_id=row["document_id"])


CODE_FIELDS = ("guid", "name", "parent_id", "definition", "inclusion", "exclusion", "example",
               "colour", "shortcut", "position")


def code(row: sqlite3.Row) -> Code:
    return Code(**{f: row[f] for f in CODE_FIELDS}, id=row["id"])


def code_row(value: Code) -> dict[str, Any]:
    return {f: getattr(value, f) for f in CODE_FIELDS}


def coding(row: sqlite3.Row) -> Coding:
    return Coding(
        document_id=row["document_id"], code_id=row["code_id"], start=row["start"],
        end=row["end"], text=row["text"], coder=row["coder"], important=bool(row["important"]),
        memo=row["memo"] or "", origin=row["origin"], created_at=row["created_at"], id=row["id"],
    )


def memo(row: sqlite3.Row) -> Memo:
    return Memo(
        target=MemoTarget(row["target"]), target_id=row["target_id"], text=row["text"],
        coder=row["coder"] or "", title=row["title"], created_at=row["created_at"],
        updated_at=row["updated_at"], id=row["id"],
    )


def attribute_to_text(kind: AttributeType, value: AttributeValue) -> str:
    if kind is AttributeType.BOOLEAN:
        return "true" if value else "false"
    if kind is AttributeType.DATE and isinstance(value, dt.date):
        return value.isoformat()
    if kind is AttributeType.NUMBER and not isinstance(value, dt.date):  # holds a number
        return repr(float(value))
    return str(value)


def attribute_from_text(kind: AttributeType, text: str) -> AttributeValue:
    if kind is AttributeType.BOOLEAN:
        return text == "true"
    if kind is AttributeType.DATE:
        return dt.date.fromisoformat(text)
    if kind is AttributeType.NUMBER:
        number = float(text)
        return number
    return text
