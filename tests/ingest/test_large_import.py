"""Large files on import: the duplicate sketch streams the text (never a list of its words or
shingles) and finds the same hashes as the whole-list way; identifier overlaps are resolved by
bisection with the same result as comparing every pair; a long transcript imports whole."""

from __future__ import annotations

import hashlib
import heapq
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.big_transcript import write_big_transcript
from qualcode.analysis.identifiers import PRIORITY, Found, register_key, resolve_overlaps
from qualcode.ingest import duplicates
from qualcode.services.importing import import_paths
from qualcode.store import Store

SHAPES = [
    "",
    "one",
    "one two three four five",
    "**Ana:** [00:01:02] Well, we met (twice) in 12:30 and 1:02:03.500 sessions.\n" * 40,
    "Interviewer: How?\n\nRespondent: Mostly online.\n\n" * 300,
    "x" * 5000 + " tail words here now",
]


def whole_list_sketch(text: str) -> list[int]:
    """The sketch as it was made before streaming: every shingle in a list."""
    words = duplicates.normalised_words(text)
    spans = [" ".join(words[i:i + duplicates.SHINGLE])
             for i in range(max(1, len(words) - duplicates.SHINGLE + 1))]
    hashes = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big")
              for s in spans}
    return sorted(heapq.nsmallest(duplicates.K, hashes))


@pytest.mark.parametrize("text", SHAPES)
def test_streamed_words_are_the_words_whatever_the_chunk(text: str) -> None:
    for chunk in (1, 7, 64, 1 << 20):
        assert list(duplicates._streamed_words(text, chunk)) == \
            duplicates.normalised_words(text)


@pytest.mark.parametrize("text", SHAPES)
def test_the_streamed_sketch_is_the_whole_list_one(text: str) -> None:
    assert duplicates.sketch(text) == whole_list_sketch(text)


def test_the_sketch_of_a_long_transcript_is_unchanged(tmp_path: Path) -> None:
    path = write_big_transcript(tmp_path / "long.txt", 3)  # over two of the 1 MB chunks
    text = path.read_text(encoding="utf-8")
    assert duplicates.sketch(text) == whole_list_sketch(text)


def pairwise_overlaps(found: list[Found]) -> list[Found]:
    """resolve_overlaps as it was: each finding against every one chosen before."""
    chosen: list[Found] = []
    for item in sorted(found, key=lambda f: (PRIORITY[f.kind], -(f.end - f.start), f.start)):
        if any(item.start < c.end and c.start < item.end for c in chosen):
            continue
        chosen.append(item)
    return sorted(chosen, key=lambda f: f.start)


@pytest.mark.parametrize("seed", range(20))
def test_overlaps_resolved_by_bisection_as_by_every_pair(seed: int) -> None:
    rng = random.Random(seed)
    kinds = list(PRIORITY)
    found = []
    for n in range(300):
        start = rng.randrange(0, 2000)
        end = start + rng.choice([0, 1, 3, 8, 20, 60])
        found.append(Found(rng.choice(kinds), start, end, f"w{n}", "pattern"))
    assert resolve_overlaps(found) == pairwise_overlaps(found)
    assert all(register_key(f.text) for f in found)


def test_a_long_transcript_imports_whole(tmp_path: Path) -> None:
    path = write_big_transcript(tmp_path / "long.txt", 2)
    with Store.open(tmp_path / "p.qualcode", create=True) as store:
        report = import_paths(store, [path])
        assert report.imported == ["long.txt"] and not report.errors
        doc = store.documents.all()[0]
        assert doc.text == path.read_text(encoding="utf-8")
        turns = store.turns.all(doc.id or 0)
        speakers = {t.speaker for t in turns if t.speaker}
        assert len(speakers) == 2 and len(turns) > 1000
        labels = tuple(f"{name}:" for name in speakers)
        assert all(doc.text[t.start:t.end].startswith(labels) for t in turns if t.speaker)


FIXTURES = sorted((Path(__file__).parent / "fixtures" / "speakers").glob("*.txt"))


def _lines_as_a_list(text: str) -> Iterator[tuple[int, str]]:
    """iter_lines as it was before streaming: every line in one list."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _imported(tmp_path: Path, path: Path, name: str) -> tuple[object, ...]:
    with Store.open(tmp_path / f"{name}.qualcode", create=True) as store:
        report = import_paths(store, [path])
        assert not report.errors
        doc = store.documents.all()[0]
        turns = store.turns.all(doc.id or 0)
        speakers = sorted((s.name, s.role) for s in store.speakers.all())
        words = store.documents.summaries()[0].words
        return doc.text, doc.sha256, words, turns, speakers


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_a_streamed_import_stores_what_the_whole_text_way_did(
        tmp_path: Path, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines one at a time, words counted and the text hashed in chunks: the same turns,
    speakers, roles, word count and hash as before."""
    streamed = _imported(tmp_path, path, "streamed")
    from qualcode.ingest import labels, refine
    from qualcode.services import importing

    monkeypatch.setattr(labels, "iter_lines", _lines_as_a_list)
    monkeypatch.setattr(refine, "iter_lines", _lines_as_a_list)
    monkeypatch.setattr(importing, "text_sha256",
                        lambda t: hashlib.sha256(t.encode("utf-8")).hexdigest())
    whole = _imported(tmp_path, path, "whole")
    assert whole[2] == len(str(whole[0]).split())
    assert streamed == whole
    assert streamed[3]  # turns were found


@pytest.mark.parametrize("text", SHAPES + ["a\u00a0b\u2003c\n\t d ", " \n "])
def test_words_counted_in_chunks_are_the_words(text: str) -> None:
    from qualcode.core.model import count_words

    for chunk in (1, 2, 7, 64, 1 << 20):
        assert count_words(text, chunk) == len(text.split())


def test_the_chunked_hash_is_the_hash_of_the_utf8_bytes() -> None:
    from qualcode.services.importing import text_sha256

    text = "Åsa: naïve café ☕ 𝄞\n" * 5000
    for chunk in (1, 3, 1000, 1 << 20):
        assert text_sha256(text, chunk) == hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_a_handed_over_import_stores_what_add_stores(tmp_path: Path, path: Path) -> None:
    """The import hands its text and turns to the store (stored last, let go as SQLite copies
    them): the same document, turns, speakers and word count as ``documents.add``."""
    import dataclasses

    from qualcode.core.model import Document
    from qualcode.ingest import read_transcript
    from qualcode.services.speaker_roles import infer_project_roles

    handed = _imported(tmp_path, path, "handed")
    parsed = read_transcript(path)
    with Store.open(tmp_path / "added.qualcode", create=True) as store:
        with store.action("import", undoable=False):
            doc = Document(name=path.name, text=parsed.text, format=parsed.format,
                           sha256=str(handed[1]), imported_at="", encoding=parsed.encoding)
            store.documents.add(doc, parsed.turns)
        infer_project_roles(store)  # as import_paths does once its files are in
        added = store.documents.all()[0]
        turns = store.turns.all(added.id or 0)
        words = store.documents.summaries()[0].words
    assert (added.text, added.sha256, words) == handed[:3]
    strip = ("id", "document_id")
    assert [dataclasses.replace(t, **dict.fromkeys(strip)) for t in turns] == \
        [dataclasses.replace(t, **dict.fromkeys(strip)) for t in handed[3]]  # type: ignore[attr-defined]


def test_a_handed_text_is_let_go_once_stored(tmp_path: Path) -> None:
    from qualcode.core.handed import Handed
    from qualcode.core.model import Document

    text, turns = Handed("Ana: hello there\n"), Handed([])
    doc = Document(name="a.txt", text="", format="txt", sha256="x", imported_at="")
    with Store.open(tmp_path / "p.qualcode", create=True) as store:
        with store.action("import", undoable=False):
            doc_id = store.documents.add_handed(doc, 3, turns, text)
        assert store.documents.get(doc_id).text == "Ana: hello there\n"
        with pytest.raises(RuntimeError):
            text.peek()  # the store took the only reference
        with pytest.raises(RuntimeError), store.action("import"):  # recorded: not handed
            store.documents.add_handed(doc, 3, Handed([]), Handed("x"))


ENCODED = [
    "Čačak, Đakovica".encode("cp1250"),
    ("Interviewer: Hur mår du? Ånd och själ.\r\n" * 50).encode("cp1252"),
    ("Интервьюер: Как дела? Хорошо.\n" * 40).encode("cp1251"),
    b"plain ascii only " * 100,
    b"word" * 40 + " tail é".encode("latin_1"),
    ("   leading space then ß " * 30).encode("cp1252") + b"\xe9",
]


def whole_text_differs(mine: str, theirs: str) -> str | None:
    """Reading.differs_from as it was: both whole texts split into words."""
    from qualcode.ingest.charsets import _trim

    for a, b in zip(mine.split(), theirs.split(), strict=False):
        if a != b:
            return f"{_trim(a)!r} / {_trim(b)!r}"
    return None


@pytest.mark.parametrize("data", ENCODED)
def test_readings_scored_on_a_sample_are_the_whole_text_ones(
        data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a sample is decoded to score a reading, and two readings are compared a chunk at a
    time: the same readings, order, fits, texts and first differing word as decoding all."""
    from qualcode.ingest import charsets

    for sample, chunk in ((50, 1), (50, 7), (200_000, 3), (200_000, 1 << 20)):
        monkeypatch.setattr(charsets, "_SAMPLE", sample)
        monkeypatch.setattr(charsets, "_CHUNK", chunk)
        whole = []
        for encoding in charsets.CANDIDATES:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            whole.append((encoding, text, *charsets.score(text)))
        whole.sort(key=lambda r: -r[2])
        found = charsets.readings(data)
        assert [(r.encoding, r.text, r.fit, r.language) for r in found] == whole
        for other in found[1:]:
            assert found[0].differs_from(other) == whole_text_differs(found[0].text, other.text)


@pytest.mark.parametrize("data", [
    b"Ana: hi\r\nBo: hello\r\n\r\nAna: bye\r",
    "Åsa: naïve café\n".encode("cp1252") * 20,
    "\ufeffAna: hi\n".encode("utf-8"),
    "Ana: hi\n".encode("utf-16"),
    b"", b" \n ", b"\x00\x01\x02" * 30,
], ids=["crlf", "cp1252", "utf8-bom", "utf16", "empty", "blank", "binary"])
def test_a_file_decoded_from_its_path_is_decoded_as_its_bytes(tmp_path: Path,
                                                              data: bytes) -> None:
    """decode_file lets the bytes go before line ends are normalised: the same text,
    encoding and notes as decode_text, and the same one-line error."""
    from qualcode.core.errors import InputError
    from qualcode.ingest.decode import decode_file, decode_text

    path = tmp_path / "t.txt"
    path.write_bytes(data)
    try:
        expected: object = decode_text(data, path)
    except InputError as err:
        expected = str(err)
    try:
        got: object = decode_file(path)
    except InputError as err:
        got = str(err)
    assert got == expected
