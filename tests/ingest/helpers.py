"""Shared checks and tiny document builders for the ingest tests."""

from __future__ import annotations

from pathlib import Path

from qualcode.core.model import Turn

Runs = list[tuple[str, bool]]  # (text, bold) runs of one paragraph


def assert_tiles(text: str, turns: list[Turn]) -> None:
    """The turn invariants every reader promises."""
    assert turns, "a non-empty text has at least one turn"
    assert turns[0].start == 0
    assert turns[-1].end == len(text)
    for i, turn in enumerate(turns):
        assert turn.index == i
        assert turn.start <= turn.text_start <= turn.text_end <= turn.end
        said = text[turn.text_start : turn.text_end]
        assert said == said.strip()
        if i + 1 < len(turns):
            assert turn.end == turns[i + 1].start
            assert turn.start < turn.end


def said(text: str, turn: Turn) -> str:
    return text[turn.text_start : turn.text_end]


def speakers(turns: list[Turn]) -> list[str | None]:
    return [turn.speaker for turn in turns]


def write_docx(path: Path, paragraphs: list[Runs], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold or None
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.save(str(path))
    return path


def write_odt(path: Path, paragraphs: list[Runs]) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import P, Span

    document = OpenDocumentText()
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    for runs in paragraphs:
        paragraph = P()
        for text, is_bold in runs:
            if is_bold:
                paragraph.addElement(Span(stylename=bold, text=text))
            else:
                paragraph.addText(text)
        document.text.addElement(paragraph)
    document.save(str(path))
    return path
