"""A code's finding: the analyst's synthesis text, or a hint how to write one."""

from __future__ import annotations

from textual.widgets import Static

from qualcode.core.model import Code
from qualcode.core.synthesis import Finding
from qualcode.tui.colours import code_heading


class FindingPanel(Static):
    def show(self, code: Code | None, path: str = "", finding: Finding | None = None) -> None:
        text = code_heading(code, path)
        if code is None:
            self.update(text)
            return
        text.append("\n")
        if finding is not None and finding.text:
            text.append(finding.text)
            if finding.coder:  # no time: the screens show no times, paths or ids
                text.append(f"\n— {finding.coder}", style="dim italic")
        else:
            text.append("No finding yet: e writes one.", style="dim italic")
        self.update(text)
