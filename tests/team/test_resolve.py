"""Disagreements between two coders, and resolving them into a consensus coder."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.analysis.agreement import CodedSpan
from qualcode.analysis.disagreements import (
    DIFFERENT_CODES,
    DIFFERENT_EXTENTS,
    ONLY_FIRST,
    ONLY_SECOND,
    disagreements,
)
from qualcode.cli import main
from qualcode.services import resolve as team
from qualcode.services.merge import merge_project
from qualcode.store import Store


def span(coder: str, code: int, start: int, end: int, doc: int = 1) -> CodedSpan:
    return CodedSpan(doc, code, coder, start, end)


def test_the_four_kinds_and_agreement_left_out() -> None:
    spans = [
        span("a", 1, 0, 10), span("b", 1, 0, 10),          # agree
        span("a", 1, 20, 30),                                # only a
        span("b", 2, 40, 50),                                # only b
        span("a", 1, 60, 70), span("b", 2, 60, 70),          # different codes
        span("a", 1, 80, 95), span("b", 1, 82, 95),          # different extents
    ]
    found = disagreements(spans, "a", "b")
    assert [(d.start, d.end, d.kind) for d in found] == [
        (20, 30, ONLY_FIRST), (40, 50, ONLY_SECOND), (60, 70, DIFFERENT_CODES),
        (80, 95, DIFFERENT_EXTENTS)]


def test_a_chain_of_overlaps_is_one_cluster() -> None:
    spans = [span("a", 1, 0, 10), span("b", 1, 8, 20), span("a", 2, 18, 30)]
    (only,) = disagreements(spans, "a", "b")
    assert (only.start, only.end) == (0, 30) and len(only.first) == 2


@pytest.fixture
def merged(ana_and_ben: tuple[Path, Path]) -> Path:
    ana, ben = ana_and_ben
    with Store.open(ana) as store:
        merge_project(store, ben, coder="ana")
    return ana


def test_fixture_coders_disagree_in_every_way(merged: Path) -> None:
    with Store.open(merged) as store:
        found = team.open_disagreements(store, "ana", "ben")
    kinds = {d.kind for d in found}
    assert {ONLY_FIRST, DIFFERENT_CODES, DIFFERENT_EXTENTS} <= kinds


@pytest.mark.parametrize("decision", ["first", "second", "both", "neither"])
def test_resolving_makes_consensus_codings_and_undo_takes_them_back(
        merged: Path, decision: str) -> None:
    with Store.open(merged) as store:
        item = next(d for d in team.open_disagreements(store, "ana", "ben")
                    if d.kind == DIFFERENT_CODES)
        before = team.progress(store, "ana", "ben")
        made = team.resolve(store, item, decision, first="ana", second="ben", coder="lead")
        consensus = {(c.code_id, c.start, c.end) for c in store.codings.all()
                     if c.coder == "consensus"}
        first = {(s.code_id, s.start, s.end) for s in item.first}
        second = {(s.code_id, s.start, s.end) for s in item.second}
        expected = {"first": first, "second": second, "both": first | second,
                    "neither": set()}[decision]
        assert consensus == expected and made == len(expected)
        after = team.progress(store, "ana", "ben")
        assert after.resolved == before.resolved + 1 and after.total == before.total
        assert item.key not in {d.key for d in team.open_disagreements(store, "ana", "ben")}
        undone = store.undo()
        assert undone is not None and undone.name == "resolve"
        assert not [c for c in store.codings.all() if c.coder == "consensus"]
        assert team.progress(store, "ana", "ben") == before


def test_cli_lists_and_resolves_by_number(merged: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--project", str(merged), "--coder", "lead"]
    assert main([*args, "disagreements", "--coders", "ana,ben", "--format", "csv"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == "n,document,span,kind,ana,ben" and len(listed) > 5
    assert main([*args, "resolve", "1", "--take", "first", "--coders", "ana,ben"]) == 0
    assert "open" in capsys.readouterr().out
    assert main([*args, "disagreements", "--coders", "ana,ben", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(listed) - 1
