"""Finding what could identify a person in a transcript, and replacing it consistently.

Detectors: speaker names and their parts, user-listed names, named entities from the NLP layer
(people, organisations, places, optionally dates), and patterns for e-mail addresses, phone
numbers, URLs, street addresses and ID-like numbers. Each finding has a kind and a register
key (case and diacritics folded), so every occurrence of one identifier gets one decision and
one pseudonym ("[Person B]", "[Town 2]").

:class:`Replacer` applies the decisions to any text that leaves the project, and can map a
transcript's offsets onto its pseudonymised copy so codings stay exact.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from qualcode.core.names import fold, is_role_label, name_variants

PERSON, ORGANISATION, PLACE, DATE = "person", "organisation", "place", "date"
EMAIL, PHONE, URL, ADDRESS, ID_NUMBER, FILE = "email", "phone", "url", "address", "id", "file"
KINDS = (PERSON, ORGANISATION, PLACE, DATE, EMAIL, PHONE, URL, ADDRESS, ID_NUMBER, FILE)
# Replaced until someone decides otherwise: people, their contacts and addresses.
REPLACED_BY_DEFAULT = frozenset({PERSON, EMAIL, PHONE, URL, ADDRESS, ID_NUMBER, FILE})
ENTITY_KINDS = {"PERSON": PERSON, "ORG": ORGANISATION, "GPE": PLACE, "LOC": PLACE,
                "FAC": PLACE, "DATE": DATE}
LABELS = {PERSON: "Person", ORGANISATION: "Organisation", PLACE: "Place", DATE: "Date",
          EMAIL: "E-mail", PHONE: "Phone", URL: "Web address", ADDRESS: "Address",
          ID_NUMBER: "ID number", FILE: "Document"}
# Patterns first wins over entities where they overlap: they are more certain.
PRIORITY = {EMAIL: 0, URL: 1, PHONE: 2, ADDRESS: 3, ID_NUMBER: 4, FILE: 5, PERSON: 6,
            ORGANISATION: 7, PLACE: 8, DATE: 9}

_STREET_WORDS = (r"Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|Square|Way|Drive"
                 r"|Place|Court")
_STREET_BEFORE = (r"Strada|Str\.|Bulevardul|Bd\.|Calea|Ulica|ul\.|ulitsa|Rruga|Bulevar"
                  r"|Bulevardi|Via|Rue|Straße|Strasse|Calle|Avenida|Piața|Trg|Nám\.")
_CAP = r"(?:[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*|cel|de|la|del|der|van|von|di|da|do|dos|al|el)"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (EMAIL, re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (URL, re.compile(r"(?<!\w)(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]")),
    (PHONE, re.compile(r"(?<![\w+])(?:(?:\+|00)\d{1,3}|\(?0\d{1,4}\)?)(?:[ ./-]?\(?\d{2,4}\)?)"
                       r"{2,4}(?![\w-])")),
    (ADDRESS, re.compile(rf"(?<!\w)\d{{1,5}}[A-Za-z]?,?\s+(?:{_CAP}\s+){{1,4}}"
                         rf"(?:{_STREET_WORDS})(?!\w)")),
    (ADDRESS, re.compile(rf"(?<!\w)(?:{_STREET_BEFORE})\s+(?:{_CAP}\s*){{1,4}}"
                         r"(?:,?\s*(?:nr\.?|no\.?|br\.?)?\s*\d{1,5}[A-Za-z]?)?")),
    (ID_NUMBER, re.compile(r"(?<![\w.,])(?:[A-Z]{1,3}[-/ ]?)?\d{6,}(?![\w.,]\d)")),
]


@dataclass(frozen=True, slots=True)  # a long transcript names its speakers 300,000 times
class Found:
    kind: str
    start: int
    end: int
    text: str
    source: str  # pattern, speaker, name list, entity, file


def register_key(text: str) -> str:
    """One identifier, however it is written: case, diacritics and spacing folded."""
    return " ".join(fold(text).casefold().split())


def find_patterns(text: str) -> list[Found]:
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            value = match.group().rstrip(" ,")
            if kind == PHONE and sum(ch.isdigit() for ch in value) < 7:
                continue  # too short for a phone number: a year, a count
            found.append(Found(kind, match.start(), match.start() + len(value), value,
                               "pattern"))
    return found


def find_names(text: str, names: Iterable[str], *, source: str = "speaker") -> list[Found]:
    """Every occurrence of the names (whole, by parts, with or without diacritics)."""
    variants = sorted({v for n in names if n.strip() and not is_role_label(n)
                       for v in name_variants(n)}, key=lambda v: (-len(v), v))
    if not variants:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, variants)) + r")(?!\w)")
    # One string per name, not per occurrence.
    return [Found(PERSON, m.start(), m.end(), sys.intern(m.group()), source)
            for m in pattern.finditer(text)]


def from_entities(text: str, entities: Iterable[tuple[int, int, str]], *,
                  dates: bool = False) -> list[Found]:
    found = []
    for start, end, label in entities:
        kind = ENTITY_KINDS.get(label)
        if kind is None or (kind == DATE and not dates):
            continue
        value = _tidy(text[start:end])
        if len(value) < 2 or not any(ch.isalpha() for ch in value) or value.islower():
            continue  # "the two", "it": the model's noise
        offset = text.index(value, start)
        found.append(Found(kind, offset, offset + len(value), value, "entity"))
    return found


def _tidy(value: str) -> str:
    """An entity as a name: no leading article, no dangling bracket ("CA-02 (Serbia")."""
    value = value.strip(" .,;:'\"’“”")
    if value.count("(") > value.count(")"):
        value = value[:value.rindex("(")]
    if value[:4].casefold() == "the ":
        value = value[4:]
    return value.strip(" .,;:'\"’“”()")


def resolve_overlaps(found: Iterable[Found], never: Iterable[str] = ()) -> list[Found]:
    """One finding per stretch of text: the surer kind, then the longer, wins; words the
    user never wants touched (the network's own name, say) are dropped."""
    keep_out = {register_key(w) for w in never if w.strip()}
    chosen: list[Found] = []
    taken: list[tuple[int, int]] = []  # chosen spans by start: they do not overlap, so their
    for item in sorted(found, key=lambda f: (PRIORITY[f.kind], -(f.end - f.start), f.start)):
        if register_key(item.text) in keep_out:  # ends ascend too and one look-up tells
            continue
        before = bisect_left(taken, (item.end,))  # spans starting before this one ends
        if before and item.start < taken[before - 1][1]:
            continue
        insort(taken, (item.start, item.end))
        chosen.append(item)
    return sorted(chosen, key=lambda f: f.start)


def pseudonym(kind: str, index: int) -> str:
    """[Person A] ... [Person Z], [Person AA]; numbers for everything else ([Place 2])."""
    if kind == PERSON:
        letters = ""
        n = index
        while True:
            letters = chr(ord("A") + n % 26) + letters
            n = n // 26 - 1
            if n < 0:
                break
        return f"[Person {letters}]"
    return f"[{LABELS[kind]} {index + 1}]"


def next_pseudonym(kind: str, taken: set[str]) -> str:
    """The first pseudonym of ``kind`` not ``taken`` ("[Person C]" after A and B)."""
    index = len(taken)
    while pseudonym(kind, index) in taken:
        index += 1
    return pseudonym(kind, index)


class Replacer:
    """Replaces every listed identifier (as written, as a register key, unaccented) in text."""

    def __init__(self, replacements: Mapping[str, str]) -> None:
        variants: dict[str, str] = {}
        for text, replacement in replacements.items():
            for form in {text, fold(text), text.upper(), text.title()}:
                if form.strip():
                    variants.setdefault(form, replacement)
        self.variants = variants
        ordered = sorted(variants, key=lambda v: (-len(v), v))
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered))
                                    + r")(?!\w)") if ordered else None)

    def __bool__(self) -> bool:
        return self._pattern is not None

    def __call__(self, text: str) -> str:
        return self.apply(text)[0]

    def apply(self, text: str) -> tuple[str, OffsetMap]:
        """The replaced text and the map from old offsets to new ones."""
        if self._pattern is None or not text:
            return text, OffsetMap([])
        pieces: list[str] = []
        edits: list[tuple[int, int, int, int]] = []  # old start, old end, new start, new end
        cursor = 0
        length = 0
        for match in self._pattern.finditer(text):
            replacement = self.variants[match.group()]
            pieces.append(text[cursor:match.start()])
            length += match.start() - cursor
            edits.append((match.start(), match.end(), length, length + len(replacement)))
            pieces.append(replacement)
            length += len(replacement)
            cursor = match.end()
        pieces.append(text[cursor:])
        return "".join(pieces), OffsetMap(edits)


class OffsetMap:
    """Old offsets to new ones after replacements; inside a replaced span, to its edges."""

    def __init__(self, edits: Sequence[tuple[int, int, int, int]]) -> None:
        self.edits = list(edits)
        self._starts = [e[0] for e in self.edits]

    def start(self, offset: int) -> int:
        return self._map(offset, at_start=True)

    def end(self, offset: int) -> int:
        return self._map(offset, at_start=False)

    def _map(self, offset: int, *, at_start: bool) -> int:
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return offset
        old_start, old_end, new_start, new_end = self.edits[index]
        if offset >= old_end:
            return offset - old_end + new_end
        if offset == old_start:
            return new_start
        return new_start if at_start else new_end
