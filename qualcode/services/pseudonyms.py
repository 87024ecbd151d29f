"""The identifier register: scan the documents, review decisions, and the replacer every
output applies.

Safe by default: an identifier nobody has decided on is replaced if it is a person, a contact
(e-mail, phone, web address), an address, an ID number or a file name; organisations, places
and dates are kept until someone decides (they are often the subject of the study).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from qualcode.analysis import identifiers as rules
from qualcode.core.errors import NotFound, QualcodeError
from qualcode.core.model import Document
from qualcode.core.names import is_role_label, name_variants
from qualcode.store import Store
from qualcode.store import identifiers as register
from qualcode.store.identifiers import Identifier

DECISIONS = ("replace", "generalise", "keep")
NAMES_SETTING = "privacy_names"  # extra names to find (a colleague named in passing)
NEVER_SETTING = "privacy_never"  # words never to touch (the network being studied)


@dataclass
class ScanReport:
    documents: int = 0
    new: Counter[str] = field(default_factory=Counter)  # new identifiers per kind
    occurrences: int = 0  # new occurrences recorded
    warning: str = ""  # e.g. no trained pipeline: no named entities


def scan(store: Store, *, coder: str, entities: bool = True, dates: bool = False,
         documents: Sequence[Document] | None = None, undoable: bool = True) -> ScanReport:
    """Find identifiers in ``documents`` (default: all) and add them to the register.

    The scan an import makes is part of that import: not undoable on its own."""
    docs = list(documents) if documents is not None else store.documents.all()
    report = ScanReport(documents=len(docs))
    names = _known_names(store)
    found_per_doc, report.warning = detect(store, docs, entities=entities, dates=dates)
    with store.action("scan identifiers", detail=f"{len(docs)} documents", coder=coder,
                      undoable=undoable):
        known = {i.key: i for i in register.identifiers(store)}
        people: dict[str, str] = {}
        for name in names:  # every speaker is a person, named in the text or not
            key = rules.register_key(name)
            if key not in known:
                known[key] = _new(store, rules.Found(rules.PERSON, 0, 0, name, "speaker"), key,
                                  known, people)
                report.new[rules.PERSON] += 1
        people.update(_person_pseudonyms(known, names))
        rows = []
        for doc in docs:
            for item in [*found_per_doc[doc.id or 0], _file(doc)]:
                key = rules.register_key(item.text)
                entry = known.get(key)
                if entry is None:
                    entry = _new(store, item, key, known, people)
                    known[key] = entry
                    report.new[item.kind] += 1
                if item.end > item.start:
                    rows.append((entry.id or 0, doc.id or 0, item.start, item.end))
        report.occurrences = register.add_occurrences(store, rows)
    return report


def detect(store: Store, docs: Sequence[Document], *, entities: bool = True,
           dates: bool = False) -> tuple[dict[int, list[rules.Found]], str]:
    """What the detectors find in each document (no register involved), and a warning when
    named entities could not be looked for."""
    names = _known_names(store)
    never = list(store.settings.get(NEVER_SETTING, []) or [])
    entity_spans, warning = (_entities(store, docs) if entities else ({}, ""))
    found_per_doc = {}
    for doc in docs:
        found = (rules.find_patterns(doc.text) + rules.find_names(doc.text, names)
                 + rules.from_entities(doc.text, entity_spans.get(doc.id or 0, ()),
                                       dates=dates))
        found_per_doc[doc.id or 0] = rules.resolve_overlaps(found, never)
    return found_per_doc, warning


def _known_names(store: Store) -> list[str]:
    speakers = {s.name for s in store.speakers.all() if not is_role_label(s.name)}
    return sorted(speakers | set(store.settings.get(NAMES_SETTING, []) or []))


def _person_pseudonyms(known: dict[str, Identifier], names: list[str]) -> dict[str, str]:
    """Each known name's parts share its pseudonym: "Irina" is the same person as
    "Irina Ceban"."""
    shared: dict[str, str] = {}
    for name in names:
        whole = known.get(rules.register_key(name))
        if whole is not None:
            for variant in name_variants(name):
                shared.setdefault(rules.register_key(variant), whole.pseudonym)
    return shared


def _new(store: Store, item: rules.Found, key: str, known: dict[str, Identifier],
         people: dict[str, str]) -> Identifier:
    pseudonym = people.get(key) if item.kind == rules.PERSON else None
    if pseudonym is None:
        pseudonym = rules.next_pseudonym(
            item.kind, {i.pseudonym for i in known.values() if i.kind == item.kind})
    entry = Identifier(item.kind, item.text, key, item.source, pseudonym)
    entry_id = register.add_identifier(store, entry)
    if item.kind == rules.PERSON:
        for variant in name_variants(item.text):
            people.setdefault(rules.register_key(variant), pseudonym)
    return Identifier(**{**entry.__dict__, "id": entry_id})


def _file(doc: Document) -> rules.Found:
    """A document's file name (often the interviewee's name): no place in the text."""
    return rules.Found(rules.FILE, 0, 0, doc.name, "file")


def _entities(store: Store, docs: Sequence[Document]) -> tuple[
        dict[int, list[tuple[int, int, str]]], str]:
    from qualcode.nlp.parse import parse_texts
    from qualcode.services.settings import model_choice

    choice = model_choice(store)
    if choice.is_blank:
        return {}, ("no trained spaCy pipeline: people, organisations and places named inside "
                    "answers are not found; only speaker names, listed names and patterns")
    spans = []
    texts = []
    for doc in docs:
        for turn in store.turns.all(doc.id or 0):
            if turn.text_end > turn.text_start:
                spans.append((doc.id or 0, turn.text_start))
                texts.append(doc.text[turn.text_start:turn.text_end])
    found: dict[int, list[tuple[int, int, str]]] = {}
    for (doc_id, offset), parsed in zip(spans, parse_texts(texts, choice.name, entities=True),
                                        strict=True):
        found.setdefault(doc_id, []).extend(
            (offset + s, offset + e, label) for s, e, label in parsed.entities)
    return found, choice.warning


# -- review ----------------------------------------------------------------------------------

def find(store: Store, ref: str) -> Identifier:
    """An identifier by id, pseudonym ("[Person B]") or text (case and accents ignored)."""
    entries = register.identifiers(store)
    for entry in entries:
        if ref.isdigit() and entry.id == int(ref):
            return entry
    key = rules.register_key(ref)
    matches = [e for e in entries if e.key == key or rules.register_key(e.pseudonym) == key]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(f"no identifier {ref!r} in the register (qualcode pseudonyms list)")
    raise QualcodeError(f"{ref!r} names {len(matches)} identifiers; give the id instead")


def set_decision(store: Store, entries: Sequence[Identifier], decision: str, *, coder: str,
                 replacement: str = "") -> int:
    """Decide for ``entries`` in one undoable action; returns how many changed."""
    if decision not in DECISIONS:
        raise QualcodeError(f"unknown decision {decision!r} (choose from {', '.join(DECISIONS)})")
    if decision == "generalise" and not replacement.strip():
        raise QualcodeError("a generalisation needs its wording, e.g. \"a town in Moldova\"")
    changed = 0
    with store.action(f"pseudonyms {decision}", detail=f"{len(entries)} identifiers",
                      coder=coder):
        for entry in entries:
            text = replacement.strip() if decision == "generalise" else ""
            if entry.decision != decision or entry.replacement != text:
                register.decide(store, entry.id or 0, decision, text)
                changed += 1
    return changed


KIND_ORDER = (rules.PERSON, rules.EMAIL, rules.PHONE, rules.ADDRESS, rules.ID_NUMBER, rules.URL,
              rules.FILE, rules.ORGANISATION, rules.PLACE, rules.DATE)


def register_entries(store: Store) -> list[Identifier]:
    """The register for review: people and contacts first, the most frequent first."""
    return sorted(register.identifiers(store),
                  key=lambda e: (KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else 99,
                                 -e.occurrences, e.text.casefold()))


def replaces(entry: Identifier) -> bool:
    if entry.decision is None:
        return entry.kind in rules.REPLACED_BY_DEFAULT
    return entry.decision != "keep"


def replacement_of(entry: Identifier) -> str:
    if entry.decision == "generalise" and entry.replacement:
        return f"[{entry.replacement}]"
    return entry.pseudonym


def replacer(store: Store) -> rules.Replacer:
    """What every pseudonymised output applies: the register's decisions, defaults where none."""
    mapping: dict[str, str] = {}
    for entry in register.identifiers(store):
        if not replaces(entry):
            continue
        forms = {entry.text}
        if entry.kind == rules.FILE:
            stem = entry.text.rsplit(".", 1)[0]
            forms.add(stem)
        for form in forms:
            mapping.setdefault(form, replacement_of(entry))
    return rules.Replacer(mapping)


def add_listed(store: Store, setting: str, words: Sequence[str], *, coder: str) -> list[str]:
    """Add names to find (``NAMES_SETTING``) or words never to touch (``NEVER_SETTING``)."""
    if setting not in (NAMES_SETTING, NEVER_SETTING):
        raise ValueError(setting)
    current = list(store.settings.get(setting, []) or [])
    new = [w.strip() for w in words if w.strip() and w.strip() not in current]
    if new:
        with store.action("pseudonyms list", detail=", ".join(new), coder=coder):
            store.settings.set(setting, current + new)
            if setting == NEVER_SETTING:
                keys = {rules.register_key(w) for w in new}
                for entry in register.identifiers(store):
                    if entry.key in keys and entry.decision != "keep":
                        register.decide(store, entry.id or 0, "keep")
    return new
