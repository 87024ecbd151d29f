"""The transcript's keys: moving and selecting by turn, sentence and word, and Enter to code.
A table of its own, kept out of the widget's module (TranscriptView.BINDINGS is this list)."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def _key(keys: str, action: str, description: str) -> Binding:
    return Binding(keys, action, description, show=False, priority=True)


# Priority bindings act as each key arrives, so a burst of keys (a fast typist, a
# paste, a terminal macro) is handled in order; Enter codes the selection at once so
# the code name typed right after it reaches the picker (screens/type_ahead.py).
KEYS: list[BindingType] = [
    _key("enter", "screen.code", "Code the selection"),
    _key("down,j", "turn(1)", "Next turn"),
    _key("up,k", "turn(-1)", "Previous turn"),
    _key("right,l", "sentence(1)", "Next sentence"),
    _key("left,h", "sentence(-1)", "Previous sentence"),
    _key("J", "respondent(1)", "Next respondent turn"),
    _key("K", "respondent(-1)", "Previous respondent turn"),
    _key("shift+right,greater_than_sign", "end(1)", "Extend the selection by a word"),
    _key("shift+left,less_than_sign", "end(-1)", "Shrink the selection by a word"),
    _key("left_square_bracket", "start(-1)", "Start the selection a word earlier"),
    _key("right_square_bracket", "start(1)", "Start the selection a word later"),
    _key("s", "select_sentence", "Select the sentence"),
    Binding("t", "select_turn", "Turn", tooltip="Select the whole turn", priority=True),
    _key("n", "coding(1)", "Select the next coding"),
    _key("N", "coding(-1)", "Select the previous coding"),
    _key("home", "edge(-1)", "First turn"),
    _key("end", "edge(1)", "Last turn"),
    _key("pageup", "page(-1)", "Page up"),
    _key("pagedown", "page(1)", "Page down"),
]
