"""Pending code suggestions, most confident first: the code, its confidence and how often it
was right in cross-validation, the document and the words that drove it, then the passage."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualcode.core.model import Code
from qualcode.core.suggestions import CodeSuggestion, Evaluation
from qualcode.tui.colours import SWATCH, code_colour
from qualcode.tui.describe import excerpt

PASSAGE_SHOWN = 400  # characters of the passage; Enter shows all of it in the transcript


def figure_text(evaluation: Evaluation | None, code_id: int, score: float | None = None) -> str:
    """ "right 7 of 10 times offered (at this score or higher) in cross-validation", or why
    there is no such figure."""
    figure = evaluation.figure(code_id) if evaluation is not None else None
    if figure is None:
        return "not cross-validated yet" if evaluation is None else "not in the last evaluation"
    return figure.sentence(score)


class SuggestionList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.suggestions: list[CodeSuggestion] = []

    @property
    def highlighted_suggestion(self) -> CodeSuggestion | None:
        index = self.highlighted
        return self.suggestions[index] if index is not None and self.suggestions else None

    def show(self, suggestions: Sequence[CodeSuggestion], codes: dict[int, Code],
             paths: dict[int, str], documents: dict[int, str],
             evaluation: Evaluation | None) -> None:
        keep = self.highlighted
        self.suggestions = list(suggestions)
        self.clear_options()
        options: list[Option | None] = []
        for s in self.suggestions:
            code = codes.get(s.code_id)
            prompt = Text()
            prompt.append(f"{SWATCH} ", style=code_colour(code) if code else "")
            prompt.append(paths.get(s.code_id, "?"), style="bold")
            prompt.append(f"  {s.confidence:.2f}", style="bold")
            prompt.append(f" · {figure_text(evaluation, s.code_id, s.score)}", style="dim")
            prompt.append(f"\n{documents.get(s.document_id, '?')}", style="dim")
            if s.evidence:
                prompt.append(" · words: ", style="dim")
                prompt.append(", ".join(s.evidence), style="italic")
            if s.method == "similarity":
                prompt.append(" (by its definition)", style="dim")
            prompt.append(f"\n“{excerpt(s.text, PASSAGE_SHOWN)}”")
            options += [None] if options else []  # a rule between suggestions
            options.append(Option(prompt, id=str(s.id)))
        self.add_options(options)
        if self.suggestions:
            self.highlighted = min(keep or 0, len(self.suggestions) - 1)
