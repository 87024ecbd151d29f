"""Retrieval: every segment of a code across the documents, with its context, case and
attributes, filtered by an attribute; Enter jumps back to the segment in its transcript."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Select
from textual.widgets.option_list import Option

from qualcode.core.model import Code
from qualcode.core.wording import plural
from qualcode.services.codes import code_paths, path_text
from qualcode.services.retrieval import Segment, attribute_values, code_segments
from qualcode.store import Store
from qualcode.tui.colours import SWATCH, code_colour, highlight
from qualcode.tui.context import Location, focus_now, project_of
from qualcode.tui.describe import KEY_ATTRIBUTES_SETTING, key_attribute_names
from qualcode.tui.screens.code_picker import CodePicker, Picked
from qualcode.tui.widgets.key_footer import KeyFooter


class RetrievalScreen(Screen[Location | None]):
    CSS_PATH = "retrieval.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back", tooltip="Back to the workbench"),
        Binding("c", "choose_code", "Choose code", tooltip="Choose the code to retrieve"),
        Binding("s", "toggle_subcodes", "Sub-codes",
                tooltip="Include or leave out the segments of sub-codes"),
        Binding("a", "focus_filter", "Filter by attribute",
                tooltip="Keep only cases with an attribute value"),
    ]

    def __init__(self, code_id: int | None = None) -> None:
        super().__init__()
        self.code_id = code_id
        self.include_subcodes = True
        self.segments: list[Segment] = []
        self.codes: list[Code] = []
        self.paths: dict[int, str] = {}
        self.values: dict[str, list[str]] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="retrieval-bar"):
            yield Label("", id="retrieval-code")
            yield Select([], prompt="attribute", id="retrieval-attribute", compact=True)
            yield Select([], prompt="value", id="retrieval-value", compact=True)
        yield OptionList(id="retrieval-segments")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Retrieval"
        store = project_of(self).store
        self.codes = store.codes.all()
        self.paths = {i: path_text(p) for i, p in code_paths(self.codes).items()}
        self.values = attribute_values(store)
        self.query_one("#retrieval-attribute", Select).set_options(
            [(name, name) for name in self.values])
        if self.code_id is None and self.codes:
            self.code_id = self.codes[0].id
        self.reload()
        self.query_one("#retrieval-segments").focus()

    def reload(self) -> None:
        """Gather the segments in a worker thread (on its own connection): a code used
        across many long documents must not freeze the screen."""
        label = self.query_one("#retrieval-code", Label)
        code = next((c for c in self.codes if c.id == self.code_id), None)
        if code is None:
            label.update("No code chosen (c to choose one).")
            self.show_segments([], [])
            return
        title = Text()
        title.append(f"{SWATCH} ", style=code_colour(code))
        title.append(self.paths.get(code.id or 0, code.name), style="bold")
        title.append("  with sub-codes" if self.include_subcodes else "  this code only",
                     style="dim")
        label.update(title)
        self.query_one("#retrieval-segments").border_title = "gathering segments…"
        self.gather(project_of(self).path, code.id or 0, self.include_subcodes, self.where())

    @work(thread=True, exclusive=True, group="retrieval")
    def gather(self, path: Path, code_id: int, subcodes: bool, where: dict[str, str]) -> None:
        with Store.open(path) as store:
            segments = code_segments(store, code_id, include_subcodes=subcodes, where=where)
            names = key_attribute_names(store.cases.all(), store.attributes.types(),
                                        store.settings.get(KEY_ATTRIBUTES_SETTING))
        self.app.call_from_thread(self.show_segments, segments, names)

    def show_segments(self, found: list[Segment], key_names: list[str]) -> None:
        self.segments = found
        segments = self.query_one("#retrieval-segments", OptionList)
        segments.clear_options()
        by_id = {c.id: c for c in self.codes}
        background = segments.background_colors[1]
        options: list[Option | None] = []
        for i, segment in enumerate(found):
            options += [None] if options else []  # a rule between segments
            options.append(Option(self.describe(segment, key_names, by_id, background),
                                  id=str(i)))
        segments.add_options(options)
        if found:
            segments.highlighted = 0
        shown = " · ".join(f"{k} = {v}" for k, v in self.where().items())
        segments.border_title = plural(len(found), "segment") + (f" where {shown}" if shown else "")

    def describe(self, segment: Segment, key_names: list[str], by_id: dict[int | None, Code],
                 background: Color) -> Text:
        coding = segment.coding
        text = Text()
        text.append(f"{segment.case_name or '–'} · {segment.document_name}", style="bold")
        if segment.turn_index is not None:
            text.append(f" · turn {segment.turn_index}", style="dim")
        if segment.speaker:
            text.append(f" · {segment.speaker}", style="dim")
        if coding.important:
            text.append(" ★", style="bold")
        if coding.code_id != self.code_id:  # a sub-code's segment
            text.append(f" · {segment.code_path}", style="italic dim")
        attrs = [f"{n}: {segment.attributes[n]}" for n in key_names if n in segment.attributes]
        if attrs:
            text.append("\n" + " · ".join(attrs), style="dim italic")
        code = by_id.get(coding.code_id)
        marked = highlight(code_colour(code), background) if code else Style()
        text.append("\n")
        text.append(" ".join(segment.before.split()) + " ", style="dim")
        text.append(" ".join(coding.text.split()), style=marked)
        text.append(" " + " ".join(segment.after.split()), style="dim")
        if coding.memo:
            text.append(f"\n✎ {' '.join(coding.memo.split())}", style="italic")
        return text

    def where(self) -> dict[str, str]:
        name = self.query_one("#retrieval-attribute", Select).value
        value = self.query_one("#retrieval-value", Select).value
        if isinstance(name, str) and isinstance(value, str):
            return {name: value}
        return {}

    @on(Select.Changed, "#retrieval-attribute")
    def _attribute_changed(self, event: Select.Changed) -> None:
        values = self.values.get(event.value, []) if isinstance(event.value, str) else []
        self.query_one("#retrieval-value", Select).set_options([(v, v) for v in values])
        self.reload()

    @on(Select.Changed, "#retrieval-value")
    def _value_changed(self) -> None:
        self.reload()

    def action_focus_filter(self) -> None:
        focus_now(self.query_one("#retrieval-attribute", Select))

    def action_toggle_subcodes(self) -> None:
        self.include_subcodes = not self.include_subcodes
        self.reload()

    def action_choose_code(self) -> None:
        def picked(choice: Picked | None) -> None:
            if choice is not None and choice.code_id is not None:
                self.code_id = choice.code_id
                self.reload()

        self.app.push_screen(CodePicker("Retrieve the segments of…", self.codes, self.paths,
                                        allow_new=False), picked)

    @on(OptionList.OptionSelected, "#retrieval-segments")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        coding = self.segments[int(event.option.id or 0)].coding
        self.dismiss(Location(coding.document_id, coding.start, coding.end))
