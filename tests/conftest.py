"""Shared fixtures: small projects built in temporary files."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.core.model import Code, Document, Role, Turn
from qualcode.store import Store

REPO = Path(__file__).resolve().parent.parent
TRANSCRIPTS = REPO / "transcripts"
CODEBOOK = REPO / "codebooks" / "childhub-benchmarking.yml"


def make_document(name: str, turns: list[tuple[str | None, str]]) -> tuple[Document, list[Turn]]:
    """A document and its turns from (speaker, what was said) pairs, as ``Name: text`` lines."""
    text = ""
    found: list[Turn] = []
    for index, (speaker, said) in enumerate(turns):
        start = len(text)
        label = f"{speaker}: " if speaker else ""
        text += label + said + "\n"
        role = Role.NOTE if speaker is None else (
            Role.INTERVIEWER if speaker == "Interviewer" else Role.RESPONDENT)
        found.append(Turn(index=index, start=start, end=len(text), text_start=start + len(label),
                          text_end=start + len(label) + len(said), speaker=speaker, role=role))
    doc = Document(name=name, text=text, format="txt",
                   sha256=hashlib.sha256(text.encode()).hexdigest(),
                   imported_at=dt.datetime.now(dt.UTC).isoformat())
    return doc, found


SAMPLE_TURNS: list[tuple[str | None, str]] = [
    (None, "FICTIONAL TRANSCRIPT for tests."),
    ("Interviewer", "How do members share knowledge?"),
    ("Ana", "Mostly in the forum. We also run webinars every month. People like them."),
    ("Interviewer", "And who decides priorities?"),
    ("Ana", "A steering group of five countries decides. Funding comes from donors, sadly."),
]


@pytest.fixture(autouse=True)
def no_parse_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app parses unparsed projects in a worker process as it opens; the tests of other
    behaviour open unparsed projects by the dozen (tests/tui/test_parse_ahead.py turns it on)."""
    monkeypatch.setenv("QUALCODE_PARSE_AHEAD", "0")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "test.qualcode", create=True) as s:
        yield s


@pytest.fixture
def seeded(store: Store) -> Store:
    """Two documents and a small code tree."""
    with store.action("seed", undoable=False):
        for name in ("a.txt", "b.txt"):
            doc, turns = make_document(name, SAMPLE_TURNS if name == "a.txt"
                                       else list(reversed(SAMPLE_TURNS)))
            store.documents.add(doc, turns)
        root = store.codes.add(Code(name="Governance", guid="g-1"))
        store.codes.add(Code(name="Steering groups", guid="g-2", parent_id=root))
        store.codes.add(Code(name="Knowledge sharing", guid="k-1", position=1))
    return store
