"""Speakers across the project: reading them with their figures, and undoable edits
(role, rename/merge, re-detected turns). Every write goes through the change log."""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.core.errors import NotFound
from qualcode.core.model import Role, Turn
from qualcode.core.speaker_views import SpeakerRow
from qualcode.store.store import Store

SAMPLE_CHARS = 100
SAMPLE_TURNS = 6


def speaker_rows(store: Store, doc_id: int | None = None) -> list[SpeakerRow]:
    """Every speaker (of one document, or all) with turns, words, questions and a sample."""
    where, args = ("WHERE s.document_id = ?", (doc_id,)) if doc_id is not None else ("", ())
    speakers = store.conn.execute(
        f"SELECT s.*, d.name AS document FROM speakers s JOIN documents d ON d.id = "
        f"s.document_id {where} ORDER BY d.name, s.id", args).fetchall()
    figures: dict[int, list[int]] = {}
    samples: dict[int, str] = {}
    firsts: set[int] = set()
    turn_where = where.replace("s.document_id", "t.document_id")
    seen_docs: set[int] = set()
    for t in store.conn.execute(
            f"SELECT t.document_id, t.speaker_id, t.text FROM turns t {turn_where} "
            "ORDER BY t.document_id, t.idx", args):
        if t["speaker_id"] is None:
            continue
        if t["document_id"] not in seen_docs:
            seen_docs.add(t["document_id"])
            firsts.add(t["speaker_id"])
        entry = figures.setdefault(t["speaker_id"], [0, 0, 0])
        entry[0] += 1
        entry[1] += len(t["text"].split())
        entry[2] += "?" in t["text"]
        # The sample: the longest of a speaker's first turns (past the greetings).
        if entry[0] <= SAMPLE_TURNS and len(t["text"]) > len(samples.get(t["speaker_id"], "")):
            samples[t["speaker_id"]] = t["text"]
    return [SpeakerRow(
        id=r["id"], document_id=r["document_id"], document=r["document"], name=r["name"],
        role=Role(r["role"]), source=r["role_source"], evidence=r["evidence"],
        turns=figures.get(r["id"], [0, 0, 0])[0], words=figures.get(r["id"], [0, 0, 0])[1],
        questions=figures.get(r["id"], [0, 0, 0])[2], first=r["id"] in firsts,
        sample=_sample(samples.get(r["id"], ""))) for r in speakers]


def note_words(store: Store, doc_id: int) -> int:
    rows = store.conn.execute(
        "SELECT text FROM turns WHERE document_id = ? AND speaker_id IS NULL", (doc_id,))
    return sum(len(r["text"].split()) for r in rows)


def set_role(store: Store, speaker_id: int, role: Role, source: str, evidence: str) -> None:
    """A speaker's role (their turns follow), with where it came from."""
    store.log.update("speakers", speaker_id,
                     {"role": role.value, "role_source": source, "evidence": evidence})
    for t in store.conn.execute("SELECT id FROM turns WHERE speaker_id = ?",
                                (speaker_id,)).fetchall():
        store.log.update("turns", t["id"], {"role": role.value})


def rename(store: Store, speaker_id: int, new_name: str) -> str:
    """Rename a speaker; where the document already has ``new_name``, merge into it.
    Returns "renamed" or "merged"."""
    row = store.log.fetch("speakers", speaker_id)
    if row is None:
        raise NotFound(f"no speaker with id {speaker_id}")
    target = store.conn.execute(
        "SELECT id, role FROM speakers WHERE document_id = ? AND name = ? AND id != ?",
        (row["document_id"], new_name, speaker_id)).fetchone()
    if target is None:
        store.log.update("speakers", speaker_id,
                         {"name": new_name, "label": row["label"] or row["name"]})
        return "renamed"
    for t in store.conn.execute("SELECT id FROM turns WHERE speaker_id = ?",
                                (speaker_id,)).fetchall():
        store.log.update("turns", t["id"], {"speaker_id": target["id"], "role": target["role"]})
    store.log.delete("speakers", speaker_id)
    return "merged"


def replace_turns(store: Store, doc_id: int, text: str, turns: Sequence[Turn]) -> None:
    """New turns for a document whose text is unchanged (codings keep their offsets).
    Speakers keep their rows (and roles) where their name stays; others come and go."""
    old = store.conn.execute("SELECT id FROM turns WHERE document_id = ? ORDER BY idx DESC",
                             (doc_id,)).fetchall()
    for t in old:
        store.log.delete("turns", t["id"])
    speakers: dict[str, tuple[int, str]] = {}
    for r in store.conn.execute("SELECT id, name, label, role FROM speakers "
                                "WHERE document_id = ?", (doc_id,)):
        speakers[r["name"]] = speakers[r["label"] or r["name"]] = (r["id"], r["role"])
    for turn in turns:
        if turn.speaker is not None and turn.speaker not in speakers:
            new_id = store.log.insert("speakers", {
                "document_id": doc_id, "name": turn.speaker, "role": turn.role.value})
            speakers[turn.speaker] = (new_id, turn.role.value)
    for turn in turns:
        speaker_id, role = speakers[turn.speaker] if turn.speaker is not None else (
            None, turn.role.value)
        store.log.insert("turns", {
            "document_id": doc_id, "idx": turn.index, "start": turn.start, "end": turn.end,
            "text_start": turn.text_start, "text_end": turn.text_end, "speaker_id": speaker_id,
            "role": role, "timestamp": turn.timestamp,
            "text": text[turn.text_start:turn.text_end]})
    used = {speakers[t.speaker][0] for t in turns if t.speaker is not None}
    for speaker_id in {speaker_id for speaker_id, _role in speakers.values()} - used:
        store.log.delete("speakers", speaker_id)


def _sample(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SAMPLE_CHARS else line[: SAMPLE_CHARS - 1] + "…"


def source_path(store: Store, doc_id: int) -> str:
    """Where a document was imported from ("" when unknown)."""
    row = store.conn.execute("SELECT source_path FROM documents WHERE id = ?",
                             (doc_id,)).fetchone()
    return str(row["source_path"] or "") if row else ""


def header_notes(store: Store) -> dict[str, str]:
    """Document name -> the text before its first speaker (a title, a speaker list)."""
    return {name: header for _id, name, header in store.conn.execute(
        "SELECT d.id, d.name, (SELECT t.text FROM turns t WHERE t.document_id = d.id "
        "AND t.idx = 0 AND t.speaker_id IS NULL) FROM documents d") if header}
