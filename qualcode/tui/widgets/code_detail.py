"""What a code means: its path, definition, inclusion and exclusion notes, example, memo."""

from __future__ import annotations

from textual.widgets import Static

from qualcode.core.model import Code
from qualcode.tui.colours import code_heading


class CodeDetail(Static):
    DEFAULT_CSS = """
    CodeDetail { height: auto; max-height: 10; padding: 0 1; }
    """

    def show(self, code: Code | None, path: str = "", memo: str = "") -> None:
        text = code_heading(code, path)
        if code is None:
            self.update(text)
            return
        for title, value in (("Definition", code.definition), ("Include", code.inclusion),
                             ("Exclude", code.exclusion), ("Example", code.example),
                             ("Memo", memo)):
            if value:
                text.append(f"\n{title}: ", style="bold dim")
                text.append(" ".join(value.split()))
        if not (code.definition or code.inclusion or code.exclusion):
            text.append("\nNo definition yet.", style="dim italic")
        self.update(text)
