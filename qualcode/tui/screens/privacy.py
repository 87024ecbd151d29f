"""Privacy: the identifier register, reviewed one identifier at a time in its context.

Left, every identifier with its kind, how often it occurs and what outputs show instead;
right, its occurrences in their sentences (n/p to walk them). Decide with r (replace with its
pseudonym), k (keep), e (generalise, e.g. "a town in Moldova"); R and K decide for every
identifier of the same kind. s scans the documents for new identifiers. Every decision is one
undoable action (ctrl+z).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Label, Static

from qualcode.services import pseudonyms
from qualcode.store.identifiers import Identifier, occurrences
from qualcode.tui.context import attempt, focus_now, project_of
from qualcode.tui.describe import fit
from qualcode.tui.loading import read_then_show
from qualcode.tui.screens.area import AreaScreen
from qualcode.tui.screens.area_palette import allowed_entries
from qualcode.tui.screens.dialogs import Prompt
from qualcode.tui.widgets.key_footer import KeyFooter

CONTEXT = 90  # characters shown either side of an occurrence


class PrivacyScreen(AreaScreen):
    CSS_PATH = "privacy.tcss"
    AUTO_FOCUS = "#privacy-register"
    BINDINGS = [
        Binding("r", "decide('replace')", "Replace", tooltip="Show its pseudonym in outputs"),
        Binding("k", "decide('keep')", "Keep", tooltip="Leave it as it is in outputs"),
        Binding("e", "generalise", "Generalise", tooltip="Show a general wording instead"),
        Binding("R", "decide_kind('replace')", "Replace kind", show=False,
                tooltip="Replace every identifier of this kind"),
        Binding("K", "decide_kind('keep')", "Keep kind", show=False,
                tooltip="Keep every identifier of this kind"),
        Binding("n", "occurrence(1)", "Next place", tooltip="Next occurrence"),
        Binding("p", "occurrence(-1)", "Previous place", show=False),
        Binding("s", "scan", "Scan", tooltip="Find identifiers in every document (no entities)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Identifier] = []
        self.place = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Label("", id="privacy-summary")
        with Vertical(id="privacy-body"):
            yield DataTable(id="privacy-register", cursor_type="row", zebra_stripes=True)
            yield Static("", id="privacy-context")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#privacy-register", DataTable)
        for name, width in (("Kind", 12), ("Identifier", 28), ("Seen", 5), ("Decision", 18),
                            ("Shown as", 22)):
            table.add_column(name, width=width)
        self.reload()

    def reload(self) -> None:
        """Read the register in a worker, the table showing a loading indicator meanwhile
        (on opening, undo, redo, ctrl+r)."""
        self.sub_title = f"Privacy · {project_of(self).path.name}"
        read_then_show(self, [self.query_one("#privacy-register")],
                       pseudonyms.register_entries, self.show)

    def reread(self) -> None:
        """Read the register at once, after a decision made here (the next key acts on it)."""
        self.show(pseudonyms.register_entries(project_of(self).store))

    def show(self, entries: list[Identifier]) -> None:
        self.entries = entries
        table = self.query_one("#privacy-register", DataTable)
        row = table.cursor_row
        table.clear()
        for e in self.entries:
            replaced = pseudonyms.replaces(e)
            decision = e.decision or f"{'replace' if replaced else 'keep'} (default)"
            table.add_row(e.kind, fit(e.text, 28), str(e.occurrences),
                          Text(decision, style="" if e.decision else "italic"),
                          fit(pseudonyms.replacement_of(e) if replaced else e.text, 22))
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1))
        undecided = sum(1 for e in self.entries if e.decision is None)
        self.query_one("#privacy-summary", Label).update(
            f"{len(self.entries)} identifiers, {undecided} not reviewed (people, contacts and "
            "addresses are replaced until you decide)" if self.entries else
            "The register is empty: press s to scan the documents "
            "(qualcode pseudonyms scan also finds people and places named in answers).")
        self.show_context()

    @property
    def current(self) -> Identifier | None:
        row = self.query_one("#privacy-register", DataTable).cursor_row
        return self.entries[row] if 0 <= row < len(self.entries) else None

    @on(DataTable.RowHighlighted, "#privacy-register")
    def _moved(self) -> None:
        self.place = 0
        self.show_context()

    def show_context(self) -> None:
        pane = self.query_one("#privacy-context", Static)
        entry = self.current
        if entry is None:
            pane.update("")
            return
        store = project_of(self).store
        places = occurrences(store, entry.id)
        body = Text()
        body.append(f"{entry.text}", style="bold")
        body.append(f"  ({entry.kind}, {entry.source}; {entry.occurrences} occurrence"
                    f"{'s' if entry.occurrences != 1 else ''} in {entry.documents} "
                    f"document{'s' if entry.documents != 1 else ''})\n\n")
        if places:
            self.place %= len(places)
            _id, doc_id, start, end = places[self.place]
            doc = store.documents.get(doc_id)
            body.append(f"{doc.name}, place {self.place + 1} of {len(places)} (n/p):\n",
                        style="dim")
            body.append("…" + doc.text[max(0, start - CONTEXT):start].replace("\n", " "))
            body.append(doc.text[start:end], style="reverse")
            body.append(doc.text[end:end + CONTEXT].replace("\n", " ") + "…")
        pane.update(body)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("decide", "decide_kind", "generalise", "occurrence"):
            return self.current is not None
        return True

    def action_occurrence(self, step: int) -> None:
        self.place += step
        self.show_context()

    def _decide(self, entries: list[Identifier], decision: str, replacement: str = "") -> None:
        project = project_of(self)
        changed = attempt(self, lambda: pseudonyms.set_decision(
            project.store, entries, decision, coder=project.coder, replacement=replacement))
        if changed is not None:
            self.reread()
            self.notify(f"{decision.capitalize()}: {changed} identifier"
                        f"{'s' if changed != 1 else ''}", timeout=2)

    def action_decide(self, decision: str) -> None:
        if self.current is not None:
            self._decide([self.current], decision)

    def action_decide_kind(self, decision: str) -> None:
        entry = self.current
        if entry is not None:
            self._decide([e for e in self.entries if e.kind == entry.kind], decision)

    def action_generalise(self) -> None:
        entry = self.current
        if entry is None:
            return

        def done(wording: str | None) -> None:
            if wording and wording.strip():
                self._decide([entry], "generalise", wording)

        self.app.push_screen(Prompt(f"Show “{entry.text}” as", entry.replacement,
                                    placeholder="e.g. a town in Moldova"), done)

    def action_scan(self) -> None:
        project = project_of(self)
        report = attempt(self, lambda: pseudonyms.scan(project.store, coder=project.coder,
                                                       entities=False))
        if report is not None:
            self.reread()
            found = sum(report.new.values())
            self.notify(f"Scanned {report.documents} documents: {found} new identifier"
                        f"{'s' if found != 1 else ''}", timeout=3)

    def on_screen_resume(self) -> None:
        focus_now(self.query_one("#privacy-register", DataTable))

    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        return allowed_entries(self, self.BINDINGS)
