"""Second looks at the chosen labels of one document, with its text in hand.

- A speaker line without its time in a timestamped transcript ("Maja" alone, where every other
  turn starts "Maja  02:15") still starts a turn.
- A heading label that is a title (the first label of a document whose convention is not
  headings, or a heading with nothing under it) is not a speaker.
"""

from __future__ import annotations

from qualcode.ingest.labels import Family, Label, iter_lines
from qualcode.ingest.rules import label_key
from qualcode.ingest.selection import main_family


def add_bare_name_lines(text: str, labels: list[Label]) -> list[Label]:
    if main_family(labels) is not Family.STAMP:
        return labels
    names = {label_key(label.speaker): label.speaker for label in labels}
    starts = {label.start for label in labels}
    found = list(labels)
    for offset, line in iter_lines(text):
        key = label_key(line.strip().strip("*_").rstrip(":").strip())
        if key in names and offset not in starts and line.strip():
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
