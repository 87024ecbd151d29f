"""The findings chapters: a chapter per top-level code, a section per sub-code, each with
the analyst's finding, a frequency line and the key quotes."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_BREAK

from qualcode.analysis.frequencies import Frequency
from qualcode.export import docx_parts
from qualcode.export.report_data import CodeSection, Quote

NO_FINDING = "[Finding to be written.]"


def frequency_line(freq: Frequency, total_cases: int, *, with_subcodes: bool) -> str:
    if not freq.segments:
        return "Not coded in any interview."
    times = "once" if freq.segments == 1 else f"{freq.segments} times"
    interviews = "1 interview" if freq.documents == 1 else f"{freq.documents} interviews"
    scope = " (with its sub-codes)" if with_subcodes else ""
    cases = f" ({freq.cases} of {total_cases} cases)" if total_cases else ""
    return f"Coded {times}{scope} in {interviews}{cases}."


def add_quote(doc: Document, quote: Quote) -> None:
    """The quote verbatim in the quote style, its attribution on the line below."""
    paragraph = doc.add_paragraph()
    docx_parts.set_style(paragraph, doc, "Quote")
    docx_parts.add_run(paragraph, f"“{quote.text}”")
    paragraph.add_run().add_break(WD_BREAK.LINE)
    docx_parts.add_run(paragraph, f"— {quote.attribution}", italic=False, size=9)


def add_section(doc: Document, section: CodeSection, total_cases: int) -> None:
    title = docx_parts.heading(doc, section.code.name, section.depth + 1)
    if section.depth == 0:
        title.paragraph_format.page_break_before = True
    if section.code.definition:
        docx_parts.small_note(doc, section.code.definition)
    paragraphs = [p.strip() for p in section.finding.split("\n\n") if p.strip()]
    for text in paragraphs or [NO_FINDING]:
        finding = doc.add_paragraph(text)
        if not paragraphs:
            finding.runs[0].italic = True
    docx_parts.small_note(doc, frequency_line(section.total, total_cases,
                                              with_subcodes=section.subcodes > 0))
    for quote in section.quotes:
        add_quote(doc, quote)


def add_findings(doc: Document, sections: Sequence[CodeSection], total_cases: int) -> None:
    for section in sections:
        add_section(doc, section, total_cases)
