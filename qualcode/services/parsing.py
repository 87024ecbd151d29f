"""Parsing a project into its parse cache: every turn and every code's description, parsed
once per text and pipeline, stored as it is made.

Used by ``qualcode parse`` (parse ahead, so suggestions open on results) and by the
suggesters' ``load_corpus`` (parse what is still missing). Parses are stored in small
batches, each its own action, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Generator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

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


@dataclass(frozen=True)
class ParsePlan:
    """What parsing a project still has to do, in the order it is done: the texts not cached
    (documents first, in their order, then code descriptions), and where each document's
    last new text falls, so progress can be told in documents."""

    choice: ModelChoice
    missing: list[tuple[str, str]]  # (text key, text)
    cached: int  # distinct texts already in the cache
    documents: int  # documents in the project
    ends: list[int]  # per document, how many missing texts are parsed once it is done

    def documents_done(self, parsed: int) -> int:
        """How many documents are wholly parsed once the first ``parsed`` missing texts are."""
        return bisect_right(self.ends, parsed)

    @property
    def report(self) -> RunReport:
        return RunReport(parsed=len(self.missing), cached=self.cached,
                         model=f"{self.choice.cache_name()} {self.choice.version}",
                         warnings=(self.choice.warning,) if self.choice.warning else ())


def plan_parse(store: Store) -> ParsePlan:
    """The texts of the project not yet in the cache, per document (no spaCy loaded)."""
    choice = model_choice(store)
    per_document = [[doc.text[t.text_start:t.text_end] for t in store.turns.all(doc.id or 0)
                     if t.text_end > t.text_start] for doc in store.documents.all()]
    described = [description_text(c) for c in store.codes.all()]
    keyed = [[(text_key(text), text) for text in texts] for texts in [*per_document, described]]
    cached = store.suggestions.cached_keys((key for texts in keyed for key, _ in texts),
                                                choice.cache_name(), choice.version)
    missing: list[tuple[str, str]] = []
    ends: list[int] = []
    seen = set(cached)
    for texts in keyed:  # the descriptions last: they end no document
        for key, text in texts:
            if key not in seen:
                seen.add(key)
                missing.append((key, text))
        ends.append(len(missing))
    ends.pop()
    return ParsePlan(choice, missing, len(cached), len(per_document), ends)


def parse_project(store: Store, *, progress: Progress | None = None,
                  executor: Executor | None = None, processes: int | None = None) -> RunReport:
    """Parse every text of the project not yet in the cache (on every core), storing as it
    goes; what is cached already is left alone."""
    plan = plan_parse(store)
    for _ in store_parses(store, plan.missing, plan.choice, progress=progress,
                          executor=executor, processes=processes):
        pass
    return plan.report


def store_parses(store: Store, missing: Sequence[tuple[str, str]], choice: ModelChoice, *,
                 progress: Progress | None = None, executor: Executor | None = None,
                 processes: int | None = None) -> Generator[tuple[str, bytes | str], None, None]:
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
