"""The synthesis: per code its finding and key quotes (the Findings view), and the framework
(benchmarking) matrix of cases against chosen codes (the Matrix view, :mod:`.synthesis_matrix`).

Every change goes through qualcode.services.synthesis as one undoable action (ctrl+z); the
screen then shows what the project holds (``reload``, also after undo and redo).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Header,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
    Tabs,
    Tree,
)

from qualcode.core.model import Case, Code, Coding, Document, Turn
from qualcode.core.synthesis import Synthesis
from qualcode.services import attribution
from qualcode.services.codes import code_paths, path_text
from qualcode.services.synthesis import key_quotes, pick_quote, synthesis, unpick_quote
from qualcode.services.synthesis import set_finding as save_finding
from qualcode.store import Store
from qualcode.tui.context import Location, app_of, attempt, focus_now, project_of
from qualcode.tui.describe import excerpt
from qualcode.tui.loading import read_then_show
from qualcode.tui.screens.area import AreaScreen
from qualcode.tui.screens.area_palette import allowed_entries
from qualcode.tui.screens.dialogs import Choose
from qualcode.tui.screens.report_actions import ReportActions
from qualcode.tui.screens.report_sections import SectionActions
from qualcode.tui.screens.synthesis_dialogs import FindingEditor
from qualcode.tui.screens.synthesis_matrix import MATRIX_ACTIONS, MatrixActions
from qualcode.tui.widgets.cell_detail import CellDetail
from qualcode.tui.widgets.finding_panel import FindingPanel
from qualcode.tui.widgets.finding_tree import FindingTree
from qualcode.tui.widgets.key_footer import KeyFooter
from qualcode.tui.widgets.matrix_grid import MatrixGrid
from qualcode.tui.widgets.quote_list import QuoteLine, QuoteList

FINDINGS, MATRIX = "findings", "matrix"
FINDING_ACTIONS = {"edit_finding", "pick", "unpick", "source"}


@dataclass(frozen=True)
class SynthesisRead:
    codes: list[Code]
    cases: list[Case]
    state: Synthesis
    quotes: list[Coding]


def read_synthesis(store: Store) -> SynthesisRead:
    return SynthesisRead(store.codes.all(), store.cases.all(), synthesis(store), key_quotes(store))


class SynthesisScreen(MatrixActions, ReportActions, SectionActions, AreaScreen):
    CSS_PATH = "synthesis.tcss"
    AUTO_FOCUS = "#finding-codes"
    BINDINGS = [
        # Keys that open a dialog are priority bindings, so keys typed right after them
        # reach the dialog (see screens/type_ahead.py). Each view shows only its own keys.
        Binding("e", "edit_finding", "Finding", priority=True,
                tooltip="Write the highlighted code's finding"),
        Binding("p", "pick", "Pick quote", priority=True,
                tooltip="Pick a key quote from the code's codings"),
        Binding("x,delete", "unpick", "Unpick", tooltip="Make the highlighted quote no key quote"),
        Binding("s", "source", "Source", show=False,
                tooltip="Show the highlighted quote in its transcript"),
        Binding("e", "edit_cell", "Edit cell", priority=True,
                tooltip="Edit the cell's summary (from a draft) and rating"),
        *[Binding(str(n), f"rate({n})", f"Rate {n}", show=False) for n in range(10)],
        Binding("D", "define", "Define matrix", priority=True,
                tooltip="Choose the matrix's codes and name its rating scale"),
        Binding("m", f"view('{MATRIX}')", "Matrix", tooltip="Show the benchmarking matrix"),
        Binding("f", f"view('{FINDINGS}')", "Findings",
                tooltip="Show the findings and key quotes per code"),
        Binding("w", "report", "Report", priority=True, tooltip="Write the Word report"),
        Binding("W", "report_sections", "Sections", priority=True,
                tooltip="Write the report's own sections and organisation profiles"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.codes: list[Code] = []
        self.code_by_id: dict[int, Code] = {}
        self.paths: dict[int, str] = {}
        self.cases: list[Case] = []
        self.state = Synthesis()
        self.quotes: dict[int, list[Coding]] = {}  # key quotes by code id

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with TabbedContent(initial=FINDINGS, id="views"):
            with TabPane("Findings", id=FINDINGS), Horizontal():
                yield FindingTree(id="finding-codes")
                with Vertical(id="finding-side"):
                    yield FindingPanel(id="finding")
                    yield QuoteList(id="quotes")
            with TabPane("Matrix", id=MATRIX), Vertical():
                yield Static(id="matrix-scale")
                yield MatrixGrid(id="matrix-grid")
                yield CellDetail(id="cell-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Synthesis"
        self.query_one(Tabs).can_focus = False  # f and m switch views; Tab moves in one
        codes = self.query_one("#finding-codes")
        codes.border_title, codes.border_subtitle = "Codebook", "✎ finding ★ key quotes"
        self.query_one("#finding").border_title = "Finding"
        self.query_one("#quotes").border_title = "Key quotes"
        self.query_one("#matrix-grid").border_title = "Benchmarking matrix"
        self.reload()

    def on_resize(self) -> None:
        self.set_class(self.size.height < 32, "-short")
        self.set_class(self.size.width < 100, "-narrow")

    @property
    def view(self) -> str:
        return self.query_one("#views", TabbedContent).active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in FINDING_ACTIONS:
            return self.view == FINDINGS
        if action in MATRIX_ACTIONS:
            return self.view == MATRIX
        if action == "view":
            return parameters[0] != self.view
        return True

    def action_view(self, view: str) -> None:
        self.query_one("#views", TabbedContent).active = view
        self.focus_view()

    @on(TabbedContent.TabActivated)
    def _view_changed(self) -> None:
        self.refresh_bindings()
        self.focus_view()

    def focus_view(self) -> None:
        self.refresh_bindings()
        if self.view == FINDINGS:
            focus_now(self.query_one(FindingTree))
        else:
            focus_now(self.query_one(MatrixGrid))

    # -- loading from the project ----------------------------------------------------------
    def reload(self) -> None:
        """Read the project in a worker, the codebook, finding and matrix showing a loading
        indicator meanwhile (on opening, undo, redo, ctrl+r)."""
        self.sub_title = f"Synthesis · {project_of(self).path.name}"
        read_then_show(self, [self.query_one(FindingTree), self.query_one(FindingPanel),
                              self.query_one(QuoteList), self.query_one(MatrixGrid)],
                       read_synthesis, self.show)

    def reread(self) -> None:
        """Read at once, after a change made here (the next key acts on it)."""
        self.show(read_synthesis(project_of(self).store))

    def show(self, found: SynthesisRead) -> None:
        self.codes, self.cases, self.state = found.codes, found.cases, found.state
        self.code_by_id = {c.id or 0: c for c in self.codes}
        self.paths = {i: path_text(p) for i, p in code_paths(self.codes).items()}
        self.quotes = {}
        for coding in found.quotes:
            self.quotes.setdefault(coding.code_id, []).append(coding)
        tree = self.query_one(FindingTree)
        tree.show(self.codes, set(self.state.findings),
                  {code_id: len(found) for code_id, found in self.quotes.items()})
        self.show_code(tree.highlighted_code)
        self.show_matrix()

    def show_code(self, code_id: int | None) -> None:
        code = self.code_by_id.get(code_id) if code_id is not None else None
        finding = self.state.findings.get(code_id or 0)
        self.query_one(FindingPanel).show(code, self.paths.get(code_id or 0, ""), finding)
        lines = self.quote_lines(self.quotes.get(code_id or 0, []))
        empty = "" if code is None else \
            "No key quotes yet: p picks one from the code's codings (or mark one with i " \
            "in the workbench)."
        self.query_one(QuoteList).show(lines, empty)

    def quote_lines(self, codings: Iterable[Coding]) -> list[QuoteLine]:
        store = project_of(self).store
        cases = {c.id: c for c in self.cases}
        documents: dict[int, tuple[Document, list[Turn], list[int]]] = {}
        lines = []
        for coding in codings:
            if coding.document_id not in documents:
                turns = store.turns.all(coding.document_id)
                documents[coding.document_id] = (store.documents.get(coding.document_id), turns,
                                                  [t.text_start for t in turns])
            document, turns, starts = documents[coding.document_id]
            at = bisect_right(starts, coding.start) - 1
            turn = turns[at] if at >= 0 else None
            source = " · ".join(p for p in (
                document.name, f"turn {turn.index}" if turn else "",
                turn.speaker if turn and turn.speaker else "") if p)
            lines.append(QuoteLine(coding, attribution.attribution(
                cases.get(document.case_id), document.name), source,
                picked=(coding.id or 0) in self.state.picks))
        return lines

    @on(Tree.NodeHighlighted, "#finding-codes")
    def _code_highlighted(self, event: Tree.NodeHighlighted[int]) -> None:
        self.show_code(event.node.data)

    @on(FindingTree.Edit)
    def _code_chosen(self) -> None:
        self.action_edit_finding()

    # -- findings ----------------------------------------------------------------------------
    def highlighted_code(self) -> Code | None:
        code_id = self.query_one(FindingTree).highlighted_code
        code = self.code_by_id.get(code_id) if code_id is not None else None
        if code is None:
            self.notify("No code highlighted.", severity="warning", timeout=3)
        return code

    def action_edit_finding(self) -> None:
        code = self.highlighted_code()
        if code is None:
            return
        current = self.state.findings.get(code.id or 0)
        before = current.text if current else ""

        def written(text: str | None) -> None:
            if text is None or text.strip() == before:
                return
            store, coder = project_of(self).store, project_of(self).coder
            if attempt(self, lambda: save_finding(store, code, text, coder=coder)) is not None \
                    or not text.strip():
                self.reread()

        context = excerpt(code.definition, 200) if code.definition else ""
        self.app.push_screen(FindingEditor(f"Finding: {self.paths.get(code.id or 0)}",
                                           before, context), written)

    def action_pick(self) -> None:
        code = self.highlighted_code()
        if code is None:
            return
        store = project_of(self).store
        taken = {c.id for c in self.quotes.get(code.id or 0, [])}
        offered = [c for c in store.codings.all(code_ids=[code.id or 0]) if c.id not in taken]
        if not offered:
            self.notify(f"No other codings of {code.name} to pick from.", timeout=4)
            return
        options = []
        for line in self.quote_lines(offered):
            prompt = Text()
            prompt.append(line.attribution, style="bold")
            prompt.append(f" · {line.source}", style="dim")
            prompt.append(f"\n“{excerpt(line.coding.text, 240)}”")
            options.append((str(line.coding.id), prompt))

        def picked(choice: str | None) -> None:
            if choice is None:
                return
            coding = next(c for c in offered if str(c.id) == choice)
            coder = project_of(self).coder
            if attempt(self, lambda: pick_quote(store, coding, coder=coder)):
                self.reread()
                self.query_one(QuoteList).highlight_coding(coding.id)
                self.notify("Key quote picked.", timeout=3)

        self.app.push_screen(Choose(f"Pick a key quote of {code.name}", options), picked)

    def action_unpick(self) -> None:
        coding = self.query_one(QuoteList).highlighted_coding
        if coding is None:
            return
        store, coder = project_of(self).store, project_of(self).coder
        if attempt(self, lambda: unpick_quote(store, coding, coder=coder)):
            self.reread()
            self.notify("No longer a key quote (ctrl+z brings it back).", timeout=3)

    @on(OptionList.OptionSelected, "#quotes")
    def action_source(self) -> None:
        coding = self.query_one(QuoteList).highlighted_coding
        if coding is not None:
            app_of(self).jump_to(Location(coding.document_id, coding.start, coding.end))

    # -- the command palette -----------------------------------------------------------------
    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        yield from allowed_entries(self, self.BINDINGS, skip=("rate",))
        if self.view == MATRIX:
            yield from self.rating_commands()
