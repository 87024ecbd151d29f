"""Writing the neutral model as REFI-QDA XML: project.qde and codebooks (.qdc).

Elements follow the schemas' ``xsd:sequence`` order exactly (some tools refuse anything else).
Positions are written in the target tool's scheme over the text exactly as written to
``sources/``.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from qualcode.exchange.model import XCode, XNote, XProject, XSource
from qualcode.exchange.offsets import OffsetMap, Scheme
from qualcode.exchange.qde_values import TYPE_OUT, write_value
from qualcode.exchange.xmlio import CODEBOOK_NS, PROJECT_NS

# Characters XML 1.0 cannot hold (form feeds from PDFs, other controls): written as spaces.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _el(parent: Element, name: str, attrs: dict[str, str] | None = None,
        text: str | None = None) -> Element:
    element = SubElement(parent, name, {k: _NOT_XML.sub(" ", v)
                                        for k, v in (attrs or {}).items() if v})
    if text is not None:
        element.text = _NOT_XML.sub(" ", text)
    return element


def _bytes(root: Element) -> bytes:
    indent(root, space="  ")
    return tostring(root, encoding="utf-8", xml_declaration=True)


def project_xml(project: XProject, scheme: Scheme, crlf: bool) -> tuple[bytes, dict[str, str]]:
    """(project.qde, {file name in sources/: text}) for ``project``."""
    users = {u.name: u.guid for u in project.users}
    root = Element("Project", {"xmlns": PROJECT_NS, "name": project.name or "qualcode project",
                               "origin": project.origin})
    if project.users:
        holder = _el(root, "Users")
        for user in project.users:
            _el(holder, "User", {"guid": user.guid, "name": user.name})
    if project.codes:
        _codes(_el(_el(root, "CodeBook"), "Codes"), project.codes, notes=True)
    if project.variables:
        holder = _el(root, "Variables")
        for var in project.variables:
            element = _el(holder, "Variable", {"guid": var.guid, "name": var.name,
                                               "typeOfVariable": TYPE_OUT[var.type]})
            if var.description:
                _el(element, "Description", text=var.description)
    types = {v.guid: TYPE_OUT[v.type] for v in project.variables}
    if project.cases:
        holder = _el(root, "Cases")
        for case in project.cases:
            element = _el(holder, "Case", {"guid": case.guid, "name": case.name})
            if case.description:
                _el(element, "Description", text=case.description)
            _values(element, case.values, types)
            for source_guid in case.sources:
                _el(element, "SourceRef", {"targetGUID": source_guid})
    texts: dict[str, str] = {}
    if project.sources:
        holder = _el(root, "Sources")
        for source in project.sources:
            texts[f"{source.guid}.txt"] = _source(holder, source, users, types, scheme, crlf)
    if project.notes:
        holder = _el(root, "Notes")
        for note in project.notes:
            _note(holder, note, users)
    if project.sets:
        _sets(_el(root, "Sets"), project)
    if project.description:
        _el(root, "Description", text=project.description)
    for note_guid in project.project_notes:
        _el(root, "NoteRef", {"targetGUID": note_guid})
    return _bytes(root), texts


def _sets(holder: Element, project: XProject) -> None:
    for group in project.sets:
        element = _el(holder, "Set", {"guid": group.guid, "name": group.name})
        if group.description:
            _el(element, "Description", text=group.description)
        for kind, members in (("MemberCode", group.codes), ("MemberSource", group.sources),
                              ("MemberNote", group.notes)):
            for member in members:
                _el(element, kind, {"targetGUID": member})


def _codes(parent: Element, codes: list[XCode], *, notes: bool) -> None:
    elements: dict[str | None, Element] = {None: parent}
    for code in codes:  # parents come before their children
        element = _el(elements.get(code.parent, parent), "Code", {
            "guid": code.guid, "name": code.name, "isCodable": "true" if code.codable else "false",
            "color": code.colour.upper()})
        if code.description:
            _el(element, "Description", text=code.description)
        for note in code.notes if notes else []:
            _el(element, "NoteRef", {"targetGUID": note})
        elements[code.guid] = element
    # NoteRef must precede child Codes: children were appended after, so order holds.


def _values(element: Element, values: dict, types: dict[str, str]) -> None:
    for var, value in values.items():
        holder = _el(element, "VariableValue")
        _el(holder, "VariableRef", {"targetGUID": var})
        name, text = write_value(types[var], value)
        _el(holder, name, text=text)


def _source(holder: Element, source: XSource, users: dict[str, str], types: dict[str, str],
            scheme: Scheme, crlf: bool) -> str:
    text = source.text.replace("\n", "\r\n") if crlf else source.text
    omap = OffsetMap(text, scheme)
    element = _el(holder, "TextSource", {
        "guid": source.guid, "name": source.name, "plainTextPath": f"internal://{source.guid}.txt",
        "creatingUser": users.get(source.coder, ""), "creationDateTime": source.created})
    if source.description:
        _el(element, "Description", text=source.description)
    by_selection: dict[str, list] = {}
    for coding in source.codings:
        by_selection.setdefault(coding.selection, []).append(coding)
    for selection, codings in by_selection.items():
        first = codings[0]
        sel = _el(element, "PlainTextSelection", {
            "guid": selection, "name": source.text[first.start:first.end],
            "startPosition": str(omap.to_units(first.start)),
            "endPosition": str(omap.to_units(first.end)),
            "creatingUser": users.get(first.coder, ""), "creationDateTime": first.created})
        for coding in codings:
            item = _el(sel, "Coding", {"guid": coding.guid,
                                       "creatingUser": users.get(coding.coder, ""),
                                       "creationDateTime": coding.created})
            _el(item, "CodeRef", {"targetGUID": coding.code})
            for note in coding.notes:
                _el(item, "NoteRef", {"targetGUID": note})
    for note in source.notes:
        _el(element, "NoteRef", {"targetGUID": note})
    _values(element, source.values, types)
    return text


def _note(holder: Element, note: XNote, users: dict[str, str]) -> None:
    element = _el(holder, "Note", {"guid": note.guid, "name": note.name,
                                   "creatingUser": users.get(note.coder, ""),
                                   "creationDateTime": note.created})
    _el(element, "PlainTextContent", text=note.text)


def codebook_xml(codes: list[XCode], origin: str) -> bytes:
    root = Element("CodeBook", {"xmlns": CODEBOOK_NS, "origin": origin})
    _codes(_el(root, "Codes"), codes, notes=False)
    return _bytes(root)
