"""Parsing other tools' XML safely, and small helpers for REFI-QDA elements.

Every parse goes through defusedxml (no entities, no DTDs, no external references), and every
failure is one line naming the file or member and the line.
"""

from __future__ import annotations

import re
import uuid
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from qualcode.codebook import normalise_colour
from qualcode.core.errors import InputError

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

_RGB = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$",
                  re.IGNORECASE)
_HEX8 = re.compile(r"^#?([0-9a-fA-F]{8})$")


def parse(data: bytes, where: str, namespace: str, root: str) -> Element:
    """The root element of ``data``; it must be ``root`` in ``namespace``."""
    try:
        element = fromstring(data)
    except DefusedXmlException as err:
        raise InputError(where, "refused: the XML declares entities or a DTD "
                                f"({type(err).__name__})") from None
    except ParseError as err:
        line = err.position[0] if getattr(err, "position", None) else None
        raise InputError(where, f"malformed XML ({_reason(err)})", line=line) from None
    expected = f"{{{namespace}}}{root}"
    if element.tag != expected:
        found = element.tag.replace("{", "").replace("}", " ")
        raise InputError(where, f"not a REFI-QDA file: the root element is {found!r}, "
                                f"expected {root!r} in namespace {namespace!r}")
    return element


def _reason(err: ParseError) -> str:
    text = str(err)
    return text.split(":", 1)[0] if ": line" in text else text


def tag(element: Element) -> str:
    """The element's name without its namespace."""
    return element.tag.rsplit("}", 1)[-1]


def children(element: Element, name: str) -> list[Element]:
    return [c for c in element if tag(c) == name]


def child(element: Element, name: str) -> Element | None:
    for c in element:
        if tag(c) == name:
            return c
    return None


def text_of(element: Element, name: str) -> str:
    found = child(element, name)
    return (found.text or "") if found is not None else ""


def refs(element: Element, name: str) -> list[str]:
    """The target GUIDs of ``name`` children (NoteRef, CodeRef, SourceRef ...)."""
    return [guid(c.get("targetGUID", "")) for c in children(element, name) if c.get("targetGUID")]


def guid(value: str) -> str:
    """A GUID as qualcode keeps it: lower case, no braces."""
    return value.strip().strip("{}").lower()


def valid_guid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def colour(value: str | None) -> str:
    """A colour as "#rrggbb" from "#rgb", "#rrggbb", "#aarrggbb" (alpha first, as Qt and
    .NET tools write it), "rgb(r, g, b)" or "rgba(...)"; "" when absent or unreadable."""
    if not value:
        return ""
    value = value.strip()
    match = _RGB.match(value)
    if match:
        parts = [min(255, int(p)) for p in match.groups()]
        return "#" + "".join(f"{p:02x}" for p in parts)
    match = _HEX8.match(value)
    if match:
        return "#" + match.group(1)[2:].lower()
    return normalise_colour(value if value.startswith("#") or not _is_hex(value)
                            else "#" + value) or ""


def _is_hex(value: str) -> bool:
    return bool(re.fullmatch(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{6}", value))
