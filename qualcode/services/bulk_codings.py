"""Bulk codings: many codings in one undoable action, and the same rows out.

A row with neither span nor text codes the whole document. Every row's text is checked
against its document; a row whose span does not hold its text is
re-anchored at the nearest place the text occurs. Rows that cannot be placed (unknown document,
refused code, text not found, bad span) are reported by line; the others are imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualcode.codebook import path_key
from qualcode.core.codetree import split_path
from qualcode.core.errors import NotFound, QualcodeError
from qualcode.core.model import Code, Coding, Document, MemoTarget
from qualcode.core.spans import trim
from qualcode.exchange.anchor import Fit, place
from qualcode.exchange.bulk import BulkRow, read_rows, write_rows
from qualcode.exchange.guids import stable_guid
from qualcode.services.codes import code_paths, path_text
from qualcode.store import Store
from qualcode.store import exchange as repo
from qualcode.store.store import now


@dataclass
class BulkReport:
    source: str
    added: int = 0
    existing: int = 0
    reanchored: int = 0
    codes_added: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "file:line: why"

    def lines(self) -> list[str]:
        out = [f"{self.source}: {self.added} coding(s) added, {self.existing} already there, "
               f"{self.reanchored} re-anchored, {len(self.failed)} failed"]
        if self.codes_added:
            out.append(f"{self.source}: new codes: {', '.join(self.codes_added)}")
        return out + self.failed


class _Codes:
    """Codes by lower-case path, creating unknown ones when allowed."""

    def __init__(self, store: Store, create: bool, report: BulkReport) -> None:
        self.store, self.create, self.report = store, create, report
        self.ids = {path_key(p): i for i, p in code_paths(store.codes.all()).items()}

    def find(self, path_text_: str) -> int:
        path = split_path(path_text_)
        if not path:
            raise QualcodeError("no code given")
        found = self.ids.get(path_key(path))
        if found is not None:
            return found
        if not self.create:
            raise NotFound(f"no code {path_text(path)!r} (use --create-codes to add it)")
        parent = self.find(path_text(path[:-1])) if len(path) > 1 else None
        code_id = self.store.codes.add(Code(name=path[-1], guid=stable_guid("code", *path),
                                           parent_id=parent, position=len(self.ids)))
        self.ids[path_key(path)] = code_id
        self.report.codes_added.append(path_text(path))
        return code_id


def import_codings(store: Store, path: Path, *, coder: str, create_codes: bool = False,
                   all_or_nothing: bool = False) -> BulkReport:
    rows = read_rows(path)
    report = BulkReport(source=str(path))
    docs: dict[str, Document | None] = {}
    with store.action("import codings", detail=path.name, coder=coder):
        codes = _Codes(store, create_codes, report)
        seen = repo.coding_keys(store)
        coders: dict[str, int] = {}
        new: list[tuple[dict[str, Any], str, str]] = []  # row, memo, coder
        stamp = now()
        for row in rows:
            try:
                found = _one(store, row, docs, codes, coder, report, stamp)
            except QualcodeError as err:
                report.failed.append(f"{path}:{row.line}: {err}")
                continue
            who = found["coder"]
            coder_id = coders.get(who) or coders.setdefault(who, store.coders.id_for(who))
            key = (found["document_id"], found["code_id"], found["start"], found["end"],
                   coder_id)
            if key in seen:
                report.existing += 1
                continue
            seen.add(key)
            found["coder_id"] = coder_id
            del found["coder"]
            new.append((found, row.memo, who))
        if report.failed and all_or_nothing:
            raise QualcodeError(f"{path}: {len(report.failed)} row(s) failed, nothing imported; "
                                f"first: {report.failed[0]}")
        ids = repo.insert_many(store, "codings", [r for r, _, _ in new])
        for coding_id, (_, memo, who) in zip(ids, new, strict=True):
            if memo:
                store.memos.set(MemoTarget.CODING, coding_id, memo, who)
        report.added = len(ids)
    return report


def _document(store: Store, name: str, docs: dict[str, Document | None]) -> Document:
    if name not in docs:
        try:
            docs[name] = store.documents.find(name)
        except NotFound:
            docs[name] = None
    doc = docs[name]
    if doc is None:
        raise NotFound(f"no document {name!r} in the project")
    return doc


def _one(store: Store, row: BulkRow, docs: dict[str, Document | None], codes: _Codes,
         coder: str, report: BulkReport, stamp: str) -> dict[str, Any]:
    """The codings row for ``row``, its text checked (re-anchored if need be)."""
    doc = _document(store, row.document, docs)
    code_id = codes.find(row.code)
    if row.start is None and row.end is None and not row.text:
        # No span at all: the code applies to the whole document (document-level studies,
        # such as those whose agreement is reported per document).
        start, end = trim(doc.text, 0, len(doc.text))
        return {"document_id": doc.id, "code_id": code_id, "start": start, "end": end,
                "text": doc.text[start:end], "coder": row.coder or coder,
                "important": int(row.important), "origin": "human", "created_at": stamp}
    placed = place(doc.text, row.start, row.end, row.text)
    if placed.fit in (Fit.OUTSIDE, Fit.MISFIT):
        if row.start is None:
            raise QualcodeError(f"{doc.name} does not contain the text {row.text[:40]!r}")
        raise QualcodeError(f"the text at {row.start}:{row.end} of {doc.name} is not "
                            f"{row.text[:40]!r}, nor is it found elsewhere")
    if placed.fit is Fit.REANCHORED and row.start is not None:
        report.reanchored += 1
    return {"document_id": doc.id, "code_id": code_id, "start": placed.start,
            "end": placed.end, "text": doc.text[placed.start:placed.end],
            "coder": row.coder or coder, "important": int(row.important), "origin": "human",
            "created_at": stamp}


def coding_rows(store: Store, codings: list[Coding] | None = None) -> list[dict[str, Any]]:
    """The bulk columns for ``codings`` (default: all), as ``codings`` prints them."""
    paths = code_paths(store.codes.all())
    names = {d.id: d.name for d in store.documents.summaries()}
    return [{"document": names[c.document_id], "code": path_text(paths[c.code_id]),
             "start": c.start, "end": c.end, "text": c.text, "coder": c.coder, "memo": c.memo,
             "important": "yes" if c.important else ""}
            for c in (store.codings.all() if codings is None else codings)]


def export_codings(store: Store, dest: Path) -> int:
    rows = coding_rows(store)
    write_rows(rows, dest)
    return len(rows)


def export_highlights(store: Store, dest: Path) -> int:
    """Codings as Taguette's highlights export (tag paths joined by dots)."""
    from qualcode.exchange.taguette import write_highlights_csv

    paths = code_paths(store.codes.all())
    names = {d.id: d.name for d in store.documents.summaries()}
    found = store.codings.all()
    write_highlights_csv([{"id": c.id, "document": names[c.document_id],
                           "tag": ".".join(paths[c.code_id]), "content": c.text}
                          for c in found], dest)
    return len(found)
