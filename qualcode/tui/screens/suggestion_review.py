"""Reviewing suggestions on the Suggestions screen: accept a theme as a new code (named, and
placed under a parent or at the top level), merge it into an existing code, reject it; accept
or reject code suggestions one by one or above a confidence. Each is one service call (one
undoable action); the screen then shows what the project holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from qualcode.core.suggestions import Passage, Theme, ThemeStatus
from qualcode.core.wording import plural
from qualcode.services import suggest
from qualcode.services.suggest_review import coded_members
from qualcode.tui.context import attempt, project_of
from qualcode.tui.screens.code_picker import CodePicker, Picked
from qualcode.tui.screens.dialogs import Prompt
from qualcode.tui.screens.suggestion_actions import DEFAULT_ABOVE, parse_confidence
from qualcode.tui.screens.theme_review import ThemeReview
from qualcode.tui.widgets.suggestion_list import SuggestionList

if TYPE_CHECKING:
    from qualcode.tui.screens.hosts import SuggestionsHost

    Base = SuggestionsHost
else:
    Base = object


class SuggestionReview(Base):
    # -- reviewing themes ----------------------------------------------------------------------
    def open_theme(self) -> Theme | None:
        theme = self.theme
        if theme is None:
            self.notify("No theme chosen (f finds themes).", severity="warning")
        elif theme.status is not ThemeStatus.OPEN:
            self.notify(f"{theme.ref} is already {theme.status.value} (ctrl+z undoes that).",
                        severity="warning")
        else:
            return theme
        return None

    def review_theme(self, theme: Theme, verb: str,
                     then: Callable[[list[Passage]], None]) -> None:
        """First the passages, to untick those that do not belong; then ``then`` the rest."""
        store = project_of(self).store
        texts = [suggest.passage_text(store, m) for m in theme.members]

        def reviewed(kept: list[Passage] | None) -> None:
            if kept:
                then(kept)

        self.app.push_screen(ThemeReview(
            f"{verb} {theme.ref} “{theme.label}”: the passages to code", theme.members, texts,
            self.documents, coded_members(store, theme)), reviewed)

    def action_accept_theme(self) -> None:
        theme = self.open_theme()
        if theme is None:
            return

        def reviewed(kept: list[Passage]) -> None:
            def named(name: str | None) -> None:
                if name is None or not name.strip():
                    return
                self.app.push_screen(CodePicker(
                    f"Put “{name.strip()}” under… (first line: top level)", self.codes,
                    self.paths, allow_new=False, top_level=True),
                    lambda picked: self.accept_theme(theme, name.strip(), picked, kept))

            self.app.push_screen(Prompt(f"Accept {theme.ref} as a new code named",
                                        theme.label), named)

        self.review_theme(theme, "Accept", reviewed)

    def accept_theme(self, theme: Theme, name: str, picked: Picked | None,
                     kept: list[Passage] | None = None) -> None:
        if picked is None:
            return
        parent = self.code_by_id.get(picked.code_id or 0)
        project = project_of(self)
        code = attempt(self, lambda: suggest.accept_theme_as_code(
            project.store, theme.id or 0, coder=project.coder, name=name, parent=parent,
            members=kept))
        if code is not None:
            self.reload()
            count = len(kept) if kept is not None else theme.size
            self.notify(f"New code {self.paths.get(code.id or 0, code.name)}: "
                        f"{plural(count, 'passage')} coded (ctrl+z undoes)", timeout=4)

    def action_merge_theme(self) -> None:
        theme = self.open_theme()
        if theme is None:
            return

        def reviewed(kept: list[Passage]) -> None:
            def picked(choice: Picked | None) -> None:
                code = self.code_by_id.get(choice.code_id or 0) if choice else None
                if code is None:
                    return
                project = project_of(self)
                added = attempt(self, lambda: suggest.merge_theme_into_code(
                    project.store, theme.id or 0, code, coder=project.coder, members=kept))
                if added is not None:
                    self.reload()
                    self.notify(f"{theme.ref} merged into {self.paths.get(code.id or 0)}: "
                                f"{plural(added, 'coding')} added (ctrl+z undoes)", timeout=4)

            self.app.push_screen(CodePicker(f"Merge {theme.ref} “{theme.label}” into…",
                                            self.codes, self.paths, allow_new=False), picked)

        self.review_theme(theme, "Merge", reviewed)

    def action_reject_theme(self) -> None:
        theme = self.open_theme()
        project = project_of(self)
        if theme is not None and attempt(self, lambda: suggest.reject_theme(
                project.store, theme.id or 0, coder=project.coder)) is not None:
            self.reload()
            self.notify(f"{theme.ref} rejected (remembered in later runs)", timeout=3)

    # -- reviewing code suggestions ------------------------------------------------------------
    def action_accept_suggestion(self) -> None:
        s = self.query_one(SuggestionList).highlighted_suggestion
        project = project_of(self)
        if s is not None and attempt(self, lambda: suggest.accept_suggestion(
                project.store, s.id or 0, coder=project.coder)) is not None:
            self.reload()
            self.notify(f"Accepted: {self.paths.get(s.code_id, '?')} (ctrl+z undoes)",
                        timeout=3)

    def action_reject_suggestion(self) -> None:
        s = self.query_one(SuggestionList).highlighted_suggestion
        project = project_of(self)
        if s is not None and attempt(self, lambda: suggest.reject_suggestion(
                project.store, s.id or 0, coder=project.coder)) is not None:
            self.reload()
            self.notify(f"Rejected: {self.paths.get(s.code_id, '?')} there (remembered)",
                        timeout=3)

    def action_accept_above(self) -> None:
        pending = self.query_one(SuggestionList).suggestions
        if not pending:
            self.notify("No pending code suggestions.", severity="warning")
            return

        def accept(answer: str | None) -> None:
            confidence = parse_confidence(answer) if answer is not None else None
            if answer is not None and confidence is None:
                self.notify(f"Not a confidence between 0 and 1: {answer!r}", severity="error")
            if confidence is None:
                return
            project = project_of(self)
            done = attempt(self, lambda: suggest.accept_above(
                project.store, confidence, coder=project.coder))
            if done is not None:
                self.reload()
                self.notify(f"Accepted {plural(len(done), 'suggestion')} at or above "
                            f"{confidence:g} (ctrl+z undoes them all)", timeout=4)

        self.app.push_screen(Prompt(
            f"Accept every pending suggestion ({len(pending)}, all documents) at or above "
            "confidence", DEFAULT_ABOVE, "a number from 0 to 1"), accept)
