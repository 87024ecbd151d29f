"""Synthesis: findings per code, key quotes, the framework (benchmarking) matrix.

Each public function that changes the project is one undoable user action. Key quotes of a
code are its codings marked important plus the codings picked as key quotes.
"""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.analysis.summary import central_sentences
from qualcode.core.codetree import descendants
from qualcode.core.errors import NotFound, QualcodeError
from qualcode.core.model import Case, Code, Coding
from qualcode.core.synthesis import DEFAULT_MATRIX, Finding, Matrix, MatrixCell, Synthesis
from qualcode.store import Store

DRAFT_SENTENCES = 3


# -- reading -------------------------------------------------------------------------------
def synthesis(store: Store, matrix_name: str = DEFAULT_MATRIX) -> Synthesis:
    """Findings, picks, and the named matrix with its cells (None if not defined)."""
    grid = store.synthesis.matrix(matrix_name)
    return Synthesis(findings=store.synthesis.findings(), picks=store.synthesis.picks(),
                     matrix=grid,
                     cells=store.synthesis.cells(grid.id or 0) if grid else {})


def key_quotes(store: Store, code: Code | None = None) -> list[Coding]:
    """Codings marked important or picked (of one code, or all), in document order."""
    picked = store.synthesis.picks()
    code_ids = [code.id or 0] if code else None
    found = {c.id: c for c in store.codings.all(code_ids=code_ids, important=True)}
    for coding_id in picked:
        coding = store.codings.get(coding_id)
        if code is None or coding.code_id == code.id:
            found[coding_id] = coding
    return sorted(found.values(), key=lambda c: (c.document_id, c.start, c.id or 0))


def is_key_quote(store: Store, coding: Coding) -> bool:
    return coding.important or (coding.id or 0) in store.synthesis.picks()


def find_case(store: Store, ref: str) -> Case:
    """A case by id, name (ignoring case) or unique name prefix."""
    all_cases = store.cases.all()
    ref = ref.strip()
    for test in (lambda c: ref.isdigit() and c.id == int(ref),
                 lambda c: c.name.casefold() == ref.casefold(),
                 lambda c: c.name.casefold().startswith(ref.casefold())):
        found = [c for c in all_cases if test(c)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(c.name for c in found[:5])
            raise NotFound(f"case {ref!r} is ambiguous: {names}")
    raise NotFound(f"no case {ref!r} in the project")


def get_matrix(store: Store, name: str = DEFAULT_MATRIX) -> Matrix:
    grid = store.synthesis.matrix(name)
    if grid is None:
        raise QualcodeError(f"no matrix {name!r} yet (define it with "
                            "`qualcode synth matrix define --codes ... --scale ...`)")
    return grid


# -- findings and key quotes -----------------------------------------------------------------
def set_finding(store: Store, code: Code, text: str, *, coder: str) -> Finding | None:
    """Write the finding of ``code``; empty text removes it."""
    with store.action("finding", detail=code.name, coder=coder):
        store.synthesis.set_finding(code.id or 0, text.strip(), coder)
    return store.synthesis.finding(code.id or 0)


def pick_quote(store: Store, coding: Coding, *, coder: str) -> bool:
    """Make a coding a key quote of its code; False if it already was one."""
    if is_key_quote(store, coding):
        return False
    with store.action("pick quote", detail=f"coding {coding.id}", coder=coder):
        store.synthesis.add_pick(coding.id or 0, coder)
    return True


def unpick_quote(store: Store, coding: Coding, *, coder: str) -> bool:
    """Make a coding no key quote: unpicked, and unmarked important. False if it was none."""
    if not is_key_quote(store, coding):
        return False
    with store.action("unpick quote", detail=f"coding {coding.id}", coder=coder):
        store.synthesis.remove_pick(coding.id or 0)
        if coding.important:
            store.codings.update(coding.id or 0, important=0)
    return True


# -- the framework matrix ---------------------------------------------------------------------
def parse_scale(text: str) -> tuple[str, ...]:
    """``"strong, partial,weak"`` -> levels; duplicates (ignoring case) refused."""
    levels = tuple(level.strip() for level in text.split(",") if level.strip())
    folded = [level.casefold() for level in levels]
    if len(set(folded)) != len(folded):
        raise QualcodeError(f"the scale {text!r} names a level twice")
    return levels


def define_matrix(store: Store, codes: Sequence[Code], scale: Sequence[str], *, coder: str,
                  name: str = DEFAULT_MATRIX) -> Matrix:
    """Create or redefine a matrix: ``codes`` as columns, ``scale`` its rating levels (best
    first). Cells of columns dropped are kept, and come back with their column."""
    if not codes:
        raise QualcodeError("a matrix needs at least one code as a column")
    code_ids = list(dict.fromkeys(c.id or 0 for c in codes))
    scale = list(parse_scale(",".join(scale)))
    existing = store.synthesis.matrix(name)
    if existing is not None:
        lost = sorted(r for r in store.synthesis.ratings_in_use(existing.id or 0, code_ids)
                      if r.casefold() not in {s.casefold() for s in scale})
        if lost:
            raise QualcodeError(f"ratings {', '.join(lost)} are used in matrix {name!r}; "
                                "keep them in the scale or clear those cells first")
    with store.action("define matrix", detail=name, coder=coder):
        store.synthesis.save_matrix(name, code_ids, scale)
    return get_matrix(store, name)


def set_cell(store: Store, case: Case, code: Code, *, coder: str, summary: str | None = None,
             rating: str | None = None, name: str = DEFAULT_MATRIX) -> MatrixCell | None:
    """Write a cell's summary and/or rating (None leaves that part as it is, "" clears it).
    A cell left with neither is removed; returns the cell, or None if none is left."""
    grid = get_matrix(store, name)
    if code.id not in grid.code_ids:
        raise QualcodeError(f"{code.name!r} is not a column of matrix {name!r}")
    current = store.synthesis.cells(grid.id or 0).get((case.id or 0, code.id or 0))
    new_summary = (current.summary if current else "") if summary is None else summary.strip()
    new_rating = (current.rating if current else "") if rating is None else _level(grid, rating)
    with store.action("matrix cell", detail=f"{case.name} x {code.name}", coder=coder):
        store.synthesis.set_cell(grid.id or 0, case.id or 0, code.id or 0, new_summary,
                                 new_rating, coder)
    return store.synthesis.cells(grid.id or 0).get((case.id or 0, code.id or 0))


def draft_cell(store: Store, case: Case, code: Code, *,
               max_sentences: int = DRAFT_SENTENCES) -> str:
    """A draft summary of what ``case`` said under ``code`` (and its sub-codes): the most
    central sentences of those coded segments, in the order they were said. Writes nothing."""
    code_ids = descendants(store.codes.all()).get(code.id or 0, {code.id or 0})
    codings = store.codings.all(code_ids=sorted(code_ids), case_ids=[case.id or 0])
    return " ".join(central_sentences([c.text for c in codings], max_sentences=max_sentences))


def _level(grid: Matrix, rating: str) -> str:
    rating = rating.strip()
    if not rating:
        return ""
    for level in grid.scale:
        if level.casefold() == rating.casefold():
            return level
    if not grid.scale:
        raise QualcodeError(f"matrix {grid.name!r} has no rating scale "
                            "(define it with --scale)")
    raise QualcodeError(f"{rating!r} is not on the scale of matrix {grid.name!r} "
                        f"({', '.join(grid.scale)})")
