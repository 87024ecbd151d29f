"""The code tree rules every layer shares: subtrees, paths, names, positions."""

from __future__ import annotations

import pytest

from qualcode.core.codetree import (
    checked_name,
    descendants,
    name_problem,
    next_position,
    split_path,
    subtree_ids,
)
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code

# 1 Governance > 2 Steering groups > 4 Chairs; 3 Funding; 5 Boards under 1, given before 1's
# other child to show that sibling order is the order given.
CODES = [
    Code("Governance", "g1", id=1, position=0),
    Code("Boards", "g5", parent_id=1, id=5, position=1),
    Code("Steering groups", "g2", parent_id=1, id=2, position=0),
    Code("Funding", "g3", id=3, position=1),
    Code("Chairs", "g4", parent_id=2, id=4),
]


def test_subtree_is_the_code_and_everything_below_it_parents_first() -> None:
    assert subtree_ids(CODES, 1) == [1, 5, 2, 4]
    assert subtree_ids(CODES, 2) == [2, 4]
    assert subtree_ids(CODES, 3) == [3]


def test_subtree_does_not_depend_on_parents_coming_first() -> None:
    # A child listed before its parent (as after a move to a later parent) is still found.
    shuffled = [CODES[4], CODES[2], CODES[0], CODES[1], CODES[3]]
    assert subtree_ids(shuffled, 1) == [1, 2, 4, 5]
    assert set(subtree_ids(shuffled, 1)) == set(subtree_ids(CODES, 1))


def test_descendants_agree_with_subtrees() -> None:
    below = descendants(CODES)
    assert below == {c.id: set(subtree_ids(CODES, c.id or 0)) for c in CODES}
    assert below[4] == {4}


def test_a_damaged_tree_with_a_loop_is_walked_once() -> None:
    loop = [Code("A", "a", parent_id=2, id=1), Code("B", "b", parent_id=1, id=2)]
    assert subtree_ids(loop, 1) == [1, 2]


def test_split_path_reads_what_path_text_writes() -> None:
    assert split_path("Governance > Steering groups") == ("Governance", "Steering groups")
    assert split_path(" Governance>Steering groups > ") == ("Governance", "Steering groups")
    assert split_path("") == ()


@pytest.mark.parametrize("name", ["", "  ", "A > B", "A >", "two\nlines", "tab\x07"])
def test_names_that_cannot_name_a_code(name: str) -> None:
    assert name_problem(name) is not None
    with pytest.raises(QualcodeError):
        checked_name(CODES, name, None)


def test_checked_name_strips_and_refuses_a_sibling_of_the_same_name_ignoring_case() -> None:
    assert checked_name(CODES, "  Training ", None) == "Training"
    with pytest.raises(QualcodeError, match="already there"):
        checked_name(CODES, "funding", None)
    assert checked_name(CODES, "funding", 1) == "funding"  # another parent: free
    assert checked_name(CODES, "Funding", None, except_id=3) == "Funding"  # its own name


def test_next_position_is_after_the_last_sibling() -> None:
    assert next_position(CODES, 1) == 2
    assert next_position(CODES, 4) == 0
