"""`suggest evaluate` on the demo project (its 13 fictional interviews and hand-made coding)
with every parse already cached: the cross-validation done afresh, and again on the unchanged
project (the stored evaluation comes back). The ceiling is the cross-validation alone, handed
the passages' terms (no project to read, no corpus to place).

Not sized: the demo is what it is. Both figures are the service call in a warm process
(scikit-learn imported before the clock), as `qualcode suggest evaluate` runs it.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from benchmarks.measure import Stopwatch
from benchmarks.stages.base import Context, Stage, Timing, first_missing, missing_attributes

ROOT = Path(__file__).resolve().parents[2]
DEMO_WORDS = 27_921  # in the 13 demo transcripts as imported


def parsed_demo(ctx: Context) -> Path:
    """The demo project with every text parsed and cached (built once per run)."""
    from qualcode.services import demo
    from qualcode.services.suggest_corpus import load_corpus
    from qualcode.store import Store

    built = ctx.shared / "demo-parsed.qualcode"
    if not built.exists():
        ctx.shared.mkdir(parents=True, exist_ok=True)
        building = ctx.shared / "demo-building.qualcode"
        demo.build_demo(building, ROOT / "transcripts",
                        ROOT / "codebooks" / "childhub-benchmarking.yml", coder="benchmark")
        with Store.open(building) as store:
            load_corpus(store)  # parses and caches every turn and code description
        building.rename(built)
    ctx.scratch.mkdir(parents=True, exist_ok=True)
    copy = ctx.scratch / "demo.qualcode"
    shutil.copy(built, copy)
    return copy


def measure(ctx: Context) -> Timing:
    import qualcode.suggest.codes  # noqa: F401  scikit-learn imported outside the clock
    import qualcode.suggest.evaluate  # noqa: F401
    from qualcode.services.suggest import evaluate
    from qualcode.store import Store

    fresh, stored = Stopwatch(), Stopwatch()
    with Store.open(parsed_demo(ctx)) as store:
        cpu = time.process_time()
        with fresh.running():
            first = evaluate(store)
        cpu = time.process_time() - cpu  # the CPU it took: on a busy machine, wall time lies
        with stored.running():
            again = evaluate(store)
    assert again.report.reused and not first.report.reused
    e = first.evaluation
    gap = max(abs(b.precision - b.confidence) for b in e.reliability)
    return Timing(fresh.seconds, {
        "cpu_s": round(cpu, 3), "stored_s": round(stored.seconds, 3),
        "coded_passages": e.segments,
        "top1": round(e.suggester.top1, 3), "top3": round(e.suggester.top3, 3),
        "largest_reliability_gap": round(gap, 3)})


def ceiling(ctx: Context) -> Timing:
    from qualcode.services.suggest import CODE_PARAMS, CONTEXT_FEATURES
    from qualcode.services.suggest_context import Context as Evidence
    from qualcode.services.suggest_corpus import load_corpus, training_data
    from qualcode.store import Store
    from qualcode.suggest.codes import CodeSuggester
    from qualcode.suggest.evaluate import cross_validate

    with Store.open(parsed_demo(ctx)) as store:
        corpus = load_corpus(store)
        data = training_data(store, corpus, Evidence(store, corpus, CONTEXT_FEATURES).terms)
    watch = Stopwatch()
    with watch.running():
        cross_validate(data.X, data.Y, data.groups, data.descriptions, data.code_ids,
                       estimator=CodeSuggester(**CODE_PARAMS))
    return Timing(watch.seconds, {"coded_passages": sum(1 in row for row in data.Y)})


STAGE = Stage(
    name="evaluate",
    title="suggest evaluate on the demo, parses cached (services.suggest.evaluate)",
    ceiling_title="the cross-validation alone, handed the passages' terms",
    missing=lambda: first_missing(
        lambda: missing_attributes("qualcode.services.suggest", "evaluate",
                                   "CONTEXT_FEATURES"),
        lambda: missing_attributes("qualcode.services.suggest_context", "Context")),
    measure=measure,
    repeats=3,  # a second or two each: best of three takes the machine's noise out
    ceiling=ceiling,
    sized=False,
    own_words=DEMO_WORDS,
)
