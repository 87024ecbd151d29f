"""Analysis: code frequencies (segments, documents, cases), overall or split by a case
attribute, and code co-occurrence (overlapping codings, shared turns), as tables.

The figures are counted in a worker thread on its own connection to the project (a large
project must not freeze the screen) and counted again on reload (ctrl+r, undo, redo).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Label, Select, TabbedContent, TabPane, Tabs

from qualcode.analysis.frequencies import AttributeSplit, Frequency
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code
from qualcode.services import analysis
from qualcode.services.codes import code_paths
from qualcode.store import Store
from qualcode.tui.context import focus_now, project_of
from qualcode.tui.screens.area import AreaScreen
from qualcode.tui.screens.area_palette import allowed_entries
from qualcode.tui.screens.report_actions import ReportActions
from qualcode.tui.widgets.cooccurrence_table import CooccurrenceTable, PairRow
from qualcode.tui.widgets.frequency_table import MEASURES, FrequencyTable
from qualcode.tui.widgets.key_footer import KeyFooter

FREQUENCIES, COOCCURRENCE = "frequencies", "cooccurrence"
PAIR_ORDERS = ("overlapping", "same turn")


@dataclass(frozen=True)
class Figures:
    """Everything the screen shows, counted in one go."""

    codes: list[Code] = field(default_factory=list)
    depth: dict[int, int] = field(default_factory=dict)
    totals: dict[int, Frequency] = field(default_factory=dict)
    split: AttributeSplit | None = None
    pairs: list[PairRow] = field(default_factory=list)


def count(store: Store, attribute: str, rollup: bool) -> Figures:
    codes = store.codes.all()
    paths = code_paths(codes)
    overlapping = analysis.cooccurrence(store)
    same_turn = analysis.cooccurrence(store, same_turn=True)
    pairs = [PairRow(tuple(paths[a]), tuple(paths[b]), overlapping.get((a, b), 0),
                     same_turn.get((a, b), 0))
             for a, b in set(overlapping) | set(same_turn) if a in paths and b in paths]
    return Figures(codes=codes, depth={i: len(p) - 1 for i, p in paths.items()},
                   totals=analysis.frequencies(store, rollup=rollup),
                   split=analysis.frequencies_by(store, attribute, rollup=rollup)
                   if attribute else None,
                   pairs=pairs)


class AnalysisScreen(ReportActions, AreaScreen):
    CSS_PATH = "analysis.tcss"
    AUTO_FOCUS = "#frequency-table"
    BINDINGS = [
        Binding("a", "split", "Split by", tooltip="Split the frequencies by a case attribute"),
        Binding("n", "next_measure", "Count",
                tooltip="Count segments, documents or cases in each group"),
        Binding("u", "toggle_rollup", "Roll up",
                tooltip="Count sub-codes' codings under their parents too (or not)"),
        Binding("t", "sort_pairs", "Sort", tooltip="Sort pairs by overlapping codings or turns"),
        Binding("o", f"view('{COOCCURRENCE}')", "Co-occurrence",
                tooltip="Show the code co-occurrence table"),
        Binding("f", f"view('{FREQUENCIES}')", "Frequencies",
                tooltip="Show the code frequencies table"),
        Binding("w", "report", "Report", priority=True, tooltip="Write the Word report"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.measure = "cases"
        self.rollup = False
        self.pair_order = PAIR_ORDERS[0]
        self.figures = Figures()

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="analysis-bar"):
            yield Label("Split by", id="analysis-split-label")
            yield Select([], prompt="(no split)", id="analysis-split", compact=True)
            yield Label("", id="analysis-status")
        with TabbedContent(initial=FREQUENCIES, id="analysis-views"):
            with TabPane("Frequencies", id=FREQUENCIES):
                yield FrequencyTable(id="frequency-table")
            with TabPane("Co-occurrence", id=COOCCURRENCE):
                yield CooccurrenceTable(id="cooccurrence-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False  # f and o switch tables
        names = list(project_of(self).store.attributes.types())
        self.query_one("#analysis-split", Select).set_options([(n, n) for n in names])
        self.reload()

    # -- what to count ---------------------------------------------------------------------
    @property
    def attribute(self) -> str:
        value = self.query_one("#analysis-split", Select).value
        return value if isinstance(value, str) else ""

    @property
    def view(self) -> str:
        return self.query_one("#analysis-views", TabbedContent).active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("split", "next_measure", "toggle_rollup"):
            return self.view == FREQUENCIES and (action != "next_measure" or
                                                 bool(self.attribute))
        if action == "sort_pairs":
            return self.view == COOCCURRENCE
        if action == "view":
            return parameters[0] != self.view
        return True

    def action_view(self, view: str) -> None:
        self.query_one("#analysis-views", TabbedContent).active = view

    @on(TabbedContent.TabActivated)
    def _view_changed(self) -> None:
        self.refresh_bindings()
        self.update_status()
        table = FrequencyTable if self.view == FREQUENCIES else CooccurrenceTable
        focus_now(self.query_one(table))

    def action_split(self) -> None:
        select = self.query_one("#analysis-split", Select)
        focus_now(select)
        select.action_show_overlay()

    @on(Select.Changed, "#analysis-split")
    def _split_changed(self) -> None:
        self.refresh_bindings()
        self.reload()
        focus_now(self.query_one(FrequencyTable))

    def action_next_measure(self) -> None:
        self.measure = MEASURES[(MEASURES.index(self.measure) + 1) % len(MEASURES)]
        self.show_figures(self.figures)

    def action_toggle_rollup(self) -> None:
        self.rollup = not self.rollup
        self.reload()

    def action_sort_pairs(self) -> None:
        self.pair_order = PAIR_ORDERS[1 - PAIR_ORDERS.index(self.pair_order)]
        self.show_figures(self.figures)

    # -- counting and showing ---------------------------------------------------------------
    def reload(self) -> None:
        self.sub_title = f"Analysis · {project_of(self).path.name}"
        self.query_one("#analysis-status", Label).update("counting…")
        self.gather(project_of(self).path, self.attribute, self.rollup)

    @work(thread=True, exclusive=True, group="analysis")
    def gather(self, path: Path, attribute: str, rollup: bool) -> None:
        try:
            with Store.open(path) as store:
                found = count(store, attribute, rollup)
        except QualcodeError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error", timeout=6)
            return
        self.app.call_from_thread(self.show_figures, found)

    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        self.query_one(FrequencyTable).show(figures.codes, figures.depth, figures.totals,
                                            figures.split, self.measure)
        first = 2 if self.pair_order == PAIR_ORDERS[0] else 3
        key = (lambda r: (-r.overlapping, -r.same_turn, r.first, r.second)) if first == 2 \
            else (lambda r: (-r.same_turn, -r.overlapping, r.first, r.second))
        self.query_one(CooccurrenceTable).show(sorted(figures.pairs, key=key))
        self.update_status()

    def update_status(self) -> None:
        if self.view == FREQUENCIES:
            parts = [f"counting {self.measure} per group (n: change)" if self.figures.split
                     else "segments, documents and cases per code",
                     "sub-codes rolled up into parents" if self.rollup else "each code alone"]
        else:
            parts = [f"{len(self.figures.pairs)} pairs of codes",
                     f"sorted by {self.pair_order} (t: change)"]
        self.query_one("#analysis-status", Label).update(" · ".join(parts))

    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        return allowed_entries(self, self.BINDINGS)
