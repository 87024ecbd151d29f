"""Theme suggestion once parsed: ``services.suggest.suggest_themes`` on a project whose parses
are cached, against bare scikit-learn on the same passages' terms: ``TfidfVectorizer`` and a
fit of the same estimator steps (TruncatedSVD, then KMeans with the silhouette score for each
number of themes the suggester tries), with the suggester's own parameters and thread limit."""

from __future__ import annotations

from typing import Any

from benchmarks.measure import Stopwatch
from benchmarks.stages import prepared
from benchmarks.stages.base import (
    Context,
    Stage,
    Timing,
    first_missing,
    missing_attributes,
)

# The suggesters fit on one thread (qualcode.suggest.threads): two threads made k-means twenty
# times slower on small data. The ceiling runs with the same limit, so only the code differs.
THREADS = 1


def measure(ctx: Context) -> Timing:
    import qualcode.suggest.themes  # noqa: F401  scikit-learn imported outside the clock
    from qualcode.services.suggest import suggest_themes
    from qualcode.store import Store

    project = prepared.parsed_copy(ctx, "themes.qualcode")
    watch = Stopwatch()
    with Store.open(project) as store, watch.running():
        result = suggest_themes(store)
    summary = result.run.summary
    return Timing(watch.seconds, {"segments": int(summary["units"]), "themes": summary["k"],
                                  "parsed_now": result.report.parsed})


def passages(ctx: Context) -> list[list[str]]:
    """The terms of the passages ``suggest_themes`` clusters (respondent turns)."""
    from qualcode.services.suggest_corpus import load_corpus, respondent_units
    from qualcode.store import Store

    with Store.open(prepared.parsed_copy(ctx, "themes-ceiling.qualcode")) as store:
        corpus = load_corpus(store)
        return [u.terms for u in respondent_units(corpus, unit="turn")]


def candidate_ks(params: dict[str, Any], n: int) -> list[int]:
    """The numbers of themes the suggester tries (its documented rule)."""
    if params["n_themes"] is not None:
        return [min(params["n_themes"], n - 1)]
    high = max(2, min(params["max_themes"], n // 5))
    return list(range(min(params["min_themes"], high), high + 1))


def ceiling(ctx: Context) -> Timing:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import normalize
    from threadpoolctl import threadpool_limits

    from qualcode.services.suggest import THEME_PARAMS
    from qualcode.suggest.terms import identity
    from qualcode.suggest.themes import ThemeSuggester

    X = passages(ctx)
    p = ThemeSuggester(**THEME_PARAMS).get_params()
    watch = Stopwatch()
    with watch.running(), threadpool_limits(limits=THREADS):
        tfidf = TfidfVectorizer(analyzer=identity, min_df=p["min_df"], max_df=p["max_df"],
                                sublinear_tf=True).fit_transform(X)
        components = max(1, min(p["n_components"], tfidf.shape[1] - 1, tfidf.shape[0] - 1))
        reduced = normalize(TruncatedSVD(n_components=components,
                                         random_state=p["random_state"]).fit_transform(tfidf))
        for k in candidate_ks(p, len(X)):
            labels = KMeans(n_clusters=k, n_init=p["n_init"],
                            random_state=p["random_state"]).fit_predict(reduced)
            silhouette_score(reduced, labels, metric="cosine")
    return Timing(watch.seconds, {"segments": len(X)})


STAGE = Stage(
    name="themes",
    title="Theme suggestion (services.suggest.suggest_themes, parses cached)",
    ceiling_title="bare TfidfVectorizer + TruncatedSVD + KMeans/silhouette for the same ks "
                  "on the same passages' terms (scikit-learn)",
    missing=lambda: first_missing(
        lambda: missing_attributes("qualcode.services.suggest", "suggest_themes",
                                   "THEME_PARAMS"),
        lambda: missing_attributes("qualcode.services.suggest_corpus", "load_corpus",
                                   "respondent_units"),
        lambda: missing_attributes("qualcode.suggest.themes", "ThemeSuggester"),
        lambda: missing_attributes("qualcode.suggest.terms", "identity")),
    measure=measure,
    ceiling=ceiling,
)
