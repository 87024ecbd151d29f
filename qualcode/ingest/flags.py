"""Shapes worth a second look after import: a wrong guess must not be silent.

Thresholds: an interviewer with over 60% of a document's words, or anyone over 90%, is unusual
in an interview (respondents commonly have 70-90%); one speaker, no interviewer or no
respondent, a label that looks like a heading, a role that is only a guess, many speakers and
text mostly outside any turn are flagged.
"""

from __future__ import annotations

from collections.abc import Mapping

from qualcode.core.model import Role
from qualcode.ingest.inference import UNSURE, DocumentSpeakers
from qualcode.ingest.roles import is_role_label
from qualcode.ingest.unlabelled import UNLABELLED

INTERVIEWER_SHARE = 0.6
ANY_SHARE = 0.9
MANY = 8  # more speakers than a focus group usually has


def flags(doc: DocumentSpeakers, roles: Mapping[str, Role], note_words: int,
          evidence: Mapping[str, str] | None = None) -> list[str]:
    speakers = [s for s in doc.speakers if s.turns]
    said = sum(s.words for s in speakers)
    total = said + note_words
    if not speakers:
        return ["no speakers found: the whole text is one note"]
    out: list[str] = []
    recurring = sum(1 for s in speakers if s.turns >= 2)
    if len(speakers) == 1:
        out.append(f"only one speaker ({speakers[0].name})")
    for s in speakers:
        share = s.words / said if said else 0.0
        role = roles.get(s.name, s.role)
        if len(speakers) > 1 and (share > ANY_SHARE or (
                role is Role.INTERVIEWER and share > INTERVIEWER_SHARE)):
            out.append(f"{s.name} ({role}) has {share:.0%} of the words")
        if s.name.endswith(UNLABELLED):
            out.append(f"paragraphs without a label were given to {s.name}")
        if s.turns == 1 and s.words <= 4 and len(speakers) > 1:
            out.append(f"{s.name!r} looks like a heading, not a speaker (one turn, "
                       f"{s.words} words)")
        elif s.turns == 1 and recurring >= 2 and not is_role_label(s.name):
            out.append(f"{s.name} speaks once: a speaker, or text that looks like a label?")
    present = {roles.get(s.name, s.role) for s in speakers}
    if Role.INTERVIEWER not in present:
        out.append("no interviewer found")
    elif Role.RESPONDENT not in present:
        out.append("no respondent found")
    for name, why in (evidence or {}).items():
        if why.startswith(UNSURE):
            out.append(f"{name} is {roles.get(name)} by a guess ({why.removeprefix(UNSURE)})")
    if len(speakers) > MANY:
        out.append(f"{len(speakers)} speakers: check for labels that are not people")
    if total and note_words / total > 0.5:
        out.append(f"{note_words / total:.0%} of the words are outside any speaker's turn")
    return out
