"""Reading REFI-QDA text and PDF sources: their text, and their selections placed on it.

Positions are converted from the tool's scheme (see :mod:`dialects`) and every selection is
checked against its text (its ``name``, which tools fill with the selected text or its start).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from xml.etree.ElementTree import Element

from qualcode.core.errors import InputError
from qualcode.exchange.anchor import Fit, fits, place
from qualcode.exchange.dialects import choose_scheme
from qualcode.exchange.guids import stable_guid
from qualcode.exchange.model import XCoding, XNote, XProject, XSource
from qualcode.exchange.offsets import CODE_POINTS, OffsetMap, normalise
from qualcode.exchange.qde_values import read_value
from qualcode.exchange.xmlio import child, children, guid, refs, text_of

Loader = Callable[[str], str]


def read_source(element: Element, load: Loader, project: XProject, users: dict[str, str],
                where: str) -> XSource | None:
    """A TextSource or PDFSource (through its text Representation) as an XSource."""
    holder = element
    kind = "txt"
    if element.tag.endswith("PDFSource"):
        kind = "pdf"
        project.skip("PDF selections by area", len(children(element, "PDFSelection")))
        representation = child(element, "Representation")
        if representation is None:
            project.skip("PDF sources without a text representation")
            return None
        holder = representation
    name = element.get("name", "") or holder.get("name", "") or guid(element.get("guid", ""))
    raw = text_of(holder, "PlainTextContent")
    path = holder.get("plainTextPath")
    if not raw and path:
        raw = load(path)
    elif not raw:
        rich = holder.get("richTextPath") or ""
        project.skip("rich-text sources without a plain-text version")
        project.problems.append(f"source {name!r}: only rich text ({rich}); not imported")
        return None
    if kind == "txt" and element.get("richTextPath"):
        kind = PurePosixPath(element.get("richTextPath", "")).suffix.lstrip(".").lower() or "txt"
    source = XSource(guid=guid(element.get("guid", "")), name=name, text=normalise(raw),
                     kind=kind, description=text_of(element, "Description"),
                     notes=refs(element, "NoteRef") + (refs(holder, "NoteRef")
                                                        if holder is not element else []),
                     coder=users.get(guid(element.get("creatingUser", "")), ""),
                     created=element.get("creationDateTime", ""))
    for value in children(element, "VariableValue"):
        found = read_value(value, where)
        if found is not None:
            source.values[found[0]] = found[1]
    _read_selections(holder, raw, source, project, users)
    for coding in children(holder, "Coding"):  # a coding of the whole source
        _add_codings([coding], source, 0, len(source.text), "", users, [])
    return source


def _read_selections(holder: Element, raw: str, source: XSource, project: XProject,
                     users: dict[str, str]) -> None:
    selections = children(holder, "PlainTextSelection")
    if not selections:
        return
    spans = [(_int(s.get("startPosition")), _int(s.get("endPosition")), s.get("name", ""))
             for s in selections]
    scheme, maps = choose_scheme(raw, spans, project.origin, source.text)
    omap = maps.get(scheme) or OffsetMap(raw, scheme)
    named = [(a, b, n) for a, b, n in spans if n.strip()]
    fitting = sum(1 for a, b, n in named if _fits(omap, source.text, a, b, n))
    names_are_text = fitting > 0 or not named
    if not names_are_text:
        project.notices.append(f"source {source.name!r}: selection names are not its text; "
                               "positions taken as given")
    if scheme != CODE_POINTS and not (raw.isascii() and "\r" not in raw):
        project.notices.append(f"source {source.name!r}: positions counted as {scheme.label()}")
    for element, (start, end, name) in zip(selections, spans, strict=True):
        a, b = omap.to_index(start), omap.to_index(end, end=True)
        placed = place(source.text, a, b, name if names_are_text else "")
        where = f"source {source.name!r}, selection {start}-{end}"
        if placed.fit is Fit.OUTSIDE:
            project.problems.append(f"{where}: outside the text and its text was not found; "
                                    "not imported")
            continue
        if placed.fit is Fit.MISFIT:
            project.problems.append(f"{where}: the text there is not {name[:40]!r} and it was "
                                    "not found nearby; kept at its position")
        elif placed.fit is Fit.REANCHORED:
            project.notices.append(f"{where}: re-anchored to {placed.start}-{placed.end}")
        codings = children(element, "Coding")
        notes = refs(element, "NoteRef") + _description_note(element, project)
        if not codings and notes:
            source.notes += notes  # an annotation without a code: a memo on the document
            project.notices.append(f"{where}: a note on an uncoded selection became a "
                                   "memo on the document")
        _add_codings(codings, source, placed.start, placed.end, guid(element.get("guid", "")),
                     users, notes, element.get("creatingUser", ""),
                     element.get("creationDateTime", ""))


def _add_codings(codings: list[Element], source: XSource, start: int, end: int, selection: str,
                 users: dict[str, str], notes: list[str], user: str = "",
                 created: str = "") -> None:
    for coding in codings:
        ref = child(coding, "CodeRef")
        if ref is None or not ref.get("targetGUID"):
            raise InputError(source.name, "a Coding has no CodeRef")
        source.codings.append(XCoding(
            guid=guid(coding.get("guid", "")), code=guid(ref.get("targetGUID", "")),
            start=start, end=end,
            coder=users.get(guid(coding.get("creatingUser", "") or user), ""),
            created=coding.get("creationDateTime", "") or created,
            notes=refs(coding, "NoteRef") + notes, selection=selection))


def _description_note(element: Element, project: XProject) -> list[str]:
    """A selection's Description (ATLAS.ti writes quotation comments there) as a note."""
    text = text_of(element, "Description").strip()
    if not text:
        return []
    note = XNote(guid=stable_guid("selection-description", element.get("guid", "")), name="",
                 text=text, created=element.get("creationDateTime", ""))
    project.notes.append(note)
    return [note.guid]


def _fits(omap: OffsetMap, text: str, start: int, end: int, name: str) -> bool:
    a, b = omap.to_index(start), omap.to_index(end, end=True)
    return a is not None and b is not None and a < b and fits(text[a:b], name)


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return -1
