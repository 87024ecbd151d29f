"""Word .docx: body paragraphs and tables in order, bold speaker labels (python-docx)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run as WordRun

from qualcode.core.archive import DOCUMENT_LIMITS, open_zip
from qualcode.core.errors import InputError
from qualcode.core.model import ParsedTranscript
from qualcode.ingest.decode import EMPTY
from qualcode.ingest.paragraphs import Paragraph, Run, join_paragraphs
from qualcode.ingest.rules import SpeakerRules


def read(data: bytes, path: Path, rules: SpeakerRules) -> ParsedTranscript:
    # Check the archive (sizes, ratios, names) before python-docx inflates any of it.
    open_zip(data, name=str(path), limits=DOCUMENT_LIMITS, kind=".docx file").close()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises many kinds (zip, XML, package errors)
        raise InputError(path, f"not a valid .docx file ({_reason(err)})") from None
    paragraphs = [_paragraph(p) for p in _body_paragraphs(document)]
    text, turns = join_paragraphs(paragraphs, rules)
    if not text.strip():
        raise InputError(path, EMPTY)
    return ParsedTranscript(text=text, turns=turns, format="docx", encoding="utf-8")


def _reason(err: Exception) -> str:
    message = str(err).strip() or type(err).__name__
    return message if len(message) <= 80 else message[:77] + "..."


def _body_paragraphs(document: WordDocument) -> Iterator[WordParagraph]:
    yield from _paragraphs_in(document.iter_inner_content())


def _paragraphs_in(blocks: Iterable[WordParagraph | Table]) -> Iterator[WordParagraph]:
    for block in blocks:
        if isinstance(block, Table):
            yield from _table_paragraphs(block)
        else:
            yield block


def _table_paragraphs(table: Table) -> Iterator[WordParagraph]:
    seen: set[object] = set()  # cell elements (kept alive here, so identity is stable)
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is listed once per grid cell it spans
                continue
            seen.add(cell._tc)
            yield from _paragraphs_in(cell.iter_inner_content())


def _paragraph(paragraph: WordParagraph) -> Paragraph:
    runs: list[Run] = []
    for item in paragraph.iter_inner_content():
        word_runs = [item] if isinstance(item, WordRun) else item.runs  # hyperlink -> runs
        runs.extend(Run(run.text, _is_bold(run, paragraph)) for run in word_runs)
    return Paragraph(tuple(runs))


def _is_bold(run: WordRun, paragraph: WordParagraph) -> bool:
    """Direct formatting first, then the run's character style, then the paragraph style."""
    if run.bold is not None:
        return run.bold
    for style in (run.style, paragraph.style):
        while style is not None:
            bold = style.font.bold
            if bold is not None:
                return bold
            style = style.base_style
    return False
