"""Merging a colleague's project into this one: their codings, memos and cases, kept as theirs.

The colleague's project may be a .qualcode file or another tool's (a REFI-QDA .qdpx from
NVivo, MAXQDA or ATLAS.ti, a QualCoder project), which is read into a temporary project first.

Documents are matched by the sha256 of their text, codes by GUID and then by path, cases by
name. What is new is added; what differs (a code's definition, a case's attribute value) is
reported and never overwritten. Documents the project lacks are imported first, as any import
is (not undoable: their text is not copied into the history); everything else is one undoable
action. Merging the same project again changes nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from qualcode.core.codetree import next_position
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code, MemoTarget
from qualcode.services.codes import code_paths, path_text
from qualcode.services.exchange import import_project_file, is_project_file
from qualcode.store import Store
from qualcode.store.copy import open_copy


@dataclass
class MergeReport:
    source: str
    documents_added: list[str] = field(default_factory=list)
    documents_matched: int = 0
    codes_added: list[str] = field(default_factory=list)
    codes_matched: int = 0
    conflicts: list[str] = field(default_factory=list)  # differences kept as ours
    cases_added: list[str] = field(default_factory=list)
    codings_added: int = 0
    codings_present: int = 0
    memos_added: int = 0
    coders: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.documents_added or self.codes_added or self.cases_added
                    or self.codings_added or self.memos_added)


def merge_project(store: Store, other_path: Path, *, coder: str) -> MergeReport:
    """Bring the project at ``other_path`` into ``store``; see the module docstring."""
    if other_path.resolve() == Path(store.path).resolve():
        raise QualcodeError(f"{other_path}: that is this project; nothing to merge")
    report = MergeReport(source=other_path.name)
    with tempfile.TemporaryDirectory(prefix="qualcode-merge-") as folder:
        if is_project_file(other_path):
            # Another tool's project (.qdpx, .qde, QualCoder): read into a project of its own
            # first, so its coders, codes and memos come in exactly as a .qualcode's would.
            converted = Path(folder) / "converted.qualcode"
            with Store.open(converted, create=True) as staging:
                import_project_file(staging, other_path, coder=coder)
            other_path = converted
        other = open_copy(other_path, Path(folder))
        try:
            doc_map = _documents(store, other, report, coder)
            with store.action("merge", detail=other_path.name, coder=coder):
                code_map = _codes(store, other, report)
                _cases(store, other, doc_map, report)
                coding_map = _codings(store, other, doc_map, code_map, report)
                _memos(store, other, doc_map, code_map, coding_map, report)
        finally:
            other.close()
    return report


def _documents(store: Store, other: Store, report: MergeReport, coder: str) -> dict[int, int]:
    mapping: dict[int, int] = {}
    missing = []
    for doc in other.documents.all():
        ours = store.documents.id_by_sha(doc.sha256)
        if ours is None:
            missing.append(doc)
        else:
            mapping[doc.id or 0] = ours
            report.documents_matched += 1
    if missing:
        with store.action("merge documents", detail=f"{len(missing)} from {report.source}",
                          coder=coder, undoable=False):
            for doc in missing:
                name = doc.name
                if store.documents.id_by_name(name) is not None:
                    name = f"{Path(name).stem} ({report.source}){Path(name).suffix}"
                mapping[doc.id or 0] = store.documents.add(
                    replace(doc, name=name, id=None, case_id=None), other.turns.all(doc.id or 0))
                report.documents_added.append(name)
    return mapping


def _codes(store: Store, other: Store, report: MergeReport) -> dict[int, int]:
    ours = store.codes.all()
    by_guid = {c.guid: c for c in ours}
    our_paths = code_paths(ours)
    by_path = {path_text(p).casefold(): ours_id for ours_id, p in our_paths.items()}
    their_paths = code_paths(other.codes.all())
    mapping: dict[int, int] = {}
    for code in other.codes.all():  # parents before children
        path = path_text(their_paths[code.id or 0])
        match = by_guid.get(code.guid)
        match_id = match.id if match else by_path.get(path.casefold())
        if match_id is not None:
            mapping[code.id or 0] = match_id
            report.codes_matched += 1
            _compare_code(store.codes.get(match_id), code, path, report)
            continue
        parent = mapping.get(code.parent_id) if code.parent_id else None
        mapping[code.id or 0] = store.codes.add(
            replace(code, id=None, parent_id=parent,
                    position=next_position(store.codes.all(), parent)))
        report.codes_added.append(path)
    return mapping


def _compare_code(ours: Code, theirs: Code, path: str, report: MergeReport) -> None:
    for field_name in ("definition", "inclusion", "exclusion"):
        mine, other = getattr(ours, field_name).strip(), getattr(theirs, field_name).strip()
        if other and mine != other:
            report.conflicts.append(f"code {path!r}: their {field_name} differs; ours kept")


def _cases(store: Store, other: Store, doc_map: dict[int, int], report: MergeReport) -> None:
    types = store.attributes.types()
    for name, kind in other.attributes.types().items():
        if name not in types:
            store.attributes.define(name, kind)
        elif types[name] != kind:
            report.conflicts.append(f"attribute {name!r}: theirs is {kind.value}, ours "
                                    f"{types[name].value}; their values left out")
    types = store.attributes.types()
    ours = {c.name.casefold(): c for c in store.cases.all()}
    case_map: dict[int, int] = {}
    for case in other.cases.all():
        mine = ours.get(case.name.casefold())
        case_id = mine.id if mine else store.cases.id_for(case.name, create=True)
        if mine is None:
            report.cases_added.append(case.name)
        case_map[case.id or 0] = case_id or 0
        for attr, value in case.attributes.items():
            if types.get(attr) != other.attributes.types().get(attr):
                continue
            current = mine.attributes.get(attr) if mine else None
            if current is None:
                store.cases.set_attribute(case_id or 0, attr, value)
            elif current != value:
                report.conflicts.append(f"case {case.name!r}: their {attr} is {value!r}, "
                                        f"ours {current!r}; ours kept")
    for doc in other.documents.summaries():
        ours_id = doc_map.get(doc.id or 0)
        if ours_id and doc.case_id and store.documents.get(ours_id).case_id is None:
            store.documents.set_case(ours_id, case_map[doc.case_id])


def _codings(store: Store, other: Store, doc_map: dict[int, int], code_map: dict[int, int],
             report: MergeReport) -> dict[int, int]:
    present = {(c.document_id, c.code_id, c.start, c.end, c.coder): c.id or 0
               for c in store.codings.all()}
    texts: dict[int, str] = {}
    mapping: dict[int, int] = {}
    coders: set[str] = set()
    for coding in other.codings.all():
        doc_id, code_id = doc_map[coding.document_id], code_map[coding.code_id]
        key = (doc_id, code_id, coding.start, coding.end, coding.coder)
        if key in present:
            mapping[coding.id or 0] = present[key]
            report.codings_present += 1
            continue
        text = texts.setdefault(doc_id, store.documents.get(doc_id).text)
        if text[coding.start:coding.end] != coding.text:
            report.conflicts.append(f"coding {coding.id} ({coding.coder}) does not fit its "
                                    "text here; left out")
            continue
        mapping[coding.id or 0] = store.codings.add(
            replace(coding, id=None, memo="", document_id=doc_id, code_id=code_id))
        coders.add(coding.coder)
        report.codings_added += 1
    report.coders = sorted(coders)
    return mapping


def _memos(store: Store, other: Store, doc_map: dict[int, int], code_map: dict[int, int],
           coding_map: dict[int, int], report: MergeReport) -> None:
    targets = {MemoTarget.DOCUMENT: doc_map, MemoTarget.CODE: code_map,
               MemoTarget.CODING: coding_map}
    for memo in other.memos.all():
        if memo.target is MemoTarget.PROJECT:
            target_id = None
        else:
            target_id = targets[memo.target].get(memo.target_id or 0)
            if target_id is None:
                continue  # its coding was left out, and reported
        existing = {m.text.strip() for m in store.memos.all(memo.target, target_id)}
        if memo.text.strip() in existing:
            continue
        store.memos.add(memo.target, target_id, memo.text, memo.coder, memo.title)
        report.memos_added += 1
