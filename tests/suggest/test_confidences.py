"""Confidence computed for many scores at once equals Evaluation.confidence, bit for bit: a
stored confidence is rounded and compared with the floor, so "close" is not enough."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from qualcode.core.suggestions import Calibration, CodeFigure, Evaluation, MethodScore
from qualcode.suggest.calibration import calibrated, confidences

unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
calibrations = st.lists(st.tuples(unit, unit), max_size=6).map(
    lambda points: Calibration(scores=tuple(sorted(x for x, _ in points)),
                               precision=tuple(y for _, y in points)))


@st.composite
def figures(draw: st.DrawFn, code_id: int) -> CodeFigure:
    offers = draw(st.lists(st.tuples(unit, st.booleans()), max_size=12))
    offers.sort(key=lambda o: (-o[0], not o[1]))  # highest first, ties: right first
    offered = draw(st.integers(0, 20))
    return CodeFigure(code_id=code_id, method="model", support=0, suggested=0, right=0,
                      offered=offered, offered_right=draw(st.integers(0, offered)),
                      expected=draw(st.floats(0.0, 20.0)), offers=tuple(offers))


@st.composite
def cases(draw: st.DrawFn) -> tuple[Evaluation, list[int], np.ndarray, np.ndarray]:
    calibration = draw(calibrations)
    code_ids = [10, 11, 12]
    known = [draw(figures(code_id)) for code_id in code_ids[:draw(st.integers(0, 3))]]
    # scores anywhere, and exactly at the map's points and the codes' offers (the edges)
    edges = [*calibration.scores, *(s for f in known for s, _ in f.offers)]
    pick = st.sampled_from(edges) | unit if edges else unit
    scores = draw(st.lists(pick | st.floats(-0.5, 1.5), min_size=1, max_size=30))
    codes = draw(st.lists(st.integers(0, 2), min_size=len(scores), max_size=len(scores)))
    evaluation = Evaluation(segments=0, documents=0, folds=0, grouped_by="",
                            suggester=MethodScore("", 0, 0), baselines=(), codes=tuple(known),
                            calibration=calibration)
    return evaluation, code_ids, np.array(codes), np.array(scores)


@settings(max_examples=300, deadline=None)
@given(cases())
def test_confidences_equal_the_scalar_confidence(
        case: tuple[Evaluation, list[int], np.ndarray, np.ndarray]) -> None:
    evaluation, code_ids, codes, scores = case
    expected = [evaluation.confidence(code_ids[c], s)
                for c, s in zip(codes.tolist(), scores.tolist(), strict=True)]
    assert confidences(evaluation, code_ids, codes, scores).tolist() == expected


@settings(max_examples=200, deadline=None)
@given(calibrations, st.lists(st.floats(-0.5, 1.5), max_size=20))
def test_calibrated_equals_the_map(calibration: Calibration, scores: list[float]) -> None:
    assert calibrated(calibration, np.array(scores)).tolist() == [calibration(s)
                                                                  for s in scores]


def test_confidences_of_a_two_dimensional_ranking() -> None:
    """As suggest_codes asks: each candidate's best codes and their scores, row by row."""
    calibration = Calibration(scores=(0.1, 0.5, 0.9), precision=(0.0, 0.4, 0.8))
    figure = CodeFigure(code_id=7, method="model", support=3, suggested=3, right=2, offered=6,
                        offered_right=3, expected=2.5,
                        offers=((0.9, True), (0.8, False), (0.7, True), (0.4, True),
                                (0.3, False), (0.2, False)))
    evaluation = Evaluation(segments=0, documents=0, folds=0, grouped_by="",
                            suggester=MethodScore("", 0, 0), baselines=(), codes=(figure,),
                            calibration=calibration)
    codes, scores = np.array([[0, 1], [1, 0]]), np.array([[0.85, 0.3], [0.6, 0.05]])
    found = confidences(evaluation, [7, 8], codes, scores)
    assert found.shape == (2, 2)
    expected = [[evaluation.confidence([7, 8][c], s) for c, s in zip(cs, ss, strict=True)]
                for cs, ss in zip(codes.tolist(), scores.tolist(), strict=True)]
    assert found.tolist() == expected
