"""TF-IDF from terms counted once equals TfidfVectorizer's, entry for entry: the suggester's
scores, and so the suggestions and the evaluation, must not move by a bit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from qualcode.suggest.terms import identity
from qualcode.suggest.vectors import TermCounts, TfidfTerms

words = st.sampled_from(["fee", "budget", "forum", "vote", "q:fee", "at:1", "at:2", "Chair",
                         "chair", "é", "steering group"])
texts = st.lists(st.lists(words, max_size=8), min_size=1, max_size=25)


def same(a: object, b: object) -> None:
    assert type(a) is type(b)
    assert a.shape == b.shape  # type: ignore[attr-defined]
    for part in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(a, part), getattr(b, part)), part


@settings(max_examples=300, deadline=None)
@given(texts, st.data(), st.sampled_from([1, 2]), st.sampled_from([0.5, 0.9, 1.0, 3]))
def test_a_fit_on_counted_rows_equals_tfidf_vectorizer(
        corpus: list[list[str]], data: st.DataObject, min_df: int, max_df: float) -> None:
    rows = np.asarray(data.draw(st.lists(st.integers(0, len(corpus) - 1), min_size=1)))
    other = np.asarray(data.draw(st.lists(st.integers(0, len(corpus) - 1), min_size=1)))
    reference = TfidfVectorizer(analyzer=identity, sublinear_tf=True, min_df=min_df,
                                max_df=max_df)
    ours = TfidfTerms(TermCounts(corpus), min_df=min_df, max_df=max_df)
    try:
        reference.fit([corpus[i] for i in rows])
    except ValueError as error:
        with pytest.raises(ValueError, match=str(error)[:20]):
            ours.fit(rows)
        return
    ours.fit(rows)
    assert ours.vocabulary_ == reference.vocabulary_
    assert ours.get_feature_names_out().tolist() == reference.get_feature_names_out().tolist()
    same(ours.rows(other), reference.transform([corpus[i] for i in other]))
    unseen = [["fee", "new", "fee"], [], ["vote", "chair"]]
    same(ours.transform(unseen), reference.transform(unseen))
