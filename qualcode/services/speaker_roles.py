"""Roles from evidence across the project, the import summary and its flags, and
re-detecting the turns of documents already imported (their text never changes)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.core.errors import InputError, QualcodeError
from qualcode.core.model import Document, Role, Turn
from qualcode.core.speaker_views import SpeakerRow
from qualcode.ingest import find_turns, read_transcript
from qualcode.ingest.flags import flags
from qualcode.ingest.inference import RULE, USER, DocumentSpeakers, SpeakerStats, infer_roles
from qualcode.ingest.rules import SpeakerRules, label_key
from qualcode.store import Store, speaker_edits


def speaker_rules(store: Store) -> SpeakerRules:
    """The default interviewer rules plus the names and patterns configured for the project."""
    base = SpeakerRules()
    names = tuple(store.settings.get("interviewer_names", []))
    patterns = tuple(store.settings.get("interviewer_patterns", []))
    return SpeakerRules(interviewer_names=base.interviewer_names + names,
                        interviewer_patterns=base.interviewer_patterns + patterns)


@dataclass
class DocumentSummary:
    """What import found in one document: speakers, roles, word shares and what to check."""

    document: str
    speakers: list[SpeakerRow] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def line(self) -> str:
        said = sum(s.words for s in self.speakers) or 1
        parts = [f"{s.name} ({s.role}, {s.words / said:.0%})" for s in self.speakers]
        return f"{self.document}: " + ("; ".join(parts) or "no speakers")


def infer_project_roles(store: Store, *, coder: str = "", undoable: bool = False) -> int:
    """Revise every role not set by hand from the project's evidence; returns roles changed.
    Run after each import batch, so the study's interviewer is found once documents accumulate."""
    with store.action("infer speaker roles", coder=coder, undoable=undoable):
        return _revise_roles(store)


def _revise_roles(store: Store) -> int:
    """Inside an action: apply the inferred roles (never over a role set by hand)."""
    rows = speaker_edits.speaker_rows(store)
    guesses = infer_roles(list(_documents(store, rows).values()), speaker_rules(store))
    changed = 0
    for row in rows:
        guess = guesses.get((row.document, row.name))
        if guess is None or row.source == USER:
            continue
        if (guess.role, guess.source, guess.evidence) != (row.role, row.source, row.evidence):
            changed += guess.role is not row.role
            speaker_edits.set_role(store, row.id, guess.role, guess.source, guess.evidence)
    return changed


def summaries(store: Store, names: Iterable[str]) -> list[DocumentSummary]:
    wanted = set(names)
    rows = [r for r in speaker_edits.speaker_rows(store) if r.document in wanted]
    docs = _documents(store, rows)
    out = []
    for doc in store.documents.summaries():  # names and ids only: no transcript is read
        if doc.name not in wanted:
            continue
        speakers = [r for r in rows if r.document == doc.name]
        roles = {r.name: r.role for r in speakers}
        found = flags(docs.get(doc.name, DocumentSpeakers(doc.name)), roles,
                      speaker_edits.note_words(store, doc.id),
                      {r.name: r.evidence for r in speakers})
        out.append(DocumentSummary(doc.name, speakers, found))
    return out


def apply_interviewer_names(store: Store, names: Iterable[str], *, coder: str = "") -> int:
    """``import --interviewer NAME`` for documents already imported: one undoable action."""
    keys = {label_key(n) for n in names}
    rows = [r for r in speaker_edits.speaker_rows(store)
            if label_key(r.name) in keys and r.source != USER and r.role is not Role.INTERVIEWER]
    with store.action("interviewer names", detail=", ".join(sorted(names)), coder=coder):
        for row in rows:
            speaker_edits.set_role(store, row.id, Role.INTERVIEWER, RULE,
                                   "a configured interviewer name")
    return len(rows)


def redetect(store: Store, doc: Document, *, coder: str = "") -> tuple[int, int]:
    """Find the turns of ``doc`` again with today's rules; (turns before, turns after).
    The source file is read again when it still holds the same text (Word bold labels need
    it); otherwise the stored text is read as plain text. One undoable action."""
    rules = speaker_rules(store)
    turns = _turns_from_source(store, doc, rules)
    if turns is None:
        turns = find_turns(doc.text, rules)
    before = len(store.turns.all(doc.id or 0))
    with store.action("re-detect turns", detail=doc.name, coder=coder):
        speaker_edits.replace_turns(store, doc.id or 0, doc.text, turns)
        user_roles = {label_key(r.name): r.role for r in speaker_edits.speaker_rows(store, doc.id)
                      if r.source == USER}
        for row in speaker_edits.speaker_rows(store, doc.id):
            if row.source == "default" and label_key(row.name) in user_roles:
                speaker_edits.set_role(store, row.id, user_roles[label_key(row.name)], USER,
                                       "set by hand")
        _revise_roles(store)
    return before, len(turns)


def _turns_from_source(store: Store, doc: Document, rules: SpeakerRules
                       ) -> list[Turn] | None:
    recorded = speaker_edits.source_path(store, doc.id or 0)
    path = Path(recorded) if recorded else None
    if path is None or not path.is_file():
        return None
    try:
        parsed = read_transcript(path, rules)
    except (InputError, QualcodeError):
        return None
    same = hashlib.sha256(parsed.text.encode("utf-8")).hexdigest() == doc.sha256
    return parsed.turns if same else None


def _documents(store: Store, rows: list[SpeakerRow]) -> dict[str, DocumentSpeakers]:
    docs: dict[str, DocumentSpeakers] = {}
    for row in rows:
        doc = docs.setdefault(row.document, DocumentSpeakers(row.document))
        doc.speakers.append(SpeakerStats(row.name, row.turns, row.words, row.questions,
                                         row.first, row.role, row.source))
    for name, header in speaker_edits.header_notes(store).items():
        if name in docs:
            docs[name].header = header
    return docs
