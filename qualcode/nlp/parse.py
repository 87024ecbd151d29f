"""Parsing texts with spaCy into plain data, in this process or in a worker process.

``parse_texts`` takes and returns plain data, so a ``ProcessPoolExecutor`` can run it: the
pipeline is then loaded once in the worker and the calling process (the TUI) never freezes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import TYPE_CHECKING

from qualcode.core import spans
from qualcode.nlp import pipeline
from qualcode.nlp.parsed import ParsedText, ParsedToken

if TYPE_CHECKING:
    from spacy.tokens import Doc

Progress = Callable[[int, int], None]  # (texts done, texts in all)

BATCH_SIZE = 32
CHUNK_SIZE = 64  # texts per task sent to a worker process


def parse_texts(texts: Sequence[str], model: str, *, entities: bool = False,
                progress: Progress | None = None) -> list[ParsedText]:
    """Parse ``texts`` with pipeline ``model`` (batched with ``nlp.pipe``)."""
    nlp = pipeline.load(model, entities)
    found: list[ParsedText] = []
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        found.append(from_doc(doc, entities=entities))
        if progress and (len(found) % BATCH_SIZE == 0 or len(found) == len(texts)):
            progress(len(found), len(texts))
    return found


def parse_many(texts: Sequence[str], model: str, *, entities: bool = False,
               progress: Progress | None = None,
               executor: Executor | None = None) -> list[ParsedText]:
    """Like ``parse_texts``; with an executor the work runs there in chunks, and progress is
    reported here as each chunk comes back."""
    if executor is None:
        return parse_texts(texts, model, entities=entities, progress=progress)
    chunks = [list(texts[i:i + CHUNK_SIZE]) for i in range(0, len(texts), CHUNK_SIZE)]
    futures = [executor.submit(parse_texts, chunk, model, entities=entities) for chunk in chunks]
    found: list[ParsedText] = []
    for future in futures:
        found += future.result()
        if progress:
            progress(len(found), len(texts))
    return found


def from_doc(doc: Doc, *, entities: bool = False) -> ParsedText:
    has_lemmas = doc.has_annotation("LEMMA")
    tokens = tuple(
        ParsedToken(start=t.idx, end=t.idx + len(t.text),
                    lemma=(t.lemma_ if has_lemmas and t.lemma_ else t.text).lower(),
                    pos=t.pos_, is_stop=t.is_stop, is_alpha=t.is_alpha)
        for t in doc)
    chunks = (tuple((c.start, c.end) for c in doc.noun_chunks)
              if doc.has_annotation("DEP") else ())
    if doc.has_annotation("SENT_START"):
        sentences = tuple(spans.trim(doc.text, s.start_char, s.end_char) for s in doc.sents
                          if s.text.strip())
    else:
        sentences = tuple(spans.sentences(doc.text))
    ents = tuple((e.start_char, e.end_char, e.label_) for e in doc.ents) if entities else ()
    return ParsedText(tokens=tokens, noun_chunks=chunks, sentences=sentences, entities=ents)
