"""Does a piece of text look like a speaker label ("Maja", "Dr. Tomasz Wójcik", "P1")?"""

from __future__ import annotations

import re

from qualcode.ingest.roles import is_role_label, split_parenthetical
from qualcode.ingest.rules import SpeakerRules, label_key

MAX_NAME_CHARS = 40
MAX_NAME_WORDS = 5

# Lower-case words allowed inside a capitalised name ("Ana de la Cruz", "Jan van Dijk").
_PARTICLES = frozenset(
    ("al", "bin", "bint", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du")
    + ("el", "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu")
)
_WORD = re.compile(r"[^\W_][\w.'’\-]*")

# Words that head a line like a label but are never speakers: transcript metadata, notes and
# stage directions ("Date: ...", "Note: ...", "[Laughter] ...").
NOT_SPEAKERS = frozenset(
    label_key(word)
    for word in (
        "Note", "Notes", "NB", "N.B.", "PS", "P.S.", "Example", "E.g.", "Summary", "Update",
        "Edit", "Source", "Sources", "Date", "Time", "Location", "Place", "Duration", "Length",
        "Participants", "Attendees", "Present", "Subject", "Topic", "Title", "Re", "Transcript",
        "Transcription", "Recording", "Audio", "File", "Interview", "Interview date",
        "Project", "Study", "Keywords", "Tags", "Laughter", "Laughs", "Laughing", "Inaudible",
        "Crosstalk", "Cross-talk", "Pause", "Long pause", "Silence", "Unclear", "Overlapping",
        "Overlapping speech", "Cough", "Coughs", "Music", "Noise", "Background noise", "Break",
        "Interruption", "End", "End of transcript", "End of recording", "Start", "Redacted",
        "Applause", "Sic", "Indistinct", "Phone rings", "Technical difficulties",
        # Otter, Trint and meeting-tool headers ("SUMMARY KEYWORDS", "SPEAKERS", ...)
        "Summary keywords", "Speakers", "Speaker list", "Action items", "Outline", "Overview",
        "Abstract", "Meeting notes", "Agenda", "Highlights", "Chapters",
    )
)


def is_name_like(label: str) -> bool:
    """A short capitalised name or code, not a sentence fragment."""
    if not label or len(label) > MAX_NAME_CHARS or label != label.strip():
        return False
    words = label.split()
    if len(words) > MAX_NAME_WORDS or not any(ch.isalpha() for ch in label):
        return False
    if not words[0][0].isupper():
        return False
    for word in words:
        if not _WORD.fullmatch(word):
            return False
        if not (word[0].isupper() or word[0].isdigit() or word in _PARTICLES):
            return False
    return True


def is_short_label(label: str) -> bool:
    """Looser test for labels marked by formatting (bold): short, no sentence punctuation."""
    if not label or len(label) > MAX_NAME_CHARS or len(label.split()) > MAX_NAME_WORDS:
        return False
    return any(ch.isalpha() for ch in label) and not any(ch in label for ch in ",;?!\"“”()")


def is_speaker(label: str, rules: SpeakerRules, *, formatted: bool = False) -> bool:
    """Whether ``label`` can be a speaker: interviewer names always are; metadata never."""
    if rules.is_interviewer(label) or is_role_label(label):
        return True  # "interviewee", "Interviewer2", "Speaker 3" whatever their case
    if label_key(label) in NOT_SPEAKERS:
        return False
    name, note = split_parenthetical(label)
    if note:  # "Dana Whitfield (Interviewer)", "R1 (teacher)": the name must look a name
        return is_speaker(name, rules, formatted=formatted) and len(note) <= MAX_NAME_CHARS
    return is_short_label(label) if formatted else is_name_like(label)
