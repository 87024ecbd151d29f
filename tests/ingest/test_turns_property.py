"""Property tests: turns tile any text, and generated transcripts are cut where written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qualcode.ingest import SpeakerRules, find_turns
from tests.ingest.helpers import assert_tiles, said

RULES = SpeakerRules(interviewer_names=SpeakerRules().interviewer_names + ("Marta Kovač",))
NAMES = [
    "Interviewer", "Moderator", "Maja", "Ana Lucía Torres", "Dr. Tomasz Wójcik", "P1", "Q",
    "Radu Popescu", "Marta Kovač", "Speaker 2",
]  # fmt: skip


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


# Each convention renders (speaker, body, seconds) as the label part and the body.
CONVENTIONS = {
    "colon": lambda name, body, s: f"{name}: {body}",
    "md_bold": lambda name, body, s: f"**{name}:** {body}",
    "md_bold_out": lambda name, body, s: f"**{name}**: {body}",
    "heading": lambda name, body, s: f"### {name}\n\n{body}",
    "bracket": lambda name, body, s: f"[{name}] {body}",
    "bracket_line": lambda name, body, s: f"[{name}]\n{body}",
    "otter": lambda name, body, s: f"{name}  {_clock(s)}\n{body}",
}
STAMPED = {"otter"}

words = st.builds(
    str.__add__,
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäéčß", min_size=1, max_size=8),
    st.sampled_from(["", "", ",", ".", "?"]),
)
lines = st.lists(words, min_size=1, max_size=8).map(" ".join)
bodies = st.lists(lines, min_size=1, max_size=3).map("\n".join)


@st.composite
def transcripts(draw: st.DrawFn) -> tuple[str, list[tuple[str | None, str, float | None]]]:
    convention = draw(st.sampled_from(sorted(CONVENTIONS)))
    render = CONVENTIONS[convention]
    cast = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=3, unique=True))
    order = draw(st.lists(st.sampled_from(cast), min_size=1, max_size=6))
    order = cast + order + cast  # every speaker has several turns, as in an interview
    text = ""
    expected: list[tuple[str | None, str, float | None]] = []
    if draw(st.booleans()):
        preamble = "FICTIONAL TRANSCRIPT - invented for tests.\n" + draw(bodies)
        text += preamble + "\n\n"
        expected.append((None, preamble, None))
    seconds = 0
    for name in order:
        body = draw(bodies)
        seconds += draw(st.integers(1, 300))
        text += render(name, body, seconds) + draw(st.sampled_from(["\n", "\n\n", "\n \n\t\n"]))
        expected.append((name, body, float(seconds) if convention in STAMPED else None))
    text = draw(st.sampled_from(["", "\n", "  \n"])) + text
    return text, expected


@settings(max_examples=200, deadline=None)
@given(transcripts())
def test_generated_transcripts_are_cut_where_written(
    case: tuple[str, list[tuple[str | None, str, float | None]]],
) -> None:
    text, expected = case
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert [(t.speaker, said(text, t), t.timestamp) for t in turns] == expected
    assert all(t.role is RULES.role_of(t.speaker) for t in turns)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Maja Q:I*#[]0123 \n\t\r.-abcé\u2028")),
        max_size=300,
    )
)
def test_any_text_is_tiled(text: str) -> None:
    turns = find_turns(text, RULES)
    if text:
        assert_tiles(text, turns)
    else:
        assert turns == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_is_tiled(text: str) -> None:
    turns = find_turns(text, RULES)
    if text:
        assert_tiles(text, turns)
