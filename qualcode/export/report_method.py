"""The methodology chapter: the interviews, the codebook, the coding and its coders, and how
machine suggestions were used."""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.shared import Cm

from qualcode.export import docx_parts
from qualcode.export.report_data import Methodology


def long_date(iso: str) -> str:
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def corpus_sentence(m: Methodology) -> str:
    n = len(m.interviews)
    text = (f"The analysis draws on {_count(n, 'interview')} with {_count(m.cases, 'case')} "
            f"({m.words:,} words in all")
    text += f", {round(m.words / n):,} on average)" if n else ")"
    if m.first_date and m.last_date and m.first_date != m.last_date:
        text += f", held between {long_date(m.first_date)} and {long_date(m.last_date)}"
    elif m.first_date:
        text += f", held on {long_date(m.first_date)}"
    return text + "."


def suggestion_sentence(m: Methodology) -> str:
    if not m.suggested:
        return ("Every coding was made by hand: no machine suggestions were accepted.")
    share = 100 * m.suggested / m.codings if m.codings else 0
    return (f"{_count(m.suggested, 'coding')} of {m.codings:,} ({share:.0f}%) began as "
            "suggestions from qualcode's offline text analysis (themes found across the "
            "interviews and codes proposed for uncoded passages); a coder reviewed and "
            "accepted each one. The rest were coded by hand.")


def add_methodology(doc: Document, m: Methodology, *, pseudonymised: bool) -> None:
    docx_parts.heading(doc, "Methodology", 1).paragraph_format.page_break_before = True
    docx_parts.heading(doc, "The interviews", 2)
    doc.add_paragraph(corpus_sentence(m))
    if pseudonymised:
        doc.add_paragraph(
            "The report is pseudonymised: quotes are attributed by case and attributes only, "
            "and the names of the people speaking in the interviews (and any other names "
            "listed for redaction) are replaced by [name] wherever they occur.")
    if m.groups:
        docx_parts.styled(doc, f"Interviews by {m.split_attribute}:", "Caption")
        docx_parts.table(doc, [m.split_attribute.capitalize(), "Interviews", "Words"],
                         [[g.value, str(g.interviews), f"{g.words:,}"] for g in m.groups],
                         widths=[Cm(8), Cm(3), Cm(3)])
    docx_parts.styled(doc, "The interviews:", "Caption")
    width = docx_parts.text_width(doc.sections[-1]).cm
    side = Cm((width - 3.6) / max(len(m.columns), 1))
    docx_parts.table(doc, ["Case", *(c.capitalize() for c in m.columns), "Words"],
                     [[i.case, *(i.attributes.get(c, "") for c in m.columns), f"{i.words:,}"]
                      for i in m.interviews], font_size=8,
                     widths=[Cm(2), *[side] * len(m.columns), Cm(1.6)])
    docx_parts.heading(doc, "The codebook", 2)
    name = f"The codebook ({m.codebook_name})" if m.codebook_name else "The codebook"
    doc.add_paragraph(
        f"{name} has {_count(m.codes, 'code')}, {m.top_level_codes} of them at the top level; "
        "the findings below follow its order, one chapter per top-level code. Appendix A "
        "gives every code's definition, what it includes and excludes, and an example.")
    if m.codebook_description:
        doc.add_paragraph(m.codebook_description)
    docx_parts.heading(doc, "Coding", 2)
    coders = ", ".join(f"{name} ({n:,})" for name, n in m.coders) or "nobody yet"
    doc.add_paragraph(
        f"{_count(m.codings, 'passage')} were coded in {m.coded_documents} of "
        f"{_count(len(m.interviews), 'interview')}, by {coders}. "
        f"{_count(m.key_quotes, 'passage')} were chosen as key quotes; the quotes in this "
        "report are drawn from them.")
    docx_parts.heading(doc, "Use of machine suggestions", 2)
    doc.add_paragraph(suggestion_sentence(m))
