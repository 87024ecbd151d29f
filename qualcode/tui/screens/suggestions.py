"""Suggestions: themes found in what respondents said, to accept as new codes, merge into
existing codes or reject; and code suggestions for uncoded passages, to accept or reject one
by one or above a confidence, each beside how often its code was right in cross-validation.

Finding runs in a worker thread on its own connection, and its heavy part (spaCy, fitting) in
a separate process, so the screen keeps answering while a progress bar shows the stage.
Reviewing (:mod:`.suggestion_review`) is one service call per action, undone with ctrl+z like
any other change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Label, OptionList, TabbedContent, TabPane

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code
from qualcode.core.suggestions import Evaluation, Theme, ThemeRun
from qualcode.core.wording import plural
from qualcode.services import suggest
from qualcode.services.codes import code_paths, path_text
from qualcode.store import Store
from qualcode.tui.background import prepare, process_pool
from qualcode.tui.context import Location, app_of, focus_now, project_of
from qualcode.tui.screens.area import AreaScreen
from qualcode.tui.screens.dialogs import Choose
from qualcode.tui.screens.parse_status import FollowsParsing
from qualcode.tui.screens.suggestion_dialogs import FindThemesDialog, ThemeOptions
from qualcode.tui.screens.suggestion_review import SuggestionReview
from qualcode.tui.widgets.key_footer import KeyFooter
from qualcode.tui.widgets.suggestion_list import SuggestionList
from qualcode.tui.widgets.theme_detail import ThemeDetail
from qualcode.tui.widgets.theme_list import ThemeList
from qualcode.tui.widgets.work_progress import WorkProgress

Progress = Callable[[str, int, int], None]
Job = Callable[[Store, Progress, Executor], str]  # runs in the worker; says what it found

THEMES, CODES = "themes", "codes"
TAB_ACTIONS = {
    THEMES: {"find_themes", "accept_theme", "merge_theme", "reject_theme"},
    CODES: {"suggest_codes", "accept_suggestion", "reject_suggestion", "accept_above"},
}


class SuggestionsScreen(FollowsParsing, SuggestionReview, AreaScreen):
    CSS_PATH = "suggestions.tcss"
    AUTO_FOCUS = "#theme-list"
    # A key means the same thing on both tabs (f finds, a accepts, x rejects); check_action
    # keeps the binding of the tab on show, so the footer names what the key does there.
    BINDINGS = [
        Binding("1", "tab('themes')", "Themes", show=False),
        Binding("2", "tab('codes')", "Code suggestions", show=False),
        Binding("f", "find_themes", "Find themes", priority=True),
        Binding("f", "suggest_codes", "Suggest codes", priority=True),
        Binding("a", "accept_theme", "Accept", priority=True,
                tooltip="Accept the theme as a new code"),
        Binding("a", "accept_suggestion", "Accept", tooltip="Accept the code suggestion"),
        Binding("m", "merge_theme", "Merge", priority=True,
                tooltip="Merge the theme into an existing code"),
        Binding("x", "reject_theme", "Reject", tooltip="Reject the theme"),
        Binding("x", "reject_suggestion", "Reject", tooltip="Reject the code suggestion"),
        Binding("A", "accept_above", "Accept above…", priority=True,
                tooltip="Accept every code suggestion at or above a confidence"),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.run: ThemeRun | None = None
        self.codes: list[Code] = []
        self.code_by_id: dict[int, Code] = {}
        self.paths: dict[int, str] = {}
        self.documents: dict[int, str] = {}
        self.evaluation: Evaluation | None = None
        self.last_options = ThemeOptions()

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield WorkProgress(id="work")
        with TabbedContent(id="suggest-tabs"):
            with TabPane("Themes (1)", id=THEMES):
                yield Label(id="themes-info", classes="info")
                with Horizontal(id="themes-body"):
                    yield ThemeList(id="theme-list")
                    yield ThemeDetail(id="theme-detail")
            with TabPane("Code suggestions (2)", id=CODES):
                yield Label(id="codes-info", classes="info")
                yield SuggestionList(id="suggestion-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Suggestions"
        self.query_one("#theme-list").border_title = "Themes"
        self.query_one("#theme-detail").border_title = "Theme"
        self.query_one("#suggestion-list").border_title = "Pending code suggestions"
        self.reload()
        self.follow_parsing()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")

    @property
    def tab(self) -> str:
        return str(self.query_one(TabbedContent).active)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        for tab, actions in TAB_ACTIONS.items():
            if action in actions:
                return self.tab == tab
        return True

    # -- showing what the project holds --------------------------------------------------------
    def reload(self) -> None:
        store = project_of(self).store
        self.codes = store.codes.all()
        self.code_by_id = {c.id or 0: c for c in self.codes}
        self.paths = {i: path_text(p) for i, p in code_paths(self.codes).items()}
        self.documents = {d.id or 0: d.name for d in store.documents.summaries()}
        self.run = suggest.list_themes(store)
        self.query_one(ThemeList).show(self.run.themes if self.run else (), self.paths)
        self.show_theme()
        self.query_one("#themes-info", Label).update(self.themes_info())
        self.evaluation = suggest.latest_evaluation(store)
        pending = suggest.list_suggestions(store)
        self.query_one(SuggestionList).show(pending, self.code_by_id, self.paths,
                                            self.documents, self.evaluation)
        self.query_one("#codes-info", Label).update(self.codes_info(len(pending)))
        self.sub_title = f"Suggestions · {store.path.name}"

    def themes_info(self) -> str:
        run = self.run
        if run is None:
            return "No themes found yet: f finds themes in what respondents said."
        summary, params = run.summary, run.params
        units = "answer sentences" if params.get("unit") == "sentence" else "answers"
        scope = " not coded yet" if params.get("uncoded_only") else ""
        chosen = "automatic number" if summary.get("chosen_by") == "silhouette" else "given"
        notes = [f"{n} {what}" for n, what in ((summary.get("filler", 0), "filler left out"),
                                                (summary.get("weak", 0), "weak, listed last"))
                 if n]
        return (f"{len(run.themes)} themes ({chosen}) in {summary.get('units', '?')} "
                f"{units}{scope} · run {run.id}, {run.created_at[:10]}"
                + "".join(f" · {note}" for note in notes))

    def codes_info(self, pending: int) -> str:
        if not pending:
            text = "No pending code suggestions: f suggests codes (for one document or all)."
        else:
            text = f"{pending} pending · Enter shows one in its transcript"
        evaluation = self.evaluation
        if evaluation is not None:
            base = max(evaluation.baselines, key=lambda b: b.top3, default=None)
            text += (f"\nright code in the top 3 for {evaluation.suggester.top3:.0%} of "
                     f"{evaluation.segments} passages in cross-validation")
            text += f" ({base.name}: {base.top3:.0%})" if base else ""
        return text

    @property
    def theme(self) -> Theme | None:
        chosen = self.query_one(ThemeList).highlighted_theme
        themes = self.run.themes if self.run else ()
        return next((t for t in themes if t.id == chosen), None)

    def show_theme(self) -> None:
        theme, store = self.theme, project_of(self).store
        detail = self.query_one(ThemeDetail)
        if theme is None:
            detail.show(None, [], self.paths, [])
            return
        quotes = [(q, self.documents.get(q[0], "?"), suggest.passage_text(store, q))
                  for q in theme.quotes]
        detail.show(theme, suggest.codes_carried(store, theme), self.paths, quotes)

    @on(OptionList.OptionHighlighted, "#theme-list")
    def _theme_highlighted(self) -> None:
        self.show_theme()

    @on(OptionList.OptionSelected, "#theme-list")
    def _theme_chosen(self) -> None:
        focus_now(self.query_one(ThemeDetail).quote_list)

    @on(OptionList.OptionSelected, "#theme-quotes")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        quotes = self.query_one(ThemeDetail).quotes
        app_of(self).jump_to(Location(*quotes[int(event.option.id or 0)]))

    @on(OptionList.OptionSelected, "#suggestion-list")
    def _suggestion_chosen(self) -> None:
        s = self.query_one(SuggestionList).highlighted_suggestion
        if s is not None:
            app_of(self).jump_to(Location(s.document_id, s.start, s.end))

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()
        focus_now(self.query_one("#theme-list" if self.tab == THEMES else "#suggestion-list"))

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_back(self) -> None:
        if self.focused is self.query_one(ThemeDetail).quote_list:
            focus_now(self.query_one(ThemeList))
        else:
            app_of(self).action_area("workbench")

    # -- finding, in the background ------------------------------------------------------------
    def action_find_themes(self) -> None:
        def chosen(options: ThemeOptions | None) -> None:
            if options is None:
                return
            self.last_options = options
            coder = project_of(self).coder

            def job(store: Store, progress: Progress, pool: Executor) -> str:
                result = suggest.suggest_themes(store, k=options.k, coder=coder,
                                                uncoded_only=options.uncoded_only,
                                                progress=progress, executor=pool)
                same = " (nothing changed: the earlier run)" if result.report.reused else ""
                return f"{len(result.run.themes)} themes found{same}"

            self.start("Finding themes", THEMES, job)

        if not self.busy():
            self.app.push_screen(FindThemesDialog(self.last_options), chosen)

    def action_suggest_codes(self) -> None:
        def chosen(key: str | None) -> None:
            if key is None:
                return
            coder = project_of(self).coder

            def job(store: Store, progress: Progress, pool: Executor) -> str:
                document = store.documents.get(int(key)) if key != "all" else None
                result = suggest.suggest_codes(store, document=document, coder=coder,
                                               progress=progress, executor=pool)
                return plural(len(result.suggestions), "code suggestion")

            self.start("Suggesting codes", CODES, job)

        if not self.busy():
            options = [("all", "All documents"), *[(str(i), n) for i, n in self.documents.items()]]
            self.app.push_screen(Choose("Suggest codes for uncoded passages of…", options),
                                 chosen)

    def busy(self) -> bool:
        if self.parsing_busy():
            return True
        if self.query_one(WorkProgress).running:
            self.notify("Still working on the last request; it shows when done.",
                        severity="warning")
            return True
        return False

    def start(self, what: str, tab: str, job: Job) -> None:
        self.query_one(WorkProgress).start(what)
        prepare()
        self.work_in_background(project_of(self).path, what, tab, job)

    @work(thread=True, group="suggestions")
    def work_in_background(self, path: Path, what: str, tab: str, job: Job) -> None:
        """On its own connection (SQLite connections stay in their thread); the services send
        the heavy part to the process pool."""
        def progress(stage: str, done: int, total: int) -> None:
            self.app.call_from_thread(self.show_step, what, stage, done, total)

        try:
            with Store.open(path) as store, process_pool() as pool:
                message, failed = job(store, progress, pool), False
        except QualcodeError as err:
            message, failed = str(err), True
        except Exception as err:  # a worker process died, memory ran out…: keep the app
            message, failed = f"{what} failed: {type(err).__name__}: {err}", True
        self.app.call_from_thread(self.finished, message, tab, failed)

    def show_step(self, what: str, stage: str, done: int, total: int) -> None:
        self.query_one(WorkProgress).step(what, stage, done, total)

    def finished(self, message: str, tab: str, failed: bool) -> None:
        self.query_one(WorkProgress).stop()
        self.reload()
        if self.app.screen is not self:  # e.g. back in the workbench: show them there too
            app_of(self).action_reload()
        if not failed:
            self.action_tab(tab)
        self.notify(message, severity="error" if failed else "information", timeout=5)

    # -- the command palette -------------------------------------------------------------------
    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.action != "back":
                action = binding.action
                yield (f"Suggestions: {binding.tooltip or binding.description}",
                       f"key: {binding.key}",
                       action if "(" in action else f"palette('{action}')")

    def action_palette(self, action: str) -> None:
        """Run an action from the palette, on the tab it belongs to."""
        tab = next((t for t, actions in TAB_ACTIONS.items() if action in actions), None)
        if tab is not None:
            self.action_tab(tab)
        self.call_after_refresh(self.run_action, action)
