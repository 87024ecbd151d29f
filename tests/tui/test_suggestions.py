"""The issue's suggestion review, keyboard only, on the demo project with suggestions found
(through the services, once per module): accept a theme as a new code, merge and reject
themes, accept and reject code suggestions in the transcript, undo an acceptance, and find
themes from the screen (in the background, in a worker process).

Every step checks the screen and, through a second connection, the project file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.core.model import Coding
from qualcode.core.suggestions import CodeSuggestion, SuggestionStatus, ThemeStatus
from qualcode.services import suggest
from qualcode.services.codes import find_code
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.code_picker import CodePicker
from qualcode.tui.screens.dialogs import Prompt
from qualcode.tui.screens.suggestion_dialogs import FindThemesDialog
from qualcode.tui.screens.suggestions import SuggestionsScreen
from qualcode.tui.screens.theme_review import ThemeReview
from qualcode.tui.screens.workbench import WorkbenchScreen
from qualcode.tui.widgets.suggestion_list import SuggestionList
from qualcode.tui.widgets.theme_detail import ThemeDetail
from qualcode.tui.widgets.theme_list import ThemeList
from qualcode.tui.widgets.transcript_paint import MARGIN, SUGGESTED
from tests.tui.conftest import CODER
from tests.tui.helpers import highlighted_text, rendered_lines, transcript_of, type_text

pytestmark = pytest.mark.asyncio


@pytest.fixture
def project(suggested_master: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "demo.qualcode"
    shutil.copy(suggested_master, dest)
    return dest


@pytest.fixture
def reader(project: Path) -> Iterator[Store]:
    with Store.open(project) as store:
        yield store


def option_texts(widget: ThemeList | SuggestionList) -> list[str]:
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def codings_from(reader: Store, origin: str) -> list[Coding]:
    return [c for c in reader.codings.all() if c.origin == origin]


def busiest_document(reader: Store) -> tuple[int, list[CodeSuggestion]]:
    """The document with the most pending suggestions, and them in reading order."""
    pending = suggest.list_suggestions(reader)
    doc_id = max({s.document_id for s in pending},
                 key=lambda d: (sum(s.document_id == d for s in pending), -d))
    return doc_id, sorted((s for s in pending if s.document_id == doc_id),
                          key=lambda s: (s.start, s.end))


async def open_document(pilot: object, reader: Store, doc_id: int) -> None:
    """From the workbench's documents list (d, ↓…, Enter)."""
    position = [i.id for i in reader.documents.infos()].index(doc_id)
    await pilot.press("d", *["down"] * position, "enter")  # type: ignore[attr-defined]


async def test_accept_a_theme_as_a_new_code(project: Path, reader: Store) -> None:
    run = suggest.list_themes(reader)
    assert run is not None and run.themes
    theme = run.themes[0]
    assert theme.status is ThemeStatus.OPEN

    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        screen = app.screen
        assert isinstance(screen, SuggestionsScreen)
        themes = screen.query_one(ThemeList)
        assert len(option_texts(themes)) == len(run.themes)
        assert theme.label in option_texts(themes)[0]
        assert themes.highlighted_theme == theme.id
        detail = screen.query_one(ThemeDetail)
        assert len(detail.quotes) == len(theme.quotes) and 3 <= len(theme.quotes) <= 5

        # a: name the code (the theme's label is offered), then no parent (top level).
        await pilot.press("a")
        assert isinstance(app.screen, ThemeReview)  # every passage ticked: code them all
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, Prompt)
        await pilot.press("ctrl+u")
        await type_text(pilot, "Local councils")
        await pilot.press("enter")
        assert isinstance(app.screen, CodePicker)
        await pilot.press("enter")  # the first line: top level
        await pilot.pause()
        assert app.screen is screen

        code = find_code(reader, "Local councils")
        assert code.parent_id is None
        made = [c for c in reader.codings.all(code_ids=[code.id or 0])]
        assert {(c.document_id, c.start, c.end) for c in made} == set(theme.members)
        assert {c.origin for c in made} == {f"suggestion:T{theme.id}"}
        assert {c.coder for c in made} == {CODER}
        accepted = suggest.list_themes(reader)
        assert accepted is not None and accepted.themes[0].status is ThemeStatus.ACCEPTED
        assert accepted.themes[0].code_id == code.id
        first = option_texts(themes)[0]
        assert "✓" in first and "accepted: Local councils" in first
        assert "[accepted]" in str(screen.query_one("#theme-summary").render())
        assert "Local councils" in str(screen.query_one("#theme-summary").render())

        # The new code is in the workbench's codebook too.
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        assert code.id in app.screen.code_by_id

        # Undo takes the code and all its codings back.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not codings_from(reader, f"suggestion:T{theme.id}")
        assert "Local councils" not in [c.name for c in reader.codes.all()]
        undone = suggest.list_themes(reader)
        assert undone is not None and undone.themes[0].status is ThemeStatus.OPEN


async def test_merge_a_theme_and_reject_one(project: Path, reader: Store) -> None:
    run = suggest.list_themes(reader)
    assert run is not None and len(run.themes) >= 2
    first, second = run.themes[:2]
    target = find_code(reader, "Peer-to-peer support")
    before = len(reader.codings.all(code_ids=[target.id or 0]))

    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        screen = app.screen
        assert isinstance(screen, SuggestionsScreen)
        themes = screen.query_one(ThemeList)

        await pilot.press("m", "ctrl+s")  # review the passages (all kept), then the code
        assert isinstance(app.screen, CodePicker)
        await type_text(pilot, "peer-to")
        await pilot.press("enter")
        await pilot.pause()
        merged = codings_from(reader, f"suggestion:T{first.id}")
        assert merged and {c.code_id for c in merged} == {target.id}
        assert len(reader.codings.all(code_ids=[target.id or 0])) == before + len(merged)
        assert "merged: Peer-to-peer support" in option_texts(themes)[0]

        await pilot.press("down", "x")
        await pilot.pause()
        after = suggest.list_themes(reader)
        assert after is not None
        assert [t.status for t in after.themes[:2]] == [ThemeStatus.MERGED, ThemeStatus.REJECTED]
        assert not codings_from(reader, f"suggestion:T{second.id}")
        assert "✗" in option_texts(themes)[1] and "rejected" in option_texts(themes)[1]


async def test_accept_and_reject_code_suggestions_in_the_transcript(
        project: Path, reader: Store) -> None:
    doc_id, pending = busiest_document(reader)
    assert len(pending) >= 2
    accept, reject = pending[:2]
    code_name = reader.codes.get(accept.code_id).name

    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        view = transcript_of(pilot)
        await open_document(pilot, reader, doc_id)
        assert view.document is not None and view.document.id == doc_id
        assert [s.id for s in view.suggestions] == [s.id for s in pending]

        # o: the first suggestion; it is marked in the margin and named below the text.
        await pilot.press("o")
        assert view.selection is not None
        assert (view.selection.start, view.selection.end) == (accept.start, accept.end)
        assert f"{code_name}?" in str(view.border_subtitle)
        assert any(SUGGESTED in line[:MARGIN] for line in rendered_lines(view))

        # y: accepted, a coding like any other, with its origin.
        await pilot.press("y")
        await pilot.pause()
        made = codings_from(reader, f"suggestion:{accept.id}")
        assert len(made) == 1
        coding = made[0]
        assert (coding.document_id, coding.code_id, coding.start, coding.end, coding.coder) \
            == (doc_id, accept.code_id, accept.start, accept.end, CODER)
        assert suggest.list_suggestions(reader, status=SuggestionStatus.ACCEPTED)[0].id \
            == accept.id
        assert coding.id in [c.id for c in view.codings]
        assert accept.id not in [s.id for s in view.suggestions]
        assert f"{code_name}?" not in str(view.border_subtitle)

        # o, u: the next one rejected, remembered, and not coded.
        await pilot.press("o")
        assert view.selection is not None and view.selection.start == reject.start
        await pilot.press("u")
        await pilot.pause()
        rejected = suggest.list_suggestions(reader, status=SuggestionStatus.REJECTED)
        assert [s.id for s in rejected] == [reject.id]
        assert not codings_from(reader, f"suggestion:{reject.id}")
        assert reject.id not in [s.id for s in view.suggestions]
        assert len(view.suggestions) == len(pending) - 2


async def test_undo_an_acceptance(project: Path, reader: Store) -> None:
    doc_id, pending = busiest_document(reader)
    first = pending[0]
    origin = f"suggestion:{first.id}"

    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        view = transcript_of(pilot)
        await open_document(pilot, reader, doc_id)
        await pilot.press("o", "y")
        await pilot.pause()
        coding = codings_from(reader, origin)[0]
        assert coding.id in [c.id for c in view.codings]

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not codings_from(reader, origin)
        assert reader.history(1)[0].name == "undo"
        back = [s for s in suggest.list_suggestions(reader) if s.id == first.id]
        assert back and back[0].status is SuggestionStatus.PENDING
        assert coding.id not in [c.id for c in view.codings]
        assert first.id in [s.id for s in view.suggestions]
        assert view.selection is not None and view.selection.start == first.start
        assert SUGGESTED in str(view.border_subtitle)


async def test_accept_all_above_a_confidence(project: Path, reader: Store) -> None:
    doc_id, pending = busiest_document(reader)
    wanted = {s.id for s in pending if s.confidence >= 0.5}

    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        view = transcript_of(pilot)
        await open_document(pilot, reader, doc_id)
        await pilot.press("Y")
        assert isinstance(app.screen, Prompt)
        await pilot.press("ctrl+u")
        await type_text(pilot, "0.5")
        await pilot.press("enter")
        await pilot.pause()
        accepted = suggest.list_suggestions(reader, status=SuggestionStatus.ACCEPTED)
        assert {s.id for s in accepted} == wanted
        assert all(codings_from(reader, f"suggestion:{i}") for i in wanted)
        assert {s.id for s in view.suggestions} == {s.id for s in pending} - wanted


async def test_code_suggestions_list_and_jump(project: Path, reader: Store) -> None:
    pending = suggest.list_suggestions(reader)
    evaluation = suggest.latest_evaluation(reader)
    assert evaluation is not None
    top = pending[0]

    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "2")
        screen = app.screen
        assert isinstance(screen, SuggestionsScreen)
        listed = screen.query_one(SuggestionList)
        assert [s.id for s in listed.suggestions] == [s.id for s in pending]
        figure = evaluation.figure(top.code_id)
        first = option_texts(listed)[0]
        assert f"{top.confidence:.2f}" in first
        assert figure is not None and figure.sentence(top.score) in first
        assert all(word in first for word in top.evidence)

        # a accepts the highlighted one, x rejects the next.
        await pilot.press("a")
        await pilot.pause()
        assert codings_from(reader, f"suggestion:{top.id}")
        assert listed.suggestions[0].id == pending[1].id
        await pilot.press("x")
        await pilot.pause()
        rejected = suggest.list_suggestions(reader, status=SuggestionStatus.REJECTED)
        assert [s.id for s in rejected] == [pending[1].id]

        # Enter shows the highlighted one in its transcript.
        shown = listed.suggestions[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        view = transcript_of(pilot)
        assert view.document is not None and view.document.id == shown.document_id
        assert view.selection is not None
        assert view.selection.start <= shown.start and shown.end <= view.selection.end
        assert highlighted_text(view)  # scrolled into view, though reached from another area
        assert f"{reader.codes.get(shown.code_id).name}?" in str(view.border_subtitle)


async def test_find_themes_in_the_background(project: Path, reader: Store) -> None:
    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f")
        assert isinstance(app.screen, FindThemesDialog)
        await pilot.press("3", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SuggestionsScreen)
        run = suggest.list_themes(reader)
        assert run is not None and len(run.themes) == 3 and run.params["n_themes"] == 3
        assert screen.run is not None and screen.run.id == run.id
        assert len(option_texts(screen.query_one(ThemeList))) == 3
        assert "3 themes (given)" in str(screen.query_one("#themes-info").render())
