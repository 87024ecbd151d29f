"""Parsing texts with spaCy into plain data, in this process or in a worker process.

``encode_texts`` takes plain data and returns the cache's form, so a ``ProcessPoolExecutor``
can run it: the pipeline is then loaded once in the worker and the calling process (the TUI)
never freezes. ``iter_parse_stored`` yields parses in order as they come, so a caller can
store each batch and let it go instead of holding the whole corpus's parses.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TYPE_CHECKING

from qualcode.core import spans
from qualcode.core.progress import Progress
from qualcode.nlp import pipeline
from qualcode.nlp.packed import encode
from qualcode.nlp.parsed import ALPHA, STOP, ParseData, ParsedText

if TYPE_CHECKING:
    from spacy.tokens import Doc

STAGE = "parsing"  # what progress reports are about
BATCH_SIZE = 32
CHUNK_SIZE = 64  # texts per task sent to a worker process
# Below this many texts a second process costs more (starting it) than it saves.
MIN_TEXTS_FOR_PROCESSES = 4 * CHUNK_SIZE


def parse_texts(texts: Sequence[str], model: str, *, entities: bool = False,
                progress: Progress | None = None) -> list[ParsedText]:
    """Parse ``texts`` with pipeline ``model`` (batched with ``nlp.pipe``)."""
    return [ParsedText.from_data(d)
            for d in parse_data(texts, model, entities=entities, progress=progress)]


def parse_data(texts: Sequence[str], model: str, *, entities: bool = False,
               progress: Progress | None = None) -> list[ParseData]:
    """Parse ``texts`` to their data form (the cache's decoded JSON); callable in a worker."""
    return list(iter_parse_data(texts, model, entities=entities, progress=progress))


def iter_parse_data(texts: Sequence[str], model: str, *, entities: bool = False,
                    progress: Progress | None = None) -> Iterator[ParseData]:
    """The parse of each of ``texts``, in order, as it is made (in this process; see
    ``iter_parse_stored`` for worker processes)."""
    nlp = pipeline.load(model, entities)
    for done, (text, doc) in enumerate(
            zip(texts, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True), 1):
        yield doc_data(doc, entities=entities, text=text)
        if progress and (done % BATCH_SIZE == 0 or done == len(texts)):
            progress(STAGE, done, len(texts))


def encode_texts(texts: Sequence[str], model: str, entities: bool = False) -> list[bytes | str]:
    """Parse ``texts`` to the form the cache stores (see packed.py); callable in a worker,
    whose answer is then a few bytes per token to send back rather than a list per token."""
    return [encode(d) for d in iter_parse_data(texts, model, entities=entities)]


def iter_parse_stored(texts: Sequence[str], model: str, *, entities: bool = False,
                      progress: Progress | None = None, executor: Executor | None = None,
                      processes: int | None = None) -> Generator[bytes | str, None, None]:
    """The cache's form of the parse of each of ``texts``, in order, as it is made: in
    ``executor`` when there is one, else on every core (``processes``, default: all the
    cores this process may use) once there are enough texts to be worth it."""
    workers = usable_cores() if processes is None else processes
    own = None
    if executor is None and workers > 1 and len(texts) >= MIN_TEXTS_FOR_PROCESSES:
        pipeline.load(model, entities)  # loaded once here: forked workers inherit it
        methods = multiprocessing.get_all_start_methods()
        own = executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork" if "fork" in methods
                                                            else None),
            initializer=_ignore_interrupts)
    try:
        if executor is None:
            for done, data in enumerate(iter_parse_data(texts, model, entities=entities), 1):
                yield encode(data)
                if progress and (done % BATCH_SIZE == 0 or done == len(texts)):
                    progress(STAGE, done, len(texts))
            return
        yield from _in_chunks(texts, model, entities, progress, executor)
    finally:
        if own is not None:  # also when stopped early (an interrupt): leave no work running
            own.shutdown(wait=True, cancel_futures=True)


def _in_chunks(texts: Sequence[str], model: str, entities: bool, progress: Progress | None,
               executor: Executor) -> Iterator[bytes | str]:
    futures = [executor.submit(encode_texts, list(texts[i:i + CHUNK_SIZE]), model, entities)
               for i in range(0, len(texts), CHUNK_SIZE)]
    done = 0
    for future in futures:
        chunk = future.result()
        yield from chunk
        done += len(chunk)
        if progress:
            progress(STAGE, done, len(texts))


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the caller's to handle (it stores what is done and stops the
    pool); workers would each print a traceback of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def usable_cores() -> int:
    """The cores this process may run on; 1 inside a worker process (no pools in pools)."""
    if multiprocessing.parent_process() is not None:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def doc_data(doc: Doc, *, entities: bool = False, text: str | None = None) -> ParseData:
    """A parsed Doc as plain data, read from its token attribute array at once (a Token
    object per word, and ``doc.text`` rebuilt per sentence, cost as much as a tenth of the
    parse itself). ``text``: the text parsed, if at hand (``doc.text`` rebuilds it)."""
    import numpy as np
    from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LEMMA, LENGTH, ORTH, POS, SENT_START
    from spacy.parts_of_speech import NAMES

    text = doc.text if text is None else text
    if not len(doc):
        return {"t": [], "nc": [], "s": [], "e": []}
    strings = doc.vocab.strings
    has_lemmas = doc.has_annotation("LEMMA")
    table = doc.to_array([IDX, LENGTH, LEMMA, ORTH, POS, IS_STOP, IS_ALPHA, SENT_START])
    rows = table[:, :7].tolist()
    lowered: dict[int, str] = {}  # string hash -> the string in lower case
    tokens = []
    # a plain loop: numpy calls per document (np.unique and the like) cost more here
    for start, length, lemma, orth, pos, stop, alpha in rows:
        # the lemma, or the word itself without one (no lemmatizer); only "" hashes to 0
        key = lemma if has_lemmas and lemma else orth
        word = lowered.get(key)
        if word is None:
            word = lowered[key] = strings[key].lower()
        tokens.append([start, start + length, word, NAMES[pos], STOP * stop + ALPHA * alpha])
    chunks = ([[c.start, c.end] for c in doc.noun_chunks]
              if doc.has_annotation("DEP") else [])
    if doc.has_annotation("SENT_START"):  # as doc.sents: a sentence starts where flagged 1
        bounds = [0, *(np.flatnonzero(table[1:, 7] == 1) + 1).tolist(), len(tokens)]
        sentences = []
        for first, last in zip(bounds, bounds[1:], strict=False):
            begin, end = tokens[first][0], tokens[last - 1][1]
            if text[begin:end].strip():
                sentences.append(list(spans.trim(text, begin, end)))
    else:
        sentences = [list(s) for s in spans.sentences(text)]
    ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents] if entities else []
    return {"t": tokens, "nc": chunks, "s": sentences, "e": ents}
