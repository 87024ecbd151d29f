"""Transcript layout in terminal cells: wide (CJK) characters take two columns, combining
marks none, so lines never overflow and clicks land on the character shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from qualcode.tui.layout import column_offset, wrap

CJK = "这是一个很长的中文句子用于测试换行是否正确"


def test_wide_characters_wrap_by_cells() -> None:
    text = CJK + " and some english words"
    lines = wrap(text, 0, len(text), 10)
    assert all(cell_len(text[s:e]) <= 10 for s, e in lines)
    assert text[lines[0][0]:lines[0][1]] == CJK[:5]  # five characters, ten cells


@given(st.lists(st.sampled_from(["a", " ", "中", "\u00e9", "e\u0301", "\n"]), max_size=40)
       .map("".join),
       st.integers(min_value=2, max_value=20))
def test_cell_wrap_keeps_every_character_in_order(text: str, width: int) -> None:
    lines = wrap(text, 0, len(text), width)
    shown = "".join(text[s:e] for s, e in lines)
    assert shown.replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert all(cell_len(text[s:e]) <= width for s, e in lines)


def test_click_columns_count_cells() -> None:
    decomposed = "Cafe\u0301 ok"  # the mark takes no column
    assert decomposed[column_offset(decomposed, 0, len(decomposed), 5)] == "o"
    wide = "中文 ok"
    assert wide[column_offset(wide, 0, len(wide), 3)] == "文"
    assert wide[column_offset(wide, 0, len(wide), 5)] == "o"
