"""The consultant's own sections of the report, case profiles and shortened key quotes.

Each public function that changes the project is one undoable user action.
"""

from __future__ import annotations

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Case, Coding
from qualcode.core.sections import PROFILE, SECTION_KINDS, QuoteEdit, Section, shortening_problem
from qualcode.store import Store
from qualcode.store import sections as tables


def find_kind(ref: str) -> str:
    """A section kind by its name or heading, or a unique prefix of either."""
    wanted = ref.strip().casefold()
    for kind, heading in SECTION_KINDS.items():
        if wanted in (kind, heading.casefold()):
            return kind
    found = [k for k, h in SECTION_KINDS.items()
             if wanted and (k.startswith(wanted) or h.casefold().startswith(wanted))]
    if len(found) == 1:
        return found[0]
    raise QualcodeError(f"no report section {ref!r} (the sections are: "
                        f"{', '.join(SECTION_KINDS)})")


def report_sections(store: Store) -> dict[str, Section]:
    """The report-wide sections with text, by kind."""
    return {s.kind: s for s in tables.sections(store) if s.kind in SECTION_KINDS}


def profiles(store: Store) -> dict[int, Section]:
    """Case profiles (the consultant's text about each organisation), by case id."""
    return {s.case_id: s for s in tables.sections(store) if s.kind == PROFILE}


def set_section(store: Store, kind: str, text: str, *, coder: str,
                title: str | None = None) -> Section | None:
    """Write one of the report's own sections; empty text removes it."""
    if kind not in SECTION_KINDS:
        raise QualcodeError(f"no report section {kind!r}")
    with store.action("report section", detail=SECTION_KINDS[kind], coder=coder):
        tables.set_section(store, kind, text.strip(), coder,
                           title=None if title is None else title.strip())
    return report_sections(store).get(kind)


def set_profile(store: Store, case: Case, text: str, *, coder: str) -> Section | None:
    """Write the profile of a case (an organisation); empty text removes it."""
    with store.action("case profile", detail=case.name, coder=coder):
        tables.set_section(store, PROFILE, text.strip(), coder, case_id=case.id or 0)
    return profiles(store).get(case.id or 0)


def quote_edits(store: Store) -> dict[int, QuoteEdit]:
    return tables.quote_edits(store)


def shorten_quote(store: Store, coding: Coding, text: str, *, coder: str) -> QuoteEdit | None:
    """Give a key quote a shortened form for the report ("" restores the original). Words
    may be left out with an ellipsis and added in [brackets]; the rest must be the
    speaker's, in order."""
    text = " ".join(text.split())
    if text:
        problem = shortening_problem(coding.text, text)
        if problem:
            raise QualcodeError(f"coding {coding.id}: {problem}")
        if text == " ".join(coding.text.split()):
            text = ""
    with store.action("shorten quote", detail=f"coding {coding.id}", coder=coder):
        tables.set_quote_edit(store, coding.id or 0, text, coder)
    return tables.quote_edits(store).get(coding.id or 0)
