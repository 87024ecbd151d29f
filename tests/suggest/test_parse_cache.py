"""The parse cache as the suggesters read it: packed rows, older JSON rows, damaged rows."""

from __future__ import annotations

from qualcode.nlp.packed import unpack
from qualcode.services import suggest as service
from qualcode.services.suggest_corpus import load_corpus, respondent_units
from qualcode.store import Store
from tests.suggest.conftest import add_topic_documents


def _rows(store: Store) -> list[tuple[int, str, bytes | str]]:
    return store.conn.execute("SELECT id, typeof(data), data FROM parse_cache").fetchall()


def test_new_parses_are_stored_packed(store: Store) -> None:
    add_topic_documents(store, documents=4)
    first = service.suggest_themes(store)
    rows = _rows(store)
    assert len(rows) == first.report.parsed > 0
    assert {kind for _, kind, _ in rows} == {"blob"}
    assert all(unpack(data).starts for _, _, data in rows)  # every turn has words


def test_json_rows_of_an_older_cache_are_read_not_parsed_again(store: Store) -> None:
    add_topic_documents(store, documents=4)
    packed = service.suggest_themes(store)
    terms = [u.terms for u in respondent_units(load_corpus(store), names=True)]
    with store.action("older cache", undoable=False):  # as an older qualcode stored them
        for row_id, _, data in _rows(store):
            store.conn.execute("UPDATE parse_cache SET data = ? WHERE id = ?",
                               (_json(data), row_id))
            store.log.changed = True
    assert {kind for _, kind, _ in _rows(store)} == {"text"}
    again = service.suggest_themes(store, k=3)
    assert again.report.parsed == 0 and again.report.cached == packed.report.parsed
    assert [u.terms for u in respondent_units(load_corpus(store), names=True)] == terms


def test_a_damaged_row_is_parsed_again(store: Store) -> None:
    add_topic_documents(store, documents=4)
    first = service.suggest_themes(store)
    row_id = _rows(store)[0][0]
    with store.action("damage", undoable=False):
        store.conn.execute("UPDATE parse_cache SET data = ? WHERE id = ?",
                           (b"QP1\x00\x01", row_id))
        store.log.changed = True
    again = service.suggest_themes(store, k=2)
    assert again.report.parsed == 1
    assert again.report.cached == first.report.parsed - 1


def _json(data: bytes) -> str:
    from qualcode.nlp.parsed import data_to_json

    return data_to_json(unpack(data).to_data())
