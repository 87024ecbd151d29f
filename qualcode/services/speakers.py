"""Speakers: who is the interviewer, corrected after import when the rules guessed wrong."""

from __future__ import annotations

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Document, Role
from qualcode.store import Store


def set_role(store: Store, doc: Document, speaker: str, role: Role, *, coder: str = "") -> int:
    """Give ``speaker`` in ``doc`` a new role (their turns follow). Returns turns changed."""
    if role is Role.NOTE:
        raise QualcodeError("a named speaker is an interviewer or a respondent")
    names = {s.name: s for s in store.speakers(doc.id)}
    if speaker not in names:
        known = ", ".join(sorted(names)) or "none"
        raise QualcodeError(f"{doc.name} has no speaker {speaker!r} (speakers: {known})")
    turns = sum(1 for t in store.turns(doc.id or 0) if t.speaker == speaker)
    with store.action("speaker role", detail=f"{speaker} in {doc.name}: {role}", coder=coder):
        store.set_speaker_role(doc.id or 0, speaker, role)
    return turns
