"""A code's cross-validated record at a score, read by bisection from its offers, is what
counting every offer says, whatever order the offers come in."""

from __future__ import annotations

import random

import pytest

from qualcode.core.suggestions import MIN_RECORD, CodeFigure


def counted(figure: CodeFigure, score: float) -> tuple[int, int]:
    at_or_above = sum(1 for s, _ in figure.offers if s >= score - 1e-12)
    n = min(len(figure.offers), max(at_or_above, MIN_RECORD))
    return sum(right for _, right in figure.offers[:n]), n


@pytest.mark.parametrize("seed", range(40))
def test_record_at_a_score_is_the_count_over_every_offer(seed: int) -> None:
    rng = random.Random(seed)
    offers = sorted(((round(rng.random(), 2), rng.random() < 0.5)
                     for _ in range(rng.randrange(0, 40))), reverse=seed % 4 != 0)
    figure = CodeFigure(1, "model", 3, 3, 2, offers=tuple(offers))
    for score in (0.0, 0.33, 0.5, 1.0, 2.0, *(s for s, _ in offers)):
        assert figure.record_at(score) == counted(figure, score)
        if offers:
            right, n = counted(figure, score)
            assert figure.sentence(score).startswith(f"right {right} of {n} ")
