"""The suggesters follow scikit-learn's estimator contract, and they work."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import adjusted_rand_score

from qualcode.suggest.codes import MODEL, SIMILARITY, CodeSuggester
from qualcode.suggest.themes import ThemeSuggester

rng = np.random.default_rng(0)
VOCAB = {
    "money": ["fee", "budget", "grant", "donor", "income", "membership fee"],
    "forum": ["forum", "question", "answer", "moderator", "post", "facilitator"],
    "board": ["board", "vote", "chair", "steering group", "plan", "priority"],
}
COMMON = ["people", "work", "country", "year"]


def passages(n_per_topic: int = 12, seed: int = 0) -> tuple[list[list[str]], list[int]]:
    r = np.random.default_rng(seed)
    X, y = [], []
    for t, words in enumerate(VOCAB.values()):
        for _ in range(n_per_topic):
            X.append(list(r.choice(words, 5)) + list(r.choice(COMMON, 2)))
            y.append(t)
    return X, y


@pytest.mark.parametrize("estimator", [ThemeSuggester(n_themes=3, max_df=0.9),
                                       CodeSuggester(min_examples=4, C=2.0)])
def test_estimator_contract(estimator: ThemeSuggester | CodeSuggester) -> None:
    params = estimator.get_params()
    twin = clone(estimator)
    assert twin is not estimator and twin.get_params() == params
    assert type(estimator)(**params).get_params() == params  # round trip through __init__
    assert estimator.set_params(**params) is estimator
    with pytest.raises(NotFittedError):
        estimator.predict([["fee"]])
    X, y = passages()
    Y = np.eye(3, dtype=int)[y]
    fitted = estimator.fit(X, Y) if isinstance(estimator, CodeSuggester) else estimator.fit(X)
    assert fitted is estimator  # fit returns self
    assert estimator.get_params() == params  # fitting leaves the parameters alone
    learned = [a for a in vars(estimator) if a not in params]
    assert learned and all(a.endswith("_") for a in learned), learned


def test_init_stores_parameters_untouched() -> None:
    marker = object()
    assert ThemeSuggester(n_themes=marker).n_themes is marker  # type: ignore[arg-type]
    assert CodeSuggester(class_weight=marker).class_weight is marker  # type: ignore[arg-type]


def test_themes_recover_topics_and_choose_k() -> None:
    X, y = passages()
    fitted = ThemeSuggester(random_state=3, max_df=0.9).fit(X)
    assert fitted.n_themes_ == 3
    assert adjusted_rand_score(y, fitted.labels_) > 0.9
    # k from min_themes up to n // 5, and past the edge the best (3) was on, to 2
    assert set(fitted.scores_) == set(range(2, 8))
    assert fitted.scores_[3] > fitted.scores_[2]
    for keywords, members in zip(fitted.keywords_, fitted.representatives_, strict=True):
        topic = {y[i] for i in members}
        assert len(topic) == 1  # typical members come from one topic
        assert set(keywords[:3]) <= set(VOCAB[list(VOCAB)[topic.pop()]])
    assert all(0 < c <= 1 for c in fitted.cohesion_)
    assert (fitted.predict(X) == fitted.labels_).all()


def test_themes_weigh_terms_as_tfidf_vectorizer_does() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from qualcode.suggest.terms import identity

    X, _ = passages(seed=2)
    X.append(["fee", "fee", "fee", "rare", "word"])  # a count above one; terms in one passage
    fitted = ThemeSuggester(random_state=0, min_df=2, max_df=0.6).fit(X)
    plain = TfidfVectorizer(analyzer=identity, min_df=2, max_df=0.6, sublinear_tf=True)
    expected = plain.fit_transform(X)
    assert list(fitted.vectorizer_.get_feature_names_out()) == \
        list(plain.get_feature_names_out())
    assert abs(fitted.vectorizer_.transform(X) - expected).max() < 1e-12
    new = [["fee", "budget", "unseen"], ["unseen"]]
    assert abs(fitted.vectorizer_.transform(new) - plain.transform(new)).max() < 1e-12


def test_themes_are_reproducible_with_random_state() -> None:
    X, _ = passages(seed=5)
    first = ThemeSuggester(random_state=7, max_df=0.9).fit(X)
    again = ThemeSuggester(random_state=7, max_df=0.9).fit(X)
    assert (first.labels_ == again.labels_).all() and first.keywords_ == again.keywords_
    assert first.scores_ == again.scores_


def test_too_few_passages_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="at least"):
        ThemeSuggester().fit([["a"], ["b"]])


def test_codes_model_for_well_used_codes_similarity_for_the_rest() -> None:
    X, y = passages()
    Y = np.eye(3, dtype=int)[y]
    Y[:, 2][np.flatnonzero(Y[:, 2])[2:]] = 0  # the board code keeps only 2 examples
    descriptions = [["fee", "budget"], ["forum", "moderator"], ["board", "vote", "chair"]]
    fitted = CodeSuggester(min_examples=5).fit(X, Y, descriptions)
    assert fitted.methods_ == [MODEL, MODEL, SIMILARITY]
    scores = fitted.predict_proba([["grant", "donor", "fee"], ["moderator", "post", "answer"],
                                   ["chair", "vote", "board"]])
    assert scores.shape == (3, 3) and ((scores >= 0) & (scores <= 1)).all()
    assert list(scores.argmax(axis=1)) == [0, 1, 2]
    [words] = fitted.explain([["grant", "donor", "people"]], [(0, 0)])
    assert set(words[:2]) == {"donor", "grant"}  # the topic's words drove it most
    [words] = fitted.explain([["vote", "fee"]], [(0, 2)])
    assert words == ["vote"]  # a similarity code: words shared with its description


def test_codes_with_the_same_seed_give_the_same_scores() -> None:
    X, y = passages(seed=2)
    Y = np.eye(3, dtype=int)[y]
    a = CodeSuggester(random_state=1).fit(X, Y).predict_proba(X)
    b = CodeSuggester(random_state=1).fit(X, Y).predict_proba(X)
    assert np.allclose(a, b)


def test_a_rejection_is_a_negative_example_for_its_code() -> None:
    X, y = passages()
    Y = np.eye(3, dtype=int)[y]
    ambiguous = ["fee", "forum", "question", "budget"]
    before = CodeSuggester().fit(X, Y).predict_proba([ambiguous])[0, 0]
    rejected = [ambiguous] * 4
    Y_rejected = np.vstack([Y, np.tile([-1, 0, 0], (4, 1))])
    after = CodeSuggester().fit(X + rejected, Y_rejected).predict_proba([ambiguous])[0, 0]
    assert after < before
