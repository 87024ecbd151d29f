"""Storing another tool's project (the neutral model) into a qualcode project, adding to
what is there: documents matched by content hash, codes by GUID then by path, coders by name.

The whole import is one transaction: a file that fails anywhere leaves the project unchanged.
Importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field

from qualcode.codebook import path_key
from qualcode.core.errors import InputError, QualcodeError
from qualcode.core.model import Code, Coding, Document, MemoTarget
from qualcode.exchange.describe import split_description
from qualcode.exchange.model import XNote, XProject, XSource
from qualcode.exchange.xmlio import valid_guid
from qualcode.ingest import find_turns
from qualcode.services.codes import code_paths
from qualcode.services.speaker_roles import speaker_rules
from qualcode.store import Store
from qualcode.store import exchange as repo


@dataclass
class ExchangeReport:
    source: str
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def lines(self) -> list[str]:
        done = ", ".join(f"{n} {k}" for k, n in self.counts.items() if n) or "nothing new"
        out = [f"{self.source}: {done}"]
        out += [f"{self.source}: not imported (qualcode cannot hold them): {n} {k}"
                for k, n in self.skipped.items()]
        out += [f"{self.source}: {p}" for p in self.problems]
        shown = self.notices if len(self.notices) <= 20 else self.notices[:20] + [
            f"... and {len(self.notices) - 20} more"]
        return out + [f"{self.source}: note: {n}" for n in shown]


@dataclass
class _Ids:
    codes: dict[str, int] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)  # variable guid -> name
    memos: dict[str, int] = field(default_factory=dict)  # note guid -> memo id
    coders: dict[str, int] = field(default_factory=dict)  # name -> coder id
    # (document, code, start, end, coder id) -> coding id: what is there already
    existing: dict[tuple[int, int, int, int, int], int] = field(default_factory=dict)


def import_exchange(store: Store, project: XProject, *, label: str,
                    coder: str = "") -> ExchangeReport:
    report = ExchangeReport(source=label, skipped=dict(project.skipped),
                            problems=list(project.problems), notices=list(project.notices))
    ids = _Ids()
    try:
        _store(store, project, label, coder, ids, report)
    except InputError:
        raise
    except QualcodeError as err:  # e.g. an attribute of another type: name the file
        raise QualcodeError(f"{label}: {err}; nothing was imported") from None
    return report


def _store(store: Store, project: XProject, label: str, coder: str, ids: _Ids,
           report: ExchangeReport) -> None:
    notes = {n.guid: n for n in project.notes}
    with store.action("import project", detail=label, coder=coder, undoable=False):
        ids.existing = repo.coding_ids(store)
        for user in project.users:
            repo.remember_guid(store, "coder", store.coders.id_for(user.name), user.guid)
        _codes(store, project, ids, report)
        for var in project.variables:
            ids.attributes[var.guid] = var.name
            attr_id = store.attributes.define(var.name, var.type)
            repo.remember_guid(store, "attribute", attr_id, var.guid)
        for source in project.sources:
            _document(store, source, ids, report, label)
        _cases(store, project, ids, report)
        for source in project.sources:
            _codings(store, source, ids, report, coder, notes)
        _memos(store, project, ids, report)
        _sets(store, project, ids, report)


def _codes(store: Store, project: XProject, ids: _Ids, report: ExchangeReport) -> None:
    codes = store.codes.all()
    by_guid = {c.guid.lower(): c.id or 0 for c in codes}
    paths = {path_key(p): i for i, p in code_paths(codes).items()}
    own_paths: dict[str, tuple[str, ...]] = {}
    for position, x in enumerate(project.codes):
        x.name = x.name.strip() or f"code {x.guid[:8]}"  # qualcode codes need a name
        path = (own_paths.get(x.parent, ()) if x.parent else ()) + (x.name,)
        own_paths[x.guid] = path
        found = by_guid.get(x.guid) or paths.get(path_key(path))
        fields = split_description(x.description)
        if found is None:
            parent = ids.codes.get(x.parent) if x.parent else None
            guid = x.guid if valid_guid(x.guid) and x.guid not in by_guid else str(uuid.uuid4())
            found = store.codes.add(Code(name=x.name, guid=guid, parent_id=parent,
                                         colour=x.colour, position=position, **fields))
            report.add("codes added")
        else:
            # Adding into a project never overwrites what the user wrote: fill blanks only.
            have = store.codes.get(found)
            blanks = {k: v for k, v in {**fields, "colour": x.colour}.items()
                      if v and not getattr(have, k)}
            if blanks:
                store.codes.update(found, **blanks)
            report.add("codes matched")
        by_guid[x.guid] = found
        paths[path_key(path)] = found
        ids.codes[x.guid] = found


def _document(store: Store, source: XSource, ids: _Ids, report: ExchangeReport,
              label: str) -> None:
    if not source.text.strip():
        report.problems.append(f"source {source.name!r} is empty; not imported")
        return
    sha = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    existing = store.documents.id_by_sha(sha)
    if existing is not None:
        ids.documents[source.guid] = existing
        report.add("documents matched")
        return
    name, n = source.name, 2
    while store.documents.id_by_name(name) is not None:
        stem, dot, ext = source.name.rpartition(".")
        name = f"{stem} ({n}).{ext}" if dot and stem else f"{source.name} ({n})"
        n += 1
    doc = Document(name=name, text=source.text, format=source.kind, sha256=sha,
                   imported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    doc_id = store.documents.add(doc, find_turns(source.text, speaker_rules(store)),
                                 source_path=f"{label}#{source.name}")
    repo.remember_guid(store, "document", doc_id, source.guid)
    ids.documents[source.guid] = doc_id
    report.add("documents added")
    if name != source.name:
        report.notices.append(f"source {source.name!r} imported as {name!r} (name taken)")


def _cases(store: Store, project: XProject, ids: _Ids, report: ExchangeReport) -> None:
    for case in project.cases:
        if not case.name:
            raise QualcodeError(f"{report.source}: case {case.guid} has no name")
        case_id = store.cases.id_for(case.name, create=True)
        repo.remember_guid(store, "case", case_id, case.guid)
        report.add("cases")
        for var, value in case.values.items():
            store.cases.set_attribute(case_id, ids.attributes[var], value)
        for source_guid in case.sources:
            _assign(store, ids.documents.get(source_guid), case_id, case.name, report)
        if case.description:
            _memo(store, MemoTarget.PROJECT.value, None, case.description, report,
                  title=f"Case {case.name}")
    for source in project.sources:  # MAXQDA puts variable values on the sources
        doc_id = ids.documents.get(source.guid)
        if not source.values or doc_id is None:
            continue
        doc = store.documents.get(doc_id)
        case_id = doc.case_id or store.cases.id_for(source.name.rsplit(".", 1)[0], create=True)
        _assign(store, doc_id, case_id, source.name, report)
        for var, value in source.values.items():
            store.cases.set_attribute(case_id, ids.attributes[var], value)


def _assign(store: Store, doc_id: int | None, case_id: int, case: str,
            report: ExchangeReport) -> None:
    if doc_id is None:
        return
    current = store.documents.get(doc_id).case_id
    if current is None:
        store.documents.set_case(doc_id, case_id)
    elif current != case_id:
        name = store.documents.get(doc_id).name
        report.problems.append(f"document {name!r} is already in another "
                               f"case; not added to case {case!r}")


def _codings(store: Store, source: XSource, ids: _Ids, report: ExchangeReport, coder: str,
             notes: dict[str, XNote]) -> None:
    doc_id = ids.documents.get(source.guid)
    if doc_id is None:
        return
    text = source.text
    for x in source.codings:
        who = x.coder or coder or "imported"
        coder_id = ids.coders.get(who) or ids.coders.setdefault(who, store.coders.id_for(who))
        key = (doc_id, ids.codes[x.code], x.start, x.end, coder_id)
        if key in ids.existing:
            report.add("codings already there")
            coding_id = ids.existing[key]
        else:
            coding_id = store.codings.add(Coding(
                document_id=doc_id, code_id=ids.codes[x.code], start=x.start, end=x.end,
                text=text[x.start:x.end], coder=who, important=x.important,
                created_at=x.created))
            ids.existing[key] = coding_id
            report.add("codings added")
        if valid_guid(x.guid):
            repo.remember_guid(store, "coding", coding_id, x.guid)
        for note in x.notes:
            _note_memo(store, notes[note], MemoTarget.CODING, coding_id, ids, report)
    for note in source.notes:
        _note_memo(store, notes[note], MemoTarget.DOCUMENT, doc_id, ids, report)
    if source.description:
        _memo(store, MemoTarget.DOCUMENT.value, doc_id, source.description, report,
              title="Description")


def _memos(store: Store, project: XProject, ids: _Ids, report: ExchangeReport) -> None:
    notes = {n.guid: n for n in project.notes}
    for code in project.codes:
        for note_guid in code.notes:
            _note_memo(store, notes[note_guid], MemoTarget.CODE, ids.codes[code.guid], ids,
                       report)
    for note in project.notes:  # project memos, and notes nothing else points at
        if note.guid not in ids.memos:
            _note_memo(store, note, MemoTarget.PROJECT, None, ids, report)


def _note_memo(store: Store, note: XNote, target: MemoTarget, target_id: int | None, ids: _Ids,
               report: ExchangeReport) -> None:
    if not (note.text or note.name).strip():
        return
    memo_id = _memo(store, target.value, target_id, note.text or note.name, report,
                    title="" if target is MemoTarget.CODING else note.name, coder=note.coder,
                    created=note.created)
    ids.memos[note.guid] = memo_id
    if valid_guid(note.guid):
        repo.remember_guid(store, "memo", memo_id, note.guid)


def _memo(store: Store, target: str, target_id: int | None, text: str, report: ExchangeReport,
          *, title: str = "", coder: str = "", created: str = "") -> int:
    existing = repo.find_memo(store, target, target_id, text)
    if existing is not None:
        return existing
    report.add("memos")
    return repo.add_memo_dated(store, target, target_id, text, coder=coder, title=title,
                               created=created)


def _sets(store: Store, project: XProject, ids: _Ids, report: ExchangeReport) -> None:
    for group in project.sets:
        if not valid_guid(group.guid):
            continue
        set_id = repo.add_set(store, group.guid, group.name, group.description)
        report.add("sets")
        for kind, members, known in (("code", group.codes, ids.codes),
                                     ("document", group.sources, ids.documents),
                                     ("memo", group.notes, ids.memos)):
            for member in members:
                if member in known:
                    repo.add_set_member(store, set_id, kind, known[member])
