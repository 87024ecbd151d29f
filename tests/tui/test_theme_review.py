"""Accepting a theme as a review: preview its passages, untick those that do not belong (or
keep only the uncoded ones), then code the rest; the service codes exactly what was kept."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, SelectionList

from qualcode.core.errors import QualcodeError
from qualcode.services import suggest
from qualcode.services.codes import find_code
from qualcode.services.suggest_review import coded_members
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.code_picker import CodePicker
from qualcode.tui.screens.dialogs import Prompt
from qualcode.tui.screens.suggestions import SuggestionsScreen
from qualcode.tui.screens.theme_review import ThemeReview
from tests.tui.conftest import CODER
from tests.tui.helpers import type_text
from tests.tui.test_suggestions import project, reader  # noqa: F401


@pytest.mark.asyncio
async def test_accept_a_theme_with_unticked_passages(project, reader: Store) -> None:  # noqa: F811
    run = suggest.list_themes(reader)
    assert run is not None
    theme = run.themes[0]
    assert len(theme.members) >= 4
    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        assert isinstance(app.screen, SuggestionsScreen)
        await pilot.press("a")
        review = app.screen
        assert isinstance(review, ThemeReview)
        passages = review.query_one(SelectionList)
        assert passages.option_count == len(theme.members)
        assert len(passages.selected) == len(theme.members)  # all ticked to begin with
        # Untick the second and the fourth passage.
        await pilot.press("down", "space", "down", "down", "space")
        assert "of" in str(review.query_one("#review-count").render())
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, Prompt)
        await pilot.press("ctrl+u")
        await type_text(pilot, "Reviewed theme")
        await pilot.press("enter")
        assert isinstance(app.screen, CodePicker)
        await pilot.press("enter")  # top level
        await pilot.pause()
    code = find_code(reader, "Reviewed theme")
    coded = {(c.document_id, c.start, c.end) for c in reader.codings.all(code_ids=[code.id or 0])}
    kept = [m for i, m in enumerate(theme.members) if i not in (1, 3)]
    assert coded == set(kept)


@pytest.mark.asyncio
async def test_only_uncoded_unticks_the_coded_passages(project, reader: Store) -> None:  # noqa: F811
    run = suggest.list_themes(reader)
    assert run is not None
    theme = next((t for t in run.themes if any(coded_members(reader, t))
                  and not all(coded_members(reader, t))), None)
    if theme is None:
        pytest.skip("no theme of the demo has both coded and uncoded passages")
    position = run.themes.index(theme)
    coded = coded_members(reader, theme)
    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", *["down"] * position, "a")
        review = app.screen
        assert isinstance(review, ThemeReview)
        box = review.query_one(Checkbox)
        assert not box.value and str(box.label).endswith(": off")  # off, and says so
        await pilot.press("ctrl+u")
        assert box.value and str(box.label).endswith(": on")
        chosen = set(review.query_one(SelectionList).selected)
        assert chosen == {i for i, c in enumerate(coded) if not c}
        await pilot.press("ctrl+n")
        assert not review.query_one(SelectionList).selected
        await pilot.press("ctrl+s")  # nothing ticked: stays, says why
        assert app.screen is review
        await pilot.press("ctrl+a")
        assert len(review.query_one(SelectionList).selected) == len(theme.members)


def test_service_codes_only_the_members_kept(reader: Store) -> None:  # noqa: F811
    run = suggest.list_themes(reader)
    assert run is not None
    theme = run.themes[0]
    with pytest.raises(QualcodeError, match="not in theme"):
        suggest.merge_theme_into_code(reader, theme.id or 0, find_code(reader, "Challenges"),
                                      coder=CODER, members=[(theme.members[0][0], 0, 1)])
    with pytest.raises(QualcodeError, match="nothing to code"):
        suggest.accept_theme_as_code(reader, theme.id or 0, coder=CODER, members=[])
    code = suggest.accept_theme_as_code(reader, theme.id or 0, coder=CODER,
                                        members=theme.members[:2])
    assert len(reader.codings.all(code_ids=[code.id or 0])) == 2
