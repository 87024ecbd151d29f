"""The store's repositories: lists without document text, writes that sqlite-utils makes
(turns, the parse cache, settings, sketches) inside the action's one transaction, and the one
home of the action state."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualcode.core.views import DocumentSummary
from qualcode.store import Store, document_sketches
from tests.conftest import SAMPLE_TURNS, make_document

STORE_DIR = Path(__file__).resolve().parents[2] / "qualcode" / "store"


def test_summaries_carry_every_field_but_the_text(seeded: Store) -> None:
    summaries = seeded.documents.summaries()
    full = seeded.documents.all()
    assert [s.name for s in summaries] == [d.name for d in full] == ["a.txt", "b.txt"]
    for summary, doc in zip(summaries, full, strict=True):
        assert isinstance(summary, DocumentSummary) and not hasattr(summary, "text")
        assert (summary.id, summary.sha256, summary.format, summary.case_id,
                summary.words) == (doc.id, doc.sha256, doc.format, doc.case_id, doc.word_count)


def test_summaries_never_read_the_text_column(seeded: Store) -> None:
    read: list[str] = []
    seeded.conn.set_trace_callback(read.append)
    try:
        seeded.documents.summaries()
    finally:
        seeded.conn.set_trace_callback(None)
    assert read and not any(re.search(r"\btext\b|\*", sql) for sql in read)


def test_a_failed_action_leaves_no_turn_cache_setting_or_sketch(store: Store) -> None:
    before = store.overview.snapshot()
    doc, turns = make_document("a.txt", SAMPLE_TURNS)
    with pytest.raises(RuntimeError, match="power cut"), store.action("import", undoable=False):
        doc_id = store.documents.add(doc, turns)
        document_sketches.save_sketch(store, doc_id, [1, 2, 3])
        store.suggestions.cache_parses({"k": b"parse"}, "model", "1")
        store.settings.set("codebook_name", "Draft")
        assert len(store.turns.all(doc_id)) == len(SAMPLE_TURNS)  # written, not yet committed
        raise RuntimeError("power cut")
    assert store.overview.snapshot() == before
    assert store.suggestions.parse_cache_size() == 0
    assert store.settings.get("codebook_name") is None
    assert store.history() == []


def test_unlogged_writes_commit_with_their_action(store: Store) -> None:
    doc, turns = make_document("a.txt", SAMPLE_TURNS)
    with store.action("import", undoable=False):
        doc_id = store.documents.add(doc, turns)
        store.suggestions.cache_parses({"k": b"parse"}, "model", "1")
        store.settings.set("codebook_name", "Draft")
    with store.action("again", undoable=False):
        store.suggestions.cache_parses({"k": b"other"}, "model", "1")  # a known key is kept
        store.settings.set("codebook_name", "Final")  # a known key is replaced
    with Store.open(store.path) as other:
        got = other.turns.all(doc_id)
        assert len(got) == len(turns)
        assert [(t.speaker, t.text_start, t.text_end) for t in got] == [
            (t.speaker, t.text_start, t.text_end) for t in turns]
        said = [t.index for t in turns if "webinars" in doc.text[t.text_start:t.text_end]]
        assert [h.turn_index for h in other.overview.search("webinars")] == said  # turn text
        assert other.suggestions.cached_keys(["k"], "model", "1") == {"k"}
        assert dict(other.suggestions.iter_cached_parses(["k"], "model", "1")) == {"k": b"parse"}
        assert other.settings.get("codebook_name") == "Final"


def test_writes_outside_an_action_are_refused(store: Store) -> None:
    with pytest.raises(RuntimeError, match="inside Store.action"):
        store.settings.set("codebook_name", "Draft")
    with pytest.raises(RuntimeError, match="inside Store.action"):
        store.suggestions.cache_parses({"k": b"parse"}, "model", "1")


def test_only_the_change_log_sets_the_action_state() -> None:
    """The current action, whether rows are logged and whether anything changed are written
    in store/changes.py alone."""
    writers = re.compile(r"\blog\.(changed|logging|action_id)\s*=[^=]|_require_action\(")
    found = [f"{path.name}:{number}"
             for path in sorted(STORE_DIR.parent.rglob("*.py")) if path.name != "changes.py"
             for number, line in enumerate(path.read_text().splitlines(), 1)
             if writers.search(line)]
    assert found == []
