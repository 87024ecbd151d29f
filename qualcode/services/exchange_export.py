"""The project as the neutral model, for REFI-QDA exports.

GUIDs: codes have their own; documents, cases, memos, codings, coders and attributes keep the
GUID another tool gave them (remembered at import), else get a deterministic one (uuid5 over
stable keys), so exporting twice gives the same file.
"""

from __future__ import annotations

import datetime as dt
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from qualcode.core.model import MemoTarget
from qualcode.exchange.describe import join_description
from qualcode.exchange.dialects import EXPORT_TARGETS
from qualcode.exchange.guids import stable_guid
from qualcode.exchange.model import (
    XCase,
    XCode,
    XCoding,
    XNote,
    XProject,
    XSet,
    XSource,
    XUser,
    XVariable,
)
from qualcode.exchange.qde_write import project_xml
from qualcode.exchange.qdpx import write_qdpx
from qualcode.services.exchange_privacy import pseudonymised_project
from qualcode.services.pseudonyms import replacer
from qualcode.store import Store
from qualcode.store import exchange as repo


def origin() -> str:
    try:
        return f"qualcode {version('qualcode')}"
    except PackageNotFoundError:
        return "qualcode"


def when(text: str) -> str:
    """A valid xsd:dateTime from a stored date, or "" (QualCoder writes "2024-01-15 10:00")."""
    if not text:
        return ""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return moment.isoformat()


def project_of(store: Store, name: str) -> XProject:
    kept = {kind: repo.guids(store, kind) for kind in
            ("document", "case", "memo", "coding", "coder", "attribute")}
    project = XProject(name=name, origin=origin())
    coder_guid = {}
    for coder, coder_id in sorted(repo.coder_ids(store).items(), key=lambda kv: kv[1]):
        coder_guid[coder] = kept["coder"].get(coder_id) or stable_guid("coder", coder)
        project.users.append(XUser(coder_guid[coder], coder))
    notes = _notes(store, project, kept["memo"])
    codes = store.codes.all()
    code_guid = {c.id: c.guid.lower() for c in codes}
    for c in codes:
        project.codes.append(XCode(
            guid=c.guid.lower(), name=c.name, parent=code_guid.get(c.parent_id),
            description=join_description(c.definition, c.inclusion, c.exclusion, c.example),
            colour=c.colour, notes=notes.get((MemoTarget.CODE, c.id), [])))
    attr_ids = repo.attribute_ids(store)
    var_guid = {}
    for attr, kind in store.attributes.types().items():
        var_guid[attr] = kept["attribute"].get(attr_ids[attr]) or stable_guid("attribute", attr)
        project.variables.append(XVariable(var_guid[attr], attr, kind))
    doc_guid = _sources(store, project, kept, code_guid, notes)
    for case in store.cases.all():
        project.cases.append(XCase(
            guid=kept["case"].get(case.id or 0) or stable_guid("case", case.name), name=case.name,
            values={var_guid[k]: v for k, v in case.attributes.items()},
            sources=[doc_guid[d.id] for d in store.documents.summaries() if d.case_id == case.id]))
    _sets(store, project, code_guid, doc_guid, kept["memo"])
    return project


def _notes(store: Store, project: XProject, kept: dict[int, str]
           ) -> dict[tuple[MemoTarget, int | None], list[str]]:
    by_target: dict[tuple[MemoTarget, int | None], list[str]] = {}
    for memo in store.memos.all():
        guid = kept.get(memo.id or 0) or stable_guid("memo", memo.id, memo.created_at)
        project.notes.append(XNote(guid=guid, name=memo.title, text=memo.text, coder=memo.coder,
                                   created=when(memo.created_at)))
        by_target.setdefault((memo.target, memo.target_id), []).append(guid)
    project.project_notes = by_target.get((MemoTarget.PROJECT, None), [])
    return by_target


def _sources(store: Store, project: XProject, kept: dict[str, dict[int, str]],
             code_guid: dict[int | None, str],
             notes: dict[tuple[MemoTarget, int | None], list[str]]) -> dict[int | None, str]:
    doc_guid: dict[int | None, str] = {}
    for doc in store.documents.all():
        guid = kept["document"].get(doc.id or 0) or stable_guid("document", doc.sha256)
        doc_guid[doc.id] = guid
        source = XSource(guid=guid, name=doc.name, text=doc.text, kind=doc.format,
                         notes=notes.get((MemoTarget.DOCUMENT, doc.id), []),
                         created=when(doc.imported_at))
        for k in store.codings.all(document_id=doc.id):
            code = code_guid[k.code_id]
            source.codings.append(XCoding(
                guid=kept["coding"].get(k.id or 0) or stable_guid(
                    "coding", doc.sha256, code, k.start, k.end, k.coder),
                code=code, start=k.start, end=k.end, coder=k.coder, created=when(k.created_at),
                important=k.important, notes=notes.get((MemoTarget.CODING, k.id), []),
                selection=stable_guid("selection", doc.sha256, k.start, k.end)))
        project.sources.append(source)
    return doc_guid


def _sets(store: Store, project: XProject, code_guid: dict[int | None, str],
          doc_guid: dict[int | None, str], kept_memo: dict[int, str]) -> None:
    memo_guids = {m.id: kept_memo.get(m.id or 0) or stable_guid("memo", m.id, m.created_at)
                  for m in store.memos.all()}
    for group in repo.sets(store):
        project.sets.append(XSet(
            guid=group.guid, name=group.name, description=group.description,
            codes=[code_guid[i] for i in group.members.get("code", []) if i in code_guid],
            sources=[doc_guid[i] for i in group.members.get("document", []) if i in doc_guid],
            notes=[memo_guids[i] for i in group.members.get("memo", []) if i in memo_guids]))


def export_qdpx(store: Store, dest: Path, *, target: str = "standard",
                pseudonymise: bool = True) -> XProject:
    """Write the project to ``dest`` as a REFI-QDA project for ``target`` (a tool name),
    pseudonymised by the identifier register unless asked otherwise."""
    scheme, crlf = EXPORT_TARGETS[target]
    project = project_of(store, store.path.stem)
    if pseudonymise:
        project = pseudonymised_project(project, replacer(store))
    qde, texts = project_xml(project, scheme, crlf)
    write_qdpx(dest, qde, texts)
    return project
