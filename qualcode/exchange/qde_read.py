"""Reading a REFI-QDA project (project.qde) into the neutral model.

Element order follows the schema's ``xsd:sequence`` but is not relied on. Source texts are
fetched through ``load`` (the archive knows ``internal://``, ``relative://``, ``absolute://``).
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

from qualcode.core.errors import InputError
from qualcode.exchange.model import XCase, XCode, XNote, XProject, XSet, XUser, XVariable
from qualcode.exchange.qde_sources import read_source
from qualcode.exchange.qde_values import TYPE_IN, read_value
from qualcode.exchange.xmlio import child, children, colour, guid, refs, tag, text_of

Loader = Callable[[str], str]

UNSUPPORTED = {"PictureSource": "picture sources", "AudioSource": "audio sources",
               "VideoSource": "video sources"}


def read_project(root: Element, load: Loader, where: str) -> XProject:
    project = XProject(name=root.get("name", ""), origin=root.get("origin", ""),
                       description=text_of(root, "Description"),
                       project_notes=refs(root, "NoteRef"))
    users = child(root, "Users")
    for user in children(users, "User") if users is not None else []:
        project.users.append(XUser(guid(user.get("guid", "")), user.get("name", "") or
                                   user.get("id", "") or "unknown"))
    names = {u.guid: u.name for u in project.users}
    book = child(root, "CodeBook")
    codes = child(book, "Codes") if book is not None else None
    if codes is not None:
        _read_codes(codes, None, project.codes)
    _read_variables(root, project)
    _read_notes(root, project, load, names)
    sources = child(root, "Sources")
    for element in list(sources) if sources is not None else []:
        kind = tag(element)
        if kind in UNSUPPORTED:
            project.skip(UNSUPPORTED[kind])
        elif kind in ("TextSource", "PDFSource"):
            found = read_source(element, load, project, names, where)
            if found is not None:
                project.sources.append(found)
    _read_cases(root, project, where)
    _read_sets(root, project)
    for kind, label in (("Links", "links"), ("Graphs", "graphs")):
        holder = child(root, kind)
        if holder is not None:
            project.skip(label, len(list(holder)))
    every_source = {guid(e.get("guid", "")) for e in (list(sources) if sources is not None
                                                      else [])}
    _check_refs(project, every_source, where)
    return project


def read_codes(codes: Element) -> list[XCode]:
    found: list[XCode] = []
    _read_codes(codes, None, found)
    return found


def _read_codes(holder: Element, parent: str | None, out: list[XCode]) -> None:
    for element in children(holder, "Code"):
        code = XCode(guid=guid(element.get("guid", "")), name=element.get("name", "").strip(),
                     parent=parent, description=text_of(element, "Description"),
                     colour=colour(element.get("color")),
                     codable=element.get("isCodable", "true").lower() in ("true", "1"),
                     notes=refs(element, "NoteRef"))
        out.append(code)
        _read_codes(element, code.guid, out)


def _read_variables(root: Element, project: XProject) -> None:
    holder = child(root, "Variables")
    for element in children(holder, "Variable") if holder is not None else []:
        kind = element.get("typeOfVariable", "Text")
        project.variables.append(XVariable(
            guid=guid(element.get("guid", "")), name=element.get("name", "").strip(),
            type=TYPE_IN.get(kind, TYPE_IN["Text"]), description=text_of(element, "Description")))


def _read_cases(root: Element, project: XProject, where: str) -> None:
    holder = child(root, "Cases")
    for element in children(holder, "Case") if holder is not None else []:
        case = XCase(guid=guid(element.get("guid", "")), name=element.get("name", "").strip(),
                     description=text_of(element, "Description"),
                     sources=refs(element, "SourceRef"))
        for value in children(element, "VariableValue"):
            found = read_value(value, where)
            if found is not None:
                case.values[found[0]] = found[1]
        if children(element, "CodeRef") or children(element, "SelectionRef"):
            project.skip("case links to codes or selections",
                         len(children(element, "CodeRef")) + len(children(element, "SelectionRef")))
        project.cases.append(case)


def _read_notes(root: Element, project: XProject, load: Loader, names: dict[str, str]) -> None:
    holder = child(root, "Notes")
    for element in children(holder, "Note") if holder is not None else []:
        text = text_of(element, "PlainTextContent")
        path = element.get("plainTextPath")
        if not text and path:
            text = load(path)
        project.notes.append(XNote(
            guid=guid(element.get("guid", "")), name=element.get("name", ""),
            text=text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"),
            coder=names.get(guid(element.get("creatingUser", "")), ""),
            created=element.get("creationDateTime", "")))
        project.skip("codings inside notes", len(children(element, "PlainTextSelection")))


def _read_sets(root: Element, project: XProject) -> None:
    holder = child(root, "Sets")
    for element in children(holder, "Set") if holder is not None else []:
        project.sets.append(XSet(
            guid=guid(element.get("guid", "")), name=element.get("name", ""),
            description=text_of(element, "Description"),
            codes=refs(element, "MemberCode"), sources=refs(element, "MemberSource"),
            notes=refs(element, "MemberNote")))


def _check_refs(project: XProject, sources: set[str], where: str) -> None:
    """Every reference must point at something in the file: refuse the file otherwise.
    ``sources`` holds every source's GUID, those qualcode skips (pictures ...) included."""
    codes = {c.guid for c in project.codes}
    notes = {n.guid for n in project.notes}
    variables = {v.guid for v in project.variables}
    for source in project.sources:
        for coding in source.codings:
            if coding.code not in codes:
                raise InputError(where, f"a coding in source {source.name!r} points at code "
                                        f"{coding.code} which is not in the codebook")
        for var in source.values:
            if var not in variables:
                raise InputError(where, f"source {source.name!r} has a value for variable "
                                        f"{var} which is not defined")
    for case in project.cases:
        missing = [s for s in case.sources if s not in sources]
        if missing:
            raise InputError(where, f"case {case.name!r} points at source {missing[0]} "
                                    "which is not in the project")
        for var in case.values:
            if var not in variables:
                raise InputError(where, f"case {case.name!r} has a value for variable {var} "
                                        "which is not defined")
    referenced = [n for c in project.codes for n in c.notes] + project.project_notes
    referenced += [n for s in project.sources for n in s.notes]
    referenced += [n for s in project.sources for k in s.codings for n in k.notes]
    for note in referenced:
        if note not in notes:
            raise InputError(where, f"a NoteRef points at note {note} which is not in the project")
