"""A readable file of identifier decisions (names to find, words never to touch, decisions),
applied to a project: how the demo ships its consultant's review, and how a team shares one.

Every problem is an InputError naming the file and line; the whole file is applied or none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualcode.analysis import identifiers as rules
from qualcode.core import spans
from qualcode.core.errors import InputError
from qualcode.services import pseudonyms
from qualcode.services.yaml_input import load_yaml
from qualcode.store import Store
from qualcode.store import identifiers as register
from qualcode.store.identifiers import Identifier

FIELDS = {"names", "never", "decisions", "planted"}


@dataclass(frozen=True)
class Decision:
    line: int
    identifier: str
    decision: str
    wording: str = ""
    kind: str = rules.PLACE  # for an identifier the scan did not find


@dataclass
class PrivacyFile:
    names: list[str] = field(default_factory=list)
    never: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    planted: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)


def read_privacy_file(path: Path) -> PrivacyFile:
    data, root = load_yaml(path)
    if not isinstance(data, dict):
        raise InputError(path, "expected a mapping with names, never, decisions")
    unknown = set(data) - FIELDS
    if unknown:
        raise InputError(path, f"unknown field(s): {', '.join(sorted(unknown))}")
    lines = {key.value: value for key, value in root.value} if root is not None else {}
    found = PrivacyFile()
    for name in ("names", "never"):
        values = data.get(name) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise InputError(path, f"`{name}` must be a list of words",
                             line=lines[name].start_mark.line + 1 if name in lines else None)
        setattr(found, name, [v.strip() for v in values if v.strip()])
    for item, node in zip(data.get("decisions") or [], _nodes(lines, "decisions"),
                          strict=False):
        found.decisions.append(_decision(path, item, node.start_mark.line + 1))
    for item in data.get("planted") or []:
        if isinstance(item, dict) and {"kind", "text"} <= set(item):
            found.planted.append((str(item["kind"]), str(item["text"])))
    return found


def _nodes(lines: dict[str, Any], name: str) -> list[Any]:
    node = lines.get(name)
    return list(node.value) if node is not None and isinstance(node.value, list) else []


def _decision(path: Path, item: Any, line: int) -> Decision:
    if not isinstance(item, dict) or not isinstance(item.get("identifier"), str):
        raise InputError(path, "each decision needs `identifier:`", line=line)
    chosen = [k for k in ("replace", "keep", "generalise") if k in item]
    if len(chosen) != 1:
        raise InputError(path, "each decision needs one of replace, keep, generalise",
                         line=line)
    kind = str(item.get("kind", rules.PLACE))
    if kind not in rules.KINDS:
        raise InputError(path, f"unknown kind {kind!r}", line=line)
    wording = str(item["generalise"]).strip() if chosen[0] == "generalise" else ""
    if chosen[0] == "generalise" and not wording:
        raise InputError(path, "`generalise:` needs its wording", line=line)
    return Decision(line, item["identifier"].strip(), chosen[0], wording, kind)


def apply_privacy_file(store: Store, path: Path, *, coder: str,
                       entities: bool = False) -> int:
    """Names, never-touch words, a scan, then the decisions; returns decisions applied."""
    found = read_privacy_file(path)
    pseudonyms.add_listed(store, pseudonyms.NAMES_SETTING, found.names, coder=coder)
    pseudonyms.add_listed(store, pseudonyms.NEVER_SETTING, found.never, coder=coder)
    pseudonyms.scan(store, coder=coder, entities=entities)
    applied = 0
    with store.action("pseudonyms file", detail=path.name, coder=coder):
        known = {e.key: e for e in register.identifiers(store)}
        for decision in found.decisions:
            entry = known.get(rules.register_key(decision.identifier))
            if entry is None:
                entry = _add_user_identifier(store, decision, known)
                known[entry.key] = entry
            register.decide(store, entry.id or 0, decision.decision, decision.wording)
            applied += 1
    return applied


def _add_user_identifier(store: Store, decision: Decision,
                         known: dict[str, Identifier]) -> Identifier:
    """An identifier the scan missed: registered as the user's, with every place it occurs."""
    taken = {e.pseudonym for e in known.values() if e.kind == decision.kind}
    entry = Identifier(decision.kind, decision.identifier,
                       rules.register_key(decision.identifier), "user",
                       rules.next_pseudonym(decision.kind, taken))
    entry_id = register.add_identifier(store, entry)
    rows = [(entry_id, doc.id or 0, start, end) for doc in store.documents.all()
            for start, end in spans.find_quote(doc.text, decision.identifier)]
    register.add_occurrences(store, rows)
    return Identifier(**{**entry.__dict__, "id": entry_id})
