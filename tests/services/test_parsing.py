"""Parsing a project into its cache: all texts once, carried on after an interruption."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.nlp import BLANK
from qualcode.services import parsing
from qualcode.store import Store
from tests.cli.helpers import qualcode
from tests.conftest import make_document

TURNS = 40  # per document: enough texts for several progress steps (every 32 texts)


def _seed(store: Store, documents: int = 3) -> None:
    with store.action("seed", undoable=False):
        store.settings.set("nlp_model", BLANK)
        for n in range(documents):
            turns: list[tuple[str | None, str]] = [(None, "FICTIONAL TRANSCRIPT for tests.")]
            turns += [("Person", f"Answer {n}-{i}: the hub shared training materials.")
                      for i in range(TURNS)]
            store.documents.add(*make_document(f"interview{n}.txt", turns))


class Stop(KeyboardInterrupt):
    """Ctrl-C, pressed once ``after`` texts were parsed."""


def test_parse_stores_every_text_once(store: Store) -> None:
    _seed(store)
    texts = parsing.project_texts(store)  # the note is said alike in all three
    report = parsing.parse_project(store, processes=1)
    assert report.parsed == len(texts) == store.suggestions.parse_cache_size() == 3 * TURNS + 1
    again = parsing.parse_project(store, processes=1)
    assert again.parsed == 0 and again.cached == len(texts)


def test_an_interrupted_parse_keeps_what_it_finished(store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _seed(store)
    total = len(parsing.project_texts(store))
    monkeypatch.setattr(parsing, "STORE_SECONDS", 3600.0)  # only the interrupt stores

    def progress(_: str, done: int, __: int) -> None:
        if done >= 64:
            raise Stop

    with pytest.raises(Stop):
        parsing.parse_project(store, progress=progress, processes=1)
    kept = store.suggestions.parse_cache_size()
    assert 64 <= kept < total  # finished parses stored, the rest not begun
    rest = parsing.parse_project(store, processes=1)
    assert rest.cached == kept and rest.parsed == total - kept
    assert store.suggestions.parse_cache_size() == total


@pytest.mark.slow
def test_parse_command_reports_what_it_parsed(tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    with Store.open(path, create=True) as store:
        _seed(store, documents=1)
    first = qualcode(path, "parse", check=True)
    assert f"{TURNS + 1} text(s) parsed, 0 already" in first.stdout
    again = qualcode(path, "parse", "--processes", "1", check=True)
    assert f"0 text(s) parsed, {TURNS + 1} already" in again.stdout
    bad = qualcode(path, "parse", "--processes", "0")
    assert bad.returncode == 2 and "--processes" in bad.stderr
