"""Prose in the report: the consultant's own sections, findings and profiles as paragraphs
and bullet points in named styles, and numbered captions for tables and figures."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from docx.document import Document
from docx.text.paragraph import Paragraph

from qualcode.export import docx_parts
from qualcode.export.report_data import OwnSection

BULLET = ("- ", "* ", "• ")
_COUNTERS: WeakKeyDictionary[object, dict[str, int]] = WeakKeyDictionary()


def add_text(doc: Document, text: str, style_name: str = "Normal") -> int:
    """Paragraphs (separated by blank lines) in ``style_name``; a line that starts with "- "
    starts a bullet point ("List Bullet"), and the lines after it, up to the next bullet or
    blank line, continue it. Returns the number of paragraphs written."""
    written = 0
    for block in (b.strip() for b in text.replace("\r\n", "\n").split("\n\n")):
        if not block:
            continue
        for kind, words in _pieces(block.split("\n")):
            docx_parts.styled(doc, words, "List Bullet" if kind == "bullet" else style_name)
            written += 1
    return written


def _pieces(lines: list[str]) -> list[tuple[str, str]]:
    """("text" | "bullet", words) for one block of lines."""
    found: list[tuple[str, list[str]]] = []
    for line in (raw.strip() for raw in lines):
        if line.startswith(BULLET):
            found.append(("bullet", [line[2:].strip()]))
        elif found:
            found[-1][1].append(line)
        else:
            found.append(("text", [line]))
    return [(kind, " ".join(w for w in words if w)) for kind, words in found]


def add_own(doc: Document, section: OwnSection | None, *, level: int = 1,
            new_page: bool = False) -> bool:
    """One of the consultant's sections under its heading; nothing when it is empty."""
    if section is None or not section.text.strip():
        return False
    title = docx_parts.heading(doc, section.heading, level)
    title.paragraph_format.page_break_before = new_page
    add_text(doc, section.text)
    return True


def caption(doc: Document, kind: str, text: str, *, above: bool) -> Paragraph:
    """"Table 3. text" in the Caption style, numbered by a SEQ field (Word renumbers it; the
    number written here is right as it stands). A caption above a table stays with it."""
    counters = _COUNTERS.setdefault(doc.part, {})
    counters[kind] = counters.get(kind, 0) + 1
    paragraph = docx_parts.styled(doc, "", "Table Caption" if kind == "Table" else "Caption")
    paragraph.add_run(f"{kind} ")
    docx_parts.add_field(paragraph, f"SEQ {kind} \\* ARABIC", str(counters[kind]))
    paragraph.add_run(f". {text}")
    paragraph.paragraph_format.keep_with_next = above
    return paragraph
