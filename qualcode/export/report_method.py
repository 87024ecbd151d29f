"""The methodology chapter: the interviews, the codebook, the coding and its coders, and how
machine suggestions were used."""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.shared import Cm

from qualcode.export import docx_parts
from qualcode.export.report_data import Coverage, Methodology, OwnSection
from qualcode.export.report_text import add_text, caption


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


def add_methodology(doc: Document, m: Methodology, *, pseudonymised: bool,
                    own: OwnSection | None = None, coverage: Coverage | None = None) -> None:
    """The method: the consultant's own account first, then the generated facts about the
    sample, the codebook and the coding."""
    docx_parts.heading(doc, own.heading if own else "Method", 1)
    if own is not None:
        add_text(doc, own.text)
    docx_parts.heading(doc, "The interviews", 2)
    docx_parts.styled(doc, corpus_sentence(m), "Normal")
    if pseudonymised:
        docx_parts.styled(
            doc, "The report is pseudonymised: quotes are attributed by case and attributes "
            "only, and the names of the people speaking in the interviews (and any other "
            "names listed for redaction) are replaced by [name] wherever they occur.", "Normal")
    if m.groups:
        caption(doc, "Table", f"Interviews by {m.split_attribute}", above=True)
        docx_parts.table(doc, [m.split_attribute.capitalize(), "Interviews", "Words"],
                         [[g.value, str(g.interviews), f"{g.words:,}"] for g in m.groups],
                         widths=[Cm(8), Cm(3), Cm(3)])
    caption(doc, "Table", "The interviews", above=True)
    width = docx_parts.text_width(doc.sections[-1]).cm
    side = Cm((width - 3.6) / max(len(m.columns), 1))
    docx_parts.table(doc, ["Case", *(c.capitalize() for c in m.columns), "Words"],
                     [[i.case, *(i.attributes.get(c, "") for c in m.columns), f"{i.words:,}"]
                      for i in m.interviews],
                     widths=[Cm(2), *[side] * len(m.columns), Cm(1.6)])
    docx_parts.heading(doc, "The codebook", 2)
    name = f"The codebook ({m.codebook_name})" if m.codebook_name else "The codebook"
    docx_parts.styled(
        doc, f"{name} has {_count(m.codes, 'code')}, {m.top_level_codes} of them at the top "
        "level; the findings follow its order, one section per theme. The annex gives every "
        "code's definition, what it includes and excludes, and an example.", "Normal")
    docx_parts.heading(doc, "Coding", 2)
    coders = ", ".join(f"{name} ({n:,})" for name, n in m.coders) or "nobody yet"
    coded = coverage.phrase if coverage else _count(len(m.interviews), "interview")
    docx_parts.styled(
        doc, f"{_count(m.codings, 'passage')} were coded ({coded}), by {coders}. "
        f"{_count(m.key_quotes, 'passage')} were chosen as key quotes; the quotes in this "
        "report are drawn from them, each with the interview, the speaker turn and, where the "
        "recording gives one, the time it was said.", "Normal")
    docx_parts.styled(doc, suggestion_sentence(m), "Normal")
    if m.agreement:
        docx_parts.styled(doc, m.agreement, "Normal")


def add_limitations(doc: Document, facts: tuple[str, ...], own: OwnSection | None) -> None:
    """Generated facts about coverage and evidence, then the consultant's own text."""
    if not facts and own is None:
        return
    docx_parts.heading(doc, own.heading if own else "Limitations", 1)
    for fact in facts:
        docx_parts.styled(doc, fact, "List Bullet")
    if own is not None:
        add_text(doc, own.text)
