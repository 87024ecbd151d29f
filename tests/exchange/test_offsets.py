"""The offset rule's one edge: positions in other tools' units <-> qualcode's code points."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qualcode.exchange.anchor import Fit, fits, place
from qualcode.exchange.dialects import ALL_SCHEMES
from qualcode.exchange.offsets import OffsetMap, Scheme, Unit, normalise

# Text with what shifts positions: astral emoji, accents, CRLF, lone CR, a BOM.
PIECES = st.sampled_from(["a", "é", "\U0001F600", "\r\n", "\r", "\n", " ", "ß", "中", "x"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _units(raw: str, scheme: Scheme) -> list[int]:
    """Independently: the position of each normalised character, by encoding the raw text."""
    out, i = [], 0
    raw = raw.lstrip("\ufeff")
    while i <= len(raw):
        before = raw[:i]
        if not scheme.crlf_is_two:
            before = before.replace("\r\n", "\n")
        if scheme.unit is Unit.UTF16:
            out.append(len(before.encode("utf-16-le")) // 2)
        elif scheme.unit is Unit.UTF8:
            out.append(len(before.encode("utf-8")))
        else:
            out.append(len(before))
        if i < len(raw) and raw[i] == "\r" and raw[i + 1:i + 2] == "\n":
            i += 2
        else:
            i += 1
    return out


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_every_scheme_matches_encoding_and_round_trips(raw: str) -> None:
    text = normalise(raw)
    for scheme in ALL_SCHEMES:
        omap = OffsetMap(raw, scheme)
        assert omap.length == len(text)
        expected = _units(raw, scheme)
        assert [omap.to_units(i) for i in range(len(text) + 1)] == expected
        for i in range(len(text) + 1):
            assert omap.to_index(omap.to_units(i)) == i


def test_inside_a_character_rounds_outwards() -> None:
    omap = OffsetMap("a\U0001F600b\r\nc", Scheme(Unit.UTF16, crlf_is_two=True))
    assert omap.to_index(2) == 1 and omap.to_index(2, end=True) == 2  # inside the emoji
    assert omap.to_index(5) == 3 and omap.to_index(5, end=True) == 4  # between CR and LF
    assert omap.to_index(99) is None


def test_bom_is_never_counted() -> None:
    assert OffsetMap("\ufeffabc", Scheme()).to_units(3) == 3


def test_place_checks_and_reanchors() -> None:
    text = "one two three two"
    assert place(text, 4, 7, "two") == (4, 7, Fit.EXACT)
    assert place(text, 0, 3, "two").fit is Fit.REANCHORED  # nearest occurrence of "two"
    assert place(text, 12, 15, "two")[:2] == (14, 17)
    assert place(text, 4, 7, "").fit is Fit.UNCHECKED
    assert place(text, 4, 7, "four").fit is Fit.MISFIT
    assert place(text, 40, 47, "four").fit is Fit.OUTSIDE
    assert place("a  b\nc", 0, 1, "b c")[:2] == (3, 6)  # white space may differ
    assert fits("A steering group of five", "A steering gr…")
    assert fits("A steering group of five", "A steering group")  # ATLAS.ti-style name
    assert not fits("A steering group of five", "A ste")


def test_truncated_name_keeps_the_length() -> None:
    text = "xx A steering group decides."
    found = place(text, 0, 23, "A steering…")
    assert found.fit is Fit.REANCHORED
    assert text[found.start:found.end] == "A steering group decide"  # 23 characters, as given
