"""Word's XML elements that python-docx has no API for, built in one place: fields,
bookmarks, the table of contents' runs, shading, run formatting and flags."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement


def element(tag: str, attributes: dict[str, str] | None = None,
            text: str | None = None) -> BaseOxmlElement:
    """``<tag>`` (e.g. "w:fldChar") with attributes by prefixed name and, if given, text."""
    made = OxmlElement(tag)
    for name, value in (attributes or {}).items():
        made.set(qn(name), value)
    if text is not None:
        made.text = text
    return made


def valued(tag: str, value: str) -> BaseOxmlElement:
    """``<tag w:val="value">``: most of Word's properties and flags."""
    return element(tag, {"w:val": value})


def run_of(child: BaseOxmlElement) -> BaseOxmlElement:
    """A run (``w:r``) holding ``child``."""
    run = OxmlElement("w:r")
    run.append(child)
    return run


def field_char(kind: str) -> BaseOxmlElement:
    """A field's "begin", "separate" or "end" mark (each in a run of its own)."""
    return element("w:fldChar", {"w:fldCharType": kind})


def field_instruction(instruction: str) -> BaseOxmlElement:
    """A field's instruction (PAGE, TOC ...), with spaces around it as Word writes it."""
    return element("w:instrText", {"xml:space": "preserve"}, f" {instruction} ")


def shading(fill: str) -> BaseOxmlElement:
    """A plain background of colour ``fill`` (hex), for a cell or a table style."""
    return element("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill})
