"""A code's definition, inclusion, exclusion and example in REFI-QDA's one Description.

Written as the definition followed by labelled paragraphs ("Inclusion: ..."), readable in any
tool, and split back on import so a qualcode -> .qdpx -> qualcode round trip keeps them.
"""

from __future__ import annotations

LABELS = (("inclusion", "Inclusion: "), ("exclusion", "Exclusion: "), ("example", "Example: "))


def join_description(definition: str, inclusion: str = "", exclusion: str = "",
                     example: str = "") -> str:
    parts = [definition.strip()] if definition.strip() else []
    values = {"inclusion": inclusion, "exclusion": exclusion, "example": example}
    for key, label in LABELS:
        if values[key].strip():
            parts.append(label + values[key].strip())
    return "\n\n".join(parts)


def split_description(text: str) -> dict[str, str]:
    """{"definition", "inclusion", "exclusion", "example"} from a Description."""
    fields = {"definition": "", "inclusion": "", "exclusion": "", "example": ""}
    current = "definition"
    chunks: dict[str, list[str]] = {k: [] for k in fields}
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        for key, label in LABELS:
            if paragraph.startswith(label):
                current, paragraph = key, paragraph[len(label):]
                break
        chunks[current].append(paragraph)
    for key, parts in chunks.items():
        fields[key] = "\n\n".join(parts).strip()
    return fields
