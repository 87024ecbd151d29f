"""Reading what the workbench shows: rendered transcript lines and the selection's style."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from qualcode.store import Store
from qualcode.tui.widgets.transcript import TranscriptView


def transcript_of(pilot: Pilot[Any]) -> TranscriptView:
    return pilot.app.screen.query_one(TranscriptView)


def rendered_lines(view: TranscriptView) -> list[str]:
    """The transcript lines on screen, as plain text."""
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def highlighted_text(view: TranscriptView) -> str:
    """The on-screen text painted with the selection style, lines joined by a space."""
    selection = view.get_component_rich_style("transcript--selection")
    parts: list[str] = []
    for y in range(view.scrollable_content_region.height):
        line = "".join(seg.text for seg in view.render_line(y)
                       if seg.style is not None and seg.style.bgcolor == selection.bgcolor)
        if line:
            parts.append(line)
    return " ".join(parts)


def painted_with(view: TranscriptView, colour_style_bg: object) -> str:
    """The on-screen text painted with a given background colour."""
    parts = []
    for y in range(view.scrollable_content_region.height):
        line = "".join(seg.text for seg in view.render_line(y)
                       if seg.style is not None and seg.style.bgcolor == colour_style_bg)
        if line:
            parts.append(line)
    return " ".join(parts)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key (spaces and punctuation by their key names)."""
    names = {" ": "space", ".": "full_stop", ",": "comma", "-": "minus", "'": "apostrophe",
             ">": "greater_than_sign", "#": "number_sign"}
    await pilot.press(*[names.get(ch, ch) for ch in text])


async def highlight_code(pilot: Pilot[Any], position: int) -> None:
    """Focus the codebook tree (b) and move its cursor to line ``position`` with the keys."""
    from qualcode.tui.widgets.codebook_tree import CodebookTree

    await pilot.press("b")
    tree = pilot.app.screen.query_one(CodebookTree)
    step = "down" if position > tree.cursor_line else "up"
    await pilot.press(*[step] * abs(position - tree.cursor_line))
    assert tree.cursor_line == position


def remove_matrices(store: Store) -> None:
    """Every matrix of the project, with its columns and cells, gone in one action (the demo
    ships a rated matrix; some tests define their own)."""
    with store.action("remove matrices", coder="tester"):
        for table in ("matrix_cells", "matrix_columns", "matrices"):
            for row in store.conn.execute(f"SELECT id FROM {table}").fetchall():
                store.log.delete(table, row["id"])
