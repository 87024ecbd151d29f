"""Writing the report's own sections from a screen: choose a section (executive summary,
background, method, limitations, conclusions, recommendations, the free section, or an
organisation's profile), then write it in a text area; each save is one undoable action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from qualcode.core.sections import SECTION_KINDS
from qualcode.services import sections as service
from qualcode.tui.context import attempt, project_of
from qualcode.tui.screens.dialogs import Choose
from qualcode.tui.screens.memo_editor import MemoEditor

if TYPE_CHECKING:
    from textual.screen import Screen

    from qualcode.store import Store

    Base = Screen[None]
else:
    Base = object

PROFILE_PREFIX = "profile:"


class SectionEditor(MemoEditor):
    """One of the report's sections: ctrl+s saves (an empty section is left out)."""

    FIELD = "section-text"
    NOUN = "section"
    TYPE_AHEAD = "#section-text"
    CSS_PATH = ["modals.tcss", "synthesis_dialogs.tcss"]


def section_options(store: Store) -> list[tuple[str, Text]]:
    """(id, label) of every section, with how many words each has."""
    own = service.report_sections(store)
    profiles = service.profiles(store)

    def label(title: str, text: str) -> Text:
        words = len(text.split())
        return Text.assemble(title, (f"  {words} words" if words else "  empty", "dim"))

    found = [(kind, label(own[kind].heading if kind in own else heading,
                          own[kind].text if kind in own else ""))
             for kind, heading in SECTION_KINDS.items()]
    for case in store.cases.all():
        text = profiles[case.id].text if case.id in profiles else ""
        found.append((f"{PROFILE_PREFIX}{case.id}", label(f"Profile: {case.name}", text)))
    return found


class SectionActions(Base):
    def action_report_sections(self) -> None:
        store = project_of(self).store
        self.app.push_screen(Choose("Write a section of the report", section_options(store)),
                             self._edit_section)

    def _edit_section(self, choice: str | None) -> None:
        if choice is None:
            return
        project = project_of(self)
        store, coder = project.store, project.coder
        if choice.startswith(PROFILE_PREFIX):
            case = store.cases.get(int(choice.removeprefix(PROFILE_PREFIX)))
            current = service.profiles(store).get(case.id or 0)
            title = f"Profile: {case.name}"

            def save(text: str) -> object:
                return service.set_profile(store, case, text, coder=coder)
        else:
            current = service.report_sections(store).get(choice)
            title = current.heading if current else SECTION_KINDS[choice]

            def save(text: str) -> object:
                return service.set_section(store, choice, text, coder=coder)

        before = current.text if current else ""

        def written(text: str | None) -> None:
            if text is None or text.strip() == before:
                return
            if attempt(self, lambda: save(text)) is not None or not text.strip():
                self.notify(f"{title}: saved" if text.strip() else f"{title}: removed",
                            timeout=3)

        hint = "Blank line between paragraphs; lines starting “- ” are bullet points."
        self.app.push_screen(SectionEditor(title, before, hint), written)
