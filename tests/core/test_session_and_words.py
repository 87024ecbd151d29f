"""The jump list and a malformed session (core.session), text matching in NFC and whole words
(core.textmatch), and plain wording (core.wording). Moved from tests/services."""

from __future__ import annotations

from qualcode.core.session import JumpList, Place, Session
from qualcode.core.textmatch import find_text, whole_words
from qualcode.core.wording import action_words, plural


def test_a_malformed_session_is_ignored_not_fatal() -> None:
    assert Session.from_json({"place": [1, 9, 2], "area": 3, "positions": [["x"]]}) == Session()
    assert Session.from_json("nonsense") == Session()


def test_jump_list_back_and_forward() -> None:
    jumps = JumpList()
    a, b, c = Place(1, 0, 1), Place(1, 5, 9), Place(2, 0, 3)
    jumps.jumped(a, b)
    jumps.jumped(b, c)
    assert jumps.go_back(c) == b
    assert jumps.go_back(b) == a
    assert jumps.go_back(a) is None
    assert jumps.go_forward(a) == b
    jumps.jumped(b, a)  # a new jump forgets the way forward
    assert jumps.go_forward(a) is None


def test_find_text_matches_composed_and_decomposed_alike() -> None:
    text = "We met at the Cafe\u0301 Central."  # decomposed é
    start, end = find_text(text, "café") or (0, 0)
    assert text[start:end] == "Cafe\u0301"
    assert find_text("Café", "cafe\u0301") == (0, 4)
    assert find_text(text, "absent") is None


def test_whole_words_never_half_a_word() -> None:
    text = "They translated the forms; don't worry."
    at = text.index("translat")
    assert text[slice(*whole_words(text, at, at + 8))] == "translated"
    at = text.index("don")
    assert text[slice(*whole_words(text, at, at + 3))] == "don't"


def test_plain_words() -> None:
    assert plural(1, "coding") == "1 coding" and plural(2, "coding") == "2 codings"
    assert action_words("mark important", "coding 309") == "key-quote mark"
    assert action_words("code", "Trust @ ca01.txt:10-40") == "coding (Trust @ ca01.txt)"
