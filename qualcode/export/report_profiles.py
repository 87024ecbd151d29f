"""A profile per case (organisation): its attributes, the consultant's text, its ratings on
the benchmarking matrix, and the memos on its interviews."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document

from qualcode.export import docx_parts
from qualcode.export.report_data import Profile
from qualcode.export.report_text import add_text


def add_profiles(doc: Document, profiles: Sequence[Profile], *, memos: bool) -> None:
    if not profiles:
        return
    docx_parts.heading(doc, "Organisation profiles", 1).paragraph_format.page_break_before = True
    docx_parts.styled(
        doc, "Each organisation rated in the benchmarking matrix or described by the "
        "consultant: what it is, how it works, and how it was rated.", "Normal")
    for profile in profiles:
        docx_parts.heading(doc, profile.title, 2)
        facts = [value if name.casefold() in {"country or region", "country", "region"}
                 else f"{name}: {value}" for name, value in profile.attributes]
        if facts:
            docx_parts.small_note(doc, f"{profile.case} · " + "; ".join(facts))
        if profile.text:
            add_text(doc, profile.text)
        if profile.ratings:
            docx_parts.small_note(doc, "Ratings: " + "; ".join(
                f"{criterion}: {rating}" for criterion, rating in profile.ratings) + ".")
        if memos:
            for memo in profile.memos:
                add_text(doc, f"Analyst's note: {memo}", "Memo")
