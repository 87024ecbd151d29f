"""Code suggestions in the workbench's transcript: show the open document's pending ones, and
accept (y) or reject (u) the one under the selection, or accept all above a confidence (Y).
The footer offers y and u while the selection is on a suggestion.

Each acceptance or rejection is one service call (one undoable action); an accepted suggestion
is a coding like any other, with its origin recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from qualcode.core.spans import overlaps
from qualcode.core.suggestions import CodeSuggestion
from qualcode.core.wording import plural
from qualcode.services import suggest
from qualcode.tui.context import attempt, project_of
from qualcode.tui.screens.dialogs import Prompt
from qualcode.tui.widgets.transcript_paint import SUGGESTED

if TYPE_CHECKING:
    from qualcode.tui.screens.hosts import WorkbenchHost

    Base = WorkbenchHost
else:
    Base = object

DEFAULT_ABOVE = "0.8"


def parse_confidence(text: str) -> float | None:
    """A confidence typed by the user: 0.8, .8 or 80 (%)."""
    try:
        value = float(text.strip().rstrip("%"))
    except ValueError:
        return None
    if 1 < value <= 100:
        value /= 100
    return value if 0 <= value <= 1 else None


class SuggestionActions(Base):
    def show_suggestions(self) -> None:
        """Show the open document's pending code suggestions in the transcript."""
        doc = self.document
        found = [] if doc is None else suggest.list_suggestions(project_of(self).store,
                                                                document_id=doc.id)
        self.transcript.set_suggestions(found)

    def suggestions_here(self) -> list[CodeSuggestion]:
        sel = self.transcript.selection
        if sel is None:
            return []
        return [s for s in self.transcript.suggestions if overlaps((s.start, s.end), sel.span)]

    def suggestion_status(self) -> str | None:
        """What the transcript's border says about a suggestion under the selection."""
        here = self.suggestions_here()
        if not here:
            return None
        best = max(here, key=lambda s: s.confidence)
        code = self.code_by_id.get(best.code_id)
        more = f" +{len(here) - 1}" if len(here) > 1 else ""
        return f"{SUGGESTED} {code.name if code else '?'}? {best.confidence:.2f}{more}"

    def show_suggestion_keys(self, shown: bool) -> None:
        """The footer offers y and u on a suggestion only (refreshed when that changes)."""
        if shown != getattr(self, "_suggestion_keys", False):
            self._suggestion_keys = shown
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept_suggestion", "reject_suggestion"):
            return bool(self.suggestions_here())
        return super().check_action(action, parameters)

    def with_suggestion(self, title: str, then: Callable[[CodeSuggestion], None]) -> None:
        here = self.suggestions_here()
        if not here:
            return
        ranked = sorted(here, key=lambda s: -s.confidence)
        self.choose_span(title, ranked, "{item.confidence:.2f}  ", then)

    def action_accept_suggestion(self) -> None:
        def accept(s: CodeSuggestion) -> None:
            project = project_of(self)
            coding = attempt(self, lambda: suggest.accept_suggestion(
                project.store, s.id or 0, coder=project.coder))
            if coding is not None:
                self.show_suggestions()
                self.coding_changed(coding.id or 0)
                self.update_status()
                self.notify(f"Accepted: {self.paths.get(s.code_id, '?')} (ctrl+z undoes)",
                            timeout=3)

        self.with_suggestion("Accept which suggestion?", accept)

    def action_reject_suggestion(self) -> None:
        def reject(s: CodeSuggestion) -> None:
            project = project_of(self)
            if attempt(self, lambda: suggest.reject_suggestion(
                    project.store, s.id or 0, coder=project.coder)) is not None:
                self.show_suggestions()
                self.update_status()
                self.notify(f"Rejected: {self.paths.get(s.code_id, '?')} here (remembered)",
                            timeout=3)

        self.with_suggestion("Reject which suggestion?", reject)

    def action_accept_suggestions_above(self) -> None:
        doc = self.document
        if doc is None or not self.transcript.suggestions:
            self.notify("No pending code suggestions in this document (f3 finds some).",
                        severity="warning")
            return

        def accept(answer: str | None) -> None:
            if answer is None:
                return
            confidence = parse_confidence(answer)
            if confidence is None:
                self.notify(f"Not a confidence between 0 and 1: {answer!r}", severity="error")
                return
            project = project_of(self)
            done = attempt(self, lambda: suggest.accept_above(
                project.store, confidence, coder=project.coder, document_id=doc.id))
            if done is not None:
                self.show_suggestions()
                self.reload_codings(done[0].id if done else None)
                self.update_status()
                self.notify(f"Accepted {plural(len(done), 'suggestion')} at or above "
                            f"{confidence:g} (ctrl+z undoes them all)", timeout=4)

        count = len(self.transcript.suggestions)
        self.app.push_screen(Prompt(
            f"Accept every suggestion in {doc.name} at or above confidence "
            f"({count} pending)", DEFAULT_ABOVE, "a number from 0 to 1"), accept)

    def action_next_suggestion(self, step: int) -> None:
        """Select the next (or previous) pending suggestion's passage."""
        sel = self.transcript.selection
        found = self.transcript.suggestions
        if not found:
            self.notify("No pending code suggestions in this document.", severity="warning")
            return
        here = (sel.start, sel.end) if sel is not None else (-1, -1)
        if step > 0:
            later = [s for s in found if (s.start, s.end) > here]
            target = later[0] if later else None
        else:
            earlier = [s for s in found if (s.start, s.end) < here]
            target = earlier[-1] if earlier else None
        if target is not None:
            self.transcript.select_span(target.start, target.end)
