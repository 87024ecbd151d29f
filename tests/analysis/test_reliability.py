"""The weighted statistics equal the reference libraries on the expanded data."""

from __future__ import annotations

import math

import krippendorff
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from qualcode.analysis.reliability import Unit, cohen_kappa, krippendorff_alpha

value = st.one_of(st.none(), st.integers(0, 3))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(value, min_size=3, max_size=3), st.integers(1, 4)),
                min_size=1, max_size=12))
def test_weighted_nominal_alpha_equals_the_krippendorff_package(rows) -> None:
    units = [Unit(tuple(values), weight) for values, weight in rows]
    expanded = [values for values, weight in rows for _ in range(weight)
                if sum(v is not None for v in values) >= 2]
    distinct = {v for values in expanded for v in values if v is not None}
    ours = krippendorff_alpha(units)
    if len(distinct) < 2:
        assert ours is None
        return
    data = [[math.nan if v is None else v for v in column] for column in zip(*expanded,
                                                                               strict=True)]
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert ours == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(1, 5)),
                min_size=1, max_size=15))
def test_weighted_kappa_equals_scikit_learn(rows) -> None:
    units = [Unit((a, b), w) for a, b, w in rows]
    first = [a for a, _b, w in rows for _ in range(w)]
    second = [b for _a, b, w in rows for _ in range(w)]
    ours = cohen_kappa(units)
    if len(set(first) | set(second)) == 1:
        assert ours is None
        return
    theirs = cohen_kappa_score(first, second)
    if math.isnan(theirs):
        assert ours is None
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)
