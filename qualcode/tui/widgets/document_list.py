"""The documents of the project: case, key attributes and how much of what respondents said
is coded. A click posts OptionList.OptionSelected with the document id as option id."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualcode.core.views import DocumentInfo
from qualcode.tui.describe import fit, share_bar


class DocumentList(OptionList):
    """Enter runs the screen's ``open_highlighted`` action at once (not through a message),
    so keys typed right after it already reach the opened transcript."""

    BINDINGS = [Binding("enter", "screen.open_highlighted", "Open", priority=True)]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[list[DocumentInfo], dict[int, str], int | None] = ([], {}, None)
        self._prompts: list[Text] = []

    @property
    def shown_infos(self) -> list[DocumentInfo]:
        return self._shown[0]

    def show(self, infos: Sequence[DocumentInfo], details: dict[int, str],
             current: int | None) -> None:
        """``details``: a short line (key attributes) per document id; ``current`` is open."""
        opened = current != self._shown[2]  # another document was opened since last time
        self._shown = (list(infos), details, current)
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        region = self.scrollable_content_region.width
        width = region - 1 if region > 0 else 30
        prompts = [_prompt(info, details, current, width) for info in infos]
        ids = [str(info.id) for info in infos]
        if ids and ids == [o.id for o in self.options]:
            # The same documents (e.g. a coverage share moved): relabel what changed in place.
            for index, prompt in enumerate(prompts):
                if prompt != self._prompts[index]:
                    self.replace_option_prompt_at_index(index, prompt)
            self._prompts = prompts
            # A recount leaves the cursor where the user moved it; opening another
            # document (from a search, a jump) moves it there.
            if current is not None and (opened or self.highlighted is None):
                index = ids.index(str(current)) if str(current) in ids else 0
                if self.highlighted != index:
                    self.highlighted = index
            return
        self._prompts = prompts
        self.clear_options()
        options = [Option(prompt, id=id_) for prompt, id_ in zip(prompts, ids, strict=True)]
        self.add_options(options)
        target = str(current) if current is not None else keep
        try:
            self.highlighted = self.get_option_index(target) if target else 0
        except Exception:  # the document is gone (a second process deleted it)
            self.highlighted = 0
        if not options:
            self.highlighted = None

    def on_resize(self, event: events.Resize) -> None:
        infos, details, current = self._shown
        if infos:
            self.show(infos, details, current)

    @property
    def highlighted_document(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id else None


def _prompt(info: DocumentInfo, details: dict[int, str], current: int | None,
            width: int) -> Text:
    """Two lines: case and name (● when open), then coverage and key attributes."""
    prompt = Text(no_wrap=True)
    prompt.append("● " if info.id == current else "  ", style="bold")
    head = fit(f"{info.case_name or '–'} {info.name}", max(8, width - 2))
    case, _, name = head.partition(" ")
    prompt.append(case, style="bold")
    prompt.append(f" {name}")
    second = f"  {share_bar(info.coded_share)} {info.coded_share:4.0%}"
    prompt.append("\n" + second, style="dim")
    if details.get(info.id):
        prompt.append(fit(f" {details[info.id]}", width - len(second)), style="dim italic")
    return prompt
