"""Speakers: who said what, reviewed and corrected in one place, every change undoable.

Roles can be set per document or for a speaker name in every document; names can be changed,
and renaming to a name the document already has merges the two ("Interviewer 1" into
"Interviewer"). Names are matched ignoring case and runs of spaces.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Document, Role
from qualcode.core.speaker_views import ProjectSpeaker, SpeakerRow
from qualcode.ingest.inference import USER
from qualcode.ingest.rules import label_key
from qualcode.store import Store, speaker_edits


@dataclass(frozen=True)
class Changed:
    documents: int
    turns: int


def document_speakers(store: Store, doc: Document | None = None) -> list[SpeakerRow]:
    return speaker_edits.speaker_rows(store, doc.id if doc is not None else None)


def project_speakers(store: Store) -> list[ProjectSpeaker]:
    """Every speaker name across the project, most words first."""
    groups: dict[str, list[SpeakerRow]] = defaultdict(list)
    for row in speaker_edits.speaker_rows(store):
        groups[label_key(row.name)].append(row)
    said = sum(r.words for rows in groups.values() for r in rows) or 1
    out = []
    for rows in groups.values():
        roles: dict[str, int] = defaultdict(int)
        for r in rows:
            roles[r.role.value] += 1
        words = sum(r.words for r in rows)
        evidence = next((r.evidence for r in rows if r.evidence), "")
        out.append(ProjectSpeaker(
            name=rows[0].name, documents=len({r.document_id for r in rows}),
            turns=sum(r.turns for r in rows), words=words, share=words / said,
            roles=dict(roles), evidence=evidence,
            sample=next((r.sample for r in rows if r.sample), "")))
    return sorted(out, key=lambda s: (-s.documents, -s.words, s.name))


def set_role(store: Store, doc: Document, speaker: str, role: Role, *, coder: str = "") -> int:
    """Give ``speaker`` in ``doc`` a new role (their turns follow). Returns turns changed."""
    rows = _matching(store, speaker, doc)
    with store.action("speaker role", detail=f"{speaker} in {doc.name}: {role}", coder=coder):
        for row in rows:
            speaker_edits.set_role(store, row.id, _named(role), USER, "set by hand")
    return sum(r.turns for r in rows)


def set_role_everywhere(store: Store, speaker: str, role: Role, *, coder: str = "") -> Changed:
    """One action: ``speaker`` has ``role`` in every document they speak in."""
    rows = _matching(store, speaker, None)
    with store.action("speaker role", detail=f"{speaker}: {role} in {len(rows)} document(s)",
                      coder=coder):
        for row in rows:
            speaker_edits.set_role(store, row.id, _named(role), USER, "set by hand")
    return Changed(len({r.document_id for r in rows}), sum(r.turns for r in rows))


def rename(store: Store, old: str, new: str, *, doc: Document | None = None,
           coder: str = "") -> Changed:
    """Rename ``old`` to ``new`` (in ``doc`` or everywhere); merge where ``new`` exists."""
    new = " ".join(new.split())
    if not new:
        raise QualcodeError("a speaker needs a name")
    rows = _matching(store, old, doc)
    where = doc.name if doc is not None else f"{len(rows)} document(s)"
    with store.action("rename speaker", detail=f"{old} -> {new} in {where}", coder=coder):
        for row in rows:
            existing = [r for r in speaker_edits.speaker_rows(store, row.document_id)
                        if label_key(r.name) == label_key(new) and r.id != row.id]
            speaker_edits.rename(store, row.id, existing[0].name if existing else new)
    return Changed(len({r.document_id for r in rows}), sum(r.turns for r in rows))


def _matching(store: Store, speaker: str, doc: Document | None) -> list[SpeakerRow]:
    rows = [r for r in speaker_edits.speaker_rows(store, doc.id if doc else None)
            if label_key(r.name) == label_key(speaker)]
    if not rows:
        known = sorted({r.name for r in speaker_edits.speaker_rows(store, doc.id if doc else None)})
        where = doc.name if doc is not None else "the project"
        shown = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
        raise QualcodeError(f"{where} has no speaker {speaker!r} (speakers: {shown or 'none'})")
    return rows


def _named(role: Role) -> Role:
    if role is Role.NOTE:
        raise QualcodeError("a named speaker is an interviewer or a respondent")
    return role
