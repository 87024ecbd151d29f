"""Personal names: their parts and spellings, and labels that are roles rather than names.

Speaker labels that name a role ("Interviewer", "Q", "P1") are not names. A name is matched
as a whole and by its parts ("Irina Ceban", "Irina", "Ceban"), with or without diacritics
("Kovač", "Kovac").
"""

from __future__ import annotations

import re
import unicodedata

# Role and placeholder labels transcripts use instead of names.
_ROLE = re.compile(
    r"(?i)(?:interviewer|interviewee|researcher|moderator|facilitator|respondent|participant"
    r"|speaker|int|note|notes|unknown|audience|group|all|[a-z])\s*\.?\s*\d*")
_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "rev"})
MIN_PART = 3  # shorter name parts ("Al", "Li") would hit ordinary words


def is_role_label(label: str) -> bool:
    return bool(_ROLE.fullmatch(label.strip()))


def fold(text: str) -> str:
    """Diacritics removed: "Kovač" -> "Kovac"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_variants(name: str) -> set[str]:
    """The name, its parts (titles and initials left out), and their unaccented forms."""
    name = " ".join(name.split())
    parts = [p.strip(".,;:()[]\"'") for p in name.split()]
    kept = [p for p in parts if p.casefold() not in _TITLES and len(p) >= MIN_PART
            and not is_role_label(p)]
    found = {name, " ".join(kept), *kept} - {""}
    found |= {v.title() for v in found if v.isupper()}  # "IRINA" as a label, "Irina" in text
    return found | {fold(v) for v in found}
