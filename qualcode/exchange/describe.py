"""A code's definition, inclusion, exclusion and example in REFI-QDA's one Description.

Written as the definition followed by labelled paragraphs ("Inclusion: ..."), readable in any
tool, and split back on import so a qualcode -> .qdpx -> qualcode round trip keeps them.
"""

from __future__ import annotations

from typing import TypedDict

LABELS = (("inclusion", "Inclusion: "), ("exclusion", "Exclusion: "), ("example", "Example: "))


def join_description(definition: str, inclusion: str = "", exclusion: str = "",
                     example: str = "") -> str:
    parts = [definition.strip()] if definition.strip() else []
    values = {"inclusion": inclusion, "exclusion": exclusion, "example": example}
    for key, label in LABELS:
        if values[key].strip():
            parts.append(label + values[key].strip())
    return "\n\n".join(parts)


class Description(TypedDict):
    """A Description split up: the fields of a code (``Code(**description)``)."""

    definition: str
    inclusion: str
    exclusion: str
    example: str


def split_description(text: str) -> Description:
    current = "definition"
    chunks: dict[str, list[str]] = {"definition": [], **{key: [] for key, _ in LABELS}}
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        for key, label in LABELS:
            if paragraph.startswith(label):
                current, paragraph = key, paragraph[len(label):]
                break
        chunks[current].append(paragraph)
    joined = {key: "\n\n".join(parts).strip() for key, parts in chunks.items()}
    return Description(definition=joined["definition"], inclusion=joined["inclusion"],
                       exclusion=joined["exclusion"], example=joined["example"])
