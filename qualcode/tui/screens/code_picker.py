"""The fuzzy code picker: type to filter, recent codes first, Enter picks, and a new code can
be named on the spot ("Parent > Child" puts it under an existing code)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from qualcode.core.model import Code
from qualcode.tui.colours import SWATCH, code_colour
from qualcode.tui.screens.type_ahead import TypeAhead

NEW = "new"
TOP = "top"
CUTOFF = 83  # fuzzy matches below this are noise


@dataclass(frozen=True)
class Picked:
    code_id: int | None = None  # an existing code
    new_name: str | None = None  # a code to create first
    top_level: bool = False  # the "(top level)" choice, when moving a code


def score(query: str, name: str, path: str) -> float:
    """How well ``query`` (lower case) names a code: words typed in the name beat words in
    the path, which beat every word somewhere, which beat a typo-tolerant fuzzy match."""
    name, path = name.lower(), path.lower()
    if query in name:
        at = name.index(query)
        return 300 - at + (20 if at == 0 or not name[at - 1].isalnum() else 0)
    if query in path:
        return 200
    if all(word in path for word in query.split()):
        return 150
    fuzzy = fuzz.partial_ratio(query, name)  # a typo: "stering", "donr"
    return fuzzy if fuzzy >= CUTOFF else 0


def rank(query: str, codes: Sequence[Code], paths: dict[int, str],
         recent: Sequence[int]) -> list[Code]:
    """Codes matching ``query`` best first (recent ones first when nothing is typed)."""
    by_id = {c.id: c for c in codes}
    if not query.strip():
        first = [by_id[i] for i in recent if i in by_id]
        return first + [c for c in codes if c.id not in recent]
    wanted = query.strip().lower()
    scored = []
    for order, code in enumerate(codes):
        found = score(wanted, code.name, paths.get(code.id or 0, code.name))
        if code.shortcut and code.shortcut == wanted:
            found += 500
        if found and code.id in recent:
            found += 10
        if found:
            scored.append((-found, order, code))
    return [code for *_, code in sorted(scored, key=lambda s: (s[0], s[1]))]


class CodePicker(TypeAhead[Picked | None], ModalScreen[Picked | None]):
    TYPE_AHEAD = "#picker-query"
    CSS_PATH = "modals.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("ctrl+n", "new", "New code"),
    ]

    def __init__(self, title: str, codes: Sequence[Code], paths: dict[int, str],
                 recent: Sequence[int] = (), *, allow_new: bool = True,
                 top_level: bool = False, exclude: Sequence[int] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.codes = [c for c in codes if c.id not in set(exclude)]
        self.paths = paths
        self.recent = list(recent)
        self.allow_new = allow_new
        self.top_level = top_level
        self._listed: tuple[object, ...] | None = None  # what the options show now

    def reopen(self, title: str, codes: Sequence[Code], paths: dict[int, str],
               recent: Sequence[int] = ()) -> None:
        """Ready for another selection: the workbench keeps one picker, since building its
        widgets took most of the time it took to open. The list is rebuilt only if it
        changed."""
        self.title_text, self.codes, self.paths, self.recent = \
            title, list(codes), paths, list(recent)
        if self.is_mounted:
            self.query_one(".title", Label).update(title)
            self.query_one("#picker-query", Input).value = ""
            self.refill("")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label(self.title_text, classes="title")
            yield Input(placeholder="type to filter codes…", id="picker-query")
            yield OptionList(id="picker-options")
            hint = "↑↓ choose · Enter pick · Esc cancel"
            # ctrl+n makes a top-level code unless the name says where: "Parent > Name".
            yield Label(hint + (" · ctrl+n new code (“Parent > Name” puts it under Parent)"
                                if self.allow_new else ""), classes="hint")

    def on_mount(self) -> None:
        self.refill("")

    @on(Input.Changed, "#picker-query")
    def _changed(self, event: Input.Changed) -> None:
        self.refill(event.value)

    def refill(self, query: str) -> None:
        options = self.query_one("#picker-options", OptionList)
        listed = (query, tuple(self.codes), tuple(self.recent), tuple(self.paths.items()))
        if listed == self._listed:  # the same list as shown: keep its rendered lines
            options.highlighted = 0 if options.option_count else None
            return
        self._listed = listed
        options.clear_options()
        found: list[Option] = []
        if self.top_level and not query.strip():
            found.append(Option(Text("(top level: no parent)", style="italic"), id=TOP))
        for code in rank(query, self.codes, self.paths, self.recent):
            prompt = Text()
            prompt.append(f"{SWATCH} ", style=code_colour(code))
            prompt.append(self.paths.get(code.id or 0, code.name))
            if code.shortcut:
                prompt.append(f"  [{code.shortcut}]", style="bold dim")
            if code.id in self.recent and not query.strip():
                prompt.append("  recent", style="dim italic")
            found.append(Option(prompt, id=str(code.id)))
        name = query.strip()
        exact = any(self.paths.get(c.id or 0, "").lower() == name.lower()
                    or c.name.lower() == name.lower() for c in self.codes)
        if self.allow_new and name and not exact:
            found.append(Option(Text(f"+ New code “{name}”", style="bold"), id=NEW))
        options.add_options(found)
        if found:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one("#picker-options", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_new(self) -> None:
        name = self.query_one("#picker-query", Input).value.strip()
        if self.allow_new and name:
            self.dismiss(Picked(new_name=name))

    @on(Input.Submitted, "#picker-query")
    def _submitted(self) -> None:
        options = self.query_one("#picker-options", OptionList)
        self._pick(options.highlighted_option)

    @on(OptionList.OptionSelected, "#picker-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option)

    def _pick(self, option: Option | None) -> None:
        if option is None or option.id is None:
            return
        if option.id == NEW:
            self.action_new()
        elif option.id == TOP:
            self.dismiss(Picked(top_level=True))
        else:
            self.dismiss(Picked(code_id=int(option.id)))
