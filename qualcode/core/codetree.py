"""The codebook as a tree: what lies below a code, how a path is written, which names a code
may take.

One home for these rules, so that "a code and its sub-codes" and "a free name" mean the same in
the CLI, the services, analysis, the codebook files and the TUI. Pure functions over
:class:`Code` records; the caller reads the codes.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code

# Joins the names of a path ("Governance > Steering groups") in CSV files, lists and messages,
# so no code name may contain it.
PATH_SEPARATOR = " > "

_LINE_BREAKS = "\n\r\v\f\x85\u2028\u2029"


def subtree_ids(codes: Iterable[Code], root: int) -> list[int]:
    """``root`` and every code below it: parents before children, siblings in the order of
    ``codes`` (whatever order ``codes`` come in)."""
    return _walk(_children(codes), root)


def descendants(codes: Sequence[Code]) -> dict[int, set[int]]:
    """Each code id and the ids of the code itself and everything below it."""
    children = _children(codes)
    return {c.id or 0: set(_walk(children, c.id or 0)) for c in codes}


def _children(codes: Iterable[Code]) -> dict[int | None, list[int]]:
    children: dict[int | None, list[int]] = defaultdict(list)
    for c in codes:
        children[c.parent_id].append(c.id or 0)
    return children


def _walk(children: dict[int | None, list[int]], root: int) -> list[int]:
    """Pre-order from ``root``; a code met twice (a damaged tree) is walked once."""
    found: list[int] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        code_id = stack.pop()
        if code_id in seen:
            continue
        seen.add(code_id)
        found.append(code_id)
        stack.extend(reversed(children.get(code_id, [])))
    return found


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a code, or None if it can."""
    if not name.strip():
        return "a code has an empty name"
    if any(ch in _LINE_BREAKS for ch in name):
        return f"code name {name!r} must be one line of text"
    control = next((ch for ch in name if unicodedata.category(ch) == "Cc"), None)
    if control is not None:
        return f"code name {name!r} contains the control character U+{ord(control):04X}"
    if name != name.strip():
        return f"code name {name!r} starts or ends with white space"
    # A name ending in " >" would make "A > > B" ambiguous as a CSV path.
    if PATH_SEPARATOR in name or name.endswith(PATH_SEPARATOR.rstrip()):
        return (
            f"code name {name!r} contains {PATH_SEPARATOR!r} (or ends with ' >'), which "
            "separates a parent from a child in CSV paths"
        )
    return None


def split_path(text: str) -> tuple[str, ...]:
    """The names of a path written as text ("Governance > Steering groups"), white space
    around each name and empty names left out."""
    return tuple(name.strip() for name in text.split(PATH_SEPARATOR.strip()) if name.strip())


def path_key(path: tuple[str, ...]) -> tuple[str, ...]:
    """Names are compared ignoring case: "Governance" and "governance" are one code."""
    return tuple(name.casefold() for name in path)


def name_taken(codes: Iterable[Code], name: str, parent_id: int | None,
               except_id: int | None = None) -> bool:
    """Whether a sibling under ``parent_id`` (other than ``except_id``) has ``name``, ignoring
    case, as the project's sibling-name index does."""
    return any(c.parent_id == parent_id and c.name.lower() == name.lower() and c.id != except_id
               for c in codes)


def checked_name(codes: Iterable[Code], name: str, parent_id: int | None,
                 except_id: int | None = None) -> str:
    """``name`` without surrounding white space, if a code under ``parent_id`` may take it;
    else a QualcodeError saying why."""
    name = name.strip()
    if not name:
        raise QualcodeError("a code needs a name")
    problem = name_problem(name)
    if problem is not None:
        raise QualcodeError(problem)
    refuse_taken(codes, name, parent_id, except_id)
    return name


def refuse_taken(codes: Iterable[Code], name: str, parent_id: int | None,
                 except_id: int | None = None) -> None:
    """A QualcodeError if a sibling under ``parent_id`` already has ``name``."""
    if name_taken(codes, name, parent_id, except_id):
        raise QualcodeError(f"a code named {name!r} is already there")


def next_position(codes: Iterable[Code], parent_id: int | None) -> int:
    """The position that puts a new code after its siblings under ``parent_id``."""
    return 1 + max((c.position for c in codes if c.parent_id == parent_id), default=-1)
