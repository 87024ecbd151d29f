"""Team: how far two coders agree, and a walk through their disagreements.

The top table gives percent agreement, Cohen's kappa and Krippendorff's alpha per code on the
chosen unit; below, each open disagreement with its text and both coders' codings side by side.
A decision (1: the first coder's, 2: the second's, b: both, x: neither) becomes the consensus
coder's codings in one undoable action, and the figures are counted again at once, including
how far the consensus now agrees with each coder.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Label, Static

from qualcode.analysis.agreement import UNITS, Agreement
from qualcode.analysis.disagreements import Disagreement
from qualcode.core.codetree import PATH_SEPARATOR
from qualcode.services import resolve as team
from qualcode.tui.context import Location, app_of, attempt, focus_now, project_of
from qualcode.tui.describe import fit
from qualcode.tui.loading import read_then_show
from qualcode.tui.screens.area import AreaScreen
from qualcode.tui.screens.area_palette import allowed_entries
from qualcode.tui.screens.team_figures import TeamFigures, count, figure
from qualcode.tui.widgets.key_footer import KeyFooter

TABLE_UNITS = tuple(u for u in UNITS if u != "segment")
CODE_WIDTH = 26


class TeamScreen(AreaScreen):
    CSS_PATH = "team.tcss"
    AUTO_FOCUS = "#team-disagreements"
    BINDINGS = [
        Binding("1", "take('first')", "Take first", tooltip="Keep the first coder's codings"),
        Binding("2", "take('second')", "Take second",
                tooltip="Keep the second coder's codings"),
        Binding("b", "take('both')", "Both", tooltip="Keep both coders' codings"),
        Binding("x", "take('neither')", "Neither", tooltip="Keep no coding here"),
        Binding("u", "next_unit", "Unit", tooltip="Compare characters, sentences, turns or "
                                                  "documents"),
        Binding("o", "open_place", "Open", tooltip="Show this place in the workbench"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.unit = "character"
        self.coders: tuple[str, str] | None = None
        self.items: list[Disagreement] = []
        self.figures = TeamFigures()

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Label("", id="team-summary")
        with Horizontal(id="team-body"):
            yield DataTable(id="team-agreement", cursor_type="row", zebra_stripes=True)
            with Vertical(id="team-walk"):
                yield DataTable(id="team-disagreements", cursor_type="row")
                yield Static("", id="team-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#team-agreement", DataTable)
        table.add_column("Code", width=CODE_WIDTH)
        for name, width in (("Coded", 7), ("Agree", 6), ("κ", 5), ("α", 5)):
            table.add_column(Text(name, justify="right"), width=width)
        walk = self.query_one("#team-disagreements", DataTable)
        walk.add_column("#", width=3)
        walk.add_column("Document", width=18)
        walk.add_column("Kind", width=17)
        walk.add_column("Codes")
        self.reload()

    # -- counting ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Count again in a worker (agreement over every coding takes a while), the tables
        showing a loading indicator meanwhile (on opening, undo, redo, ctrl+r)."""
        self.sub_title = f"Team · {project_of(self).path.name}"
        unit = self.unit
        read_then_show(self, [self.query_one("#team-agreement"),
                              self.query_one("#team-disagreements")],
                       lambda store: count(store, unit), self.show)

    def recount(self) -> None:
        """Count again at once, after a decision made here (the next key acts on it)."""
        self.show(count(project_of(self).store, self.unit))

    def show(self, found: TeamFigures) -> None:
        self.coders, self.items, self.figures = found.coders, found.items, found
        self.query_one("#team-summary", Label).update(found.summary)
        if found.overall is None:
            self.query_one("#team-agreement", DataTable).clear()
            self.query_one("#team-disagreements", DataTable).clear()
            self.query_one("#team-detail", Static).update("")
            return
        self.show_agreement(found.per_code, found.overall)
        self.show_disagreements()

    def show_agreement(self, rows: list[tuple[str, Agreement]], overall: Agreement) -> None:
        table = self.query_one("#team-agreement", DataTable)
        table.clear()
        for name, a in [*rows, ("All codes (pooled)", overall)]:
            coded = sum(v for k, v in a.counts.items() if k != "neither")
            if a.units == 0 or (coded == 0 and a.code_id):
                continue  # a code neither coder used says nothing about agreement
            parts = name.split(PATH_SEPARATOR)
            label = fit("  " * (len(parts) - 1) + parts[-1], CODE_WIDTH)
            table.add_row(Text(label, style="bold" if a.code_id is None else ""),
                          Text(str(coded), justify="right"),
                          Text(figure(a.percent, True), justify="right"),
                          Text(figure(a.kappa), justify="right"),
                          Text(figure(a.alpha), justify="right"))

    def show_disagreements(self) -> None:
        table = self.query_one("#team-disagreements", DataTable)
        row = table.cursor_row
        table.clear()
        names, codes = self.figures.documents, self.figures.codes
        assert self.coders is not None
        for index, item in enumerate(self.items, 1):
            used = sorted({codes.get(s.code_id, "?") for s in item.first + item.second})
            table.add_row(str(index), fit(names.get(item.document_id, "?"), 18),
                          self._kind(item), Text(", ".join(used), overflow="ellipsis",
                                                 no_wrap=True))
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))
        self.show_detail()

    def _kind(self, item: Disagreement) -> str:
        assert self.coders is not None
        first, second = self.coders
        return item.kind.replace("first", first).replace("second", second)

    # -- the current disagreement ----------------------------------------------------------
    @property
    def current(self) -> Disagreement | None:
        row = self.query_one("#team-disagreements", DataTable).cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    @on(DataTable.RowHighlighted, "#team-disagreements")
    def show_detail(self) -> None:
        detail = self.query_one("#team-detail", Static)
        item = self.current
        if item is None or self.coders is None:
            detail.update("No open disagreements." if self.coders else "")
            return
        store = project_of(self).store
        text = store.documents.get(item.document_id).text
        codes = self.figures.codes
        body = Text()
        body.append(f"{self._kind(item)}\n", style="bold")
        body.append(text[item.start:item.end].strip() + "\n\n", style="italic")
        for coder, spans in zip(self.coders, (item.first, item.second), strict=True):
            body.append(f"{coder}: ", style="bold")
            if not spans:
                body.append("(did not code this)\n", style="dim")
            for s in spans:
                words = text[s.start:s.end].split()
                extent = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
                body.append(f"{codes.get(s.code_id, '?')} ", style="bold")
                body.append(f"on “{extent}”\n")
        detail.update(body)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take", "open_place"):
            return self.current is not None
        if action == "next_unit":
            return self.coders is not None
        return True

    def action_take(self, decision: str) -> None:
        item = self.current
        if item is None or self.coders is None:
            return
        first, second = self.coders
        project = project_of(self)
        made = attempt(self, lambda: team.resolve(project.store, item, decision, first=first,
                                                  second=second, coder=project.coder))
        if made is None:
            return
        self.recount()
        who = {"first": first, "second": second, "both": "both coders",
               "neither": "no coding"}[decision]
        self.notify(f"Resolved with {who}: {made} consensus coding{'s' if made != 1 else ''}",
                    timeout=2)

    def action_next_unit(self) -> None:
        self.unit = TABLE_UNITS[(TABLE_UNITS.index(self.unit) + 1) % len(TABLE_UNITS)]
        self.recount()

    def action_open_place(self) -> None:
        item = self.current
        if item is not None:
            app_of(self).jump_to(Location(item.document_id, item.start, item.end))

    def on_screen_resume(self) -> None:
        focus_now(self.query_one("#team-disagreements", DataTable))

    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        return allowed_entries(self, self.BINDINGS)
