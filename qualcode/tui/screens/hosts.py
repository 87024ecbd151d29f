"""What the screens' behaviour modules need from the screen they are part of, declared here
so that they do not import their screen (which imports them: an import cycle, even when only
for type checking). Each declaration is a narrow view of its screen for type checkers only;
at run time the behaviour classes are plain mixins, and this module defines nothing.
The screens (workbench.py, suggestions.py, synthesis.py) provide every name declared here;
``tests/tui/test_import_cycles.py`` checks that no module of the TUI imports back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import ClassVar, TypeVar

    from textual.binding import BindingType
    from textual.screen import Screen

    from qualcode.core.model import Case, Code, Coding, Document, MemoTarget, Turn
    from qualcode.core.session import Place
    from qualcode.core.suggestions import CodeSuggestion, Theme
    from qualcode.core.synthesis import Synthesis
    from qualcode.tui.context import Location
    from qualcode.tui.screens.workbench_places import Places
    from qualcode.tui.widgets.transcript import TranscriptView

    T = TypeVar("T", Coding, CodeSuggestion)

    class WorkbenchHost(Screen[None]):
        """The coding workbench, as its coding, codebook, suggestion, palette and place
        behaviours see it."""

        BINDINGS: ClassVar[list[BindingType]]
        document: Document | None
        turns: list[Turn]
        codings: list[Coding]
        codes: list[Code]
        code_by_id: dict[int, Code]
        paths: dict[int, str]
        filter_code: int | None
        hidden_coders: set[str]  # colleagues whose codings are not shown
        places: Places

        @property
        def transcript(self) -> TranscriptView: ...

        def load_codes(self) -> None: ...
        def open_document(self, document_id: int, *, keep: bool = False,
                          select: tuple[int, int] | None = None) -> None: ...
        def coding_changed(self, coding_id: int) -> None: ...
        def reload_codings(self, changed: int | None = None, *,
                           codings: list[Coding] | None = None) -> None: ...
        def visible_turns(self) -> set[int] | None: ...
        def show_code_detail(self, code_id: int | None) -> None: ...
        def update_status(self) -> None: ...
        # coding
        def apply(self, code_id: int) -> None: ...
        def create_code(self, name: str, parent: Code | None = None) -> Code | None: ...
        def choose_span(self, title: str, items: list[T], detail: str,
                        then: Callable[[T], None]) -> None: ...
        def edit_memo(self, target: MemoTarget, target_id: int, text: str, title: str,
                      context: str = "") -> None: ...
        def set_filter(self, code_id: int | None) -> None: ...
        def action_filter(self, code_id: int | None = None) -> None: ...
        def action_retrieve(self, code_id: int | None = None) -> None: ...
        # the codebook
        def code_memo(self, code: Code) -> None: ...
        # code suggestions
        def show_suggestions(self) -> None: ...
        # places
        def current_place(self) -> Place | None: ...
        def show_location(self, location: Location | None, *, record: bool = True) -> None: ...

    class SuggestionsHost(Screen[None]):
        """The Suggestions area, as its theme review sees it."""

        codes: list[Code]
        code_by_id: dict[int, Code]
        paths: dict[int, str]
        documents: dict[int, str]

        @property
        def theme(self) -> Theme | None: ...

        def reload(self) -> None: ...

    class SynthesisHost(Screen[None]):
        """The Synthesis area, as its matrix view sees it."""

        codes: list[Code]
        code_by_id: dict[int, Code]
        paths: dict[int, str]
        cases: list[Case]
        state: Synthesis

        def reload(self) -> None: ...
        def reread(self) -> None: ...
