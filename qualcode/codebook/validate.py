"""Checks shared by every codebook format: names, colours, GUIDs, shortcuts, duplicates.

Readers turn a file into :class:`Draft` entries (raw text and the line each value came from)
and note any problem they find on the way in a :class:`Problems`; :func:`build_entries` checks
the drafts and raises the problem that comes first in the file as one ``InputError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qualcode.codebook.colours import colour_hint, normalise_colour
from qualcode.codebook.entry import TEXT_FIELDS, Codebook, CodebookEntry
from qualcode.codebook.tree import tree_order
from qualcode.core.codetree import PATH_SEPARATOR, name_problem, path_key
from qualcode.core.errors import InputError

# REFI-QDA's GUIDType: a UUID, optionally in braces.
_UUID = r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}"
_GUID = re.compile(rf"(?P<bare>{_UUID})|\{{(?P<braced>{_UUID})\}}")


class Problems:
    """Problems found in one source; only the first in file order is shown to the user."""

    def __init__(self, source: object, *, with_lines: bool = True, prefix: str = "") -> None:
        self.source = source
        self.with_lines = with_lines  # False when the "lines" are only positions in a list
        self.prefix = prefix
        self._found: list[tuple[int, int, str]] = []

    def add(self, line: int | None, problem: str) -> None:
        self._found.append((line or 0, len(self._found), problem))

    def raise_first(self) -> None:
        if not self._found:
            return
        line, _, problem = min(self._found)
        raise InputError(
            self.source, self.prefix + problem, line=(line or None) if self.with_lines else None
        )


@dataclass
class Draft:
    """One code as read, before checking: values are raw text with the line they were on."""

    path: tuple[str, ...]
    line: int  # where the code starts in the file
    name_line: int
    values: dict[str, tuple[str, int]] = field(default_factory=dict)
    implicit: bool = False  # a CSV parent that no row defines (yet)


def clean_text(text: str) -> str:
    """Line breaks as LF (CRLF, CR and NEL become LF), without surrounding white space."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n").strip()


def normalise_guid(text: str) -> str | None:
    match = _GUID.fullmatch(text.strip())
    if match is None:
        return None
    return (match.group("bare") or match.group("braced")).lower()


def shortcut_problem(shortcut: str) -> str | None:
    if len(shortcut) != 1 or not shortcut.isprintable() or shortcut.isspace():
        return f"shortcut {shortcut!r} must be a single key (one visible character)"
    return None


def _describe(path: tuple[str, ...]) -> str:
    return repr(PATH_SEPARATOR.join(path))


def build_entries(drafts: list[Draft], problems: Problems) -> list[CodebookEntry]:
    """Check ``drafts`` and return them as entries in tree order, or raise the first problem."""
    seen: set[tuple[str, ...]] = set()
    # (line, order, value, code) of every GUID and shortcut, to report the later of two uses.
    guids: list[tuple[int, int, str, tuple[str, ...]]] = []
    shortcuts: list[tuple[int, int, str, tuple[str, ...]]] = []
    entries: list[CodebookEntry] = []
    for order, draft in enumerate(drafts):
        name = draft.path[-1] if draft.path else ""
        problem = name_problem(name)
        if problem:
            problems.add(draft.name_line, problem)
        key = path_key(draft.path)
        if key in seen:
            where = f"under {_describe(draft.path[:-1])}" if len(draft.path) > 1 else "at the top"
            problems.add(
                draft.name_line,
                f"duplicate code {name!r} {where} (names are compared ignoring case)",
            )
        seen.add(key)

        texts = {text: clean_text(draft.values.get(text, ("", 0))[0]) for text in TEXT_FIELDS}

        raw_colour, colour_line = draft.values.get("colour", ("", draft.line))
        colour = normalise_colour(raw_colour)
        if colour is None:
            problems.add(
                colour_line,
                f"code {_describe(draft.path)}: colour {raw_colour.strip()!r} is not a colour; "
                + colour_hint(raw_colour),
            )
            colour = ""

        raw_guid, guid_line = draft.values.get("guid", ("", draft.line))
        guid: str | None = None
        if raw_guid.strip():
            guid = normalise_guid(raw_guid)
            if guid is None:
                problems.add(
                    guid_line,
                    f"code {_describe(draft.path)}: guid {raw_guid.strip()!r} is not a UUID "
                    "(like 3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90)",
                )
            else:
                guids.append((guid_line, order, guid, draft.path))

        shortcut, shortcut_line = draft.values.get("shortcut", ("", draft.line))
        shortcut = shortcut.strip()
        if shortcut:
            problem = shortcut_problem(shortcut)
            if problem:
                problems.add(shortcut_line, f"code {_describe(draft.path)}: {problem}")
                shortcut = ""
            else:
                shortcuts.append((shortcut_line, order, shortcut, draft.path))

        entries.append(
            CodebookEntry(
                path=draft.path,
                guid=guid,
                colour=colour,
                shortcut=shortcut,
                line=draft.line,
                **texts,
            )
        )

    _report_reuse(guids, "guid", problems)
    _report_reuse(shortcuts, "shortcut", problems)
    problems.raise_first()
    return tree_order(entries)


def _report_reuse(
    uses: list[tuple[int, int, str, tuple[str, ...]]], what: str, problems: Problems
) -> None:
    """Report every use of a value after its first use in file order."""
    owner: dict[str, tuple[str, ...]] = {}
    for line, _, value, path in sorted(uses):
        if value in owner:
            problems.add(
                line,
                f"code {_describe(path)}: {what} {value!r} is already used by code "
                f"{_describe(owner[value])}",
            )
        else:
            owner[value] = path


def checked_entries(codebook: Codebook, target: object) -> list[CodebookEntry]:
    """``codebook``'s entries checked as a reader would check them, normalised, in tree order.

    Writers call this so that what they write reads back: a problem raises ``InputError``
    naming ``target`` (the file being written).
    """
    if any(not entry.path for entry in codebook.entries):
        raise InputError(target, "cannot write the codebook: a code has an empty path")
    drafts = []
    for position, entry in enumerate(tree_order(codebook.entries), start=1):
        values = {name: (getattr(entry, name), position) for name in TEXT_FIELDS}
        values["colour"] = (entry.colour, position)
        values["shortcut"] = (entry.shortcut, position)
        values["guid"] = (entry.guid or "", position)
        drafts.append(Draft(path=entry.path, line=position, name_line=position, values=values))
    problems = Problems(target, with_lines=False, prefix="cannot write the codebook: ")
    return build_entries(drafts, problems)
