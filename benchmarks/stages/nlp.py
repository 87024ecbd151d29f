"""NLP parse: every turn of the project parsed and cached (``load_corpus`` of the suggest
services, which parses through ``qualcode.nlp``), against bare ``nlp.pipe`` over the same
texts with the same pipeline (same components) and batch size, on every core the machine
gives (``n_process``): the hardware's limit, not one core's. Also times the re-run on the
unchanged project, which should find every parse in the cache."""

from __future__ import annotations

from benchmarks.measure import Stopwatch
from benchmarks.stages import prepared
from benchmarks.stages.base import (
    Context,
    Stage,
    Timing,
    first_missing,
    missing_attributes,
)


def _model() -> tuple[str, str]:
    from qualcode.nlp import choose_model

    choice = choose_model()
    return choice.name, choice.version


def texts_of(ctx: Context) -> list[str]:
    """What ``load_corpus`` parses: every non-empty turn and every code's description, each
    distinct text once."""
    from qualcode.services.suggest_corpus import description_text
    from qualcode.store import Store

    with Store.open(ctx.project) as store:
        texts = [doc.text[t.text_start:t.text_end] for doc in store.documents.all()
                 for t in store.turns.all(doc.id or 0) if t.text_end > t.text_start]
        texts += [description_text(c) for c in store.codes.all()]
    return list(dict.fromkeys(texts))


def measure(ctx: Context) -> Timing:
    from qualcode.nlp import pipeline
    from qualcode.nlp.parse import usable_cores
    from qualcode.services.suggest_corpus import load_corpus
    from qualcode.store import Store

    name, version = _model()
    project = prepared.fresh_copy(ctx, "nlp.qualcode")
    first, again = Stopwatch(), Stopwatch()
    with Store.open(project) as store:
        pipeline.load(name)  # loading the model is outside the clock, as in the ceiling
        with first.running():
            corpus = load_corpus(store)
        with again.running():
            rerun = load_corpus(store)
    prepared.keep_parsed(ctx, project)
    return Timing(first.seconds, {
        "texts": corpus.report.parsed, "words_per_s": round(ctx.words / first.seconds),
        "rerun_s": round(again.seconds, 4), "rerun_parsed": rerun.report.parsed,
        "processes": usable_cores(),
        "model": f"{name} {version}"})


def ceiling(ctx: Context) -> Timing:
    from qualcode.nlp import pipeline
    from qualcode.nlp.parse import BATCH_SIZE, usable_cores

    name, version = _model()
    texts = texts_of(ctx)
    nlp = pipeline.load(name)  # the very pipeline (components) the stage uses
    cores = usable_cores()
    watch = Stopwatch()
    with watch.running():
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=cores):
            pass
    return Timing(watch.seconds, {"texts": len(texts), "batch_size": BATCH_SIZE,
                                  "processes": cores,
                                  "words_per_s": round(ctx.words / watch.seconds),
                                  "components": "+".join(nlp.pipe_names)})


STAGE = Stage(
    name="nlp",
    title="NLP parse (qualcode.nlp via load_corpus)",
    ceiling_title="bare nlp.pipe on every core (n_process) over the same texts, same pipeline "
                  "components and batch size",
    missing=lambda: first_missing(
        lambda: missing_attributes("qualcode.nlp", "choose_model"),
        lambda: missing_attributes("qualcode.nlp.pipeline", "load"),
        lambda: missing_attributes("qualcode.nlp.parse", "BATCH_SIZE", "parse_texts"),
        lambda: missing_attributes("qualcode.services.suggest_corpus", "load_corpus",
                                   "description_text")),
    measure=measure,
    ceiling=ceiling,
)
