"""The terms cache: packed terms read back the same as made from the parse, the second run of
a suggester reads them instead of the parses, and damaged rows are made again."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from qualcode.nlp import ModelChoice, text_key
from qualcode.services import suggest as service
from qualcode.services import suggest_corpus
from qualcode.services.parsing import description_text
from qualcode.services.suggest_corpus import document_key, load_corpus, respondent_units
from qualcode.store import Store
from qualcode.suggest.packed_terms import pack_terms, unpack_document, unpack_terms
from qualcode.suggest.terms import ParseTerms
from tests.suggest.conftest import add_topic_documents


def _data() -> dict[str, list[list[object]]]:
    return {"t": [[0, 3, "the", "DET", 1], [4, 9, "donor", "NOUN", 2],
                  [10, 15, "grant", "NOUN", 2], [16, 20, "cut", "VERB", 2],
                  [21, 25, "Oslo", "PROPN", 2]],
            "nc": [[0, 3]], "s": [[0, 25]], "e": []}


def test_packed_terms_read_back_as_made() -> None:
    made = ParseTerms(_data())
    blob = pack_terms(made)
    assert blob is not None
    back = unpack_terms(blob)
    for names in (False, True):
        assert back.terms(0, 25, names) == made.terms(0, 25, names)
    assert "Oslo" in back.terms(0, 25, True) and "Oslo" not in back.terms(0, 25, False)
    assert (list(back.starts), list(back.ends), back.values, back.cuts, back.end) == \
        (list(made.starts), list(made.ends), made.values, made.cuts, made.end)


@pytest.mark.parametrize("blob", [b"", b"QT1", b"QT1" + b"\x01" * 40, b"QP1" + b"\x00" * 60])
def test_damaged_packed_terms_are_refused(blob: bytes) -> None:
    with pytest.raises(ValueError):
        unpack_terms(blob)


def test_a_second_run_reads_the_cached_terms_not_the_parses(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    add_topic_documents(store, documents=4)
    first = [u.terms for u in respondent_units(load_corpus(store), names=True)]
    count = "SELECT count(*) FROM parse_terms"
    assert store.conn.execute(count).fetchone()[0] == \
        store.conn.execute("SELECT count(*) FROM parse_cache").fetchone()[0] > 0
    read: list[str] = []
    real = suggest_corpus._read_cached

    def reading(s: Store, texts: dict[str, str], choice: ModelChoice) -> Any:
        read.extend(texts)
        return real(s, texts, choice)

    monkeypatch.setattr(suggest_corpus, "_read_cached", reading)
    again = load_corpus(store)
    assert read == [] and again.report.parsed == 0
    assert [u.terms for u in respondent_units(again, names=True)] == first
    # a damaged row of terms: made again from its parse, and stored over the damaged one
    # (with the documents' laid-out terms gone, so that the turns' terms are read)
    store.conn.execute("DELETE FROM document_terms")
    store.conn.execute("UPDATE parse_terms SET data = X'00' WHERE text_sha256 = "
                       "(SELECT min(text_sha256) FROM parse_terms)")
    third = load_corpus(store)
    assert len(read) == 1 and third.report.parsed == 0
    assert [u.terms for u in respondent_units(third, names=True)] == first
    blobs = [b for (b,) in store.conn.execute("SELECT data FROM parse_terms")]
    assert all(unpack_terms(b) for b in blobs)


def test_terms_go_with_their_parse(store: Store) -> None:
    add_topic_documents(store, documents=4)
    service.suggest_themes(store)
    with store.action("clear", undoable=False):
        store.conn.execute("DELETE FROM parse_cache")
        store.log.changed = True
    assert store.conn.execute("SELECT count(*) FROM parse_terms").fetchone()[0] == 0


def test_a_document_is_read_whole_once_laid_out(store: Store,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    add_topic_documents(store, documents=4)
    first = load_corpus(store)
    units = [(u.key, u.terms) for u in respondent_units(first, unit="sentence", names=True)]
    assert store.conn.execute("SELECT count(*) FROM document_terms").fetchone()[0] == 4
    read: list[str] = []
    real = suggest_corpus._read_terms

    def reading(s: Store, keys: Iterable[str], choice: ModelChoice) -> Any:
        keys = list(keys)
        read.extend(keys)
        return real(s, keys, choice)

    monkeypatch.setattr(suggest_corpus, "_read_terms", reading)
    again = load_corpus(store)  # every document from its one row: no turn's terms read
    described = {text_key(description_text(c)) for c in store.codes.all()}
    assert set(read) == described and again.report.parsed == 0  # only the codes' texts
    assert again.report.cached == first.report.parsed + first.report.cached
    assert [(u.key, u.terms) for u in respondent_units(again, unit="sentence", names=True)] \
        == units
    for doc_id, terms in again.terms.items():  # the filler known for every turn read back
        text = again.documents[doc_id].text
        for turn in again.turns[doc_id]:
            if turn.text_end > turn.text_start:
                assert terms.content(text, turn.text_start, turn.text_end) == \
                    first.terms[doc_id].content(text, turn.text_start, turn.text_end)
    # a damaged document row: laid out again from its turns' terms, and stored over
    store.conn.execute("UPDATE document_terms SET data = X'00' WHERE rowid = "
                       "(SELECT min(rowid) FROM document_terms)")
    third = load_corpus(store)
    assert len(read) > 2 * len(described) and third.report.parsed == 0
    assert [(u.key, u.terms) for u in respondent_units(third, unit="sentence", names=True)] \
        == units
    blobs = [b for (b,) in store.conn.execute("SELECT data FROM document_terms")]
    assert len(blobs) == 4 and all(unpack_document(b) for b in blobs)


def test_a_document_whose_turns_move_is_laid_out_again() -> None:
    text = "I: Why?\nR: Because the donor left.\n"
    assert document_key(text, [(3, 7), (11, 33)]) != document_key(text, [(3, 33)])
    assert document_key(text, [(3, 7)]) != document_key(text + " ", [(3, 7)])
    assert document_key(text, [(3, 7)]) == document_key(text, [(3, 7)])


@pytest.mark.parametrize("blob", [b"", b"QD1", b"QD1" + b"\x01" * 40,
                                  b"QD1" + b"\x00" * 8 + b"\x02\x00\x00\x00"])
def test_damaged_document_terms_are_refused(blob: bytes) -> None:
    with pytest.raises(ValueError):
        unpack_document(blob)


def test_document_terms_go_with_the_parses(store: Store) -> None:
    add_topic_documents(store, documents=3)
    load_corpus(store)
    laid_out = "SELECT count(*) FROM document_terms"
    assert store.conn.execute(laid_out).fetchone()[0] == 3
    with store.action("clear", undoable=False):
        store.conn.execute("DELETE FROM parse_cache WHERE rowid = (SELECT min(rowid) "
                           "FROM parse_cache)")  # one parse gone: every document made again
        store.log.changed = True
    assert store.conn.execute(laid_out).fetchone()[0] == 0
    again = load_corpus(store)
    assert again.report.parsed == 1
    assert store.conn.execute(laid_out).fetchone()[0] == 3
