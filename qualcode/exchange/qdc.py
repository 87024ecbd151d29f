"""REFI-QDA codebooks (.qdc) <-> qualcode codebooks.

Taguette writes a flat codebook (each tag's path in its name, dots between levels) with an
empty ``<Sets/>`` that the schema does not allow; both are accepted. Colours written as
``rgb()`` or with alpha are read. Non-codable parents become ordinary codes.
"""

from __future__ import annotations

from pathlib import Path

from qualcode.codebook import Codebook, CodebookEntry
from qualcode.core.errors import InputError
from qualcode.core.files import atomic_path
from qualcode.core.reading import read_input
from qualcode.exchange.describe import join_description, split_description
from qualcode.exchange.guids import stable_guid
from qualcode.exchange.model import XCode
from qualcode.exchange.qde_read import read_codes
from qualcode.exchange.qde_write import codebook_xml
from qualcode.exchange.xmlio import CODEBOOK_NS, child, colour, parse, valid_guid


def read_qdc(path: Path) -> Codebook:
    data = read_input(path)
    root = parse(data, str(path), CODEBOOK_NS, "CodeBook")
    holder = child(root, "Codes")
    if holder is None:
        raise InputError(path, "the codebook has no <Codes> element")
    codes = read_codes(holder)
    flat = "taguette" in root.get("origin", "").lower()
    return Codebook(name=path.stem, entries=entries_of(codes, flat=flat, where=str(path)))


def _taguette_path(name: str) -> tuple[str, ...]:
    """Taguette puts the path in the name ("people.parents"); split it unless a part would be
    empty or start with a space ("Dr. Who" stays whole)."""
    parts = name.split(".")
    if len(parts) > 1 and all(p and p == p.strip() for p in parts):
        return tuple(parts)
    return (name,)


def entries_of(codes: list[XCode], *, flat: bool = False, where: str = "") -> list[CodebookEntry]:
    paths: dict[str, tuple[str, ...]] = {}
    entries: list[CodebookEntry] = []
    seen: set[tuple[str, ...]] = set()
    for code in codes:
        if not code.name:
            raise InputError(where, f"code {code.guid} has no name")
        if flat and code.parent is None:
            path = _taguette_path(code.name)
        else:
            path = paths.get(code.parent, ()) + (code.name,) if code.parent else (code.name,)
        paths[code.guid] = path
        for depth in range(1, len(path)):  # parents a flat codebook only implies
            if path[:depth] not in seen:
                seen.add(path[:depth])
                entries.append(CodebookEntry(path=path[:depth]))
        seen.add(path)
        fields = split_description(code.description)
        entries.append(CodebookEntry(
            path=path, guid=code.guid if valid_guid(code.guid) else None,
            colour=colour(code.colour), **fields))
    return entries


def codes_of(book: Codebook) -> list[XCode]:
    guids: dict[tuple[str, ...], str] = {}
    codes: list[XCode] = []
    for entry in book.entries:
        guid = entry.guid or stable_guid("code", *entry.path)
        guids[entry.path] = guid
        codes.append(XCode(
            guid=guid, name=entry.name, parent=guids.get(entry.parent_path),
            description=join_description(entry.definition, entry.inclusion, entry.exclusion,
                                         entry.example), colour=entry.colour))
    return codes


def write_qdc(book: Codebook, dest: Path, origin: str) -> None:
    data = codebook_xml(codes_of(book), origin)
    with atomic_path(dest) as tmp:
        tmp.write_bytes(data)


