"""The terms cache: packed terms read back the same as made from the parse, the second run of
a suggester reads them instead of the parses, and damaged rows are made again."""

from __future__ import annotations

from typing import Any

import pytest

from qualcode.nlp import ModelChoice
from qualcode.services import suggest as service
from qualcode.services import suggest_corpus
from qualcode.services.suggest_corpus import load_corpus, respondent_units
from qualcode.store import Store
from qualcode.suggest.packed_terms import pack_terms, unpack_terms
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
