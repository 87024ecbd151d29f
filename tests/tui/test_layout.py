"""Laying a transcript out in screen lines (qualcode.tui.layout)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from qualcode.tui.layout import Layout, LineKind, wrap
from tests.conftest import SAMPLE_TURNS, make_document


@given(st.text(alphabet="ab \n", max_size=200), st.integers(min_value=1, max_value=30))
def test_wrap_keeps_every_visible_character_in_order(text: str, width: int) -> None:
    lines = wrap(text, 0, len(text), width)
    assert all(cell_len(text[s:e]) <= width for s, e in lines)  # terminal cells
    assert all(a[1] <= b[0] for a, b in zip(lines, lines[1:], strict=False))
    shown = "".join(text[s:e] for s, e in lines)
    assert shown.replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_wrap_breaks_at_spaces() -> None:
    text = "the quick brown fox"
    assert [text[s:e] for s, e in wrap(text, 0, len(text), 10)] == ["the quick", "brown fox"]
    word = "abcdefghij"
    assert [word[s:e] for s, e in wrap(word, 0, 10, 4)] == ["abcd", "efgh", "ij"]


def test_layout_lines_and_offsets() -> None:
    doc, turns = make_document("a.txt", SAMPLE_TURNS)
    layout = Layout(doc.text, turns, 20)
    kinds = [line.kind for line in layout.lines[:4]]
    # The note has no speaker: no label line.
    assert kinds[0] is LineKind.TEXT and LineKind.LABEL in kinds
    offset = doc.text.index("webinars")
    y = layout.line_of(offset)
    assert y is not None
    line = layout.lines[y]
    assert line.start <= offset < line.end and line.turn == 2
    assert layout.offset_at(y, offset - line.start) == offset
    assert layout.offset_at(y, 500) == line.end - 1  # clamped to the line
    assert layout.first_line(2) is not None and layout.lines[layout.first_line(2)].kind \
        is LineKind.LABEL


def test_layout_shows_only_visible_turns() -> None:
    doc, turns = make_document("a.txt", SAMPLE_TURNS)
    layout = Layout(doc.text, turns, 40, visible={2})
    assert {line.turn for line in layout.lines} == {2}


def test_layout_lines_fit_the_width_in_terminal_cells() -> None:
    """Wide (CJK) characters take two cells: a line of them holds half as many characters,
    and a click on a column lands on the character drawn there."""
    said = "我们每个月都在论坛上分享培训材料和经验"  # 19 wide characters, 38 cells
    doc, turns = make_document("zh.txt", [("Interviewer", "你们怎么分享？"), ("Ana", said)])
    layout = Layout(doc.text, turns, 10)
    start = doc.text.index(said)
    lines = [line for line in layout.lines if line.kind is LineKind.TEXT and line.turn == 1]
    assert [(line.start - start, line.end - start) for line in lines] == [
        (0, 5), (5, 10), (10, 15), (15, 19)]
    assert all(cell_len(doc.text[line.start:line.end]) <= 10 for line in layout.lines
               if line.kind is LineKind.TEXT)
    y = layout.line_of(start + 7)
    assert y is not None and layout.lines[y] == lines[1]
    assert layout.offset_at(y, 0) == layout.offset_at(y, 1) == start + 5  # one character
    assert layout.offset_at(y, 4) == start + 7  # the third character: cells 4 and 5
    assert layout.offset_at(y, 9) == start + 9
