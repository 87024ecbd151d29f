"""Second looks at the chosen labels of one document, with its text in hand.

- A speaker line without its time in a timestamped transcript ("Maja" alone, where every other
  turn starts "Maja  02:15") still starts a turn.
- "Interviewer: Dana Whitfield" in a header block (a one-off role label followed by only a
  name, before the conversation starts) is metadata, not a turn; inference reads it from the
  header note.
- One speaker spelt two ways ("Interviewer", "INTERVIEWER") is one speaker.
- A heading label that is a title (the first label of a document whose convention is not
  headings, or a heading with nothing under it) is not a speaker.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from qualcode.ingest.labels import Family, Label, iter_lines
from qualcode.ingest.names import is_name_like
from qualcode.ingest.roles import is_role_label
from qualcode.ingest.rules import label_key
from qualcode.ingest.selection import main_family


def add_bare_name_lines(text: str, labels: list[Label]) -> list[Label]:
    if main_family(labels) is not Family.STAMP:
        return labels
    names = {label_key(label.speaker): label.speaker for label in labels}
    covered = {offset for label in labels for offset in (label.start, label.end)}
    found = list(labels)
    for offset, line in iter_lines(text):
        key = label_key(line.strip().strip("*_").rstrip(":").strip())
        inside = offset in covered or offset + len(line) in covered
        if key in names and not inside and line.strip():
            found.append(Label(offset, offset + len(line), names[key], Family.STAMP))
    return sorted(found, key=lambda label: label.start)


def drop_titles(text: str, labels: list[Label]) -> list[Label]:
    family = main_family(labels)
    kept: list[Label] = []
    for index, label in enumerate(labels):
        if label.family is Family.HEADING and not label.certain:
            end = labels[index + 1].start if index + 1 < len(labels) else len(text)
            empty = not text[label.end : end].strip()
            title = family is not Family.HEADING and not kept and index + 1 < len(labels)
            if empty or title:
                continue
        kept.append(label)
    return kept


def drop_header_lines(text: str, labels: list[Label]) -> list[Label]:
    counts = Counter(label_key(label.speaker) for label in labels)
    first_recurring = next((i for i, lb in enumerate(labels)
                            if counts[label_key(lb.speaker)] >= 2), len(labels))
    kept = []
    for index, label in enumerate(labels):
        line_end = text.find("\n", label.end)
        body = text[label.end : line_end if line_end >= 0 else len(text)].strip()
        header = (index < first_recurring < len(labels) and is_role_label(label.speaker)
                  and counts[label_key(label.speaker)] == 1 and len(body.split()) <= 5
                  and is_name_like(body) and not body.endswith((".", "!", "?")))
        if not header:
            kept.append(label)
    return kept


def one_spelling(labels: list[Label]) -> list[Label]:
    first: dict[str, str] = {}
    out = []
    for label in labels:
        name = first.setdefault(label_key(label.speaker), label.speaker)
        out.append(label if name == label.speaker else replace(label, speaker=name))
    return out
