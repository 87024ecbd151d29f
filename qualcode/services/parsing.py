"""Parsing a project into its parse cache: every turn and every code's description, parsed
once per text and pipeline, stored as it is made.

Used by ``qualcode parse`` (parse ahead, so suggestions open on results) and by the
suggesters' ``load_corpus`` (parse what is still missing). Parses are stored in small
batches, each its own action, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor

from qualcode.core.model import Code
from qualcode.core.progress import Progress
from qualcode.core.suggestions import RunReport
from qualcode.nlp import ModelChoice, text_key
from qualcode.nlp.parse import iter_parse_stored
from qualcode.services.settings import model_choice
from qualcode.store import Store

# New parses are stored this many at a time, or at least this often: memory stays flat on a
# large corpus, the project is never locked for the whole parse, and an interrupted run
# loses at most a few seconds of parsing.
STORE_EVERY = 2000
STORE_SECONDS = 2.0


def description_text(code: Code) -> str:
    """What a code says about itself (exclusion notes left out: they describe other codes)."""
    parts = [code.name + ".", code.definition, code.inclusion, code.example]
    return " ".join(p.strip() for p in parts if p.strip())


def project_texts(store: Store) -> list[str]:
    """Every text the suggesters parse: non-empty turns, then code descriptions; each once."""
    texts = [doc.text[t.text_start:t.text_end] for doc in store.documents.all()
             for t in store.turns.all(doc.id or 0) if t.text_end > t.text_start]
    texts += [description_text(c) for c in store.codes.all()]
    return list(dict.fromkeys(texts))


def parse_project(store: Store, *, progress: Progress | None = None,
                  executor: Executor | None = None, processes: int | None = None) -> RunReport:
    """Parse every text of the project not yet in the cache (on every core), storing as it
    goes; what is cached already is left alone."""
    choice = model_choice(store)
    keys = {text_key(text): text for text in project_texts(store)}
    cached = store.suggestions.cached_keys(keys, choice.cache_name(), choice.version)
    missing = [(key, text) for key, text in keys.items() if key not in cached]
    for _ in store_parses(store, missing, choice, progress=progress, executor=executor,
                          processes=processes):
        pass
    return RunReport(parsed=len(missing), cached=len(cached),
                     model=f"{choice.cache_name()} {choice.version}",
                     warnings=(choice.warning,) if choice.warning else ())


def store_parses(store: Store, missing: Sequence[tuple[str, str]], choice: ModelChoice, *,
                 progress: Progress | None = None, executor: Executor | None = None,
                 processes: int | None = None) -> Iterator[tuple[str, bytes | str]]:
    """Parse ``missing`` (text key, text) and store each parse; yields (key, stored form) in
    order. Whatever was parsed is stored even when the run stops early (an interrupt)."""
    if not missing:
        return
    made = iter_parse_stored([text for _, text in missing], choice.name, progress=progress,
                             executor=executor, processes=processes)
    batch: dict[str, bytes | str] = {}
    last = time.monotonic()
    try:
        for (key, _), stored in zip(missing, made, strict=True):
            batch[key] = stored
            if len(batch) >= STORE_EVERY or time.monotonic() - last >= STORE_SECONDS:
                _cache(store, batch, choice)
                batch, last = {}, time.monotonic()
            yield key, stored
    finally:
        _cache(store, batch, choice)
        made.close()  # an interrupt: stop the workers (their running chunks end first)


def _cache(store: Store, parses: dict[str, bytes | str], choice: ModelChoice) -> None:
    """Store a batch of new parses (text key -> packed or JSON form) in the parse cache."""
    if not parses:
        return
    model = choice.cache_name()
    with store.action("parse", detail=f"{len(parses)} texts with {model}", undoable=False):
        store.suggestions.cache_parses(parses, model, choice.version)
