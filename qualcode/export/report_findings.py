"""The findings: a chapter per theme (top-level code), a section per sub-code with something
to say, each with the analyst's finding, memo, a frequency line over the coded cases and the
key quotes with their attribution and locator."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document

from qualcode.analysis.frequencies import Frequency
from qualcode.export import docx_parts
from qualcode.export.report_data import CodeSection, Coverage, Quote
from qualcode.export.report_text import add_text


def frequency_line(freq: Frequency, coded_cases: int, *, with_subcodes: bool) -> str:
    """"Coded 12 times (with its sub-codes) in 5 interviews (5 of 7 coded cases)."."""
    if not freq.segments:
        return "Not coded in any interview."
    times = "once" if freq.segments == 1 else f"{freq.segments} times"
    interviews = "1 interview" if freq.documents == 1 else f"{freq.documents} interviews"
    scope = " (with its sub-codes)" if with_subcodes else ""
    cases = f" ({freq.cases} of {coded_cases} coded cases)" if coded_cases else ""
    return f"Coded {times}{scope} in {interviews}{cases}."


def add_quote(doc: Document, quote: Quote) -> None:
    """The quote in the Quote style, kept with its attribution and locator below it."""
    docx_parts.styled(doc, f"“{quote.text}”", "Quote").paragraph_format.keep_with_next = True
    where = f"{quote.locator}; shortened" if quote.shortened else quote.locator
    line = f"— {quote.attribution}" + (f" · {where}" if where else "")
    docx_parts.styled(doc, line, "Attribution")


def add_section(doc: Document, section: CodeSection, coded_cases: int) -> None:
    # Code definitions are written for coders ("apply it together with..."); the annex gives
    # them, the findings speak for themselves.
    docx_parts.heading(doc, section.code.name, section.depth + 2)
    add_text(doc, section.finding)
    if section.memo:
        add_text(doc, f"Analyst's note: {section.memo}", "Memo")
    docx_parts.small_note(doc, frequency_line(section.total, coded_cases,
                                              with_subcodes=section.subcodes > 0))
    for quote in section.quotes:
        add_quote(doc, quote)


def add_findings(doc: Document, sections: Sequence[CodeSection], coverage: Coverage) -> None:
    if not sections:
        return
    title = docx_parts.heading(doc, "Findings", 1)
    title.paragraph_format.page_break_before = True
    docx_parts.styled(
        doc, "One section per theme of the benchmarking framework that the analysis has "
        "something to say about: the finding, how often the theme was coded (over the "
        f"{coverage.coded_cases} coded cases), and key quotes with where they were said.",
        "Normal")
    for section in sections:
        add_section(doc, section, coverage.coded_cases)
