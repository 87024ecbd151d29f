"""OpenDocument text (.odt): content.xml parsed with defusedxml (no DTDs, no entities)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from qualcode.core.archive import DOCUMENT_LIMITS, open_zip
from qualcode.core.errors import InputError
from qualcode.core.model import ParsedTranscript
from qualcode.ingest.decode import EMPTY
from qualcode.ingest.paragraphs import Paragraph, Run, join_paragraphs
from qualcode.ingest.rules import SpeakerRules

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_P, _H, _SPAN, _S, _TAB, _BR = map(
    _q, ("text:p", "text:h", "text:span", "text:s", "text:tab", "text:line-break")
)
_STYLE_NAME = _q("text:style-name")
# Content that is not part of the running text: footnotes, comments, change records, frames.
_SKIPPED = frozenset(
    map(
        _q,
        (
            "text:note",
            "office:annotation",
            "text:tracked-changes",
            "text:sequence-decls",
            "text:variable-decls",
            "text:user-field-decls",
            "office:forms",
            "draw:frame",
            "draw:custom-shape",
        ),
    )
)
_ODT_MIMETYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)
_MAX_SPACES = 1_000  # <text:s text:c="..."> is a count; do not trust a huge one
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def read(data: bytes, path: Path, rules: SpeakerRules) -> ParsedTranscript:
    content, styles_xml = _open_package(data, path)
    styles = _Styles()
    for xml, part in ((styles_xml, "styles.xml"), (content, "content.xml")):
        if xml is not None:
            styles.add(_parse(xml, part, path))
    root = _parse(content, "content.xml", path)
    body = root.find("office:body/office:text", _NS)
    if body is None:
        raise InputError(path, "not an OpenDocument text file (content.xml has no text body)")
    paragraphs = list(_paragraphs(body, styles))
    text, turns = join_paragraphs(paragraphs, rules)
    if not text.strip():
        raise InputError(path, EMPTY)
    return ParsedTranscript(text=text, turns=turns, format="odt", encoding="utf-8")


def _open_package(data: bytes, path: Path) -> tuple[bytes, bytes | None]:
    # Sizes, ratios and names are checked before anything is inflated.
    with open_zip(data, name=str(path), limits=DOCUMENT_LIMITS, kind=".odt file") as package:
        names = set(package.names())
        if "mimetype" in names:
            mimetype = package.read("mimetype").decode("ascii", "replace").strip()
            if mimetype not in _ODT_MIMETYPES:
                raise InputError(path, f"not an OpenDocument text file (mimetype {mimetype})")
        if "content.xml" not in names:
            raise InputError(path, "not a valid .odt file (no content.xml)")
        content = package.read("content.xml")
        styles = package.read("styles.xml") if "styles.xml" in names else None
    return content, styles


def _parse(xml: bytes, part: str, path: Path) -> Element:
    try:
        return fromstring(xml, forbid_dtd=True)
    except DefusedXmlException:
        raise InputError(
            path, f"refused: {part} declares a DTD or XML entities (unsafe XML)"
        ) from None
    except ParseError as err:
        raise InputError(path, f"not a valid .odt file ({part}: {err})") from None


class _Styles:
    """Named styles and whether they make text bold, following parent styles."""

    def __init__(self) -> None:
        self._styles: dict[tuple[str, str], tuple[str | None, bool | None]] = {}

    def add(self, root: Element) -> None:
        for style in root.iter(_q("style:style")):
            name = style.get(_q("style:name"))
            family = style.get(_q("style:family"), "")
            if name is None:
                continue
            props = style.find("style:text-properties", _NS)
            weight = props.get(_q("fo:font-weight")) if props is not None else None
            self._styles[(family, name)] = (style.get(_q("style:parent-style-name")), _bold(weight))

    def bold(self, name: str | None, family: str) -> bool | None:
        seen = set()
        while name is not None and name not in seen:
            seen.add(name)
            parent, bold = self._styles.get((family, name), (None, None))
            if bold is not None:
                return bold
            name = parent
        return None


def _bold(weight: str | None) -> bool | None:
    if weight is None:
        return None
    if weight.isdigit():
        return int(weight) >= 600
    return weight == "bold"


def _paragraphs(element: Element, styles: _Styles) -> Iterator[Paragraph]:
    for child in element:
        if child.tag in (_P, _H):
            runs: list[Run] = []
            bold = styles.bold(child.get(_STYLE_NAME), "paragraph") or False
            _inline(child, bold, styles, runs)
            yield Paragraph(tuple(runs))
        elif child.tag not in _SKIPPED:
            yield from _paragraphs(child, styles)  # lists, sections, tables, cells


def _inline(element: Element, bold: bool, styles: _Styles, runs: list[Run]) -> None:
    if element.text:
        runs.append(Run(_XML_SPACE.sub(" ", element.text), bold))
    for child in element:
        if child.tag == _S:
            count = child.get(_q("text:c"), "1")
            runs.append(Run(" " * min(int(count) if count.isdigit() else 1, _MAX_SPACES), bold))
        elif child.tag == _TAB:
            runs.append(Run("\t", bold))
        elif child.tag == _BR:
            runs.append(Run("\n", bold))
        elif child.tag == _SPAN:
            span_bold = styles.bold(child.get(_STYLE_NAME), "text")
            _inline(child, bold if span_bold is None else span_bold, styles, runs)
        elif child.tag not in _SKIPPED:
            _inline(child, bold, styles, runs)  # links, fields, bookmarks
        if child.tail:
            runs.append(Run(_XML_SPACE.sub(" ", child.tail), bold))
