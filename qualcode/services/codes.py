"""The codebook in the project: finding codes, loading and exporting codebook files, editing."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypedDict

from qualcode.codebook import Codebook, CodebookEntry, path_key, write_codebook
from qualcode.core.codetree import (
    PATH_SEPARATOR,
    checked_name,
    next_position,
    refuse_taken,
    subtree_ids,
)
from qualcode.core.errors import NotFound, QualcodeError
from qualcode.core.model import Code, MemoTarget
from qualcode.services.codebook_files import read_any_codebook
from qualcode.services.pseudonyms import replacer
from qualcode.store import Store


def code_paths(codes: Sequence[Code]) -> dict[int, tuple[str, ...]]:
    by_id = {c.id: c for c in codes}
    paths: dict[int, tuple[str, ...]] = {}
    for c in codes:
        names: list[str] = []
        cur: Code | None = c
        while cur is not None:
            names.append(cur.name)
            cur = by_id.get(cur.parent_id) if cur.parent_id is not None else None
        paths[c.id or 0] = tuple(reversed(names))
    return paths


def path_text(path: tuple[str, ...]) -> str:
    return PATH_SEPARATOR.join(path)


def find_code(store: Store, ref: str) -> Code:
    """A code by id, full path ("A > B"), unique name, shortcut, or unique name prefix."""
    codes = store.codes.all()
    paths = code_paths(codes)
    ref = ref.strip()
    if ref.isdigit():
        for c in codes:
            if c.id == int(ref):
                return c
    wanted = tuple(p.strip().lower() for p in ref.split(PATH_SEPARATOR.strip()))
    tests = [
        lambda c: tuple(p.lower() for p in paths[c.id or 0]) == wanted,
        lambda c: c.name.lower() == ref.lower(),
        lambda c: c.shortcut and c.shortcut == ref,
        lambda c: c.name.lower().startswith(ref.lower()),
    ]
    for test in tests:
        found = [c for c in codes if test(c)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "; ".join(path_text(paths[c.id or 0]) for c in found[:5])
            raise NotFound(f"code {ref!r} is ambiguous: {names} (give the full path)")
    raise NotFound(f"no code {ref!r} in the codebook")


class _Described(TypedDict):
    """What a codebook file says of a code: the fields it sets, new code or existing."""

    name: str
    parent_id: int | None
    definition: str
    inclusion: str
    exclusion: str
    example: str
    colour: str
    shortcut: str


def load_codebook(store: Store, path: Path, *, coder: str = "") -> tuple[int, int]:
    """Merge a codebook file into the project: codes matched by GUID, else by path, are
    updated; the rest added. Loading the same file twice changes nothing.
    Returns (added, updated)."""
    book = read_any_codebook(path)  # also .qdc and Taguette CSV
    added = updated = 0
    with store.action("load codebook", detail=path.name, coder=coder):
        if book.name and not store.settings.get("codebook_name"):
            store.settings.set("codebook_name", book.name)
        if book.description and not store.settings.get("codebook_description"):
            store.settings.set("codebook_description", book.description)
        ids_by_path = {p: i for i, p in code_paths(store.codes.all()).items()}
        lower_paths = {path_key(p): i for p, i in ids_by_path.items()}
        ids_by_guid = {c.guid: c.id for c in store.codes.all()}
        for position, entry in enumerate(book.entries):
            parent_id = lower_paths.get(path_key(entry.parent_path)) if entry.parent_path else None
            if entry.parent_path and parent_id is None:
                raise QualcodeError(f"{path}: parent of {path_text(entry.path)!r} is missing")
            fields: _Described = {
                "name": entry.name, "parent_id": parent_id, "definition": entry.definition,
                "inclusion": entry.inclusion, "exclusion": entry.exclusion,
                "example": entry.example, "colour": entry.colour, "shortcut": entry.shortcut,
            }
            code_id = ids_by_guid.get(entry.guid) if entry.guid else None
            if code_id is None:
                code_id = lower_paths.get(path_key(entry.path))
            if code_id is None:
                code_id = store.codes.add(Code(guid=entry.guid or str(uuid.uuid4()),
                                               position=position, **fields))
                added += 1
            else:
                before = store.codes.get(code_id)
                store.codes.update(code_id, **fields)
                updated += int(store.codes.get(code_id) != before)
            lower_paths[path_key(entry.path)] = code_id
    return added, updated


def codebook_of(store: Store) -> Codebook:
    codes = store.codes.all()
    paths = code_paths(codes)
    entries = [CodebookEntry(path=paths[c.id or 0], guid=c.guid, definition=c.definition,
                             inclusion=c.inclusion, exclusion=c.exclusion, example=c.example,
                             colour=c.colour, shortcut=c.shortcut) for c in codes]
    return Codebook(name=store.settings.get("codebook_name", "") or "",
                    description=store.settings.get("codebook_description", "") or "",
                    entries=entries)


def codebook_to_share(store: Store, *, pseudonymise: bool = True) -> Codebook:
    """The codebook as it leaves the project: its texts (definitions, examples)
    pseudonymised by the identifier register unless asked otherwise."""
    book = codebook_of(store)
    if not pseudonymise:
        return book
    swap = replacer(store)
    return replace(book, description=swap(book.description), entries=[
        replace(e, definition=swap(e.definition), inclusion=swap(e.inclusion),
                exclusion=swap(e.exclusion), example=swap(e.example))
        for e in book.entries])


def export_codebook(store: Store, dest: Path, *, pseudonymise: bool = True) -> int:
    """The codebook to a YAML or CSV file (pseudonymised by default)."""
    book = codebook_to_share(store, pseudonymise=pseudonymise)
    write_codebook(book, dest)
    return len(book.entries)


# -- editing the codebook ------------------------------------------------------------------
def _next_position(store: Store, parent_id: int | None) -> int:
    return next_position(store.codes.all(), parent_id)


def add_code(store: Store, name: str, *, parent: Code | None = None, colour: str = "",
             definition: str = "", coder: str = "") -> Code:
    parent_id = parent.id if parent else None
    name = checked_name(store.codes.all(), name, parent_id)
    with store.action("add code", detail=name, coder=coder):
        code_id = store.codes.add(Code(name=name, guid=str(uuid.uuid4()), parent_id=parent_id,
                                       colour=colour, definition=definition,
                                       position=_next_position(store, parent_id)))
    return store.codes.get(code_id)


def update_code(store: Store, code: Code, *, coder: str = "", **changes: object) -> Code:
    """Rename, recolour, redefine or set the shortcut of a code."""
    if "name" in changes:
        changes["name"] = checked_name(store.codes.all(), str(changes["name"]), code.parent_id,
                                       except_id=code.id)
    with store.action("edit code", detail=code.name, coder=coder):
        store.codes.update(code.id or 0, **changes)
    return store.codes.get(code.id or 0)


def move_code(store: Store, code: Code, new_parent: Code | None, *, coder: str = "") -> Code:
    parent_id = new_parent.id if new_parent else None
    # a code cannot move under itself or its own descendants
    if new_parent is not None and new_parent.id in subtree_ids(store.codes.all(), code.id or 0):
        raise QualcodeError(f"cannot move {code.name!r} under itself")
    refuse_taken(store.codes.all(), code.name, parent_id, except_id=code.id)
    with store.action("move code", detail=code.name, coder=coder):
        store.codes.update(code.id or 0, parent_id=parent_id,
                           position=_next_position(store, parent_id))
    return store.codes.get(code.id or 0)


def merge_codes(store: Store, source: Code, target: Code, *, coder: str = "") -> int:
    """Move every coding of ``source`` to ``target`` and delete ``source`` (its children move
    to ``target`` too). Returns the number of codings moved."""
    if source.id == target.id:
        raise QualcodeError("cannot merge a code into itself")
    codes = store.codes.all()
    if target.id in subtree_ids(codes, source.id or 0):  # its children would become its parent
        raise QualcodeError(f"cannot merge {source.name!r} into its own sub-code "
                            f"{target.name!r} (move that code out first)")
    taken = {c.name.lower() for c in codes if c.parent_id == target.id}
    clash = [c.name for c in codes if c.parent_id == source.id and c.name.lower() in taken]
    if clash:  # the sibling-name index would refuse the move half-way
        raise QualcodeError(f"cannot merge {source.name!r} into {target.name!r}: both have a "
                            f"sub-code named {clash[0]!r} (merge or rename those first)")
    moved = 0
    with store.action("merge codes", detail=f"{source.name} -> {target.name}", coder=coder):
        for coding in store.codings.all(code_ids=[source.id or 0]):
            twin = store.codings.find(coding.document_id, target.id or 0, coding.start,
                                      coding.end, coder=coding.coder)
            if twin is not None:
                store.codings.delete(coding.id or 0)  # already coded with the survivor
            else:
                store.codings.update(coding.id or 0, code_id=target.id)
                moved += 1
        for child in [c for c in store.codes.all() if c.parent_id == source.id]:
            store.codes.update(child.id or 0, parent_id=target.id,
                               position=_next_position(store, target.id))
        _delete_memos(store, source.id or 0)
        store.codes.delete(source.id or 0)
    return moved


def delete_code(store: Store, code: Code, *, coder: str = "") -> int:
    """Delete a code, its sub-codes, and all their codings and memos (undoable).
    Returns the number of codings removed."""
    codes = store.codes.all()
    doomed = subtree_ids(codes, code.id or 0)
    removed = 0
    with store.action("delete code", detail=code.name, coder=coder):
        for code_id in reversed(doomed):
            for coding in store.codings.all(code_ids=[code_id]):
                store.codings.delete(coding.id or 0)
                removed += 1
            _delete_memos(store, code_id)
            store.codes.delete(code_id)
    return removed


def _delete_memos(store: Store, code_id: int) -> None:
    for memo_id in store.memos.ids(MemoTarget.CODE, code_id):
        store.memos.delete(memo_id)
